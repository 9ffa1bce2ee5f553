//! The releases an endoflife.date answer records: each cycle it hands on
//! ([`super::answer`]), read into the facts of its line.

use chrono::NaiveDate;
use semver::Version;
use serde::de::DeserializeSeed;

use super::answer::{AnswerSeed, RawCycle, Scalar, TakeCycle};
use super::problem::{FactsProblem, Origin, Witness};
use super::record::{Facts, Ignored, LineFacts};
use crate::policy::dates::parse_date;
use crate::policy::error::PolicyError;
use crate::policy::model::LineKind;
use crate::policy::version::parse_history_line;

/// The reading of an answer: the facts so far, the cycles numbered
/// otherwise than the policy's lines, and the first problem of meaning
/// (which stops the parse; the syntax is serde_json's).
struct Reading {
    kind: LineKind,
    facts: Facts,
    /// Cycles that are no line of the policy's kind, with their release,
    /// in the answer's order.
    misfits: Vec<(String, NaiveDate)>,
    cycles: usize,
    problem: Option<PolicyError>,
}

impl Reading {
    /// Adds what one cycle says, or the first thing wrong with it.
    fn cycle(&mut self, raw: RawCycle) -> Result<(), PolicyError> {
        let at = self.cycles;
        self.cycles += 1;
        let name = match &raw.name {
            Some(Scalar::Text(name)) => name.to_string(),
            Some(Scalar::Number(number)) if number.is_u64() => number.to_string(),
            // A float would have lost its digits: `1.10` reads as 1.1.
            Some(other) => {
                let found = match other {
                    Scalar::Number(number) => {
                        format!("{number}, a number whose digits may be lost (1.10 reads 1.1)")
                    }
                    other => other.to_string(),
                };
                return Err(FactsProblem::CycleName { at, found }.into());
            }
            None => {
                let found = "no \"cycle\" (or, in the v1 form, \"name\")".to_owned();
                return Err(FactsProblem::CycleName { at, found }.into());
            }
        };
        let day = |value: &Scalar, field: &'static str| {
            match value {
                Scalar::Text(text) => parse_date(text).ok(),
                _ => None,
            }
            .ok_or_else(|| {
                PolicyError::from(FactsProblem::CycleField {
                    cycle: name.clone(),
                    field,
                    found: value.to_string(),
                })
            })
        };
        let released = match &raw.released {
            Some(Scalar::Null) | None => {
                return Err(FactsProblem::CycleWithoutRelease { cycle: name }.into());
            }
            Some(value) => day(value, "releaseDate")?,
        };
        // A date, or nothing: a flag, or null, announces no day.
        let dated = |value: &Option<Scalar>, field| match value {
            None | Some(Scalar::Null | Scalar::Bool(_)) => Ok(None),
            Some(value) => day(value, field).map(Some),
        };
        let (lts, mut lts_from) = match &raw.lts {
            None | Some(Scalar::Null) => (None, None),
            Some(Scalar::Bool(flag)) => (Some(*flag), None),
            Some(value) => (Some(true), Some(day(value, "lts")?)),
        };
        lts_from = lts_from.or(dated(&raw.lts_from, "ltsFrom")?);
        let eol = dated(&raw.eol, "eol")?;
        let active_until = dated(&raw.support, "support")?;
        let Ok(line) = parse_history_line(&name, self.kind) else {
            self.misfits.push((name, released));
            return Ok(());
        };
        let mut facts = LineFacts {
            released: Some(Origin {
                by: Witness::Cycle(line),
                date: released,
            }),
            lts,
            lts_from,
            eol,
            active_until,
            ..LineFacts::default()
        };
        let latest = match &raw.latest {
            Some(Scalar::Text(latest)) => Version::parse(latest).ok().filter(|version| {
                version.pre.is_empty()
                    && version.build.is_empty()
                    && line.holds(version)
                    && *version != line.first_version()
            }),
            _ => None,
        };
        if let (Some(version), Some(date)) = (latest, &raw.latest_released) {
            let date = day(date, "latestReleaseDate")?;
            let origin = Origin {
                by: Witness::CycleLatest(line),
                date,
            };
            facts.patches.insert(version, origin);
        }
        let newest = facts.patches.values().map(|patch| patch.date).max();
        match self.facts.lines.get(&line) {
            Some(known) if *known == facts => return Ok(()),
            Some(_) => return Err(FactsProblem::CycleTwice { cycle: name }.into()),
            None => {}
        }
        self.facts.newest = self.facts.newest.max(Some(released)).max(newest);
        self.facts.lines.insert(line, facts);
        Ok(())
    }

    /// The facts, once the cycles numbered otherwise are left out when they
    /// are older than every line (a product renumbered, as Quarkus 0 and 1
    /// or .NET Core 3.1, is still the product) or refused.
    fn finish(mut self) -> Result<Facts, PolicyError> {
        let first = self
            .facts
            .lines
            .values()
            .filter_map(|line| line.released.as_ref().map(|origin| origin.date))
            .min();
        for (name, released) in self.misfits {
            if first.is_some_and(|first| released < first) {
                self.facts.ignored.push((name, Ignored::OlderNumbering));
            } else {
                return Err(PolicyError::from(FactsProblem::CycleNotALine {
                    cycle: name,
                    kind: self.kind,
                }));
            }
        }
        self.facts.check_release_order()?;
        Ok(self.facts)
    }
}

impl Facts {
    /// The releases an endoflife.date answer for one product records: its
    /// list form (`[{"cycle", "releaseDate", "lts", "eol", "latest",
    /// "latestReleaseDate", ...}]`) or its v1 form (`{"result": {"releases":
    /// [{"name", "releaseDate", "isLts", "eolFrom", "latest": {"name",
    /// "date"}}]}}`). `lts` true or a date declares a line LTS, false not;
    /// an `eol` date is an announced end (a boolean announces nothing);
    /// `latest` is a patch when it is a plain `MAJOR.MINOR.PATCH` of its
    /// line other than its `.0`. Other fields are skipped, and so are
    /// cycles numbered otherwise than the policy's lines that are older than
    /// all of them (Quarkus's `0` and `1`); any other such cycle is an
    /// error. A cycle given twice must say the same both times.
    ///
    /// # Errors
    /// [`PolicyError::NotJson`] for text that is not JSON;
    /// [`PolicyError::Facts`] for an empty answer or one of another shape,
    /// a date that is none, a cycle given twice with different facts, or a
    /// cycle that is not a line of `kind`, naming it.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{LineKind, parse_date};
    /// use lts_policy::facts::Facts;
    /// let answer = r#"[{"cycle": "3.20", "releaseDate": "2025-03-26", "lts": true,
    ///     "eol": "2026-03-26", "latest": "3.20.2", "latestReleaseDate": "2025-08-06"}]"#;
    /// let facts = Facts::from_endoflife(answer, LineKind::Minor).unwrap();
    /// assert_eq!(facts.newest(), Some(parse_date("2025-08-06").unwrap()));
    /// let err = Facts::from_endoflife(r#"[{"cycle": "3"}]"#, LineKind::Minor).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "endoflife.date answer: cycle \"3\": no releaseDate",
    /// );
    /// ```
    pub fn from_endoflife(json: &str, kind: LineKind) -> Result<Self, PolicyError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        if json.trim().is_empty() {
            return Err(PolicyError::from(FactsProblem::EmptyAnswer));
        }
        let mut reading = Reading {
            kind,
            facts: Self::default(),
            misfits: Vec::new(),
            cycles: 0,
            problem: None,
        };
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let parsed = AnswerSeed(&mut reading)
            .deserialize(&mut deserializer)
            .and_then(|()| deserializer.end());
        if let Some(problem) = reading.problem.take() {
            return Err(problem);
        }
        match parsed {
            Ok(()) => reading.finish(),
            Err(err) if err.is_data() => Err(PolicyError::from(FactsProblem::AnswerShape(err))),
            Err(err) => Err(PolicyError::NotJson(err)),
        }
    }
}

impl TakeCycle for Reading {
    fn take(&mut self, cycle: RawCycle) -> bool {
        match self.cycle(cycle) {
            Ok(()) => true,
            Err(problem) => {
                self.problem = Some(problem);
                false
            }
        }
    }
}
