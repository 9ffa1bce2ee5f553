//! The shape of a policy file, walked as it is parsed: a field of the wrong
//! type, unknown or missing is reported with its JSON path, and the values
//! of the right type are collected for the checks of meaning. Nothing holds
//! the file's whole tree: the history's entries are handed over one by one.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::problem::Problem;
use super::problems::{Problems, join};

/// What a field takes.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    /// A string.
    Text,
    /// A whole number from 0 to `u64::MAX`.
    Count,
    /// `true` or `false`.
    Flag,
    /// An array of objects, collected.
    List(&'static Schema),
    /// An array of objects handed over one by one, not collected.
    Stream(&'static Schema),
    /// An object, collected.
    Object(&'static Schema),
    /// An array of whole numbers.
    Counts,
    /// A string or a whole number.
    TextOrCount,
    /// A string or an object.
    TextOrObject(&'static Schema),
}

/// One field of an object.
pub(super) struct Field {
    pub(super) name: &'static str,
    pub(super) kind: Kind,
    pub(super) required: bool,
}

/// The fields an object may have, and their names for messages.
pub(super) struct Schema {
    pub(super) fields: &'static [Field],
    pub(super) names: &'static [&'static str],
}

/// A value of the kind its field takes.
pub(super) enum Value {
    Text(String),
    Count(u64),
    Flag(bool),
    List(Vec<Values>),
    Object(Values),
    Counts(Vec<u64>),
    /// `null` for an optional field: as if it were absent.
    Null,
}

/// The values of an object that have the kind their field takes, and the
/// names of the known fields it has, whatever their values.
#[derive(Default)]
pub(super) struct Values {
    values: Vec<(&'static str, Value)>,
    keys: Vec<&'static str>,
}

impl Values {
    /// The known fields the object has with a value of the wrong type.
    pub(super) fn wrong(&self) -> Vec<&'static str> {
        self.keys
            .iter()
            .copied()
            .filter(|&key| self.get(key).is_none())
            .collect()
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.values
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| value)
    }

    pub(super) fn text(&self, name: &str) -> Option<&str> {
        match self.get(name)? {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    pub(super) fn count(&self, name: &str) -> Option<u64> {
        match self.get(name)? {
            Value::Count(count) => Some(*count),
            _ => None,
        }
    }

    pub(super) fn flag(&self, name: &str) -> Option<bool> {
        match self.get(name)? {
            Value::Flag(flag) => Some(*flag),
            _ => None,
        }
    }

    pub(super) fn object(&self, name: &str) -> Option<&Values> {
        match self.get(name)? {
            Value::Object(values) => Some(values),
            _ => None,
        }
    }

    pub(super) fn counts(&self, name: &str) -> Option<&[u64]> {
        match self.get(name)? {
            Value::Counts(counts) => Some(counts),
            _ => None,
        }
    }

    pub(super) fn list(&self, name: &str) -> &[Values] {
        match self.get(name) {
            Some(Value::List(items)) => items,
            _ => &[],
        }
    }

    pub(super) fn has(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|value| !matches!(value, Value::Null))
    }
}

/// How a walk treats what it meets: report shape problems or not, and
/// where a streamed array's objects go.
pub(super) struct Walk<'w, 'r> {
    pub(super) problems: Option<&'w mut Problems<'r>>,
    pub(super) stream: Option<&'w mut dyn FnMut(usize, Values)>,
}

impl Walk<'_, '_> {
    fn add(&mut self, path: String, problem: Problem) {
        if let Some(problems) = self.problems.as_deref_mut() {
            problems.add(path, problem);
        }
    }
}

/// Walks `json`, an object of `schema`, and returns its values of the right
/// kind; `None` when it is not JSON (the error is returned) or not an object.
pub(super) fn walk(
    json: &str,
    schema: &'static Schema,
    walk: &mut Walk,
) -> Result<Option<Values>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let values = ObjectSeed {
        path: "",
        schema,
        walk,
    }
    .deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(values)
}

/// A value as a problem message names it: JSON for a scalar, the kind of
/// an array or object.
struct Found(String);

impl Found {
    fn text(text: &str) -> Self {
        Self(serde_json::Value::from(text).to_string())
    }
}

/// Visits any value, and names it.
struct Describe;

impl<'de> Visitor<'de> for Describe {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Found, E> {
        Ok(Found(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Found, E> {
        Ok(Found(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Found, E> {
        Ok(Found(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Found, E> {
        Ok(Found(serde_json::Value::from(value).to_string()))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Found, E> {
        Ok(Found::text(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found("null".to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Found, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Found("an array".to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Found("an object".to_owned()))
    }
}

/// An object of a schema.
struct ObjectSeed<'a, 'w, 'r> {
    path: &'a str,
    schema: &'static Schema,
    walk: &'a mut Walk<'w, 'r>,
}

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_, '_, '_> {
    type Value = Option<Values>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ObjectSeed<'_, '_, '_> {
    type Value = Option<Values>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut values = Values::default();
        let mut seen = vec![false; self.schema.fields.len()];
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let path = join(self.path, &key);
            let Some(at) = self
                .schema
                .fields
                .iter()
                .position(|field| field.name == key)
            else {
                let expected = self.schema.names;
                self.walk.add(path, Problem::UnknownField { expected });
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            seen[at] = true;
            let field = &self.schema.fields[at];
            values.keys.push(field.name);
            let seed = FieldSeed {
                path: &path,
                kind: field.kind,
                required: field.required,
                walk: &mut *self.walk,
            };
            if let Some(value) = map.next_value_seed(seed)? {
                values.values.push((field.name, value));
            }
        }
        for (field, seen) in self.schema.fields.iter().zip(seen) {
            if field.required && !seen {
                self.walk.add(join(self.path, field.name), Problem::Missing);
            }
        }
        Ok(Some(values))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let found = Describe.visit_seq(seq)?;
        self.wrong(found);
        Ok(None)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        self.wrong(Found(value.to_string()));
        Ok(None)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        self.wrong(Found(value.to_string()));
        Ok(None)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        self.wrong(Found(value.to_string()));
        Ok(None)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        self.wrong(Describe.visit_f64(value)?);
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        self.wrong(Found::text(value));
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.wrong(Found("null".to_owned()));
        Ok(None)
    }
}

impl ObjectSeed<'_, '_, '_> {
    fn wrong(self, found: Found) {
        // The file itself is called `policy` in a message.
        let path = if self.path.is_empty() {
            "policy"
        } else {
            self.path
        };
        let problem = Problem::WrongType {
            expected: "an object",
            found: found.0,
        };
        self.walk.add(path.to_owned(), problem);
    }
}

/// The value of one field.
struct FieldSeed<'a, 'w, 'r> {
    path: &'a str,
    kind: Kind,
    /// An optional field may be `null`, as if absent.
    required: bool,
    walk: &'a mut Walk<'w, 'r>,
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_, '_, '_> {
    type Value = Option<Value>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl FieldSeed<'_, '_, '_> {
    fn expected(&self) -> &'static str {
        match self.kind {
            Kind::Text => "a string",
            Kind::Count => "a whole number",
            Kind::Flag => "true or false",
            Kind::List(_) | Kind::Stream(_) => "an array",
            Kind::Object(_) => "an object",
            Kind::Counts => "an array of whole numbers",
            Kind::TextOrCount => "a string or a whole number",
            Kind::TextOrObject(_) => "a string or an object",
        }
    }

    /// Reports a value of the wrong kind.
    fn wrong(self, found: Found) -> Option<Value> {
        let problem = Problem::WrongType {
            expected: self.expected(),
            found: found.0,
        };
        self.walk.add(self.path.to_owned(), problem);
        None
    }
}

impl FieldSeed<'_, '_, '_> {
    /// The whole numbers of an array; any other item is reported at its
    /// index and left out.
    fn counts<'de, A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u64>, A::Error> {
        let mut counts = Vec::new();
        let mut at = 0;
        loop {
            let path = format!("{}[{at}]", self.path);
            let seed = FieldSeed {
                path: &path,
                kind: Kind::Count,
                required: true,
                walk: &mut *self.walk,
            };
            match seq.next_element_seed(seed)? {
                None => break,
                Some(Some(Value::Count(count))) => counts.push(count),
                Some(_) => {}
            }
            at += 1;
        }
        Ok(counts)
    }
}

impl<'de> Visitor<'de> for FieldSeed<'_, '_, '_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expected())
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok(match self.kind {
            Kind::Flag => Some(Value::Flag(value)),
            _ => self.wrong(Found(value.to_string())),
        })
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(match self.kind {
            Kind::Count | Kind::TextOrCount => Some(Value::Count(value)),
            _ => self.wrong(Found(value.to_string())),
        })
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        match u64::try_from(value) {
            Ok(value) => self.visit_u64(value),
            Err(_) => Ok(self.wrong(Found(value.to_string()))),
        }
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        let found = Describe.visit_f64(value)?;
        Ok(self.wrong(found))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(match self.kind {
            Kind::Text | Kind::TextOrCount | Kind::TextOrObject(_) => {
                Some(Value::Text(value.to_owned()))
            }
            _ => self.wrong(Found::text(value)),
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        if self.required {
            return Ok(self.wrong(Found("null".to_owned())));
        }
        Ok(Some(Value::Null))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let (Kind::Object(schema) | Kind::TextOrObject(schema)) = self.kind else {
            let found = Describe.visit_map(map)?;
            return Ok(self.wrong(found));
        };
        let seed = ObjectSeed {
            path: self.path,
            schema,
            walk: self.walk,
        };
        let values = seed.visit_map(map)?;
        Ok(values.map(Value::Object))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let (schema, collect) = match self.kind {
            Kind::List(schema) => (schema, true),
            Kind::Stream(schema) => (schema, false),
            Kind::Counts => return self.counts(seq).map(|counts| Some(Value::Counts(counts))),
            _ => {
                let found = Describe.visit_seq(seq)?;
                return Ok(self.wrong(found));
            }
        };
        let mut items = Vec::new();
        let mut at = 0;
        loop {
            let path = format!("{}[{at}]", self.path);
            let seed = ObjectSeed {
                path: &path,
                schema,
                walk: &mut *self.walk,
            };
            let Some(item) = seq.next_element_seed(seed)? else {
                break;
            };
            let values = item.unwrap_or_default();
            if collect {
                items.push(values);
            } else if let Some(stream) = self.walk.stream.as_deref_mut() {
                stream(at, values);
            }
            at += 1;
        }
        Ok(Some(Value::List(items)))
    }
}
