//! Text for people: aligned columns, and a `*` on every value worked out
//! from the policy's rules, explained by a legend under the answer.
//!
//! `backport-targets` and `tag` print bare values, one per line, so that
//! shell loops and `$(...)` can use them; their sources are in `--json`.

use std::io::{self, Write};

use chrono::NaiveDate;

use lts_policy::policy::{
    Audit, Dangling, Explanation, Line, Patch, Policy, Role, Source, Status, SupportState,
    SupportedLine, weekday_name,
};

use super::{LEGEND, Report, findings};

/// Collects rows, then writes them with columns padded to the widest cell.
struct Table {
    rows: Vec<Vec<String>>,
    marked: bool,
}

impl Table {
    fn new(header: &[&str]) -> Self {
        Self {
            rows: vec![header.iter().map(|&cell| cell.to_owned()).collect()],
            marked: false,
        }
    }

    /// A cell with the rules marker when its value is not from the history.
    fn cell(&mut self, value: impl ToString, source: Source) -> String {
        let mut text = value.to_string();
        if source == Source::Rules {
            text.push('*');
            self.marked = true;
        }
        text
    }

    fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|column| {
                let cells = self.rows.iter().filter_map(|row| row.get(column));
                cells.map(|cell| cell.chars().count()).max().unwrap_or(0)
            })
            .collect();
        for row in &self.rows {
            let mut line = String::new();
            for (cell, width) in row.iter().zip(&widths) {
                line.push_str(&format!("{cell:width$}  "));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        if self.marked {
            writeln!(out, "\n{LEGEND}")?;
        }
        Ok(())
    }
}

fn yes_no(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

fn roles_text(roles: &[Role]) -> String {
    let names: Vec<&str> = roles.iter().map(|role| role.name()).collect();
    names.join(", ")
}

fn days_text(days_left: i64) -> String {
    match days_left {
        1 => "1 day left".to_owned(),
        left if left > 0 => format!("{left} days left"),
        0 => "ends today".to_owned(),
        -1 => "ended 1 day ago".to_owned(),
        left => format!("ended {} days ago", -left),
    }
}

/// Why a tag points to no version, for stderr and JSON.
#[must_use]
pub fn dangling_message(tag: &str, on: NaiveDate, dangling: Dangling) -> String {
    let why = match dangling {
        Dangling::BeforeFirstRelease { first, released } => {
            format!("the first line, {first}, is released on {released}")
        }
        Dangling::NoLtsYet => "no LTS line is released by then".to_owned(),
        Dangling::LineNotYetReleased { line, released } => {
            format!("{line} is released on {released}")
        }
    };
    format!("tag {tag} points to no version on {on}: {why}")
}

fn supported_table(lines: &[SupportedLine]) -> Table {
    let mut table = Table::new(&[
        "LINE",
        "ROLES",
        "RELEASED",
        "LTS",
        "EOL",
        "DAYS LEFT",
        "LATEST PATCH",
    ]);
    for line in lines {
        let info = &line.info;
        let row = vec![
            info.line.to_string(),
            roles_text(&line.roles),
            table.cell(info.released, info.released_source),
            table.cell(yes_no(info.lts), info.lts_source),
            table.cell(info.eol, info.eol_source),
            line.days_left.to_string(),
            table.cell(&line.latest_patch.version, line.latest_patch.source),
        ];
        table.push(row);
    }
    table
}

fn status_text(status: &Status, policy_name: &str, out: &mut dyn Write) -> io::Result<()> {
    let (version, on, info) = (&status.version, status.on, &status.info);
    let verdict = match status.state {
        SupportState::Supported => "is supported",
        SupportState::Ended => "is no longer supported",
        SupportState::Unreleased => "is not released yet",
    };
    writeln!(out, "{version} {verdict} on {on} (policy: {policy_name})\n")?;
    let mut table = Table::new(&["line", &info.line.to_string()]);
    let released = table.cell(info.released, info.released_source);
    table.push(vec!["released".to_owned(), released]);
    let lts = table.cell(yes_no(info.lts), info.lts_source);
    table.push(vec!["LTS".to_owned(), lts]);
    if !status.roles.is_empty() {
        table.push(vec!["roles".to_owned(), roles_text(&status.roles)]);
    }
    let eol = table.cell(info.eol, info.eol_source);
    let eol_detail = format!(
        "{eol} ({}; {})",
        days_text(status.days_left),
        super::ended_by_text(info)
    );
    table.push(vec!["end of support".to_owned(), eol_detail]);
    let patch_row = |table: &mut Table, label: &str, patch: Option<&Patch>| {
        if let Some(patch) = patch {
            let cell = table.cell(&patch.version, patch.source);
            table.push(vec![label.to_owned(), cell]);
        }
    };
    patch_row(&mut table, "latest patch", status.latest_patch.as_ref());
    patch_row(&mut table, "upgrade to", status.upgrade_to.as_ref());
    table.write(out)
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match report {
        Report::Supported {
            policy,
            on,
            lines,
            explanations,
        } => {
            if lines.is_empty() {
                let first = &policy.history()[0];
                writeln!(
                    out,
                    "Nothing is supported on {on} (policy: {}): the first line, {}, is released on {}",
                    policy.name(),
                    first.line,
                    first.released
                )?;
            } else {
                writeln!(out, "Supported on {on} (policy: {})\n", policy.name())?;
                supported_table(lines).write(out)?;
            }
            explanations_text(policy, explanations.as_deref(), *on, None, out)
        }
        Report::BackportTargets {
            policy,
            on,
            since,
            targets,
            branch,
            explanations,
            ..
        } => {
            for target in targets {
                match branch {
                    Some(template) => writeln!(out, "{}", template.render(target.info.line))?,
                    None => writeln!(out, "{}", target.info.line)?,
                }
            }
            explanations_text(policy, explanations.as_deref(), *on, *since, out)
        }
        Report::Status {
            policy,
            status,
            explanation,
        } => {
            status_text(status, policy.name(), out)?;
            let explanations = explanation.as_deref().map(std::slice::from_ref);
            explanations_text(policy, explanations, status.on, None, out)
        }
        Report::Releases { policy, calendar } => {
            writeln!(
                out,
                "Releases from {} to {} (policy: {})\n",
                calendar.from,
                calendar.to,
                policy.name()
            )?;
            let mut table = Table::new(&["LINE", "RELEASED", "LTS", "EOL", "ENDED BY"]);
            for info in &calendar.lines {
                let row = vec![
                    info.line.to_string(),
                    table.cell(info.released, info.released_source),
                    table.cell(yes_no(info.lts), info.lts_source),
                    table.cell(info.eol, info.eol_source),
                    super::ended_by_text(info),
                ];
                table.push(row);
            }
            table.write(out)
        }
        Report::Tag { target, .. } => match target {
            Ok((_, patch)) => writeln!(out, "{}", patch.version),
            Err(_) => Ok(()),
        },
        Report::NextPatch { policy, day } => {
            let weekday = weekday_name(policy.release_weekday());
            writeln!(
                out,
                "Next patch day: {weekday} {} (policy: {})\n",
                day.day,
                policy.name()
            )?;
            let mut table = Table::new(&["VERSION", "LINE", "ROLES", "BRANCH"]);
            for line in &day.patches {
                let row = vec![
                    table.cell(&line.latest_patch.version, line.latest_patch.source),
                    line.info.line.to_string(),
                    roles_text(&line.roles),
                    policy.branch_template().render(line.info.line),
                ];
                table.push(row);
            }
            for info in &day.new_lines {
                let row = vec![
                    table.cell(info.line.first_version(), info.released_source),
                    info.line.to_string(),
                    "new line".to_owned(),
                    policy.branch_template().render(info.line),
                ];
                table.push(row);
            }
            table.write(out)
        }
        Report::Policy { json } => writeln!(out, "{json}"),
        Report::Export(export) => super::write_export(export, out),
        Report::Timeline(timeline) => super::timeline::write(timeline, out),
        Report::Generated(bytes) => out.write_all(bytes),
        Report::Audit { policy, audit } => audit_text(policy, audit, out),
        Report::PolicyCheck { file, problems } => {
            if problems.is_empty() {
                return writeln!(out, "{file}: a valid policy");
            }
            for problem in problems {
                writeln!(out, "{file}: {problem}")?;
            }
            Ok(())
        }
    }
}

/// The `--explain` block: one paragraph per line, after the answer.
fn explanations_text(
    policy: &Policy,
    explanations: Option<&[Explanation]>,
    on: NaiveDate,
    since: Option<Line>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Some(explanations) = explanations else {
        return Ok(());
    };
    writeln!(out, "\nWhy, line by line, on {on}:")?;
    for (_, text) in super::explained(policy, explanations, on, since) {
        writeln!(out, "  {text}")?;
    }
    Ok(())
}

fn audit_text(policy: &Policy, audit: &Audit, out: &mut dyn Write) -> io::Result<()> {
    let scope = if audit.projected {
        "history and projection"
    } else {
        "known history"
    };
    let count = match audit.findings.len() {
        0 => "no findings, the policy is kept".to_owned(),
        1 => "1 finding".to_owned(),
        count => format!("{count} findings"),
    };
    writeln!(
        out,
        "Audit of policy {}, {scope} up to {}, {} lines: {count}",
        policy.name(),
        audit.until,
        audit.lines.len()
    )?;
    if audit.findings.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let mut table = Table::new(&["KIND", "FINDING"]);
    for found in &audit.findings {
        let source = if found.projected {
            Source::Rules
        } else {
            Source::History
        };
        let kind = table.cell(findings::kind(&found.finding), source);
        table.push(vec![kind, findings::message(&found.finding, policy)]);
    }
    table.write(out)
}
