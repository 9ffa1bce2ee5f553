//! `--explain` in words: for each line, the rule that puts it in an answer
//! or leaves it out, with the dates.

use chrono::NaiveDate;

use lts_policy::policy::{EolReason, Explanation, LtsReason, LtsWindow, Policy, weekday_name};

use super::views::ExplanationView;
use super::words::{ordinal, roles_text};

fn released_text(policy: &Policy, explanation: &Explanation) -> String {
    let info = &explanation.info;
    match &explanation.projection {
        Some(basis) => format!(
            "projected for {}: {}'s release on {} + {} months = {}, and the first {} on or after it",
            info.released,
            basis.from,
            basis.from_released,
            basis.months,
            basis.target,
            weekday_name(policy.release_weekday())
        ),
        None => format!("released {} (history)", info.released),
    }
}

fn lts_text(reason: LtsReason) -> String {
    let verdict = if reason.is_lts() { "LTS" } else { "not LTS" };
    let why = match reason {
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
            format!("{places} lines after {anchor}, {multiple} multiple of {every}")
        }
        LtsReason::BeforeAnchor { anchor } => {
            format!("undeclared and older than {anchor}, the newest line declared LTS")
        }
        _ => "by the policy's rules".to_owned(),
    };
    format!("{verdict}: {why}")
}

fn window_text(policy: &Policy, released: NaiveDate, window: &LtsWindow) -> String {
    let period = format!(
        "released {released} + {} months",
        policy.lts_support_months()
    );
    let successor = format!(
        "the release of {} on {}, the {} LTS line after it",
        window.successor,
        window.successor_released,
        ordinal(policy.lts_in_parallel())
    );
    match window.ends_by() {
        EolReason::Announced => format!(
            "maintained as LTS until {}, the end announced in the history (the rules: {period} = {}, or {successor})",
            window.until, window.promised
        ),
        EolReason::LtsSuperseded(_) => {
            let promised = window.promised;
            format!(
                "maintained as LTS until {}, {successor}, earlier than {period} = {promised}",
                window.until
            )
        }
        _ => format!(
            "maintained as LTS until {} = {period}, no later than {successor}",
            window.until
        ),
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
        lts_text(explanation.lts_reason),
        format!(
            "latest until {}, the release of {}",
            info.latest_until, explanation.next_line
        ),
    ];
    if let Some(window) = &info.lts_window {
        sentences.push(window_text(policy, info.released, window));
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
