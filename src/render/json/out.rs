//! JSON written straight to the output through the layout's formatter,
//! for the documents too long for serde's work on each key and string: the
//! calendar to 9999 writes 48,000 lines of 20 fields. The bytes are
//! serde_json's: the formatter is called as serde_json calls it, in the
//! same order, and a string that needs escaping is escaped by serde_json.
//!
//! An object lists its fields once, in [`Object::fields`], for this writer
//! and for serde's (`serde_fields`), so that the two cannot differ in a
//! field's name, its place or when it is left out.

use std::fmt::{self, Write as _};
use std::io::{self, BufWriter, Write};
use std::mem;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::ser::Formatter;

use lts_policy::PolicyError;

use super::layout::Layout;
use super::values::{IsoDate, Shown, Stream};

/// A JSON object, as a list of its fields.
pub trait Object {
    /// Gives `fields` each field, in order.
    ///
    /// # Errors
    /// The writer's.
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error>;
}

/// What takes an object's fields: one of the writers, or a count.
pub trait Fields {
    type Error;

    /// A field.
    ///
    /// # Errors
    /// The writer's.
    fn field<T: WriteJson + ?Sized>(&mut self, key: Key, value: &T) -> Result<(), Self::Error>;

    /// A field left out (serde's `skip_serializing_if`).
    ///
    /// # Errors
    /// The writer's.
    fn skip(&mut self, key: Key) -> Result<(), Self::Error>;

    /// A field written only when it has a value.
    ///
    /// # Errors
    /// The writer's.
    fn some<T: WriteJson>(&mut self, key: Key, value: &Option<T>) -> Result<(), Self::Error> {
        match value {
            Some(value) => self.field(key, value),
            None => self.skip(key),
        }
    }
}

/// A field's name, which JSON writes as it is: made by [`key!`], which
/// checks it when the program is built, so that the writer need not look
/// at it again for each object.
#[derive(Clone, Copy)]
pub struct Key(&'static str);

impl Key {
    /// `name`, if JSON writes it as it is.
    pub const fn checked(name: &'static str) -> Option<Self> {
        let bytes = name.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if !is_unescaped(bytes[at]) {
                return None;
            }
            at += 1;
        }
        Some(Self(name))
    }

    pub fn name(self) -> &'static str {
        self.0
    }
}

/// The [`Key`] of `name`; a name JSON would escape does not compile.
macro_rules! key {
    ($name:literal) => {
        const {
            match $crate::render::json::Key::checked($name) {
                Some(key) => key,
                None => panic!(concat!("JSON escapes the key ", $name)),
            }
        }
    };
}

pub(crate) use key;

/// A byte serde_json writes as it is in a string, and the layout too
/// (it escapes DEL and what is not ASCII): printable ASCII but `"` and `\`.
const fn is_unescaped(byte: u8) -> bool {
    byte >= b' ' && byte < 0x7f && byte != b'"' && byte != b'\\'
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
    // Many small pieces: a buffer of a concrete type takes them without a
    // dynamic call each.
    writer: BufWriter<&'w mut dyn Write>,
    layout: Layout,
    /// A value's text, formatted before it is written (a line, a branch),
    /// kept from one value to the next for its allocation.
    text: String,
}

impl<'w> JsonOut<'w> {
    pub fn new(out: &'w mut dyn Write, layout: Layout) -> Self {
        Self {
            writer: BufWriter::with_capacity(1 << 16, out),
            layout,
            text: String::new(),
        }
    }

    /// Ends the document with a newline and writes what is held.
    ///
    /// # Errors
    /// The output's.
    pub fn finish(mut self) -> io::Result<()> {
        writeln!(self.writer)?;
        self.writer.flush()
    }

    /// Any value, through serde_json.
    ///
    /// # Errors
    /// An error of the model met while the value is read, or of the output.
    pub fn serde(&mut self, value: &(impl Serialize + ?Sized)) -> Result<()> {
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut self.writer, &mut self.layout);
        Ok(value.serialize(&mut serializer)?)
    }

    /// An object, its fields as `object` lists them.
    ///
    /// # Errors
    /// An error of the model met while the object is read, or of the output.
    pub fn object(&mut self, object: &impl Object) -> Result<()> {
        self.layout.begin_object(&mut self.writer)?;
        object.fields(&mut DirectFields {
            out: self,
            first: true,
        })?;
        Ok(self.layout.end_object(&mut self.writer)?)
    }

    /// An array of `items`, written as they are worked out.
    ///
    /// # Errors
    /// An item's error, or the output's.
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
    ///
    /// # Errors
    /// The output's.
    pub fn str(&mut self, text: &str) -> Result<()> {
        if !text.bytes().all(is_unescaped) {
            return self.serde(text);
        }
        self.unescaped(text)
    }

    /// A string with nothing to escape.
    fn unescaped(&mut self, text: &str) -> Result<()> {
        self.layout.begin_string(&mut self.writer)?;
        self.writer.write_all(text.as_bytes())?;
        Ok(self.layout.end_string(&mut self.writer)?)
    }

    /// A value's `Display`, as a string.
    ///
    /// # Errors
    /// The value's, or the output's.
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
    ///
    /// # Errors
    /// The output's.
    pub fn date(&mut self, date: NaiveDate) -> Result<()> {
        let Some(digits) = IsoDate(date).digits() else {
            return self.shown(&date);
        };
        self.layout.begin_string(&mut self.writer)?;
        self.writer.write_all(&digits)?;
        Ok(self.layout.end_string(&mut self.writer)?)
    }

    /// `null`.
    ///
    /// # Errors
    /// The output's.
    pub fn null(&mut self) -> Result<()> {
        Ok(self.layout.write_null(&mut self.writer)?)
    }

    /// `true` or `false`.
    ///
    /// # Errors
    /// The output's.
    pub fn bool(&mut self, value: bool) -> Result<()> {
        Ok(self.layout.write_bool(&mut self.writer, value)?)
    }
}

/// The fields, written directly.
struct DirectFields<'o, 'w> {
    out: &'o mut JsonOut<'w>,
    first: bool,
}

impl Fields for DirectFields<'_, '_> {
    type Error = anyhow::Error;

    fn field<T: WriteJson + ?Sized>(&mut self, key: Key, value: &T) -> Result<()> {
        let (out, first) = (&mut *self.out, self.first);
        out.layout.begin_object_key(&mut out.writer, first)?;
        out.unescaped(key.name())?;
        out.layout.end_object_key(&mut out.writer)?;
        out.layout.begin_object_value(&mut out.writer)?;
        self.first = false;
        value.write_json(out)?;
        Ok(out.layout.end_object_value(&mut out.writer)?)
    }

    fn skip(&mut self, _: Key) -> Result<()> {
        Ok(())
    }
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
        Ok(out.layout.write_i64(&mut out.writer, *self)?)
    }
}

impl WriteJson for u32 {
    fn write_json(&self, out: &mut JsonOut<'_>) -> Result<()> {
        Ok(out.layout.write_u32(&mut out.writer, *self)?)
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
            .take()
            .ok_or_else(|| anyhow!("a stream is written once"))?;
        // The message alone, as serde's stream reports a model's error.
        out.array(items.map(|item| item.map_err(|err| anyhow!("{err}"))))
    }
}
