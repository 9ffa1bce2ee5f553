//! `scan`'s table for people: one row per component of a known product,
//! the unknown ones summed under it.

use std::io::Write;

use anyhow::Result;

use lts_policy::lines::Source;
use lts_policy::stack::Outcome;

use super::{ComponentAnswer, ScanReport};
use crate::render::words::days_text;
use crate::session::for_terminal;

/// The table's header.
const HEADER: [&str; 8] = [
    "COMPONENT",
    "VERSION",
    "PRODUCT",
    "LINE",
    "VERDICT",
    "EOL",
    "DAYS",
    "UPGRADE TO",
];

/// Writes the table and the counts.
pub fn write(report: &ScanReport, out: &mut dyn Write) -> Result<()> {
    let rows: Vec<[String; 8]> = report.known().map(|(_, answer)| cells(answer)).collect();
    let summary = report.summary();
    if !rows.is_empty() {
        let mut widths = HEADER.map(str::len);
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let header = HEADER.map(str::to_owned);
        for row in std::iter::once(&header).chain(&rows) {
            let mut line = String::new();
            for (cell, width) in row.iter().zip(widths) {
                line.push_str(&format!("{cell:width$}  "));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{} components in {} files: {} of known products ({} failing, {} suppressed), {} of a \
         known product at no line it has, {} unknown",
        summary.components,
        report.files.len(),
        summary.known,
        summary.failing,
        summary.suppressed,
        summary.no_line,
        summary.unknown
    )?;
    for expired in &report.expired {
        writeln!(
            out,
            "expired suppression: {}{} until {} ({}): it suppresses nothing and fails the scan",
            expired.product,
            expired
                .line
                .as_ref()
                .map(|line| format!(" {}", for_terminal(line)))
                .unwrap_or_default(),
            expired.until,
            for_terminal(&expired.reason)
        )?;
    }
    if report
        .known()
        .any(|(_, answer)| matches!(&answer.outcome, Outcome::Known(verdict) if verdict.projected
            || verdict.status.upgrade_to.as_ref().is_some_and(|patch| patch.source == Source::Rules)))
    {
        writeln!(
            out,
            "* worked out from the product's rules: a projection, not a record"
        )?;
    }
    Ok(())
}

/// A component's cells, escaped for the terminal.
fn cells(answer: &ComponentAnswer) -> [String; 8] {
    let component = &answer.component;
    let shown = |text: &str| for_terminal(text).into_owned();
    let (product, line, eol, days, upgrade) = match &answer.outcome {
        Outcome::Known(verdict) => {
            let status = &verdict.status;
            let mark = if verdict.projected { "*" } else { "" };
            let eol = status.info.as_ref().and_then(|info| info.eol);
            (
                verdict.product.name,
                status.line.to_string(),
                eol.map_or_else(|| "-".to_owned(), |day| format!("{day}{mark}")),
                days_text(status.days_left),
                status.upgrade_to.as_ref().map_or_else(
                    || "-".to_owned(),
                    |patch| {
                        let mark = if patch.source == Source::Rules {
                            "*"
                        } else {
                            ""
                        };
                        format!("{}{mark}", patch.version)
                    },
                ),
            )
        }
        Outcome::NoLine { product, .. } => {
            (product.name, "-".into(), "-".into(), "-".into(), "-".into())
        }
        Outcome::Unknown => ("-", "-".into(), "-".into(), "-".into(), "-".into()),
    };
    [
        shown(&component.name),
        shown(&component.version),
        product.to_owned(),
        line,
        answer.verdict_word().to_owned(),
        eol,
        days,
        upgrade,
    ]
}
