//! The meaning of a file's rule terms: schedules and their day rules, the
//! LTS rule and `new_major`, each checked into the model's type or
//! reported with its path (support rules: `support.rs`).

use super::rule_problem::RuleProblem;
use chrono::Weekday;

use super::format::{DayFile, LtsFile, LtsStartFile, NewMajorFile, ScheduleFile};
use super::found::Unit;
use super::numbers::{
    MAX_EVERY, MAX_LINES, MAX_MINOR, MAX_MONTHS, MAX_WEEKS, bounded, given_names, number,
};
use super::problem::Problem;
use super::problems::{Given, Path, Problems};
use super::support;
use crate::policy::rules::line_rules::{LtsChoice, LtsRule, LtsStart, NewMajor};
use crate::policy::rules::schedule::{Cadence, DayRule, Nth, Schedule};

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
        problems.add(&on_path, RuleProblem::DayOfMonthWithWeeks);
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
        problems.add(path, RuleProblem::NoMonths);
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
            problems.add(&item, RuleProblem::MonthOrder { month, previous });
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
        problems.add(path, RuleProblem::DayRule { found });
    }
    parsed
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
        .and_then(|rule| support::support(rule, &support_path, problems));
    let active_path = path.field("active");
    let active = match problems.given(&file.active, &active_path) {
        Given::Absent => Some(None),
        Given::Invalid => None,
        Given::Value(rule) => support::support(rule, &active_path, problems).map(Some),
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
