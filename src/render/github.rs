//! The CI recipes of `backport-targets`: a GitHub Actions matrix and a
//! `.backportrc.json` fragment for sorenlouv/backport.

use std::io::Write;

use anyhow::Result;
use serde_json::{Map, Value, json};

/// `{"include": [{"line", "branch"}...]}` on one line, for a GitHub Actions
/// `strategy.matrix: ${{ fromJSON(...) }}`.
///
/// # Errors
/// An error of the output.
pub fn matrix(targets: &[(String, String)], out: &mut dyn Write) -> Result<()> {
    let include: Vec<Value> = targets
        .iter()
        .map(|(line, branch)| json!({"line": line, "branch": branch}))
        .collect();
    serde_json::to_writer(&mut *out, &json!({ "include": include }))?;
    writeln!(out)?;
    Ok(())
}

/// The target branches, checked, and a label for each (`v1.3` or `v1.3.4`)
/// mapped to its branch.
///
/// # Errors
/// An error of the output.
pub fn backportrc(targets: &[(String, String)], out: &mut dyn Write) -> Result<()> {
    let choices: Vec<Value> = targets
        .iter()
        .map(|(_, branch)| json!({"name": branch, "checked": true}))
        .collect();
    let mapping: Map<String, Value> = targets
        .iter()
        .map(|(line, branch)| {
            (
                format!("^v{}(\\.\\d+)?$", line.replace('.', "\\.")),
                Value::String(branch.clone()),
            )
        })
        .collect();
    let fragment = json!({"targetBranchChoices": choices, "branchLabelMapping": mapping});
    serde_json::to_writer_pretty(&mut *out, &fragment)?;
    writeln!(out)?;
    Ok(())
}
