//! Words shared by the formats: names of reasons and states, and the
//! phrases text and JSON both use.

use std::error::Error;

use chrono::NaiveDate;

use lts_policy::answers::Dangling;
use lts_policy::facts::OldFacts;
use lts_policy::lines::{EolReason, Phase};
use lts_policy::rules::{
    Cadence, CountFrom, DayRule, LineRules, LtsChoice, LtsRule, LtsStart, NewMajor, Nth, Patches,
    Period, Round, RuleField, Schedule, Support, weekday_name,
};
use lts_policy::{LineInfo, LineKind, Policy, Role};

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
        (Some(eol), _) => eol.to_string(),
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

/// How often a schedule comes due: `every 2 months`, `every week`, `in
/// April and October`.
pub fn cadence_text(cadence: &Cadence) -> String {
    match cadence {
        Cadence::EveryMonths(1) => "every month".to_owned(),
        Cadence::EveryMonths(months) => format!("every {months} months"),
        Cadence::EveryWeeks(1) => "every week".to_owned(),
        Cadence::EveryWeeks(weeks) => format!("every {weeks} weeks"),
        Cadence::InMonths(months) => format!("in {}", months_text(months)),
        _ => "on a schedule".to_owned(),
    }
}

/// The day a due date moves to, as a phrase after the date: `the first
/// Tuesday on or after it`, `the 3rd Thursday of its month`.
pub fn day_rule_text(rule: DayRule) -> Option<String> {
    match rule {
        DayRule::Weekday(weekday) => Some(format!(
            "the first {} on or after it",
            weekday_name(weekday)
        )),
        DayRule::NthWeekday(Nth::Last, weekday) => {
            Some(format!("the last {} of its month", weekday_name(weekday)))
        }
        DayRule::NthWeekday(Nth::Number(n), weekday) => Some(format!(
            "the {} {} of its month",
            ordinal(u64::from(n)),
            weekday_name(weekday)
        )),
        DayRule::DayOfMonth(day) => Some(format!("day {day} of its month (or its last day)")),
        _ => None,
    }
}

/// Which days a schedule's dates fall on, as a policy says it: `Tuesdays`,
/// `the 3rd Thursday of the month`, `day 15 of the month`.
pub fn days_of(rule: DayRule) -> String {
    match rule {
        DayRule::Weekday(weekday) => format!("{}s", weekday_name(weekday)),
        DayRule::NthWeekday(..) | DayRule::DayOfMonth(_) => format!("the {rule} of the month"),
        _ => "any day".to_owned(),
    }
}

/// A schedule in words: `every 2 months, on the first Tuesday on or after
/// the due date`, `every week on Tuesdays`.
pub fn schedule_text(schedule: &Schedule) -> String {
    let cadence = cadence_text(&schedule.cadence);
    match (&schedule.cadence, schedule.on) {
        (_, DayRule::Due) => cadence,
        (Cadence::EveryWeeks(_), rule) => format!("{cadence} on {}", days_of(rule)),
        (_, DayRule::Weekday(weekday)) => format!(
            "{cadence}, on the first {} on or after the due date",
            weekday_name(weekday)
        ),
        (_, rule) => format!("{cadence}, on {}", days_of(rule)),
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

/// Where a rule rounds an end to, as a phrase after it: `, to the end of
/// a month`.
pub fn round_text(round: Round) -> &'static str {
    match round {
        Round::MonthEnd => ", to the end of a month",
        Round::QuarterEnd => ", to the end of a quarter",
        Round::YearEnd => ", to the end of a year",
        _ => "",
    }
}

/// A support rule in words, from a line's release: `12 months, or until
/// the 2nd LTS line after it comes out if earlier`.
pub fn support_text(support: &Support, lts: bool) -> String {
    let kind = if lts { "LTS line" } else { "line" };
    let period = support.period.map(|period| {
        let from = match support.from {
            CountFrom::Scheduled => " from the day the release schedule had it due",
            _ => "",
        };
        format!("{}{from}", period_text(period))
    });
    let next = support.until_next.map(|places| {
        let grace = support
            .grace
            .map(|grace| format!(" + {}", period_text(grace)))
            .unwrap_or_default();
        match places {
            1 => format!("until the next {kind} comes out{grace}"),
            places => format!(
                "until the {} {kind} after it comes out{grace}",
                ordinal(u64::from(places))
            ),
        }
    });
    let mut text = match (period, next) {
        (Some(period), Some(next)) => format!("{period}, or {next} if earlier"),
        (Some(period), None) => period,
        (None, Some(next)) => next,
        (None, None) => String::new(),
    };
    text.push_str(round_text(support.round));
    text
}

/// How lines are numbered, in words.
fn lines_text(kind: LineKind, new_major: Option<NewMajor>) -> String {
    match (kind, new_major) {
        (LineKind::Major, _) => "lines are majors (22, 23, ...)".to_owned(),
        (LineKind::Dotted, _) => {
            "lines are dotted numbers of any depth (2, 2.401, ...); a new one adds one to the last \
             number of the highest"
                .to_owned()
        }
        (_, None) => "lines are MAJOR.MINOR; the rules project no new major".to_owned(),
        (_, Some(NewMajor::AfterMinor(minor))) => {
            format!("lines are MAJOR.MINOR; a new major starts after MAJOR.{minor}")
        }
        (_, Some(NewMajor::InMonth(month))) => format!(
            "lines are MAJOR.MINOR; a new major starts with the first line released in {}",
            months_text(&[month])
        ),
        _ => "lines are MAJOR.MINOR".to_owned(),
    }
}

fn patches_text(patches: &Patches) -> String {
    match patches {
        Patches::Scheduled(schedule) => format!(
            "patches: {}, counted from each line's release",
            schedule_text(schedule)
        ),
        _ => "patches: only those recorded in the history".to_owned(),
    }
}

fn support_rules_text(rules: &LineRules) -> String {
    let mut text = format!("support: {}", support_text(&rules.support, false));
    if let Some(last) = &rules.last_of_major {
        text.push_str(&format!(
            "; the last minor of a major, {}",
            support_text(last, false)
        ));
    }
    text
}

fn active_text(active: &Support) -> String {
    format!(
        "active support (more than security fixes): {}, at least until the next line comes out",
        support_text(active, false)
    )
}

fn lts_text(lts: Option<&LtsRule>) -> String {
    let Some(rule) = lts else {
        return "no LTS lines".to_owned();
    };
    let choice = match rule.choice {
        LtsChoice::Every(1) => "every line".to_owned(),
        LtsChoice::Every(every) => format!("every {} line", ordinal(u64::from(every))),
        LtsChoice::EveryMonths(months) => format!(
            "the line nearest to every {} after the last",
            plural(u64::from(months), "month", "months")
        ),
        _ => "by the rules".to_owned(),
    };
    let starts = match rule.starts {
        LtsStart::AtNext(1) => ", LTS once the next line comes out".to_owned(),
        LtsStart::AtNext(places) => format!(
            ", LTS once the {} line after it comes out",
            ordinal(u64::from(places))
        ),
        LtsStart::Months(months) => format!(
            ", LTS {} after its release",
            plural(u64::from(months), "month", "months")
        ),
        _ => String::new(),
    };
    let mut text = format!(
        "LTS: {choice}{starts}, maintained as such {}",
        support_text(&rule.support, true)
    );
    if let Some(active) = &rule.active {
        text.push_str(&format!("; active as LTS {}", support_text(active, true)));
    }
    text
}

/// One rule field of `rules` in words.
pub(super) fn field_text(field: RuleField, kind: LineKind, rules: &LineRules) -> String {
    match field {
        RuleField::NewMajor => lines_text(kind, rules.new_major),
        RuleField::Releases => format!("releases: {}", schedule_text(&rules.releases)),
        RuleField::Patches => patches_text(&rules.patches),
        RuleField::Support => support_rules_text(rules),
        RuleField::Active => rules.active.as_ref().map_or_else(String::new, active_text),
        RuleField::Lts => lts_text(rules.lts.as_ref()),
        _ => String::new(),
    }
}

/// What a policy's rules mean, one sentence each: its lines, releases,
/// patches, support (and active support), LTS lines, then each change.
pub fn rules_text(policy: &Policy) -> Vec<String> {
    let own = policy.own_rules();
    let mut sentences = vec![
        lines_text(policy.line_kind(), own.new_major),
        field_text(RuleField::Releases, policy.line_kind(), own),
        patches_text(&own.patches),
        support_rules_text(own),
    ];
    sentences.extend(own.active.as_ref().map(active_text));
    sentences.push(lts_text(own.lts.as_ref()));
    let mut before = own;
    for change in policy.changes() {
        let fields: Vec<String> = change
            .rules
            .changed_from(before)
            .into_iter()
            .map(|field| field_text(field, policy.line_kind(), &change.rules))
            .collect();
        sentences.push(format!("from {} on: {}", change.from, fields.join("; ")));
        before = &change.rules;
    }
    if !policy.own_tags().is_empty() {
        let tags: Vec<String> = policy
            .own_tags()
            .iter()
            .map(|tag| match tag.lts_only() {
                true => format!("{} (LTS lines, once LTS)", tag.source()),
                false => tag.source().to_owned(),
            })
            .collect();
        sentences.push(format!(
            "own tags, each on its line's newest version: {}",
            tags.join(", ")
        ));
    }
    sentences.push(format!("history complete up to {}", policy.history_as_of()));
    sentences
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
        Some(from) if from > on.unwrap_or(info.released) => format!("from {from}"),
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
