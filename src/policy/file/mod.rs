//! The policy file format (JSON), read into a [`Policy`] and written back.
//!
//! The format is declared once ([`format`]). A file whose every value has
//! its type is read straight into the declarations, borrowing its strings;
//! any other file is read again, as it is parsed (`collect`), so that
//! every problem of its shape is reported with its JSON path, in the
//! file's order. The declarations are then checked for their meaning by
//! one set of validators (`rules`, `terms`, `history`), whichever
//! way they were read, and the facts merged from elsewhere are checked by
//! the same history checker. Problems are handed on as they are found;
//! those of shape come first.

mod changes;
mod collect;
mod entries;
mod fields;
mod flat;
mod format;
mod forms;
pub(crate) mod found;
pub(crate) mod history;
pub(crate) mod history_problem;
mod line_rules;
pub(crate) mod numbers;
pub(crate) mod problem;
pub(crate) mod problems;
pub(crate) mod rule_problem;
pub(crate) mod rules;
mod support;
mod tags;
mod terms;
pub(crate) mod write;

pub use found::{Expected, Found, Unit};
pub use history_problem::HistoryProblem;
pub use problem::Problem;
pub use rule_problem::RuleProblem;

use std::fmt;

use serde::Deserialize;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::fit::Draft;
use collect::Collect;
use entries::Entries;
use format::PolicyFile;

use history::History;

use problems::{Path, Problems};
use rules::{Checked, Reading};

impl Policy {
    /// Reads and validates a policy file.
    ///
    /// # Errors
    /// The first problem found: [`PolicyError::NotJson`] for text that is not
    /// JSON (with line and column), else [`PolicyError::InvalidPolicy`]
    /// naming the JSON path of the bad value.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::Policy;
    /// let err = Policy::from_json(r#"{"name": "x"}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "branch_template: missing");
    /// ```
    pub fn from_json(json: &str) -> Result<Self, PolicyError> {
        let mut first = None;
        let mut report = |problem| {
            first.get_or_insert(problem);
        };
        let policy = check_policy(json, Problems::first(&mut report));
        read_or_first_problem(policy, first)
    }

    /// Like [`Policy::from_json`], but reports every problem found.
    ///
    /// # Errors
    /// Every problem: those of shape first, then those of value; never empty.
    pub fn check_json(json: &str) -> Result<Self, Vec<PolicyError>> {
        let mut problems = Vec::new();
        match Self::check_json_with(json, &mut |problem| problems.push(problem)) {
            Some(policy) if problems.is_empty() => Ok(policy),
            _ => Err(problems),
        }
    }

    /// Reads a policy file, handing each problem to `report` as it is found
    /// (those of shape first, then those of value), so that a file with a
    /// million problems is checked without holding them. A leading UTF-8
    /// byte-order mark is allowed.
    ///
    /// Returns the policy when the file has no problem.
    pub fn check_json_with(json: &str, report: &mut dyn FnMut(PolicyError)) -> Option<Self> {
        check_policy(json, Problems::new(report))
    }
}

impl Draft {
    /// Reads a draft: a policy file that may leave out any rule, its
    /// branch template and its history, each checked as a policy file's is.
    /// `changes` are refused, as the rules a fit completes are a policy's
    /// own.
    ///
    /// # Errors
    /// As [`Policy::from_json`]: the first problem found.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::fit::Draft;
    /// let draft = Draft::from_json(r#"{"name": "x", "support": {"months": 12}}"#).unwrap();
    /// assert!(draft.history().is_empty());
    /// assert!(Draft::from_json(r#"{"name": "x", "support": {"months": "12"}}"#).is_err());
    /// ```
    pub fn from_json(json: &str) -> Result<Self, PolicyError> {
        let mut first = None;
        let mut report = |problem| {
            first.get_or_insert(problem);
        };
        let mut problems = Problems::first(&mut report);
        let read = check(json, Reading::Draft, &mut problems);
        let found = problems.found;
        let draft = read.filter(|_| !found).and_then(|read| {
            Some(Draft::new(
                read.checked.draft?,
                read.history.into_releases(),
            ))
        });
        read_or_first_problem(draft, first)
    }
}

/// What was read, when no problem was found; else the first problem.
fn read_or_first_problem<T>(read: Option<T>, first: Option<PolicyError>) -> Result<T, PolicyError> {
    match (read, first) {
        (Some(read), None) => Ok(read),
        (_, Some(problem)) => Err(problem),
        // What could not be read always has a problem.
        (None, None) => Err(PolicyError::InvalidPolicy {
            path: "policy".to_owned(),
            problem: Box::new(Problem::Missing),
        }),
    }
}

/// A file once read: its rules checked, its history's entries, and
/// whether it gives a history.
struct Read {
    checked: Checked,
    history: History,
    history_given: bool,
}

/// `text` without the byte order mark an editor on Windows writes first:
/// no part of the text, in any file the library reads.
pub(crate) fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads a file as `reading` says, handing its problems to `problems`.
fn check(json: &str, reading: Reading, problems: &mut Problems) -> Option<Read> {
    let json = without_byte_order_mark(json);
    match serde_json::from_str::<PolicyFile>(json) {
        Ok(file) => Some(check_typed(&file, reading, problems)),
        Err(_) => check_pieces(json, reading, problems),
    }
}

/// Reads a policy file, handing its problems to `problems`.
fn check_policy(json: &str, mut problems: Problems) -> Option<Policy> {
    let read = check(json, Reading::Policy, &mut problems)?;
    build(read, &mut problems)
}

/// A file read whole into the declarations: its required fields, its
/// rules, then its history entry by entry.
fn check_typed(file: &PolicyFile, reading: Reading, problems: &mut Problems) -> Read {
    rules::require(file, reading, problems);
    let entries = file.history.as_deref().unwrap_or_default();
    let history_path = Path::Root.field("history");
    for (at, entry) in entries.iter().enumerate() {
        History::require(entry, &history_path.item(at), problems);
    }
    let checked = rules::rules(file, reading, problems);
    let mut history = history_of(&checked);
    if file.history.is_some() {
        for entry in entries {
            history.entry(entry, problems);
        }
    }
    Read {
        checked,
        history,
        history_given: file.history.is_some(),
    }
}

fn history_of(checked: &Checked) -> History {
    History::new(
        checked.lines,
        checked.line_prefix.clone(),
        checked.has_lts,
        checked.history_as_of,
    )
}

/// The policy, when no problem was found; a history that is given must
/// have a line.
fn build(read: Read, problems: &mut Problems) -> Option<Policy> {
    if !read.history_given {
        return None;
    }
    let releases = read.history.finish(problems);
    read.checked
        .rules
        .filter(|_| !problems.found)
        .map(|rules| Policy::new(rules, releases))
}

/// A file with a problem, read as it is parsed: first for its shape, in
/// the file's order, then for the meaning of its rules, then its history
/// again, entry by entry, for the meaning of each.
fn check_pieces(json: &str, reading: Reading, problems: &mut Problems) -> Option<Read> {
    // The syntax, and numbers no float holds (2e2222222), which a value's
    // raw text would pass.
    let raw = match serde_json::from_str::<Syntax>(json)
        .and_then(|_| serde_json::from_str::<&RawValue>(json))
    {
        Ok(raw) => raw,
        Err(err) => {
            problems.error(PolicyError::NotJson(err));
            return None;
        }
    };
    if !raw.get().starts_with('{') {
        let problem = Problem::WrongType {
            expected: Expected::Object,
            found: collect::found(raw),
        };
        problems.wrong(&Path::Root, problem);
        return None;
    }
    let mut history_given = false;
    let mut shape = Entries::Shape(&mut history_given);
    let mut file =
        PolicyFile::deserialize(Collect::top(raw, problems, &mut shape)).unwrap_or_default();
    if history_given {
        file.history.get_or_insert_with(Vec::new);
    }
    rules::require(&file, reading, problems);
    let checked = rules::rules(&file, reading, problems);
    let mut history = history_of(&checked);
    if history_given {
        problems.telling = false;
        let mut check = Entries::Check(&mut history);
        let _ = PolicyFile::deserialize(Collect::top(raw, problems, &mut check));
        problems.telling = true;
    }
    Some(Read {
        checked,
        history,
        history_given,
    })
}

/// Any JSON value, parsed whole and kept in nothing.
struct Syntax;

impl<'de> Deserialize<'de> for Syntax {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Syntax)
    }
}

impl<'de> Visitor<'de> for Syntax {
    type Value = Syntax;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Syntax, E> {
        Ok(Syntax)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Syntax, E> {
        Ok(Syntax)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Syntax, E> {
        Ok(Syntax)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Syntax, E> {
        Ok(Syntax)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Syntax, E> {
        Ok(Syntax)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Syntax, E> {
        Ok(Syntax)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Syntax, A::Error> {
        while seq.next_element::<Syntax>()?.is_some() {}
        Ok(Syntax)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Syntax, A::Error> {
        while map.next_entry::<IgnoredAny, Syntax>()?.is_some() {}
        Ok(Syntax)
    }
}
