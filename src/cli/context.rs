//! The context every command runs in, resolved from what the flags and the
//! environment decide (the policy, the format, colour, the width), once
//! before any command runs, as ripgrep turns its low-level arguments into
//! high-level ones. No command decides any of it again.

use std::ffi::OsString;
use std::fs::File;
use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use clap::CommandFactory;

use lts_policy::dates::LAST_DAY;
use lts_policy::facts::Facts;
use lts_policy::fit::{Draft, Fit};
use lts_policy::{LineKind, Numbering, Policy};

use super::facts;
use super::flags::Cli;
use crate::commands::{ColorChoice, Command, Source};
use crate::render::words;
use crate::session::{
    Context, Format, MAX_FILE_BYTES, Settings, beyond_policy_reads, message, read_policy_file,
};

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
/// the policy and its facts, the format, colour, the width.
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
    let (policy, fit_notes) = if cli.command.fits() {
        let fit = fitted(common.policy.as_deref(), cli, environment.today)?;
        (fit.policy, fit.notes)
    } else {
        let policy = match &common.policy {
            Some(path) if cli.command.reads_policy() => Policy::from_json(&read_policy_file(path)?)
                .with_context(|| format!("policy file {}", path.display()))?,
            _ => Policy::kestra()?,
        };
        let policy = if cli.command.reads_policy() {
            with_facts(policy, cli, environment.today)?
        } else {
            policy
        };
        (policy, Vec::new())
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
    Ok(Context {
        today: environment.today,
        old_facts_note: old_facts_note(cli, &policy, environment.today),
        policy,
        fit_notes,
        settings,
        program: Cli::command,
    })
}

/// The note that `policy`'s facts look old, for a command that answers
/// about a day: `--on`, or today for a day still to come (an answer about
/// the future is a projection by definition, and facts can be no newer than
/// today). A bad `--on` gives none: the command says what is wrong with it.
fn old_facts_note(cli: &Cli, policy: &Policy, today: NaiveDate) -> Option<String> {
    let day = cli.command.on_date()?.resolve(today).ok()?.min(today);
    let old = policy.old_facts_on(day)?;
    Some(words::old_facts_note(&old, day))
}

/// The policy with the facts `--git` or `--endoflife` name merged into its
/// history. Without `--policy`, an endoflife.date answer that cannot be
/// Kestra's is answered by rules fitted to its own record, as `policy
/// --fit` fits them, and a note says so.
fn with_facts(policy: Policy, cli: &Cli, today: NaiveDate) -> Result<Policy> {
    let named = cli.command.common().over(&cli.common).policy.is_some();
    let numbering = named.then(|| policy.numbering());
    let Some(read) = read_facts(cli, numbering.as_ref(), policy.tag_prefix(), today)? else {
        return Ok(policy);
    };
    if let Some(name) = &read.endoflife
        && !named
        && !read.facts.could_be_of(&policy)
    {
        message(&format!(
            "note: {}: no --policy names its product's rules, so they are fitted to its record \
             (policy --fit prints them; --policy FILE names others)",
            read.source
        ));
        let fit = fitted_to_facts(name, &read)?;
        return Ok(fit.policy);
    }
    policy
        .with_facts(&read.facts, read.history_as_of)
        .with_context(|| read.source)
}

/// A policy fitted to facts alone.
fn fitted_to_facts(name: &Path, read: &ReadFacts) -> Result<Fit> {
    facts_draft(name, read)?.fit().context("policy --fit")
}

/// A draft of facts alone, named after where they come from, its lines
/// numbered as the facts number them.
fn facts_draft(name: &Path, read: &ReadFacts) -> Result<Draft> {
    let numbering = read
        .facts
        .numbering()
        .cloned()
        .unwrap_or_else(|| Numbering::of(LineKind::Minor));
    Draft::empty(&product_name(name), numbering)
        .with_facts(&read.facts, read.history_as_of)
        .with_context(|| read.source.clone())
}

/// The policy `policy --fit` prints: the draft `--policy` names (the rules
/// it states kept), or none, completed from its history with the facts
/// merged in; without either, the embedded policy's history alone.
fn fitted(path: Option<&Path>, cli: &Cli, today: NaiveDate) -> Result<Fit> {
    let source = cli.sources.either(cli.command.sources())?;
    let draft = match (path, &source) {
        (Some(path), _) => Some(
            Draft::from_json(&read_policy_file(path)?)
                .with_context(|| format!("policy file {}", path.display()))?,
        ),
        (None, Source::None) => Some(Draft::of_history(&Policy::kestra()?)),
        // Numbered as the facts are.
        (None, Source::Git(_) | Source::Endoflife(_)) => None,
    };
    let numbering = draft.as_ref().map(Draft::numbering);
    let prefix = draft.as_ref().and_then(Draft::tag_prefix);
    let read = read_facts(cli, numbering.as_ref(), prefix, today)?;
    let draft = match (draft, read, &source) {
        (Some(draft), Some(read), _) => draft
            .with_facts(&read.facts, read.history_as_of)
            .with_context(|| read.source)?,
        (Some(draft), None, _) => draft,
        (None, Some(read), Source::Git(name) | Source::Endoflife(name)) => {
            facts_draft(name, &read)?
        }
        // Without a draft, a source of facts was named, and read.
        (None, _, _) => Draft::of_history(&Policy::kestra()?),
    };
    within_what_policy_reads(&draft)?;
    draft.fit().context("policy --fit")
}

/// Refuses a draft whose history alone is more than `--policy` reads: the
/// file `policy --fit` prints holds it, and is refused now rather than
/// after a long fit. A history of fewer lines and patches than the limit
/// has KiB is fitted in milliseconds: writing it twice would cost more
/// than the check of the file after the fit, which is left to find it.
fn within_what_policy_reads(draft: &Draft) -> Result<()> {
    let history = draft.history();
    let entries: usize = history
        .iter()
        .map(|release| 1 + release.patches.len())
        .sum();
    if entries < MAX_FILE_BYTES >> 10 {
        return Ok(());
    }
    let bytes = draft.history_bytes();
    if bytes > MAX_FILE_BYTES {
        let what = "the fitted policy's history alone";
        return Err(beyond_policy_reads(what, bytes, history.len()));
    }
    Ok(())
}

/// A product's name from where its facts come from: the repository's
/// directory, or the endoflife.date answer's file, without its extension.
fn product_name(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty() && stem != "-")
        .unwrap_or_else(|| "fitted".to_owned())
}

/// Facts read from `--git` or `--endoflife`, to merge into a history.
struct ReadFacts {
    facts: Facts,
    history_as_of: Option<NaiveDate>,
    /// Where they come from, as the command line named it.
    source: String,
    /// The endoflife.date answer's file, when they come from one.
    endoflife: Option<std::path::PathBuf>,
}

/// The facts `--git` or `--endoflife` name, for a history numbered as
/// `numbering` says (a policy's; without one, a repository's tags are read
/// as minor lines and an endoflife.date answer's cycles as it numbers
/// them) whose tags start with `prefix`; `None` without either. With
/// `--git` the history is complete up to the repository's own day (its
/// newest tag, branch or fetch), capped at today: a line the rules
/// expected by then without a tag is overdue. What an answer's cycles
/// contradict of themselves is left out, and said in one note.
fn read_facts(
    cli: &Cli,
    numbering: Option<&Numbering>,
    prefix: Option<&str>,
    today: NaiveDate,
) -> Result<Option<ReadFacts>> {
    let read = match cli.sources.either(cli.command.sources())? {
        Source::Git(dir) => {
            let kind = numbering.map_or(LineKind::Minor, |numbering| numbering.kind);
            let repository = facts::git_facts(dir, prefix, kind)?;
            for warning in &repository.warnings {
                message(warning);
            }
            ReadFacts {
                facts: repository.facts,
                // A commit or a fetch dated after today is a clock's error.
                history_as_of: repository.complete_up_to.map(|day| day.min(today)),
                source: format!("--git {}", dir.display()),
                endoflife: None,
            }
        }
        Source::Endoflife(file) => {
            let facts = facts::endoflife_facts(file, numbering)?;
            ReadFacts {
                facts,
                history_as_of: None,
                source: format!("--endoflife {}", file.display()),
                endoflife: Some(file.to_path_buf()),
            }
        }
        Source::None => return Ok(None),
    };
    let contradictions = read.facts.contradictions();
    if !contradictions.is_empty() {
        let named: Vec<String> = contradictions.iter().map(ToString::to_string).collect();
        message(&format!(
            "note: {}: left out what cycles say against themselves: {}",
            read.source,
            named.join("; ")
        ));
    }
    // `policy`, which shows the merged history, says what was left out.
    if matches!(cli.command, Command::Policy(_)) {
        for (name, why) in read.facts.ignored() {
            message(&format!("{}: left {name} out: {why}", read.source));
        }
    }
    Ok(Some(read))
}
