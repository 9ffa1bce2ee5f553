//! The CI recipes of `backport-targets` (and `supported`'s matrix): a
//! GitHub Actions matrix, a `.backportrc.json` fragment for
//! sorenlouv/backport, a `renovate.json` fragment and a
//! `.github/dependabot.yml`.

use std::io::Write;

use anyhow::Result;
use serde_json::{Map, Value, json};

use lts_policy::SupportedLine;
use lts_policy::rules::BranchTemplate;

/// Each line's name and branch, as the recipes list them.
pub fn pairs(lines: &[SupportedLine], template: &BranchTemplate) -> Vec<(String, String)> {
    lines
        .iter()
        .map(|line| {
            let line = &line.info.line;
            (line.to_string(), template.render(line))
        })
        .collect()
}

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

/// `{"baseBranches": [...]}`, the branches Renovate updates besides the
/// default one's configuration: the targets, newest first.
///
/// # Errors
/// An error of the output.
pub fn renovate(targets: &[(String, String)], out: &mut dyn Write) -> Result<()> {
    let branches: Vec<&str> = targets.iter().map(|(_, branch)| branch.as_str()).collect();
    serde_json::to_writer_pretty(&mut *out, &json!({ "baseBranches": branches }))?;
    writeln!(out)?;
    Ok(())
}

/// A `.github/dependabot.yml` (version 2) with one update of `ecosystem`
/// per target branch (`target-branch`), weekly, from the repository's
/// root. Strings are written as JSON strings, which YAML reads as its
/// double-quoted scalars: a branch name holds nothing YAML could misread.
///
/// # Errors
/// An error of the output.
pub fn dependabot(
    targets: &[(String, String)],
    ecosystem: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let quoted = |text: &str| Value::String(text.to_owned()).to_string();
    writeln!(out, "version: 2")?;
    if targets.is_empty() {
        // No target: an update list Dependabot reads as empty.
        writeln!(out, "updates: []")?;
        return Ok(());
    }
    writeln!(out, "updates:")?;
    for (_, branch) in targets {
        writeln!(out, "  - package-ecosystem: {}", quoted(ecosystem))?;
        writeln!(out, "    directory: \"/\"")?;
        writeln!(out, "    target-branch: {}", quoted(branch))?;
        writeln!(out, "    schedule:")?;
        writeln!(out, "      interval: \"weekly\"")?;
    }
    Ok(())
}
