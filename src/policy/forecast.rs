//! How sure a projection is: the policy's [`TrackRecord`] (how far its
//! history's releases fell from the days its rules had them due, recent
//! years weighing more) and the 80% [`Range`] of each projected release
//! and of each end counted from one.
//!
//! ```
//! use lts_policy::{Line, Policy};
//! let kestra = Policy::kestra()?;
//! // Four releases are too few to say how far 2.1 may slip.
//! assert_eq!(kestra.track_record().len(), 4);
//! assert_eq!(kestra.line(Line::new(2, 1))?.released_range, None);
//! # Ok::<(), lts_policy::PolicyError>(())
//! ```

use chrono::{Days, NaiveDate};

use crate::policy::dates::days_between;
use crate::policy::fit::track::weight;
use crate::policy::lines::release::Release;
use crate::policy::rules::policy_rules::PolicyRules;

/// The share of the track record below a range's first day...
const LOW: f64 = 0.1;

/// ...and at or below its last.
const HIGH: f64 = 0.9;

/// The fewest steps of the track record a range is given from.
pub const FEWEST_SLIPS: usize = 5;

/// The days between which a projected date falls with 80% confidence, both
/// included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Range {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
}

impl Range {
    /// Whether `date` falls in it.
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.from..=self.to).contains(&date)
    }

    /// Its days, both ends counted.
    #[must_use]
    pub fn days(&self) -> i64 {
        days_between(self.from, self.to) + 1
    }

    /// The range moved by `days`.
    pub(crate) fn shifted(self, days: i64) -> Option<Self> {
        Some(Self {
            from: shift(self.from, days)?,
            to: shift(self.to, days)?,
        })
    }
}

/// `date` moved by `days`, back when negative.
pub(crate) fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let by = Days::new(days.unsigned_abs());
    if days >= 0 {
        date.checked_add_days(by)
    } else {
        date.checked_sub_days(by)
    }
}

/// How far each release of the history fell from the day the rules had it
/// due (the release before it, plus the schedule), in days, late positive,
/// with its weight.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrackRecord {
    /// (days late, weight), in increasing order of days.
    slips: Vec<(i64, f64)>,
    /// The days late at its [`LOW`] and [`HIGH`] shares, worked out once:
    /// every projected line's range is counted from them.
    middle: Option<(i64, i64)>,
}

impl TrackRecord {
    /// The track record of `history` under `rules`.
    pub(crate) fn of(rules: &PolicyRules, history: &[Release]) -> Self {
        let Some(newest) = history.last().map(|release| release.released) else {
            return Self::default();
        };
        let slips: Vec<(i64, f64)> = history
            .windows(2)
            .filter_map(|pair| {
                let schedule = &rules.by_id(rules.governing(&pair[1].line)).releases;
                let due = schedule.nth(pair[0].released, 1)?;
                let late = days_between(due, pair[1].released);
                Some((late, weight(pair[1].released, newest)))
            })
            .collect();
        Self::from_slips(slips)
    }

    /// The track record of `slips`: each a number of days late and its
    /// weight, in any order.
    pub(crate) fn from_slips(mut slips: Vec<(i64, f64)>) -> Self {
        slips.sort_by_key(|&(late, _)| late);
        let middle = (slips.len() >= FEWEST_SLIPS)
            .then(|| Self::prediction_middle(&slips))
            .flatten();
        Self { slips, middle }
    }

    /// The days late between which the next release falls with 80%
    /// confidence, from `slips` (in increasing order). The middle 80% of a
    /// few slips is narrower than where the next falls: of `n` slips
    /// sorted, the next falls between the `i`-th and the `j`-th with
    /// probability `(j - i) / (n + 1)`, so the range runs from the
    /// `LOW * (n + 1)`-th to the `HIGH * (n + 1)`-th, `n` the slips'
    /// effective count under their weights. Below the first or above the
    /// last (under 9 slips) there is no slip to take: the middle 80% goes
    /// on by the spacing of the slips in it, so that an old slip of next to
    /// no weight, far out, does not stretch the range.
    fn prediction_middle(slips: &[(i64, f64)]) -> Option<(i64, i64)> {
        let total: f64 = slips.iter().map(|(_, weight)| weight).sum();
        let squares: f64 = slips.iter().map(|(_, weight)| weight * weight).sum();
        let count = total * total / squares;
        let (low, high) = (Self::quantile(slips, LOW)?, Self::quantile(slips, HIGH)?);
        let spacing = (high - low) as f64 / ((HIGH - LOW) * count);
        let low_rank = LOW * (count + 1.0);
        let high_rank = HIGH * (count + 1.0);
        let low = if low_rank < 1.0 {
            low - ((1.0 - low_rank) * spacing).round() as i64
        } else {
            Self::quantile(slips, low_rank / count)?
        };
        let high = if high_rank > count {
            high + ((high_rank - count) * spacing).round() as i64
        } else {
            Self::quantile(slips, high_rank / count)?
        };
        Some((low, high))
    }

    /// How many releases it counts.
    #[must_use]
    pub fn len(&self) -> usize {
        self.slips.len()
    }

    /// Whether it counts none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.slips.is_empty()
    }

    /// Whether it is long enough to give ranges.
    #[must_use]
    pub fn gives_ranges(&self) -> bool {
        self.slips.len() >= FEWEST_SLIPS
    }

    /// The days late of the share `share` of the weight of `slips` (in
    /// increasing order): the first whose weight, with those before, reaches it.
    fn quantile(slips: &[(i64, f64)], share: f64) -> Option<i64> {
        let total: f64 = slips.iter().map(|(_, weight)| weight).sum();
        let mut seen = 0.0;
        for &(late, weight) in slips {
            seen += weight;
            if seen >= share * total {
                return Some(late);
            }
        }
        slips.last().map(|(late, _)| *late)
    }

    /// The 80% range, in days from the projected day, of the release
    /// `ahead` lines after the newest one recorded: the middle 80% of the
    /// track record, widened by the square root of `ahead`, as slips add up
    /// from release to release.
    #[must_use]
    pub fn offsets(&self, ahead: u64) -> Option<(i64, i64)> {
        let (low, high) = self.middle?;
        let widen = (ahead.max(1) as f64).sqrt();
        let scale = |late: i64| (late as f64 * widen).round() as i64;
        Some((scale(low), scale(high)))
    }

    /// For a release already `late` days past the day it was due: the days
    /// past that day by which it comes with 80% confidence, from the
    /// releases at least as late; `None` when none was.
    #[must_use]
    pub fn late_by(&self, late: i64) -> Option<i64> {
        if !self.gives_ranges() {
            return None;
        }
        let at = self.slips.partition_point(|(slip, _)| *slip < late);
        let later = &self.slips[at..];
        (!later.is_empty())
            .then(|| Self::quantile(later, HIGH - LOW))
            .flatten()
    }
}
