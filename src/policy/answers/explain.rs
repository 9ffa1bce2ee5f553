//! Why each line is (or is not) supported on a date: the facts and rule
//! terms behind an answer, for `--explain`.

use chrono::NaiveDate;

use super::roles::Fix;
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, PolicyError};
use crate::policy::lines::info::{LineInfo, LtsReason, SupportedLine};
use crate::policy::lines::line::Line;
use crate::policy::lines::projection::ProjectionBasis;
use crate::policy::lines::release::Place;
use crate::policy::lines::role::Role;
use crate::policy::rules::line_rules::LineRules;

/// Everything that decides one line's place in an answer on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Explanation {
    /// The line and its dates.
    pub info: LineInfo,
    /// Its roles on the date; empty when it is not supported.
    pub roles: Vec<Role>,
    /// The line after it, whose release ends its time as latest; `None`
    /// when none is known or projected.
    pub next_line: Option<Line>,
    /// Why it is LTS or not.
    pub lts_reason: LtsReason,
    /// How the rules date it, for a projected line.
    pub projection: Option<ProjectionBasis>,
    /// For a supported line older than the `since` of a backport question,
    /// that line: the fix does not go to it.
    pub left_out_by_since: Option<Line>,
    /// For a line in security support, when the backport question is of a
    /// bug fix: it does not go there.
    pub left_out_by_phase: bool,
    /// The rules that govern the line.
    pub rules: LineRules,
    /// The line from which those rules apply, when they are a change's.
    pub change: Option<Line>,
    /// How many releases the policy's track record counts, which the 80%
    /// ranges of projected dates come from.
    pub track_record: usize,
    /// How many recorded ends the track record of ends counts, when the
    /// line's end has a range (0 otherwise): five or more widen it.
    pub end_track_record: usize,
}

impl Policy {
    /// The explanation of the line at `place`, given the lines supported on the date.
    fn explain_place(
        &self,
        place: Place,
        supported: &[SupportedLine],
        since: Option<&Line>,
    ) -> Result<Explanation, PolicyError> {
        let roles = supported
            .iter()
            .find(|line| line.info.place == place)
            .map(|line| line.roles.clone())
            .unwrap_or_default();
        let info = self.line_info(place)?;
        let next = place.next().ok_or_else(|| PolicyError::OutOfRange {
            what: Beyond::ProjectedRelease(info.line.clone()),
        })?;
        let left_out_by_since = since
            .filter(|since| !roles.is_empty() && info.line < **since)
            .cloned();
        let rules = self.rules_id_at(place)?;
        Ok(Explanation {
            rules: self.rules().by_id(rules).clone(),
            change: rules
                .change()
                .map(|change| self.changes()[change].from.clone()),
            roles,
            next_line: self
                .has_line_at(next)
                .then(|| self.line_at(next))
                .transpose()?,
            lts_reason: self.lts_reason(place)?,
            projection: self.projection_basis(place)?,
            left_out_by_since,
            left_out_by_phase: false,
            track_record: self.track_record().len(),
            end_track_record: if info.eol_range.is_some() {
                self.end_record().len()
            } else {
                0
            },
            info,
        })
    }

    /// [`Policy::explain_on`] for a backport question: supported lines
    /// older than `since`, and for a bug fix those in security support,
    /// are marked as left out.
    ///
    /// # Errors
    /// As [`Policy::explain_on`].
    pub fn explain_backports(
        &self,
        date: NaiveDate,
        since: Option<Line>,
        fix: Fix,
    ) -> Result<Vec<Explanation>, PolicyError> {
        let mut explanations = self.explain_on(date, since)?;
        for explanation in &mut explanations {
            explanation.left_out_by_phase = !explanation.roles.is_empty()
                && explanation
                    .info
                    .phase_on(date)
                    .is_some_and(|phase| !fix.goes_to(phase));
        }
        Ok(explanations)
    }

    /// Why `line` is or is not supported on `date`.
    ///
    /// # Errors
    /// As [`Policy::line`].
    pub fn explain_line(&self, line: &Line, date: NaiveDate) -> Result<Explanation, PolicyError> {
        self.explain_place(self.place_of(line)?, &self.supported_on(date)?, None)
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
        let next = self.first_place_after(date)?;
        let recent = match self.default_lookback(date) {
            Ok(since) => self.first_place_after(since)?,
            Err(_) => Place::FIRST,
        };
        let projected_from = recent.index().max(known);
        (0..known)
            .chain(projected_from..=next.index())
            .rev()
            .map(Place::of)
            .filter(|place| self.has_line_at(*place))
            .map(|place| self.explain_place(place, &supported, since.as_ref()))
            .collect()
    }
}
