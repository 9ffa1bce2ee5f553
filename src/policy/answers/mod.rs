//! The answers of the queries: the lines supported on a day and in which
//! role, where a backport goes (`roles.rs`), a version's status, floating
//! tags, patch days, and why a line is in or out (with [`ProjectionBasis`],
//! how the rules dated a projected line).
//!
//! ```
//! use lts_policy::answers::{SupportState, Tag, TagTarget};
//! use lts_policy::{Policy, VersionInput, parse_date};
//! let kestra = Policy::kestra()?;
//! let on = parse_date("2026-03-01")?;
//! let status = kestra.status("1.1.4".parse::<VersionInput>()?, on)?;
//! assert_eq!(status.state, SupportState::Ended);
//! let TagTarget::Version { info, .. } = kestra.tag(Tag::LatestLts, on)? else {
//!     panic!("latest-lts points to a version");
//! };
//! assert_eq!(info.line.to_string(), "1.0");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod explain;
pub(crate) mod patch_days;
pub(crate) mod roles;
pub(crate) mod status;
pub(crate) mod tags;

pub use crate::policy::lines::projection::ProjectionBasis;
pub use explain::Explanation;
pub use patch_days::{PatchDay, PatchDays, ShippedPatch, Start};
pub use roles::{Fix, Selection};
pub use status::{Status, SupportState};
pub use tags::{Dangling, Tag, TagTarget};
