//! `--ends-within`'s period: days, weeks, calendar months or years, as
//! scanners write their lookahead (`30d`, `6w`, `3m`, `1y`); a bare number
//! is days.

use std::fmt;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use lts_policy::dates::{add_months, days_between};

/// A period counted from the day asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lookahead {
    count: u32,
    unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Days,
    Weeks,
    Months,
    Years,
}

impl Lookahead {
    /// Parses `30`, `30d`, `6w`, `3m` or `1y`.
    ///
    /// # Errors
    /// Anything else, named with what is expected.
    pub fn parse(text: &str) -> Result<Self> {
        let (digits, unit) = match text.char_indices().last() {
            Some((at, 'd')) => (&text[..at], Unit::Days),
            Some((at, 'w')) => (&text[..at], Unit::Weeks),
            Some((at, 'm')) => (&text[..at], Unit::Months),
            Some((at, 'y')) => (&text[..at], Unit::Years),
            _ => (text, Unit::Days),
        };
        let count = digits
            .bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| digits.parse::<u32>().ok())
            .flatten()
            .ok_or_else(|| {
                anyhow!(
                    "--ends-within: invalid period {text:?}: expected a number of days, or a \
                     number and d (days), w (weeks), m (months) or y (years), like 30, 30d, 6w, \
                     3m or 1y"
                )
            })?;
        Ok(Self { count, unit })
    }

    /// Days from `on` to the end of the period: months and years are
    /// calendar months from `on`, their day clamped to the month's last, as
    /// the model adds months (2026-01-31 + 1 month is 2026-02-28: 28 days).
    ///
    /// # Errors
    /// A period that ends past the dates the program can compute.
    pub fn days_from(self, on: NaiveDate) -> Result<u32> {
        let count = u64::from(self.count);
        let days = match self.unit {
            Unit::Days => count,
            Unit::Weeks => 7 * count,
            Unit::Months | Unit::Years => {
                let months = if self.unit == Unit::Years {
                    12 * count
                } else {
                    count
                };
                let Some(end) = add_months(on, months) else {
                    bail!("--ends-within {self}: {months} months after {on} is past any date");
                };
                // The end is after `on`: the difference is positive.
                days_between(on, end).unsigned_abs()
            }
        };
        // Weeks past u32's days reach past any date, as do such days.
        Ok(u32::try_from(days).unwrap_or(u32::MAX))
    }
}

impl fmt::Display for Lookahead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            Unit::Days => "day",
            Unit::Weeks => "week",
            Unit::Months => "month",
            Unit::Years => "year",
        };
        let plural = if self.count == 1 { "" } else { "s" };
        write!(f, "{} {unit}{plural}", self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        lts_policy::parse_date(text).unwrap()
    }

    fn days(period: &str, on: &str) -> u32 {
        Lookahead::parse(period)
            .unwrap()
            .days_from(date(on))
            .unwrap()
    }

    #[test]
    fn days_and_weeks_count_days() {
        assert_eq!(days("30", "2026-01-31"), 30);
        assert_eq!(days("30d", "2026-01-31"), 30);
        assert_eq!(days("0", "2026-01-31"), 0);
        assert_eq!(days("6w", "2026-01-31"), 42);
    }

    #[test]
    fn months_are_calendar_months_clamped_at_the_month_end() {
        // 2026-01-31 + 1 month: February 2026 has 28 days, so 2026-02-28.
        assert_eq!(days("1m", "2026-01-31"), 28);
        // 2028 is a leap year: 2028-02-29, 29 days.
        assert_eq!(days("1m", "2028-01-31"), 29);
        // 2026-11-30 + 3 months: 2027-02-28; 31 (Dec) + 31 (Jan) + 28 = 90.
        assert_eq!(days("3m", "2026-11-30"), 90);
        // 2026-12-03 + 3 months: 2027-03-03; 31 + 31 + 28 = 90 as well.
        assert_eq!(days("3m", "2026-12-03"), 90);
        // 2026-03-31 + 1 month: 2026-04-30, 30 days.
        assert_eq!(days("1m", "2026-03-31"), 30);
    }

    #[test]
    fn years_are_twelve_months() {
        // 2028-02-29 + 12 months: 2029-02-28, 365 days.
        assert_eq!(days("1y", "2028-02-29"), 365);
        // 2027-03-01 to 2028-03-01 spans 2028-02-29: 366 days.
        assert_eq!(days("1y", "2027-03-01"), 366);
        // 2026-01-01 to 2030-01-01: 365 * 4 + 1 (2028-02-29) = 1461.
        assert_eq!(days("4y", "2026-01-01"), 1461);
    }

    #[test]
    fn a_period_past_any_date_is_an_error() {
        let err = Lookahead::parse("4000000000y")
            .unwrap()
            .days_from(date("2026-01-01"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "--ends-within 4000000000 years: 48000000000 months after 2026-01-01 is past any date"
        );
    }

    #[test]
    fn anything_else_is_refused_with_what_is_expected() {
        for bad in [
            "",
            "d",
            "30x",
            "-1",
            "+3",
            "3 m",
            "3M",
            "1.5y",
            "30dd",
            "99999999999",
        ] {
            assert_eq!(
                Lookahead::parse(bad).unwrap_err().to_string(),
                format!(
                    "--ends-within: invalid period {bad:?}: expected a number of days, or a \
                     number and d (days), w (weeks), m (months) or y (years), like 30, 30d, 6w, \
                     3m or 1y"
                ),
            );
        }
    }

    #[test]
    fn a_period_is_said_in_words() {
        let words = |text| Lookahead::parse(text).unwrap().to_string();
        assert_eq!(words("1"), "1 day");
        assert_eq!(words("60"), "60 days");
        assert_eq!(words("1w"), "1 week");
        assert_eq!(words("3m"), "3 months");
        assert_eq!(words("1y"), "1 year");
    }
}
