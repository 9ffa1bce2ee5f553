//! How old a policy's facts look: the newest release its history records,
//! against two release intervals of the rules in force.

use chrono::NaiveDate;

use crate::policy::definition::Policy;
use crate::policy::lines::release::newest_recorded;
use crate::policy::rules::line_rules::Period;
use crate::policy::rules::schedule::Cadence;

/// Facts that look old on a day, as [`Policy::old_facts_on`] finds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct OldFacts {
    /// The newest day the history records a release on, a line's or a
    /// patch's.
    pub newest: NaiveDate,
    /// Two release intervals of the rules that govern the newest line.
    pub two_intervals: Period,
}

impl Cadence {
    /// Two release intervals, in the cadence's own unit: every N months,
    /// 2N months; every N weeks, 2N weeks; in listed months, the longest
    /// two gaps in a row between them, going round the year, so that no
    /// stretch of the calendar with two releases due is longer. A day rule
    /// moves each date within its month or week, and is left out.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::rules::{Cadence, Period};
    /// // Kestra, a minor every 2 months: 2 * 2.
    /// assert_eq!(Cadence::EveryMonths(2).two_intervals(), Period::Months(4));
    /// assert_eq!(Cadence::EveryWeeks(3).two_intervals(), Period::Weeks(6));
    /// // Node.js, April and October: 6 + 6.
    /// assert_eq!(Cadence::InMonths(vec![4, 10]).two_intervals(), Period::Months(12));
    /// // March, April, October: gaps of 1, 6 and 5 (October round to
    /// // March); the longest two in a row are 6 + 5.
    /// assert_eq!(Cadence::InMonths(vec![3, 4, 10]).two_intervals(), Period::Months(11));
    /// // Once a year: 12 + 12.
    /// assert_eq!(Cadence::InMonths(vec![5]).two_intervals(), Period::Months(24));
    /// ```
    #[must_use]
    pub fn two_intervals(&self) -> Period {
        match self {
            Self::EveryMonths(months) => Period::Months(months.saturating_mul(2)),
            Self::EveryWeeks(weeks) => Period::Weeks(weeks.saturating_mul(2)),
            Self::InMonths(months) => {
                let next = months.iter().cycle().skip(1);
                let gaps: Vec<u32> = months
                    .iter()
                    .zip(next)
                    .map(|(&from, &to)| {
                        if to > from {
                            to - from
                        } else {
                            to.saturating_add(12).saturating_sub(from)
                        }
                    })
                    .collect();
                let longest = gaps
                    .iter()
                    .zip(gaps.iter().cycle().skip(1))
                    .map(|(first, second)| first.saturating_add(*second))
                    .max();
                // No month listed, no release ever due: never two intervals
                // (no date is that far).
                Period::Months(longest.unwrap_or(u32::MAX))
            }
        }
    }
}

impl Policy {
    /// The facts look old on `date` when the newest release the history
    /// records, a line's or a patch's, is more than two release intervals
    /// ([`Cadence::two_intervals`]) of the rules that govern the newest line
    /// before it: when `newest + two intervals < date`. `None` when they
    /// do not.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// use lts_policy::rules::Period;
    /// let kestra = Policy::kestra()?;
    /// // Its newest release is 2.0, on 2026-09-08; a minor every 2 months
    /// // makes two intervals 4 months: up to 2027-01-08 the facts are
    /// // recent enough.
    /// assert_eq!(kestra.old_facts_on(parse_date("2027-01-08")?), None);
    /// let old = kestra.old_facts_on(parse_date("2027-01-09")?).unwrap();
    /// assert_eq!(old.newest, parse_date("2026-09-08")?);
    /// assert_eq!(old.two_intervals, Period::Months(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn old_facts_on(&self, date: NaiveDate) -> Option<OldFacts> {
        let history = self.history();
        let newest = newest_recorded(history)?;
        // The rules in force: those of the newest line to come out (the
        // history is kept in release order; a line can come out after a
        // higher one).
        let newest_line = history.last()?;
        let rules = self
            .rules()
            .by_id(self.rules().governing(&newest_line.line));
        let two_intervals = rules.releases.cadence.two_intervals();
        let old = two_intervals
            .after(newest)
            .is_some_and(|after| after < date);
        old.then_some(OldFacts {
            newest,
            two_intervals,
        })
    }
}
