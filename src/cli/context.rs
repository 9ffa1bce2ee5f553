//! The context every command runs in, resolved from what the flags and the
//! environment decide (the policy, the format, colour, the width), once
//! before any command runs, as ripgrep turns its low-level arguments into
//! high-level ones. No command decides any of it again.

use std::ffi::OsString;
use std::fs::File;
use std::io::IsTerminal;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use clap::CommandFactory;

use lts_policy::Policy;
use lts_policy::dates::LAST_DAY;

use super::flags::Cli;
use super::policy;
use crate::commands::{ColorChoice, CommonOptions, PolicyUse, Source};
use crate::render::words;
use crate::session::{Context, Format, Settings};

/// What the program learns from outside its arguments, read once in `main`.
pub struct Environment {
    /// The day the questions are asked on: SOURCE_DATE_EPOCH's where it is
    /// set, else the current UTC date.
    pub today: NaiveDate,
    pub stdout_is_terminal: bool,
    pub terminal_width: Option<u16>,
    /// Whether the terminal and NO_COLOR, CLICOLOR and CLICOLOR_FORCE ask
    /// for colour, as anstream reads them.
    pub wants_color: bool,
}

impl Environment {
    /// Reads the clock, the terminal and the environment: the only place
    /// the program does.
    ///
    /// # Errors
    /// A SOURCE_DATE_EPOCH that is not a number of seconds.
    pub fn read(stdout: &File) -> Result<Self> {
        Ok(Self {
            today: today(std::env::var_os("SOURCE_DATE_EPOCH"))?,
            stdout_is_terminal: stdout.is_terminal(),
            terminal_width: terminal_size::terminal_size_of(stdout).map(|(width, _)| width.0),
            wants_color: anstream::AutoStream::choice(stdout) != anstream::ColorChoice::Never,
        })
    }
}

/// The day asked on: that of `source_date_epoch` (seconds since 1970-01-01
/// UTC, as reproducible builds set it and distro-info reads it) where it is
/// set and not empty, else today's UTC date. A malformed value is an error,
/// as the specification asks, rather than quietly today, and so is a day
/// past 9999-12-31, which no `YYYY-MM-DD` names.
fn today(source_date_epoch: Option<OsString>) -> Result<NaiveDate> {
    let Some(value) = source_date_epoch.filter(|value| !value.is_empty()) else {
        return Ok(chrono::Utc::now().date_naive());
    };
    let text = value.to_string_lossy();
    let day = text
        .parse::<i64>()
        .ok()
        .filter(|seconds| *seconds >= 0)
        .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
        .map(|moment| moment.date_naive())
        .with_context(|| {
            format!(
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not \
                 {text:?}"
            )
        })?;
    if day > LAST_DAY {
        bail!(
            "SOURCE_DATE_EPOCH {text} falls after {LAST_DAY}, the last day a date YYYY-MM-DD \
             names"
        );
    }
    Ok(day)
}

/// Decides the context from the arguments and the environment, once:
/// the policy and its facts, the format, colour, the width, the day asked
/// about.
///
/// # Errors
/// A format the command does not write, or a policy file (or the facts)
/// that cannot be read or are not valid.
pub fn resolve(cli: &Cli, environment: &Environment) -> Result<Context> {
    let common = cli.command.common().over(&cli.common);
    let formats = cli.command.formats();
    let format = match (common.format, common.json) {
        (Some(format), _) => format,
        (None, true) => Format::Json,
        // A command's first format is its own: text, or roff for the man page.
        (None, false) => formats[0],
    };
    if !formats.contains(&format) {
        let names: Vec<&str> = formats.iter().map(|format| format.name()).collect();
        bail!(
            "--format {} is not available for {}; it writes {}",
            format.name(),
            cli.command.name(),
            names.join(", ")
        );
    }
    let (policy, fit_notes) = if let Some(product_file) = cli.command.generates() {
        let vendor = match common.policy.as_deref() {
            Some(path) => Some(policy::named(Some(path))?.value),
            None => None,
        };
        (
            policy::generated(product_file, vendor.as_ref(), environment.today)?,
            Vec::new(),
        )
    } else if cli.command.fits() {
        let fit = policy::fitted(common.policy.as_deref(), cli, environment.today)?;
        (fit.policy, fit.notes)
    } else if cli.command.policy_use() == PolicyUse::Answers {
        let chosen = policy::named(common.policy.as_deref())?;
        (
            policy::with_facts(chosen, cli, environment.today)?,
            Vec::new(),
        )
    } else {
        if cli.command.policy_use() == PolicyUse::Catalogue {
            refuse_policy_flags(cli, &common)?;
        }
        // Completions and the man page describe the program, whatever
        // --policy names; the catalogue's commands name their own policies.
        (Policy::kestra()?, Vec::new())
    };
    let settings = Settings {
        format,
        color: match common.color.unwrap_or(ColorChoice::Auto) {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => environment.wants_color,
        },
        width: cli
            .command
            .width()
            .or(environment.terminal_width)
            .unwrap_or(80),
        pretty_json: environment.stdout_is_terminal,
    };
    // Only a command that takes `--on` answers about a day its facts may
    // look old by, and only one that answers from the policy by them.
    let asked_on = cli.command.on_date().map(|on| on.day(environment.today));
    let reads_facts = asked_on.filter(|_| cli.command.policy_use() == PolicyUse::Answers);
    Ok(Context {
        today: environment.today,
        on: asked_on.unwrap_or(environment.today),
        old_facts_note: reads_facts.and_then(|on| old_facts_note(&policy, on, environment.today)),
        policy,
        fit_notes,
        settings,
        program: Cli::command,
    })
}

/// The note that `policy`'s facts look old, for a command that answers
/// about a day: `on`, or today for a day still to come (an answer about
/// the future is a projection by definition, and facts can be no newer than
/// today).
fn old_facts_note(policy: &Policy, on: NaiveDate, today: NaiveDate) -> Option<String> {
    let day = on.min(today);
    let old = policy.old_facts_on(day)?;
    Some(words::old_facts_note(&old, day))
}

/// Refuses `--policy`, `--git` and `--endoflife` for a command that answers
/// from the catalogue, each product by its own policy: given, they would
/// be ignored, and a caller would take the answer for theirs.
fn refuse_policy_flags(cli: &Cli, common: &CommonOptions) -> Result<()> {
    let source = cli.sources.either(cli.command.sources())?;
    let flag = match (&common.policy, source) {
        (Some(_), _) => "--policy",
        (None, Source::Git(_)) => "--git",
        (None, Source::Endoflife(_)) => "--endoflife",
        (None, Source::None) => return Ok(()),
    };
    bail!(
        "{flag} does not apply to {}: it answers from the catalogue the program carries, each \
         product by its own policy (`lts-policy products` lists them)",
        cli.command.name()
    )
}
