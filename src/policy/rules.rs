//! The terms of a policy's rules besides its schedules: how lines are
//! numbered into majors, how long they are supported, which are LTS.

use chrono::{Datelike, NaiveDate};

use serde::{Deserialize, Serialize};

use super::dates::add_months;
use super::schedule::Schedule;

/// Where a new major starts among projected minor lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NewMajor {
    /// The line after `X.N` is `(X+1).0`.
    AfterMinor(u64),
    /// The first line released in this month (1 to 12) of a year is `(X+1).0`.
    InMonth(u32),
}

/// How long a rule keeps a line supported: the earlier of its terms, then
/// rounded to the end of the month when it says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Support {
    /// Until release + this many months.
    pub months: Option<u32>,
    /// Until the release of the line this many places later (counting every
    /// line for `support`, only LTS lines for `lts.support`), plus `grace_months`.
    pub until_next: Option<u32>,
    /// Months added to the release of the line `until_next` places later.
    pub grace_months: u32,
    /// Whether a window ending inside a month ends on the first day of the
    /// next one instead.
    pub month_end: bool,
}

impl Support {
    /// The default support rule: until the next line's release.
    pub const UNTIL_NEXT_LINE: Self = Self {
        months: None,
        until_next: Some(1),
        grace_months: 0,
        month_end: false,
    };

    /// `date`, moved to the first day of the next month when the rule
    /// rounds to month ends and it falls inside a month.
    #[must_use]
    pub fn round(&self, date: NaiveDate) -> Option<NaiveDate> {
        if !self.month_end || date.day() == 1 {
            return Some(date);
        }
        add_months(date.with_day(1)?, 1)
    }
}

/// How LTS lines are chosen after the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LtsChoice {
    /// The lines `n`, `2n`, `3n`, ... places after the anchor.
    Every(u32),
    /// Repeatedly, the line released nearest to the previous LTS line's
    /// release + this many months.
    EveryMonths(u32),
}

/// The LTS rule: which lines are LTS and how long they are maintained as such.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LtsRule {
    /// How LTS lines are chosen.
    pub choice: LtsChoice,
    /// How long an LTS line is maintained as such.
    pub support: Support,
}

/// When patches come out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Patches {
    /// On the days of a schedule anchored at each line's `.0` release.
    Scheduled(Schedule),
    /// Only as recorded in the history: no patch is projected.
    Recorded,
}
