//! The policy file format (JSON) and its validation into a [`Policy`].
//!
//! A file with every field of the right type is read straight into
//! borrowed fields ([`raw`]), then its values are checked ([`values`]). Any
//! other file is first parsed for its syntax alone, then walked for its
//! shape ([`shape`]: types, missing and unknown fields), then for the
//! meaning of its values, the history entry by entry. Every problem is
//! handed on with its JSON path as it is found; those of shape come first.

pub(crate) mod problem;
mod problems;
mod raw;
mod shape;
mod values;
mod write;

use serde::de::IgnoredAny;

use super::definition::Policy;
use super::error::PolicyError;
use problem::Problem;
use problems::Problems;
use raw::{POLICY, RawPolicy, entry_of, rules_of};
use shape::{Values, Walk};
use values::History;

pub use write::acts_on_a_terminal;

/// Kestra's policy, as announced with Kestra 1.0, and its real history.
const KESTRA_JSON: &str = include_str!("../../../examples/kestra.json");

impl Policy {
    /// The embedded default: Kestra's policy and history.
    ///
    /// # Errors
    /// None in practice: a test checks that the embedded file is valid.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::Policy;
    /// let kestra = Policy::kestra().unwrap();
    /// assert_eq!(kestra.name(), "kestra");
    /// assert_eq!(kestra.first_release().line.to_string(), "1.0");
    /// ```
    pub fn kestra() -> Result<Self, PolicyError> {
        Self::from_json(KESTRA_JSON)
    }

    /// Reads and validates a policy file.
    ///
    /// # Errors
    /// The first problem found: [`PolicyError::NotJson`] for text that is not
    /// JSON (with line and column), else [`PolicyError::InvalidPolicy`]
    /// naming the JSON path of the bad value.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::Policy;
    /// let err = Policy::from_json(r#"{"name": "x"}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "branch_template: missing");
    /// ```
    pub fn from_json(json: &str) -> Result<Self, PolicyError> {
        let mut first = None;
        let policy = Self::check_json_with(json, &mut |problem| {
            first.get_or_insert(problem);
        });
        match (policy, first) {
            (Some(policy), None) => Ok(policy),
            (_, Some(problem)) => Err(problem),
            // A policy that could not be built always has a problem.
            (None, None) => Err(PolicyError::InvalidPolicy {
                path: "policy".to_owned(),
                problem: Problem::Missing,
            }),
        }
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
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let mut problems = Problems::new(report);
        if let Ok(mut raw) = serde_json::from_str::<RawPolicy>(json) {
            let checked = values::rules(&raw.rules(), &mut problems);
            let mut history = History::new(&checked);
            for entry in &raw.history {
                history.entry(&entry.values(), &mut problems);
            }
            let history = history.finish(&mut problems);
            return checked
                .rules
                .filter(|_| !problems.found)
                .map(|rules| Policy::new(rules, history));
        }
        if let Err(err) = serde_json::from_str::<IgnoredAny>(json) {
            problems.error(PolicyError::NotJson(err));
            return None;
        }
        let mut shape = Walk {
            problems: Some(&mut problems),
            stream: None,
        };
        let top = match shape::walk(json, &POLICY, &mut shape) {
            Ok(Some(top)) => top,
            // Not an object: reported by the walk.
            Ok(None) => return None,
            // A number out of range (2e2222222) passes the syntax alone.
            Err(err) => {
                problems.error(PolicyError::NotJson(err));
                return None;
            }
        };
        let checked = values::rules(&rules_of(&top), &mut problems);
        if !top.has("history") {
            return None;
        }
        let mut history = History::new(&checked);
        let mut entry = |_, values: Values| history.entry(&entry_of(&values), &mut problems);
        let mut entries = Walk {
            problems: None,
            stream: Some(&mut entry),
        };
        // The syntax is known to be right: this walk cannot fail.
        let _ = shape::walk(json, &POLICY, &mut entries);
        let history = history.finish(&mut problems);
        checked
            .rules
            .filter(|_| !problems.found)
            .map(|rules| Policy::new(rules, history))
    }
}
