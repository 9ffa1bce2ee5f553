//! The values the answers' JSON shares: a stream of items, a value shown
//! as text, a date.

use std::cell::Cell;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};

use lts_policy::PolicyError;

/// A JSON array written as its items are worked out, never held whole.
pub struct Stream<I>(Cell<Option<I>>);

impl<I> Stream<I> {
    pub fn new(items: I) -> Self {
        Self(Cell::new(Some(items)))
    }

    /// The items, the first time they are asked for.
    pub fn take(&self) -> Option<I> {
        self.0.take()
    }
}

impl<T, I> Serialize for Stream<I>
where
    T: Serialize,
    I: Iterator<Item = Result<T, PolicyError>>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self
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

/// A date as `YYYY-MM-DD`, written without the formatting machinery
/// (chrono's writes a date a character at a time): a calendar of 48,000
/// lines writes 150,000 of them, in JSON, CSV or text.
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

/// As `NaiveDate`'s `Display`, which pads no more than this does.
impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.digits() {
            Some(text) => f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?),
            None => self.0.fmt(f),
        }
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
