//! The kinds of value a field of a policy file takes and a file gives,
//! and what a bounded number counts: the words of a problem's message.

use std::fmt;

use crate::policy::quote::Quoted;

/// What a field of a policy file takes, as the format declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A string.
    Text,
    /// A whole number from 0.
    WholeNumber,
    /// `true` or `false`.
    Flag,
    /// An array.
    Array,
    /// An object.
    Object,
    /// A string or a whole number (a day rule's `on`).
    TextOrWholeNumber,
    /// A string or an object (`patches`).
    TextOrObject,
    /// `true`, `false` or a date (a history entry's `lts`).
    FlagOrDate,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Text => "a string",
            Self::WholeNumber => "a whole number",
            Self::Flag => "true or false",
            Self::Array => "an array",
            Self::Object => "an object",
            Self::TextOrWholeNumber => "a string or a whole number",
            Self::TextOrObject => "a string or an object",
            Self::FlagOrDate => "true, false or a date",
        })
    }
}

/// A value found where another kind was expected: a scalar as it was
/// written, an array or an object by kind.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Found {
    /// A string.
    Text(String),
    /// A number, as JSON writes it.
    Number(serde_json::Number),
    /// `true` or `false`.
    Flag(bool),
    /// `null`.
    Null,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => write!(f, "{}", Quoted(text)),
            Self::Number(number) => write!(f, "{}", serde_json::Value::Number(number.clone())),
            Self::Flag(flag) => write!(f, "{flag}"),
            Self::Null => f.write_str("null"),
            Self::Array => f.write_str("an array"),
            Self::Object => f.write_str("an object"),
        }
    }
}

/// What a bounded number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unit {
    /// Months.
    Months,
    /// Weeks.
    Weeks,
    /// Days.
    Days,
    /// Lines.
    Lines,
    /// Minor lines of a major.
    Minors,
    /// A month of the year.
    MonthOfYear,
    /// A day of the month.
    DayOfMonth,
    /// Tags a policy names.
    Tags,
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Months => "months",
            Self::Weeks => "weeks",
            Self::Days => "days",
            Self::Lines => "lines",
            Self::Minors => "minors",
            Self::MonthOfYear => "(a month)",
            Self::DayOfMonth => "(a day of the month)",
            Self::Tags => "tags",
        })
    }
}
