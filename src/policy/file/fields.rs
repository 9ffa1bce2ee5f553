//! Typed access to the values of a JSON policy file, recording every
//! problem with its JSON path instead of stopping at the first.

use serde_json::{Map, Value};

use crate::policy::error::{PolicyError, Problem};

/// Every problem found in a file, in file order.
#[derive(Default)]
pub(super) struct Problems(pub(super) Vec<PolicyError>);

/// The JSON path of `key` inside the value at `path`.
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A value as a problem message names it.
fn describe(value: &Value) -> String {
    match value {
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        other => other.to_string(),
    }
}

impl Problems {
    pub(super) fn add(&mut self, path: impl Into<String>, problem: Problem) {
        self.0.push(PolicyError::InvalidPolicy {
            path: path.into(),
            problem,
        });
    }

    /// Keeps the value, or records why it was rejected; the path is only
    /// spelled out for a problem.
    pub(super) fn check<T>(
        &mut self,
        path: impl FnOnce() -> String,
        value: Result<T, PolicyError>,
    ) -> Option<T> {
        value
            .map_err(|err| self.add(path(), Problem::Value(Box::new(err))))
            .ok()
    }

    fn wrong_type(&mut self, path: String, expected: &'static str, value: &Value) {
        let found = describe(value);
        self.add(path, Problem::WrongType { expected, found });
    }

    /// The object at `path`, with its unknown keys reported.
    pub(super) fn object<'v>(
        &mut self,
        path: &str,
        value: &'v Value,
        known: &'static [&'static str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(object) = value.as_object() else {
            let at = if path.is_empty() { "policy" } else { path };
            self.wrong_type(at.to_owned(), "an object", value);
            return None;
        };
        for key in object.keys().filter(|key| !known.contains(&key.as_str())) {
            self.add(join(path, key), Problem::UnknownField { expected: known });
        }
        Some(object)
    }

    /// A field that must be there; its absence is a problem.
    fn required<'v>(
        &mut self,
        path: &str,
        object: &'v Map<String, Value>,
        key: &str,
    ) -> Option<&'v Value> {
        let value = object.get(key);
        if value.is_none() {
            self.add(join(path, key), Problem::Missing);
        }
        value
    }

    pub(super) fn string<'v>(
        &mut self,
        path: &str,
        object: &'v Map<String, Value>,
        key: &str,
    ) -> Option<&'v str> {
        let value = self.required(path, object, key)?;
        let text = value.as_str();
        if text.is_none() {
            self.wrong_type(join(path, key), "a string", value);
        }
        text
    }

    /// An optional string: absent is fine, another type is not.
    pub(super) fn optional_string<'v>(
        &mut self,
        path: &str,
        object: &'v Map<String, Value>,
        key: &str,
    ) -> Option<&'v str> {
        object
            .contains_key(key)
            .then(|| self.string(path, object, key))?
    }

    pub(super) fn whole_number(
        &mut self,
        path: &str,
        object: &Map<String, Value>,
        key: &str,
    ) -> Option<u64> {
        let value = self.required(path, object, key)?;
        let number = value.as_u64();
        if number.is_none() {
            self.wrong_type(join(path, key), "a whole number", value);
        }
        number
    }

    /// An optional `true` or `false`.
    pub(super) fn flag(
        &mut self,
        path: &str,
        object: &Map<String, Value>,
        key: &str,
    ) -> Option<bool> {
        let value = object.get(key)?;
        let flag = value.as_bool();
        if flag.is_none() {
            self.wrong_type(join(path, key), "true or false", value);
        }
        flag
    }

    /// An array; `required` says whether its absence is a problem.
    pub(super) fn array<'v>(
        &mut self,
        path: &str,
        object: &'v Map<String, Value>,
        key: &str,
        required: bool,
    ) -> Option<&'v [Value]> {
        let value = if required {
            self.required(path, object, key)
        } else {
            object.get(key)
        }?;
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type(join(path, key), "an array", other);
                None
            }
        }
    }
}
