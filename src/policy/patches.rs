//! Patch releases: the newest version of a line on a date, and the next
//! patch day with what it ships.

use chrono::NaiveDate;
use semver::Version;

use super::Policy;
use super::calendar::{LineInfo, Source};
use super::dates::{weekday_after, weekdays_between};
use super::definition::KnownPatch;
use super::error::PolicyError;
use super::roles::SupportedLine;

/// A released version of a line, with its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patch {
    pub version: Version,
    pub released: NaiveDate,
    pub source: Source,
}

/// The newest patch day on or after a date and what ships on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchDay {
    pub day: NaiveDate,
    /// One patch per supported line released before the day, newest line first.
    pub patches: Vec<SupportedLine>,
    /// Lines whose `.0` comes out that same day.
    pub new_lines: Vec<LineInfo>,
}

impl Patch {
    /// The `.0` release that opens a line.
    #[must_use]
    pub fn opening(info: &LineInfo) -> Self {
        Self {
            version: info.line.first_version(),
            released: info.released,
            source: info.released_source,
        }
    }
}

impl Policy {
    /// The newest version of a line on `date`: known patches as recorded,
    /// then one more per release weekday after the newest known one (or
    /// after the `.0`), before the eol. `None` before the line's release.
    ///
    /// # Errors
    /// [`PolicyError::NumberOverflow`] when the patch number would pass `u64::MAX`.
    pub fn newest_patch(
        &self,
        info: &LineInfo,
        date: NaiveDate,
    ) -> Result<Option<Patch>, PolicyError> {
        if date < info.released {
            return Ok(None);
        }
        let known = self
            .history()
            .get(info.index)
            .map_or(&[][..], |release| &release.patches[..]);
        let opening = Patch::opening(info);
        let recorded = |patch: &KnownPatch| Patch {
            version: patch.version.clone(),
            released: patch.released,
            source: Source::History,
        };
        let base = match known.last() {
            Some(newest) if date < newest.released => {
                let newest_by_then = known.iter().rev().find(|patch| patch.released <= date);
                return Ok(Some(newest_by_then.map_or(opening, recorded)));
            }
            Some(newest) => recorded(newest),
            None => opening,
        };
        let until = date.succ_opt().map_or(info.eol, |next| next.min(info.eol));
        let weekday = self.release_weekday();
        let count = weekdays_between(base.released, until, weekday);
        if count == 0 {
            return Ok(Some(base));
        }
        let patch =
            base.version
                .patch
                .checked_add(count)
                .ok_or_else(|| PolicyError::NumberOverflow {
                    what: "patch",
                    after: base.version.to_string(),
                })?;
        let released = weekday_after(base.released, weekday)
            .and_then(|first| first.checked_add_days(chrono::Days::new((count - 1) * 7)))
            .ok_or_else(|| PolicyError::OutOfRange {
                what: format!("the patch days of {}", info.line),
            })?;
        Ok(Some(Patch {
            version: info.line.version(patch),
            released,
            source: Source::Rules,
        }))
    }

    /// The first patch day on or after `date` on which a patch ships.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when no such day can be represented.
    pub fn next_patch_day_from(&self, date: NaiveDate) -> Result<PatchDay, PolicyError> {
        match date.pred_opt() {
            Some(previous) => self.next_patch_day_after(previous),
            None => self.next_patch_day_after(date),
        }
    }

    /// The first patch day strictly after `date` on which a patch ships.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when no such day can be represented.
    pub fn next_patch_day_after(&self, date: NaiveDate) -> Result<PatchDay, PolicyError> {
        let out_of_range = || PolicyError::OutOfRange {
            what: format!("the next patch day after {date}"),
        };
        // No patch ships on or before the first release.
        let start = date.max(self.history()[0].released);
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
                .checked_add_days(chrono::Days::new(7))
                .ok_or_else(out_of_range)?;
        }
    }

    /// Every patch day from `from` to `to` (both included) on which a patch ships.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when a date cannot be represented.
    pub fn patch_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<PatchDay>, PolicyError> {
        let mut days = Vec::new();
        let mut next = self.next_patch_day_from(from)?;
        while next.day <= to {
            let day = next.day;
            days.push(next);
            next = self.next_patch_day_after(day)?;
        }
        Ok(days)
    }

    /// The newest version of a line on `date`, or its `.0` when it comes later.
    ///
    /// # Errors
    /// As [`Policy::newest_patch`].
    pub fn newest_or_first_version(
        &self,
        info: &LineInfo,
        date: NaiveDate,
    ) -> Result<Patch, PolicyError> {
        let on_or_after_release = date.max(info.released);
        Ok(self
            .newest_patch(info, on_or_after_release)?
            .unwrap_or_else(|| Patch::opening(info)))
    }
}
