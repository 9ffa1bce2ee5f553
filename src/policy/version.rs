//! The version numbers users type: `1.3`, `1.3.0`, `1.3.7`, `v1.3.7`, `22`.

use std::error::Error;
use std::fmt;

use semver::Version;

use super::model::{Line, LineKind};
use super::quote::Quoted;

/// A version as a user writes it: `1.3`, `1.3.0`, `1.3.7`, or `22` (a line
/// that is a whole major), with or without a leading `v`. Which line it
/// names depends on how the policy numbers its lines
/// ([`VersionInput::line`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct VersionInput {
    /// The major number.
    pub major: u64,
    /// The minor number, when one was given.
    pub minor: Option<u64>,
    /// The patch number, when one was given.
    pub patch: Option<u64>,
}

impl VersionInput {
    /// The version `major[.minor[.patch]]`.
    #[must_use]
    pub fn new(major: u64, minor: Option<u64>, patch: Option<u64>) -> Self {
        Self {
            major,
            minor,
            patch: minor.and(patch),
        }
    }

    /// Parses `MAJOR`, `MAJOR.MINOR` or `MAJOR.MINOR.PATCH`, with an
    /// optional leading `v`.
    ///
    /// # Errors
    /// [`VersionError`]; semver's own error, where it has one
    /// (a leading zero, a number past `u64::MAX`, a stray character), is its
    /// source.
    ///
    /// # Examples
    /// ```
    /// use std::error::Error;
    /// use lts_policy::{Line, LineKind, VersionInput};
    /// let v = VersionInput::parse("v1.3.7").unwrap();
    /// assert_eq!(v.line(LineKind::Minor).unwrap(), Line::new(1, 3));
    /// assert_eq!(v.line(LineKind::Major).unwrap(), Line::whole_major(1));
    /// assert_eq!(VersionInput::parse("1.3").unwrap().patch, None);
    /// // A major alone names a line only where lines are majors.
    /// let node = VersionInput::parse("22").unwrap();
    /// assert_eq!(node.line(LineKind::Major).unwrap().to_string(), "22");
    /// assert!(node.line(LineKind::Minor).is_err());
    /// let err = VersionInput::parse("1.99999999999999999999").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid version \"1.99999999999999999999\" (expected MAJOR.MINOR or \
    ///      MAJOR.MINOR.PATCH, like 1.3 or v1.3.7)",
    /// );
    /// assert_eq!(
    ///     err.source().unwrap().to_string(),
    ///     "value of minor version number exceeds u64::MAX",
    /// );
    /// ```
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let invalid = |problem| VersionError {
            input: input.to_owned(),
            problem,
        };
        let bare = input.strip_prefix('v').unwrap_or(input);
        if bare.is_empty() {
            return Err(invalid(VersionProblem::Shape));
        }
        // A tag's name (`release-1.0.5`) rather than a version: text before
        // the first number, which is not a suffix's fault.
        if let Some(first_digit) = input.find(|c: char| c.is_ascii_digit())
            && !bare.starts_with(|c: char| c.is_ascii_digit())
            && input[..first_digit].ends_with(['-', '_', '/', '@'])
        {
            return Err(invalid(VersionProblem::Prefix(
                input[..first_digit].to_owned(),
            )));
        }
        if bare.contains(['-', '+']) {
            return Err(invalid(VersionProblem::Suffix));
        }
        if bare.split('.').any(|part| matches!(part, "x" | "X" | "*")) {
            return Err(invalid(VersionProblem::Wildcard));
        }
        let numbers = bare.bytes().filter(|&b| b == b'.').count();
        if numbers > 2 {
            return Err(invalid(VersionProblem::Shape));
        }
        if let Some(version) = plain_numbers(bare) {
            return Ok(version);
        }
        // Not plain numbers: semver says what is wrong.
        let full = match numbers {
            0 => Version::parse(&format!("{bare}.0.0")),
            1 => Version::parse(&format!("{bare}.0")),
            _ => Version::parse(bare),
        };
        let version = full.map_err(|err| invalid(VersionProblem::Numbers(err)))?;
        Ok(Self {
            major: version.major,
            minor: (numbers >= 1).then_some(version.minor),
            patch: (numbers == 2).then_some(version.patch),
        })
    }

    /// The line of `kind` the version belongs to.
    ///
    /// # Errors
    /// [`VersionError`] for a major alone where lines are
    /// `MAJOR.MINOR`.
    pub fn line(&self, kind: LineKind) -> Result<Line, VersionError> {
        match (kind, self.minor) {
            (LineKind::Major, _) => Ok(Line::whole_major(self.major)),
            (LineKind::Minor, Some(minor)) => Ok(Line::new(self.major, minor)),
            (LineKind::Minor, None) => Err(VersionError {
                input: self.to_string(),
                problem: VersionProblem::NoMinor,
            }),
        }
    }

    /// The full version it names, when it names more than its line: a
    /// patch of a minor line, a release of a major line.
    #[must_use]
    pub fn exact(&self, kind: LineKind) -> Option<Version> {
        let named = match kind {
            LineKind::Minor => self.patch.is_some(),
            LineKind::Major => self.minor.is_some(),
        };
        named.then(|| Version::new(self.major, self.minor.unwrap_or(0), self.patch.unwrap_or(0)))
    }
}

impl std::str::FromStr for VersionInput {
    type Err = VersionError;

    /// As [`VersionInput::parse`].
    fn from_str(input: &str) -> Result<Self, VersionError> {
        Self::parse(input)
    }
}

impl std::str::FromStr for Line {
    type Err = VersionError;

    /// A line as a history writes it: `1.3`, or `22` for a line that is a
    /// whole major.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::Line;
    /// assert_eq!("1.3".parse::<Line>().unwrap(), Line::new(1, 3));
    /// assert_eq!("22".parse::<Line>().unwrap(), Line::whole_major(22));
    /// assert!("1.3.7".parse::<Line>().is_err());
    /// ```
    fn from_str(input: &str) -> Result<Self, VersionError> {
        let kind = if input.contains('.') {
            LineKind::Minor
        } else {
            LineKind::Major
        };
        parse_history_line(input, kind)
    }
}

impl fmt::Display for VersionInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.major)?;
        if let Some(minor) = self.minor {
            write!(f, ".{minor}")?;
        }
        if let Some(patch) = self.patch {
            write!(f, ".{patch}")?;
        }
        Ok(())
    }
}

/// One to three dot-separated numbers as semver writes them (digits, no
/// leading zero, at most `u64::MAX`); `None` for anything else.
fn plain_numbers(text: &str) -> Option<VersionInput> {
    let mut numbers = text.split('.').map(|part| {
        let plain = !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_digit())
            && (part == "0" || !part.starts_with('0'));
        plain.then(|| part.parse::<u64>().ok()).flatten()
    });
    let major = numbers.next()??;
    let minor = numbers
        .next()
        .map(|minor| minor.ok_or(()))
        .transpose()
        .ok()?;
    let patch = numbers
        .next()
        .map(|patch| patch.ok_or(()))
        .transpose()
        .ok()?;
    Some(VersionInput {
        major,
        minor,
        patch,
    })
}

/// Parses a history line, which must be exactly `MAJOR.MINOR` (or `MAJOR`
/// where lines are majors).
pub(crate) fn parse_history_line(input: &str, kind: LineKind) -> Result<Line, VersionError> {
    // The forms a typed version takes (a patch, a `v`) are no history
    // line's: semver's words alone, for numbers it rejects.
    let version = VersionInput::parse(input).map_err(|err| match err.problem {
        VersionProblem::Numbers(semver) => VersionError {
            problem: VersionProblem::Semver(semver),
            ..err
        },
        _ => err,
    })?;
    let exact_shape = match kind {
        LineKind::Minor => version.minor.is_some() && version.patch.is_none(),
        LineKind::Major => version.minor.is_none(),
    };
    if exact_shape && !input.starts_with('v') {
        return version.line(kind);
    }
    Err(VersionError {
        input: input.to_owned(),
        problem: VersionProblem::NotALine(kind),
    })
}

/// Parses a recorded patch's version, any semver; the file reader checks
/// that it belongs to its line.
pub(crate) fn parse_patch_version(input: &str) -> Result<Version, VersionError> {
    Version::parse(input).map_err(|err| VersionError {
        input: input.to_owned(),
        problem: VersionProblem::Semver(err),
    })
}

/// A version or line that is not `MAJOR.MINOR[.PATCH]`, or not a line of
/// the policy's kind.
#[derive(Debug)]
#[non_exhaustive]
pub struct VersionError {
    /// The text as given.
    pub input: String,
    /// What is wrong with it.
    pub problem: VersionProblem,
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            // semver says what is wrong, as the source; typed input is told
            // the forms it may take.
            VersionProblem::Semver(_) => write!(f, "invalid version {}", Quoted(&self.input)),
            VersionProblem::Numbers(_) => write!(
                f,
                "invalid version {} (expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or \
                 v1.3.7)",
                Quoted(&self.input)
            ),
            problem => write!(f, "invalid version {}: {problem}", Quoted(&self.input)),
        }
    }
}

impl Error for VersionError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.problem {
            VersionProblem::Semver(err) | VersionProblem::Numbers(err) => Some(err),
            _ => None,
        }
    }
}

/// What is wrong with a version or line.
#[derive(Debug)]
#[non_exhaustive]
pub enum VersionProblem {
    /// Not one or two dots.
    Shape,
    /// Text before the version, as a tag's name has (`release-` of
    /// `release-1.0.5`).
    Prefix(String),
    /// A pre-release or build suffix.
    Suffix,
    /// A wildcard (`1.x`, `1.*`) in place of a number.
    Wildcard,
    /// A history line given with a patch number or a `v`, or of the
    /// other kind than the policy's lines.
    NotALine(LineKind),
    /// A version without the minor number a policy of minor lines needs.
    NoMinor,
    /// Numbers semver rejects in a version typed as input (a leading zero,
    /// past `u64::MAX`, a stray character), said with the forms accepted.
    Numbers(semver::Error),
    /// Numbers semver rejects (a leading zero, past `u64::MAX`, a stray
    /// character); the error's source.
    Semver(semver::Error),
}

impl fmt::Display for VersionProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Shape => {
                f.write_str("expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or v1.3.7")
            }
            Self::Prefix(prefix) => write!(
                f,
                "{} before the version is not part of it (a tag's prefix goes in the policy's \
                 tag_prefix); expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or v1.3.7",
                Quoted(prefix)
            ),
            Self::Wildcard => f.write_str(
                "a wildcard is no version: name the line, like 1.3, or a version of it, like \
                 1.3.7",
            ),
            Self::Suffix => f.write_str(
                "pre-release and build suffixes are not part of a release line; \
                 expected MAJOR.MINOR or MAJOR.MINOR.PATCH",
            ),
            Self::NotALine(LineKind::Minor) => {
                f.write_str("a history line is MAJOR.MINOR, like 1.3")
            }
            Self::NotALine(LineKind::Major) => {
                f.write_str("a history line is MAJOR, like 22, where lines are majors")
            }
            Self::NoMinor => f.write_str("the policy's lines are MAJOR.MINOR, like 1.3"),
            Self::Numbers(err) | Self::Semver(err) => err.fmt(f),
        }
    }
}
