//! The first line of a calendar with a date past a day, without working
//! out the lines that cannot have one.
//!
//! Past the lines walked, every line is projected by the same rules, and
//! each of its dates is its release plus what those rules add: periods,
//! graces and roundings, the releases of the lines it counts to, and the
//! 80% ranges. [`Policy::reach_days`] bounds that sum, generously; a line
//! released that long before the day has no date past it. A calendar to
//! 9999 then works out the lines of its last years, not of every year.

use chrono::{Days, NaiveDate};

use super::releases::Calendar;
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::lines::info::LineInfo;
use crate::policy::lines::release::Place;
use crate::policy::rules::line_rules::{LtsChoice, LtsStart, Period, Round, Support};
use crate::policy::rules::schedule::{Cadence, Schedule};

/// The most days in a month, for bounds in days of periods in months.
const MONTH_DAYS: u64 = 31;

impl Calendar<'_> {
    /// The first line of the calendar with a date past `day`: its release,
    /// an end, an LTS start or a range ([`LineInfo::latest_date`]).
    ///
    /// # Errors
    /// An error of the model met while a line is worked out.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// let kestra = Policy::kestra().unwrap();
    /// let date = |text| parse_date(text).unwrap();
    /// let last = date("9999-12-31");
    /// let calendar = kestra.releases(None, Some(last), date("2026-11-25")).unwrap();
    /// // Of its 47,000 lines, the LTS line of 9999-03-09 is the first
    /// // whose dates run past it: its LTS support lasts a year. The LTS
    /// // line before it, released 9998-09-08, ends on 9999-09-08.
    /// let late = calendar.first_line_past(last).unwrap().unwrap();
    /// assert_eq!((late.line.to_string(), late.released), ("2.47835".into(), date("9999-03-09")));
    /// assert!(late.lts_until().is_some_and(|until| until > last));
    /// ```
    pub fn first_line_past(&self, day: NaiveDate) -> Result<Option<LineInfo>, PolicyError> {
        let Some((first, last)) = self.span else {
            return Ok(None);
        };
        let may_pass = self.policy.first_place_reaching(day)?;
        let places = (first.index()..=last.index()).map(Place::of);
        for place in places.filter(|&place| place >= may_pass || !self.policy.is_past_walk(place)) {
            let info = self.policy.line_info(place)?;
            if info.latest_date() > day {
                return Ok(Some(info));
            }
        }
        Ok(None)
    }
}

impl Policy {
    /// Whether the line at `place` is projected after the lines walked,
    /// by the last rules.
    fn is_past_walk(&self, place: Place) -> bool {
        let walked = self.plan().map_or(0, |plan| plan.walked.len());
        place
            .since(self.newest_place())
            .is_some_and(|ahead| ahead > walked)
    }

    /// The first place whose line, if past the walk, may have a date past
    /// `day`: the first released less than [`Policy::reach_days`] before
    /// it. The first place when no bound can be worked out.
    fn first_place_reaching(&self, day: NaiveDate) -> Result<Place, PolicyError> {
        let since = self
            .reach_days(day)
            .and_then(|reach| day.checked_sub_days(Days::new(reach)));
        match since {
            Some(since) => self.first_place_after(since),
            None => Ok(Place::FIRST),
        }
    }

    /// At most how many days after its release a line past the walk,
    /// released on or before `day`, has a date: the longest of the terms
    /// of the last rules, each bounded as if every month had 31 days,
    /// plus the widest range on `day`. `None` when the rules project no
    /// line, or `day` is beyond what can be dated.
    fn reach_days(&self, day: NaiveDate) -> Option<u64> {
        self.plan()?;
        let rules = self.last_rules();
        let gap = longest_gap(&rules.releases);
        let mut reach = [Some(&rules.support), rules.last_of_major.as_ref()]
            .into_iter()
            .chain([rules.active.as_ref()])
            .flatten()
            .map(|support| support_reach(support, gap))
            .fold(gap, u64::max);
        if let Some(lts) = &rules.lts {
            // Days between an LTS line and the next: `every` lines, or the
            // line nearest `every_months` after.
            let lts_gap = match lts.choice {
                LtsChoice::Every(every) => u64::from(every) * gap,
                LtsChoice::EveryMonths(months) => u64::from(months) * MONTH_DAYS + gap,
            };
            let starts = match lts.starts {
                LtsStart::Release => 0,
                LtsStart::AtNext(lines) => u64::from(lines) * gap,
                LtsStart::Months(months) => u64::from(months) * MONTH_DAYS,
            };
            reach = [Some(&lts.support), lts.active.as_ref()]
                .into_iter()
                .flatten()
                .map(|support| support_reach(support, lts_gap))
                .fold(reach.max(starts), u64::max);
        }
        // A projected release's range, and an end's shifted with it, reach
        // past their day by at most the range of the furthest line counted
        // from, one released by `day`.
        let furthest = self.latest_place_on(day).ok()??;
        let ahead = furthest.since(self.newest_place())?;
        let widest = self
            .track_record()
            .offsets(ahead as u64)
            .map_or(0, |(_, high)| high.max(0).unsigned_abs());
        Some(reach + widest)
    }
}

/// At most how many days a window of `support` ends after the day it
/// counts from, with lines (or LTS lines) at most `gap` days apart: its
/// period where it has one (which caps it), else its `until_next` lines,
/// and its grace. 0 for a window that never ends, which has no date.
fn support_reach(support: &Support, gap: u64) -> u64 {
    let round = match support.round {
        Round::MonthEnd => MONTH_DAYS,
        Round::QuarterEnd => 3 * MONTH_DAYS,
        Round::YearEnd => 366,
        Round::Exact => 0,
    };
    let grace = support.grace.map_or(0, period_days);
    match (support.period, support.until_next) {
        (Some(period), _) => period_days(period) + grace + round,
        (None, Some(lines)) => u64::from(lines) * gap + grace + round,
        (None, None) => 0,
    }
}

/// At most how many days `period` spans.
fn period_days(period: Period) -> u64 {
    match period {
        Period::Months(months) => u64::from(months) * MONTH_DAYS,
        Period::Weeks(weeks) => u64::from(weeks) * 7,
        Period::Days(days) => u64::from(days),
    }
}

/// At most how many days apart two dates of `schedule` in a row fall:
/// the cadence, plus a month either way where the day rule places a date
/// anywhere in its month.
fn longest_gap(schedule: &Schedule) -> u64 {
    let months = match &schedule.cadence {
        Cadence::EveryMonths(months) => u64::from(*months),
        // A listed month comes again a year later at the latest.
        Cadence::InMonths(_) => 12,
        Cadence::EveryWeeks(weeks) => return (u64::from(*weeks) + 1) * 7,
    };
    (months + 2) * MONTH_DAYS
}
