//! The values of an answer's fields the reader takes: a string, a flag, a
//! number or null, and nothing of an array or an object but that it is
//! one; and the messages for a value of the wrong kind.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::policy::quote::Quoted;

/// A value of a cycle's field: what the reader needs of it, and nothing
/// of an array or an object but that it is one.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scalar<'a> {
    Text(Cow<'a, str>),
    Bool(bool),
    Number(serde_json::Number),
    Null,
    Array,
    Object,
}

impl fmt::Display for Scalar<'_> {
    /// As JSON: a string quoted, an array or object by kind.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => write!(f, "{}", serde_json::Value::from(text.as_ref())),
            Self::Bool(flag) => write!(f, "{flag}"),
            Self::Number(number) => write!(f, "{number}"),
            Self::Null => f.write_str("null"),
            Self::Array => f.write_str("an array"),
            Self::Object => f.write_str("an object"),
        }
    }
}

pub(super) struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(text.to_owned())))
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Bool(flag))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(number.into()))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(number.into()))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(number).map_or(Scalar::Null, Scalar::Number))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Array)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Object)
    }
}

impl<'de> de::Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// The error for a value of the wrong kind where `expected` is, quoting a
/// bounded part of it.
pub(super) fn wrong<E: de::Error>(expected: &str, found: &Scalar) -> E {
    let found = match found {
        Scalar::Text(text) => format!("the string {}", Quoted(text)),
        other => other.to_string(),
    };
    E::custom(format!("expected {expected}, got {found}"))
}

/// What a visitor reads, for its messages.
pub(super) trait Expects {
    fn expects(&self) -> &'static str;
}

/// Visits of the values a visitor does not take, refused with [`wrong`]
/// (serde's own message would quote a string whole).
macro_rules! refuse_scalars {
    () => {
        fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Bool(flag)))
        }

        fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Number(number.into())))
        }

        fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Number(number.into())))
        }

        fn visit_f64<E: de::Error>(self, number: f64) -> Result<Self::Value, E> {
            Err(wrong(
                self.expects(),
                &ScalarVisitor.visit_f64::<E>(number)?,
            ))
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Text(Cow::Borrowed(text))))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Null))
        }
    };
}
pub(super) use refuse_scalars;
