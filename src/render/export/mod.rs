//! The calendar in other tools' formats: Markdown, iCalendar and
//! endoflife.date's release cycles.

mod ics;

use std::io::{self, Write};

use serde::Serialize;

use lts_policy::policy::{Calendar, LineInfo, Patch, Policy, Source};

use super::{Export, LEGEND, ended_by_text};

/// Writes an export in its own format.
pub fn write(export: &Export, out: &mut dyn Write) -> io::Result<()> {
    match export {
        Export::Markdown { policy, calendar } => markdown(policy, calendar, out),
        Export::Ics {
            policy,
            on,
            calendar,
            patch_days,
        } => ics::ics(policy, *on, calendar, patch_days, out),
        Export::EndOfLife { cycles } => endoflife(cycles, out),
    }
}

/// A Markdown table, with `\*` on values worked out from the rules.
fn markdown(policy: &Policy, calendar: &Calendar, out: &mut dyn Write) -> io::Result<()> {
    let mut marked = false;
    let mut cell = |value: String, source: Source| {
        if source == Source::Rules {
            marked = true;
            format!("{value}\\*")
        } else {
            value
        }
    };
    let mut rows = Vec::new();
    for info in &calendar.lines {
        let lts = if info.lts { "yes" } else { "no" };
        rows.push(format!(
            "| {} | {} | {} | {} | {} |",
            info.line,
            cell(info.released.to_string(), info.released_source),
            cell(lts.to_owned(), info.lts_source),
            cell(info.eol.to_string(), info.eol_source),
            ended_by_text(info),
        ));
    }
    writeln!(
        out,
        "{} releases from {} to {}\n",
        policy.name(),
        calendar.from,
        calendar.to
    )?;
    writeln!(out, "| Line | Released | LTS | End of support | Ended by |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for row in rows {
        writeln!(out, "{row}")?;
    }
    if marked {
        writeln!(out, "\n{}", LEGEND.replacen('*', "\\*", 1))?;
    }
    Ok(())
}

/// endoflife.date's release-cycle shape, newest first.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Cycle {
    release_cycle: String,
    release_date: String,
    lts: bool,
    /// End of active support: the day the line stops being the latest.
    support: String,
    eol: String,
    latest: String,
    latest_release_date: String,
}

fn endoflife(cycles: &[(Patch, LineInfo)], out: &mut dyn Write) -> io::Result<()> {
    let cycles: Vec<Cycle> = cycles
        .iter()
        .rev()
        .map(|(latest, info)| Cycle {
            release_cycle: info.line.to_string(),
            release_date: info.released.to_string(),
            lts: info.lts,
            support: info.latest_until.to_string(),
            eol: info.eol.to_string(),
            latest: latest.version.to_string(),
            latest_release_date: latest.released.to_string(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &cycles)?;
    writeln!(out)
}
