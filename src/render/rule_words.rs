//! A policy's rules in words, one sentence a rule: how its lines are
//! numbered, when they come out and are patched, how long they are
//! supported and which are LTS, as `policy --check`, `--explain`, the
//! audit's findings and `policy --fit` say them.

use lts_policy::rules::{
    Cadence, CountFrom, DayRule, LineRules, LtsChoice, LtsRule, LtsStart, NewMajor, Nth, Patches,
    Round, RuleField, Schedule, Support, weekday_name,
};
use lts_policy::{LineKind, Policy};

use super::words::{months_text, ordinal, period_text, plural};

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
    let grace = support
        .grace
        .map(|grace| format!(" + {}", period_text(grace)))
        .unwrap_or_default();
    let period = support.period.map(|period| {
        let from = match support.from {
            CountFrom::Scheduled => " from the day the release schedule had it due",
            _ => "",
        };
        format!("{}{from}{grace}", period_text(period))
    });
    let next = support.until_next.map(|places| match places {
        1 => format!("until the next {kind} comes out{grace}"),
        places => format!(
            "until the {} {kind} after it comes out{grace}",
            ordinal(u64::from(places))
        ),
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
    let mut sentences: Vec<String> = RuleField::ALL
        .into_iter()
        .map(|field| field_text(field, policy.line_kind(), own))
        // A rule left out (active support) says nothing.
        .filter(|sentence| !sentence.is_empty())
        .collect();
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
