//! The version numbers users type: `1.3`, `1.3.0`, `1.3.7`, `v1.3.7`.

use std::fmt;

use semver::Version;

use super::error::{PolicyError, VersionProblem};
use super::model::Line;

/// A version as a user writes it: `1.3`, `1.3.0`, `1.3.7`, with or without a
/// leading `v`. The patch is absent when only the line was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct VersionInput {
    /// The line the version belongs to.
    pub line: Line,
    /// The patch number, when one was given.
    pub patch: Option<u64>,
}

impl VersionInput {
    /// A version of `line`, with or without a patch number.
    #[must_use]
    pub fn new(line: Line, patch: Option<u64>) -> Self {
        Self { line, patch }
    }

    /// Parses `MAJOR.MINOR` or `MAJOR.MINOR.PATCH`, with an optional leading `v`.
    ///
    /// # Errors
    /// [`PolicyError::InvalidVersion`]; semver's own error, where it has one
    /// (a leading zero, a number past `u64::MAX`, a stray character), is its
    /// source.
    ///
    /// # Examples
    /// ```
    /// use std::error::Error;
    /// use lts_policy::policy::VersionInput;
    /// let v = VersionInput::parse("v1.3.7").unwrap();
    /// assert_eq!((v.line.to_string(), v.patch), ("1.3".to_owned(), Some(7)));
    /// assert_eq!(VersionInput::parse("1.3").unwrap().patch, None);
    /// let err = VersionInput::parse("1.99999999999999999999").unwrap_err();
    /// assert_eq!(err.to_string(), "invalid version \"1.99999999999999999999\"");
    /// assert_eq!(
    ///     err.source().unwrap().to_string(),
    ///     "value of minor version number exceeds u64::MAX",
    /// );
    /// ```
    pub fn parse(input: &str) -> Result<Self, PolicyError> {
        let invalid = |problem| PolicyError::InvalidVersion {
            input: input.to_owned(),
            problem,
        };
        let bare = input.strip_prefix('v').unwrap_or(input);
        if bare.contains(['-', '+']) {
            return Err(invalid(VersionProblem::Suffix));
        }
        let has_patch = match bare.bytes().filter(|&b| b == b'.').count() {
            1 => false,
            2 => true,
            _ => return Err(invalid(VersionProblem::Shape)),
        };
        let full = if has_patch {
            Version::parse(bare)
        } else {
            Version::parse(&format!("{bare}.0"))
        };
        let version = full.map_err(|err| invalid(VersionProblem::Semver(err)))?;
        Ok(Self {
            line: Line::of(&version),
            patch: has_patch.then_some(version.patch),
        })
    }
}

impl fmt::Display for VersionInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.patch {
            Some(patch) => write!(f, "{}.{patch}", self.line),
            None => write!(f, "{}", self.line),
        }
    }
}

/// Parses a history line, which must be exactly `MAJOR.MINOR`.
pub(crate) fn parse_history_line(input: &str) -> Result<Line, PolicyError> {
    match VersionInput::parse(input)? {
        VersionInput { line, patch: None } if !input.starts_with('v') => Ok(line),
        _ => Err(PolicyError::InvalidVersion {
            input: input.to_owned(),
            problem: VersionProblem::NotALine,
        }),
    }
}

/// Parses a recorded patch's version, any semver; the file reader checks
/// that it belongs to its line.
pub(crate) fn parse_patch_version(input: &str) -> Result<Version, PolicyError> {
    Version::parse(input).map_err(|err| PolicyError::InvalidVersion {
        input: input.to_owned(),
        problem: VersionProblem::Semver(err),
    })
}
