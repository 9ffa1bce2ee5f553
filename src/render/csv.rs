//! Comma-separated values through the `csv` crate: a header, then one row
//! per item, each row a struct whose fields are its columns, quoted as RFC
//! 4180 says.

use std::fmt::Display;
use std::io::Write;

use anyhow::Result;
use serde::{Serialize, Serializer};

use super::Report;
use crate::session::for_terminal;

/// Writes the header, even for an answer without an item, then each
/// item's row.
///
/// # Errors
/// An error of the model met while the answer is read, or of the output.
pub fn write<R: Report>(report: &R, out: &mut dyn Write) -> Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    writer.write_record(&header::<R::Row>()?)?;
    for item in report.items() {
        writer.serialize(report.row(&item?))?;
    }
    writer.flush()?;
    Ok(())
}

/// The names of the columns of `Row`, as the csv crate names a row's
/// fields: known without an item, so that an empty answer has them too and
/// a spreadsheet or a script can rely on the same columns whatever the
/// answer.
pub(crate) fn header<Row: Serialize + Default>() -> Result<csv::StringRecord> {
    let mut probe = csv::Writer::from_writer(Vec::new());
    probe.serialize(Row::default())?;
    let written = probe.into_inner().map_err(|err| err.into_error())?;
    Ok(csv::Reader::from_reader(written.as_slice())
        .headers()?
        .clone())
}

/// A cell of text a file or a user controls (a line's or a tag's name, a
/// version, a branch, a message), which a spreadsheet will not run: one that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a
/// number, gets a leading `'` (OWASP's rule for CSV injection). A negative
/// number stays a number. Characters a terminal acts on (controls, bidi
/// overrides, line separators) are written as escapes (`\u{1b}`), as
/// everywhere text a file controls is shown.
#[derive(Default)]
pub struct Cell(String);

impl Cell {
    pub fn of(value: impl Display) -> Self {
        Self(value.to_string())
    }
}

impl From<String> for Cell {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = &*for_terminal(&self.0);
        let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if formula && text.parse::<i64>().is_err() {
            serializer.collect_str(&format_args!("'{text}"))
        } else {
            serializer.serialize_str(text)
        }
    }
}
