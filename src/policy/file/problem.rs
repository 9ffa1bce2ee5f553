//! What can be wrong with one value of a policy file, as a message names
//! it after the value's JSON path.

use std::error::Error;
use std::fmt;

use chrono::NaiveDate;
use semver::Version;

use crate::policy::dates::DateError;
use crate::policy::model::Line;
use crate::policy::quote::Quoted;
use crate::policy::template::TemplateError;
use crate::policy::version::VersionError;

/// What is wrong with one value of a policy file.
#[derive(Debug)]
#[non_exhaustive]
pub enum Problem {
    /// A required field is absent.
    Missing,
    /// A field the format does not have.
    UnknownField {
        /// The fields that object may have.
        expected: &'static [&'static str],
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// What the field takes.
        expected: Expected,
        /// The value found.
        found: Found,
    },
    /// A field given twice in one object.
    GivenTwice,
    /// A date that does not parse.
    Date(DateError),
    /// A line or a version that does not parse, or is not of its kind.
    Version(VersionError),
    /// A branch template that does not parse.
    Template(TemplateError),
    /// A name that is empty or only blanks.
    EmptyName,
    /// A day of the week that is not one.
    Weekday {
        /// The text found.
        found: String,
    },
    /// A number outside what the field accepts.
    OutOfBounds {
        /// The number found.
        found: u64,
        /// The smallest accepted.
        min: u64,
        /// The largest accepted.
        max: u64,
        /// What it counts.
        unit: Unit,
    },
    /// A cadence that is not a whole number of another.
    NotAMultiple {
        /// The field it must be a multiple of.
        of: &'static str,
        /// That field's value.
        base: u64,
        /// The value found.
        found: u64,
    },
    /// A history without lines.
    EmptyHistory,
    /// A line listed twice.
    ListedTwice(Line),
    /// A line listed after a later one.
    LineOrder {
        /// The line.
        line: Line,
        /// The line listed before it.
        previous: Line,
    },
    /// A release date before the previous line's.
    DateOrder {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// The line listed before it.
        previous: Line,
        /// That line's release.
        previous_released: NaiveDate,
    },
    /// A field of the first (flat) form in a file that uses the general form.
    MixedForms {
        /// The first field of the general form the file has.
        general: &'static str,
    },
    /// A word that is not one the field takes.
    Keyword {
        /// The words it takes.
        expected: &'static [&'static str],
        /// The text found.
        found: String,
    },
    /// None, or more than one, of fields of which exactly one is needed.
    Choice {
        /// The fields to choose from.
        expected: &'static [&'static str],
        /// Those present.
        found: Vec<&'static str>,
    },
    /// `new_major` in a policy whose lines are majors.
    NewMajorWithMajorLines,
    /// An nth weekday or a day of the month with `every_weeks`.
    DayOfMonthWithWeeks,
    /// An empty `in_months`.
    NoMonths,
    /// A month of `in_months` not after the one before it.
    MonthOrder {
        /// The month.
        month: u32,
        /// The month listed before it.
        previous: u32,
    },
    /// An `on` that is no day rule.
    DayRule {
        /// The text found.
        found: String,
    },
    /// A support rule with neither `months` nor `until_next`.
    NoSupportTerm,
    /// `grace_months` without `until_next`.
    GraceWithoutUntilNext,
    /// `{minor}` in the branch template of a policy whose lines are majors.
    MinorInTemplate,
    /// A history line declared LTS in a policy without an `lts` rule.
    LtsWithoutRule,
    /// A `tag_prefix` that is empty or holds blanks or control characters.
    TagPrefix,
    /// A date in the history after `history_as_of`.
    AfterHistoryAsOf {
        /// The date recorded.
        date: NaiveDate,
        /// The day up to which the history is said to be complete.
        as_of: NaiveDate,
    },
    /// An announced eol on or before the line's release.
    EolNotAfterRelease {
        /// The line.
        line: Line,
        /// The eol announced.
        eol: NaiveDate,
        /// The line's release.
        released: NaiveDate,
    },
    /// A patch that is not of its line, or a `.0`, or a pre-release.
    NotAPatchOf {
        /// The line it is listed under.
        line: Line,
        /// The version found.
        found: Version,
    },
    /// A patch listed after a later one.
    PatchOrder {
        /// The patch.
        version: Version,
        /// The patch listed before it.
        previous: Version,
    },
    /// A patch dated before the previous release of its line.
    PatchDateOrder {
        /// The patch.
        version: Version,
        /// Its date.
        released: NaiveDate,
        /// The previous release of the line.
        floor: NaiveDate,
        /// The line.
        line: Line,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => f.write_str("missing"),
            Self::UnknownField { expected } => {
                write!(f, "unknown field; expected one of {}", expected.join(", "))
            }
            Self::WrongType { expected, found } => write!(f, "expected {expected}, got {found}"),
            Self::GivenTwice => f.write_str("given twice; an object names each field once"),
            Self::Date(err) => err.fmt(f),
            Self::Version(err) => err.fmt(f),
            Self::Template(err) => err.fmt(f),
            Self::EmptyName => f.write_str("expected a non-empty name"),
            Self::Weekday { found } => write!(
                f,
                "expected a day of the week such as Tuesday, got {}",
                Quoted(found)
            ),
            Self::OutOfBounds {
                found,
                min,
                max,
                unit,
            } => write!(f, "expected {min} to {max} {unit}, got {found}"),
            Self::NotAMultiple { of, base, found } => {
                write!(f, "expected a multiple of {of} ({base}), got {found}")
            }
            Self::EmptyHistory => f.write_str("expected at least one released line"),
            Self::ListedTwice(line) => write!(f, "{line} is listed twice"),
            Self::LineOrder { line, previous } => write!(
                f,
                "{line} comes after {previous}; list lines in release order"
            ),
            Self::DateOrder {
                line,
                released,
                previous,
                previous_released,
            } => write!(
                f,
                "{line} on {released} is before {previous} on {previous_released}; \
                 release dates cannot go back"
            ),
            Self::MixedForms { general } => write!(
                f,
                "a field of the first (flat) form, in a file that uses the general form \
                 ({general}); write the rules in one form"
            ),
            Self::Keyword { expected, found } => {
                let expected: Vec<String> =
                    expected.iter().map(|word| format!("{word:?}")).collect();
                write!(
                    f,
                    "expected {}, got {}",
                    expected.join(" or "),
                    Quoted(found)
                )
            }
            Self::Choice { expected, found } if found.is_empty() => {
                write!(f, "expected one of {}", expected.join(", "))
            }
            Self::Choice { expected, found } => write!(
                f,
                "{} cannot be combined; give one of {}",
                found.join(" and "),
                expected.join(", ")
            ),
            Self::NewMajorWithMajorLines => {
                f.write_str("a policy whose lines are majors starts a major with every line")
            }
            Self::DayOfMonthWithWeeks => {
                f.write_str("every_weeks takes a weekday, not an nth weekday or a day of the month")
            }
            Self::NoMonths => f.write_str("expected at least one month, 1 to 12"),
            Self::MonthOrder { month, previous } => write!(
                f,
                "{month} comes after {previous}; list months in increasing order"
            ),
            Self::DayRule { found } => write!(
                f,
                "expected a weekday (Tuesday), an nth weekday (3rd Thursday, last Friday) \
                 or a day of the month (1 to 31), got {}",
                Quoted(found)
            ),
            Self::NoSupportTerm => f.write_str("expected months, until_next or both"),
            Self::GraceWithoutUntilNext => {
                f.write_str("grace months are added to until_next, which is missing")
            }
            Self::MinorInTemplate => {
                f.write_str("a policy whose lines are majors has no {minor} to fill in")
            }
            Self::TagPrefix => f.write_str(
                "expected the text release tags start with, such as \"kestra-\", without \
                 blanks or control characters",
            ),
            Self::LtsWithoutRule => {
                f.write_str("a line declared LTS needs an lts section in the policy")
            }
            Self::AfterHistoryAsOf { date, as_of } => write!(
                f,
                "{date} is after history_as_of, {as_of}; the history is complete up to that \
                 day and records nothing later"
            ),
            Self::EolNotAfterRelease {
                line,
                eol,
                released,
            } => write!(
                f,
                "{line}'s eol {eol} is not after its release on {released}"
            ),
            Self::NotAPatchOf { line, found } => {
                let first = line.first_version();
                let example = Version::new(first.major, first.minor, 1);
                write!(
                    f,
                    "expected a patch of {line} such as {example}, got {found}"
                )
            }
            Self::PatchOrder { version, previous } => {
                write!(f, "{version} comes after {previous}; list patches in order")
            }
            Self::PatchDateOrder {
                version,
                released,
                floor,
                line,
            } => write!(
                f,
                "{version} on {released} is before {floor}, the previous release of {line}"
            ),
        }
    }
}

impl Error for Problem {
    /// A value's own error is told in full by the problem; its foreign cause
    /// (semver's) comes next.
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::Version(err) => err.source(),
            _ => None,
        }
    }
}

impl From<DateError> for Problem {
    fn from(err: DateError) -> Self {
        Self::Date(err)
    }
}

impl From<VersionError> for Problem {
    fn from(err: VersionError) -> Self {
        Self::Version(err)
    }
}

impl From<TemplateError> for Problem {
    fn from(err: TemplateError) -> Self {
        Self::Template(err)
    }
}

/// What a field of a policy file takes, as the format declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A string.
    Text,
    /// A whole number from 0.
    WholeNumber,
    /// `true` or `false`.
    Flag,
    /// An array.
    Array,
    /// An object.
    Object,
    /// A string or a whole number (a day rule's `on`).
    TextOrWholeNumber,
    /// A string or an object (`patches`).
    TextOrObject,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Text => "a string",
            Self::WholeNumber => "a whole number",
            Self::Flag => "true or false",
            Self::Array => "an array",
            Self::Object => "an object",
            Self::TextOrWholeNumber => "a string or a whole number",
            Self::TextOrObject => "a string or an object",
        })
    }
}

/// A value found where another kind was expected: a scalar as it was
/// written, an array or an object by kind.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Found {
    /// A string.
    Text(String),
    /// A number, as JSON writes it.
    Number(serde_json::Number),
    /// `true` or `false`.
    Flag(bool),
    /// `null`.
    Null,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => write!(f, "{}", Quoted(text)),
            Self::Number(number) => write!(f, "{}", serde_json::Value::Number(number.clone())),
            Self::Flag(flag) => write!(f, "{flag}"),
            Self::Null => f.write_str("null"),
            Self::Array => f.write_str("an array"),
            Self::Object => f.write_str("an object"),
        }
    }
}

/// What a bounded number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unit {
    /// Months.
    Months,
    /// Weeks.
    Weeks,
    /// Lines.
    Lines,
    /// Minor lines of a major.
    Minors,
    /// A month of the year.
    MonthOfYear,
    /// A day of the month.
    DayOfMonth,
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Months => "months",
            Self::Weeks => "weeks",
            Self::Lines => "lines",
            Self::Minors => "minors",
            Self::MonthOfYear => "(a month)",
            Self::DayOfMonth => "(a day of the month)",
        })
    }
}
