//! Audit findings in words, shared by the text and JSON renderers.

use lts_policy::audit::Finding;
use lts_policy::catalogue::StatedField;
use lts_policy::rules::{Cadence, LineRules, weekday_name};
use lts_policy::{Line, Policy};

use super::rule_words::days_of;
use super::words::{months_text, ordinal, period_text, plural};
use crate::session::for_terminal;

/// `189 days (27 weeks)`, or `186 days (about 27 weeks)`.
fn span(days: u64) -> String {
    let weeks = (days + 3) / 7;
    let about = if days.is_multiple_of(7) { "" } else { "about " };
    format!(
        "{} ({about}{})",
        plural(days, "day", "days"),
        plural(weeks, "week", "weeks")
    )
}

fn line_list(lines: &[Line]) -> String {
    let names: Vec<String> = lines.iter().map(ToString::to_string).collect();
    names.join(", ")
}

/// The rules a line is audited against: its own.
fn rules_of<'p>(policy: &'p Policy, line: &Line) -> &'p LineRules {
    policy.rules_of(line).unwrap_or(policy.own_rules())
}

/// One sentence that says what is wrong, with the lines and dates involved.
#[must_use]
pub fn message(finding: &Finding, policy: &Policy) -> String {
    let days = || plural(finding.days().unwrap_or(0).unsigned_abs(), "day", "days");
    match finding {
        Finding::OffCadence { .. } => off_cadence(finding, policy),
        Finding::OffWeekday {
            line,
            released,
            weekday: actual,
        } => format!(
            "{line} came on {released}, a {}; releases are on {}",
            weekday_name(*actual),
            days_of(rules_of(policy, line).releases.on)
        ),
        Finding::OffDay {
            line,
            released,
            expected,
        } => format!(
            "{line} came on {released}; releases are on {}",
            days_of(*expected)
        ),
        Finding::Overdue {
            line,
            due,
            history_as_of,
        } => format!(
            "{line} was due on {due}, and the history, complete up to {history_as_of}, does \
             not list it: {} overdue by then",
            days()
        ),
        Finding::EarlyEol {
            line,
            announced,
            promised,
        }
        | Finding::EarlyActiveEnd {
            line,
            announced,
            promised,
        } => {
            let support = match finding {
                Finding::EarlyActiveEnd { .. } => "active support",
                _ => "support",
            };
            format!(
                "{line}'s {support} ends on {announced}, as announced, {} before {promised}, \
                 the end the rules promise",
                days()
            )
        }
        Finding::ShortLtsSupport { .. } => short_lts_support(finding, policy),
        Finding::TooManyLts {
            from,
            to,
            lines,
            allowed,
        } => format!(
            "from {from} to {to} {} LTS lines are maintained ({}), more than the {allowed} \
             the policy allows",
            lines.len(),
            line_list(lines)
        ),
        Finding::LtsGap {
            from,
            to,
            lines,
            expected,
        } => format!(
            "from {from} to {to} ({}) {} where the policy keeps {expected}",
            days(),
            maintained(lines)
        ),
        Finding::PatchOffDay { .. } | Finding::PatchAfterEol { .. } => patch_message(finding),
        Finding::OffStatedRule { .. } => off_stated_rule(finding),
        other => other.kind().to_owned(),
    }
}

/// A recorded end off the rule the record states: the record's day, how
/// far from the rule's, the rule as written (the file's text, escaped for
/// a terminal) and its day.
fn off_stated_rule(finding: &Finding) -> String {
    let Finding::OffStatedRule {
        line,
        phase,
        recorded,
        stated,
        days_off,
        rule,
    } = finding
    else {
        return finding.kind().to_owned();
    };
    let ends = match phase {
        StatedField::Active => "active support",
        StatedField::Support => "support",
    };
    let direction = if *days_off > 0 { "after" } else { "before" };
    format!(
        "{line}: the record ends {ends} {recorded}, {} {direction} its stated rule \"{}\" \
         gives ({stated})",
        plural(days_off.unsigned_abs(), "day", "days"),
        for_terminal(rule)
    )
}

/// A patch off its day, or after its line's end of support.
fn patch_message(finding: &Finding) -> String {
    match finding {
        Finding::PatchOffDay {
            version,
            released,
            weekday: actual,
            expected,
            ..
        } => format!(
            "{version} came on {released}, a {}; patches are on {}",
            weekday_name(*actual),
            days_of(*expected)
        ),
        Finding::PatchAfterEol {
            line,
            version,
            released,
            eol,
        } => format!(
            "{version} came on {released}, on or after the end of support of {line} on {eol}"
        ),
        other => other.kind().to_owned(),
    }
}

/// A line released off the cadence: how far from the one before, against
/// what the policy says.
fn off_cadence(finding: &Finding, policy: &Policy) -> String {
    let Finding::OffCadence {
        line,
        released,
        previous,
        previous_released,
        due,
        days_late,
    } = finding
    else {
        return finding.kind().to_owned();
    };
    let direction = if *days_late > 0 { "late" } else { "early" };
    let after = match finding.days_after_previous().unwrap_or(0).unsigned_abs() {
        0 => format!("the same day as {previous}"),
        gap => format!("{} after {previous} ({previous_released})", span(gap)),
    };
    let cadence = match &rules_of(policy, line).releases.cadence {
        Cadence::EveryMonths(months) => plural(u64::from(*months), "month", "months"),
        Cadence::EveryWeeks(weeks) => plural(u64::from(*weeks), "week", "weeks"),
        Cadence::InMonths(months) => format!("releases in {}", months_text(months)),
        _ => "its schedule".to_owned(),
    };
    format!(
        "{line} came on {released}, {after}, where the policy says {cadence}: {} {direction} \
         (due {due})",
        plural(days_late.unsigned_abs(), "day", "days"),
    )
}

/// An LTS line maintained for less than promised, and what cut it short.
fn short_lts_support(finding: &Finding, policy: &Policy) -> String {
    let Finding::ShortLtsSupport {
        line,
        released,
        promised,
        until,
        cut_by,
    } = finding
    else {
        return finding.kind().to_owned();
    };
    let support = rules_of(policy, line).lts.map(|lts| lts.support);
    let places = support.and_then(|support| support.until_next).unwrap_or(1);
    let cause = match cut_by {
        Some(successor) => format!(
            "cut by the release of {successor}, the {} LTS line after it",
            ordinal(u64::from(places))
        ),
        None => "its end is announced in the history".to_owned(),
    };
    let period = support
        .and_then(|support| support.period)
        .map_or_else(|| "its period".to_owned(), period_text);
    format!(
        "{line} is maintained as LTS until {until}, {} short of {promised} = released \
         {released} + {period}: {cause}",
        plural(finding.days().unwrap_or(0).unsigned_abs(), "day", "days"),
    )
}

/// `no LTS line is maintained`, `only 2 LTS lines are maintained (...)`.
fn maintained(lines: &[Line]) -> String {
    match lines.len() {
        0 => "no LTS line is maintained".to_owned(),
        1 => format!("only 1 LTS line is maintained ({})", line_list(lines)),
        count => format!(
            "only {count} LTS lines are maintained ({})",
            line_list(lines)
        ),
    }
}
