//! What a document lists: its components, and what kind of document it is.

use chrono::NaiveDate;

/// One component a document lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Component {
    /// Its name as the document gives it (`jetty-server`, `node`).
    pub name: String,
    /// Its version as written (`9.4.18.v20190429`, `lts/*`); empty where
    /// the document gives none.
    pub version: String,
    /// Its package URL, where it has one.
    pub purl: Option<String>,
    /// Its CPE name, where it has one.
    pub cpe: Option<String>,
    /// What the document calls it: CycloneDX's `bom-ref`, SPDX's `SPDXID`.
    pub reference: Option<String>,
    /// Where it is in a JSON document, as a JSON pointer
    /// (`/components/3/components/0`), for writing the document back.
    pub pointer: Option<String>,
    /// The product a version file names outright (`.nvmrc`: `nodejs`).
    pub product: Option<String>,
    /// The day support ends as the file states it (os-release's
    /// `SUPPORT_END`): the first day without support, used as it is.
    pub support_end: Option<NaiveDate>,
    /// The document's line it comes from (version files), from 1.
    pub line_number: Option<usize>,
}

/// The kind of document a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentKind {
    /// A CycloneDX JSON document, with its `specVersion` (`1.2` ... `1.6`).
    CycloneDx(String),
    /// An SPDX JSON document, with its `spdxVersion` (`SPDX-2.3`).
    Spdx(String),
    /// A version file, by the name it is known by (`.nvmrc`, `Dockerfile`).
    VersionFile(&'static str),
}

/// A document read: its kind, its components, and for a JSON document its
/// tree, for writing it back with more in it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Found {
    /// What kind of document it is.
    pub kind: DocumentKind,
    /// Its components, in document order (nested ones after their parent).
    pub components: Vec<Component>,
    /// The JSON document itself; `Null` for a version file.
    pub document: serde_json::Value,
}
