//! Facts from where releases are recorded: a repository's tags
//! ([`git`]), or endoflife.date's answer for a product ([`endoflife`]),
//! merged into a policy's history.
//!
//! Reading them is the caller's part (the `git` program, a file): these
//! modules take what git prints, or the answer's text, and what they say
//! about each line. What the policy file states wins where both speak; the
//! facts add the lines and patches it lacks.

mod age;
mod answer;
mod endoflife;
mod git;
pub(crate) mod merge;
pub(crate) mod problem;
mod record;

pub use age::OldFacts;
pub use git::GitTag;
pub use problem::{FactsProblem, Origin, TagDate, Witness};
pub use record::{Contradiction, Facts, GitObject, Ignored};
