//! The program's own options, clap's `Cli`: those before the command, and
//! the command.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches, Parser};

use lts_policy::similar;

use crate::commands::{Command, CommonOptions, Sources};

/// Answers questions about a vendor's release policy for any date: which
/// lines are supported, where backports go, what a floating tag points to.
///
/// The default policy is Kestra's (embedded); `--policy FILE` loads another.
/// Dates are YYYY-MM-DD and default to today (UTC). Versions and lines are
/// written 1.3, 1.3.0, 1.3.7 or v1.3.7. `--on DATE`, `--from DATE` and `--to
/// DATE` go before the command too, for the commands that take them. A `*`
/// in text output marks a value worked out from the policy's rules rather
/// than recorded in its history.
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
        let args = dated_options_after_command(std::env::args_os().collect(), &command);
        let parsed = command
            .try_get_matches_from_mut(args.clone())
            .and_then(|mut matches| {
                Self::from_arg_matches_mut(&mut matches).map_err(|err| err.format(&mut command))
            })
            .map_err(|err| with_nearest_value(with_nearest_option(err, &command, &args)));
        std::mem::forget(command);
        parsed
    }
}

/// The options about days that go on either side of the command, as
/// `--policy` does: `lts-policy --on 2026-03-01 supported`.
const DATED_OPTIONS: [&str; 3] = ["--on", "--from", "--to"];

/// `args` with the [`DATED_OPTIONS`] given before the command moved to just
/// after its name, where clap reads them as the command's own: so a command
/// that takes none refuses them, and what excludes them (`backport-targets
/// --latest`, `next-patch --after`) or requires something with them
/// (`audit --to`) holds on either side, in clap's words. The program's own
/// options are stepped over with their values (`--policy FILE`); with no
/// command, or `--` before it, nothing moves.
fn dated_options_after_command(args: Vec<OsString>, program: &clap::Command) -> Vec<OsString> {
    let takes_value = |name: &str| {
        DATED_OPTIONS.contains(&name)
            || program.get_arguments().any(|arg| {
                arg.get_long()
                    .is_some_and(|long| name.strip_prefix("--") == Some(long))
                    && arg.get_action().takes_values()
            })
    };
    let (mut before, mut dated) = (Vec::new(), Vec::new());
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            break;
        }
        if !text.starts_with('-') {
            // The command: the dated options go right after it.
            let mut moved = vec![args[0].clone()];
            moved.extend(before);
            moved.push(arg.clone());
            moved.extend(dated);
            moved.extend(rest.cloned());
            return moved;
        }
        let (name, value) = text.split_once('=').unwrap_or((&text, ""));
        let into = if DATED_OPTIONS.contains(&name) {
            &mut dated
        } else {
            &mut before
        };
        into.push(arg.clone());
        // A command right after a dated option is no value but a date
        // forgotten (`--on supported`): the command then reads the option
        // with none, and says so in clap's words.
        let forgotten = || {
            DATED_OPTIONS.contains(&name)
                && rest
                    .clone()
                    .next()
                    .is_some_and(|next| program.find_subcommand(next).is_some())
        };
        if value.is_empty() && !text.contains('=') && takes_value(name) && !forgotten() {
            into.extend(rest.next().cloned());
        }
    }
    args
}

/// `said`, a value none of an option's possible values, with the one
/// nearest it where clap found none: clap's measure misses a swap of two
/// letters (`--format sgv` for `svg`, `completions zhs` for `zsh`).
fn with_nearest_value(mut said: clap::Error) -> clap::Error {
    if said.kind() != ErrorKind::InvalidValue || said.get(ContextKind::SuggestedValue).is_some() {
        return said;
    }
    let (Some(ContextValue::String(given)), Some(ContextValue::Strings(possible))) = (
        said.get(ContextKind::InvalidValue),
        said.get(ContextKind::ValidValue),
    ) else {
        return said;
    };
    if let Some(near) = similar::nearest(given, possible.iter().map(String::as_str)) {
        let near = near.to_owned();
        said.insert(ContextKind::SuggestedValue, ContextValue::String(near));
    }
    said
}

/// `said`, an unknown option, with the option of its command nearest it
/// where clap found none: clap's own measure misses a swap of two letters
/// (`supported --lst` for `--lts`), which the catalogue's product names
/// are measured by as well.
fn with_nearest_option(
    mut said: clap::Error,
    program: &clap::Command,
    args: &[OsString],
) -> clap::Error {
    if said.kind() != ErrorKind::UnknownArgument || said.get(ContextKind::SuggestedArg).is_some() {
        return said;
    }
    let Some(ContextValue::String(given)) = said.get(ContextKind::InvalidArg) else {
        return said;
    };
    let Some(wanted) = given
        .split('=')
        .next()
        .and_then(|flag| flag.strip_prefix("--"))
    else {
        return said;
    };
    // The command the option was given to: the first argument that names one.
    let command = args
        .iter()
        .skip(1)
        .find_map(|arg| program.find_subcommand(arg))
        .unwrap_or(program);
    let longs = command.get_arguments().filter(|arg| !arg.is_hide_set());
    if let Some(near) = similar::nearest(wanted, longs.filter_map(clap::Arg::get_long)) {
        said.insert(
            ContextKind::SuggestedArg,
            ContextValue::String(format!("--{near}")),
        );
    }
    said
}
