//! One cycle of an endoflife.date answer: its name, its dates (an end as
//! the phase's last day, read one day on), and what it says against its
//! own release, left out.

use chrono::NaiveDate;

use super::answer::{RawCycle, RawEnd};
use super::problem::{FactsProblem, Origin, Witness};
use super::record::LineFacts;
use super::scalar::Scalar;
use crate::policy::dates::{LAST_DAY, parse_date};
use crate::policy::error::PolicyError;
use crate::policy::lines::release::RecordedEnd;

/// The day after `date`: an end as lts-policy writes it, which must be a
/// day a policy can write.
fn day_after(cycle: &str, field: &'static str, date: NaiveDate) -> Result<NaiveDate, PolicyError> {
    date.succ_opt()
        .filter(|end| *end <= LAST_DAY)
        .ok_or_else(|| {
            FactsProblem::CycleEndPastLastDay {
                cycle: cycle.to_owned(),
                field,
            }
            .into()
        })
}

/// A cycle's name: its text, or a whole number.
pub(super) fn cycle_name(raw: &RawCycle, at: usize) -> Result<String, PolicyError> {
    let found = match &raw.name {
        Some(Scalar::Text(name)) => return Ok(name.to_string()),
        Some(Scalar::Number(number)) if number.is_u64() => return Ok(number.to_string()),
        // A float would have lost its digits: `1.10` reads as 1.1.
        Some(Scalar::Number(number)) => {
            format!("{number}, a number whose digits may be lost (1.10 reads 1.1)")
        }
        Some(other) => other.to_string(),
        None => "no \"cycle\" (or, in the v1 form, \"name\")".to_owned(),
    };
    Err(FactsProblem::CycleName { at, found }.into())
}

/// The dates of the cycle named `cycle`, read with its name for messages.
pub(super) struct Dates<'n> {
    pub(super) cycle: &'n str,
}

impl Dates<'_> {
    /// The day `value` gives for `field`.
    pub(super) fn day(
        &self,
        value: &Scalar,
        field: &'static str,
    ) -> Result<NaiveDate, PolicyError> {
        match value {
            Scalar::Text(text) => parse_date(text).ok(),
            _ => None,
        }
        .ok_or_else(|| {
            PolicyError::from(FactsProblem::CycleField {
                cycle: self.cycle.to_owned(),
                field,
                found: value.to_string(),
            })
        })
    }

    /// An end: a date (the phase's last day), or whether it has passed, in
    /// the value itself or, in the v1 form, in the flag beside it.
    fn end(&self, raw: &RawEnd, field: &'static str) -> Result<Option<RecordedEnd>, PolicyError> {
        let passed = |flag: &Option<Scalar>| match flag {
            Some(Scalar::Bool(true)) => Some(RecordedEnd::Passed),
            Some(Scalar::Bool(false)) => Some(RecordedEnd::NotYet),
            _ => None,
        };
        match &raw.value {
            None | Some(Scalar::Null) => Ok(passed(&raw.passed)),
            Some(Scalar::Bool(_)) => Ok(passed(&raw.value)),
            Some(value) => {
                let last = self.day(value, field)?;
                Ok(Some(RecordedEnd::On(day_after(self.cycle, field, last)?)))
            }
        }
    }

    /// The facts of the cycle released on `released`.
    pub(super) fn facts(
        &self,
        raw: &RawCycle,
        released: NaiveDate,
    ) -> Result<LineFacts, PolicyError> {
        let (lts, mut lts_from) = match &raw.lts {
            None | Some(Scalar::Null) => (None, None),
            Some(Scalar::Bool(flag)) => (Some(*flag), None),
            Some(value) => (Some(true), Some(self.day(value, "lts")?)),
        };
        if let Some(value @ Scalar::Text(_)) = &raw.lts_from {
            lts_from = lts_from.or(Some(self.day(value, "ltsFrom")?));
        }
        Ok(LineFacts {
            released: Some(Origin {
                by: Witness::Cycle(self.cycle.to_owned()),
                date: released,
            }),
            lts,
            lts_from,
            eol: self.end(&raw.eol, "eol")?,
            active_until: self.end(&raw.support, "support")?,
            extended_until: self.end(&raw.extended, "extendedSupport")?,
            discontinued: self.end(&raw.discontinued, "discontinued")?,
            ..LineFacts::default()
        })
    }

    /// The latest version and its day; `None` without a day (v1 writes
    /// `"date": null`), or, noted in `against`, dated before the release.
    pub(super) fn latest(
        &self,
        raw: &RawCycle,
        released: NaiveDate,
        against: &mut Vec<&'static str>,
    ) -> Result<Option<(String, NaiveDate)>, PolicyError> {
        let (Some(Scalar::Text(latest)), Some(date)) = (&raw.latest, &raw.latest_released) else {
            return Ok(None);
        };
        if *date == Scalar::Null {
            return Ok(None);
        }
        let date = self.day(date, "latestReleaseDate")?;
        if date < released {
            against.push("its latest release is dated before its first");
            return Ok(None);
        }
        Ok(Some((latest.to_string(), date)))
    }
}

/// Leaves out what a cycle released on `released` says against its own
/// release, noting each in `against`.
pub(super) fn leave_out_contradictions(
    facts: &mut LineFacts,
    released: NaiveDate,
    against: &mut Vec<&'static str>,
) {
    if facts
        .eol
        .and_then(RecordedEnd::date)
        .is_some_and(|eol| eol <= released)
    {
        // It has ended, as the record says; only not on that day.
        facts.eol = Some(RecordedEnd::Passed);
        against.push("its end of support is dated before its release");
    }
    if facts
        .active_until
        .and_then(RecordedEnd::date)
        .is_some_and(|end| end <= released)
    {
        facts.active_until = None;
        against.push("its end of active support is dated before its release");
    }
    if facts.lts_from.is_some_and(|from| from < released) {
        facts.lts_from = None;
        against.push("it is dated LTS before its release");
    }
    // The phases follow one another: active support, support, extended.
    let eol = facts.eol.and_then(RecordedEnd::date);
    let dated = |end: Option<RecordedEnd>| end.and_then(RecordedEnd::date);
    if let (Some(active_until), Some(eol)) = (dated(facts.active_until), eol)
        && active_until > eol
    {
        facts.active_until = None;
        against.push("its end of active support is dated after its end of support");
    }
    if let (Some(extended_until), Some(eol)) = (dated(facts.extended_until), eol)
        && extended_until < eol
    {
        facts.extended_until = None;
        against.push("its end of extended support is dated before its end of support");
    }
}
