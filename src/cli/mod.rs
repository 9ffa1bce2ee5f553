//! The command line: the program's own options, and the context every
//! command runs in, resolved once from them and the environment.

mod context;
mod facts;
mod flags;
mod git;
mod policy;
mod sourced;

pub use context::{Environment, resolve};
pub use flags::Cli;
