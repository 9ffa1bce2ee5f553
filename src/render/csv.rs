//! Comma-separated values through the `csv` crate: a fixed header, then one
//! row per item, quoted as RFC 4180 says.

use std::io::Write;

use anyhow::Result;

use super::Report;

/// Writes the header, even for an empty answer, then each item's row.
///
/// # Errors
/// An error of the model met while the answer is read, or of the output.
pub fn write<R: Report>(report: &R, out: &mut dyn Write) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(R::COLUMNS)?;
    for item in report.items() {
        writer.write_record(report.cells(&item?).into_iter().map(neutralized))?;
    }
    writer.flush()?;
    Ok(())
}

/// A cell a spreadsheet will not run: one that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, and is not a number, gets a leading `'`
/// (OWASP's rule for CSV injection). A negative number stays a number.
fn neutralized(cell: String) -> String {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && cell.parse::<i64>().is_err() {
        format!("'{cell}")
    } else {
        cell
    }
}
