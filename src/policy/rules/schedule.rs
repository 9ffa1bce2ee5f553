//! Schedules: the days something comes out, counted from an anchor date.
//!
//! A schedule has one cadence (every N months, every N weeks, or in listed
//! months of the year) and a day rule that places each due date on a day:
//! a weekday, the nth weekday of the month, a day of the month, or the due
//! date itself. Every date is worked out from the anchor directly, never
//! from the date before, so that month-end clamping never compounds and a
//! far date costs no more than a near one.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::policy::dates::{add_months, weekday_after, weekday_on_or_after};

/// The first day of a month from which the weekday on or after it can be
/// in the next month: six days on is past February's 28th.
const LAST_WEEK_FROM: u32 = 23;

/// How often a schedule comes due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Cadence {
    /// Every N months: the k-th date is due on `anchor + k*N` months.
    EveryMonths(u32),
    /// Every N weeks: the k-th date is due on `anchor + 7*k*N` days.
    EveryWeeks(u32),
    /// In these months of every year (1 to 12, increasing): the k-th date is
    /// due on the first day of the k-th listed month after the anchor's.
    InMonths(Vec<u32>),
}

/// Which week of a month an nth weekday is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Nth {
    /// The first, second, third or fourth.
    Number(u32),
    /// The last.
    Last,
}

/// Where a due date's day falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DayRule {
    /// The due date itself.
    Due,
    /// The first such weekday on or after the due date.
    Weekday(Weekday),
    /// The nth such weekday of the due date's month.
    NthWeekday(Nth, Weekday),
    /// That day of the due date's month, clamped to its last day.
    DayOfMonth(u32),
}

impl DayRule {
    /// The weekday the rule names, if it names one.
    #[must_use]
    pub fn weekday(self) -> Option<Weekday> {
        match self {
            Self::Weekday(weekday) | Self::NthWeekday(_, weekday) => Some(weekday),
            Self::Due | Self::DayOfMonth(_) => None,
        }
    }

    /// Whether `date` is a day the rule can give.
    #[must_use]
    pub fn allows(self, date: NaiveDate) -> bool {
        match self {
            Self::Due => true,
            Self::Weekday(weekday) => date.weekday() == weekday,
            Self::NthWeekday(nth, weekday) => {
                nth_weekday(date.year(), date.month(), nth, weekday) == Some(date)
            }
            Self::DayOfMonth(day) => clamped_day(date.year(), date.month(), day) == Some(date),
        }
    }

    /// Places a due date on its day.
    fn apply(self, due: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Due => Some(due),
            Self::Weekday(weekday) => weekday_on_or_after(due, weekday),
            Self::NthWeekday(nth, weekday) => nth_weekday(due.year(), due.month(), nth, weekday),
            Self::DayOfMonth(day) => clamped_day(due.year(), due.month(), day),
        }
    }
}

/// Writes the rule as a policy file spells it: `Tuesday`, `3rd Thursday`,
/// `last Friday`, `15`.
impl fmt::Display for DayRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Due => f.write_str("the due date"),
            Self::Weekday(weekday) => f.write_str(weekday_name(weekday)),
            Self::NthWeekday(Nth::Last, weekday) => write!(f, "last {}", weekday_name(weekday)),
            Self::NthWeekday(Nth::Number(n), weekday) => {
                write!(f, "{} {}", ordinal(n), weekday_name(weekday))
            }
            Self::DayOfMonth(day) => write!(f, "{day}"),
        }
    }
}

/// `1st`, `2nd`, `3rd`, `4th`.
fn ordinal(n: u32) -> String {
    let suffix = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The English name of a weekday, as policy files spell it.
#[must_use]
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The nth `weekday` of a month.
fn nth_weekday(year: i32, month: u32, nth: Nth, weekday: Weekday) -> Option<NaiveDate> {
    match nth {
        Nth::Number(n) => {
            let n = u8::try_from(n).ok()?;
            NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
        }
        Nth::Last => {
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            let next_month = add_months(first, 1)?;
            let last_day = next_month.pred_opt()?;
            let back = (7 + last_day.weekday().num_days_from_monday()
                - weekday.num_days_from_monday())
                % 7;
            last_day.checked_sub_days(Days::new(u64::from(back)))
        }
    }
}

/// Day `day` of a month, or its last day when the month is shorter.
fn clamped_day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = add_months(first, 1)?.pred_opt()?;
    NaiveDate::from_ymd_opt(year, month, day.min(last.day()))
}

/// A cadence and a day rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Schedule {
    /// How often it comes due.
    pub cadence: Cadence,
    /// Where each due date's day falls.
    pub on: DayRule,
}

impl Schedule {
    /// A schedule of `cadence`, each date placed by `on`.
    #[must_use]
    pub fn new(cadence: Cadence, on: DayRule) -> Self {
        Self { cadence, on }
    }

    /// The date the k-th occurrence after `anchor` is due, before the day
    /// rule places it (k from 1).
    #[must_use]
    pub fn due(&self, anchor: NaiveDate, k: u64) -> Option<NaiveDate> {
        match &self.cadence {
            Cadence::EveryMonths(months) => add_months(anchor, k.checked_mul(u64::from(*months))?),
            Cadence::EveryWeeks(weeks) => {
                let days = k.checked_mul(7)?.checked_mul(u64::from(*weeks))?;
                anchor.checked_add_days(Days::new(days))
            }
            Cadence::InMonths(months) => {
                // Listed months after the anchor's, that year, then every year.
                let later = months.iter().filter(|&&m| m > anchor.month()).count() as u64;
                let per_year = months.len() as u64;
                let (year, at) = if k <= later {
                    (0, usize::try_from(per_year - later + k - 1).ok()?)
                } else {
                    let past = k - later - 1;
                    (1 + past / per_year, usize::try_from(past % per_year).ok()?)
                };
                let year = anchor.year().checked_add(i32::try_from(year).ok()?)?;
                NaiveDate::from_ymd_opt(year, *months.get(at)?, 1)
            }
        }
    }

    /// Whether a date of the schedule after `anchor` can fall in `month`
    /// (1 to 12): a month its due dates fall in, or, with a weekday rule,
    /// the month after one where a due date can come within six days of
    /// its month's end (the 23rd on, as February 23rd can roll into
    /// March). Every N months cycles through at most twelve months, due on
    /// the anchor's day; listed months are due on their 1st; every N weeks
    /// drifts through them all. Exact where it says never: a major month
    /// it rules out never comes.
    ///
    /// # Examples
    /// ```
    /// use chrono::Weekday;
    /// use lts_policy::parse_date;
    /// use lts_policy::rules::{Cadence, DayRule, Schedule};
    /// let date = |text| parse_date(text).unwrap();
    /// // Yearly on the 7th, from October: never in December.
    /// let yearly = Schedule::new(Cadence::EveryMonths(12), DayRule::DayOfMonth(7));
    /// assert!(!yearly.can_fall_in(date("2025-10-07"), 12));
    /// // Every 8 months from October: June, February, October again.
    /// let eight = Schedule::new(Cadence::EveryMonths(8), DayRule::Due);
    /// assert!(eight.can_fall_in(date("2025-10-07"), 2));
    /// assert!(!eight.can_fall_in(date("2025-10-07"), 12));
    /// // The Tuesday on or after October 7th is in October; after the
    /// // 28th, it may be in November.
    /// let tuesday = Schedule::new(Cadence::EveryMonths(12), DayRule::Weekday(Weekday::Tue));
    /// assert!(!tuesday.can_fall_in(date("2025-10-07"), 11));
    /// assert!(tuesday.can_fall_in(date("2025-10-28"), 11));
    /// ```
    #[must_use]
    pub fn can_fall_in(&self, anchor: NaiveDate, month: u32) -> bool {
        let due_day = match self.cadence {
            Cadence::EveryWeeks(_) => return true,
            Cadence::EveryMonths(_) => anchor.day(),
            Cadence::InMonths(_) => 1,
        };
        let spills = matches!(self.on, DayRule::Weekday(_)) && due_day >= LAST_WEEK_FROM;
        let reaches = |due: u32| due == month || spills && due % 12 + 1 == month;
        match &self.cadence {
            Cadence::EveryMonths(months) => {
                (1..=12).any(|k| reaches((anchor.month0() + k * (months % 12)) % 12 + 1))
            }
            Cadence::InMonths(months) => months.iter().copied().any(reaches),
            Cadence::EveryWeeks(_) => true,
        }
    }

    /// The k-th date after `anchor` (k from 1).
    ///
    /// # Examples
    /// ```
    /// use chrono::Weekday;
    /// use lts_policy::parse_date;
    /// use lts_policy::rules::{Cadence, DayRule, Nth, Schedule};
    /// let date = |text| parse_date(text).unwrap();
    /// // Kestra: every 2 months, on the first Tuesday on or after the due date.
    /// let kestra = Schedule::new(Cadence::EveryMonths(2), DayRule::Weekday(Weekday::Tue));
    /// assert_eq!(kestra.nth(date("2026-09-08"), 1), Some(date("2026-11-10")));
    /// // Month ends clamp from the anchor each time: 08-31, 10-31, then 12-31.
    /// let monthly = Schedule::new(Cadence::EveryMonths(2), DayRule::Due);
    /// assert_eq!(monthly.nth(date("2025-08-31"), 3), Some(date("2026-02-28")));
    /// // Kubernetes: April, August and December, on the 3rd Wednesday.
    /// let k8s = Schedule::new(
    ///     Cadence::InMonths(vec![4, 8, 12]),
    ///     DayRule::NthWeekday(Nth::Number(3), Weekday::Wed),
    /// );
    /// assert_eq!(k8s.nth(date("2025-12-17"), 1), Some(date("2026-04-15")));
    /// // Every week on Tuesday: the k-th Tuesday strictly after the anchor.
    /// let weekly = Schedule::new(Cadence::EveryWeeks(1), DayRule::Weekday(Weekday::Tue));
    /// assert_eq!(weekly.nth(date("2026-03-03"), 1), Some(date("2026-03-10")));
    /// ```
    #[must_use]
    pub fn nth(&self, anchor: NaiveDate, k: u64) -> Option<NaiveDate> {
        match (&self.cadence, self.on) {
            // With a weekday, every N weeks is the (k*N)-th such weekday
            // strictly after the anchor, whatever day the anchor is.
            (Cadence::EveryWeeks(weeks), DayRule::Weekday(weekday)) => {
                let first = weekday_after(anchor, weekday)?;
                let later = k.checked_mul(u64::from(*weeks))?.checked_sub(1)?;
                first.checked_add_days(Days::new(later.checked_mul(7)?))
            }
            _ => self.on.apply(self.due(anchor, k)?),
        }
    }

    /// How many dates after `anchor` fall on or before `date`: the largest
    /// k with `nth(anchor, k) <= date`, or 0.
    ///
    /// # Examples
    /// ```
    /// use chrono::Weekday;
    /// use lts_policy::parse_date;
    /// use lts_policy::rules::{Cadence, DayRule, Schedule};
    /// let date = |text| parse_date(text).unwrap();
    /// let weekly = Schedule::new(Cadence::EveryWeeks(1), DayRule::Weekday(Weekday::Tue));
    /// // Tuesdays after 2026-01-13 up to 2026-03-02: 01-20 .. 02-24.
    /// assert_eq!(weekly.count_until(date("2026-01-13"), date("2026-03-02")), 6);
    /// assert_eq!(weekly.count_until(date("2026-01-13"), date("2026-01-19")), 0);
    /// ```
    #[must_use]
    pub fn count_until(&self, anchor: NaiveDate, date: NaiveDate) -> u64 {
        if date <= anchor {
            return 0;
        }
        let mut k = self.estimate(anchor, date);
        // The estimate is within a date or two: step to the exact count.
        while k > 0 && self.nth(anchor, k).is_none_or(|at| at > date) {
            k -= 1;
        }
        while self.nth(anchor, k + 1).is_some_and(|at| at <= date) {
            k += 1;
        }
        k
    }

    /// The first date of the schedule strictly after `date`.
    #[must_use]
    pub fn next_after(&self, anchor: NaiveDate, date: NaiveDate) -> Option<NaiveDate> {
        self.nth(anchor, self.count_until(anchor, date).checked_add(1)?)
    }

    /// About how many dates after `anchor` fall on or before `date`.
    fn estimate(&self, anchor: NaiveDate, date: NaiveDate) -> u64 {
        let months = || {
            let months = i64::from(date.year() - anchor.year()) * 12 + i64::from(date.month())
                - i64::from(anchor.month());
            u64::try_from(months).unwrap_or(0)
        };
        match &self.cadence {
            Cadence::EveryMonths(every) => months() / u64::from(*every),
            Cadence::EveryWeeks(every) => {
                let days = u64::try_from((date - anchor).num_days()).unwrap_or(0);
                days / (7 * u64::from(*every))
            }
            Cadence::InMonths(listed) => months() * listed.len() as u64 / 12,
        }
    }
}
