//! Patch releases: the newest version of a line on a date.

use chrono::NaiveDate;
use semver::Version;

use super::definition::Policy;
use super::error::{Beyond, Numbered, PolicyError};
use super::info::{LineInfo, Patch};
use super::model::{KnownPatch, Source};
use super::rules::Patches;

impl Policy {
    /// The patches the history records for a line; empty for a projected line.
    pub(crate) fn known_patches(&self, info: &LineInfo) -> &[KnownPatch] {
        self.known(info.place)
            .map_or(&[][..], |release| &release.patches[..])
    }

    /// The newest version of a line the history records by `date` (its `.0`
    /// when it records no patch by then); `None` before the line's release.
    pub(crate) fn newest_recorded_patch(&self, info: &LineInfo, date: NaiveDate) -> Option<Patch> {
        if date < info.released {
            return None;
        }
        let recorded = self
            .known_patches(info)
            .iter()
            .rev()
            .find(|patch| patch.released <= date)
            .map(|patch| Patch {
                version: patch.version.clone(),
                released: patch.released,
                source: Source::History,
            });
        Some(recorded.unwrap_or_else(|| Patch::opening(info)))
    }

    /// The newest version of a line on `date`: known patches as recorded,
    /// then one more per day of the patch schedule (counted from the
    /// line's `.0`) after the newest known one, before the eol. `None`
    /// before the line's release.
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
        let known = self.known_patches(info);
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
        let Patches::Scheduled(schedule) = &self.rules_at(info.place)?.patches else {
            return Ok(Some(base));
        };
        // Patch days count from the line's `.0`; the last is before the eol.
        let last_day = info.eol.pred_opt().map_or(date, |last| last.min(date));
        let anchor = info.released;
        let until_last = schedule.count_until(anchor, last_day);
        let count = until_last.saturating_sub(schedule.count_until(anchor, base.released));
        if count == 0 {
            return Ok(Some(base));
        }
        let patch =
            base.version
                .patch
                .checked_add(count)
                .ok_or_else(|| PolicyError::NumberOverflow {
                    after: Numbered::Patch(base.version.clone()),
                })?;
        let released = schedule
            .nth(anchor, until_last)
            .ok_or_else(|| PolicyError::OutOfRange {
                what: Beyond::PatchDays(info.line),
            })?;
        Ok(Some(Patch {
            version: Version::new(base.version.major, base.version.minor, patch),
            released,
            source: Source::Rules,
        }))
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
