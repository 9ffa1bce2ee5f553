//! What can be wrong with facts from a repository's tags or an
//! endoflife.date answer, each naming the tags or cycles that say it.

use std::error::Error;
use std::fmt;

use chrono::NaiveDate;

use crate::policy::file::problem::Problem;
use crate::policy::lines::line::LineKind;
use crate::policy::lines::numbers::Version;
use crate::policy::quote::{Excerpt, Quoted};

/// Where a fact comes from, to name it in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Origin {
    /// What says it.
    pub by: Witness,
    /// The day it gives.
    pub date: NaiveDate,
}

/// What says a fact: a tag, or an endoflife.date cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Witness {
    /// A tag, by name.
    Tag(String),
    /// A cycle's release, by the cycle's name.
    Cycle(String),
    /// A cycle's `latest`, by the cycle's name.
    CycleLatest(String),
    /// A dated version of a list of them (endoflife.date's release-data).
    Version(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.by {
            Witness::Tag(name) => write!(f, "{} ({})", Excerpt(name), self.date),
            Witness::Cycle(name) => write!(f, "cycle {} ({})", Excerpt(name), self.date),
            Witness::CycleLatest(name) => {
                write!(f, "cycle {}'s latest ({})", Excerpt(name), self.date)
            }
            Witness::Version(name) => write!(f, "version {} ({})", Excerpt(name), self.date),
        }
    }
}

/// A tag's date that no policy can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TagDate {
    /// Seconds since 1970-01-01 that no date can hold.
    Seconds(i64),
    /// A day past the four-digit years a policy file writes.
    Day(NaiveDate),
}

/// Why facts cannot be merged into a history.
#[derive(Debug)]
#[non_exhaustive]
pub enum FactsProblem {
    /// No tag is a release.
    NoReleaseTag {
        /// The policy's `tag_prefix`, if any.
        prefix: Option<String>,
    },
    /// One version tagged on two days.
    VersionOnTwoDays {
        /// The version.
        version: Version,
        /// One tag of it.
        first: Origin,
        /// Another, dated otherwise.
        second: Origin,
    },
    /// A release tag dated where no policy's date can be.
    TagDateOutOfRange {
        /// The tag.
        tag: String,
        /// Its date.
        date: TagDate,
    },
    /// A line `git for-each-ref` printed that is not of the format asked for.
    Listing {
        /// The line, as printed.
        line: String,
    },
    /// An endoflife.date answer that is empty.
    EmptyAnswer,
    /// An endoflife.date answer that is an HTML page: what a web server
    /// sends for a wrong address, and `curl` without `--fail` passes on.
    HtmlAnswer,
    /// An endoflife.date answer that lists no cycle to read: none at all,
    /// or only the projected ones an export marks.
    NoCycles {
        /// How many projected cycles it lists.
        projected: usize,
    },
    /// An endoflife.date answer of another shape: serde_json's error, with
    /// the line and column.
    AnswerShape(serde_json::Error),
    /// A cycle without a name that is a line.
    CycleName {
        /// The cycle's place in the answer, from 0.
        at: usize,
        /// What its name is, in words or as JSON.
        found: String,
    },
    /// A cycle whose name is not a line of the policy's kind.
    CycleNotALine {
        /// The cycle's name.
        cycle: String,
        /// How the policy numbers its lines.
        kind: LineKind,
    },
    /// A cycle's field whose value is not a date where a date is needed.
    CycleField {
        /// The cycle.
        cycle: String,
        /// The field, as the answer names it.
        field: &'static str,
        /// The value, as JSON.
        found: String,
    },
    /// A cycle's end whose last day is 9999-12-31: the day after it, the
    /// end as lts-policy writes it, is past the years dates are written in.
    CycleEndPastLastDay {
        /// The cycle.
        cycle: String,
        /// The field, as the answer names it.
        field: &'static str,
    },
    /// A cycle without a release date.
    CycleWithoutRelease {
        /// The cycle.
        cycle: String,
    },
    /// A v1 answer whose `generated_at` is no date.
    GeneratedAt {
        /// The value, as JSON.
        found: String,
    },
    /// One cycle given twice, saying different things.
    CycleTwice {
        /// The cycle.
        cycle: String,
    },
    /// The merged history breaks a rule of histories: the problem and its
    /// JSON path, as a file with that history would have them.
    MergedHistory {
        /// The JSON path of the value in the merged history.
        path: String,
        /// What is wrong with it.
        problem: Problem,
    },
}

/// No tag named as a release is, after `prefix`.
fn no_release_tag(f: &mut fmt::Formatter<'_>, prefix: Option<&str>) -> fmt::Result {
    let prefix = prefix.map(Excerpt).map(|prefix| prefix.to_string());
    let prefix = prefix.as_deref().unwrap_or("");
    write!(
        f,
        "no tag is a release: looked for tags named {prefix}MAJOR.MINOR.PATCH or \
         {prefix}vMAJOR.MINOR.PATCH"
    )
}

/// `tag` dated `date`, past the days a policy writes.
fn tag_date_out_of_range(f: &mut fmt::Formatter<'_>, tag: &str, date: &TagDate) -> fmt::Result {
    match date {
        TagDate::Seconds(seconds) => write!(
            f,
            "tag {} is dated {seconds} seconds after 1970-01-01, beyond any date",
            Excerpt(tag)
        ),
        TagDate::Day(day) => write!(
            f,
            "tag {} is dated {day}, outside the years 0000 to 9999 that a policy's dates are \
             written in",
            Excerpt(tag)
        ),
    }
}

/// The end `field` of `cycle` is the last day a date can be written.
fn end_past_last_day(f: &mut fmt::Formatter<'_>, cycle: &str, field: &str) -> fmt::Result {
    write!(
        f,
        "endoflife.date answer: cycle {}: {field} is 9999-12-31, the last day a date \
         can be written: the end it makes, the day after, cannot be (say false for no \
         end yet)",
        Quoted(cycle)
    )
}

/// What lines of `kind` look like, for a message.
fn lines_written(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Minor => "MAJOR.MINOR",
        LineKind::Major => "MAJOR",
        LineKind::Dotted => "one to four numbers separated by dots",
    }
}

/// What an HTML page where an endoflife.date answer goes means, and what
/// to check.
const HTML_ANSWER: &str = "the endoflife.date answer is an HTML page, not JSON: check the \
     product's name in the address (https://endoflife.date/api/PRODUCT.json; `lts-policy \
     products` lists those it knows), and give curl --fail so that an error page fails there";

impl fmt::Display for FactsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoReleaseTag { prefix } => no_release_tag(f, prefix.as_deref()),
            Self::VersionOnTwoDays {
                version,
                first,
                second,
            } => write!(
                f,
                "tags {first} and {second} date version {version} differently"
            ),
            Self::TagDateOutOfRange { tag, date } => tag_date_out_of_range(f, tag, date),
            Self::Listing { line } => write!(
                f,
                "git for-each-ref printed {}, which is not a tag in the format asked for",
                Quoted(line)
            ),
            Self::EmptyAnswer => f.write_str(
                "the endoflife.date answer is empty; expected a list of cycles, or {\"result\": \
                 {\"releases\": [...]}}",
            ),
            Self::HtmlAnswer => f.write_str(HTML_ANSWER),
            Self::NoCycles { projected: 0 } => {
                f.write_str("the endoflife.date answer lists no release cycle")
            }
            Self::NoCycles { projected } => write!(
                f,
                "the endoflife.date answer lists no recorded release cycle: its {projected} \
                 marked \"projected\" are no facts"
            ),
            Self::AnswerShape(err) => write!(f, "endoflife.date answer: {err}"),
            Self::CycleName { at, found } => write!(
                f,
                "endoflife.date answer: cycle #{at} has no name that is a line: expected a \
                 string such as \"1.3\" (or a whole number), got {found}"
            ),
            Self::CycleNotALine { cycle, kind } => {
                let lines = lines_written(*kind);
                write!(
                    f,
                    "endoflife.date answer: cycle {} is not a line of this policy, whose lines \
                     are {lines}",
                    Quoted(cycle)
                )
            }
            Self::CycleField {
                cycle,
                field,
                found,
            } => write!(
                f,
                "endoflife.date answer: cycle {}: {field} is not a date YYYY-MM-DD: {}",
                Quoted(cycle),
                Excerpt(found)
            ),
            Self::CycleEndPastLastDay { cycle, field } => end_past_last_day(f, cycle, field),
            Self::CycleWithoutRelease { cycle } => write!(
                f,
                "endoflife.date answer: cycle {}: no releaseDate",
                Quoted(cycle)
            ),
            Self::GeneratedAt { found } => write!(
                f,
                "endoflife.date answer: generated_at is not a date YYYY-MM-DD...: {}",
                Excerpt(found)
            ),
            Self::CycleTwice { cycle } => write!(
                f,
                "endoflife.date answer: cycle {} is given twice, saying different things; an \
                 answer lists each cycle once",
                Quoted(cycle)
            ),
            Self::MergedHistory { path, problem } => write!(
                f,
                "the history the facts make is not valid: {}: {problem}",
                Excerpt(path)
            ),
        }
    }
}

impl Error for FactsProblem {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::MergedHistory { problem, .. } => problem.source(),
            _ => None,
        }
    }
}
