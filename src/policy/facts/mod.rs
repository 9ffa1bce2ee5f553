//! Facts from where releases are recorded, a repository's tags
//! (`git.rs`) or an endoflife.date answer (`endoflife.rs`, its cycles read
//! by `cycle.rs`), to merge into a policy's history, and how old a
//! history's facts look ([`OldFacts`]).
//!
//! Reading them is the caller's part (the `git` program, a file): these
//! modules take what git prints, or the answer's text, and what they say
//! about each line. What the policy file states wins where both speak; the
//! facts add the lines and patches it lacks.
//!
//! ```
//! use lts_policy::facts::{Facts, GitTag};
//! use lts_policy::{LineKind, parse_date};
//! let tag = GitTag::of_commit("v1.0.0", parse_date("2025-09-09")?);
//! let facts = Facts::from_tags(&[tag], None, LineKind::Minor)?;
//! assert_eq!(facts.newest(), Some(parse_date("2025-09-09")?));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod age;
mod answer;
mod cycle;
mod endoflife;
mod git;
pub(crate) mod merge;
pub(crate) mod problem;
mod record;
mod scalar;
mod versions;

pub use age::OldFacts;
pub use git::GitTag;
pub use problem::{FactsProblem, Origin, TagDate, Witness};
pub use record::{Contradiction, Facts, GitObject, Ignored};
