//! JSON: one document per answer, indented for a person at a terminal and
//! compact for a program. Field names are a contract: add fields freely,
//! never rename or remove one without bumping `SCHEMA_VERSION`.

mod layout;
mod out;
mod serde_fields;
mod values;

#[cfg(test)]
mod tests;

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use lts_policy::Policy;

use layout::Layout;

pub(crate) use out::key;
pub use out::{Fields, JsonOut, Key, Object, WriteJson};
pub(crate) use serde_fields::json_object;
pub use serde_fields::serialize_object;
pub use values::{IsoDate, Shown, Stream};

pub const SCHEMA_VERSION: u32 = 1;

/// Every answer: the schema version and policy name, then its own fields.
#[derive(Serialize)]
pub struct Envelope<'a, Body> {
    schema_version: u32,
    policy: &'a str,
    #[serde(flatten)]
    body: Body,
}

/// The envelope of a body the direct writer writes: the same fields.
impl<Body: Object> Object for Envelope<'_, Body> {
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error> {
        fields.field(key!("schema_version"), &self.schema_version)?;
        fields.field(key!("policy"), self.policy)?;
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

/// A document whose fields the direct writer writes.
pub struct Direct<T>(T);

/// `object` as a document the direct writer writes, not serde.
pub fn direct<T: Object>(object: T) -> Direct<T> {
    Direct(object)
}

impl<T: Object> Document for Direct<T> {
    fn write_to(&self, out: &mut JsonOut<'_>) -> Result<()> {
        out.object(&self.0)
    }
}

/// Writes a value serde makes (the OpenEoX documents) indented, with the
/// escapes of every document: what a terminal acts on is `\uXXXX`.
///
/// # Errors
/// An error of the output.
pub fn write_serialized(value: &impl Serialize, out: &mut dyn Write) -> Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Layout::new(true));
    value.serialize(&mut serializer)?;
    Ok(())
}

/// Writes one document and a newline.
///
/// # Errors
/// An error of the model met while the answer is read, or of the output.
pub fn write(document: &impl Document, pretty: bool, out: &mut dyn Write) -> Result<()> {
    let mut json = JsonOut::new(out, Layout::new(pretty));
    document.write_to(&mut json)?;
    Ok(json.finish()?)
}
