//! Line-per-item formats built from the JSON answer, so that every format
//! uses the same field names: ndjson (one object per line), csv (one row per
//! object, nested fields flattened) and plain (one bare value per line), and
//! the CI recipes of backport-targets.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{Report, json};

/// The field that lists the items of an answer; `None` when the answer is
/// one object (status, tag, policy).
fn list_field(report: &Report) -> Option<&'static str> {
    match report {
        Report::Supported { .. } | Report::Releases { .. } => Some("lines"),
        Report::BackportTargets { .. } => Some("targets"),
        Report::NextPatch { .. } => Some("patches"),
        Report::Audit { .. } => Some("findings"),
        Report::PolicyCheck { .. } => Some("problems"),
        _ => None,
    }
}

/// The items of an answer: the objects of its list, or the answer itself.
fn items(report: &Report) -> io::Result<Vec<Value>> {
    let Some(mut answer) = json::value(report)? else {
        return Ok(Vec::new());
    };
    Ok(match list_field(report) {
        Some(field) => match answer.get_mut(field).map(Value::take) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        },
        None => vec![answer],
    })
}

/// One JSON object per line.
pub fn ndjson(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for item in items(report)? {
        serde_json::to_writer(&mut *out, &item)?;
        writeln!(out)?;
    }
    Ok(())
}

/// A value as one cell: arrays joined by spaces, null empty.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}

/// The fields of an object, nested objects flattened as `outer_inner`.
fn flatten(prefix: &str, object: &Map<String, Value>, fields: &mut Vec<(String, String)>) {
    for (key, value) in object {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}_{key}")
        };
        match value {
            Value::Object(inner) => flatten(&name, inner, fields),
            other => fields.push((name, cell(other))),
        }
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// A header of every field seen, then one row per item.
pub fn csv(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<Vec<(String, String)>> = items(report)?
        .iter()
        .filter_map(Value::as_object)
        .map(|object| {
            let mut fields = Vec::new();
            flatten("", object, &mut fields);
            fields
        })
        .collect();
    let mut columns: Vec<&str> = Vec::new();
    for (name, _) in rows.iter().flatten() {
        if !columns.contains(&name.as_str()) {
            columns.push(name);
        }
    }
    if columns.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", columns.join(","))?;
    for row in &rows {
        let cells: Vec<String> = columns
            .iter()
            .map(|column| {
                let value = row.iter().find(|(name, _)| name == column);
                csv_field(value.map_or("", |(_, value)| value))
            })
            .collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// One bare value per line: lines (or branches), `status`'s state, versions,
/// audit messages or problems. Written from the answer itself: this is the
/// format scripts call thousands of times.
pub fn plain(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match report {
        Report::Supported { lines, .. } => {
            for line in lines {
                writeln!(out, "{}", line.info.line)?;
            }
        }
        Report::Releases { calendar, .. } => {
            for info in &calendar.lines {
                writeln!(out, "{}", info.line)?;
            }
        }
        Report::Status { status, .. } => writeln!(out, "{}", super::state_name(status.state))?,
        Report::NextPatch { day, .. } => {
            for line in &day.patches {
                writeln!(out, "{}", line.latest_patch.version)?;
            }
        }
        Report::Audit { policy, audit } => {
            for found in &audit.findings {
                writeln!(out, "{}", super::findings::message(&found.finding, policy))?;
            }
        }
        Report::PolicyCheck { problems, .. } => {
            for problem in problems {
                writeln!(out, "{problem}")?;
            }
        }
        // Bare already: lines or branches, one version, generated text.
        Report::BackportTargets { .. }
        | Report::Tag { .. }
        | Report::Policy { .. }
        | Report::Export(_)
        | Report::Timeline(_)
        | Report::Generated(_) => super::text::render(report, out)?,
    }
    Ok(())
}

/// The targets' lines and branches.
fn targets(report: &Report) -> io::Result<Vec<(String, String)>> {
    Ok(items(report)?
        .iter()
        .map(|target| (cell(&target["line"]), cell(&target["branch"])))
        .collect())
}

/// `{"include": [{"line", "branch"}...]}` on one line, for a GitHub Actions
/// `strategy.matrix: ${{ fromJSON(...) }}`.
pub fn github_matrix(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let include: Vec<Value> = targets(report)?
        .into_iter()
        .map(|(line, branch)| json!({"line": line, "branch": branch}))
        .collect();
    serde_json::to_writer(&mut *out, &json!({ "include": include }))?;
    writeln!(out)
}

/// A `.backportrc.json` fragment for sorenlouv/backport: the target branches,
/// checked, and a label for each (`v1.3` or `v1.3.4`) mapped to its branch.
pub fn backportrc(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let targets = targets(report)?;
    let choices: Vec<Value> = targets
        .iter()
        .map(|(_, branch)| json!({"name": branch, "checked": true}))
        .collect();
    let mapping: Map<String, Value> = targets
        .into_iter()
        .map(|(line, branch)| {
            (
                format!("^v{}(\\.\\d+)?$", line.replace('.', "\\.")),
                Value::String(branch),
            )
        })
        .collect();
    let fragment = json!({"targetBranchChoices": choices, "branchLabelMapping": mapping});
    serde_json::to_writer_pretty(&mut *out, &fragment)?;
    writeln!(out)
}
