//! `lts-policy`: a release-channel calculator.
//!
//! The [`policy`] module answers, for any date, which release lines a
//! vendor's policy supports and why; the binary is a thin command line over it.

#![forbid(unsafe_code)]

pub mod policy;
