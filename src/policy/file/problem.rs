//! What can be wrong with one value of a policy file, as a message names
//! it after the value's JSON path.

use std::error::Error;
use std::fmt;

use crate::policy::dates::DateError;
use crate::policy::quote::{Excerpt, Quoted};

use super::found::{Expected, Found, Unit};
use super::history_problem::HistoryProblem;
use super::rule_problem::RuleProblem;
use crate::policy::lines::version::VersionError;
use crate::policy::rules::template::{SameName, TemplateError};

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
    /// A `line_prefix` that is empty, holds blanks or control characters,
    /// or ends in a digit or a dot.
    LinePrefix,
    /// `changes` in a draft, whose own rules a fit completes.
    ChangesInDraft,
    /// An `lts_only` tag in a policy without LTS lines.
    LtsTagWithoutRule,
    /// A tag template that makes a name an earlier one makes.
    TagTwice {
        /// The earlier one's place in `tags`, from 0.
        first: usize,
        /// The name, for a line by this template and a line by the earlier.
        same: Box<SameName>,
    },
    /// A tag template that makes a name `tag` reads as a line's own tag:
    /// another line's, or, for a tag of LTS lines alone, any line's.
    TagReadsAsOther {
        /// The name, for a line, and the line whose own tag it reads as.
        same: Box<SameName>,
        /// Whether the template names LTS lines alone.
        lts_only: bool,
    },
    /// A `tag_prefix` that is empty or holds blanks or control characters.
    TagPrefix,
    /// A rule's terms that do not go together.
    Rule(RuleProblem),
    /// A history that contradicts itself or the rules.
    History(HistoryProblem),
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
            Self::MixedForms { general } => write!(
                f,
                "a field of the first (flat) form, in a file that uses the general form \
                 ({general}); write the rules in one form"
            ),
            Self::Keyword { expected, found } => keyword(f, expected, found),
            Self::Choice { expected, found } if found.is_empty() => {
                write!(f, "expected one of {}", expected.join(", "))
            }
            Self::Choice { expected, found } => write!(
                f,
                "{} cannot be combined; give one of {}",
                found.join(" and "),
                expected.join(", ")
            ),
            Self::LinePrefix => f.write_str(
                "expected the text every line's numbers follow, such as \"cos-\", without blanks \
                 or control characters, and not ending in a digit or a dot",
            ),
            Self::TagPrefix => f.write_str(
                "expected the text release tags start with, such as \"kestra-\", without \
                 blanks or control characters",
            ),
            Self::ChangesInDraft => f.write_str(
                "a draft's own rules are fitted to its whole history: leave changes out, and add \
                 them to the fitted policy",
            ),
            Self::LtsTagWithoutRule => {
                f.write_str("an lts_only tag needs an lts section in the policy")
            }
            Self::TagTwice { first, same } => write!(
                f,
                "makes {} for {}, as tags[{first}] does for {}",
                Quoted(&same.name),
                Excerpt(&same.line),
                Excerpt(&same.other)
            ),
            Self::TagReadsAsOther { same, lts_only } => reads_as_other(f, same, *lts_only),
            Self::Rule(problem) => problem.fmt(f),
            Self::History(problem) => problem.fmt(f),
        }
    }
}

/// `found` where one of the words `expected` is.
fn keyword(f: &mut fmt::Formatter<'_>, expected: &[&str], found: &str) -> fmt::Result {
    let expected: Vec<String> = expected.iter().map(|word| format!("{word:?}")).collect();
    write!(
        f,
        "expected {}, got {}",
        expected.join(" or "),
        Quoted(found)
    )
}

/// A tag template's name that `tag` reads as another line's own tag, or,
/// for a tag of LTS lines alone, any line's.
fn reads_as_other(f: &mut fmt::Formatter<'_>, same: &SameName, lts_only: bool) -> fmt::Result {
    write!(
        f,
        "makes {} for {}, which `tag` reads as line {}'s own tag",
        Quoted(&same.name),
        Excerpt(&same.line),
        Excerpt(&same.other)
    )?;
    if lts_only {
        f.write_str(" and a tag of LTS lines alone would hide")?;
    }
    f.write_str("; add a word, such as lts-")
}

impl Error for Problem {
    /// A value's own error is told in full by the problem; its cause (what
    /// is wrong with its numbers) comes next.
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

impl From<RuleProblem> for Problem {
    fn from(problem: RuleProblem) -> Self {
        Self::Rule(problem)
    }
}

impl From<HistoryProblem> for Problem {
    fn from(problem: HistoryProblem) -> Self {
        Self::History(problem)
    }
}
