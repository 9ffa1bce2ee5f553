//! Why the model could not answer: [`PolicyError`]. The typed problems it
//! carries, each naming the value that was wrong, belong to the module of
//! what they are about: [`DateError`] to [`dates`](crate::dates),
//! [`VersionError`] to [`lines`](crate::lines), [`TemplateError`] to
//! [`rules`](crate::rules), [`Problem`] to [`file`](crate::file) and
//! [`FactsProblem`] to [`facts`](crate::facts).
//! Every variant carries the value that was wrong, typed, so that a message can name it and a program can
//! match on it; an error of another crate (serde_json's) is kept whole.
//!
//! Messages leave out the text of a foreign cause, which [`Error::source`]
//! returns instead: printed with its chain (`{:#}` in anyhow), an error reads
//! `invalid version "é.1": unexpected character 'é' in the first number`.
//!
//! ```
//! use lts_policy::Policy;
//! use lts_policy::error::PolicyError;
//! use lts_policy::file::Problem;
//! let err = Policy::from_json(r#"{"name": "x"}"#).unwrap_err();
//! let PolicyError::InvalidPolicy { path, problem } = &err else { panic!() };
//! assert_eq!((path.as_str(), matches!(**problem, Problem::Missing)), ("branch_template", true));
//! ```

use std::error::Error;
use std::fmt;

use crate::policy::lines::numbers::Version;
use chrono::NaiveDate;

use crate::policy::calendar::range::RangeEnd;
use crate::policy::dates::DateError;
use crate::policy::facts::problem::FactsProblem;
use crate::policy::file::problem::Problem;
use crate::policy::lines::line::Line;
use crate::policy::lines::version::VersionError;
use crate::policy::quote::{Excerpt, Named, Quoted};
use crate::policy::rules::template::TemplateError;

/// Why the model could not answer.
#[derive(Debug)]
#[non_exhaustive]
pub enum PolicyError {
    /// A date that is not `YYYY-MM-DD` or names a day that does not exist.
    InvalidDate(DateError),
    /// A version or line that is not `MAJOR.MINOR[.PATCH]`.
    InvalidVersion(VersionError),
    /// A tag that is neither `latest`, `latest-lts` nor a line.
    InvalidTag {
        /// The text as given.
        input: String,
    },
    /// A well-formed line that the policy never releases.
    UnknownLine {
        /// The line asked about.
        line: Line,
        /// The policy's name.
        policy: String,
        /// The lines around it.
        hint: LineHint,
    },
    /// A name that no policy the program carries goes by.
    UnknownProduct {
        /// The name asked for.
        name: String,
        /// The names nearest it, nearest first.
        similar: Vec<String>,
    },
    /// An answer that would need a date past what can be represented.
    OutOfRange {
        /// What could not be dated.
        what: Beyond,
    },
    /// A version number past `u64::MAX`.
    NumberOverflow {
        /// The line or version whose successor has no number.
        after: Numbered,
    },
    /// A date range whose start is after its end.
    EmptyRange {
        /// The start of the range.
        from: RangeEnd,
        /// The end of the range.
        to: RangeEnd,
    },
    /// A branch template with an unknown or unbalanced placeholder.
    InvalidTemplate(TemplateError),
    /// A policy file that is not JSON. Its message is serde_json's, with the
    /// line and column; the error itself is kept whole here.
    NotJson(serde_json::Error),
    /// Facts from a repository's tags or an endoflife.date answer that
    /// contradict themselves or the policy, naming what says so.
    Facts(Box<FactsProblem>),
    /// A policy file whose value at `path` is missing, of the wrong type or
    /// makes no sense.
    InvalidPolicy {
        /// The JSON path of the value, such as `history[2].line`.
        path: String,
        /// What is wrong with it (boxed: an error is rare, and every answer's
        /// `Result` is as large as its largest error).
        problem: Box<Problem>,
    },
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidDate(err) => err.fmt(f),
            Self::InvalidVersion(err) => err.fmt(f),
            Self::InvalidTag { input } => write!(
                f,
                "invalid tag {}: expected latest, latest-lts or a line such as 1.3",
                Quoted(input)
            ),
            Self::UnknownProduct { name, similar } => {
                write!(f, "no product named {}", Named(name))?;
                match similar.as_slice() {
                    [] => f.write_str("; `lts-policy products` lists the policies it carries"),
                    [one] => write!(f, "; a similar name exists: {}", Named(one)),
                    names => {
                        f.write_str("; similar names exist: ")?;
                        for (at, name) in names.iter().enumerate() {
                            let comma = if at == 0 { "" } else { ", " };
                            write!(f, "{comma}{}", Named(name))?;
                        }
                        Ok(())
                    }
                }
            }
            Self::UnknownLine { line, policy, hint } => {
                write!(f, "line {line} is not in the {policy} policy: {hint}")
            }
            Self::OutOfRange { what } => write!(
                f,
                "{what} is beyond the dates this tool can compute (the last is {})",
                NaiveDate::MAX
            ),
            Self::NumberOverflow { after } => {
                let what = match after {
                    Numbered::Line(_) => "line",
                    Numbered::Patch(_) => "patch",
                };
                write!(
                    f,
                    "the {what} after {after} would need a number past {}",
                    u64::MAX
                )
            }
            Self::EmptyRange { from, to } => {
                write!(f, "the range starts on {from}, after its end on {to}")
            }
            Self::InvalidTemplate(err) => err.fmt(f),
            Self::NotJson(err) => err.fmt(f),
            Self::Facts(problem) => problem.fmt(f),
            Self::InvalidPolicy { path, problem } => write!(f, "{}: {problem}", Excerpt(path)),
        }
    }
}

impl From<FactsProblem> for PolicyError {
    fn from(problem: FactsProblem) -> Self {
        Self::Facts(Box::new(problem))
    }
}

impl From<DateError> for PolicyError {
    fn from(err: DateError) -> Self {
        Self::InvalidDate(err)
    }
}

impl From<VersionError> for PolicyError {
    fn from(err: VersionError) -> Self {
        Self::InvalidVersion(err)
    }
}

impl From<TemplateError> for PolicyError {
    fn from(err: TemplateError) -> Self {
        Self::InvalidTemplate(err)
    }
}

impl Error for PolicyError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::InvalidVersion(err) => err.source(),
            Self::NotJson(err) => err.source(),
            Self::InvalidPolicy { problem, .. } => problem.source(),
            Self::Facts(problem) => problem.source(),
            _ => None,
        }
    }
}

/// Where a line that is not in a policy would have been.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineHint {
    /// Older than the first line.
    BeforeFirst(Line),
    /// Between two known lines.
    Between {
        /// The known line before it.
        before: Line,
        /// The known line that came next.
        next: Line,
    },
    /// A major the rules never project.
    NewMajor {
        /// The newest known line.
        newest: Line,
    },
    /// Between two lines the rules project (or the highest known line and
    /// the first projected one).
    Projected {
        /// The line before it.
        before: Line,
        /// The line the rules project after `before`.
        next: Line,
    },
    /// Numbers the rules never name a line with: of another depth than
    /// the lines they project, or past a history of lines known by name
    /// only.
    NotProjected,
    /// A name that is none of the history's lines known by name only.
    NotNamed,
}

impl fmt::Display for LineHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BeforeFirst(first) => write!(f, "its first line is {first}"),
            Self::Between { before, next } => write!(f, "after {before} came {next}"),
            Self::NewMajor { newest } => match (newest.plus_last(1), newest.plus_last(2)) {
                (Some(next), Some(after)) => write!(
                    f,
                    "majors are never projected; after {newest} come {next}, {after} and so on"
                ),
                _ => write!(f, "majors are never projected after {newest}"),
            },
            Self::Projected { before, next } => {
                write!(f, "the rules project {next} after {before}")
            }
            Self::NotProjected => f.write_str("the rules project no line numbered so"),
            Self::NotNamed => f.write_str("no line of its history is known by that name"),
        }
    }
}

/// A date the model could not compute.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Beyond {
    /// The rules' release date of a line.
    ProjectedRelease(Line),
    /// A number of months after a date.
    MonthsAfter {
        /// How many months.
        months: u64,
        /// The date they are counted from.
        date: NaiveDate,
    },
    /// A number of months before a date.
    MonthsBefore {
        /// How many months.
        months: u64,
        /// The date they are counted back from.
        date: NaiveDate,
    },
    /// The line that is the latest on a date.
    LatestLineOn(NaiveDate),
    /// The LTS line after the last one that can be numbered.
    LtsAfterLastLine,
    /// The end of a line's LTS support.
    LtsEnd(Line),
    /// The newest patch of a line.
    NewestPatch(Line),
    /// The patch days of a line.
    PatchDays(Line),
    /// The day the line after this one is due.
    DueAfter(Line),
    /// The day after this one.
    DayAfter(NaiveDate),
}

impl fmt::Display for Beyond {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ProjectedRelease(line) => write!(f, "the projected release of {line}"),
            Self::MonthsAfter { months, date } => write!(f, "{months} months after {date}"),
            Self::MonthsBefore { months, date } => write!(f, "{months} months before {date}"),
            Self::LatestLineOn(date) => write!(f, "the latest line on {date}"),
            Self::LtsAfterLastLine => f.write_str("the LTS line after the last representable line"),
            Self::LtsEnd(line) => write!(f, "the end of {line}'s LTS support"),
            Self::NewestPatch(line) => write!(f, "the newest patch of {line}"),
            Self::PatchDays(line) => write!(f, "the patch days of {line}"),
            Self::DueAfter(line) => write!(f, "the due date of the line after {line}"),
            Self::DayAfter(date) => write!(f, "the day after {date}"),
        }
    }
}

/// A line or version whose successor has no number.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Numbered {
    /// The line after this one.
    Line(Line),
    /// The patch after this version.
    Patch(Version),
}

impl fmt::Display for Numbered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Line(line) => line.fmt(f),
            Self::Patch(version) => version.fmt(f),
        }
    }
}
