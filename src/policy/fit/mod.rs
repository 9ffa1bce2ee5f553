//! A policy from its history: a [`Draft`] states the rules a user knows
//! (any may be left out), and [`Draft::fit`] fits the others to the
//! history, saying for each what it rests on: for each rule left out, the
//! candidate of the vocabulary that foresees the history best, one step at
//! a time (each release from the one before it, each patch from the one
//! before, each recorded end from the releases it counts from), recent
//! years weighing more, the simpler of two about as good, and a rule the
//! newest steps follow in a row preferred to an older one they break.
//! Only the history is used; no vendor is known here.
//!
//! ```
//! use lts_policy::Policy;
//! use lts_policy::fit::Draft;
//! // What Kestra's history alone says of its rules.
//! let fit = Draft::of_history(&Policy::kestra()?).fit()?;
//! assert_eq!(fit.policy.name(), "kestra");
//! # Ok::<(), lts_policy::PolicyError>(())
//! ```

mod draft;
mod ends;
mod lts;
mod majors;
mod notes;
mod rules;
mod schedules;
mod seen;
pub(crate) mod track;

pub use draft::{Draft, Fit};
pub use notes::{FitBasis, FitNote, FitSubject, PATCH_WITHIN_DAYS, WITHIN_DAYS};
