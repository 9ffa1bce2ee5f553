//! A line's ends as the history records them, laid over those the rules
//! give: an announced day replaces the rules', an end that has passed on
//! a day the record does not give ends support by the day after the
//! history, and one that has not come is overdue.

use chrono::NaiveDate;

use super::info::ActiveEnd;
use super::line::Line;
use super::release::{RecordedEnd, Source};
use super::window::{EolReason, Window};
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, PolicyError};

/// A line's end of support as it is worked out: the day (`None` where no
/// day is known), why, and where it comes from.
pub(super) type Eol = (Option<NaiveDate>, EolReason, Source);

/// A line's end of active support as it is worked out: the day (`None`
/// where no day is known), what ends it, and where it comes from.
type ActiveUntil = (Option<NaiveDate>, ActiveEnd, Source);

impl Policy {
    /// The end of support once the history's record of it is read: a day
    /// it announces replaces the rules'; an end it says has passed, on a
    /// day it does not give, leaves no day, and ends support at the latest
    /// the day after `history_as_of` (before it, the rules' end, where that
    /// comes first, is the best the record allows); an end it says has not
    /// come by `history_as_of` is [`Policy::overdue_end`].
    pub(super) fn recorded_eol(
        &self,
        rules: Eol,
        recorded: Option<RecordedEnd>,
    ) -> Result<Eol, PolicyError> {
        Ok(match recorded {
            None => rules,
            Some(RecordedEnd::On(day)) => (Some(day), EolReason::Announced, Source::History),
            Some(RecordedEnd::Passed) => {
                let after_history = self.day_after_history()?;
                let at_latest = rules.0.map_or(after_history, |day| day.min(after_history));
                (None, EolReason::EndedUndated { at_latest }, Source::History)
            }
            Some(RecordedEnd::NotYet) => match self.overdue_end(rules.0)? {
                Some(day) => (Some(day), EolReason::Overdue, Source::Rules),
                None => rules,
            },
        })
    }

    /// The end of active support once the history's record of it is read,
    /// as [`Policy::recorded_eol`] reads the end of support: an end of
    /// active support that has passed on a day not given comes by the day
    /// after `history_as_of` at the latest, the rules' end where earlier
    /// (a day the rules give, so theirs); never after the eol.
    pub(super) fn recorded_active_end(
        &self,
        rules: ActiveUntil,
        recorded: Option<RecordedEnd>,
        eol: Option<NaiveDate>,
    ) -> Result<ActiveUntil, PolicyError> {
        let capped = |day: NaiveDate| eol.map_or(day, |eol| day.min(eol));
        Ok(match recorded {
            None => rules,
            Some(RecordedEnd::On(day)) => {
                (Some(capped(day)), ActiveEnd::Announced, Source::History)
            }
            Some(RecordedEnd::Passed) => {
                let after_history = self.day_after_history()?;
                let at_latest = rules.0.map_or(after_history, |day| day.min(after_history));
                (
                    Some(capped(at_latest)),
                    ActiveEnd::EndedUndated,
                    Source::Rules,
                )
            }
            Some(RecordedEnd::NotYet) => match self.overdue_end(rules.0)? {
                Some(day) => (Some(capped(day)), ActiveEnd::Overdue, Source::Rules),
                None => rules,
            },
        })
    }

    /// For an end the history says had not come by its `history_as_of`:
    /// where the rules' end (`rules`) is on or before that day, it is
    /// overdue, projected the day after, as an overdue line is; `None`
    /// where the rules' end stands.
    fn overdue_end(&self, rules: Option<NaiveDate>) -> Result<Option<NaiveDate>, PolicyError> {
        match rules {
            Some(day) if day <= self.history_as_of() => Ok(Some(self.day_after_history()?)),
            _ => Ok(None),
        }
    }

    /// The first day after the history: where ends it says are still to
    /// come, and lines it does not list, are projected at the earliest.
    fn day_after_history(&self) -> Result<NaiveDate, PolicyError> {
        self.history_as_of()
            .succ_opt()
            .ok_or_else(|| PolicyError::OutOfRange {
                what: Beyond::DayAfter(self.history_as_of()),
            })
    }
}

/// The end a window gives a line's support, what ends it and where that
/// comes from; `None` for a window that never ends.
pub(super) fn window_end(window: &Window) -> Eol {
    let until = (window.until != NaiveDate::MAX).then_some(window.until);
    (until, window.ends_by(), window.source())
}

/// The end of active support the rules give, what ends it and where it
/// comes from: the latest of the next line's release and the active
/// windows, never after the eol; the eol itself without an active rule.
pub(super) fn active_end(
    windows: [Option<&Window>; 2],
    next: Option<(NaiveDate, Line, Source)>,
    (eol, eol_source): (Option<NaiveDate>, Source),
) -> ActiveUntil {
    let mut ends = windows.into_iter().flatten().peekable();
    if ends.peek().is_none() {
        return (eol, ActiveEnd::OnePhase, eol_source);
    }
    let mut active: ActiveUntil = match next {
        Some((released, line, source)) => (Some(released), ActiveEnd::NextRelease(line), source),
        None => (None, ActiveEnd::OnePhase, Source::Rules),
    };
    for window in ends {
        if active.0.is_some_and(|day| window.until > day) {
            let until = (window.until != NaiveDate::MAX).then_some(window.until);
            active = (until, ActiveEnd::Rule(window.rule), window.source());
        }
    }
    match (active.0, eol) {
        (Some(day), Some(eol)) if day > eol => (Some(eol), ActiveEnd::Eol, eol_source),
        (None, Some(eol)) => (Some(eol), ActiveEnd::Eol, eol_source),
        _ => active,
    }
}
