//! Audit findings in words, shared by the text and JSON renderers.

use lts_policy::policy::{Finding, Line, Policy, weekday_name};

use super::words::ordinal;

fn plural(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

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

/// One sentence that says what is wrong, with the lines and dates involved.
#[must_use]
pub fn message(finding: &Finding, policy: &Policy) -> String {
    let weekday = weekday_name(policy.release_weekday());
    match finding {
        Finding::OffCadence {
            line,
            released,
            previous,
            previous_released,
            due,
            days_late,
        } => {
            let direction = if *days_late > 0 { "late" } else { "early" };
            let after = match finding.days_after_previous().unwrap_or(0).unsigned_abs() {
                0 => format!("the same day as {previous}"),
                gap => format!("{} after {previous} ({previous_released})", span(gap)),
            };
            format!(
                "{line} came on {released}, {after}, where the policy says {}: {} {direction} \
                 (due {due})",
                plural(policy.minor_every_months(), "month", "months"),
                plural(days_late.unsigned_abs(), "day", "days"),
            )
        }
        Finding::OffWeekday {
            line,
            released,
            weekday: actual,
        } => format!(
            "{line} came on {released}, a {}; releases are on {weekday}s",
            weekday_name(*actual)
        ),
        Finding::ShortLtsSupport {
            line,
            released,
            promised,
            until,
            cut_by,
        } => {
            let cause = match cut_by {
                Some(successor) => format!(
                    "cut by the release of {successor}, the {} LTS line after it",
                    ordinal(policy.lts_in_parallel())
                ),
                None => "its end is announced in the history".to_owned(),
            };
            format!(
                "{line} is maintained as LTS until {until}, {} short of {promised} = released \
                 {released} + {} months: {cause}",
                plural(finding.days().unwrap_or(0).unsigned_abs(), "day", "days"),
                policy.lts_support_months(),
            )
        }
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
        } => {
            let maintained = match lines.len() {
                0 => "no LTS line is maintained".to_owned(),
                1 => format!("only 1 LTS line is maintained ({})", line_list(lines)),
                count => format!(
                    "only {count} LTS lines are maintained ({})",
                    line_list(lines)
                ),
            };
            format!(
                "from {from} to {to} ({}) {maintained} where the policy keeps {expected}",
                plural(finding.days().unwrap_or(0).unsigned_abs(), "day", "days")
            )
        }
        Finding::PatchOffDay {
            version,
            released,
            weekday: actual,
        } => format!(
            "{version} came on {released}, a {}; patches are on {weekday}s",
            weekday_name(*actual)
        ),
        Finding::PatchAfterEol {
            version,
            released,
            eol,
        } => format!(
            "{version} came on {released}, on or after the end of support of {}.{} on {eol}",
            version.major, version.minor
        ),
        other => other.kind().to_owned(),
    }
}
