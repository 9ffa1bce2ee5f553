//! Why a document could not be read as a stack's components.

use std::error::Error;
use std::fmt;

use crate::policy::quote::Quoted;

/// Why a document could not be read as a stack's components. Each says
/// what was expected; the program adds the file's name.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadError {
    /// Not JSON, and no version file by its name: serde_json's error says
    /// where.
    NotJson(serde_json::Error),
    /// JSON, but neither CycloneDX nor SPDX.
    NotAnSbom,
    /// A CycloneDX or SPDX document of a version scan does not read.
    UnreadVersion {
        /// `CycloneDX` or `SPDX`.
        format: &'static str,
        /// The version it gives.
        version: String,
        /// The versions read.
        expected: &'static str,
    },
    /// A version file's line that does not say what it should.
    BadLine {
        /// The line, from 1.
        line: usize,
        /// What it says.
        said: String,
        /// What it should be.
        expected: &'static str,
    },
    /// A field of the wrong shape, at a JSON pointer.
    WrongShape {
        /// Where, as a JSON pointer.
        pointer: String,
        /// What it should be.
        expected: &'static str,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const EXPECTED: &str = "expected a CycloneDX 1.2-1.6 or SPDX 2.2/2.3 JSON document, or a \
                                version file (.nvmrc, .node-version, .python-version, \
                                .tool-versions, Dockerfile, os-release, go.mod, \
                                rust-toolchain.toml)";
        match self {
            Self::NotJson(_) => write!(f, "not JSON; {EXPECTED}"),
            Self::NotAnSbom => write!(
                f,
                "JSON with neither \"bomFormat\": \"CycloneDX\" nor \"spdxVersion\"; {EXPECTED}"
            ),
            Self::UnreadVersion {
                format,
                version,
                expected,
            } => write!(
                f,
                "{format} version {} is not one scan reads ({expected})",
                Quoted(version)
            ),
            Self::BadLine {
                line,
                said,
                expected,
            } => write!(f, "line {line}: {} is not {expected}", Quoted(said)),
            Self::WrongShape { pointer, expected } => {
                write!(f, "{pointer} is not {expected}")
            }
        }
    }
}

impl Error for ReadError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::NotJson(err) => Some(err),
            _ => None,
        }
    }
}
