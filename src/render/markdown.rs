//! `releases --format md` and `supported --format md`: the calendar, or the
//! lines supported on a date, as a Markdown table (a CI job's summary),
//! with `\*` on values worked out from the rules.

use std::io::Write;

use anyhow::Result;

use chrono::NaiveDate;
use lts_policy::calendar::Calendar;

use lts_policy::{Line, Policy, Source, SupportedLine};

use super::text::LEGEND;
use super::words::{ended_by_text, eol_cell, lts_cell, roles_text};

/// Writes the table line by line.
///
/// # Errors
/// An error of the model met while the calendar is read, or of the output.
pub fn write(policy: &Policy, calendar: &Calendar, out: &mut dyn Write) -> Result<()> {
    writeln!(
        out,
        "{} releases from {} to {}\n",
        markdown_text(policy.name()),
        calendar.from(),
        calendar.to()
    )?;
    // The columns a policy cannot fill are left out, as the text table
    // leaves them: active support with one phase, LTS without LTS lines.
    let (phases, lts) = (policy.has_phases(), policy.has_lts());
    let header: Vec<&str> = [
        ("Line", true),
        ("Released", true),
        ("LTS", lts),
        ("Active until", phases),
        ("End of support", true),
        ("Ended by", true),
    ]
    .into_iter()
    .filter_map(|(name, shown)| shown.then_some(name))
    .collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(header.len()))?;
    let mut marks = Marks::default();
    for info in calendar.lines() {
        let info = info?;
        let mut cells = vec![
            line_cell(&info.line),
            marks.cell(info.released.to_string(), info.released_source),
        ];
        if lts {
            cells.push(marks.cell(lts_cell(&info, None), info.lts_source));
        }
        if phases {
            let active = info
                .active_until
                .map_or_else(|| "-".to_owned(), |until| until.to_string());
            cells.push(marks.cell(active, info.active_source));
        }
        cells.push(marks.cell(eol_cell(&info), info.eol_source));
        cells.push(markdown_text(&ended_by_text(&info)));
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    marks.legend(out)
}

/// The lines supported on `on`, newest first, with their roles, end of
/// support, days left and newest patch.
///
/// # Errors
/// An error of the output.
pub fn supported(
    policy: &Policy,
    on: NaiveDate,
    lines: &[SupportedLine],
    out: &mut dyn Write,
) -> Result<()> {
    writeln!(
        out,
        "{} lines supported on {on}\n",
        markdown_text(policy.name())
    )?;
    writeln!(
        out,
        "| Line | Branch | Roles | Released | End of support | Days left | Latest patch |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|")?;
    let mut marks = Marks::default();
    let branch = policy.branch_template();
    for line in lines {
        let info = &line.info;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            line_cell(&info.line),
            markdown_text(&branch.render(&info.line)),
            roles_text(&line.roles, ", "),
            marks.cell(info.released.to_string(), info.released_source),
            marks.cell(eol_cell(info), info.eol_source),
            line.days_left
                .map_or_else(|| "-".to_owned(), |days| days.to_string()),
            match &line.latest_patch {
                Some(patch) => marks.cell(patch.version.to_string(), patch.source),
                None => "-".to_owned(),
            },
        )?;
    }
    marks.legend(out)
}

/// A line's name in a table cell: its numbers as they are (digits and
/// dots need no escape in a cell), a prefix's or a name's text escaped.
fn line_cell(line: &Line) -> String {
    match line.numbers() {
        Some(numbers) if line.prefix().is_none() => numbers.to_string(),
        _ => markdown_text(&line.to_string()),
    }
}

/// The values of a table worked out from the rules, marked `\*`: the
/// legend follows the table when there is one.
#[derive(Default)]
struct Marks {
    marked: bool,
}

impl Marks {
    fn cell(&mut self, value: String, source: Source) -> String {
        if source == Source::Rules {
            self.marked = true;
            format!("{value}\\*")
        } else {
            value
        }
    }

    fn legend(&self, out: &mut dyn Write) -> Result<()> {
        if self.marked {
            writeln!(out, "\n{}", LEGEND.replacen('*', "\\*", 1))?;
        }
        Ok(())
    }
}

/// Text that stays text in Markdown: every ASCII punctuation character
/// backslash-escaped (CommonMark allows it for all of them), so that a name
/// cannot open a table cell, a link, emphasis or HTML; line breaks and other
/// control characters become spaces, so that it stays on its line.
fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            escaped.push('\\');
            escaped.push(c);
        } else if c.is_control() {
            escaped.push(' ');
        } else {
            escaped.push(c);
        }
    }
    escaped
}
