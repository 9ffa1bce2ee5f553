//! The meaning of a support rule: its period in one unit, `until_next` and
//! its grace, how its end is rounded, what its period counts from, and
//! (in `support` alone) the rule for the last minor of a major.

use super::format::{SupportFile, Text};
use super::found::Unit;
use super::numbers::{MAX_LINES, MAX_MONTHS, MAX_PERIOD_WEEKS, given_names, number};
use super::problem::Problem;
use super::problems::{Given, Path, Problems};
use super::rule_problem::RuleProblem;
use crate::policy::lines::line::LineKind;
use crate::policy::rules::line_rules::{CountFrom, Period, Round, Support};

/// Largest accepted support period in days: a century.
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
        problems.add(
            &path.field("last_of_major"),
            RuleProblem::LastOfMajorNotHere,
        );
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
            problems.add(&last_path, RuleProblem::LastOfMajorWithMajorLines);
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
    let grace = period(
        problems,
        path,
        grace_fields,
        &["grace_months", "grace_weeks", "grace_days"],
        0,
    );
    let mut valid = true;
    if length.is_none() && until_next.is_none() {
        problems.add(path, RuleProblem::NoSupportTerm);
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
        problems.add(&from_path, RuleProblem::FromWithoutPeriod);
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
