//! What can be wrong with a history: its lines' order, their dates against
//! one another and against `history_as_of`, their patches.

use std::fmt;

use chrono::NaiveDate;

use crate::policy::lines::line::Line;
use crate::policy::lines::numbers::Version;
use crate::policy::quote::Quoted;

/// What is wrong with a history.
#[derive(Debug)]
#[non_exhaustive]
pub enum HistoryProblem {
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

impl fmt::Display for HistoryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyHistory => f.write_str("expected at least one released line"),
            Self::ListedTwice(line) => write!(f, "{line} is listed twice"),
            Self::LineOrder { line, previous } => write!(
                f,
                "{line} comes after {previous}; list lines in the order of their numbers"
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
            Self::NotAPatchOf { line, found } => not_a_patch_of(f, line, found),
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

/// `found`, listed as a patch of `line`, is none.
fn not_a_patch_of(f: &mut fmt::Formatter<'_>, line: &Line, found: &Version) -> fmt::Result {
    match line.numbers() {
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
    }
}
