//! LTS flags (declared, or counted from the anchor) and LTS support windows.

use chrono::NaiveDate;

use super::dates::add_months;
use super::definition::Policy;
use super::error::{Beyond, PolicyError};
use super::model::{Line, LtsReason, LtsWindow, Source};

impl Policy {
    /// Why the line at `index` is LTS or not.
    pub(crate) fn lts_reason(&self, index: usize) -> LtsReason {
        if let Some(flag) = self.history().get(index).and_then(|release| release.lts) {
            return LtsReason::Declared(flag);
        }
        let anchor_index = self.anchor();
        let anchor_release = &self.history()[anchor_index];
        let anchor = anchor_release.line;
        match index.checked_sub(anchor_index) {
            Some(0) => LtsReason::FirstLine,
            Some(places) => LtsReason::Counted {
                anchor,
                anchor_declared: anchor_release.lts == Some(true),
                places: places as u64,
                every: self.lts_every_lines(),
            },
            None => LtsReason::BeforeAnchor { anchor },
        }
    }

    /// Whether the line at `index` is LTS, and where that comes from.
    pub(crate) fn lts_at(&self, index: usize) -> (bool, Source) {
        let reason = self.lts_reason(index);
        (reason.is_lts(), reason.source())
    }

    /// The index of the `count`-th LTS line after `index`.
    fn lts_after(&self, index: usize, count: u64) -> Result<usize, PolicyError> {
        let mut found = 0;
        let mut candidate = index;
        // Past the anchor and the history, every `lts_every_lines`-th line is
        // LTS, so this ends within history + count * lts_every_lines steps.
        while found < count {
            candidate = candidate
                .checked_add(1)
                .ok_or_else(|| PolicyError::OutOfRange {
                    what: Beyond::LtsAfterLastLine,
                })?;
            if self.lts_at(candidate).0 {
                found += 1;
            }
        }
        Ok(candidate)
    }

    /// The LTS window of the LTS line at `index`: `min(released +
    /// lts_support_months, release of the LTS line lts_in_parallel places
    /// later)`, unless the history announces its end.
    pub(crate) fn lts_window(
        &self,
        index: usize,
        line: Line,
        released: NaiveDate,
    ) -> Result<LtsWindow, PolicyError> {
        let promised = add_months(released, self.lts_support_months()).ok_or_else(|| {
            PolicyError::OutOfRange {
                what: Beyond::LtsEnd(line),
            }
        })?;
        let successor = self.lts_after(index, self.lts_in_parallel())?;
        let (successor_released, successor_source) = self.release_at(successor)?;
        let announced = self.history().get(index).and_then(|release| release.eol);
        Ok(LtsWindow {
            until: announced.unwrap_or(promised.min(successor_released)),
            promised,
            successor: self.line_at(successor)?,
            successor_released,
            successor_source,
            announced: announced.is_some(),
        })
    }
}
