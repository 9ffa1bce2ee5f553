//! What can be wrong with a rule's terms taken together: a schedule's day
//! rule and cadence, a support rule's terms, the order of `changes`.

use std::fmt;

use crate::policy::lines::line::Line;
use crate::policy::quote::Quoted;

/// What is wrong with a rule's terms taken together.
#[derive(Debug)]
#[non_exhaustive]
pub enum RuleProblem {
    /// A cadence that is not a whole number of another.
    NotAMultiple {
        /// The field it must be a multiple of.
        of: &'static str,
        /// That field's value.
        base: u64,
        /// The value found.
        found: u64,
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
}

impl fmt::Display for RuleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAMultiple { of, base, found } => {
                write!(f, "expected a multiple of {of} ({base}), got {found}")
            }
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
        }
    }
}
