//! LTS flags: declared, or chosen from the anchor by the LTS rule.

use chrono::{Days, NaiveDate};

use super::dates::add_months;
use super::definition::Policy;
use super::error::{Beyond, PolicyError};
use super::model::{LtsReason, Source};
use super::rules::LtsChoice;

fn beyond_last_line() -> PolicyError {
    PolicyError::OutOfRange {
        what: Beyond::LtsAfterLastLine,
    }
}

impl Policy {
    /// Why the line at `index` is LTS or not.
    pub(crate) fn lts_reason(&self, index: usize) -> Result<LtsReason, PolicyError> {
        let Some(rule) = self.lts_rule() else {
            return Ok(LtsReason::NoLtsRule);
        };
        if let Some(flag) = self.history().get(index).and_then(|release| release.lts) {
            return Ok(LtsReason::Declared(flag));
        }
        let anchor_index = self.anchor();
        let anchor_release = &self.history()[anchor_index];
        let anchor = anchor_release.line;
        let Some(places) = index.checked_sub(anchor_index) else {
            return Ok(LtsReason::BeforeAnchor { anchor });
        };
        if places == 0 {
            return Ok(LtsReason::FirstLine);
        }
        match rule.choice {
            LtsChoice::Every(every) => Ok(LtsReason::Counted {
                anchor,
                anchor_declared: anchor_release.lts == Some(true),
                places: places as u64,
                every: u64::from(every),
            }),
            LtsChoice::EveryMonths(months) => self.nearest_reason(index, months),
        }
    }

    /// Whether the line at `index` is LTS, and where that comes from.
    pub(crate) fn lts_at(&self, index: usize) -> Result<(bool, Source), PolicyError> {
        let reason = self.lts_reason(index)?;
        Ok((reason.is_lts(), reason.source()))
    }

    /// The index of the `count`-th LTS line after `index`.
    pub(crate) fn lts_after(&self, index: usize, count: u32) -> Result<usize, PolicyError> {
        let mut found = 0;
        let mut candidate = index;
        // Past the anchor and the history, the rule makes a line LTS every
        // `every` lines or every so many months, so this ends.
        while found < count {
            candidate = candidate.checked_add(1).ok_or_else(beyond_last_line)?;
            if self.lts_at(candidate)?.0 {
                found += 1;
            }
        }
        Ok(candidate)
    }

    /// `every_months`: whether the line at `index`, past the anchor, is the
    /// one released nearest to the previous LTS line's release + `months`.
    fn nearest_reason(&self, index: usize, months: u32) -> Result<LtsReason, PolicyError> {
        let mut chain = self.lts_chain.lock();
        if chain.is_empty() {
            chain.push(self.anchor());
        }
        while chain.last().is_some_and(|&last| last < index) {
            let previous = chain[chain.len() - 1];
            let next = self.nearest_after(previous, months)?;
            chain.push(next);
        }
        let at = chain.partition_point(|&lts| lts < index);
        // The anchor is chain[0] and index is past it, so `at` >= 1.
        let previous = chain[at - 1];
        Ok(LtsReason::Nearest {
            previous: self.line_at(previous)?,
            target: self.lts_target(previous, months)?,
            chosen: chain.get(at) == Some(&index),
        })
    }

    /// The previous LTS line's release + `months`.
    fn lts_target(&self, previous: usize, months: u32) -> Result<NaiveDate, PolicyError> {
        let released = self.release_at(previous)?.0;
        add_months(released, u64::from(months)).ok_or_else(beyond_last_line)
    }

    /// The line after `previous`, not declared `lts: false`, released
    /// nearest to `previous`'s release + `months`; a tie goes to the earlier.
    fn nearest_after(&self, previous: usize, months: u32) -> Result<usize, PolicyError> {
        let target = self.lts_target(previous, months)?;
        let declared_not = |index: usize| {
            self.history()
                .get(index)
                .is_some_and(|release| release.lts == Some(false))
        };
        // The first line released on or after the target, then the one before.
        let eve = target.checked_sub_days(Days::new(1)).unwrap_or(target);
        let mut later = self
            .latest_index_on(eve)?
            .map_or(0, |latest| latest + 1)
            .max(previous + 1);
        while declared_not(later) {
            later += 1;
        }
        let mut earlier = later - 1;
        while earlier > previous && declared_not(earlier) {
            earlier -= 1;
        }
        if earlier == previous {
            return Ok(later);
        }
        let distance = |index: usize| -> Result<i64, PolicyError> {
            Ok((self.release_at(index)?.0 - target).num_days().abs())
        };
        Ok(if distance(earlier)? <= distance(later)? {
            earlier
        } else {
            later
        })
    }
}
