//! Patch releases: the newest version of a line on a date.

use chrono::NaiveDate;

use super::info::{LineInfo, Patch};
use super::known_patches::KnownPatch;
use super::release::Source;
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, Numbered, PolicyError};
use crate::policy::rules::line_rules::Patches;

impl Policy {
    /// The patches the history records for a line; empty for a projected line.
    pub(crate) fn known_patches(&self, info: &LineInfo) -> &[KnownPatch] {
        self.known(info.place)
            .map_or(&[][..], |release| &release.patches[..])
    }

    /// The newest version of a line the history records by `date` (its `.0`
    /// when it records no patch by then); `None` before the line's release,
    /// and for a line known by name only.
    #[must_use]
    pub fn newest_recorded_version(&self, info: &LineInfo, date: NaiveDate) -> Option<Patch> {
        if date < info.released {
            return None;
        }
        let recorded = self
            .known_patches(info)
            .iter()
            .rev()
            .find(|patch| patch.released <= date)
            .map(|patch| Patch {
                version: patch.version,
                released: patch.released,
                source: Source::History,
            });
        recorded.or_else(|| Patch::opening(info, self.line_kind()))
    }

    /// The day up to which the history's record of patches is complete:
    /// the file's `patches_as_of`, or the newest recorded patch's day;
    /// `None` for a history that records no patch.
    #[must_use]
    pub fn patches_as_of(&self) -> Option<NaiveDate> {
        self.rules()
            .patches_as_of
            .or_else(|| self.newest_recorded_patch())
    }

    /// The day after which a line's patches are projected: the later of
    /// its newest recorded patch (or its `.0`) and the day the patch record
    /// is complete up to.
    pub(crate) fn patches_projected_after(&self, info: &LineInfo) -> NaiveDate {
        let newest = self
            .known_patches(info)
            .last()
            .map_or(info.released, |patch| patch.released);
        self.patches_as_of()
            .map_or(newest, |as_of| newest.max(as_of))
    }

    /// The newest version of a line on `date`: known patches as recorded,
    /// then one more per day of the patch schedule (counted from the
    /// line's `.0`) after the newest known one and after the day the patch
    /// record is complete up to, before the eol. `None` before the line's
    /// release, and for a line known by name only.
    ///
    /// # Errors
    /// [`PolicyError::NumberOverflow`] when the patch number would pass `u64::MAX`.
    pub fn newest_patch(
        &self,
        info: &LineInfo,
        date: NaiveDate,
    ) -> Result<Option<Patch>, PolicyError> {
        let Some(base) = self.newest_recorded_version(info, date) else {
            return Ok(None);
        };
        let Patches::Scheduled(schedule) = &self.rules_at(info.place)?.patches else {
            return Ok(Some(base));
        };
        let after = self.patches_projected_after(info);
        if date <= after {
            return Ok(Some(base));
        }
        // Patch days count from the line's `.0`; the last is before the eol.
        let last_day = match info.eol.and_then(|eol| eol.pred_opt()) {
            Some(last) => last.min(date),
            None if info.supported_until_after(date) => date,
            None => return Ok(Some(base)),
        };
        let anchor = info.released;
        let until_last = schedule.count_until(anchor, last_day);
        let count = until_last.saturating_sub(schedule.count_until(anchor, after));
        if count == 0 {
            return Ok(Some(base));
        }
        let version = base
            .version
            .plus_last(count)
            .ok_or(PolicyError::NumberOverflow {
                after: Numbered::Patch(base.version),
            })?;
        let released = schedule
            .nth(anchor, until_last)
            .ok_or_else(|| PolicyError::OutOfRange {
                what: Beyond::PatchDays(info.line.clone()),
            })?;
        Ok(Some(Patch {
            version,
            released,
            source: Source::Rules,
        }))
    }

    /// The newest version of a line on `date`, or its `.0` when it comes
    /// later; `None` for a line known by name only.
    ///
    /// # Errors
    /// As [`Policy::newest_patch`].
    pub fn newest_or_first_version(
        &self,
        info: &LineInfo,
        date: NaiveDate,
    ) -> Result<Option<Patch>, PolicyError> {
        let on_or_after_release = date.max(info.released);
        Ok(self
            .newest_patch(info, on_or_after_release)?
            .or_else(|| Patch::opening(info, self.line_kind())))
    }
}
