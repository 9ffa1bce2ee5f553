//! Why each line is (or is not) supported on a date: the facts and rule
//! terms behind an answer, for `--explain`.

use chrono::NaiveDate;

use super::definition::Policy;
use super::error::PolicyError;
use super::model::{Line, LineInfo, LtsReason, Role, SupportedLine};
use super::projection::ProjectionBasis;

/// Everything that decides one line's place in an answer on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Explanation {
    /// The line and its dates.
    pub info: LineInfo,
    /// Its roles on the date; empty when it is not supported.
    pub roles: Vec<Role>,
    /// The line after it, whose release ends its time as latest.
    pub next_line: Line,
    /// Why it is LTS or not.
    pub lts_reason: LtsReason,
    /// How the rules date it, for a projected line.
    pub projection: Option<ProjectionBasis>,
    /// For a supported line older than the `since` of a backport question,
    /// that line: the fix does not go to it.
    pub left_out_by_since: Option<Line>,
}

impl Policy {
    /// The explanation of the line at `index`, given the lines supported on the date.
    fn explain_index(
        &self,
        index: usize,
        supported: &[SupportedLine],
        since: Option<Line>,
    ) -> Result<Explanation, PolicyError> {
        let roles = supported
            .iter()
            .find(|line| line.info.index == index)
            .map(|line| line.roles.clone())
            .unwrap_or_default();
        let info = self.line_info(index)?;
        let left_out_by_since = since.filter(|since| !roles.is_empty() && info.line < *since);
        Ok(Explanation {
            roles,
            next_line: self.line_at(index + 1)?,
            lts_reason: self.lts_reason(index)?,
            projection: self.projection_basis(index)?,
            info,
            left_out_by_since,
        })
    }

    /// Why `line` is or is not supported on `date`.
    ///
    /// # Errors
    /// As [`Policy::line`].
    pub fn explain_line(&self, line: Line, date: NaiveDate) -> Result<Explanation, PolicyError> {
        self.explain_index(self.index_of(line)?, &self.supported_on(date)?, None)
    }

    /// Explanations for the lines an answer on `date` is about, newest first:
    /// every known line, the projected lines released within one support
    /// period (the LTS one where there is one) before `date`, and the next
    /// line to come. With `since` (a
    /// backport question), supported lines older than it are marked as left out.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when a date cannot be represented.
    pub fn explain_on(
        &self,
        date: NaiveDate,
        since: Option<Line>,
    ) -> Result<Vec<Explanation>, PolicyError> {
        let supported = self.supported_on(date)?;
        let known = self.history().len();
        let next = self.latest_index_on(date)?.map_or(0, |latest| latest + 1);
        let recent = match self.default_lookback(date) {
            Ok(since) => self.latest_index_on(since)?.map_or(0, |index| index + 1),
            Err(_) => 0,
        };
        let projected_from = recent.max(known);
        (0..known)
            .chain(projected_from..=next)
            .rev()
            .map(|index| self.explain_index(index, &supported, since))
            .collect()
    }
}
