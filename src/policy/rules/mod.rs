//! The vocabulary of a policy's rules: schedules and their day rules,
//! support rules, how LTS lines are chosen, where majors start, and
//! release branch names.
//!
//! ```
//! use chrono::Weekday;
//! use lts_policy::parse_date;
//! use lts_policy::rules::{Cadence, DayRule, Schedule};
//! // Every 2 months, on the first Tuesday on or after the due date.
//! let releases = Schedule::new(Cadence::EveryMonths(2), DayRule::Weekday(Weekday::Tue));
//! let after = parse_date("2026-09-08")?;
//! // 2026-11-08 is a Sunday: the Tuesday after.
//! assert_eq!(releases.nth(after, 1), Some(parse_date("2026-11-10")?));
//! # Ok::<(), lts_policy::dates::DateError>(())
//! ```

pub(crate) mod fields;
pub(crate) mod line_rules;
pub(crate) mod policy_rules;
pub(crate) mod schedule;
pub(crate) mod template;

pub use fields::RuleField;
pub use line_rules::{
    Change, CountFrom, LineRules, LtsChoice, LtsRule, LtsStart, NewMajor, Patches, Period, Round,
    Support,
};
pub use schedule::{Cadence, DayRule, Nth, Schedule, weekday_name};
pub use template::{
    BranchName, BranchTemplate, LinesProblem, SameName, TagTemplate, TemplateError, TemplateKind,
    TemplateProblem,
};
