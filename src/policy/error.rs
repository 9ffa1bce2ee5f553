//! The one error type of the policy model. Every variant carries the value
//! that was wrong, so that a message can name it.

use std::fmt;

use super::version::Line;

/// Why the model could not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyError {
    /// A date that is not `YYYY-MM-DD` or names a day that does not exist.
    InvalidDate { input: String, reason: String },
    /// A version or line that is not `MAJOR.MINOR[.PATCH]`.
    InvalidVersion { input: String, reason: String },
    /// A tag that is neither `latest`, `latest-lts` nor a line.
    InvalidTag { input: String },
    /// A well-formed line that the policy never releases.
    UnknownLine {
        line: Line,
        policy: String,
        hint: String,
    },
    /// An answer that would need a date past what can be represented.
    OutOfRange { what: String },
    /// A version number past `u64::MAX`: the line or patch after `after`.
    NumberOverflow { what: &'static str, after: String },
    /// A date range whose start is after its end.
    EmptyRange { from: String, to: String },
    /// A branch template with an unknown or unbalanced placeholder.
    InvalidTemplate { template: String, reason: String },
    /// A policy file that is not valid JSON for the policy's shape.
    PolicyJson { message: String },
    /// A policy file whose values make no sense, with the JSON path of the value.
    InvalidPolicy { path: String, reason: String },
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidDate { input, reason } => write!(f, "invalid date {input:?}: {reason}"),
            Self::InvalidVersion { input, reason } => {
                write!(f, "invalid version {input:?}: {reason}")
            }
            Self::InvalidTag { input } => write!(
                f,
                "invalid tag {input:?}: expected latest, latest-lts or a line such as 1.3"
            ),
            Self::UnknownLine { line, policy, hint } => {
                write!(f, "line {line} is not in the {policy} policy: {hint}")
            }
            Self::OutOfRange { what } => write!(
                f,
                "{what} is beyond the dates this tool can compute (the last is {})",
                chrono::NaiveDate::MAX
            ),
            Self::NumberOverflow { what, after } => write!(
                f,
                "the {what} after {after} would need a number past {}",
                u64::MAX
            ),
            Self::EmptyRange { from, to } => {
                write!(f, "the range starts on {from}, after its end on {to}")
            }
            Self::InvalidTemplate { template, reason } => {
                write!(f, "invalid branch template {template:?}: {reason}")
            }
            Self::PolicyJson { message } => write!(f, "{message}"),
            Self::InvalidPolicy { path, reason } => write!(f, "{path}: {reason}"),
        }
    }
}

impl std::error::Error for PolicyError {}
