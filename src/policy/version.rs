//! Release lines (`MAJOR.MINOR`) and the version numbers users type.

use std::fmt;

use semver::Version;

use super::error::PolicyError;

/// A release line, `MAJOR.MINOR`. Ordered by major, then minor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Line {
    pub major: u64,
    pub minor: u64,
}

impl Line {
    /// The `.0` release that opens the line.
    #[must_use]
    pub fn first_version(self) -> Version {
        self.version(0)
    }

    /// The version `MAJOR.MINOR.patch` of this line.
    #[must_use]
    pub fn version(self, patch: u64) -> Version {
        Version::new(self.major, self.minor, patch)
    }

    /// The line a version belongs to.
    #[must_use]
    pub fn of(version: &Version) -> Self {
        Self {
            major: version.major,
            minor: version.minor,
        }
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// A version as a user writes it: `1.3`, `1.3.0`, `1.3.7`, with or without a
/// leading `v`. The patch is absent when only the line was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionInput {
    pub line: Line,
    pub patch: Option<u64>,
}

impl VersionInput {
    /// Parses `MAJOR.MINOR` or `MAJOR.MINOR.PATCH`, with an optional leading `v`.
    ///
    /// # Errors
    /// [`PolicyError::InvalidVersion`], carrying semver's reason where it has
    /// one (a leading zero, a number past `u64::MAX`, a stray character).
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::VersionInput;
    /// let v = VersionInput::parse("v1.3.7").unwrap();
    /// assert_eq!((v.line.to_string(), v.patch), ("1.3".to_owned(), Some(7)));
    /// assert_eq!(VersionInput::parse("1.3").unwrap().patch, None);
    /// assert_eq!(
    ///     VersionInput::parse("1.99999999999999999999").unwrap_err().to_string(),
    ///     "invalid version \"1.99999999999999999999\": \
    ///      value of minor version number exceeds u64::MAX",
    /// );
    /// ```
    pub fn parse(input: &str) -> Result<Self, PolicyError> {
        let invalid = |reason: String| PolicyError::InvalidVersion {
            input: input.to_owned(),
            reason,
        };
        let expected =
            || invalid("expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or v1.3.7".to_owned());
        let bare = input.strip_prefix('v').unwrap_or(input);
        if bare.contains(['-', '+']) {
            return Err(invalid(
                "pre-release and build suffixes are not part of a release line; \
                 expected MAJOR.MINOR or MAJOR.MINOR.PATCH"
                    .to_owned(),
            ));
        }
        let has_patch = match bare.bytes().filter(|&b| b == b'.').count() {
            1 => false,
            2 => true,
            _ => return Err(expected()),
        };
        let full = if has_patch {
            Version::parse(bare)
        } else {
            Version::parse(&format!("{bare}.0"))
        };
        let version = full.map_err(|err| invalid(err.to_string()))?;
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
            reason: "a history line is MAJOR.MINOR, like 1.3".to_owned(),
        }),
    }
}
