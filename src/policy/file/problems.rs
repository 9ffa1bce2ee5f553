//! Where the problems of a policy file go as they are found: every problem
//! is handed on at once, with its JSON path, instead of stopping at the
//! first or holding them all.

use super::problem::Problem;
use crate::policy::error::PolicyError;

/// The receiver of a file's problems, and whether there was any.
pub(super) struct Problems<'r> {
    report: &'r mut dyn FnMut(PolicyError),
    pub(super) found: bool,
}

impl<'r> Problems<'r> {
    pub(super) fn new(report: &'r mut dyn FnMut(PolicyError)) -> Self {
        Self {
            report,
            found: false,
        }
    }

    /// Hands on an error that is not about one value (text that is not JSON).
    pub(super) fn error(&mut self, error: PolicyError) {
        self.found = true;
        (self.report)(error);
    }

    pub(super) fn add(&mut self, path: impl Into<String>, problem: Problem) {
        self.error(PolicyError::InvalidPolicy {
            path: path.into(),
            problem,
        });
    }

    /// Keeps the value, or hands on why it was rejected; the path is only
    /// spelled out for a problem.
    pub(super) fn check<T, E: Into<Problem>>(
        &mut self,
        path: impl FnOnce() -> String,
        value: Result<T, E>,
    ) -> Option<T> {
        value.map_err(|err| self.add(path(), err.into())).ok()
    }
}

/// The JSON path of `key` inside the value at `path`.
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}
