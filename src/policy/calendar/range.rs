//! The ends of a range of days, given or worked out by default, as a
//! message about the range names them.

use std::fmt;

use chrono::NaiveDate;

/// One end of a range of days: given, or the default, and which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RangeEnd {
    /// The day asked for.
    Given(NaiveDate),
    /// The first release, a range's default start.
    FirstRelease(NaiveDate),
    /// One support period after the day asked about, a default end.
    PeriodAfter {
        /// The day it works out to.
        date: NaiveDate,
        /// The period.
        period: DefaultPeriod,
        /// The day asked about.
        on: NaiveDate,
    },
    /// One support period before the day asked about, a default start.
    PeriodBefore {
        /// The day it works out to.
        date: NaiveDate,
        /// The period.
        period: DefaultPeriod,
        /// The day asked about.
        on: NaiveDate,
    },
}

/// How far calendars look by default: the longest period of support the
/// policy promises in months, or a year when it promises none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DefaultPeriod {
    /// One LTS support period (`lts.support.months`).
    LtsSupport(u32),
    /// One support period (`support.months`).
    Support(u32),
    /// Twelve months, for a policy that counts support in lines only.
    Year,
}

impl DefaultPeriod {
    /// Its length in months.
    #[must_use]
    pub fn months(self) -> u32 {
        match self {
            Self::LtsSupport(months) | Self::Support(months) => months,
            Self::Year => 12,
        }
    }
}

impl fmt::Display for DefaultPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LtsSupport(months) => write!(f, "one LTS support period, {months} months,"),
            Self::Support(months) => write!(f, "one support period, {months} months,"),
            Self::Year => f.write_str("12 months"),
        }
    }
}

impl RangeEnd {
    /// The day.
    #[must_use]
    pub fn date(self) -> NaiveDate {
        match self {
            Self::Given(date) | Self::FirstRelease(date) => date,
            Self::PeriodAfter { date, .. } | Self::PeriodBefore { date, .. } => date,
        }
    }
}

/// The day, and for a default how it was worked out: a range that is
/// empty because of a default says so.
impl fmt::Display for RangeEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Given(date) => write!(f, "{date}"),
            Self::FirstRelease(date) => write!(f, "{date} (by default, the first release)"),
            Self::PeriodAfter { date, period, on } => {
                write!(f, "{date} (by default, {period} after {on})")
            }
            Self::PeriodBefore { date, period, on } => {
                write!(f, "{date} (by default, {period} before {on})")
            }
        }
    }
}
