//! Lines by their position in release order, known or projected.
//!
//! Index `i < history.len()` is the i-th known line; index `history.len() - 1 + k`
//! is the k-th projected line. Every function is O(1) in the index for
//! projected lines, so far dates cost no more than near ones.

use chrono::{Datelike, NaiveDate};

use super::dates::{add_months, weekday_on_or_after};
use super::definition::Policy;
use super::error::{Beyond, LineHint, Numbered, PolicyError};
use super::model::{Line, Source};

/// A projected release date: the first release weekday on or after
/// `target`, which is `from_released + months` months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProjectionBasis {
    /// The newest known line, which projections count from.
    pub from: Line,
    /// Its release.
    pub from_released: NaiveDate,
    /// Months after it.
    pub months: u64,
    /// `from_released + months` months, before moving to the release weekday.
    pub target: NaiveDate,
}

fn beyond(what: Beyond) -> PolicyError {
    PolicyError::OutOfRange { what }
}

impl Policy {
    /// How many cadences after the newest known line the line at `index` is.
    fn projection_steps(&self, index: usize) -> u64 {
        index.saturating_sub(self.history().len() - 1) as u64
    }

    /// The line at `index`: a known one, or the next minor of the newest known line.
    pub(crate) fn line_at(&self, index: usize) -> Result<Line, PolicyError> {
        if let Some(release) = self.history().get(index) {
            return Ok(release.line);
        }
        let newest = self.newest_release().line;
        newest
            .minor
            .checked_add(self.projection_steps(index))
            .map(|minor| Line { minor, ..newest })
            .ok_or_else(|| PolicyError::NumberOverflow {
                after: Numbered::Line(newest),
            })
    }

    /// How the rules date a projected line: `None` for a known line.
    pub(crate) fn projection_basis(
        &self,
        index: usize,
    ) -> Result<Option<ProjectionBasis>, PolicyError> {
        if index < self.history().len() {
            return Ok(None);
        }
        let newest = self.newest_release();
        let months = self.projection_steps(index) * self.minor_every_months();
        let target = add_months(newest.released, months).ok_or_else(|| {
            beyond(Beyond::MonthsAfter {
                months,
                date: newest.released,
            })
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
    pub(crate) fn release_at(&self, index: usize) -> Result<(NaiveDate, Source), PolicyError> {
        if let Some(release) = self.history().get(index) {
            return Ok((release.released, Source::History));
        }
        let newest = self.newest_release();
        let projected = self
            .projection_steps(index)
            .checked_mul(self.minor_every_months())
            .and_then(|months| add_months(newest.released, months))
            .and_then(|date| weekday_on_or_after(date, self.release_weekday()));
        match projected {
            Some(date) => Ok((date, Source::Rules)),
            None => Err(beyond(Beyond::ProjectedRelease(self.line_at(index)?))),
        }
    }

    /// The index of a line, known or projected.
    pub(crate) fn index_of(&self, line: Line) -> Result<usize, PolicyError> {
        let history = self.history();
        if let Some(index) = history.iter().position(|release| release.line == line) {
            return Ok(index);
        }
        let newest = self.newest_release().line;
        if line.major == newest.major && line.minor > newest.minor {
            let index = usize::try_from(line.minor - newest.minor)
                .ok()
                .and_then(|steps| (history.len() - 1).checked_add(steps))
                .ok_or_else(|| beyond(Beyond::ProjectedRelease(line)))?;
            self.release_at(index)?;
            return Ok(index);
        }
        let hint = match history.iter().position(|release| release.line > line) {
            Some(0) => LineHint::BeforeFirst(history[0].line),
            Some(next) => LineHint::Between {
                before: history[next - 1].line,
                next: history[next].line,
            },
            None => LineHint::NewMajor { newest },
        };
        Err(PolicyError::UnknownLine {
            line,
            policy: self.name().to_owned(),
            hint,
        })
    }

    /// The index of the newest line released on or before `date`; `None`
    /// before the first release.
    pub(crate) fn latest_index_on(&self, date: NaiveDate) -> Result<Option<usize>, PolicyError> {
        let history = self.history();
        let known = history.partition_point(|release| release.released <= date);
        if known < history.len() {
            return Ok(known.checked_sub(1));
        }
        // Past the newest known line: estimate the step from whole months,
        // then correct for day of month and weekday.
        let newest = self.newest_release().released;
        let months = i64::from(date.year() - newest.year()) * 12 + i64::from(date.month())
            - i64::from(newest.month());
        let steps = u64::try_from(months).unwrap_or(0) / self.minor_every_months();
        let mut index = usize::try_from(steps)
            .ok()
            .and_then(|steps| (history.len() - 1).checked_add(steps))
            .ok_or_else(|| beyond(Beyond::LatestLineOn(date)))?;
        while index >= history.len() && self.release_at(index)?.0 > date {
            index -= 1;
        }
        while self.release_at(index + 1)?.0 <= date {
            index += 1;
        }
        Ok(Some(index))
    }
}
