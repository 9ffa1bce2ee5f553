//! `lts-policy`: a release-channel calculator.
//!
//! A vendor publishes a release policy ("a minor every 2 months, patches
//! every Tuesday, an LTS every 6 months supported for a year"); a
//! [`Policy`] answers from those rules and the releases recorded so far,
//! for any date past or future, which lines are supported and in which
//! role, where a backport goes, whether a version is still maintained, what
//! a floating tag points to, and whether the history kept the promises.
//! Every answer says which of its values are recorded facts
//! ([`Source::History`]) and which are projections of the rules
//! ([`Source::Rules`]).
//!
//! The library is pure: no clock, no files, no printing. It builds without
//! the command line's crates (`default-features = false`). The main types
//! are at the root; the rest is in modules by what they are about, each a
//! folder (or, for the three smallest, a file) of `src/policy/` that owns
//! its types, the queries of [`Policy`]
//! about them and its kind of error: [`lines`] (lines, versions and what
//! the rules say of each), [`rules`] (schedules, support, LTS choice,
//! branch names), [`answers`] (the queries' answers), [`calendar`] (ranges
//! of days), [`audit`], [`facts`] (git tags and endoflife.date answers),
//! [`fit`] (rules fitted to a history), [`file`](mod@file) (the JSON format),
//! [`forecast`], [`dates`] and [`error`].
//!
//! # Example
//! ```
//! use lts_policy::{Line, Policy, Role, Source, parse_date};
//!
//! let kestra = Policy::kestra()?;
//! let supported = kestra.supported_on(parse_date("2026-10-01")?)?;
//! let lines: Vec<String> = supported.iter().map(|s| s.info.line.to_string()).collect();
//! assert_eq!(lines, ["2.0", "1.3"]);
//! // 2.0 is the newest LTS line; 1.3 the previous one, maintained until the
//! // end Kestra announced, one year after its release.
//! let one_three = &supported[1];
//! assert_eq!(one_three.roles, [Role::PreviousLts]);
//! assert_eq!(one_three.info.eol, Some(parse_date("2027-03-03")?));
//! assert_eq!(one_three.info.eol_source, Source::History);
//! // A line, or any version of it, as a user types it.
//! assert_eq!(kestra.line_of("v1.3.7")?, "1.3".parse::<Line>()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
#![doc = include_str!("model.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// A panic is a bug: fallible steps return errors, outside tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod policy;
#[cfg(feature = "endoflife-files")]
pub mod product_file;

pub use policy::dates::parse_date;
pub use policy::definition::Policy;
pub use policy::error::PolicyError;
pub use policy::lines::{
    Line, LineInfo, LineKind, Numbering, Role, Source, SupportedLine, Version, VersionInput,
};
#[cfg(embedded_policy)]
pub use policy::stack;
pub use policy::{
    answers, audit, calendar, catalogue, dates, error, facts, file, fit, forecast, lines, rules,
    similar,
};
