//! Each command's answer, as every format it writes shows it: what the
//! command worked out, handed over whole, and its text, JSON, CSV and
//! plain forms, with the formats of its own.

mod status;
mod supported;
mod targets;

pub use status::{StatusReport, VersionAnswer};
pub use supported::Supported;
pub use targets::Targets;
