//! Each command's answer, as every format it writes shows it: what the
//! command worked out, handed over whole, and its text, JSON, CSV and
//! plain forms, with the formats of its own.

mod audit;
mod next_patch;
mod policy;
mod products;
mod releases;
mod scan;
mod status;
mod supported;
mod tag;
mod tags_for;
mod targets;

pub use audit::AuditReport;
pub use next_patch::NextPatch;
pub use policy::{PolicyCheck, PolicyFile};
pub use products::Products;
pub use releases::Releases;
pub use scan::{ComponentAnswer, ScanReport, Scanned};
pub use status::{StatusReport, VersionAnswer};
pub use supported::Supported;
pub use tag::TagReport;
pub use tags_for::TagsFor;
pub use targets::Targets;
