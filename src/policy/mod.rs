//! The release-policy model: pure date arithmetic over a [`Policy`] and a date.
//!
//! Nothing here reads the clock, touches files or prints: every answer is a
//! function of the policy and the dates passed in.
//!
//! Each folder is a public module and owns its types, the `impl Policy`
//! blocks that answer its queries, and the kind of error its inputs can
//! have: [`lines`] (the vocabulary of lines and versions, what the rules
//! say of one line, and the projection of lines past the history),
//! [`rules`] (schedules, support, LTS choice, templates), [`answers`]
//! (status, floating tags, backports, patch days, explanations),
//! [`calendar`], [`audit`], [`facts`], [`fit`], [`file`] (the JSON
//! format) and `stack` (a stack's components from SBOMs and version files). The files directly here are the policy itself
//! (`definition`), the one error every query returns (`error`), dates,
//! forecast ranges, the embedded default, and two helpers of messages and
//! serde forms.
//!
//! No file imports a file that imports it back (`tests/model/layout.rs`
//! holds it): inside a folder, the leaf files (a kind's vocabulary and its
//! error) sit below `error`, the one error type every query returns, and
//! the queries above it.

pub mod answers;
pub mod audit;
pub mod calendar;
pub mod catalogue;
pub mod dates;
pub(crate) mod definition;

pub mod error;
pub mod facts;
pub mod file;
pub mod fit;
pub mod forecast;
pub mod lines;
pub(crate) mod quote;
pub mod rules;
pub(crate) mod serde_form;
pub mod similar;
// Scanning matches components to the products the program carries.
#[cfg(embedded_policy)]
pub mod stack;
