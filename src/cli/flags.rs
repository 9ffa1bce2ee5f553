//! The program's own options, clap's `Cli`: those before the command, and
//! the command.

use clap::{CommandFactory, FromArgMatches, Parser};

use crate::commands::{Command, CommonOptions, Sources};

/// Answers questions about a vendor's release policy for any date: which
/// lines are supported, where backports go, what a floating tag points to.
///
/// The default policy is Kestra's (embedded); `--policy FILE` loads another.
/// Dates are YYYY-MM-DD and default to today (UTC). Versions and lines are
/// written 1.3, 1.3.0, 1.3.7 or v1.3.7. A `*` in text output marks a value
/// worked out from the policy's rules rather than recorded in its history.
#[derive(Debug, Parser)]
#[command(name = "lts-policy", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonOptions,

    #[command(flatten)]
    pub sources: Sources,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The program's arguments, parsed; as `Cli::try_parse`, except that
    /// what clap built to parse them is left for the end of the process to
    /// take back, rather than taken apart piece by piece (25,000
    /// instructions, a twentieth of a whole answer).
    ///
    /// # Errors
    /// A usage error, or `--help` and `--version`, as clap words them.
    pub fn from_args() -> Result<Self, clap::Error> {
        let mut command = Self::command();
        let parsed = command
            .try_get_matches_from_mut(std::env::args_os())
            .and_then(|mut matches| {
                Self::from_arg_matches_mut(&mut matches).map_err(|err| err.format(&mut command))
            });
        std::mem::forget(command);
        parsed
    }
}
