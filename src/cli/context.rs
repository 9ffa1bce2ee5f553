//! The context every command runs in: what the flags and the environment
//! decide (the policy, the format, colour, the width), decided once before
//! any command runs, as ripgrep turns its low-level arguments into
//! high-level ones. No command decides any of it again.

use std::fs::File;
use std::io::{IsTerminal, Read};
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use clap::ValueEnum;

use lts_policy::policy::Policy;

use super::output::message;
use super::{Cli, Source, facts};
use crate::commands::Command;
use crate::render::Format;

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

/// What the program learns from outside its arguments, read once in `main`.
pub struct Environment {
    /// The current UTC date.
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
    pub fn read(stdout: &File) -> Self {
        Self {
            today: chrono::Utc::now().date_naive(),
            stdout_is_terminal: stdout.is_terminal(),
            terminal_width: terminal_size::terminal_size_of(stdout).map(|(width, _)| width.0),
            wants_color: anstream::AutoStream::choice(stdout) != anstream::ColorChoice::Never,
        }
    }
}

/// Everything a command needs besides its own arguments.
pub struct Context {
    /// The current UTC date, the default of every date.
    pub today: NaiveDate,
    /// The policy `--policy` names, or the embedded one.
    pub policy: Policy,
    /// The output format, one the command writes.
    pub format: Format,
    /// Whether text may use ANSI colours.
    pub color: bool,
    /// Columns of a text picture.
    pub width: u16,
    /// Whether JSON is indented, for a person at a terminal.
    pub pretty_json: bool,
}

impl Context {
    /// Decides the context from the arguments and the environment.
    ///
    /// # Errors
    /// A format the command does not write, or a policy file that cannot be
    /// read or is not valid.
    pub fn resolve(cli: &Cli, environment: &Environment) -> Result<Self> {
        let formats = cli.command.formats();
        let format = match (cli.format, cli.json) {
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
        let policy = match &cli.policy {
            Some(path) if cli.command.reads_policy() => Policy::from_json(&read_policy_file(path)?)
                .with_context(|| format!("policy file {}", path.display()))?,
            _ => Policy::kestra()?,
        };
        let policy = if cli.command.reads_policy() {
            with_facts(policy, cli, environment.today)?
        } else {
            policy
        };
        Ok(Self {
            today: environment.today,
            policy,
            format,
            color: match cli.color.unwrap_or(ColorChoice::Auto) {
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
        })
    }
}

/// The policy with the facts `--git` or `--endoflife` name merged into its
/// history. With `--git` the repository is the truth up to the day asked
/// about, capped at today: a line the rules expected by then without a
/// tag is overdue.
fn with_facts(policy: Policy, cli: &Cli, today: NaiveDate) -> Result<Policy> {
    let kind = policy.line_kind();
    let (facts, history_as_of, source) = match cli.sources.either(cli.command.sources())? {
        Source::Git(dir) => {
            let on = match cli.command.on_date() {
                Some(on) => on.resolve(today)?,
                None => today,
            };
            let (facts, warnings) = facts::git_facts(dir, policy.tag_prefix(), kind)?;
            for warning in warnings {
                message(&warning);
            }
            (
                facts,
                Some(on.min(today)),
                format!("--git {}", dir.display()),
            )
        }
        Source::Endoflife(file) => {
            let facts = facts::endoflife_facts(file, kind)?;
            (facts, None, format!("--endoflife {}", file.display()))
        }
        Source::None => return Ok(policy),
    };
    // `policy`, which shows the merged history, says what was left out.
    if matches!(cli.command, Command::Policy(_)) {
        for (name, why) in facts.ignored() {
            message(&format!("{source}: left {name} out: {why}"));
        }
    }
    policy
        .with_facts(&facts, history_as_of)
        .with_context(|| source)
}

/// The most of a file that is read: a real policy is a few KiB, a
/// history of 100,000 lines 6 MiB, an endoflife.date answer tens of KiB.
pub const MAX_FILE_BYTES: usize = 8 << 20;

/// The text of a policy file, refused past [`MAX_FILE_BYTES`] (a file
/// such as `/dev/zero` never ends).
pub fn read_policy_file(path: &Path) -> Result<String> {
    read_text(path, "policy file", "policy")
}

/// The text of a file the program reads: `what` it is named in messages,
/// and `kind` what a file of that size is far beyond.
pub fn read_text(path: &Path, what: &str, kind: &str) -> Result<String> {
    let cannot = || format!("cannot read {what} {}", path.display());
    let file = File::open(path).with_context(cannot)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(cannot)?;
    if bytes.len() > MAX_FILE_BYTES {
        bail!(
            "{what} {} is larger than {} MiB, far beyond any {kind}",
            path.display(),
            MAX_FILE_BYTES >> 20
        );
    }
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        anyhow::anyhow!(
            "{what} {} is not UTF-8 text: byte {at} is not",
            path.display()
        )
    })
}
