//! JSON written straight to the output through the layout's formatter,
//! for the documents too long for serde's work on each key and string: the
//! calendar to 9999 writes 48,000 lines of 20 fields. The bytes are
//! serde_json's: the formatter is called as serde_json calls it, in the
//! same order, and a string that needs escaping is escaped by serde_json.

use std::fmt::{self, Write as _};
use std::io::{self, BufWriter, Write};
use std::mem;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::ser::Formatter;

use lts_policy::PolicyError;

use super::object::{DirectFields, Object};
use super::{IsoDate, Layout, Shown, Stream};

/// A whole document: serde writes most; a long one writes itself.
pub trait Document {
    /// Writes the document, without the newline after it.
    ///
    /// # Errors
    /// An error of the model met while the document is read, or of the output.
    fn write_to(&self, out: &mut JsonOut<'_>) -> Result<()>;
}

impl<T: Serialize + ?Sized> Document for T {
    fn write_to(&self, out: &mut JsonOut<'_>) -> Result<()> {
        out.serde(self)
    }
}

/// `object` as a document written directly.
pub fn direct<T: Object>(object: T) -> Direct<T> {
    Direct(object)
}

/// A document whose fields the direct writer writes.
pub struct Direct<T>(T);

impl<T: Object> Document for Direct<T> {
    fn write_to(&self, out: &mut JsonOut<'_>) -> Result<()> {
        out.object(&self.0)
    }
}

/// A value the direct writer writes, in the bytes its `Serialize` makes.
pub trait WriteJson: Serialize {
    /// Writes the value.
    ///
    /// # Errors
    /// An error of the model met while the value is read, or of the output.
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()>;
}

/// The output of one document and the formatter that lays it out.
pub struct JsonOut<'w> {
    // serde_json writes many small pieces; a buffer of a concrete type takes
    // them without a dynamic call each.
    writer: BufWriter<&'w mut dyn Write>,
    layout: Layout,
    /// A value's text, formatted before it is written (a line, a branch),
    /// kept from one value to the next for its allocation.
    text: String,
}

impl<'w> JsonOut<'w> {
    pub(super) fn new(out: &'w mut dyn Write, layout: Layout) -> Self {
        Self {
            writer: BufWriter::with_capacity(1 << 16, out),
            layout,
            text: String::new(),
        }
    }

    /// Ends the document with a newline and writes what is held.
    pub(super) fn finish(mut self) -> io::Result<()> {
        writeln!(self.writer)?;
        self.writer.flush()
    }

    /// Any value, through serde_json.
    pub fn serde(&mut self, value: &(impl Serialize + ?Sized)) -> Result<()> {
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut self.writer, &mut self.layout);
        Ok(value.serialize(&mut serializer)?)
    }

    /// An object, its fields as `object` lists them.
    pub fn object(&mut self, object: &impl Object) -> Result<()> {
        self.layout.begin_object(&mut self.writer)?;
        object.fields(&mut DirectFields::new(self))?;
        Ok(self.layout.end_object(&mut self.writer)?)
    }

    /// A key and what is written before its value.
    pub(super) fn key(&mut self, first: bool, key: &str) -> Result<()> {
        self.layout.begin_object_key(&mut self.writer, first)?;
        self.str(key)?;
        self.layout.end_object_key(&mut self.writer)?;
        Ok(self.layout.begin_object_value(&mut self.writer)?)
    }

    /// What is written after a key's value.
    pub(super) fn end_value(&mut self) -> Result<()> {
        Ok(self.layout.end_object_value(&mut self.writer)?)
    }

    /// An array of `items`, written as they are worked out.
    pub fn array<T: WriteJson>(&mut self, items: impl Iterator<Item = Result<T>>) -> Result<()> {
        self.layout.begin_array(&mut self.writer)?;
        let mut first = true;
        for item in items {
            self.layout.begin_array_value(&mut self.writer, first)?;
            item?.write_json(self)?;
            self.layout.end_array_value(&mut self.writer)?;
            first = false;
        }
        Ok(self.layout.end_array(&mut self.writer)?)
    }

    /// A string: as it is where serde_json writes it unescaped, else
    /// through serde_json.
    pub fn str(&mut self, text: &str) -> Result<()> {
        if !text.bytes().all(is_unescaped) {
            return self.serde(text);
        }
        self.layout.begin_string(&mut self.writer)?;
        self.writer.write_all(text.as_bytes())?;
        Ok(self.layout.end_string(&mut self.writer)?)
    }

    /// A value's `Display`, as a string.
    pub fn shown(&mut self, value: &impl fmt::Display) -> Result<()> {
        let mut text = mem::take(&mut self.text);
        text.clear();
        let written = write!(text, "{value}")
            .map_err(anyhow::Error::from)
            .and_then(|()| self.str(&text));
        self.text = text;
        written
    }

    /// A date, `YYYY-MM-DD` as [`IsoDate`] writes it.
    pub fn date(&mut self, date: NaiveDate) -> Result<()> {
        let Some(digits) = IsoDate(date).digits() else {
            return self.shown(&date);
        };
        self.layout.begin_string(&mut self.writer)?;
        self.writer.write_all(&digits)?;
        Ok(self.layout.end_string(&mut self.writer)?)
    }

    pub fn null(&mut self) -> Result<()> {
        Ok(self.layout.write_null(&mut self.writer)?)
    }

    pub fn bool(&mut self, value: bool) -> Result<()> {
        Ok(self.layout.write_bool(&mut self.writer, value)?)
    }

    pub fn i64(&mut self, value: i64) -> Result<()> {
        Ok(self.layout.write_i64(&mut self.writer, value)?)
    }

    pub fn u32(&mut self, value: u32) -> Result<()> {
        Ok(self.layout.write_u32(&mut self.writer, value)?)
    }
}

/// A byte serde_json writes as it is in a string, and the layout too
/// (it escapes DEL and what is not ASCII): printable ASCII but `"` and `\`.
fn is_unescaped(byte: u8) -> bool {
    (b' '..0x7f).contains(&byte) && byte != b'"' && byte != b'\\'
}

impl WriteJson for str {
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        out.str(self)
    }
}

impl WriteJson for bool {
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        out.bool(*self)
    }
}

impl WriteJson for i64 {
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        out.i64(*self)
    }
}

impl WriteJson for u32 {
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        out.u32(*self)
    }
}

impl WriteJson for IsoDate {
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        out.date(self.0)
    }
}

impl<T: fmt::Display> WriteJson for Shown<T> {
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        out.shown(&self.0)
    }
}

impl<T: WriteJson + ?Sized> WriteJson for &T {
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        (**self).write_json(out)
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        match self {
            Some(value) => value.write_json(out),
            None => out.null(),
        }
    }
}

impl<T, I> WriteJson for Stream<I>
where
    T: WriteJson,
    I: Iterator<Item = Result<T, PolicyError>>,
{
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        let items = self
            .0
            .take()
            .ok_or_else(|| anyhow!("a stream is written once"))?;
        // The message alone, as serde's stream reports a model's error.
        out.array(items.map(|item| item.map_err(|err| anyhow!("{err}"))))
    }
}
