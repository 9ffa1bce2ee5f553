//! What can be wrong with one value of a policy file, as a message names
//! it after the value's JSON path.

use std::error::Error;
use std::fmt;

use chrono::NaiveDate;

use crate::policy::dates::DateError;
use crate::policy::lines::line::Line;
use crate::policy::lines::numbers::Version;
use crate::policy::quote::{Excerpt, Quoted};

use super::found::{Expected, Found, Unit};
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
    /// A support rule with neither a period (`months`, `weeks`, `days`)
    /// nor `until_next`.
    NoSupportTerm,
    /// A grace period (`grace_months`, ...) without `until_next`.
    GraceWithoutUntilNext,
    /// `from` in a support rule without a period to count.
    FromWithoutPeriod,
    /// `last_of_major` anywhere but in `support`.
    LastOfMajorNotHere,
    /// `last_of_major` in a policy whose lines are majors.
    LastOfMajorWithMajorLines,
    /// A change listed after one from a later (or the same) line.
    ChangeOrder {
        /// The line the change applies from.
        from: Line,
        /// The line of the change listed before it.
        previous: Line,
    },
    /// A change that names no rule field.
    EmptyChange,
    /// A history line dated LTS before its release.
    LtsBeforeRelease {
        /// The line.
        line: Line,
        /// The day it is said to become LTS.
        lts_from: NaiveDate,
        /// Its release.
        released: NaiveDate,
    },
    /// An announced end of active support on or before the line's release.
    ActiveNotAfterRelease {
        /// The line.
        line: Line,
        /// The end announced.
        active_until: NaiveDate,
        /// Its release.
        released: NaiveDate,
    },
    /// An announced end of active support after the line's eol.
    ActiveAfterEol {
        /// The line.
        line: Line,
        /// The end of active support announced.
        active_until: NaiveDate,
        /// The eol announced.
        eol: NaiveDate,
    },
    /// A `line_prefix` that is empty, holds blanks or control characters,
    /// or ends in a digit or a dot.
    LinePrefix,
    /// A `patches_as_of` after `history_as_of`.
    PatchesAfterHistory {
        /// The day the patch record is said to be complete up to.
        patches_as_of: NaiveDate,
        /// The day the history is said to be complete up to.
        history_as_of: NaiveDate,
    },
    /// A line known by name only that records no end of support: nothing
    /// else says when it ends.
    NamedWithoutEol {
        /// The line.
        line: Line,
    },
    /// A history line declared LTS in a policy without an `lts` rule.
    LtsWithoutRule,
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
                "{line} comes after {previous}; list lines in the order of their numbers"
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
            Self::NoSupportTerm => {
                f.write_str("expected a period (months, weeks or days), until_next or both")
            }
            Self::GraceWithoutUntilNext => {
                f.write_str("a grace period is added to until_next, which is missing")
            }
            Self::FromWithoutPeriod => f.write_str(
                "from says where a period (months, weeks or days) counts from; there is none",
            ),
            Self::LastOfMajorNotHere => f.write_str(
                "last_of_major is a term of the support rule alone (support.last_of_major)",
            ),
            Self::LastOfMajorWithMajorLines => {
                f.write_str("a policy whose lines are majors has no last minor of a major")
            }
            Self::ChangeOrder { from, previous } => write!(
                f,
                "a change from {from} comes after one from {previous}; list changes in line \
                 order, one per line"
            ),
            Self::EmptyChange => f.write_str(
                "a change names the rules it replaces: releases, patches, support, active, lts \
                 or new_major",
            ),
            Self::LtsBeforeRelease {
                line,
                lts_from,
                released,
            } => write!(
                f,
                "{line} becomes LTS on {lts_from}, before its release on {released}"
            ),
            Self::ActiveNotAfterRelease {
                line,
                active_until,
                released,
            } => write!(
                f,
                "{line}'s active_until {active_until} is not after its release on {released}"
            ),
            Self::ActiveAfterEol {
                line,
                active_until,
                eol,
            } => write!(
                f,
                "{line}'s active support cannot end after its eol: {active_until} is after {eol}"
            ),
            Self::LinePrefix => f.write_str(
                "expected the text every line's numbers follow, such as \"cos-\", without blanks \
                 or control characters, and not ending in a digit or a dot",
            ),
            Self::PatchesAfterHistory {
                patches_as_of,
                history_as_of,
            } => write!(
                f,
                "{patches_as_of} is after history_as_of, {history_as_of}: the patch record \
                 cannot be complete past the history"
            ),
            Self::NamedWithoutEol { line } => write!(
                f,
                "{} is known by name only, and no rule ends such a line: record its end of \
                 support (\"eol\": a date, or true or false, whether it has passed by \
                 history_as_of)",
                Quoted(&line.to_string())
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
            Self::TagReadsAsOther { same, lts_only } => {
                write!(
                    f,
                    "makes {} for {}, which `tag` reads as line {}'s own tag",
                    Quoted(&same.name),
                    Excerpt(&same.line),
                    Excerpt(&same.other)
                )?;
                if *lts_only {
                    f.write_str(" and a tag of LTS lines alone would hide")?;
                }
                f.write_str("; add a word, such as lts-")
            }
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
            Self::NotAPatchOf { line, found } => match line.numbers() {
                Some(numbers) => {
                    let example = numbers.then(1).unwrap_or(numbers);
                    write!(
                        f,
                        "expected a patch of {line} such as {example}, got {found}"
                    )
                }
                None => write!(
                    f,
                    "{line} is known by name only and has no patches; got {found}"
                ),
            },
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
