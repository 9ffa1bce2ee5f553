//! The versions users type (`1.3`, `v1.3.7`, `24.04.1`, `22`), and lines
//! read as a history or a source of facts writes them.

use std::error::Error;
use std::fmt;
use std::sync::Arc;

use super::line::{Line, LineKind};
use super::numbers::{NumbersError, Version};
use crate::policy::quote::{Quoted, is_hidden};
use crate::policy::rules::template::branch_name_rule_broken;

/// A version as a user writes it: `1.3`, `1.3.0`, `1.3.7`, `24.04.1`, `22`
/// (a line that is a whole major), with or without a leading `v`; or the
/// name of a line known by name only (a device, an edition), as the
/// policy's history writes it ([`crate::Policy::read_version`]). Which
/// line numbers name depends on how the policy numbers its lines
/// ([`VersionInput::line`], [`crate::Policy::line_of_version`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VersionInput {
    /// Numbers, without the `v`.
    Numbers(Version),
    /// The name of a line known by name only.
    Name(String),
}

impl VersionInput {
    /// The version `major[.minor[.patch]]`.
    #[must_use]
    pub fn new(major: u64, minor: Option<u64>, patch: Option<u64>) -> Self {
        let patch = minor.and(patch);
        let len = 1 + u8::from(minor.is_some()) + u8::from(patch.is_some());
        let numbers = [major, minor.unwrap_or(0), patch.unwrap_or(0)];
        Self::Numbers(Version::first(numbers, len))
    }

    /// Parses one to eight numbers separated by dots (`22`, `1.3`, `1.3.7`,
    /// `24.04.1`), with an optional leading `v`.
    ///
    /// # Errors
    /// [`VersionError`]; for numbers that are not digits or too large, the
    /// [`NumbersError`] is its source.
    ///
    /// # Examples
    /// ```
    /// use std::error::Error;
    /// use lts_policy::{Line, LineKind, VersionInput};
    /// let v = VersionInput::parse("v1.3.7").unwrap();
    /// assert_eq!(v.line(LineKind::Minor).unwrap(), Line::new(1, 3));
    /// assert_eq!(v.line(LineKind::Major).unwrap(), Line::whole_major(1));
    /// assert_eq!(VersionInput::parse("1.3").unwrap().patch(), None);
    /// // A major alone is a version; it names a line only where lines are majors.
    /// let node = VersionInput::parse("22").unwrap();
    /// assert_eq!(node.line(LineKind::Major).unwrap().to_string(), "22");
    /// assert!(node.line(LineKind::Minor).is_err());
    /// // Leading zeros are kept, as Ubuntu writes its lines.
    /// let noble = VersionInput::parse("24.04.1").unwrap();
    /// assert_eq!(noble.line(LineKind::Minor).unwrap().to_string(), "24.04");
    /// let err = VersionInput::parse("1.99999999999999999999").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid version \"1.99999999999999999999\" (expected MAJOR.MINOR or \
    ///      MAJOR.MINOR.PATCH, like 1.3 or v1.3.7)",
    /// );
    /// assert_eq!(
    ///     err.source().unwrap().to_string(),
    ///     "the second number is past 18446744073709551615",
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
        match Version::parse_numbers(bare) {
            Ok(version) => Ok(Self::Numbers(version)),
            Err(NumbersError::TooMany) => Err(invalid(VersionProblem::Shape)),
            Err(err) => Err(invalid(VersionProblem::Numbers(err))),
        }
    }

    /// Its numbers; `None` for a name.
    #[must_use]
    pub fn numbers(&self) -> Option<&Version> {
        match self {
            Self::Numbers(version) => Some(version),
            Self::Name(_) => None,
        }
    }

    /// The major number, for numbers.
    #[must_use]
    pub fn major(&self) -> Option<u64> {
        self.numbers()?.number(0)
    }

    /// The minor number, when one was given.
    #[must_use]
    pub fn minor(&self) -> Option<u64> {
        self.numbers()?.number(1)
    }

    /// The patch number, when one was given.
    #[must_use]
    pub fn patch(&self) -> Option<u64> {
        self.numbers()?.number(2)
    }

    /// The line of `kind` the version belongs to, for lines numbered by a
    /// fixed count of numbers: `MAJOR.MINOR` or `MAJOR`. (Dotted lines and
    /// named ones are the policy's to find: [`crate::Policy::line_of_version`].)
    ///
    /// # Errors
    /// [`VersionError`] for a major alone where lines are `MAJOR.MINOR`,
    /// for dotted lines, and for a name.
    pub fn line(&self, kind: LineKind) -> Result<Line, VersionError> {
        let error = |problem| VersionError {
            input: self.to_string(),
            problem,
        };
        let Self::Numbers(version) = self else {
            return Err(error(VersionProblem::NeedsPolicy));
        };
        let depth = match kind {
            LineKind::Minor => 2,
            LineKind::Major => 1,
            LineKind::Dotted => return Err(error(VersionProblem::NeedsPolicy)),
        };
        version
            .truncated(depth)
            .and_then(Line::numbered)
            .ok_or_else(|| error(VersionProblem::NoMinor))
    }
}

impl Version {
    /// The full version it names of `line`, of a policy whose lines are
    /// `kind`, when it names more than the line: padded as the line's `.0`
    /// is where lines are minors or majors (`22.11` is `22.11.0`), as
    /// written where they are dotted, whose records write versions at any
    /// depth (Jenkins's weekly `2.578`).
    #[must_use]
    pub fn exact(&self, line: &Line, kind: LineKind) -> Option<Version> {
        let len = match kind {
            LineKind::Dotted => self.len(),
            LineKind::Minor | LineKind::Major => line.opening(kind)?.len(),
        };
        (self.len() > line.depth()).then(|| self.padded(len))
    }
}

impl std::str::FromStr for VersionInput {
    type Err = VersionError;

    /// As [`VersionInput::parse`].
    fn from_str(input: &str) -> Result<Self, VersionError> {
        Self::parse(input)
    }
}

impl fmt::Display for VersionInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Numbers(version) => version.fmt(f),
            Self::Name(name) => f.write_str(name),
        }
    }
}

/// Reads a line as a history or a source of facts writes it: numbers
/// of `kind`'s depth, after `prefix` where the policy has one; or a
/// name, when the text is no numbers at all (`fold`, `13.0-sp3`).
///
/// # Errors
/// [`VersionError`] for numbers of another kind, a `v` before them,
/// numbers that are not a version's, or a name with a space or a
/// control character.
pub(crate) fn read_line(
    text: &str,
    kind: LineKind,
    prefix: Option<&Arc<str>>,
) -> Result<Line, VersionError> {
    let error = |problem| VersionError {
        input: text.to_owned(),
        problem,
    };
    let bare = prefix
        .and_then(|prefix| text.strip_prefix(&**prefix))
        .unwrap_or(text);
    let numeric =
        |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if numeric(bare) {
        let numbers =
            Version::parse_numbers(bare).map_err(|err| error(VersionProblem::Recorded(err)))?;
        if !kind.fits(numbers.len()) {
            return Err(error(VersionProblem::NotALine(kind)));
        }
        return Ok(Line::numbered(numbers)
            .ok_or_else(|| error(VersionProblem::NotALine(kind)))?
            .with_prefix(prefix));
    }
    if bare.strip_prefix('v').is_some_and(numeric) {
        return Err(error(VersionProblem::NotALine(kind)));
    }
    // A name is also a branch's (`backport-targets --branch`) and a word
    // for a shell: one git accepts, with nothing hidden in it.
    if text.is_empty() || text.chars().any(is_hidden) || branch_name_rule_broken(text).is_some() {
        return Err(error(VersionProblem::NotAName));
    }
    Ok(Line::named(text))
}

impl std::str::FromStr for Line {
    type Err = VersionError;

    /// A line as a history writes it, of any kind: `1.3`, `22`, `2.401`,
    /// `1.4.8.0`, or the name of a line known by name only.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::Line;
    /// assert_eq!("1.3".parse::<Line>().unwrap(), Line::new(1, 3));
    /// assert_eq!("22".parse::<Line>().unwrap(), Line::whole_major(22));
    /// assert_eq!("24.04".parse::<Line>().unwrap().to_string(), "24.04");
    /// assert_eq!("fold".parse::<Line>().unwrap(), Line::named("fold"));
    /// // A version's spelling is not a line's.
    /// assert!("v1.3".parse::<Line>().is_err());
    /// assert!("1.2.3.4.5".parse::<Line>().is_err());
    /// ```
    fn from_str(input: &str) -> Result<Self, VersionError> {
        read_line(input, LineKind::Dotted, None)
    }
}

/// Reads a numbered line, as a change's `from` names one: as
/// [`read_line`], with a name refused.
pub(crate) fn read_numbered_line(
    text: &str,
    kind: LineKind,
    prefix: Option<&Arc<str>>,
) -> Result<Line, VersionError> {
    let line = read_line(text, kind, prefix)?;
    match line.numbers() {
        Some(_) => Ok(line),
        None => Err(VersionError {
            input: text.to_owned(),
            problem: VersionProblem::NotALine(kind),
        }),
    }
}

/// Reads a version a history or a source of facts records (a patch's).
pub(crate) fn read_version(text: &str) -> Result<Version, VersionError> {
    Version::parse_numbers(text).map_err(|problem| VersionError {
        input: text.to_owned(),
        problem: VersionProblem::Recorded(problem),
    })
}

/// A version or line that is not dotted numbers, or not a line of the
/// policy's kind.
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
            // The numbers' error says what is wrong, as the source; typed
            // input is told the forms it may take.
            VersionProblem::Recorded(_) => write!(f, "invalid version {}", Quoted(&self.input)),
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
            VersionProblem::Recorded(err) | VersionProblem::Numbers(err) => Some(err),
            _ => None,
        }
    }
}

/// What is wrong with a version or line.
#[derive(Debug)]
#[non_exhaustive]
pub enum VersionProblem {
    /// Nothing, or more than eight numbers.
    Shape,
    /// Text before the version, as a tag's name has (`release-` of
    /// `release-1.0.5`).
    Prefix(String),
    /// A pre-release or build suffix.
    Suffix,
    /// A wildcard (`1.x`, `1.*`) in place of a number.
    Wildcard,
    /// A history line given with a `v`, or of another kind than the
    /// policy's lines.
    NotALine(LineKind),
    /// A version without the minor number a policy of minor lines needs.
    NoMinor,
    /// A version whose line only the policy can find: its lines are
    /// dotted, or it names a line known by name only.
    NeedsPolicy,
    /// Numbers that are not digits or too large, in a version typed as
    /// input, said with the forms accepted.
    Numbers(NumbersError),
    /// Numbers that are not digits or too large, in a version or line a
    /// history or a source of facts records; the error's source.
    Recorded(NumbersError),
    /// A line that is no numbers, and no name either: empty, or with a
    /// space or a control character.
    NotAName,
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
            Self::NotALine(LineKind::Dotted) => f.write_str(
                "a history line is one to four numbers separated by dots, like 2.401, where \
                 lines are dotted",
            ),
            Self::NoMinor => f.write_str("the policy's lines are MAJOR.MINOR, like 1.3"),
            Self::NeedsPolicy => f.write_str(
                "the policy's own lines say which line it is of, where lines are dotted or \
                 known by name",
            ),
            Self::NotAName => f.write_str(
                "a line is numbers (1.3), or the name of a line known by name only (fold), \
                 without spaces or invisible characters, that git takes for a branch",
            ),
            Self::Numbers(err) | Self::Recorded(err) => err.fmt(f),
        }
    }
}
