//! `lts-policy`: a release-channel calculator.
//!
//! The [`policy`] module answers, for any date, which release lines a
//! vendor's policy supports and why; the binary is a thin command line over it.

#![forbid(unsafe_code)]
// A panic is a bug: fallible steps return errors, outside tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod policy;
