//! Lines by their place in release order, known or projected.
//!
//! The place of the i-th line of the history is i; the k-th projected line
//! is k places after the newest known one. The lines up to the last
//! change's first line are walked once (`plan`); the dates and names of the
//! lines after them are worked out from the walk's end directly, so far
//! dates cost no more than near ones; only majors that start in a month of
//! the year are found year by year, once, and kept.

use chrono::{Datelike, NaiveDate};

use super::line::{Line, LineKind};
use super::plan::{Plan, WalkedLine};
use super::release::{Dated, Place, Source};
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, Numbered, PolicyError};
use crate::policy::rules::line_rules::{LineRules, NewMajor};
use crate::policy::rules::policy_rules::RulesId;

/// How the rules date a projected line: the `steps`-th date of the release
/// schedule after the release of `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProjectionBasis {
    /// The line projections count from: the newest known line, or the
    /// overdue line after it.
    pub from: Line,
    /// Its release.
    pub from_released: NaiveDate,
    /// How many dates of the schedule after it.
    pub steps: u64,
    /// When the schedule has it due, before the day rule places it.
    pub due: NaiveDate,
    /// For an overdue line: the `history_as_of` its date had passed, which
    /// moves it to the first release day after.
    pub overdue_after: Option<NaiveDate>,
}

fn beyond(what: Beyond) -> PolicyError {
    PolicyError::OutOfRange { what }
}

/// How many lines a major spans between two new majors, `N + 1` for
/// `after_minor: N`, with the first position after the origin that starts
/// one.
pub(crate) struct AfterMinor {
    pub(crate) first_start: u64,
    pub(crate) span: u64,
}

impl Policy {
    pub(crate) fn newest_place(&self) -> Place {
        Place::of(self.history().len() - 1)
    }

    /// How many places after the newest known line the line at `place`
    /// comes (the k of the k-th projected line, from 1); 0 for a known line.
    fn position(&self, place: Place) -> u64 {
        place.since(self.newest_place()).unwrap_or(0) as u64
    }

    /// How the rules project lines, for a place after the history: an
    /// error where no line is projected (the history's lines are all known
    /// by name only).
    fn projecting(&self) -> Result<&Plan, PolicyError> {
        self.plan()
            .ok_or_else(|| beyond(Beyond::ProjectedRelease(self.newest_release().line.clone())))
    }

    /// Whether a line is at `place`: one of the history's, or one the
    /// rules project (all of them, where a line is projected at all).
    pub(crate) fn has_line_at(&self, place: Place) -> bool {
        self.known(place).is_some() || self.plan().is_some()
    }

    /// The place of the k-th projected line (0: the newest known one);
    /// `None` past what can be numbered, or when no line is projected.
    pub(crate) fn place_at(&self, position: u64) -> Option<Place> {
        if position > 0 {
            self.plan()?;
        }
        self.newest_place().after(usize::try_from(position).ok()?)
    }

    /// The projected line at `position` (from 1), if it was walked.
    fn walked(&self, position: u64) -> Option<&WalkedLine> {
        let index = usize::try_from(position.checked_sub(1)?).ok()?;
        self.plan()?.walked.get(index)
    }

    /// Which rules the lines after those walked follow: the projection's.
    fn last_rules_id(&self) -> RulesId {
        self.plan()
            .map_or_else(|| self.rules().last_rules_id(), |plan| plan.last_rules)
    }

    /// The rules of the lines after those walked: those the projection
    /// follows.
    pub(crate) fn last_rules(&self) -> &LineRules {
        self.rules().by_id(self.last_rules_id())
    }

    /// The rule that starts projected majors: the last rules', unless its
    /// month is one their releases never fall in (every 12 months from
    /// October, majors in December), where no major is ever projected.
    pub(crate) fn projected_new_major(&self) -> Option<NewMajor> {
        let reached = self.plan().is_none_or(|plan| plan.major_month_reached);
        self.last_rules().new_major.filter(|_| reached)
    }

    /// Which rules govern the line at `place`.
    pub(crate) fn rules_id_at(&self, place: Place) -> Result<RulesId, PolicyError> {
        // Most policies never change their rules: every line is under the
        // policy's own, with no search.
        if self.changes().is_empty() {
            return Ok(RulesId::OWN);
        }
        if let Some(release) = self.known(place) {
            return Ok(self.rules().governing(&release.line));
        }
        Ok(self
            .walked(self.position(place))
            .map_or_else(|| self.last_rules_id(), |walked| walked.rules))
    }

    /// The rules that govern the line at `place`: the policy's own, or
    /// those of the last change at or before it.
    pub(crate) fn rules_at(&self, place: Place) -> Result<&LineRules, PolicyError> {
        Ok(self.rules().by_id(self.rules_id_at(place)?))
    }

    /// The release of the projected line at `position` (from 1).
    fn projected_release(&self, position: u64) -> Option<NaiveDate> {
        if let Some(walked) = self.walked(position) {
            return Some(walked.released);
        }
        let anchor = &self.plan()?.anchor;
        self.last_rules()
            .releases
            .nth(anchor.released, position.checked_sub(anchor.position)?)
    }

    /// How many projected lines come out on or before `date`.
    fn projected_count_until(&self, date: NaiveDate) -> Result<u64, PolicyError> {
        let Some(plan) = self.plan() else {
            return Ok(0);
        };
        let walked = plan.walked.partition_point(|line| line.released <= date);
        if walked < plan.walked.len() {
            return Ok(walked as u64);
        }
        let schedule = &self.last_rules().releases;
        let after_anchor = schedule.count_until(plan.anchor.released, date);
        // A schedule that cannot date even its first line counts none: that
        // is an answer beyond the calendar, not "nothing released yet".
        if after_anchor == 0
            && plan.walked.is_empty()
            && schedule.nth(plan.anchor.released, 1).is_none()
        {
            return Err(beyond(Beyond::LatestLineOn(date)));
        }
        Ok((plan.anchor.position + after_anchor).max(walked as u64))
    }

    /// Whether the line at `place` is overdue.
    pub(crate) fn is_overdue(&self, place: Place) -> bool {
        self.position(place) == 1 && self.walked(1).is_some_and(|first| first.overdue)
    }

    pub(crate) fn after_minor(&self, last_minor: u64) -> Option<AfterMinor> {
        let origin = self.plan()?.origin.line.minor()?;
        Some(AfterMinor {
            first_start: last_minor.saturating_sub(origin).checked_add(1)?,
            span: last_minor.checked_add(1)?,
        })
    }

    /// The line at `place`: a known one, or the one the rules project there.
    pub(crate) fn line_at(&self, place: Place) -> Result<Line, PolicyError> {
        match self.known(place) {
            Some(release) => Ok(release.line.clone()),
            None => self.projected_line(self.position(place), None),
        }
    }

    /// The line at `place` and its release, worked out together: where a
    /// projected line's number hangs on its release (`new_major:
    /// {in_month}`), the schedule is counted once for both.
    pub(crate) fn line_and_release_at(&self, place: Place) -> Result<(Line, Dated), PolicyError> {
        if let Some(release) = self.known(place) {
            let released = Dated {
                date: release.released,
                source: Source::History,
            };
            return Ok((release.line.clone(), released));
        }
        let position = self.position(place);
        let Some(date) = self.projected_release(position) else {
            let line = self.projected_line(position, None)?;
            return Err(beyond(Beyond::ProjectedRelease(line)));
        };
        let released = Dated {
            date,
            source: Source::Rules,
        };
        Ok((self.projected_line(position, Some(date))?, released))
    }

    /// The line the rules project at `position` (from 1), released on
    /// `released` when the caller has that day at hand already.
    fn projected_line(
        &self,
        position: u64,
        released: Option<NaiveDate>,
    ) -> Result<Line, PolicyError> {
        if let Some(walked) = self.walked(position) {
            return Ok(walked.line.clone());
        }
        let origin = &self.projecting()?.origin;
        let overflow = || PolicyError::NumberOverflow {
            after: Numbered::Line(origin.line.clone()),
        };
        // How many lines after the origin, the last line walked or the highest known.
        let steps = position - origin.position;
        let line = match (self.line_kind(), self.projected_new_major()) {
            (LineKind::Major | LineKind::Dotted, _) | (LineKind::Minor, None) => {
                origin.line.plus_last(steps)
            }
            (LineKind::Minor, Some(NewMajor::AfterMinor(last))) => {
                let rule = self.after_minor(last).ok_or_else(overflow)?;
                if steps < rule.first_start {
                    origin.line.plus_last(steps)
                } else {
                    let past = steps - rule.first_start;
                    origin
                        .line
                        .in_major_after(1 + past / rule.span, past % rule.span)
                }
            }
            (LineKind::Minor, Some(NewMajor::InMonth(month))) => {
                match self.majors_started_by(position, month, released)? {
                    (_, None) => origin.line.plus_last(steps),
                    (majors, Some(start)) => origin.line.in_major_after(majors, position - start),
                }
            }
        };
        line.ok_or_else(overflow)
    }

    /// How many projected majors (`new_major: {in_month}`) start after the
    /// origin, at or before `position`, and where the last of them starts.
    fn majors_started_by(
        &self,
        position: u64,
        month: u32,
        released: Option<NaiveDate>,
    ) -> Result<(u64, Option<u64>), PolicyError> {
        let origin = &self.projecting()?.origin;
        let released = released
            .or_else(|| self.projected_release(position))
            .ok_or_else(|| beyond(Beyond::ProjectedRelease(origin.line.clone())))?;
        let mut starts = self.major_starts.lock();
        while starts.next_year.is_none_or(|year| year <= released.year()) {
            self.find_major_start(&mut starts, month)?;
        }
        let count = starts.positions.partition_point(|&start| start <= position);
        Ok((
            count as u64,
            count.checked_sub(1).map(|last| starts.positions[last]),
        ))
    }

    /// Looks at the next year for the first line released in `month`: a
    /// new major when it is projected after the origin.
    fn find_major_start(
        &self,
        starts: &mut crate::policy::definition::MajorStarts,
        month: u32,
    ) -> Result<(), PolicyError> {
        let origin = &self.projecting()?.origin;
        let year = starts.next_year.unwrap_or(origin.released.year());
        let out_of_range = || beyond(Beyond::ProjectedRelease(origin.line.clone()));
        starts.next_year = Some(year.checked_add(1).ok_or_else(out_of_range)?);
        let month_start = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(out_of_range)?;
        let in_month = |date: NaiveDate| date.year() == year && date.month() == month;
        if in_month(origin.released) {
            return Ok(());
        }
        let before = match month_start.pred_opt() {
            Some(eve) => self.projected_count_until(eve)?,
            None => 0,
        };
        let position = before + 1;
        // A line walked first in that month was numbered by the walk.
        if position > origin.position && self.projected_release(position).is_some_and(in_month) {
            starts.positions.push(position);
        }
        Ok(())
    }

    /// How the rules date a projected line: `None` for a known line.
    pub(crate) fn projection_basis(
        &self,
        place: Place,
    ) -> Result<Option<ProjectionBasis>, PolicyError> {
        let position = self.position(place);
        if position == 0 {
            return Ok(None);
        }
        let out_of_range = || beyond(Beyond::ProjectedRelease(self.newest_release().line.clone()));
        let (anchor, rules, overdue) = match self.walked(position) {
            Some(walked) => (
                walked.anchor,
                self.rules().by_id(walked.rules),
                walked.overdue,
            ),
            None => (self.projecting()?.anchor.position, self.last_rules(), false),
        };
        let anchor_place = self.place_at(anchor).ok_or_else(out_of_range)?;
        let from_released = self.release_at(anchor_place)?.date;
        let steps = position - anchor;
        let due = rules
            .releases
            .due(from_released, steps)
            .ok_or_else(out_of_range)?;
        Ok(Some(ProjectionBasis {
            from: self.line_at(anchor_place)?,
            from_released,
            steps,
            due,
            overdue_after: overdue.then_some(self.history_as_of()),
        }))
    }

    /// The release date of the line at `place`, and where it comes from.
    pub(crate) fn release_at(&self, place: Place) -> Result<Dated, PolicyError> {
        if let Some(release) = self.known(place) {
            return Ok(Dated {
                date: release.released,
                source: Source::History,
            });
        }
        match self.projected_release(self.position(place)) {
            Some(date) => Ok(Dated {
                date,
                source: Source::Rules,
            }),
            None => Err(beyond(Beyond::ProjectedRelease(self.line_at(place)?))),
        }
    }

    /// The day the release schedule had the line at `place`, released on
    /// `released`, due: the first
    /// line's release; for a later known line, the date of its rules'
    /// schedule counted from the previous line's release that is nearest
    /// its release (a tie goes to the earlier), so that a skipped line does
    /// not shorten the next one's support; a projected line's projected
    /// day; an overdue line's first due day.
    pub(crate) fn scheduled_at(
        &self,
        place: Place,
        released: NaiveDate,
    ) -> Result<NaiveDate, PolicyError> {
        let schedule = &self.rules_at(place)?.releases;
        let Some(release) = self.known(place) else {
            if self.is_overdue(place) {
                return schedule
                    .nth(self.newest_release().released, 1)
                    .ok_or_else(|| {
                        beyond(Beyond::ProjectedRelease(self.newest_release().line.clone()))
                    });
            }
            return Ok(released);
        };
        let Some(previous) = place.previous().and_then(|previous| self.known(previous)) else {
            return Ok(release.released);
        };
        let (from, released) = (previous.released, release.released);
        let before = schedule.count_until(from, released);
        let later = schedule.nth(from, before + 1);
        let earlier = (before > 0).then(|| schedule.nth(from, before)).flatten();
        Ok(match (earlier, later) {
            (Some(earlier), Some(later)) if later - released < released - earlier => later,
            (Some(earlier), _) => earlier,
            (None, Some(later)) => later,
            (None, None) => released,
        })
    }

    /// The place of the first line released after `date`.
    pub(crate) fn first_place_after(&self, date: NaiveDate) -> Result<Place, PolicyError> {
        match self.latest_place_on(date)? {
            Some(latest) => latest
                .next()
                .ok_or_else(|| beyond(Beyond::LatestLineOn(date))),
            None => Ok(Place::FIRST),
        }
    }

    /// The place of the newest line released on or before `date`; `None`
    /// before the first release.
    pub(crate) fn latest_place_on(&self, date: NaiveDate) -> Result<Option<Place>, PolicyError> {
        let history = self.history();
        let known = history.partition_point(|release| release.released <= date);
        if known < history.len() {
            return Ok(known.checked_sub(1).map(Place::of));
        }
        let projected = self.projected_count_until(date)?;
        self.place_at(projected)
            .map(Some)
            .ok_or_else(|| beyond(Beyond::LatestLineOn(date)))
    }
}
