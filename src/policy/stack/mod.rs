//! A stack's components and the support of each: the components an SBOM
//! (CycloneDX 1.2-1.6 or SPDX 2.2/2.3, JSON) or a version file (`.nvmrc`,
//! a Dockerfile, `go.mod`, ...) lists, matched to the products the program
//! carries by package URL, CPE name or the product a version file names,
//! and each matched component's [`Status`](crate::answers::Status) on a day.
//!
//! Reading takes text and a file name and never touches a file: the
//! program reads the file (within its size limit) and hands the text in.
//!
//! ```
//! use lts_policy::parse_date;
//! use lts_policy::stack::{Matcher, Outcome, read_file};
//! let found = read_file(".nvmrc", "v20.11.1\n").unwrap();
//! let mut matcher = Matcher::new();
//! let on = parse_date("2025-06-01").unwrap();
//! let Outcome::Known(verdict) = matcher.verdict(&found.components[0], on).unwrap() else {
//!     panic!("Node.js is a product the program carries");
//! };
//! assert_eq!((verdict.product.name, verdict.status.line.to_string()), ("nodejs", "20".into()));
//! ```

mod component;
mod document;
mod error;
mod matcher;
mod suppression;
mod version_files;

pub use component::{Component, DocumentKind, Found};
pub use document::{MAX_DOCUMENT_BYTES, read_file};
pub use error::ReadError;
pub use matcher::{Matcher, Outcome, Verdict};
pub use suppression::Suppression;
