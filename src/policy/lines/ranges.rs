//! How sure a line's projected days are: the 80% range of a projected
//! release, from the policy's track record of releases, and of a projected
//! end, from the release it counts from and the track record of ends (how
//! far the history's recorded ends fell from the days its rules give).

use chrono::NaiveDate;

use super::describe::{Base, SupportWindows};
use super::ends::Eol;
use super::release::{Place, RecordedEnd, Source};
use super::window::{EolReason, Window};
use crate::policy::dates::days_between;
use crate::policy::definition::Policy;
use crate::policy::fit::track::weight;
use crate::policy::forecast::{Range, TrackRecord, shift};
use crate::policy::rules::line_rules::{CountFrom, Support};

/// How many of the history's newest recorded ends the track record of
/// ends counts: older ones weigh next to nothing, and a history of 100,000
/// lines should not make the first range cost 100,000 lines' work.
const RECENT_ENDS: usize = 64;

impl Policy {
    /// The 80% range of the end `eol`, when it is projected: the range of
    /// the release it counts from, shifted to it (a period counted from
    /// the day the schedule has the line due does not move with its
    /// release), widened by how far the history's recorded ends fell from
    /// the rules' ([`Policy::end_record`]). An end overdue (`rules_day`
    /// passed, the line still supported) runs from the day after the
    /// history to the day ends as late as it came by.
    pub(super) fn eol_range(
        &self,
        base: &Base,
        windows: &SupportWindows,
        eol: &Eol,
        rules_day: Option<NaiveDate>,
    ) -> Option<Range> {
        // Asked for only where an end is projected: working the track
        // record of ends out costs each recorded end's rules.
        let ends = || self.end_record();
        let range = match (&eol.1, eol.0) {
            (EolReason::Overdue, Some(day)) => {
                let due = rules_day?;
                let by = ends().late_by(days_between(due, day))?;
                Range {
                    from: day,
                    to: shift(due, by)?.max(day),
                }
            }
            (
                EolReason::NextRelease(_)
                | EolReason::SupportPeriod
                | EolReason::Superseded(_)
                | EolReason::LtsSuperseded(_)
                | EolReason::LtsSupportPeriod,
                Some(day),
            ) if eol.2 == Source::Rules => {
                let released = self.counted_from_range(base, windows, &eol.1, day);
                match (released, ends().offsets(1)) {
                    (Some(range), Some((low, high))) => Range {
                        from: shift(range.from, low)?,
                        to: shift(range.to, high)?,
                    },
                    (Some(range), None) => range,
                    (None, Some((low, high))) => Range {
                        from: shift(day, low)?,
                        to: shift(day, high)?,
                    },
                    (None, None) => return None,
                }
            }
            _ => return None,
        };
        let first = self.history_as_of().succ_opt()?;
        Some(Range {
            from: range.from.max(first),
            to: range.to.max(first),
        })
    }

    /// The 80% range of the release the end `day` (for `reason`) counts
    /// from, shifted to the end; `None` when that release is recorded, or
    /// the track record of releases too short to give one, or the end is a
    /// period counted from the day the schedule has the line due, which
    /// does not move with the release.
    fn counted_from_range(
        &self,
        base: &Base,
        windows: &SupportWindows,
        reason: &EolReason,
        day: NaiveDate,
    ) -> Option<Range> {
        let successor_of = |window: Option<&Window>| {
            window
                .and_then(|window| window.successor.as_ref())
                .map(|successor| (successor.place, successor.released))
        };
        let from_schedule =
            |rule: Option<&Support>| rule.is_some_and(|rule| rule.from == CountFrom::Scheduled);
        let (counted_from, from) = match reason {
            EolReason::NextRelease(_) => base
                .next
                .as_ref()
                .map(|next| (base.next_place, next.released)),
            EolReason::Superseded(_) => successor_of(Some(&windows.support)),
            EolReason::LtsSuperseded(_) => successor_of(windows.lts.as_ref()),
            EolReason::SupportPeriod if from_schedule(Some(windows.support_rule)) => return None,
            EolReason::LtsSupportPeriod
                if from_schedule(windows.lts_rule.map(|rule| &rule.support)) =>
            {
                return None;
            }
            _ => None,
        }
        .unwrap_or((base.place, base.released.date));
        self.release_range(counted_from, from)?
            .shifted(days_between(from, day))
    }

    /// The 80% range of the release at `place`, on `released`, when it is
    /// projected and the track record says: the middle of the track record
    /// around the day, or, for a line overdue, from the day after the
    /// history to the day releases as late as it came by; never before the
    /// day after the history.
    pub(super) fn release_range(&self, place: Place, released: NaiveDate) -> Option<Range> {
        let ahead = place.since(self.newest_place())?;
        if ahead == 0 {
            return None;
        }
        let record = self.track_record();
        let range = if self.is_overdue(place) {
            let newest = self.newest_release().released;
            let due = self.rules_at(place).ok()?.releases.nth(newest, 1)?;
            let by = record.late_by(days_between(due, released))?;
            Range {
                from: released,
                to: shift(due, by)?.max(released),
            }
        } else {
            let (low, high) = record.offsets(ahead as u64)?;
            Range {
                from: shift(released, low)?,
                to: shift(released, high)?,
            }
        };
        let first = self.history_as_of().succ_opt()?;
        Some(Range {
            from: range.from.max(first),
            to: range.to.max(first),
        })
    }

    /// How far its history's releases fell from the days its rules had
    /// them due: what the 80% ranges of projected releases come from.
    #[must_use]
    pub fn track_record(&self) -> &TrackRecord {
        self.track_record
            .get_or_init(|| TrackRecord::of(self.rules(), self.history()))
    }

    /// How far the history's newest recorded ends fell from the ends its
    /// rules give their lines, worked out the first time a projected end
    /// asks for its range.
    pub(crate) fn end_record(&self) -> &TrackRecord {
        self.end_record
            .get_or_init(|| TrackRecord::from_slips(self.end_slips()))
    }

    /// Each of the newest [`RECENT_ENDS`] recorded ends of numbered lines:
    /// the days from the rules' end to it (late positive), with its weight.
    fn end_slips(&self) -> Vec<(i64, f64)> {
        let history = self.history();
        let Some(newest) = history.last().map(|release| release.released) else {
            return Vec::new();
        };
        history
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(index, release)| match release.eol {
                Some(RecordedEnd::On(day)) if release.line.numbers().is_some() => {
                    Some((Place::of(index), release.released, day))
                }
                _ => None,
            })
            .take(RECENT_ENDS)
            .filter_map(|(place, released, recorded)| {
                let rules = self.rules_end(place).ok()??;
                Some((days_between(rules, recorded), weight(released, newest)))
            })
            .collect()
    }
}
