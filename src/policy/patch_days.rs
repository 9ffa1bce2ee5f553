//! Patch days: the next day a patch ships, and what ships on it. A patch
//! day is a day with a recorded patch, whatever its weekday and whether its
//! line is still supported (backports happen), or a day of the patch
//! schedule on which a supported line's projected patch comes out.

use chrono::{Days, NaiveDate};

use super::dates::weekday_after;
use super::definition::Policy;
use super::error::{Beyond, PolicyError};
use super::model::{LineInfo, Patch, Role, SupportedLine};

/// The first day a search for a patch day may answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Start {
    /// This day or a later one.
    OnOrAfter(NaiveDate),
    /// A day strictly after this one.
    After(NaiveDate),
}

/// A patch that ships on a patch day.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ShippedPatch {
    /// Its line.
    pub info: LineInfo,
    /// The version that ships.
    pub patch: Patch,
    /// The line's roles that day; empty for a backport to a line no longer
    /// supported.
    pub roles: Vec<Role>,
}

/// A patch day and what ships on it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PatchDay {
    /// The day.
    pub day: NaiveDate,
    /// One patch per line that ships one, newest line first.
    pub patches: Vec<ShippedPatch>,
    /// Lines whose `.0` comes out that same day.
    pub new_lines: Vec<LineInfo>,
}

impl Policy {
    /// The first patch day from `start`: the first day with a recorded
    /// patch or a scheduled one.
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
    ///     next.patches.iter().map(|shipped| shipped.patch.version.to_string()).collect();
    /// assert_eq!(versions, ["2.1.3", "1.3.39"]);
    /// ```
    pub fn next_patch(&self, start: Start) -> Result<PatchDay, PolicyError> {
        let after = match start {
            Start::After(date) => date,
            Start::OnOrAfter(date) => date.pred_opt().unwrap_or(date),
        };
        let recorded = self.recorded_patches();
        let next_recorded = recorded
            .get(recorded.partition_point(|(day, _)| *day <= after))
            .map(|(day, _)| *day);
        match self.next_scheduled_patch_day(after, next_recorded)? {
            Some((day, supported)) => self.patch_day(day, supported),
            None => {
                let day = next_recorded.ok_or(PolicyError::OutOfRange {
                    what: Beyond::PatchDayAfter(after),
                })?;
                self.patch_day(day, self.supported_on(day)?)
            }
        }
    }

    /// The first day of the patch schedule after `after`, and before
    /// `before`, on which a supported line's version changes, with the lines
    /// supported that day.
    fn next_scheduled_patch_day(
        &self,
        after: NaiveDate,
        before: Option<NaiveDate>,
    ) -> Result<Option<(NaiveDate, Vec<SupportedLine>)>, PolicyError> {
        let out_of_range = || PolicyError::OutOfRange {
            what: Beyond::PatchDayAfter(after),
        };
        // No patch ships on or before the first release.
        let start = after.max(self.first_release().released);
        let mut day = weekday_after(start, self.release_weekday()).ok_or_else(out_of_range)?;
        // A day ships nothing only when the latest line comes out on it or
        // recorded patches skip it; both end within the history.
        while before.is_none_or(|before| day < before) {
            let supported = self.supported_on(day)?;
            // A line's newest version dated this day is a patch shipped
            // this day (its `.0` is a release, not a patch).
            let ships = |line: &SupportedLine| {
                line.info.released != day && line.latest_patch.released == day
            };
            if supported.iter().any(ships) {
                return Ok(Some((day, supported)));
            }
            day = day
                .checked_add_days(Days::new(7))
                .ok_or_else(out_of_range)?;
        }
        Ok(None)
    }

    /// What ships on `day`: the patches of the lines supported then and of
    /// the lines with a patch recorded that day, and the lines released.
    fn patch_day(
        &self,
        day: NaiveDate,
        supported: Vec<SupportedLine>,
    ) -> Result<PatchDay, PolicyError> {
        let mut patches: Vec<ShippedPatch> = Vec::new();
        let mut new_lines = Vec::new();
        let mut ships = |info: LineInfo, roles: Vec<Role>, patch: Patch| {
            if info.released == day {
                new_lines.push(info);
            } else if patch.released == day {
                patches.push(ShippedPatch { info, patch, roles });
            }
        };
        let supported_lines: Vec<usize> = supported.iter().map(|line| line.info.index).collect();
        for line in supported {
            ships(line.info, line.roles, line.latest_patch);
        }
        let recorded = self.recorded_patches();
        let first = recorded.partition_point(|(date, _)| *date < day);
        for &(_, index) in recorded[first..]
            .iter()
            .take_while(|(date, _)| *date == day)
        {
            if !supported_lines.contains(&index) {
                let info = self.line_info(index)?;
                if let Some(patch) = self.newest_patch(&info, day)? {
                    ships(info, Vec::new(), patch);
                }
            }
        }
        // Newest line first, backports to older lines after.
        patches.sort_by_key(|shipped| std::cmp::Reverse(shipped.info.line));
        patches.dedup_by(|a, b| a.info.line == b.info.line);
        Ok(PatchDay {
            day,
            patches,
            new_lines,
        })
    }

    /// Every patch day from `from` to `to` (both included), computed as the
    /// iteration goes.
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
