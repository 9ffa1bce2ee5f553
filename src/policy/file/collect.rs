//! Reads a policy file into the format's declarations ([`super::format`])
//! reporting every problem of shape with its JSON path, instead of stopping
//! at the first: a value of the wrong type, a field the format does not
//! have, a field given twice.
//!
//! serde's derive stops at the first error, so nothing here is one: an
//! unknown or repeated field is reported and skipped, and a value of the
//! wrong type is reported, noted as invalid at its path (so that the
//! validators take it for neither present nor missing) and read as an
//! empty value of the type asked for, so that the derive goes on. The file
//! is read as serde_json parses it, each value taken as its raw text and
//! parsed when the declaration asks for it: nothing holds the file's tree,
//! and the history's entries are handed over one by one.

use std::{fmt, iter};

use serde::de::value::{BorrowedStrDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess,
    Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::value::RawValue;

use super::format::{DAY, FLAG_OR_DATE, PATCHES, Text, two_kinds_object};
use super::found::{Expected, Found};
use super::problem::Problem;
use super::problems::{Path, Problems};

/// What stops a read: never a problem of the file, which is reported
/// instead; only what serde_json or a visitor of ours refuses.
type Refused = de::value::Error;

/// What reads the history's entries, met at the top of the file.
pub(super) trait ReadEntries {
    /// Reads the history, the raw value at `path`.
    fn read(&mut self, raw: &RawValue, path: &Path, problems: &mut Problems);
}

/// A value of the file, read as a value of the declarations at `path`.
pub(super) struct Collect<'de, 'a, 'p, 'r, 'h> {
    raw: &'de RawValue,
    path: Path<'a>,
    problems: &'p mut Problems<'r>,
    /// At the top only: what to do with the history.
    entries: Option<&'h mut dyn ReadEntries>,
    /// The fields of the object a value of two kinds may be.
    object: Option<&'static [&'static str]>,
}

impl<'de, 'a, 'p, 'r, 'h> Collect<'de, 'a, 'p, 'r, 'h> {
    /// The whole file, whose history goes to `entries`.
    pub(super) fn top(
        raw: &'de RawValue,
        problems: &'p mut Problems<'r>,
        entries: &'h mut dyn ReadEntries,
    ) -> Self {
        Self {
            raw,
            path: Path::Root,
            problems,
            entries: Some(entries),
            object: None,
        }
    }

    /// A value at `path`, below the top.
    pub(super) fn at(raw: &'de RawValue, path: Path<'a>, problems: &'p mut Problems<'r>) -> Self {
        Self {
            raw,
            path,
            problems,
            entries: None,
            object: None,
        }
    }

    /// Parses the value's text, handing what it holds to `visitor` as the
    /// declaration's `want`s.
    fn read<V: Visitor<'de>>(self, want: Want, visitor: V) -> Result<V::Value, Refused> {
        let mut json = serde_json::Deserializer::from_str(self.raw.get());
        json.deserialize_any(Dispatch {
            want,
            path: self.path,
            problems: self.problems,
            entries: self.entries,
            visitor,
        })
        .map_err(de::Error::custom)
    }
}

/// The value a raw value holds, as a problem names it.
pub(super) fn found(raw: &RawValue) -> Found {
    let text = raw.get();
    match text.as_bytes().first() {
        Some(b'"') => Found::Text(serde_json::from_str(text).unwrap_or_default()),
        Some(b'[') => Found::Array,
        Some(b'{') => Found::Object,
        Some(b't') => Found::Flag(true),
        Some(b'f') => Found::Flag(false),
        _ => serde_json::from_str(text).map_or(Found::Null, Found::Number),
    }
}

impl<'de> Deserializer<'de> for Collect<'de, '_, '_, '_, '_> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        let object = self.object;
        self.read(Want::Any(object), visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        // null is as good as absent.
        if self.raw.get() == "null" {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.read(Want::Text, visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.read(Want::Text, visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.read(Want::WholeNumber, visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.read(Want::Flag, visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.read(Want::Array, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.read(Want::Object(Some(fields)), visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.read(Want::Object(None), visitor)
    }

    /// A value of two kinds, by the name the declaration gives it: a day
    /// rule (a string or a whole number), `patches` (a string or a
    /// schedule) or a history entry's `lts` (a flag or a date).
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        let (expected, fits) = match (name, found(self.raw)) {
            (DAY, Found::Text(_))
            | (PATCHES, Found::Text(_) | Found::Object)
            | (FLAG_OR_DATE, Found::Text(_) | Found::Flag(_)) => (None, true),
            (DAY, Found::Number(number)) => (Some(Expected::TextOrWholeNumber), number.is_u64()),
            (DAY, _) => (Some(Expected::TextOrWholeNumber), false),
            (FLAG_OR_DATE, _) => (Some(Expected::FlagOrDate), false),
            _ => (Some(Expected::TextOrObject), false),
        };
        if fits {
            let object = Some(two_kinds_object(name));
            return visitor.visit_newtype_struct(Self { object, ..self });
        }
        let problem = Problem::WrongType {
            expected: expected.unwrap_or(Expected::TextOrObject),
            found: found(self.raw),
        };
        self.problems.wrong(&self.path, problem);
        visitor.visit_newtype_struct(BorrowedStrDeserializer::<Refused>::new(""))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        <W: Visitor<'de>>
        i8 i16 i32 i64 i128 u8 u16 u32 u128 f32 f64 char bytes byte_buf unit unit_struct
        tuple tuple_struct enum identifier
    }
}

/// What a declaration asks of a value.
#[derive(Clone, Copy)]
enum Want {
    Text,
    WholeNumber,
    Flag,
    Array,
    /// An object, of these fields when they are known.
    Object(Option<&'static [&'static str]>),
    /// Whatever the value is (a value of two kinds, known to fit).
    Any(Option<&'static [&'static str]>),
}

impl Want {
    fn expected(self) -> Expected {
        match self {
            Self::Text => Expected::Text,
            Self::WholeNumber => Expected::WholeNumber,
            Self::Flag => Expected::Flag,
            Self::Array => Expected::Array,
            Self::Object(_) | Self::Any(_) => Expected::Object,
        }
    }
}

/// What serde_json parses of a value, handed to the declaration's visitor
/// when it is what it wants, reported and replaced by an empty value when
/// it is not.
struct Dispatch<'a, 'p, 'r, 'h, V> {
    want: Want,
    path: Path<'a>,
    problems: &'p mut Problems<'r>,
    entries: Option<&'h mut dyn ReadEntries>,
    visitor: V,
}

impl<'de, V: Visitor<'de>> Dispatch<'_, '_, '_, '_, V> {
    /// Reports the value as not what is wanted, and reads an empty one.
    fn wrong<E: de::Error>(self, found: Found) -> Result<V::Value, E> {
        let problem = Problem::WrongType {
            expected: self.want.expected(),
            found,
        };
        self.problems.wrong(&self.path, problem);
        match self.want {
            Want::Text => self.visitor.visit_borrowed_str(""),
            Want::WholeNumber => self.visitor.visit_u64(0),
            Want::Flag => self.visitor.visit_bool(false),
            Want::Array => self
                .visitor
                .visit_seq(SeqDeserializer::new(iter::empty::<()>())),
            Want::Object(_) | Want::Any(_) => self
                .visitor
                .visit_map(MapDeserializer::new(iter::empty::<((), ())>())),
        }
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Dispatch<'_, '_, '_, '_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.want.expected())
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<V::Value, E> {
        match self.want {
            Want::Text | Want::Any(_) => self.visitor.visit_borrowed_str(text),
            _ => self.wrong(Found::Text(text.to_owned())),
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<V::Value, E> {
        match self.want {
            Want::Text | Want::Any(_) => self.visitor.visit_str(text),
            _ => self.wrong(Found::Text(text.to_owned())),
        }
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<V::Value, E> {
        match self.want {
            Want::WholeNumber | Want::Any(_) => self.visitor.visit_u64(number),
            _ => self.wrong(Found::Number(number.into())),
        }
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<V::Value, E> {
        self.wrong(Found::Number(number.into()))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<V::Value, E> {
        let number = serde_json::Number::from_f64(number);
        self.wrong(number.map_or(Found::Null, Found::Number))
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<V::Value, E> {
        match self.want {
            Want::Flag | Want::Any(_) => self.visitor.visit_bool(flag),
            _ => self.wrong(Found::Flag(flag)),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.wrong(Found::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<V::Value, A::Error> {
        if !matches!(self.want, Want::Array) {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return self.wrong(Found::Array);
        }
        self.visitor.visit_seq(Items {
            seq,
            at: 0,
            path: self.path,
            problems: self.problems,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<V::Value, A::Error> {
        let (Want::Object(fields) | Want::Any(fields)) = self.want else {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return self.wrong(Found::Object);
        };
        self.visitor.visit_map(Fields {
            map,
            fields,
            seen: Vec::new(),
            key: None,
            path: self.path,
            problems: self.problems,
            entries: self.entries,
        })
    }
}

/// The items of an array, each read at its index.
struct Items<'a, 'p, 'r, A> {
    seq: A,
    at: usize,
    path: Path<'a>,
    problems: &'p mut Problems<'r>,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Items<'_, '_, '_, A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        let Some(raw) = self.seq.next_element::<&'de RawValue>()? else {
            return Ok(None);
        };
        let path = self.path.item(self.at);
        self.at += 1;
        seed.deserialize(Collect::at(raw, path, self.problems))
            .map(Some)
            .map_err(de::Error::custom)
    }
}

/// The fields of an object: an unknown one and a repeated one are
/// reported and skipped; at the top, the history goes to its reader.
struct Fields<'de, 'a, 'p, 'r, 'h, A> {
    map: A,
    fields: Option<&'static [&'static str]>,
    seen: Vec<Text<'de>>,
    /// The key handed out last, whose value comes next.
    key: Option<Text<'de>>,
    path: Path<'a>,
    problems: &'p mut Problems<'r>,
    entries: Option<&'h mut dyn ReadEntries>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Fields<'de, '_, '_, '_, '_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.map.next_key::<Text<'de>>()? {
            let path = self.path.field(&key);
            if let Some(entries) = self.entries.as_deref_mut().filter(|_| &*key == "history") {
                let raw = self.map.next_value::<&'de RawValue>()?;
                entries.read(raw, &path, self.problems);
                continue;
            }
            let problem = if self.fields.is_some_and(|fields| !fields.contains(&&*key)) {
                Some(Problem::UnknownField {
                    expected: self.fields.unwrap_or_default(),
                })
            } else if self.seen.contains(&key) {
                Some(Problem::GivenTwice)
            } else {
                None
            };
            if let Some(problem) = problem {
                self.problems.wrong(&path, problem);
                self.map.next_value::<IgnoredAny>()?;
                continue;
            }
            let value = seed.deserialize(key.as_ref().into_deserializer());
            self.seen.push(key.clone());
            self.key = Some(key);
            return value.map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let raw = self.map.next_value::<&'de RawValue>()?;
        let key = self.key.take().unwrap_or_else(|| Text::from(""));
        seed.deserialize(Collect::at(raw, self.path.field(&key), self.problems))
            .map_err(de::Error::custom)
    }
}
