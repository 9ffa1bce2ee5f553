//! Where the problems of a policy file go as they are found: each is
//! handed on at once with its JSON path, instead of stopping at the first
//! or holding them all. A path is spelled out only for a problem: a valid
//! file allocates none.

use std::collections::BTreeSet;
use std::fmt;

use super::problem::Problem;
use crate::policy::error::PolicyError;

/// The JSON path of a value, built as the reader goes down and spelled
/// out only when needed: `history[2].patches[0].version`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The file itself.
    Root,
    /// A field of an object.
    Field(&'a Path<'a>, &'a str),
    /// An item of an array.
    Item(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The field `key` of the value at this path.
    pub(crate) fn field<'k>(&'k self, key: &'k str) -> Path<'k> {
        Path::Field(self, key)
    }

    /// The item `at` of the array at this path.
    pub(crate) fn item(&self, at: usize) -> Path<'_> {
        Path::Item(self, at)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The file itself is called `policy` in a message.
            Self::Root => f.write_str("policy"),
            Self::Field(Self::Root, key) => f.write_str(key),
            Self::Field(parent, key) => write!(f, "{parent}.{key}"),
            Self::Item(parent, at) => write!(f, "{parent}[{at}]"),
        }
    }
}

/// What an optional field of a file holds.
pub(crate) enum Given<'v, T> {
    /// Nothing: the field is absent (or null).
    Absent,
    /// A value of the wrong type, reported already.
    Invalid,
    /// A value of its type, to check.
    Value(&'v T),
}

/// The receiver of a file's problems, and what the reader learned of the
/// values of the wrong type.
pub(crate) struct Problems<'r> {
    report: &'r mut dyn FnMut(PolicyError),
    /// Whether any problem was handed on.
    pub(crate) found: bool,
    /// The paths of values of the wrong type or shape: present, so not
    /// missing, but without a value the validators may use; those of the
    /// rules, and those of the history entry being read.
    invalid: BTreeSet<String>,
    invalid_in_entry: BTreeSet<String>,
    /// Whether only the first problem is wanted: the readers then stop.
    first_only: bool,
    /// Whether problems of shape are handed on, or only noted (the second
    /// reading of the history, whose shape was reported by the first).
    pub(crate) telling: bool,
}

impl<'r> Problems<'r> {
    pub(crate) fn new(report: &'r mut dyn FnMut(PolicyError)) -> Self {
        Self {
            report,
            found: false,
            invalid: BTreeSet::new(),
            invalid_in_entry: BTreeSet::new(),
            first_only: false,
            telling: true,
        }
    }

    /// A receiver of the first problem alone.
    pub(crate) fn first(report: &'r mut dyn FnMut(PolicyError)) -> Self {
        Self {
            first_only: true,
            ..Self::new(report)
        }
    }

    /// Whether the readers may stop: the one problem wanted is found.
    pub(crate) fn done(&self) -> bool {
        self.first_only && self.found
    }

    /// Hands on an error that is not about one value (text that is not JSON).
    pub(crate) fn error(&mut self, error: PolicyError) {
        self.found = true;
        (self.report)(error);
    }

    /// Hands on a problem of the value at `path`.
    pub(crate) fn add(&mut self, path: &Path, problem: impl Into<Problem>) {
        self.error(PolicyError::InvalidPolicy {
            path: path.to_string(),
            problem: Box::new(problem.into()),
        });
    }

    /// A problem of shape: the value at `path` is noted as invalid, and the
    /// problem handed on unless this reading only notes them.
    pub(crate) fn wrong(&mut self, path: &Path, problem: Problem) {
        let spelled = path.to_string();
        if self.telling {
            self.error(PolicyError::InvalidPolicy {
                path: spelled.clone(),
                problem: Box::new(problem),
            });
        } else {
            self.found = true;
        }
        if spelled.starts_with("history[") {
            self.invalid_in_entry.insert(spelled);
        } else {
            self.invalid.insert(spelled);
        }
    }

    /// Forgets what was noted of the history entry read last.
    pub(crate) fn next_entry(&mut self) {
        self.invalid_in_entry.clear();
    }

    /// Whether the value at `path` was of the wrong type or shape.
    pub(crate) fn is_invalid(&self, path: &Path) -> bool {
        if self.invalid.is_empty() && self.invalid_in_entry.is_empty() {
            return false;
        }
        let spelled = path.to_string();
        self.invalid.contains(&spelled) || self.invalid_in_entry.contains(&spelled)
    }

    /// What a field at `path` holds: nothing, a value of the wrong type
    /// (reported already), or a value to check.
    pub(crate) fn given<'v, T>(&self, value: &'v Option<T>, path: &Path) -> Given<'v, T> {
        match value {
            None => Given::Absent,
            Some(_) if self.is_invalid(path) => Given::Invalid,
            Some(value) => Given::Value(value),
        }
    }

    /// The value of a field at `path`, unless it is absent or invalid.
    pub(crate) fn value<'v, T>(&self, value: &'v Option<T>, path: &Path) -> Option<&'v T> {
        match self.given(value, path) {
            Given::Value(value) => Some(value),
            Given::Absent | Given::Invalid => None,
        }
    }

    /// The value of a field a rule needs, unless it is invalid; reported
    /// missing when absent.
    pub(crate) fn required<'v, T>(&mut self, value: &'v Option<T>, path: &Path) -> Option<&'v T> {
        match self.given(value, path) {
            Given::Value(value) => Some(value),
            Given::Invalid => None,
            Given::Absent => {
                self.add(path, Problem::Missing);
                None
            }
        }
    }

    /// A required field is absent: a problem of the file's shape.
    pub(crate) fn missing(&mut self, path: &Path) {
        self.wrong(path, Problem::Missing);
    }

    /// Keeps the value, or hands on why it was rejected.
    pub(crate) fn check<T, E: Into<Problem>>(
        &mut self,
        path: &Path,
        value: Result<T, E>,
    ) -> Option<T> {
        value.map_err(|err| self.add(path, err.into())).ok()
    }
}
