//! Loads the policy, resolves the dates, asks the model and renders.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use lts_policy::policy::{Policy, Role, SupportState, check_policy, parse_policy, policy_to_json};

use clap::CommandFactory;

use crate::cli::{self, Cli, ColorChoice, Command, Format};
use crate::render::{Export, Report, Timeline, dangling_message, render};

/// What the program learns from outside its arguments, read once in `main`.
pub struct Environment {
    /// The current UTC date.
    pub today: NaiveDate,
    pub stdout_is_terminal: bool,
    pub terminal_width: Option<u16>,
    /// NO_COLOR is set to something.
    pub no_color: bool,
}

/// How a query ended when it did not fail.
pub enum Answer {
    /// The answer is yes (or simply given): exit 0.
    Yes,
    /// The answer is no: exit 1, with an optional note for stderr.
    No(Option<String>),
}

fn read_policy_file(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .with_context(|| format!("cannot read policy file {}", path.display()))
}

fn load_policy(cli: &Cli) -> Result<Policy> {
    match &cli.policy {
        None => Ok(Policy::kestra()?),
        Some(path) => parse_policy(&read_policy_file(path)?)
            .with_context(|| format!("policy file {}", path.display())),
    }
}

/// Answers the command for `today`, writing the answer to `out` only once it
/// is complete.
pub fn run(cli: &Cli, environment: &Environment, out: &mut dyn Write) -> Result<Answer> {
    let today = environment.today;
    let format = cli.format();
    let formats = cli.command.formats();
    if !formats.contains(&format) {
        let names: Vec<&str> = formats.iter().map(|format| format.name()).collect();
        bail!(
            "--format {} is not available for {}; it writes {}",
            format.name(),
            cli.command.name(),
            names.join(", ")
        );
    }
    // Completions and the man page describe the program, not a policy.
    let policy = match cli.command {
        Command::Completions { .. } | Command::Man => Policy::kestra()?,
        _ => load_policy(cli)?,
    };
    let policy = &policy;
    let mut answer = Answer::Yes;
    let report = match &cli.command {
        Command::Supported {
            on,
            lts,
            latest,
            explain,
        } => {
            let on = on.resolve(today)?;
            let mut lines = policy.supported_on(on)?;
            if *lts {
                lines.retain(|line| line.roles.iter().any(|role| *role != Role::Latest));
            }
            if *latest {
                lines.retain(|line| line.roles.contains(&Role::Latest));
            }
            Report::Supported {
                policy,
                on,
                lines,
                explanations: explain.explain.then(|| policy.explain_on(on)).transpose()?,
            }
        }
        Command::BackportTargets {
            latest,
            on,
            since,
            branch,
            explain,
        } => {
            let latest = cli::optional_line("--latest", latest.as_deref())?;
            let since = cli::optional_line("--since", since.as_deref())?;
            let branch = cli::branch_template(branch.as_ref(), policy.branch_template())?;
            let on = match latest {
                Some(line) => policy.release_of(line).context("--latest")?,
                None => cli::date_option("--on", on.as_deref(), today)?,
            };
            let targets = policy.backport_targets(on, since).context("--since")?;
            Report::BackportTargets {
                policy,
                on,
                latest,
                since,
                targets,
                branch,
                explanations: explain.explain.then(|| policy.explain_on(on)).transpose()?,
            }
        }
        Command::Status {
            version,
            on,
            explain,
        } => {
            let version = cli::version_argument(version)?;
            let on = on.resolve(today)?;
            let status = policy.status(version, on)?;
            if status.state != SupportState::Supported {
                answer = Answer::No(None);
            }
            let explanation = if explain.explain {
                Some(Box::new(
                    policy.explain(status.info.index, &policy.supported_on(on)?)?,
                ))
            } else {
                None
            };
            Report::Status {
                policy,
                status,
                explanation,
            }
        }
        Command::Releases { from, to, on } => {
            let from = cli::optional_date("--from", from.as_deref())?;
            let to = cli::optional_date("--to", to.as_deref())?;
            let on = on.resolve(today)?;
            let calendar = policy.releases(from, to, on)?;
            match format {
                Format::Md => Report::Export(Export::Markdown { policy, calendar }),
                Format::Ics => Report::Export(Export::Ics {
                    policy,
                    on,
                    patch_days: policy.patch_days(calendar.from, calendar.to)?,
                    calendar,
                }),
                Format::Endoflife => Report::Export(Export::EndOfLife {
                    cycles: calendar
                        .lines
                        .into_iter()
                        .map(|info| Ok((policy.newest_or_first_version(&info, on)?, info)))
                        .collect::<Result<_>>()?,
                }),
                _ => Report::Releases { policy, calendar },
            }
        }
        Command::Tag { name, on } => {
            let tag = cli::tag_argument(name)?;
            let on = on.resolve(today)?;
            let target = policy.tag(tag, on)?;
            if let Err(dangling) = target {
                // Text prints no version, so the reason goes to stderr; JSON carries it.
                let note = matches!(format, Format::Text | Format::Plain)
                    .then(|| dangling_message(name, on, dangling));
                answer = Answer::No(note);
            }
            Report::Tag {
                policy,
                name,
                on,
                target,
            }
        }
        Command::NextPatch { after } => {
            let day = match cli::optional_date("--after", after.as_deref())? {
                Some(after) => policy.next_patch_day_after(after)?,
                None => policy.next_patch_day_from(today)?,
            };
            Report::NextPatch { policy, day }
        }
        Command::Policy { check: None } => Report::Policy {
            json: policy_to_json(policy),
        },
        Command::Policy { check: Some(path) } => {
            let text = read_policy_file(path)?;
            let problems = check_policy(&text).err().unwrap_or_default();
            if !problems.is_empty() {
                answer = Answer::No(None);
            }
            Report::PolicyCheck {
                file: path.display().to_string(),
                problems,
            }
        }
        Command::Timeline {
            from,
            to,
            on,
            width,
            color,
        } => {
            let on = on.resolve(today)?;
            let from = match cli::optional_date("--from", from.as_deref())? {
                Some(from) => from,
                None => policy.default_lookback(on)?,
            };
            let to = match cli::optional_date("--to", to.as_deref())? {
                Some(to) => to,
                None => policy.default_horizon(on)?,
            };
            if from >= to {
                bail!("--from {from} is not before --to {to}");
            }
            Report::Timeline(Timeline {
                policy,
                on,
                from,
                to,
                lines: policy.lines_between(from, to)?,
                width: width.or(environment.terminal_width).unwrap_or(80),
                color: match color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => environment.stdout_is_terminal && !environment.no_color,
                },
            })
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "lts-policy", &mut script);
            Report::Generated(script)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            Report::Generated(page)
        }
        Command::Audit { on, projected, to } => {
            let on = on.resolve(today)?;
            let until = match (projected, cli::optional_date("--to", to.as_deref())?) {
                (false, _) => on,
                (true, Some(to)) => to,
                (true, None) => policy.default_horizon(on)?,
            };
            let audit = policy.audit(until, *projected)?;
            if !audit.findings.is_empty() {
                answer = Answer::No(None);
            }
            Report::Audit { policy, audit }
        }
    };
    render(&report, format, environment.stdout_is_terminal, out)?;
    out.flush()?;
    Ok(answer)
}
