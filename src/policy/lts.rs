//! LTS flags (declared, or counted from the anchor) and LTS support windows.

use chrono::NaiveDate;

use super::Policy;
use super::calendar::{EolReason, Source};
use super::dates::add_months;
use super::error::PolicyError;
use super::version::Line;

/// Why a line is LTS or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LtsReason {
    /// The history says so.
    Declared(bool),
    /// No line is declared LTS, so the first line anchors the count and is LTS.
    FirstLine,
    /// Counted in release order from the anchor (the newest line declared
    /// LTS, or the first line when none is): LTS when `places` is a multiple
    /// of `every` (`lts_every_months / minor_every_months`).
    Counted {
        anchor: Line,
        anchor_declared: bool,
        places: u64,
        every: u64,
    },
    /// An undeclared line older than the anchor.
    BeforeAnchor { anchor: Line },
}

impl LtsReason {
    #[must_use]
    pub fn is_lts(self) -> bool {
        match self {
            Self::Declared(flag) => flag,
            Self::FirstLine => true,
            Self::Counted { places, every, .. } => places.is_multiple_of(every),
            Self::BeforeAnchor { .. } => false,
        }
    }

    #[must_use]
    pub fn source(self) -> Source {
        match self {
            Self::Declared(_) => Source::History,
            _ => Source::Rules,
        }
    }
}

/// How long an LTS line is maintained, and the two terms that decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LtsWindow {
    /// End of LTS maintenance (not maintained on this day).
    pub until: NaiveDate,
    /// Release + `lts_support_months`: the policy's promise.
    pub promised: NaiveDate,
    /// The LTS line `lts_in_parallel` places later, whose release ends it
    /// when that comes first.
    pub successor: Line,
    pub successor_released: NaiveDate,
    pub successor_source: Source,
    /// Whether `until` is the end the history announces.
    pub announced: bool,
}

impl LtsWindow {
    /// Which term ends the window.
    #[must_use]
    pub fn ends_by(&self) -> EolReason {
        if self.announced {
            EolReason::Announced
        } else if self.until == self.promised {
            EolReason::LtsSupportPeriod
        } else {
            EolReason::LtsSuperseded(self.successor)
        }
    }

    /// Whether `until` is recorded (announced, or a known release) or worked out.
    #[must_use]
    pub fn source(&self) -> Source {
        match self.ends_by() {
            EolReason::Announced => Source::History,
            EolReason::LtsSuperseded(_) => self.successor_source,
            EolReason::LtsSupportPeriod | EolReason::NextRelease(_) => Source::Rules,
        }
    }
}

impl Policy {
    /// Why the line at `index` is LTS or not.
    #[must_use]
    pub fn lts_reason(&self, index: usize) -> LtsReason {
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
    #[must_use]
    pub fn lts_at(&self, index: usize) -> (bool, Source) {
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
                    what: "the LTS line after the last representable line".to_owned(),
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
    pub(super) fn lts_window(
        &self,
        index: usize,
        line: Line,
        released: NaiveDate,
    ) -> Result<LtsWindow, PolicyError> {
        let promised = add_months(released, self.lts_support_months()).ok_or_else(|| {
            PolicyError::OutOfRange {
                what: format!("the end of {line}'s LTS support"),
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
