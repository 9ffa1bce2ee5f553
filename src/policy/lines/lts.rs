//! LTS flags: declared, or chosen from the anchor by the LTS rule.

use chrono::{Days, NaiveDate};

use super::info::LtsReason;
use super::release::{Place, Source};
use crate::policy::dates::add_months;
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, PolicyError};
use crate::policy::rules::line_rules::LtsChoice;

fn beyond_last_line() -> PolicyError {
    PolicyError::OutOfRange {
        what: Beyond::LtsAfterLastLine,
    }
}

impl Policy {
    /// Why the line at `place` is LTS or not.
    pub(crate) fn lts_reason(&self, place: Place) -> Result<LtsReason, PolicyError> {
        // A line's own rules decide; a change that adds LTS lines makes no
        // earlier line LTS.
        let Some(rule) = self.rules_at(place)?.lts else {
            return Ok(LtsReason::NoLtsRule);
        };
        if let Some(flag) = self.known(place).and_then(|release| release.lts) {
            return Ok(LtsReason::Declared(flag));
        }
        let anchor = self.anchor();
        let Some(places) = place.since(anchor.place) else {
            return Ok(LtsReason::BeforeAnchor {
                anchor: anchor.line.clone(),
            });
        };
        if places == 0 {
            return Ok(LtsReason::FirstLine);
        }
        match rule.choice {
            LtsChoice::Every(every) => Ok(LtsReason::Counted {
                anchor: anchor.line.clone(),
                anchor_declared: anchor.declared,
                places: places as u64,
                every: u64::from(every),
            }),
            LtsChoice::EveryMonths(months) => self.nearest_reason(place, months),
        }
    }

    /// Whether the line at `place` is LTS, and where that comes from.
    pub(crate) fn lts_at(&self, place: Place) -> Result<LtsFlag, PolicyError> {
        let reason = self.lts_reason(place)?;
        Ok(LtsFlag {
            lts: reason.is_lts(),
            source: reason.source(),
        })
    }

    /// The place of the `count`-th LTS line after `place`; `None` when
    /// the history has no such line and no rule projects one.
    pub(crate) fn lts_after(&self, place: Place, count: u32) -> Result<Option<Place>, PolicyError> {
        if let Some(counted) = self.counted_lts_after(place, count) {
            return Ok(Some(counted));
        }
        let mut found = 0;
        let mut candidate = place;
        // Past the anchor and the history, the rule makes a line LTS every
        // `every` lines or every so many months, so this ends.
        while found < count {
            candidate = candidate.next().ok_or_else(beyond_last_line)?;
            if !self.has_line_at(candidate) {
                return Ok(None);
            }
            if self.lts_at(candidate)?.lts {
                found += 1;
            }
        }
        Ok(Some(candidate))
    }

    /// [`Policy::lts_after`] by counting, not by asking each line: where
    /// every line after `place` is projected past the walk, by rules that
    /// make every `every`-th line from the anchor LTS. `None` elsewhere.
    fn counted_lts_after(&self, place: Place, count: u32) -> Option<Place> {
        let LtsChoice::Every(every) = self.last_rules().lts.as_ref()?.choice else {
            return None;
        };
        let walked = self.plan()?.walked.len();
        if place.since(self.newest_place())? < walked {
            return None;
        }
        let every = usize::try_from(every).ok()?;
        let to_next = every - place.since(self.anchor().place)? % every;
        let more = usize::try_from(count).ok()?.checked_sub(1)?;
        place.after(to_next.checked_add(more.checked_mul(every)?)?)
    }

    /// `every_months`: whether the line at `place`, past the anchor, is the
    /// one released nearest to the previous LTS line's release + `months`.
    fn nearest_reason(&self, place: Place, months: u32) -> Result<LtsReason, PolicyError> {
        let mut chains = self.lts_chain.lock();
        // One chain per `every_months` the rules give: rules that change
        // may give two.
        let at = match chains.iter().position(|(every, _)| *every == months) {
            Some(at) => at,
            None => {
                chains.push((months, vec![self.anchor().place]));
                chains.len() - 1
            }
        };
        let chain = &mut chains[at].1;
        while chain.last().is_some_and(|&last| last < place) {
            let previous = chain[chain.len() - 1];
            let next = self.nearest_after(previous, months)?;
            chain.push(next);
        }
        let at = chain.partition_point(|&lts| lts < place);
        // The anchor is chain[0] and `place` is past it, so `at` >= 1.
        let previous = chain[at - 1];
        Ok(LtsReason::Nearest {
            previous: self.line_at(previous)?,
            target: self.lts_target(previous, months)?,
            chosen: chain.get(at) == Some(&place),
        })
    }

    /// The previous LTS line's release + `months`.
    fn lts_target(&self, previous: Place, months: u32) -> Result<NaiveDate, PolicyError> {
        let released = self.release_at(previous)?.date;
        add_months(released, u64::from(months)).ok_or_else(beyond_last_line)
    }

    /// The line after `previous`, not declared `lts: false`, released
    /// nearest to `previous`'s release + `months`; a tie goes to the earlier.
    fn nearest_after(&self, previous: Place, months: u32) -> Result<Place, PolicyError> {
        let target = self.lts_target(previous, months)?;
        let declared_not = |place: Place| {
            self.known(place)
                .is_some_and(|release| release.lts == Some(false))
        };
        let after = |place: Place| place.next().ok_or_else(beyond_last_line);
        // The first line released on or after the target, then the one before.
        let eve = target.checked_sub_days(Days::new(1)).unwrap_or(target);
        let mut later = self.first_place_after(eve)?.max(after(previous)?);
        while declared_not(later) {
            later = after(later)?;
        }
        let mut earlier = later.previous().unwrap_or(previous);
        while earlier > previous && declared_not(earlier) {
            earlier = earlier.previous().unwrap_or(previous);
        }
        if earlier == previous {
            return Ok(later);
        }
        let distance = |place: Place| -> Result<i64, PolicyError> {
            Ok((self.release_at(place)?.date - target).num_days().abs())
        };
        Ok(if distance(earlier)? <= distance(later)? {
            earlier
        } else {
            later
        })
    }
}

/// Whether a line is LTS, and where that comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LtsFlag {
    pub(crate) lts: bool,
    pub(crate) source: Source,
}
