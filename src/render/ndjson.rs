//! One JSON object per line: each item of an answer, as the JSON document
//! shows it.

use std::io::Write;

use anyhow::Result;

use super::Report;

/// Writes each item as it is worked out.
///
/// # Errors
/// An error of the model met while the answer is read, or of the output.
pub fn write(report: &impl Report, out: &mut dyn Write) -> Result<()> {
    for item in report.items() {
        serde_json::to_writer(&mut *out, &item?)?;
        writeln!(out)?;
    }
    Ok(())
}
