//! The CI recipes of `backport-targets` (and `supported`'s matrix): a
//! GitHub Actions matrix, a `.backportrc.json` fragment for
//! sorenlouv/backport, a `renovate.json` fragment and a
//! `.github/dependabot.yml`.

use std::io::Write;

use anyhow::Result;
use serde_json::{Map, Value, json};

use lts_policy::rules::BranchTemplate;
use lts_policy::{Policy, SupportedLine};

use super::words;

/// A line as the recipes list it.
pub struct Target {
    pub line: String,
    pub branch: String,
    /// Whether only the rules project the line: its branch is not known
    /// to exist.
    pub projected: bool,
}

/// Each line's name and branch, as the recipes list them.
pub fn targets(lines: &[SupportedLine], template: &BranchTemplate) -> Vec<Target> {
    lines
        .iter()
        .map(|line| Target {
            line: line.info.line.to_string(),
            branch: template.render(&line.info.line),
            projected: line.info.is_projected(),
        })
        .collect()
}

/// `{"include": [{"line", "branch"}...]}` on one line, for a GitHub Actions
/// `strategy.matrix: ${{ fromJSON(...) }}`. A projected line's entry says so,
/// `"projected": true`, as a matrix entry may carry any key (a job reads it
/// as `matrix.projected`); the others are as they always were.
///
/// # Errors
/// An error of the output.
pub fn matrix(targets: &[Target], out: &mut dyn Write) -> Result<()> {
    let include: Vec<Value> = targets
        .iter()
        .map(|target| {
            let mut entry = json!({"line": target.line, "branch": target.branch});
            if target.projected {
                entry["projected"] = Value::Bool(true);
            }
            entry
        })
        .collect();
    serde_json::to_writer(&mut *out, &json!({ "include": include }))?;
    writeln!(out)?;
    Ok(())
}

/// The note a recipe gets on stderr when it lists lines only the rules
/// project, whatever the day asked about: a job acts on the branches now,
/// and the history does not say a projected line's exists. (The matrix
/// also marks each; `.backportrc.json`'s choices, Renovate's base branches
/// and Dependabot's `target-branch` have no field for it.)
pub fn projected_note(policy: &Policy, lines: &[SupportedLine]) -> Option<String> {
    let projected: Vec<String> = lines
        .iter()
        .map(|line| &line.info)
        .filter(|info| info.is_projected())
        .map(words::due)
        .collect();
    words::projected_note(policy, &projected)
        .map(|note| format!("{note}, and --recorded leaves projected lines out"))
}

/// The target branches, checked, and a label for each (`v1.3` or `v1.3.4`)
/// mapped to its branch.
///
/// # Errors
/// An error of the output.
pub fn backportrc(targets: &[Target], out: &mut dyn Write) -> Result<()> {
    let choices: Vec<Value> = targets
        .iter()
        .map(|target| json!({"name": target.branch, "checked": true}))
        .collect();
    let mapping: Map<String, Value> = targets
        .iter()
        .map(|target| {
            (
                format!("^v{}(\\.\\d+)?$", target.line.replace('.', "\\.")),
                Value::String(target.branch.clone()),
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
pub fn renovate(targets: &[Target], out: &mut dyn Write) -> Result<()> {
    let branches: Vec<&str> = targets
        .iter()
        .map(|target| target.branch.as_str())
        .collect();
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
pub fn dependabot(targets: &[Target], ecosystem: &str, out: &mut dyn Write) -> Result<()> {
    let quoted = |text: &str| Value::String(text.to_owned()).to_string();
    writeln!(out, "version: 2")?;
    if targets.is_empty() {
        // No target: an update list Dependabot reads as empty.
        writeln!(out, "updates: []")?;
        return Ok(());
    }
    writeln!(out, "updates:")?;
    for target in targets {
        writeln!(out, "  - package-ecosystem: {}", quoted(ecosystem))?;
        writeln!(out, "    directory: \"/\"")?;
        writeln!(out, "    target-branch: {}", quoted(&target.branch))?;
        writeln!(out, "    schedule:")?;
        writeln!(out, "      interval: \"weekly\"")?;
    }
    Ok(())
}
