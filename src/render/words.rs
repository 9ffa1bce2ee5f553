//! Words shared by the formats: names of reasons and states, and the
//! phrases text and JSON both use; a policy's rules in words are
//! [`rule_words`](super::rule_words)' own.

use std::error::Error;

use chrono::NaiveDate;

use lts_policy::answers::Dangling;
use lts_policy::facts::OldFacts;
use lts_policy::lines::{EolReason, Phase};
use lts_policy::rules::Period;
use lts_policy::{LineInfo, Policy, Role};

use super::json::IsoDate;

/// What ends a line's support, in words.
pub fn ended_by_text(info: &LineInfo) -> String {
    match &info.eol_reason {
        EolReason::NextRelease(line) => format!("release of {line}"),
        EolReason::SupportPeriod => "support period".to_owned(),
        EolReason::Superseded(line) => format!("release of {line}"),
        EolReason::LtsSupportPeriod => "LTS support period".to_owned(),
        EolReason::LtsSuperseded(line) => format!("release of LTS {line}"),
        EolReason::Announced if info.lts => "announced end of LTS".to_owned(),
        EolReason::Announced => "announced end of support".to_owned(),
        EolReason::EndedUndated { at_latest } => {
            format!("ended on a day the history does not give, by {at_latest} at the latest")
        }
        EolReason::Overdue => {
            "recorded as supported on the history's last day, past its rules' end".to_owned()
        }
        EolReason::NoLaterLine => "no later line, nothing ends it".to_owned(),
        other => other.name().replace('_', " "),
    }
}

/// A line's end of support in a table: its day, or why it has none.
pub fn eol_cell(info: &LineInfo) -> String {
    match (info.eol, &info.eol_reason) {
        (Some(eol), _) => IsoDate(eol).to_string(),
        (None, EolReason::EndedUndated { at_latest }) => format!("by {at_latest}"),
        (None, _) => "none known".to_owned(),
    }
}

/// `1 month`, `2 months`.
pub fn plural(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// `April`, `April and October`, `April, August and December`.
pub fn months_text(months: &[u32]) -> String {
    let names: Vec<String> = months
        .iter()
        .filter_map(|&month| chrono::Month::try_from(u8::try_from(month).ok()?).ok())
        .map(|month| month.name().to_owned())
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// `12 months`, `6 weeks`, `1 day`.
pub fn period_text(period: Period) -> String {
    match period {
        Period::Months(months) => plural(u64::from(months), "month", "months"),
        Period::Weeks(weeks) => plural(u64::from(weeks), "week", "weeks"),
        Period::Days(days) => plural(u64::from(days), "day", "days"),
        _ => "a period".to_owned(),
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, ... `11th`, `21st`.
pub fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A line's LTS flag in a table: `yes`, `no`, or `from 2025-10-28` for an
/// LTS line that becomes LTS after its release, when it is not LTS by
/// `on` (or, without a date, at all before then).
pub fn lts_cell(info: &LineInfo, on: Option<NaiveDate>) -> String {
    match info.lts_from {
        None => "no".to_owned(),
        Some(from) if from > on.unwrap_or(info.released) => format!("from {}", IsoDate(from)),
        Some(_) => "yes".to_owned(),
    }
}

/// A line's phase in words: `active`, `security` (fixes only), or
/// `extended` (after its end of support).
pub fn phase_cell(phase: Phase) -> &'static str {
    match phase {
        Phase::Security => "security",
        Phase::Extended => "extended",
        _ => "active",
    }
}

/// Roles by name, joined by `separator`.
pub fn roles_text(roles: &[Role], separator: &str) -> String {
    let names: Vec<&str> = roles.iter().map(|role| role.name()).collect();
    names.join(separator)
}

/// `98 days left`, `ends today`, `ended 77 days ago`; `no end known` for
/// a line without an end day.
pub fn days_text(days_left: Option<i64>) -> String {
    let Some(days_left) = days_left else {
        return "no end known".to_owned();
    };
    match days_left {
        1 => "1 day left".to_owned(),
        left if left > 0 => format!("{left} days left"),
        0 => "ends today".to_owned(),
        -1 => "ended 1 day ago".to_owned(),
        left => format!("ended {} days ago", -left),
    }
}

/// Why a tag points to no version, for stderr and JSON.
pub fn dangling_message(tag: &str, on: NaiveDate, dangling: &Dangling) -> String {
    let why = match dangling {
        Dangling::BeforeFirstRelease { first, released } => {
            format!("the first line, {first}, is released on {released}")
        }
        Dangling::LineNotYetReleased { line, released } => {
            format!("{line} is released on {released}")
        }
        Dangling::NoLtsRule => "the policy has no LTS lines".to_owned(),
        Dangling::NotLts { line } => {
            format!("{line} is not an LTS line, and this tag names LTS lines alone")
        }
        Dangling::NotLtsYet { line, from } => format!("{line} becomes LTS on {from}"),
        Dangling::NotRecorded { line } => {
            format!("{line} has no recorded version, only the rules project it")
        }
        Dangling::NoVersions { line } => {
            format!("{line} is known by name only and has no versions")
        }
        _ => "no LTS line is released by then".to_owned(),
    };
    format!("tag {tag} points to no version on {on}: {why}")
}

/// The note a bare answer (plain output, a tag, branch names) gets on
/// stderr when it rests on `projected`, what the rules project for days
/// that have come: the history does not say they happened.
pub fn projected_note(policy: &Policy, projected: &[String]) -> Option<String> {
    let what = match projected {
        [] => return None,
        [one] => format!("{one} is"),
        many => format!("{} are", listed(many)),
    };
    // The day the history is complete up to says how old it is, and keeps
    // the note the same whatever day it is read on.
    Some(format!(
        "note: {what} projected by the policy's rules, not recorded: its history is complete \
         up to {}; --git DIR or --endoflife FILE gives the facts",
        policy.history_as_of()
    ))
}

/// `a`, `a and b`, `a, b and c`.
pub fn listed(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The note that the facts look old on `day`, with their newest date.
pub fn old_facts_note(old: &OldFacts, day: NaiveDate) -> String {
    format!(
        "note: the facts look old: the newest release the history records came out on {}, more \
         than two release intervals ({}) before {day}",
        old.newest,
        period_text(old.two_intervals)
    )
}

/// The lines among `lines` whose release the rules project on or before
/// `today`, as [`projected_note`] names them.
pub fn projected_lines<'a>(
    lines: impl IntoIterator<Item = &'a LineInfo>,
    today: NaiveDate,
) -> Vec<String> {
    lines
        .into_iter()
        .filter(|info| info.is_projected_by(today))
        .map(due)
        .collect()
}

/// A projected line as [`projected_note`] names it: `2.1 (due 2026-11-10)`.
pub fn due(info: &LineInfo) -> String {
    format!("{} (due {})", info.line, info.released)
}

/// An error and its causes, `: `-separated, as anyhow's `{:#}` writes them.
pub fn with_causes(err: &dyn Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        text.push_str(": ");
        text.push_str(&next.to_string());
        cause = next.source();
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinals() {
        let ordinals: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
            .map(super::ordinal)
            .into();
        assert_eq!(
            ordinals,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th"
            ]
        );
    }
}
