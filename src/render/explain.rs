//! `--explain` in words: for each line, the rule that puts it in an answer
//! or leaves it out, with the dates.

use chrono::NaiveDate;

use lts_policy::answers::{Explanation, ProjectionBasis};
use lts_policy::lines::{EolReason, LtsReason, Window};
use lts_policy::rules::{Cadence, DayRule, LtsChoice, Support, weekday_name};
use lts_policy::{LineInfo, Policy};

use super::views::ExplanationView;
use super::words::{day_rule_text, months_text, ordinal, plural, roles_text};

/// How the schedule places a projected line: `2.0's release on 2026-09-08 +
/// 2 months = 2026-11-08, and the first Tuesday on or after it`.
fn schedule_steps(policy: &Policy, basis: &ProjectionBasis) -> String {
    let schedule = policy.releases_schedule();
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

fn released_text(policy: &Policy, explanation: &Explanation) -> String {
    let info = &explanation.info;
    match (
        &explanation.projection,
        explanation.projection.and_then(|basis| basis.overdue_after),
    ) {
        (Some(basis), Some(as_of)) => {
            let after = match policy.releases_schedule().on.weekday() {
                Some(weekday) => format!("the first {} after it", weekday_name(weekday)),
                None => "the day after it".to_owned(),
            };
            format!(
                "overdue: due by the rules ({}) on or before {as_of}, the day the history is \
                 complete up to, which does not list it; projected for {}, {after}",
                schedule_steps(policy, basis),
                info.released
            )
        }
        (Some(basis), None) => format!(
            "projected for {}: {}",
            info.released,
            schedule_steps(policy, basis)
        ),
        (None, _) => format!("released {} (history)", info.released),
    }
}

fn lts_text(policy: &Policy, reason: LtsReason) -> String {
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
            let anchor = if anchor_declared {
                format!("{anchor}, the newest line declared LTS")
            } else {
                format!("{anchor}, the first line (none is declared LTS)")
            };
            let multiple = if places.is_multiple_of(every) {
                "a"
            } else {
                "not a"
            };
            format!(
                "{} after {anchor}, {multiple} multiple of {every}",
                plural(places, "line", "lines")
            )
        }
        LtsReason::Nearest {
            previous,
            target,
            chosen,
        } => {
            let months = match policy.lts_rule().map(|lts| lts.choice) {
                Some(LtsChoice::EveryMonths(months)) => months,
                _ => 0,
            };
            let nearest = if chosen { "the" } else { "not the" };
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

fn window_terms(released: NaiveDate, support: &Support, window: &Window, lts: bool) -> Terms {
    let rounded = if support.month_end {
        ", to the end of the month"
    } else {
        ""
    };
    let period = window
        .promised
        .zip(support.months)
        .map(|(promised, months)| {
            (
                format!("released {released} + {months} months{rounded}"),
                promised,
            )
        });
    let successor = window.successor.map(|successor| {
        let kind = if lts { " LTS" } else { "" };
        let grace = match support.grace_months {
            0 => String::new(),
            grace => format!(
                " + {}{rounded} = {}",
                plural(u64::from(grace), "month", "months"),
                successor.ends
            ),
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

fn window_text(policy: &Policy, info: &LineInfo, window: &Window, lts: bool) -> String {
    let (support, maintained) = match (lts, policy.lts_rule()) {
        (true, Some(rule)) => (&rule.support, "maintained as LTS"),
        _ => (policy.support(), "supported"),
    };
    let Terms { period, successor } = window_terms(info.released, support, window, lts);
    let until = window.until;
    let cut = matches!(
        window.ends_by,
        EolReason::LtsSuperseded(_) | EolReason::Superseded(_)
    );
    match (window.ends_by, period, successor) {
        (EolReason::Announced, period, successor) => {
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

/// One paragraph: the verdict on `on`, then the facts and rules behind it.
pub fn explanation_text(policy: &Policy, explanation: &Explanation, on: NaiveDate) -> String {
    let info = &explanation.info;
    let verdict = if !explanation.roles.is_empty() {
        format!("supported as {}", roles_text(&explanation.roles, " and "))
    } else if on < info.released {
        format!("not released until {}", info.released)
    } else {
        format!("not supported since {}", info.eol)
    };
    let mut sentences = vec![
        format!("{}: {verdict}", info.line),
        released_text(policy, explanation),
        lts_text(policy, explanation.lts_reason),
        format!(
            "latest until {}, the release of {}",
            info.latest_until, explanation.next_line
        ),
    ];
    // The default rule keeps a line exactly as long as it is the latest.
    if info.support_window.until > info.latest_until {
        sentences.push(window_text(policy, info, &info.support_window, false));
    }
    if let Some(window) = &info.lts_window {
        sentences.push(window_text(policy, info, window, true));
    }
    if info.eol_reason == EolReason::Announced && !info.lts {
        sentences.push(format!(
            "supported until {}, the end announced in the history",
            info.eol
        ));
    }
    if let Some(since) = explanation.left_out_by_since {
        sentences.push(format!("left out by --since {since}"));
    }
    sentences.join("; ")
}

/// The JSON view of explanations.
pub fn views(policy: &Policy, explanations: &[Explanation], on: NaiveDate) -> Vec<ExplanationView> {
    explanations
        .iter()
        .map(|explanation| ExplanationView {
            line: explanation.info.line.to_string(),
            supported: !explanation.roles.is_empty(),
            explanation: explanation_text(policy, explanation, on),
        })
        .collect()
}

/// The `--explain` block of a text answer: one paragraph per line.
pub fn text_block(
    policy: &Policy,
    explanations: &[Explanation],
    on: NaiveDate,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    writeln!(out, "\nWhy, line by line, on {on}:")?;
    for explanation in explanations {
        writeln!(out, "  {}", explanation_text(policy, explanation, on))?;
    }
    Ok(())
}
