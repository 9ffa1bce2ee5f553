//! The meaning of a file's rule terms: schedules and their day rules,
//! support rules, the LTS rule and `new_major`, each checked into the
//! model's type or reported with its path.

use chrono::Weekday;

use super::format::{
    DayFile, LtsFile, LtsStartFile, NewMajorFile, ScheduleFile, SupportFile, Text,
};
use super::found::Unit;
use super::problem::Problem;
use super::problems::{Given, Path, Problems};
use crate::policy::model::LineKind;
use crate::policy::rules::{
    CountFrom, LtsChoice, LtsRule, LtsStart, NewMajor, Period, Round, Support,
};
use crate::policy::schedule::{Cadence, DayRule, Nth, Schedule};

/// Largest accepted cadence or support period: a century.
pub(super) const MAX_MONTHS: u64 = 1200;
/// Largest accepted cadence in weeks: ten years.
pub(super) const MAX_WEEKS: u64 = 520;
/// Largest accepted count of lines: for `until_next`, `lts_in_parallel`.
pub(super) const MAX_LINES: u64 = 100;
/// Largest accepted `lts.every`: what the first form allows, an LTS every
/// 1200 months of monthly minors.
const MAX_EVERY: u64 = MAX_MONTHS;
/// Largest accepted `after_minor`.
const MAX_MINOR: u64 = 10_000;

/// A number from `min` to `max` that fits in 32 bits (every bound does),
/// or a problem at `path`.
pub(super) fn bounded(
    problems: &mut Problems,
    path: &Path,
    found: u64,
    (min, max): (u64, u64),
    unit: Unit,
) -> Option<u32> {
    if (min..=max).contains(&found) {
        return u32::try_from(found).ok();
    }
    let problem = Problem::OutOfBounds {
        found,
        min,
        max,
        unit,
    };
    problems.add(path, problem);
    None
}

/// The names of the fields of `names` that are given, valid or not.
fn given_names(fields: &[(&'static str, bool)]) -> Vec<&'static str> {
    fields
        .iter()
        .filter_map(|&(name, given)| given.then_some(name))
        .collect()
}

/// A number field: `Some(Some(n))` valid, `Some(None)` given but wrong,
/// `None` absent.
fn number(
    problems: &mut Problems,
    value: &Option<u64>,
    path: &Path,
    bounds: (u64, u64),
    unit: Unit,
) -> Option<Option<u32>> {
    match problems.given(value, path) {
        Given::Absent => None,
        Given::Invalid => Some(None),
        Given::Value(&found) => Some(bounded(problems, path, found, bounds, unit)),
    }
}

/// `new_major`: exactly one of `after_minor` and `in_month`.
pub(super) fn new_major(
    file: &NewMajorFile,
    path: &Path,
    problems: &mut Problems,
) -> Option<NewMajor> {
    let found = given_names(&[
        ("after_minor", file.after_minor.is_some()),
        ("in_month", file.in_month.is_some()),
    ]);
    if found.len() != 1 {
        let problem = Problem::Choice {
            expected: &["after_minor", "in_month"],
            found,
        };
        problems.add(path, problem);
        return None;
    }
    let after_minor = path.field("after_minor");
    let in_month = path.field("in_month");
    if let Some(&minor) = problems.value(&file.after_minor, &after_minor) {
        let bounds = (0, MAX_MINOR);
        return bounded(problems, &after_minor, minor, bounds, Unit::Minors)
            .map(|minor| NewMajor::AfterMinor(u64::from(minor)));
    }
    let &month = problems.value(&file.in_month, &in_month)?;
    bounded(problems, &in_month, month, (1, 12), Unit::MonthOfYear).map(NewMajor::InMonth)
}

/// A schedule at `path`: one cadence and a day rule that fits it.
pub(super) fn schedule(
    file: &ScheduleFile,
    path: &Path,
    problems: &mut Problems,
) -> Option<Schedule> {
    let found = given_names(&[
        ("every_months", file.every_months.is_some()),
        ("every_weeks", file.every_weeks.is_some()),
        ("in_months", file.in_months.is_some()),
    ]);
    let cadence = if found.len() == 1 {
        cadence(file, path, problems)
    } else {
        let problem = Problem::Choice {
            expected: &["every_months", "every_weeks", "in_months"],
            found,
        };
        problems.add(path, problem);
        None
    };
    let on_path = path.field("on");
    let on = match problems.given(&file.on, &on_path) {
        Given::Absent => Some(DayRule::Due),
        Given::Invalid => None,
        Given::Value(day) => day_rule(day, &on_path, problems),
    };
    let (cadence, on) = (cadence?, on?);
    if matches!(cadence, Cadence::EveryWeeks(_))
        && matches!(on, DayRule::NthWeekday(..) | DayRule::DayOfMonth(_))
    {
        problems.add(&on_path, Problem::DayOfMonthWithWeeks);
        return None;
    }
    Some(Schedule::new(cadence, on))
}

/// The one cadence a schedule gives.
fn cadence(file: &ScheduleFile, path: &Path, problems: &mut Problems) -> Option<Cadence> {
    let every_months = path.field("every_months");
    if file.every_months.is_some() {
        let months = number(
            problems,
            &file.every_months,
            &every_months,
            (1, MAX_MONTHS),
            Unit::Months,
        );
        return months.flatten().map(Cadence::EveryMonths);
    }
    let every_weeks = path.field("every_weeks");
    if file.every_weeks.is_some() {
        let weeks = number(
            problems,
            &file.every_weeks,
            &every_weeks,
            (1, MAX_WEEKS),
            Unit::Weeks,
        );
        return weeks.flatten().map(Cadence::EveryWeeks);
    }
    let in_months = path.field("in_months");
    let months = problems.value(&file.in_months, &in_months)?;
    listed_months(months, &in_months, problems)
}

/// `in_months`: months of the year, increasing.
fn listed_months(months: &[u64], path: &Path, problems: &mut Problems) -> Option<Cadence> {
    if months.is_empty() {
        problems.add(path, Problem::NoMonths);
        return None;
    }
    let mut valid = Vec::with_capacity(months.len());
    let mut ok = true;
    for (at, &month) in months.iter().enumerate() {
        let item = path.item(at);
        if problems.is_invalid(&item) {
            ok = false;
            continue;
        }
        let Some(month) = bounded(problems, &item, month, (1, 12), Unit::MonthOfYear) else {
            ok = false;
            continue;
        };
        if let Some(&previous) = valid.last()
            && month <= previous
        {
            problems.add(&item, Problem::MonthOrder { month, previous });
            ok = false;
        }
        valid.push(month);
    }
    ok.then_some(Cadence::InMonths(valid))
}

/// `on`: `Tuesday`, `tue`, `3rd Thursday`, `last Friday` (any case), or
/// a day of the month.
fn day_rule(day: &DayFile, path: &Path, problems: &mut Problems) -> Option<DayRule> {
    let text = match day {
        DayFile::Number(number) => {
            return bounded(problems, path, *number, (1, 31), Unit::DayOfMonth)
                .map(DayRule::DayOfMonth);
        }
        DayFile::Text(text) => &**text,
    };
    let parsed = match text.split_once(' ') {
        None => text.parse::<Weekday>().ok().map(DayRule::Weekday),
        Some((nth, weekday)) => {
            let nth = match nth.to_ascii_lowercase().as_str() {
                "1st" | "first" => Some(Nth::Number(1)),
                "2nd" | "second" => Some(Nth::Number(2)),
                "3rd" | "third" => Some(Nth::Number(3)),
                "4th" | "fourth" => Some(Nth::Number(4)),
                "last" => Some(Nth::Last),
                _ => None,
            };
            nth.zip(weekday.parse::<Weekday>().ok())
                .map(|(nth, weekday)| DayRule::NthWeekday(nth, weekday))
        }
    };
    if parsed.is_none() {
        let found = text.to_owned();
        problems.add(path, Problem::DayRule { found });
    }
    parsed
}

/// Largest accepted support period in weeks and in days: a century.
const MAX_PERIOD_WEEKS: u64 = 5_218;
const MAX_DAYS: u64 = 36_525;

/// A term given in one unit of three (`months`, `weeks`, `days`, or their
/// `grace_` names), each from `min`: `None` absent, `Some(None)` given but
/// wrong.
fn period(
    problems: &mut Problems,
    path: &Path,
    units: [(&'static str, &Option<u64>); 3],
    names: &'static [&'static str],
    min: u64,
) -> Option<Option<Period>> {
    let found = given_names(&units.map(|(name, value)| (name, value.is_some())));
    if found.len() > 1 {
        problems.add(
            path,
            Problem::Choice {
                expected: names,
                found,
            },
        );
        return Some(None);
    }
    let [
        (months, months_value),
        (weeks, weeks_value),
        (days, days_value),
    ] = units;
    let given = [
        (
            months,
            months_value,
            MAX_MONTHS,
            Unit::Months,
            Period::Months as fn(u32) -> Period,
        ),
        (
            weeks,
            weeks_value,
            MAX_PERIOD_WEEKS,
            Unit::Weeks,
            Period::Weeks,
        ),
        (days, days_value, MAX_DAYS, Unit::Days, Period::Days),
    ];
    given
        .into_iter()
        .find(|(_, value, ..)| value.is_some())
        .map(|(name, value, max, unit, period)| {
            number(problems, value, &path.field(name), (min, max), unit)
                .flatten()
                .map(period)
        })
}

/// A support rule at `path`: a period, until_next or both, with how the
/// end is rounded and what the period counts from. `last_of_major` is a
/// term of `support` alone ([`support_rule`]).
pub(super) fn support(file: &SupportFile, path: &Path, problems: &mut Problems) -> Option<Support> {
    let refused = file.last_of_major.is_some();
    if refused {
        problems.add(&path.field("last_of_major"), Problem::LastOfMajorNotHere);
    }
    let rule = support_terms(file, path, problems);
    rule.filter(|_| !refused)
}

/// A `support` field: its rule, and the one for the last minor of a
/// major (`last_of_major`) in a policy of minor lines.
pub(super) fn support_rule(
    file: &SupportFile,
    path: &Path,
    lines: Option<LineKind>,
    problems: &mut Problems,
) -> Option<(Support, Option<Support>)> {
    let rule = support_terms(file, path, problems);
    let last_path = path.field("last_of_major");
    let last_of_major = match (&file.last_of_major, lines) {
        (None, _) => Some(None),
        (Some(_), Some(LineKind::Major)) => {
            problems.add(&last_path, Problem::LastOfMajorWithMajorLines);
            None
        }
        (Some(last), _) => support(last, &last_path, problems).map(Some),
    };
    Some((rule?, last_of_major?))
}

/// The terms of a support rule, `last_of_major` aside.
fn support_terms(file: &SupportFile, path: &Path, problems: &mut Problems) -> Option<Support> {
    let length = period(
        problems,
        path,
        [
            ("months", &file.months),
            ("weeks", &file.weeks),
            ("days", &file.days),
        ],
        &["months", "weeks", "days"],
        1,
    );
    let until_next = number(
        problems,
        &file.until_next,
        &path.field("until_next"),
        (1, MAX_LINES),
        Unit::Lines,
    );
    let grace_fields = [
        ("grace_months", &file.grace_months),
        ("grace_weeks", &file.grace_weeks),
        ("grace_days", &file.grace_days),
    ];
    let grace_name = grace_fields
        .iter()
        .find(|(_, value)| value.is_some())
        .map(|(name, _)| *name);
    let grace = period(
        problems,
        path,
        grace_fields,
        &["grace_months", "grace_weeks", "grace_days"],
        0,
    );
    let mut valid = true;
    if length.is_none() && until_next.is_none() {
        problems.add(path, Problem::NoSupportTerm);
        valid = false;
    }
    if let Some(name) = grace_name
        && until_next.is_none()
    {
        problems.add(&path.field(name), Problem::GraceWithoutUntilNext);
        valid = false;
    }
    const ROUNDS: [Round; 3] = [Round::MonthEnd, Round::QuarterEnd, Round::YearEnd];
    let round = keyword(
        problems,
        &file.round,
        &path.field("round"),
        &["month_end", "quarter_end", "year_end"],
    )
    .map(|at| at.map_or(Round::Exact, |at| ROUNDS[at]));
    let from_path = path.field("from");
    let from =
        keyword(problems, &file.from, &from_path, &["release", "scheduled"]).map(|at| match at {
            Some(1) => CountFrom::Scheduled,
            _ => CountFrom::Release,
        });
    if file.from.is_some() && length.is_none() {
        problems.add(&from_path, Problem::FromWithoutPeriod);
        valid = false;
    }
    // Absent is fine; given but wrong is not.
    let kept = |value: Option<Option<u32>>| value.map_or(Some(None), |valid| valid.map(Some));
    let kept_period =
        |value: Option<Option<Period>>| value.map_or(Some(None), |valid| valid.map(Some));
    let rule = Support {
        period: kept_period(length)?,
        until_next: kept(until_next)?,
        // A grace of nothing is none.
        grace: kept_period(grace)?.filter(|grace| !grace.is_zero()),
        round: round?,
        from: from?,
    };
    valid.then_some(rule)
}

/// A word field: the index of its word among `words`, `Some(None)` when
/// absent, `None` when given but wrong.
fn keyword(
    problems: &mut Problems,
    value: &Option<Text>,
    path: &Path,
    words: &'static [&'static str],
) -> Option<Option<usize>> {
    match problems.given(value, path) {
        Given::Absent => Some(None),
        Given::Invalid => None,
        Given::Value(text) => {
            let at = words.iter().position(|word| *word == &**text);
            if at.is_none() {
                let problem = Problem::Keyword {
                    expected: words,
                    found: text.to_string(),
                };
                problems.add(path, problem);
            }
            at.map(Some)
        }
    }
}

/// The LTS rule: one way of choosing LTS lines, when they become LTS, and
/// their support and active support.
pub(super) fn lts(file: &LtsFile, path: &Path, problems: &mut Problems) -> Option<LtsRule> {
    let found = given_names(&[
        ("every", file.every.is_some()),
        ("every_months", file.every_months.is_some()),
    ]);
    if found.len() != 1 {
        let problem = Problem::Choice {
            expected: &["every", "every_months"],
            found,
        };
        problems.add(path, problem);
    }
    let choice = match (file.every.is_some(), file.every_months.is_some()) {
        (true, false) => {
            let every = path.field("every");
            number(problems, &file.every, &every, (1, MAX_EVERY), Unit::Lines)
                .flatten()
                .map(LtsChoice::Every)
        }
        (false, true) => {
            let every_months = path.field("every_months");
            number(
                problems,
                &file.every_months,
                &every_months,
                (1, MAX_MONTHS),
                Unit::Months,
            )
            .flatten()
            .map(LtsChoice::EveryMonths)
        }
        // Reported above.
        _ => None,
    };
    let starts_path = path.field("starts");
    let starts = match problems.given(&file.starts, &starts_path) {
        Given::Absent => Some(LtsStart::Release),
        Given::Invalid => None,
        Given::Value(starts) => lts_start(starts, &starts_path, problems),
    };
    let support_path = path.field("support");
    let lts_support = problems
        .required(&file.support, &support_path)
        .and_then(|rule| support(rule, &support_path, problems));
    let active_path = path.field("active");
    let active = match problems.given(&file.active, &active_path) {
        Given::Absent => Some(None),
        Given::Invalid => None,
        Given::Value(rule) => support(rule, &active_path, problems).map(Some),
    };
    Some(LtsRule {
        choice: choice?,
        starts: starts?,
        support: lts_support?,
        active: active?,
    })
}

/// `lts.starts`: exactly one of `at_next` and `months`.
fn lts_start(file: &LtsStartFile, path: &Path, problems: &mut Problems) -> Option<LtsStart> {
    let found = given_names(&[
        ("at_next", file.at_next.is_some()),
        ("months", file.months.is_some()),
    ]);
    if found.len() != 1 {
        let problem = Problem::Choice {
            expected: &["at_next", "months"],
            found,
        };
        problems.add(path, problem);
        return None;
    }
    if file.at_next.is_some() {
        let at_next = path.field("at_next");
        return number(
            problems,
            &file.at_next,
            &at_next,
            (1, MAX_LINES),
            Unit::Lines,
        )
        .flatten()
        .map(LtsStart::AtNext);
    }
    let months = path.field("months");
    number(
        problems,
        &file.months,
        &months,
        (1, MAX_MONTHS),
        Unit::Months,
    )
    .flatten()
    .map(LtsStart::Months)
}
