//! The calendar of releases between two dates, computed line by line as it
//! is read, so that a range of ten thousand years costs no memory.

use chrono::{Months, NaiveDate};

use crate::policy::answers::patch_days::PatchDays;
use crate::policy::dates::add_months;
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, PolicyError};
use crate::policy::lines::describe::Next;
use crate::policy::lines::info::LineInfo;
use crate::policy::lines::release::Place;
use crate::policy::rules::line_rules::{Period, Support};

use super::range::{DefaultPeriod, RangeEnd};

/// The lines released between two dates, both included, as
/// [`Policy::releases`] gives them.
#[derive(Debug, Clone, Copy)]
pub struct Calendar<'p> {
    pub(super) policy: &'p Policy,
    from: NaiveDate,
    to: NaiveDate,
    /// The places of the first and last lines of the range; `None` when
    /// no line comes out in it.
    pub(super) span: Option<(Place, Place)>,
    /// Whether the lines only the rules project are left out.
    recorded: bool,
}

impl<'p> Calendar<'p> {
    /// The first day of the range.
    #[must_use]
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// The last day of the range.
    #[must_use]
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// The lines released in the range, oldest first (or newest first,
    /// reversed), each worked out as the iteration reaches it.
    #[must_use]
    pub fn lines(&self) -> Lines<'p> {
        Lines {
            policy: self.policy,
            span: self.span,
            ahead: None,
        }
    }

    /// The patch days of the range.
    #[must_use]
    pub fn patch_days(&self) -> PatchDays<'p> {
        self.patch_days_from(self.from)
    }

    /// The patch days of the range from `first` on.
    #[must_use]
    pub fn patch_days_from(&self, first: NaiveDate) -> PatchDays<'p> {
        let days = self.policy.patch_days(first.max(self.from), self.to);
        if self.recorded {
            days.of_recorded_lines()
        } else {
            days
        }
    }

    /// The same calendar without the lines the history does not list,
    /// those only the rules project (overdue ones among them), nor their
    /// patches and releases on its patch days. A recorded line stays
    /// whole: an end or a patch the rules work out for it is still given,
    /// marked as the rules'.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// let kestra = Policy::kestra().unwrap();
    /// let date = |text| parse_date(text).unwrap();
    /// let calendar = kestra
    ///     .releases(Some(date("2026-09-01")), Some(date("2027-01-31")), date("2026-11-25"))
    ///     .unwrap()
    ///     .recorded();
    /// // 2.1 (2026-11-10) and 2.2 (2027-01-12) are projected; 2.0 is the
    /// // newest line the history lists, its end (2027-09-08) the rules'.
    /// let lines: Vec<String> = calendar
    ///     .lines()
    ///     .map(|info| info.map(|info| format!("{} {:?}", info.line, info.eol)))
    ///     .collect::<Result<_, _>>()
    ///     .unwrap();
    /// assert_eq!(lines, ["2.0 Some(2027-09-08)"]);
    /// // Tuesday 2026-11-17 ships 2.1.1, 2.0.10 (the 10th Tuesday after
    /// // 09-08) and 1.3.44 (the 29th after 1.3.15 on 04-29): not 2.1.1 here.
    /// let day = calendar.patch_days_from(date("2026-11-17")).next().unwrap().unwrap();
    /// let shipped: Vec<String> =
    ///     day.patches.iter().map(|shipped| shipped.patch.version.to_string()).collect();
    /// assert_eq!((day.day, shipped), (date("2026-11-17"), vec!["2.0.10".into(), "1.3.44".into()]));
    /// ```
    #[must_use]
    pub fn recorded(self) -> Self {
        let newest_recorded = Place::of(self.policy.history().len().saturating_sub(1));
        let span = self
            .span
            .filter(|&(first, _)| first <= newest_recorded)
            .map(|(first, last)| (first, last.min(newest_recorded)));
        Self {
            span,
            recorded: true,
            ..self
        }
    }
}

/// The lines of a [`Calendar`].
#[derive(Debug, Clone)]
pub struct Lines<'p> {
    policy: &'p Policy,
    /// The places of the lines not given yet, from both ends; `None` once done.
    span: Option<(Place, Place)>,
    /// The line after the last one given from the front, worked out with
    /// it: the next one's own line and release, not worked out again.
    ahead: Option<Next>,
}

impl Lines<'_> {
    /// Takes the place at one end of the span, narrowing it.
    fn take(&mut self, front: bool) -> Option<Place> {
        let (first, last) = self.span?;
        let (place, rest) = if front {
            (first, first.next().map(|next| (next, last)))
        } else {
            (last, last.previous().map(|previous| (first, previous)))
        };
        self.span = rest.filter(|_| first != last);
        Some(place)
    }
}

impl Iterator for Lines<'_> {
    type Item = Result<LineInfo, PolicyError>;

    fn next(&mut self) -> Option<Self::Item> {
        let place = self.take(true)?;
        let worked_out = self.policy.line_info_then(place, self.ahead.take());
        Some(worked_out.map(|(info, next)| {
            self.ahead = next;
            info
        }))
    }
}

impl DoubleEndedIterator for Lines<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let place = self.take(false)?;
        Some(self.policy.line_info(place))
    }
}

impl Policy {
    /// How far calendars look by default: the longest support the policy
    /// promises in months (its LTS rule's, else its support rule's), else a year.
    pub(crate) fn default_period(&self) -> DefaultPeriod {
        let months = |support: &Support| support.period.map(Period::whole_months);
        let lts_months = self.lts_rule().and_then(|lts| months(&lts.support));
        match (lts_months, months(self.support())) {
            (Some(lts), Some(support)) if support > lts => DefaultPeriod::Support(support),
            (Some(lts), _) => DefaultPeriod::LtsSupport(lts),
            (None, Some(support)) => DefaultPeriod::Support(support),
            (None, None) => DefaultPeriod::Year,
        }
    }

    /// How far ahead calendars and projected audits look by default: one
    /// [`Policy::default_period`] after `on`.
    pub(crate) fn default_horizon(&self, on: NaiveDate) -> Result<NaiveDate, PolicyError> {
        Ok(self.default_end(on)?.date())
    }

    /// [`Policy::default_horizon`], as the end of a range.
    pub(crate) fn default_end(&self, on: NaiveDate) -> Result<RangeEnd, PolicyError> {
        let period = self.default_period();
        let months = u64::from(period.months());
        let date = add_months(on, months).ok_or(PolicyError::OutOfRange {
            what: Beyond::MonthsAfter { months, date: on },
        })?;
        Ok(RangeEnd::PeriodAfter { date, period, on })
    }

    /// How far back a timeline looks by default: one
    /// [`Policy::default_period`] before `on`.
    pub(crate) fn default_start(&self, on: NaiveDate) -> Result<RangeEnd, PolicyError> {
        let period = self.default_period();
        let months = period.months();
        let date =
            on.checked_sub_months(Months::new(months))
                .ok_or_else(|| PolicyError::OutOfRange {
                    what: Beyond::MonthsBefore {
                        months: u64::from(months),
                        date: on,
                    },
                })?;
        Ok(RangeEnd::PeriodBefore { date, period, on })
    }

    /// How far back a timeline looks by default, as a day.
    pub(crate) fn default_lookback(&self, on: NaiveDate) -> Result<NaiveDate, PolicyError> {
        Ok(self.default_start(on)?.date())
    }

    /// The calendar of every line released from `from` to `to`, both
    /// included. `from` defaults to the first release; `to` to one
    /// support period after `on` (the LTS one where there is one).
    ///
    /// # Errors
    /// [`PolicyError::EmptyRange`] when `from` is after `to`;
    /// [`PolicyError::OutOfRange`] when a date cannot be represented.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// let kestra = Policy::kestra().unwrap();
    /// let date = |text| parse_date(text).unwrap();
    /// let calendar = kestra
    ///     .releases(Some(date("2026-09-01")), Some(date("2027-01-31")), date("2026-11-25"))
    ///     .unwrap();
    /// let lines: Vec<String> = calendar
    ///     .lines()
    ///     .map(|info| info.map(|info| format!("{} {}", info.line, info.released)))
    ///     .collect::<Result<_, _>>()
    ///     .unwrap();
    /// // 2.1: 2026-09-08 + 2 months = 2026-11-08, a Sunday; the next Tuesday.
    /// assert_eq!(lines, ["2.0 2026-09-08", "2.1 2026-11-10", "2.2 2027-01-12"]);
    /// ```
    pub fn releases(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        on: NaiveDate,
    ) -> Result<Calendar<'_>, PolicyError> {
        let from = from.map_or(
            RangeEnd::FirstRelease(self.first_release().released),
            RangeEnd::Given,
        );
        let to = match to {
            Some(to) => RangeEnd::Given(to),
            None => self.default_end(on)?,
        };
        self.calendar_between(from, to)
    }

    /// The calendar from `from` to `to`, both included.
    pub(crate) fn calendar(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Calendar<'_>, PolicyError> {
        self.calendar_between(RangeEnd::Given(from), RangeEnd::Given(to))
    }

    /// The calendar between two ends, given or defaulted.
    pub(crate) fn calendar_between(
        &self,
        from: RangeEnd,
        to: RangeEnd,
    ) -> Result<Calendar<'_>, PolicyError> {
        if from.date() > to.date() {
            return Err(PolicyError::EmptyRange { from, to });
        }
        let (from, to) = (from.date(), to.date());
        let first = match from.pred_opt() {
            Some(eve) => self.first_place_after(eve)?,
            None => Place::FIRST,
        };
        let span = self
            .latest_place_on(to)?
            .filter(|&last| last >= first)
            .map(|last| (first, last));
        // The last line of the range depends on the dates furthest out: if
        // it can be worked out, so can every line before it, and the
        // calendar never fails half-written.
        if let Some((_, last)) = span {
            self.line_info(last)?;
        }
        Ok(Calendar {
            policy: self,
            from,
            to,
            span,
            recorded: false,
        })
    }
}
