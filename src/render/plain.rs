//! One bare value per line, no header, for shell loops: lines, branches,
//! versions, states, messages.

use std::io::Write;

use anyhow::Result;

use super::Report;

/// Writes each item's value.
///
/// # Errors
/// An error of the model met while the answer is read, or of the output.
pub fn write(report: &impl Report, out: &mut dyn Write) -> Result<()> {
    for item in report.items() {
        if let Some(value) = report.plain(&item?) {
            writeln!(out, "{value}")?;
        }
    }
    Ok(())
}
