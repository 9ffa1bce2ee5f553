//! An [`Object`]'s fields through serde, for any serializer: what its
//! `Serialize` writes.

use std::convert::Infallible;

use serde::ser::{SerializeStruct, Serializer};

use super::out::{Fields, Key, Object, WriteJson};

/// Writes `object` with `serializer`, as a struct named `name`.
///
/// # Errors
/// The serializer's.
pub fn serialize_object<S: Serializer>(
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

/// The fields serde writes, as its derive counts them: a struct's length
/// counts only those written.
struct Count(usize);

impl Fields for Count {
    type Error = Infallible;

    fn field<T: WriteJson + ?Sized>(&mut self, _: Key, _: &T) -> Result<(), Infallible> {
        self.0 += 1;
        Ok(())
    }

    fn skip(&mut self, _: Key) -> Result<(), Infallible> {
        Ok(())
    }
}

/// The fields, through serde.
struct SerdeFields<S>(S);

impl<S: SerializeStruct> Fields for SerdeFields<S> {
    type Error = S::Error;

    fn field<T: WriteJson + ?Sized>(&mut self, key: Key, value: &T) -> Result<(), S::Error> {
        self.0.serialize_field(key.name(), value)
    }

    fn skip(&mut self, key: Key) -> Result<(), S::Error> {
        self.0.skip_field(key.name())
    }
}

/// `Serialize` and [`WriteJson`] for each of the [`Object`]s named, with
/// the name serde gives its struct: both write the fields it lists.
macro_rules! json_object {
    ($($object:ty => $name:literal),+ $(,)?) => {
        $(
            impl serde::Serialize for $object {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    $crate::render::json::serialize_object(self, $name, serializer)
                }
            }

            impl $crate::render::json::WriteJson for $object {
                fn write_json(
                    &self,
                    out: &mut $crate::render::json::JsonOut<'_>,
                ) -> anyhow::Result<()> {
                    out.object(self)
                }
            }
        )+
    };
}

pub(crate) use json_object;
