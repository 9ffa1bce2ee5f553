//! The release-policy model: pure date arithmetic over a [`Policy`] and a date.
//!
//! Nothing here reads the clock, touches files or prints: every answer is a
//! function of the policy and the dates passed in.
//!
//! The modules form a tree, each importing only those listed before it:
//! `model` (the shared types), `error`, `dates`, `schedule`, `rules`,
//! `version`, `template`, `definition` (the policy), `projection` (lines
//! by position), `lts`,
//! `lines`, `patches`, `roles`, `patch_days`, `answers`, `calendar`,
//! `timeline`, `audit`, `explain`, `file` (reading and writing policies)
//! and `facts` (git tags and endoflife.date answers merged into a history).

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
mod roles;
mod rules;
mod schedule;
mod template;
mod timeline;
mod version;

pub use answers::{Dangling, Status, SupportState, Tag, TagTarget};
pub use audit::{Audit, AuditFinding, AuditScope, Finding, GRACE_DAYS};
pub use calendar::{Calendar, Lines};
pub use dates::{
    add_months, days_between, month_starts, parse_date, weekday_after, weekday_on_or_after,
};
pub use definition::Policy;
pub use error::{
    Beyond, DateProblem, DefaultPeriod, FactsProblem, LineHint, Numbered, Origin, PolicyError,
    Problem, RangeEnd, TagDate, TemplateProblem, VersionProblem, Witness,
};
pub use explain::Explanation;
pub use facts::{Facts, GitObject, GitTag, Ignored};
pub use file::acts_on_a_terminal;
pub use model::{
    EolReason, KnownPatch, Line, LineInfo, LineKind, LtsReason, Patch, Release, Role, Source,
    Successor, SupportedLine, Window,
};
pub use patch_days::{PatchDay, PatchDays, ShippedPatch, Start};
pub use projection::ProjectionBasis;
pub use roles::Selection;
pub use rules::{LtsChoice, LtsRule, NewMajor, Patches, Support};
pub use schedule::{Cadence, DayRule, Nth, Schedule, weekday_name};
pub use template::{BranchName, BranchTemplate};
pub use timeline::{Part, Rows, Segment, Timeline, TimelineRow};
pub use version::VersionInput;
