//! Reading a file's text as a stack: a version file by its name, else an
//! SBOM, CycloneDX or SPDX, in JSON.

use serde_json::Value;

use super::component::{Component, DocumentKind, Found};
use super::error::ReadError;
use super::version_files;
use crate::policy::catalogue::purl_version;
use crate::policy::file::without_byte_order_mark;

/// The largest document scan reads, in bytes: the document is held in
/// memory whole (as a JSON tree, a few times its size), so its size bounds
/// the memory a scan takes. Real SBOMs of large images are tens of MiB.
pub const MAX_DOCUMENT_BYTES: usize = 64 << 20;

/// The CycloneDX versions read: JSON exists from 1.2.
const CYCLONEDX_VERSIONS: &[&str] = &["1.2", "1.3", "1.4", "1.5", "1.6"];

/// The SPDX versions read.
const SPDX_VERSIONS: &[&str] = &["SPDX-2.2", "SPDX-2.3"];

/// The components of the file named `file_name` (its last part decides
/// whether it is a version file), whose text is `text`.
///
/// # Errors
/// [`ReadError`] for text that is neither a version file by its name nor a
/// CycloneDX or SPDX JSON document scan reads.
///
/// # Examples
/// ```
/// use lts_policy::stack::{DocumentKind, read_file};
/// let sbom = r#"{"bomFormat": "CycloneDX", "specVersion": "1.4", "components": [
///     {"name": "express", "version": "4.17.1", "purl": "pkg:npm/express@4.17.1",
///      "components": [{"name": "qs", "version": "6.7.0"}]}]}"#;
/// let found = read_file("bom.json", sbom).unwrap();
/// assert_eq!(found.kind, DocumentKind::CycloneDx("1.4".into()));
/// assert_eq!(found.components[1].pointer.as_deref(), Some("/components/0/components/0"));
/// assert!(read_file("bom.json", "{}").is_err());
/// ```
pub fn read_file(file_name: &str, text: &str) -> Result<Found, ReadError> {
    let text = without_byte_order_mark(text);
    if let Some(found) = version_files::read(file_name, text) {
        return found;
    }
    let document: Value = serde_json::from_str(text).map_err(ReadError::NotJson)?;
    if document.get("bomFormat").and_then(Value::as_str) == Some("CycloneDX") {
        let version = checked_version(&document, "specVersion", "CycloneDX", CYCLONEDX_VERSIONS)?;
        let mut components = Vec::new();
        cyclonedx_components(&document, "", &mut components)?;
        return Ok(Found {
            kind: DocumentKind::CycloneDx(version),
            components,
            document,
        });
    }
    if document.get("spdxVersion").is_some() {
        let version = checked_version(&document, "spdxVersion", "SPDX", SPDX_VERSIONS)?;
        return Ok(Found {
            kind: DocumentKind::Spdx(version),
            components: spdx_packages(&document)?,
            document,
        });
    }
    Err(ReadError::NotAnSbom)
}

/// The document's version field, one of `known`.
fn checked_version(
    document: &Value,
    field: &str,
    format: &'static str,
    known: &[&str],
) -> Result<String, ReadError> {
    let version = match document.get(field) {
        Some(Value::String(text)) => text.as_str(),
        None => "",
        // `1.4` written as a number is no version string: said so, not
        // taken for an empty one.
        Some(_) => {
            return Err(ReadError::WrongShape {
                pointer: format!("/{field}"),
                expected: "a string",
            });
        }
    };
    if known.contains(&version) {
        Ok(version.to_owned())
    } else {
        Err(ReadError::UnreadVersion {
            format,
            version: version.to_owned(),
            expected: if format == "SPDX" {
                "SPDX-2.2, SPDX-2.3"
            } else {
                "1.2 to 1.6"
            },
        })
    }
}

/// The array at `field` of `node`, if there is one.
fn array_at<'v>(node: &'v Value, field: &str, at: &str) -> Result<&'v [Value], ReadError> {
    match node.get(field) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(ReadError::WrongShape {
            pointer: format!("{at}/{field}"),
            expected: "an array",
        }),
    }
}

/// A string field of `node`, if it is one.
fn text_at(node: &Value, field: &str) -> Option<String> {
    node.get(field).and_then(Value::as_str).map(str::to_owned)
}

/// A component's version: the one the document gives, else its purl's
/// (`{"purl": "pkg:npm/grunt@1.2.1"}` is grunt 1.2.1); empty without
/// either.
fn version_or_purls(version: Option<String>, purl: &Option<String>) -> String {
    version
        .filter(|version| !version.trim().is_empty())
        .or_else(|| purl_version(purl.as_deref()?))
        .unwrap_or_default()
}

/// The components under `node` (the document, or a component at `at`),
/// each followed by those nested in it, depth first. Nesting is as deep as
/// the document: serde_json refuses one past 128 levels.
fn cyclonedx_components(
    node: &Value,
    at: &str,
    found: &mut Vec<Component>,
) -> Result<(), ReadError> {
    for (index, component) in array_at(node, "components", at)?.iter().enumerate() {
        let pointer = format!("{at}/components/{index}");
        if !component.is_object() {
            return Err(ReadError::WrongShape {
                pointer,
                expected: "a component object",
            });
        }
        let purl = text_at(component, "purl");
        found.push(Component {
            name: text_at(component, "name").unwrap_or_default(),
            version: version_or_purls(text_at(component, "version"), &purl),
            purl,
            cpe: text_at(component, "cpe"),
            reference: text_at(component, "bom-ref"),
            pointer: Some(pointer.clone()),
            ..Component::default()
        });
        cyclonedx_components(component, &pointer, found)?;
    }
    Ok(())
}

/// SPDX's packages: a purl from a package-manager reference, a CPE from a
/// security one (`cpe23Type` or `cpe22Type`).
fn spdx_packages(document: &Value) -> Result<Vec<Component>, ReadError> {
    let packages = array_at(document, "packages", "")?;
    packages
        .iter()
        .enumerate()
        .map(|(index, package)| {
            let at = format!("/packages/{index}");
            let references = array_at(package, "externalRefs", &at)?;
            let locator = |types: &[&str]| {
                references.iter().find_map(|reference| {
                    let kind = reference.get("referenceType").and_then(Value::as_str)?;
                    types
                        .contains(&kind)
                        .then(|| text_at(reference, "referenceLocator"))?
                })
            };
            let purl = locator(&["purl"]);
            Ok(Component {
                name: text_at(package, "name").unwrap_or_default(),
                version: version_or_purls(text_at(package, "versionInfo"), &purl),
                purl,
                cpe: locator(&["cpe23Type", "cpe22Type"]),
                reference: text_at(package, "SPDXID"),
                pointer: Some(at),
                ..Component::default()
            })
        })
        .collect()
}
