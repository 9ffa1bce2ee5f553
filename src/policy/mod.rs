//! The release-policy model: pure date arithmetic over a [`Policy`] and a date.
//!
//! Nothing here reads the clock, touches files or prints: every answer is a
//! function of the policy and the dates passed in.

mod answers;
mod audit;
mod calendar;
mod dates;
mod definition;
mod error;
mod explain;
mod file;
mod lts;
mod patches;
mod roles;
mod template;
mod version;

pub use answers::{Dangling, Status, SupportState, Tag};
pub use audit::{Audit, AuditFinding, Finding, GRACE_DAYS};
pub use calendar::{EolReason, LineInfo, ProjectionBasis, Source};
pub use dates::{
    add_months, days_between, month_starts, parse_date, weekday_after, weekday_on_or_after,
    weekdays_between,
};
pub use definition::{KnownPatch, Policy, PolicyRules, Release};
pub use error::PolicyError;
pub use explain::Explanation;
pub use file::{check_policy, parse_policy, policy_to_json, weekday_name};
pub use lts::{LtsReason, LtsWindow};
pub use patches::{Patch, PatchDay};
pub use roles::{Calendar, Role, SupportedLine};
pub use template::{BranchName, BranchTemplate};
pub use version::{Line, VersionInput};

#[cfg(test)]
mod tests;
