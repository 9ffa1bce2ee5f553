//! Why each line is (or is not) supported on a date: the facts and rule
//! terms behind an answer, for `--explain`.

use chrono::NaiveDate;

use super::Policy;
use super::calendar::{LineInfo, ProjectionBasis};
use super::error::PolicyError;
use super::lts::LtsReason;
use super::roles::{Role, SupportedLine};
use super::version::Line;

/// Everything that decides one line's place in an answer on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub info: LineInfo,
    /// Its roles on the date; empty when it is not supported.
    pub roles: Vec<Role>,
    /// The line after it, whose release ends its time as latest.
    pub next_line: Line,
    pub lts_reason: LtsReason,
    /// How the rules date it, for a projected line.
    pub projection: Option<ProjectionBasis>,
}

impl Policy {
    /// The explanation of the line at `index`, given the lines supported on the date.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when a date cannot be represented.
    pub fn explain(
        &self,
        index: usize,
        supported: &[SupportedLine],
    ) -> Result<Explanation, PolicyError> {
        let roles = supported
            .iter()
            .find(|line| line.info.index == index)
            .map(|line| line.roles.clone())
            .unwrap_or_default();
        Ok(Explanation {
            info: self.line_info(index)?,
            roles,
            next_line: self.line_at(index + 1)?,
            lts_reason: self.lts_reason(index),
            projection: self.projection_basis(index)?,
        })
    }

    /// Explanations for the lines an answer on `date` is about, newest first:
    /// every known line, the projected lines released within one LTS support
    /// period before `date`, and the next line to come.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when a date cannot be represented.
    pub fn explain_on(&self, date: NaiveDate) -> Result<Vec<Explanation>, PolicyError> {
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
            .map(|index| self.explain(index, &supported))
            .collect()
    }
}
