//! The first (flat) form of a policy file's rules: a minor every few
//! months on a weekday, an LTS line every few minors, supported for some
//! months, so many at once.

use chrono::Weekday;

use super::format::PolicyFile;
use super::found::Unit;
use super::line_rules::Terms;
use super::numbers::{MAX_LINES, MAX_MONTHS, bounded};
use super::problem::Problem;
use super::problems::{Path, Problems};
use super::rule_problem::RuleProblem;
use crate::policy::lines::line::LineKind;
use crate::policy::rules::fields::Stated;
use crate::policy::rules::line_rules::{LineRules, LtsChoice, LtsRule, Patches, Period, Support};
use crate::policy::rules::schedule::{Cadence, DayRule, Schedule};

/// The fields of the first (flat) form, in the file's order.
pub(super) fn flat_fields(file: &PolicyFile) -> Vec<&'static str> {
    [
        ("release_weekday", file.release_weekday.is_some()),
        ("minor_every_months", file.minor_every_months.is_some()),
        ("lts_every_months", file.lts_every_months.is_some()),
        ("lts_support_months", file.lts_support_months.is_some()),
        ("lts_in_parallel", file.lts_in_parallel.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, given)| given.then_some(name))
    .collect()
}

/// A count of the first form, checked against `bounds`.
fn flat_count(
    problems: &mut Problems,
    value: &Option<u64>,
    name: &str,
    bounds: (u64, u64),
    unit: Unit,
) -> Option<u32> {
    let path = Path::Root.field(name);
    let &found = problems.required(value, &path)?;
    bounded(problems, &path, found, bounds, unit)
}

/// The first form's `release_weekday`, required.
fn release_weekday(file: &PolicyFile, problems: &mut Problems) -> Option<Weekday> {
    let path = Path::Root.field("release_weekday");
    let text = problems.required(&file.release_weekday, &path)?;
    let weekday = text.parse::<Weekday>().ok();
    if weekday.is_none() {
        let found = text.to_string();
        problems.add(&path, Problem::Weekday { found });
    }
    weekday
}

/// The first form: `releases = {every_months: minor_every_months, on:
/// release_weekday}`, weekly patches on that day, support until the next
/// line, `lts = {every: lts_every_months / minor_every_months, support:
/// {months: lts_support_months, until_next: lts_in_parallel}}`.
pub(super) fn flat_rules(file: &PolicyFile, problems: &mut Problems) -> Option<Terms> {
    let release_weekday = release_weekday(file, problems);
    let months = (1, MAX_MONTHS);
    let minor = flat_count(
        problems,
        &file.minor_every_months,
        "minor_every_months",
        months,
        Unit::Months,
    );
    let lts = flat_count(
        problems,
        &file.lts_every_months,
        "lts_every_months",
        months,
        Unit::Months,
    );
    let lts_support = flat_count(
        problems,
        &file.lts_support_months,
        "lts_support_months",
        months,
        Unit::Months,
    );
    if let (Some(minor), Some(lts)) = (minor, lts)
        && !lts.is_multiple_of(minor)
    {
        let problem = RuleProblem::NotAMultiple {
            of: "minor_every_months",
            base: u64::from(minor),
            found: u64::from(lts),
        };
        problems.add(&Path::Root.field("lts_every_months"), problem);
    }
    let lts_in_parallel = flat_count(
        problems,
        &file.lts_in_parallel,
        "lts_in_parallel",
        (1, MAX_LINES),
        Unit::Lines,
    );
    let weekday = release_weekday?;
    let (minor, lts_months) = (minor?, lts?);
    if !lts_months.is_multiple_of(minor) {
        return None;
    }
    let lts = LtsRule::new(
        LtsChoice::Every(lts_months / minor),
        Support {
            period: Some(Period::Months(lts_support?)),
            until_next: Some(lts_in_parallel?),
            ..Support::UNTIL_NEXT_LINE
        },
    );
    let rules = LineRules {
        new_major: None,
        releases: Schedule::new(Cadence::EveryMonths(minor), DayRule::Weekday(weekday)),
        patches: Patches::Scheduled(Schedule::new(
            Cadence::EveryWeeks(1),
            DayRule::Weekday(weekday),
        )),
        support: Support::UNTIL_NEXT_LINE,
        last_of_major: None,
        active: None,
        lts: Some(lts),
    };
    Some(Terms {
        lines: LineKind::Minor,
        stated: Stated::all(&rules),
        rules: Some(rules),
        changes: Vec::new(),
    })
}
