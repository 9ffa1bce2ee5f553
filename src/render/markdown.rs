//! `releases --format md`: the calendar as a Markdown table, with `\*` on
//! values worked out from the rules.

use std::io::Write;

use anyhow::Result;

use lts_policy::policy::{Calendar, Policy, Source};

use super::text::LEGEND;
use super::words::{ended_by_text, yes_no};

/// Writes the table line by line.
///
/// # Errors
/// An error of the model met while the calendar is read, or of the output.
pub fn write(policy: &Policy, calendar: &Calendar, out: &mut dyn Write) -> Result<()> {
    writeln!(
        out,
        "{} releases from {} to {}\n",
        policy.name(),
        calendar.from(),
        calendar.to()
    )?;
    writeln!(out, "| Line | Released | LTS | End of support | Ended by |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    let mut marked = false;
    let mut cell = |value: String, source: Source| {
        if source == Source::Rules {
            marked = true;
            format!("{value}\\*")
        } else {
            value
        }
    };
    for info in calendar.lines() {
        let info = info?;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            info.line,
            cell(info.released.to_string(), info.released_source),
            cell(yes_no(info.lts).to_owned(), info.lts_source),
            cell(info.eol.to_string(), info.eol_source),
            ended_by_text(&info),
        )?;
    }
    if marked {
        writeln!(out, "\n{}", LEGEND.replacen('*', "\\*", 1))?;
    }
    Ok(())
}
