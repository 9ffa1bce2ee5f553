//! Calendar arithmetic on plain dates, every step checked: adding
//! months clamps to the month's end, and every function returns `None`
//! (or a typed error) instead of panicking when a result would leave the
//! range chrono can represent.
//!
//! ```
//! use lts_policy::dates::{add_months, parse_date};
//! assert_eq!(add_months(parse_date("2025-12-31")?, 2), Some(parse_date("2026-02-28")?));
//! # Ok::<(), lts_policy::dates::DateError>(())
//! ```

use std::error::Error;
use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::policy::quote::Quoted;

/// The last day a `YYYY-MM-DD` date names: the dates the program reads
/// and writes have four-digit years.
///
/// # Examples
/// ```
/// use lts_policy::dates::LAST_DAY;
/// assert_eq!(LAST_DAY.to_string(), "9999-12-31");
/// ```
pub const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MAX,
};

/// Parses a date written exactly as `YYYY-MM-DD`.
///
/// # Errors
/// [`DateError`] when the text is not of that shape or names a day that
/// does not exist.
///
/// # Examples
/// ```
/// use lts_policy::parse_date;
/// assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
/// assert_eq!(
///     parse_date("2026-02-30").unwrap_err().to_string(),
///     "invalid date \"2026-02-30\": February 2026 has 28 days",
/// );
/// ```
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let invalid = |problem| DateError {
        input: input.to_owned(),
        problem,
    };
    let bytes = input.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !well_formed {
        return Err(invalid(DateProblem::Shape));
    }
    // Four and two ASCII digits always fit.
    let number = |range: std::ops::Range<usize>| input[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let year = i32::try_from(year).unwrap_or(0);
    if !(1..=12).contains(&month) {
        return Err(invalid(DateProblem::NoSuchMonth(month)));
    }
    if day == 0 {
        return Err(invalid(DateProblem::DayZero));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let month_length = NaiveDate::from_ymd_opt(year, month, 1)
            .and_then(|first| Some((first, days_between(first, add_months(first, 1)?))));
        match month_length {
            Some((month, days)) => invalid(DateProblem::PastMonthEnd { month, days }),
            None => invalid(DateProblem::Shape),
        }
    })
}

/// Adds calendar months, keeping the day of month and clamping it to the
/// last day of the resulting month.
///
/// # Properties
/// Not reversible: 2025-08-31 + 2 months is 2025-10-31, but 2025-12-31 + 2
/// months is 2026-02-28, and 2026-02-28 − 2 months would be 2025-12-28.
/// Adding `a` then `b` months may differ from adding `a + b` at once, which is
/// why projections always add `k * cadence` to the same anchor date.
///
/// # Examples
/// ```
/// use chrono::NaiveDate;
/// use lts_policy::dates::add_months;
/// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(add_months(date(2025, 8, 31), 2), Some(date(2025, 10, 31)));
/// assert_eq!(add_months(date(2025, 12, 31), 2), Some(date(2026, 2, 28)));
/// assert_eq!(add_months(date(2023, 12, 29), 2), Some(date(2024, 2, 29)));
/// assert_eq!(add_months(NaiveDate::MAX, 1), None);
/// ```
#[must_use]
pub fn add_months(date: NaiveDate, months: u64) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(u32::try_from(months).ok()?))
}

/// The first `weekday` on or after `date`.
///
/// # Examples
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use lts_policy::dates::weekday_on_or_after;
/// let sunday = NaiveDate::from_ymd_opt(2026, 11, 8).unwrap();
/// let tuesday = NaiveDate::from_ymd_opt(2026, 11, 10).unwrap();
/// assert_eq!(weekday_on_or_after(sunday, Weekday::Tue), Some(tuesday));
/// assert_eq!(weekday_on_or_after(tuesday, Weekday::Tue), Some(tuesday));
/// ```
#[must_use]
pub fn weekday_on_or_after(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    date.checked_add_days(Days::new(u64::from(ahead)))
}

/// The first `weekday` strictly after `date`.
///
/// # Examples
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use lts_policy::dates::weekday_after;
/// let tuesday = NaiveDate::from_ymd_opt(2026, 11, 10).unwrap();
/// let next = NaiveDate::from_ymd_opt(2026, 11, 17).unwrap();
/// assert_eq!(weekday_after(tuesday, Weekday::Tue), Some(next));
/// ```
#[must_use]
pub fn weekday_after(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    weekday_on_or_after(date.succ_opt()?, weekday)
}

/// Days from `from` to `to`, negative when `to` is earlier.
///
/// # Examples
/// ```
/// use lts_policy::parse_date;
/// use lts_policy::dates::days_between;
/// let date = |text| parse_date(text).unwrap();
/// // 2024 is a leap year: February has 29 days.
/// assert_eq!(days_between(date("2024-02-01"), date("2024-03-01")), 29);
/// assert_eq!(days_between(date("2026-03-01"), date("2026-02-27")), -2);
/// ```
#[must_use]
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// A date that is not `YYYY-MM-DD` or names a day that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DateError {
    /// The text as given.
    pub input: String,
    /// What is wrong with it.
    pub problem: DateProblem,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date {}: {}", Quoted(&self.input), self.problem)
    }
}

impl Error for DateError {}

/// What is wrong with a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateProblem {
    /// Not ten characters `YYYY-MM-DD` of ASCII digits and dashes.
    Shape,
    /// A month number that is not 1 to 12.
    NoSuchMonth(u32),
    /// Day `00`.
    DayZero,
    /// A day past the end of its month.
    PastMonthEnd {
        /// The first day of the month named.
        month: NaiveDate,
        /// How many days it has.
        days: i64,
    },
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Shape => f.write_str("expected YYYY-MM-DD, like 2026-03-01"),
            Self::NoSuchMonth(month) => write!(f, "there is no month {month:02}"),
            Self::DayZero => f.write_str("there is no day 00"),
            Self::PastMonthEnd { month, days } => {
                write!(f, "{} has {days} days", month.format("%B %Y"))
            }
        }
    }
}
