//! `--explain` in words: for each line, the rule that puts it in an answer
//! or leaves it out, with the dates.

use chrono::NaiveDate;

use lts_policy::answers::{Explanation, ProjectionBasis};
use lts_policy::lines::{ActiveEnd, EolReason, LtsReason, Window, WindowEnd, WindowRule};
use lts_policy::rules::{
    Cadence, CountFrom, DayRule, LineRules, LtsChoice, LtsStart, Schedule, Support, weekday_name,
};
use lts_policy::{LineInfo, Policy, Source, SupportedLine};

use super::range_words::{end_range_text, range_text};
use super::rule_words::{day_rule_text, round_text};
use super::views::ExplanationView;
use super::words::{self, months_text, ordinal, period_text, plural, roles_text};
use crate::session::joined_notes;

/// How the schedule places a projected line: `2.0's release on 2026-09-08 +
/// 2 months = 2026-11-08, and the first Tuesday on or after it`.
fn schedule_steps(schedule: &Schedule, basis: &ProjectionBasis) -> String {
    let start = format!("{}'s release on {}", basis.from, basis.from_released);
    let due = match &schedule.cadence {
        Cadence::EveryMonths(months) => format!(
            "{start} + {} = {}",
            plural(basis.steps * u64::from(*months), "month", "months"),
            basis.due
        ),
        Cadence::EveryWeeks(weeks) => match schedule.on {
            DayRule::Weekday(weekday) => {
                return format!(
                    "the {} {} after {start}",
                    ordinal(basis.steps * u64::from(*weeks)),
                    weekday_name(weekday)
                );
            }
            _ => format!(
                "{start} + {} = {}",
                plural(basis.steps * 7 * u64::from(*weeks), "day", "days"),
                basis.due
            ),
        },
        Cadence::InMonths(months) => format!(
            "the {} of the release months ({}) after {start}: {}",
            ordinal(basis.steps),
            months_text(months),
            basis.due.format("%B %Y")
        ),
        _ => format!("{start}, due {}", basis.due),
    };
    match day_rule_text(schedule.on) {
        Some(placed) => format!("{due}, and {placed}"),
        None => due,
    }
}

fn released_text(explanation: &Explanation) -> String {
    let info = &explanation.info;
    let schedule = &explanation.rules.releases;
    let projected = match (
        &explanation.projection,
        explanation
            .projection
            .as_ref()
            .and_then(|basis| basis.overdue_after),
    ) {
        (Some(basis), Some(as_of)) => {
            let after = match schedule.on.weekday() {
                Some(weekday) => format!("the first {} after it", weekday_name(weekday)),
                None => "the day after it".to_owned(),
            };
            format!(
                "overdue: due by the rules ({}) on or before {as_of}, the day the history is \
                 complete up to, which does not list it; projected for {}, {after}",
                schedule_steps(schedule, basis),
                info.released
            )
        }
        (Some(basis), None) => format!(
            "projected for {}: {}",
            info.released,
            schedule_steps(schedule, basis)
        ),
        (None, _) => return format!("released {} (history)", info.released),
    };
    format!("{projected}; {}", range_text(explanation))
}

fn lts_text(rules: &LineRules, reason: &LtsReason) -> String {
    let verdict = if reason.is_lts() { "LTS" } else { "not LTS" };
    let why = match reason {
        LtsReason::NoLtsRule => "the policy has no LTS lines".to_owned(),
        LtsReason::Declared(_) => "declared in the history".to_owned(),
        LtsReason::FirstLine => {
            "the first line, which anchors the count as no line is declared LTS".to_owned()
        }
        LtsReason::Counted {
            anchor,
            anchor_declared,
            places,
            every,
        } => {
            let anchor = if *anchor_declared {
                format!("{anchor}, the newest line declared LTS")
            } else {
                format!("{anchor}, the first line (none is declared LTS)")
            };
            let multiple = if places.is_multiple_of(*every) {
                "a"
            } else {
                "not a"
            };
            format!(
                "{} after {anchor}, {multiple} multiple of {every}",
                plural(*places, "line", "lines")
            )
        }
        LtsReason::Nearest {
            previous,
            target,
            chosen,
        } => {
            let months = match rules.lts.map(|lts| lts.choice) {
                Some(LtsChoice::EveryMonths(months)) => months,
                _ => 0,
            };
            let nearest = if *chosen { "the" } else { "not the" };
            format!(
                "{nearest} line released nearest to {previous}'s release + {months} months = \
                 {target}"
            )
        }
        LtsReason::BeforeAnchor { anchor } => {
            format!("undeclared and older than {anchor}, the newest line declared LTS")
        }
        _ => "by the policy's rules".to_owned(),
    };
    format!("{verdict}: {why}")
}

/// The terms of a window: the period promised, and the release that cuts it.
struct Terms {
    /// `released 2026-03-03 + 12 months`, and the date it gives.
    period: Option<(String, NaiveDate)>,
    /// `the release of 2.6 on 2027-09-28, the 2nd LTS line after it`.
    successor: Option<String>,
}

fn window_terms(info: &LineInfo, support: &Support, window: &Window) -> Terms {
    let rounded = match round_text(support.round) {
        "" => String::new(),
        text => text.replace(" a ", " the "),
    };
    let start = match support.from {
        CountFrom::Scheduled if window.counted_from != info.released => format!(
            "due by the release schedule on {} (released {})",
            window.counted_from, info.released
        ),
        _ => format!("released {}", window.counted_from),
    };
    let period = window
        .promised
        .zip(support.period)
        .map(|(promised, period)| {
            let grace = support
                .grace
                .map(|grace| format!(" + {}", period_text(grace)))
                .unwrap_or_default();
            (
                format!("{start} + {}{grace}{rounded}", period_text(period)),
                promised,
            )
        });
    let successor = window.successor.as_ref().map(|successor| {
        let kind = if window.rule.counts_lts_lines() {
            " LTS"
        } else {
            ""
        };
        let grace = match support.grace {
            None => String::new(),
            Some(grace) => format!(" + {}{rounded} = {}", period_text(grace), successor.ends),
        };
        format!(
            "the release of {} on {}{grace}, the {}{kind} line after it",
            successor.line,
            successor.released,
            ordinal(u64::from(successor.places))
        )
    });
    Terms { period, successor }
}

/// The rule a window comes from, and what the line is during it.
fn window_rule(rules: &LineRules, window: &Window) -> Option<(Support, &'static str)> {
    let lts = rules.lts.as_ref();
    Some(match window.rule {
        WindowRule::Support => (rules.support, "supported"),
        WindowRule::LastOfMajor => (
            rules.last_of_major?,
            "supported as the last minor of its major",
        ),
        WindowRule::Lts => (lts?.support, "maintained as LTS"),
        WindowRule::Active => (rules.active?, "in active support"),
        WindowRule::LtsActive => (lts?.active?, "in active support as LTS"),
        _ => return None,
    })
}

fn window_text(rules: &LineRules, info: &LineInfo, window: &Window) -> String {
    let Some((support, maintained)) = window_rule(rules, window) else {
        return format!("until {}", window.until);
    };
    let Terms { period, successor } = window_terms(info, &support, window);
    let until = window.until;
    let cut = window.ends == WindowEnd::Successor;
    match (window.ends, period, successor) {
        (WindowEnd::Announced, period, successor) => {
            let mut rules: Vec<String> = period
                .map(|(period, promised)| format!("{period} = {promised}"))
                .into_iter()
                .collect();
            rules.extend(successor);
            format!(
                "{maintained} until {until}, the end announced in the history (the rules: {})",
                rules.join(", or ")
            )
        }
        (_, Some((period, promised)), Some(successor)) if cut => {
            format!("{maintained} until {until}, {successor}, earlier than {period} = {promised}")
        }
        (_, Some((period, _)), Some(successor)) => {
            format!("{maintained} until {until} = {period}, no later than {successor}")
        }
        (_, Some((period, _)), None) => format!("{maintained} until {until} = {period}"),
        (_, None, Some(successor)) => format!("{maintained} until {until}, {successor}"),
        (_, None, None) => format!("{maintained} until {until}"),
    }
}

/// When an LTS line became (or becomes) LTS, and why then.
fn lts_start_text(rules: &LineRules, info: &LineInfo) -> Option<String> {
    let from = info.lts_from?;
    if from == info.released {
        return None;
    }
    let why = match (info.lts_from_source, rules.lts.map(|lts| lts.starts)) {
        (Source::History, _) if info.released_source == Source::History => {
            "the day the history gives".to_owned()
        }
        (_, Some(LtsStart::AtNext(1))) => "the release of the next line".to_owned(),
        (_, Some(LtsStart::AtNext(places))) => format!(
            "the release of the {} line after it",
            ordinal(u64::from(places))
        ),
        (_, Some(LtsStart::Months(months))) => format!(
            "{} after its release",
            plural(u64::from(months), "month", "months")
        ),
        _ => "the day the history gives".to_owned(),
    };
    Some(format!("LTS from {from}, {why}"))
}

/// Where active support ends, and why, for a policy of two phases.
fn active_text(info: &LineInfo) -> Option<String> {
    let Some(until) = info.active_until else {
        return Some("active support ended on a day the history does not give".to_owned());
    };
    Some(match &info.active_end {
        ActiveEnd::OnePhase => return None,
        ActiveEnd::Announced => format!(
            "active support until {until}, the end announced in the history; security fixes \
             only after"
        ),
        ActiveEnd::NextRelease(line) => format!(
            "active support until {until}, the release of {line}, later than the active rules' \
             end; security fixes only after"
        ),
        ActiveEnd::Eol => {
            format!("active support until its eol, {until}, before the active rules' end")
        }
        ActiveEnd::EndedUndated => format!(
            "active support until {until} at the latest: the history says it ended, on a day \
             it does not give"
        ),
        ActiveEnd::Overdue => format!(
            "active support until {until}: the history has it active on its last day, past \
             its rules' end"
        ),
        _ => format!("security fixes only from {until}"),
    })
}

/// One paragraph: the verdict on `on`, then the facts and rules behind it.
pub fn explanation_text(explanation: &Explanation, on: NaiveDate) -> String {
    let info = &explanation.info;
    let verdict = if !explanation.roles.is_empty() {
        format!("supported as {}", roles_text(&explanation.roles, " and "))
    } else if on < info.released {
        format!("not released until {}", info.released)
    } else if let Some(eol) = info.eol {
        format!("not supported since {eol}")
    } else {
        "not supported: the history says its support ended, on a day it does not give".to_owned()
    };
    let rules = &explanation.rules;
    let mut sentences = vec![format!("{}: {verdict}", info.line)];
    sentences.extend(
        explanation
            .change
            .as_ref()
            .map(|from| format!("under the rules that change from {from} on")),
    );
    sentences.extend([
        released_text(explanation),
        lts_text(rules, &explanation.lts_reason),
        match &explanation.next_line {
            Some(next) => format!("latest until {}, the release of {next}", info.latest_until),
            None => "the latest for good: no later line is known or projected".to_owned(),
        },
    ]);
    // The default rule keeps a line exactly as long as it is the latest.
    if info.support_window.until > info.latest_until {
        sentences.push(window_text(rules, info, &info.support_window));
    }
    sentences.extend(lts_start_text(rules, info));
    if let Some(window) = &info.lts_window {
        sentences.push(window_text(rules, info, window));
    }
    for window in info.active_windows() {
        sentences.push(window_text(rules, info, window));
    }
    sentences.extend(active_text(info));
    match (&info.eol_reason, info.eol) {
        (EolReason::Announced, Some(eol)) if !info.lts => {
            sentences.push(format!(
                "supported until {eol}, the end announced in the history"
            ));
        }
        (EolReason::Overdue, Some(eol)) => sentences.push(format!(
            "supported until {eol}: the history has it supported on its last day, past its \
             rules' end"
        )),
        (EolReason::EndedUndated { at_latest }, _) => sentences.push(format!(
            "the history says its support ended, on a day it does not give, by {at_latest} at \
             the latest"
        )),
        _ => {}
    }
    sentences.extend(end_range_text(explanation));
    if let Some(since) = &explanation.left_out_by_since {
        sentences.push(format!("left out by --since {since}"));
    }
    if explanation.left_out_by_phase {
        let since = info
            .active_until
            .map_or_else(|| "its release".to_owned(), |until| until.to_string());
        sentences.push(format!(
            "left out: security fixes only since {since}, and a bug fix goes to the lines in \
             active support (--security for every supported line)",
        ));
    }
    sentences.join("; ")
}

/// The JSON view of the explanations `--explain` asks for, on `on`.
pub fn views(explanations: Option<&[Explanation]>, on: NaiveDate) -> Option<Vec<ExplanationView>> {
    let views = explanations?
        .iter()
        .map(|explanation| ExplanationView {
            line: explanation.info.line.to_string(),
            supported: !explanation.roles.is_empty(),
            explanation: explanation_text(explanation, on),
        })
        .collect();
    Some(views)
}

/// The `--explain` block of a text answer: one paragraph per line.
pub fn text_block(
    explanations: &[Explanation],
    on: NaiveDate,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    writeln!(out, "\n{}", note(explanations, on))
}

/// The explanations as stderr takes them beside an answer of one item per
/// line (plain output, bare branch names), which they would break.
pub fn note(explanations: &[Explanation], on: NaiveDate) -> String {
    std::iter::once(format!("Why, line by line, on {on}:"))
        .chain(
            explanations
                .iter()
                .map(|explanation| format!("  {}", explanation_text(explanation, on))),
        )
        .collect::<Vec<_>>()
        .join("\n")
}

/// What an answer of bare lines (plain output, branch names) cannot carry,
/// for stderr: the projections it rests on for days that have come by
/// `today`, then the explanations asked for.
pub fn beside_bare_lines(
    policy: &Policy,
    lines: &[SupportedLine],
    explanations: Option<&[Explanation]>,
    on: NaiveDate,
    today: NaiveDate,
) -> Option<String> {
    let infos = lines.iter().map(|line| &line.info);
    let projected = words::projected_note(policy, &words::projected_lines(infos, today));
    joined_notes(projected, explanations.map(|why| note(why, on)))
}
