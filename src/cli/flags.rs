//! The program's own options, clap's `Cli`: those before the command, and
//! the command.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::commands::{Command, Sources};
use crate::session::Format;

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, as NO_COLOR, CLICOLOR and CLICOLOR_FORCE allow
    Auto,
    /// Always colour, whatever the environment says
    Always,
    /// Never colour
    Never,
}

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
    /// Policy file (JSON) to use instead of the embedded Kestra policy, e.g.
    /// examples/quarkus.json
    #[arg(long, global = true, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    #[command(flatten)]
    pub sources: Sources,

    /// Print JSON instead of text (short for --format json), e.g. `supported --json | jq`
    #[arg(long, global = true)]
    pub json: bool,

    /// Output format: text, json, ndjson, csv or plain for every query; releases
    /// also md, ics and endoflife; backport-targets github-matrix and backportrc;
    /// timeline svg. Example: --format plain
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "FORMAT",
        conflicts_with = "json"
    )]
    pub format: Option<Format>,

    /// When to colour text: auto (a terminal, unless NO_COLOR is set or
    /// CLICOLOR=0; CLICOLOR_FORCE forces it), always or never, e.g. `--color
    /// never` [default: auto]
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    #[command(subcommand)]
    pub command: Command,
}
