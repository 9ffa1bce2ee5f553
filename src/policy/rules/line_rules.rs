//! The terms of a policy's rules besides its schedules: how lines are
//! numbered into majors, how long they are supported and in which phase,
//! which are LTS and from when, and the rules that change from a line on.

use chrono::{Datelike, Days, NaiveDate};

use serde::{Deserialize, Serialize};

use super::schedule::Schedule;
use crate::policy::dates::add_months;
use crate::policy::lines::line::Line;

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

/// A length of time in one unit: support "12 months", "6 weeks", "90 days".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Period {
    /// Calendar months, the day of the month kept and clamped to its end.
    Months(u32),
    /// Weeks of seven days.
    Weeks(u32),
    /// Days.
    Days(u32),
}

impl Period {
    /// Whether it is no time at all.
    #[must_use]
    pub fn is_zero(self) -> bool {
        matches!(self, Self::Months(0) | Self::Weeks(0) | Self::Days(0))
    }

    /// About how many months it lasts (a month is 30.436875 days, the
    /// Gregorian average).
    #[must_use]
    pub fn in_months(self) -> f64 {
        match self {
            Self::Months(months) => f64::from(months),
            Self::Weeks(weeks) => f64::from(weeks) * 7.0 / 30.436_875,
            Self::Days(days) => f64::from(days) / 30.436_875,
        }
    }

    /// Whole months it covers at least: its months, or its weeks and days
    /// rounded up to months.
    #[must_use]
    pub fn whole_months(self) -> u32 {
        match self {
            Self::Months(months) => months,
            // At most a century of days: the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            other => (other.in_months() - 1e-9).ceil() as u32,
        }
    }

    /// `date` plus the period; `None` past the dates chrono holds.
    #[must_use]
    pub fn after(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Months(months) => add_months(date, u64::from(months)),
            Self::Weeks(weeks) => date.checked_add_days(Days::new(7 * u64::from(weeks))),
            Self::Days(days) => date.checked_add_days(Days::new(u64::from(days))),
        }
    }
}

/// Where a window that would end inside a calendar span ends instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Round {
    /// On the day its terms give.
    #[default]
    Exact,
    /// On the first day of the next month (`round: "month_end"`).
    MonthEnd,
    /// On the first day of the next quarter (January, April, July or October).
    QuarterEnd,
    /// On the first day of the next year.
    YearEnd,
}

impl Round {
    /// `date`, moved to the first day of the next month, quarter or year
    /// when it falls inside one; a first day stays where it is.
    #[must_use]
    pub fn apply(self, date: NaiveDate) -> Option<NaiveDate> {
        let months = match self {
            Self::Exact => return Some(date),
            Self::MonthEnd => 1,
            Self::QuarterEnd => 3,
            Self::YearEnd => 12,
        };
        // The first month of the span the date is in (0-based from January).
        let span_start = date.month0() - date.month0() % months;
        let first = NaiveDate::from_ymd_opt(date.year(), span_start + 1, 1)?;
        if first == date {
            return Some(date);
        }
        add_months(first, u64::from(months))
    }
}

/// The day a support rule's period counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CountFrom {
    /// The line's real release.
    #[default]
    Release,
    /// The day the release schedule had the line due, so that a late
    /// release does not move its end (`from: "scheduled"`).
    Scheduled,
}

/// How long a rule keeps a line supported: the earlier of its terms, then
/// rounded as it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Support {
    /// Until this long after the release (or the scheduled day, with
    /// [`CountFrom::Scheduled`]).
    pub period: Option<Period>,
    /// Until the release of the line this many places later (counting every
    /// line for `support`, only LTS lines for `lts.support`), plus `grace`.
    pub until_next: Option<u32>,
    /// Added to the end of each term: to the release of the line
    /// `until_next` places later, and to the end of `period` (a record
    /// that writes the last day, as endoflife.date does, is a day short
    /// of the first day without support: `grace_days: 1`).
    pub grace: Option<Period>,
    /// Where an end inside a month, quarter or year moves to.
    pub round: Round,
    /// The day `period` counts from.
    pub from: CountFrom,
}

impl Support {
    /// The default support rule: until the next line's release.
    pub const UNTIL_NEXT_LINE: Self = Self {
        period: None,
        until_next: Some(1),
        grace: None,
        round: Round::Exact,
        from: CountFrom::Release,
    };

    /// A rule of `months` from the release, and nothing else.
    #[must_use]
    pub const fn months(months: u32) -> Self {
        Self {
            period: Some(Period::Months(months)),
            until_next: None,
            grace: None,
            round: Round::Exact,
            from: CountFrom::Release,
        }
    }

    /// `date`, rounded as the rule says.
    #[must_use]
    pub fn round(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.round.apply(date)
    }

    /// The end its period promises, counted from `counted_from`, plus the
    /// grace, rounded: `Some(None)` without a period, `None` past chrono's
    /// dates.
    pub(crate) fn promised_end(&self, counted_from: NaiveDate) -> Option<Option<NaiveDate>> {
        self.period
            .map(|period| {
                period
                    .after(counted_from)
                    .and_then(|date| self.graced(date))
            })
            .map_or(Some(None), |end| end.map(Some))
    }

    /// The end `until_next` gives, from the release of the line it counts
    /// to: that release plus the grace, rounded.
    pub(crate) fn successor_end(&self, successor_released: NaiveDate) -> Option<NaiveDate> {
        self.graced(successor_released)
    }

    /// The end of a term, `term_end`, plus the grace, rounded.
    fn graced(&self, term_end: NaiveDate) -> Option<NaiveDate> {
        self.grace
            .map_or(Some(term_end), |grace| grace.after(term_end))
            .and_then(|date| self.round(date))
    }

    /// The end of the support it gives a line whose period counts from
    /// `counted_from`, and whose successor (the line `until_next` places
    /// later) is released on `successor`: the earlier of its terms. `None`
    /// when a term it has cannot be worked out (no successor given, or past
    /// chrono's dates).
    pub(crate) fn end(
        &self,
        counted_from: NaiveDate,
        successor: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let promised = self.promised_end(counted_from)?;
        let by_successor = match self.until_next {
            Some(_) => Some(self.successor_end(successor?)?),
            None => None,
        };
        match (promised, by_successor) {
            (Some(promised), Some(by_successor)) => Some(promised.min(by_successor)),
            (promised, by_successor) => promised.or(by_successor),
        }
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

/// When an LTS line becomes LTS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LtsStart {
    /// On its release.
    #[default]
    Release,
    /// On the release of the line this many places later (Node.js: an even
    /// major becomes LTS when the odd one after it comes out).
    AtNext(u32),
    /// This many months after its release.
    Months(u32),
}

/// The LTS rule: which lines are LTS, from when, and how long they are
/// maintained as such.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LtsRule {
    /// How LTS lines are chosen.
    pub choice: LtsChoice,
    /// When a line chosen becomes LTS.
    pub starts: LtsStart,
    /// How long an LTS line is maintained as such.
    pub support: Support,
    /// How long an LTS line gets more than security fixes, if the policy
    /// says (`lts.active`).
    pub active: Option<Support>,
}

impl LtsRule {
    /// A rule choosing lines by `choice`, LTS from their release, maintained
    /// as `support` says, in one phase.
    #[must_use]
    pub const fn new(choice: LtsChoice, support: Support) -> Self {
        Self {
            choice,
            starts: LtsStart::Release,
            support,
            active: None,
        }
    }
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

/// The rules a line is released under: the policy's own, or those of the
/// last change at or before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LineRules {
    /// Where projected majors start, for minor lines.
    pub new_major: Option<NewMajor>,
    /// When lines come out.
    pub releases: Schedule,
    /// When patches come out.
    pub patches: Patches,
    /// How long a line is supported.
    pub support: Support,
    /// How long the last minor of a major is supported instead
    /// (`support.last_of_major`).
    pub last_of_major: Option<Support>,
    /// How long a line gets more than security fixes, if the policy says.
    pub active: Option<Support>,
    /// The LTS rule; `None` for lines without LTS.
    pub lts: Option<LtsRule>,
}

/// Rules that change from a line on: the line, and the rules that govern it
/// and the lines after it (those the change does not name stay as before).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Change {
    /// The first line the change governs: lines from it on, known or
    /// projected, up to the next change.
    pub from: Line,
    /// The rules from that line on, the unchanged ones included.
    pub rules: LineRules,
}

impl LineRules {
    /// Whether any of these rules counts its period from the day the
    /// schedule had a line due (`from: "scheduled"`), so that the day must
    /// be worked out.
    pub(crate) fn counts_from_schedule(&self) -> bool {
        let from_schedule =
            |rule: Option<&Support>| rule.is_some_and(|rule| rule.from == CountFrom::Scheduled);
        let lts = self.lts.as_ref();
        from_schedule(Some(&self.support))
            || from_schedule(self.last_of_major.as_ref())
            || from_schedule(self.active.as_ref())
            || from_schedule(lts.map(|lts| &lts.support))
            || from_schedule(lts.and_then(|lts| lts.active.as_ref()))
    }
}
