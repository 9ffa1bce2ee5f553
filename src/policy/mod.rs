//! The release-policy model: pure date arithmetic over a [`Policy`] and a date.
//!
//! Nothing here reads the clock, touches files or prints: every answer is a
//! function of the policy and the dates passed in.
//!
//! No file imports a file that imports it back (`tests/model/layout.rs`
//! holds it): the shared vocabulary (`model`, with its serde forms in
//! `serde_form`), the quoting of messages (`quote`) and each kind of input's own error (`dates`, `version`,
//! `template`, the file format's `file::problem`, the facts'
//! `facts::problem`, the calendar's `calendar::range`) sit below `error`,
//! the one error type every query returns; the queries are `impl Policy`
//! blocks above it, and the readers of files and facts above those, with
//! the embedded default (`embedded`), which the build checked with the
//! file reader.

pub(crate) mod answers;
pub(crate) mod audit;
pub(crate) mod calendar;
pub(crate) mod dates;
pub(crate) mod definition;
pub(crate) mod embedded;
pub(crate) mod error;
pub(crate) mod explain;
pub(crate) mod facts;
pub(crate) mod file;
pub(crate) mod fit;
pub(crate) mod floating;
pub(crate) mod forecast;
pub(crate) mod info;
pub(crate) mod lines;
pub(crate) mod lookup;
pub(crate) mod lts;
pub(crate) mod model;
pub(crate) mod numbers;
pub(crate) mod patch_days;
pub(crate) mod patches;
pub(crate) mod plan;
pub(crate) mod policy_rules;
pub(crate) mod projection;
pub(crate) mod quote;
pub(crate) mod roles;
pub(crate) mod rules;
pub(crate) mod schedule;
pub(crate) mod serde_form;
pub(crate) mod template;
pub(crate) mod timeline;
pub(crate) mod version;
pub(crate) mod window;
