//! Patch days: the next day a patch ships, and what ships on it.

use chrono::{Days, NaiveDate};

use super::dates::weekday_after;
use super::definition::Policy;
use super::error::{Beyond, PolicyError};
use super::model::{LineInfo, SupportedLine};

/// The first day a search for a patch day may answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Start {
    /// This day or a later one.
    OnOrAfter(NaiveDate),
    /// A day strictly after this one.
    After(NaiveDate),
}

/// A patch day and what ships on it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PatchDay {
    /// The day.
    pub day: NaiveDate,
    /// One patch per supported line released before the day, newest line
    /// first; each line's `latest_patch` is the version it ships.
    pub patches: Vec<SupportedLine>,
    /// Lines whose `.0` comes out that same day.
    pub new_lines: Vec<LineInfo>,
}

impl Policy {
    /// The first patch day from `start` on which a patch ships.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when no such day can be represented.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::{Policy, Start, parse_date};
    /// let kestra = Policy::kestra().unwrap();
    /// // 2026-11-25 is a Wednesday; patches come out on Tuesdays.
    /// let next = kestra.next_patch(Start::After(parse_date("2026-11-25").unwrap())).unwrap();
    /// assert_eq!(next.day.to_string(), "2026-12-01");
    /// let versions: Vec<String> =
    ///     next.patches.iter().map(|line| line.latest_patch.version.to_string()).collect();
    /// assert_eq!(versions, ["2.1.3", "1.3.39"]);
    /// ```
    pub fn next_patch(&self, start: Start) -> Result<PatchDay, PolicyError> {
        let after = match start {
            Start::After(date) => date,
            Start::OnOrAfter(date) => date.pred_opt().unwrap_or(date),
        };
        let out_of_range = || PolicyError::OutOfRange {
            what: Beyond::PatchDayAfter(after),
        };
        // No patch ships on or before the first release.
        let start = after.max(self.first_release().released);
        let mut day = weekday_after(start, self.release_weekday()).ok_or_else(out_of_range)?;
        // A day ships nothing only when the latest line comes out on it or
        // recorded patches skip it; both end within the history.
        loop {
            let eve = day.pred_opt().ok_or_else(out_of_range)?;
            let mut patches = Vec::new();
            let mut new_lines = Vec::new();
            for line in self.supported_on(day)? {
                let eve_patch = self.newest_patch(&line.info, eve)?;
                if line.info.released == day {
                    new_lines.push(line.info);
                } else if eve_patch.map(|patch| patch.version)
                    != Some(line.latest_patch.version.clone())
                {
                    patches.push(line);
                }
            }
            if !patches.is_empty() {
                return Ok(PatchDay {
                    day,
                    patches,
                    new_lines,
                });
            }
            day = day
                .checked_add_days(Days::new(7))
                .ok_or_else(out_of_range)?;
        }
    }

    /// Every patch day from `from` to `to` (both included) on which a patch
    /// ships, computed as the iteration goes.
    pub fn patch_days(&self, from: NaiveDate, to: NaiveDate) -> PatchDays<'_> {
        PatchDays {
            policy: self,
            next: Some(Start::OnOrAfter(from)),
            to,
        }
    }
}

/// The patch days of a range, as [`Policy::patch_days`] gives them.
#[derive(Debug, Clone)]
pub struct PatchDays<'p> {
    policy: &'p Policy,
    /// Where the next search starts; `None` once done.
    next: Option<Start>,
    to: NaiveDate,
}

impl Iterator for PatchDays<'_> {
    type Item = Result<PatchDay, PolicyError>;

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.next.take()?;
        match self.policy.next_patch(start) {
            Ok(day) if day.day <= self.to => {
                self.next = Some(Start::After(day.day));
                Some(Ok(day))
            }
            Ok(_) => None,
            Err(err) => Some(Err(err)),
        }
    }
}
