//! Objects whose fields are listed once, in [`Object::fields`], for both
//! writers: serde's (`Serialize`, for any serializer) and the direct one
//! ([`WriteJson`]), so that the two cannot differ in a field's name, its
//! place or when it is left out.

use std::convert::Infallible;

use anyhow::Result;
use serde::ser::{SerializeStruct, Serializer};

use super::direct::{JsonOut, WriteJson};

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
    fn field<T: WriteJson + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error>;

    /// A field left out (serde's `skip_serializing_if`).
    ///
    /// # Errors
    /// The writer's.
    fn skip(&mut self, key: &'static str) -> Result<(), Self::Error>;

    /// A field written only when it has a value.
    ///
    /// # Errors
    /// The writer's.
    fn some<T: WriteJson>(
        &mut self,
        key: &'static str,
        value: &Option<T>,
    ) -> Result<(), Self::Error> {
        match value {
            Some(value) => self.field(key, value),
            None => self.skip(key),
        }
    }
}

/// Writes `object` with `serializer`, as a struct named `name`.
///
/// # Errors
/// The serializer's.
pub fn serialize<S: Serializer>(
    object: &impl Object,
    name: &'static str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut count = Count(0);
    let Ok(()) = object.fields(&mut count);
    let mut fields = SerdeFields(serializer.serialize_struct(name, count.0)?);
    object.fields(&mut fields)?;
    fields.0.end()
}

/// The fields serde writes, as its derive gives them: a struct's length
/// counts only those written.
struct Count(usize);

impl Fields for Count {
    type Error = Infallible;

    fn field<T: WriteJson + ?Sized>(&mut self, _: &'static str, _: &T) -> Result<(), Infallible> {
        self.0 += 1;
        Ok(())
    }

    fn skip(&mut self, _: &'static str) -> Result<(), Infallible> {
        Ok(())
    }
}

/// The fields, through serde.
struct SerdeFields<S>(S);

impl<S: SerializeStruct> Fields for SerdeFields<S> {
    type Error = S::Error;

    fn field<T: WriteJson + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), S::Error> {
        self.0.serialize_field(key, value)
    }

    fn skip(&mut self, key: &'static str) -> Result<(), S::Error> {
        self.0.skip_field(key)
    }
}

/// The fields, written directly.
pub struct DirectFields<'o, 'w> {
    out: &'o mut JsonOut<'w>,
    first: bool,
}

impl<'o, 'w> DirectFields<'o, 'w> {
    pub(super) fn new(out: &'o mut JsonOut<'w>) -> Self {
        Self { out, first: true }
    }
}

impl Fields for DirectFields<'_, '_> {
    type Error = anyhow::Error;

    fn field<T: WriteJson + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        self.out.key(self.first, key)?;
        self.first = false;
        value.write_json(self.out)?;
        self.out.end_value()
    }

    fn skip(&mut self, _: &'static str) -> Result<()> {
        Ok(())
    }
}

/// `Serialize` and [`WriteJson`] for each of the [`Object`]s named, with
/// the name serde gives its struct: both write the fields it lists.
macro_rules! json_object {
    ($($object:ty => $name:literal),+ $(,)?) => {
        $(
            impl serde::Serialize for $object {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    $crate::render::json::object::serialize(self, $name, serializer)
                }
            }

            impl $crate::render::json::WriteJson for $object {
                fn write_json(&self, out: &mut $crate::render::json::JsonOut<'_>) -> anyhow::Result<()> {
                    out.object(self)
                }
            }
        )+
    };
}

pub(crate) use json_object;
