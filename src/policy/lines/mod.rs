//! Lines and versions ([`Line`], [`Numbering`], [`Version`] in
//! `numbers.rs`, [`VersionInput`], [`Role`]), and what a policy says of one
//! line, known or projected ([`LineInfo`]): its release, LTS flag and
//! windows of support, with why each ends, and the releases and patches
//! its history records.
//!
//! ```
//! use lts_policy::lines::EolReason;
//! use lts_policy::{Line, Policy};
//! let kestra = Policy::kestra()?;
//! // 2.0 is LTS: maintained until the second LTS line after it, or a
//! // year, whichever comes first.
//! let two = kestra.line(Line::new(2, 0))?;
//! assert!(two.lts);
//! assert_eq!(two.eol, Some(lts_policy::parse_date("2027-09-08")?));
//! assert_eq!(two.eol_reason, EolReason::LtsSupportPeriod);
//! # Ok::<(), lts_policy::PolicyError>(())
//! ```

pub(crate) mod describe;
pub(crate) mod ends;
pub(crate) mod info;
pub(crate) mod known_patches;
pub(crate) mod line;
pub(crate) mod lookup;
pub(crate) mod lts;
pub(crate) mod numbers;
pub(crate) mod patches;
pub(crate) mod plan;
pub(crate) mod projection;
pub(crate) mod query;
mod ranges;
pub(crate) mod release;
pub(crate) mod role;
pub(crate) mod short;
pub(crate) mod version;
pub(crate) mod window;

pub use info::{ActiveEnd, LineInfo, LtsReason, Patch, Phase, SupportedLine};
pub use known_patches::{KnownPatch, KnownPatches};
pub use line::{Line, LineKind, Numbering};
pub use numbers::{MAX_LINE_NUMBERS, MAX_NUMBERS, NumbersError, Version};
pub use release::{RecordedEnd, Release, Source};
pub use role::Role;
pub use version::{VersionError, VersionInput, VersionProblem};
pub use window::{EolReason, Successor, Window, WindowEnd, WindowRule};
