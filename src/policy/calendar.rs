//! Every line of a policy, known or projected, addressed by its index in
//! release order: its release date, LTS flag and support windows.
//!
//! Index `i < history.len()` is the i-th known line; index `history.len() - 1 + k`
//! is the k-th projected line. Every function is O(1) in the index for
//! projected lines, so far dates cost no more than near ones.

use chrono::{Datelike, NaiveDate};

use super::Policy;
use super::dates::{add_months, weekday_on_or_after};
use super::error::PolicyError;
use super::lts::LtsWindow;
use super::version::Line;

/// Whether a value was recorded in the history or worked out from the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    History,
    Rules,
}

/// What ends a line's support on its eol date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EolReason {
    /// The next line's release ends its time as `latest`.
    NextRelease(Line),
    /// Its LTS support period (`lts_support_months`) runs out.
    LtsSupportPeriod,
    /// The LTS line `lts_in_parallel` places after it is released first.
    LtsSuperseded(Line),
    /// The history records the end of its LTS support.
    Announced,
}

/// One line with everything the rules say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInfo {
    /// Position in release order (0 is the first known line).
    pub index: usize,
    pub line: Line,
    pub released: NaiveDate,
    pub released_source: Source,
    pub lts: bool,
    pub lts_source: Source,
    /// End of its time as `latest`: the next line's release.
    pub latest_until: NaiveDate,
    pub latest_until_source: Source,
    /// Its LTS maintenance, for an LTS line.
    pub lts_window: Option<LtsWindow>,
    /// End of support: the later of the two windows. Not supported on this day.
    pub eol: NaiveDate,
    pub eol_reason: EolReason,
    pub eol_source: Source,
}

/// A projected release date: the first release weekday on or after
/// `target`, which is `from_released + months` months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProjectionBasis {
    pub from: Line,
    pub from_released: NaiveDate,
    pub months: u64,
    pub target: NaiveDate,
}

impl LineInfo {
    /// Whether the line is released and not yet at its end of support on `date`.
    #[must_use]
    pub fn is_supported_on(&self, date: NaiveDate) -> bool {
        self.released <= date && date < self.eol
    }

    /// End of its LTS maintenance, for an LTS line.
    #[must_use]
    pub fn lts_until(&self) -> Option<NaiveDate> {
        self.lts_window.as_ref().map(|window| window.until)
    }

    /// Whether the line is maintained as an LTS on `date`.
    #[must_use]
    pub fn is_lts_maintained_on(&self, date: NaiveDate) -> bool {
        self.lts_until()
            .is_some_and(|until| self.released <= date && date < until)
    }
}

impl Policy {
    /// How many cadences after the newest known line the line at `index` is.
    fn projection_steps(&self, index: usize) -> u64 {
        index.saturating_sub(self.history().len() - 1) as u64
    }

    /// The line at `index`: a known one, or the next minor of the newest known line.
    ///
    /// # Errors
    /// [`PolicyError::NumberOverflow`] when the minor number would pass `u64::MAX`.
    pub fn line_at(&self, index: usize) -> Result<Line, PolicyError> {
        if let Some(release) = self.history().get(index) {
            return Ok(release.line);
        }
        let newest = self.newest_known().line;
        newest
            .minor
            .checked_add(self.projection_steps(index))
            .map(|minor| Line { minor, ..newest })
            .ok_or_else(|| PolicyError::NumberOverflow {
                what: "line",
                after: newest.to_string(),
            })
    }

    /// How the rules date a projected line: `None` for a known line.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when the dates cannot be represented.
    pub fn projection_basis(&self, index: usize) -> Result<Option<ProjectionBasis>, PolicyError> {
        if index < self.history().len() {
            return Ok(None);
        }
        let newest = self.newest_known();
        let months = self.projection_steps(index) * self.minor_every_months();
        let target =
            add_months(newest.released, months).ok_or_else(|| PolicyError::OutOfRange {
                what: format!("{months} months after {}", newest.released),
            })?;
        Ok(Some(ProjectionBasis {
            from: newest.line,
            from_released: newest.released,
            months,
            target,
        }))
    }

    /// The release date of the line at `index`, and where it comes from.
    ///
    /// A projected line `k` steps after the newest known line (released on
    /// `d`) is released on the first release weekday on or after
    /// `d + k * minor_every_months` months: always counted from `d`, so that
    /// month-end clamping never compounds.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when that date cannot be represented.
    pub fn release_at(&self, index: usize) -> Result<(NaiveDate, Source), PolicyError> {
        if let Some(release) = self.history().get(index) {
            return Ok((release.released, Source::History));
        }
        let newest = self.newest_known();
        self.projection_steps(index)
            .checked_mul(self.minor_every_months())
            .and_then(|months| add_months(newest.released, months))
            .and_then(|date| weekday_on_or_after(date, self.release_weekday()))
            .map(|date| (date, Source::Rules))
            .ok_or_else(|| PolicyError::OutOfRange {
                what: match self.line_at(index) {
                    Ok(line) => format!("the projected release of {line}"),
                    Err(err) => err.to_string(),
                },
            })
    }

    /// Everything about the line at `index`.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when a date it depends on cannot be represented.
    pub fn line_info(&self, index: usize) -> Result<LineInfo, PolicyError> {
        let line = self.line_at(index)?;
        let (released, released_source) = self.release_at(index)?;
        let (lts, lts_source) = self.lts_at(index);
        let next = index + 1;
        let (latest_until, next_source) = self.release_at(next)?;
        let mut eol = (
            latest_until,
            EolReason::NextRelease(self.line_at(next)?),
            next_source,
        );
        let lts_window = if lts {
            Some(self.lts_window(index, line, released)?)
        } else {
            None
        };
        if let Some(window) = &lts_window
            && window.until > eol.0
        {
            eol = (window.until, window.ends_by(), window.source());
        }
        Ok(LineInfo {
            index,
            line,
            released,
            released_source,
            lts,
            lts_source,
            latest_until,
            latest_until_source: next_source,
            lts_window,
            eol: eol.0,
            eol_reason: eol.1,
            eol_source: eol.2,
        })
    }

    /// The index of a line, known or projected.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] for a line the policy never releases, with
    /// a hint naming its neighbours; [`PolicyError::OutOfRange`] for a
    /// projected line too far away to date.
    pub fn index_of(&self, line: Line) -> Result<usize, PolicyError> {
        let history = self.history();
        if let Some(index) = history.iter().position(|release| release.line == line) {
            return Ok(index);
        }
        let newest = self.newest_known().line;
        if line.major == newest.major && line.minor > newest.minor {
            let index = usize::try_from(line.minor - newest.minor)
                .ok()
                .and_then(|steps| (history.len() - 1).checked_add(steps))
                .ok_or_else(|| PolicyError::OutOfRange {
                    what: format!("the projected release of {line}"),
                })?;
            self.release_at(index)?;
            return Ok(index);
        }
        let next = history.iter().position(|release| release.line > line);
        let hint = match next {
            Some(0) => format!("its first line is {}", history[0].line),
            Some(next) => format!(
                "after {} came {}",
                history[next - 1].line,
                history[next].line
            ),
            None => format!(
                "majors are never projected; after {newest} come {}.{}, {}.{} and so on",
                newest.major,
                newest.minor.saturating_add(1),
                newest.major,
                newest.minor.saturating_add(2),
            ),
        };
        Err(PolicyError::UnknownLine {
            line,
            policy: self.name().to_owned(),
            hint,
        })
    }

    /// The index of the newest line released on or before `date`; `None`
    /// before the first release.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when the line after it cannot be dated.
    pub fn latest_index_on(&self, date: NaiveDate) -> Result<Option<usize>, PolicyError> {
        let history = self.history();
        let known = history.partition_point(|release| release.released <= date);
        if known < history.len() {
            return Ok(known.checked_sub(1));
        }
        // Past the newest known line: estimate the step from whole months,
        // then correct for day of month and weekday.
        let newest = self.newest_known().released;
        let months = i64::from(date.year() - newest.year()) * 12 + i64::from(date.month())
            - i64::from(newest.month());
        let steps = u64::try_from(months).unwrap_or(0) / self.minor_every_months();
        let mut index = usize::try_from(steps)
            .ok()
            .and_then(|steps| (history.len() - 1).checked_add(steps))
            .ok_or_else(|| PolicyError::OutOfRange {
                what: format!("the latest line on {date}"),
            })?;
        while index >= history.len() && self.release_at(index)?.0 > date {
            index -= 1;
        }
        while self.release_at(index + 1)?.0 <= date {
            index += 1;
        }
        Ok(Some(index))
    }
}
