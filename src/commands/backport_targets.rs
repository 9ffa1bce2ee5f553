//! `backport-targets`: the lines (or branches) a fix goes to.

use anyhow::{Context as _, Result, bail};

use lts_policy::Policy;
use lts_policy::answers::Fix;
use lts_policy::rules::BranchTemplate;

use super::{Explain, ManText, Query, Recorded, Run, last_day, line_option};
use crate::render::Report;
use crate::render::reports::Targets;
use crate::session::{Answer, Context, Format, Output};

help!(
    "Lines (or branch names) a fix must be backported to, one per line",
    "Example: `for b in $(lts-policy backport-targets --latest 1.3 --branch); do ...; done`"
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// Answer for the day LINE was (or will be) released, e.g. 1.3
    #[arg(long, value_name = "LINE", conflicts_with = "on")]
    latest: Option<String>,

    #[command(flatten)]
    pub(super) query: Query,

    /// Drop lines older than LINE, where the bug first appeared, e.g. 1.2
    #[arg(long, value_name = "LINE")]
    since: Option<String>,

    /// A security fix: every supported line, not only those in active
    /// support (a policy of one phase answers the same), e.g. `backport-targets
    /// --security`
    #[arg(long)]
    security: bool,

    /// Print branch names: the policy's template, or TEMPLATE, e.g.
    /// 'release-{major}.{minor}'
    #[arg(long, value_name = "TEMPLATE", num_args = 0..=1)]
    branch: Option<Option<String>>,

    #[command(flatten)]
    explain: Explain,

    #[command(flatten)]
    recorded: Recorded,

    /// With --format dependabot, the package ecosystem of its updates, as
    /// Dependabot names them, e.g. `--ecosystem maven`
    #[arg(long, value_name = "ECOSYSTEM")]
    ecosystem: Option<String>,

    // A line given bare, as `backport-targets 1.3`, is taken only to be
    // refused with the two options it may mean. (Hidden: no doc comment.)
    #[arg(hide = true, value_name = "LINE")]
    bare_line: Option<String>,
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Ndjson,
        Format::Csv,
        Format::Plain,
        Format::GithubMatrix,
        Format::Backportrc,
        Format::Renovate,
        Format::Dependabot,
    ];

    const MAN: ManText = ManText {
        exit: ("answered, however many lines a fix goes to", None),
        examples: &[
            (
                "lts-policy backport-targets --branch",
                "The branches a bug fix goes to today, one per line: the lines in active support.",
            ),
            (
                "lts-policy backport-targets --security --since 1.2",
                "The lines a security fix for a bug that appeared in 1.2 goes to: every supported line from 1.2 on.",
            ),
            (
                "lts-policy backport-targets --latest 1.3 --format github-matrix",
                "The targets on the day 1.3 comes out, as a GitHub Actions matrix.",
            ),
            (
                "lts-policy backport-targets --recorded --branch",
                "The branches a bug fix goes to today among the lines the history lists: none \
                 that only the rules project.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        if let Some(line) = &self.bare_line {
            bail!(
                "backport-targets takes no bare line {line:?}: did you mean --latest {line} (the \
                 targets on the day it comes out) or --since {line} (leave out the lines older \
                 than it, where the bug appeared)?"
            );
        }
        let format = context.settings.format;
        let ecosystem = self.ecosystem(format)?;
        let policy = &context.policy;
        let latest = line_option("--latest", self.latest.as_deref(), policy)?;
        let since = line_option("--since", self.since.as_deref(), policy)?;
        let branches = self.branch_template(policy)?;
        let on = match &latest {
            Some(line) => policy.release_of(line.clone()).context("--latest")?,
            None => context.on,
        };
        let fix = if self.security {
            Fix::Security
        } else {
            Fix::Bug
        };
        let mut targets = policy
            .backport_targets(on, since.clone(), fix)
            .context("--since")?;
        self.recorded.keep(&mut targets, |target| &target.info);
        let explanations = self.explain.asked(&self.recorded, || {
            policy.explain_backports(on, since.clone(), fix)
        })?;
        last_day::check(targets.iter().map(|line| &line.info))?;
        let report = Targets {
            policy,
            on,
            latest,
            since,
            targets,
            template: branches.as_ref().unwrap_or(policy.branch_template()),
            branches: branches.is_some(),
            explanations,
            ecosystem,
        };
        let answer = Answer::yes().with_note(report.aside(format, context.today)?);
        out.answer(answer, |out| report.write(&context.settings, out))
    }
}

impl Args {
    /// `--ecosystem`, which `--format dependabot` needs and no other
    /// format takes.
    fn ecosystem(&self, format: Format) -> Result<&str> {
        match (format, self.ecosystem.as_deref()) {
            (Format::Dependabot, Some(ecosystem)) => ecosystem_name(ecosystem),
            (Format::Dependabot, None) => bail!(
                "--format dependabot needs --ecosystem, the package ecosystem of its updates \
                 (e.g. maven, npm, pip, docker, github-actions)"
            ),
            (_, Some(_)) => bail!("--ecosystem is for --format dependabot"),
            (_, None) => Ok(""),
        }
    }

    /// The template of the branch names `--branch` asks for: its own, or
    /// the policy's; `None` without `--branch`.
    fn branch_template(&self, policy: &Policy) -> Result<Option<BranchTemplate>> {
        let Some(given) = &self.branch else {
            return Ok(None);
        };
        let Some(raw) = given else {
            return Ok(Some(policy.branch_template().clone()));
        };
        let template = BranchTemplate::parse(raw).context("--branch")?;
        template
            .check_lines(policy.line_kind())
            .context("--branch")?;
        Ok(Some(template))
    }
}

/// A Dependabot package ecosystem as `--ecosystem` gives it: a name of
/// lowercase letters, digits and `-`, as Dependabot's are (`maven`,
/// `github-actions`).
fn ecosystem_name(ecosystem: &str) -> Result<&str> {
    let valid = !ecosystem.is_empty()
        && ecosystem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        bail!(
            "--ecosystem {ecosystem:?}: a Dependabot package ecosystem is lowercase letters, \
             digits and '-', like maven or github-actions"
        );
    }
    Ok(ecosystem)
}
