//! JSON: one document per answer, indented for a person at a terminal and
//! compact for a program. Field names are a contract: add fields freely,
//! never rename or remove one without bumping `SCHEMA_VERSION`.

use std::cell::Cell;
use std::fmt;
use std::io::{self, Write};

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use lts_policy::{Policy, PolicyError};

use crate::session::acts_on_a_terminal;

mod direct;
pub mod object;

pub use direct::{Document, JsonOut, WriteJson, direct};
pub use object::{Fields, Object};

pub const SCHEMA_VERSION: u32 = 1;

/// Every answer: the schema version and policy name, then its own fields.
#[derive(Serialize)]
pub struct Envelope<'a, Body> {
    schema_version: u32,
    policy: &'a str,
    #[serde(flatten)]
    body: Body,
}

/// The direct writer's envelope, of a body it writes directly: the same
/// fields as serde's.
impl<Body: Object> Object for Envelope<'_, Body> {
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error> {
        fields.field("schema_version", &self.schema_version)?;
        fields.field("policy", self.policy)?;
        self.body.fields(fields)
    }
}

impl<Body> Envelope<'_, Body> {
    /// The answer's own fields.
    pub fn body(&self) -> &Body {
        &self.body
    }
}

/// `body` in the envelope of `policy`'s answers.
pub fn envelope<Body>(policy: &Policy, body: Body) -> Envelope<'_, Body> {
    Envelope {
        schema_version: SCHEMA_VERSION,
        policy: policy.name(),
        body,
    }
}

/// Writes one document and a newline.
///
/// # Errors
/// An error of the model met while the answer is read, or of the output.
pub fn write(document: &impl Document, pretty: bool, out: &mut dyn Write) -> Result<()> {
    let layout = if pretty {
        Layout::Pretty(PrettyFormatter::new())
    } else {
        Layout::Compact(CompactFormatter)
    };
    let mut json = JsonOut::new(out, layout);
    document.write_to(&mut json)?;
    Ok(json.finish()?)
}

/// Indented or compact, decided as the document is written: one serializer
/// per document type instead of two keeps the binary, all of which ends up
/// resident, smaller.
enum Layout {
    Pretty(PrettyFormatter<'static>),
    Compact(CompactFormatter),
}

/// Forwards each call to the layout's formatter.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)+) => {
        $(
            fn $method<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
                match self {
                    Self::Pretty(formatter) => formatter.$method(writer $(, $arg)*),
                    Self::Compact(formatter) => formatter.$method(writer $(, $arg)*),
                }
            }
        )+
    };
}

/// Forwards each call of a borrowed layout to the layout.
macro_rules! forward_borrowed {
    ($($method:ident($($arg:ident: $ty:ty),*);)+) => {
        $(
            fn $method<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
                (**self).$method(writer $(, $arg)*)
            }
        )+
    };
}

/// Each call that [`Layout`] makes its own, whichever writer calls it.
macro_rules! layout_calls {
    ($forward:ident) => {
        $forward! {
            begin_array();
            end_array();
            begin_array_value(first: bool);
            end_array_value();
            begin_object();
            end_object();
            begin_object_key(first: bool);
            end_object_key();
            begin_object_value();
            end_object_value();
        }
    };
}

impl Formatter for Layout {
    /// A string's text: the characters a terminal acts on that JSON lets
    /// through raw (DEL, C1 and bidirectional controls; serde_json escapes
    /// C0) as `\uXXXX`, the same string to any reader.
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // serde_json escapes C0 itself: only DEL and what is not ASCII can be
        // left, and dates, lines and versions have neither.
        if !fragment.bytes().any(|byte| byte >= 0x7f) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some(at) = rest.find(acts_on_a_terminal) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    layout_calls!(forward);
}

/// The layout lent to serde_json for one value of a document the direct
/// writer writes, its indentation carried on.
impl Formatter for &mut Layout {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        (**self).write_string_fragment(writer, fragment)
    }

    layout_calls!(forward_borrowed);
}

/// A JSON array written as its items are worked out, never held whole.
pub struct Stream<I>(Cell<Option<I>>);

impl<I> Stream<I> {
    pub fn new(items: I) -> Self {
        Self(Cell::new(Some(items)))
    }
}

impl<T, I> Serialize for Stream<I>
where
    T: Serialize,
    I: Iterator<Item = Result<T, PolicyError>>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self
            .0
            .take()
            .ok_or_else(|| S::Error::custom("a stream is written once"))?;
        let mut seq = serializer.serialize_seq(None)?;
        for item in items {
            seq.serialize_element(&item.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

/// A value written through its `Display`: dates, lines, versions and branch
/// names become JSON strings without a string allocated for each.
pub struct Shown<T>(pub T);

impl<T: fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Formatted on the stack, then written in one piece: serde_json's
        // collect_str escapes each fragment as it comes, which is slower.
        let mut buffer = StackText::default();
        match fmt::write(&mut buffer, format_args!("{}", self.0)) {
            Ok(()) => serializer.serialize_str(buffer.as_str()),
            Err(_) => serializer.collect_str(&self.0),
        }
    }
}

/// Up to 64 bytes of text; longer text makes `write_str` fail.
struct StackText {
    bytes: [u8; 64],
    len: usize,
}

impl Default for StackText {
    fn default() -> Self {
        Self {
            bytes: [0; 64],
            len: 0,
        }
    }
}

impl StackText {
    fn as_str(&self) -> &str {
        // Only whole `&str`s are ever copied in, so the bytes are UTF-8.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for StackText {
    // Byte by byte: the pieces are a few bytes long (dates come a digit at a
    // time), shorter than a call to memcpy is worth.
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for &byte in text.as_bytes() {
            *self.bytes.get_mut(self.len).ok_or(fmt::Error)? = byte;
            self.len += 1;
        }
        Ok(())
    }
}

/// A date as `YYYY-MM-DD`, written without the formatting machinery: a
/// calendar of 48,000 lines writes 150,000 of them.
#[derive(Clone, Copy, Default)]
pub struct IsoDate(pub NaiveDate);

impl IsoDate {
    /// The date's ten characters, for a year from 0 to 9999; beyond, ISO
    /// 8601's expanded form (+10000-01-11) is left to `Display`.
    pub fn digits(self) -> Option<[u8; 10]> {
        let date = self.0;
        let year = u32::try_from(date.year())
            .ok()
            .filter(|&year| year <= 9999)?;
        let digit = |value: u32| b'0' + u8::try_from(value % 10).unwrap_or(0);
        let (month, day) = (date.month(), date.day());
        Some([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(month / 10),
            digit(month),
            b'-',
            digit(day / 10),
            digit(day),
        ])
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.digits() {
            Some(text) => serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => serializer.collect_str(&self.0),
        }
    }
}
