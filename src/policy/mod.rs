//! The release-policy model: pure date arithmetic over a [`Policy`] and a date.
//!
//! Nothing here reads the clock, touches files or prints: every answer is a
//! function of the policy and the dates passed in.
//!
//! No file imports a file that imports it back (`tests/model/layout.rs`
//! holds it): the shared vocabulary (`model`), the quoting of messages
//! (`quote`) and each kind of input's own error (`dates`, `version`,
//! `template`, the file format's `file::problem`, the facts'
//! `facts::problem`, the calendar's `calendar::range`) sit below `error`,
//! the one error type every query returns; the queries are `impl Policy`
//! blocks above it, and the readers of files and facts above those.

mod answers;
mod audit;
mod calendar;
mod dates;
mod definition;
mod error;
mod explain;
mod facts;
mod file;
mod lines;
mod lts;
mod model;
mod patch_days;
mod patches;
mod projection;
mod quote;
mod roles;
mod rules;
mod schedule;
mod template;
mod timeline;
mod version;

pub use answers::{Dangling, Status, SupportState, Tag, TagTarget};
pub use audit::{Audit, AuditFinding, AuditScope, Finding, FindingDate, GRACE_DAYS, Subject};
pub use calendar::{Calendar, DefaultPeriod, Lines, RangeEnd};
pub use dates::{
    DateError, DateProblem, add_months, days_between, month_starts, parse_date, weekday_after,
    weekday_on_or_after,
};
pub use definition::Policy;
pub use error::{Beyond, LineHint, Numbered, PolicyError};
pub use explain::Explanation;
pub use facts::{Facts, FactsProblem, GitObject, GitTag, Ignored, Origin, TagDate, Witness};

pub use file::problem::Problem;
pub use model::{
    EolReason, KnownPatch, Line, LineInfo, LineKind, LtsReason, Patch, Release, Role, Source,
    Successor, SupportedLine, Window,
};
pub use patch_days::{PatchDay, PatchDays, ShippedPatch, Start};
pub use projection::ProjectionBasis;
pub use roles::Selection;
pub use rules::{LtsChoice, LtsRule, NewMajor, Patches, Support};
pub use schedule::{Cadence, DayRule, Nth, Schedule, weekday_name};
pub use template::{BranchName, BranchTemplate, TemplateError, TemplateProblem};
pub use timeline::{Part, Rows, Segment, Timeline, TimelineRow};
pub use version::{VersionError, VersionInput, VersionProblem};
