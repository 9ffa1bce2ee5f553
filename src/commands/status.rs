//! `status VERSION...`: whether each version is supported, until when, and
//! what to upgrade to; with `--ends-within PERIOD`, whether it stays
//! supported that long.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use lts_policy::{Policy, PolicyError};

use super::{Explain, ManText, PERIOD_VALUE, Query, Run, alone_as_text, last_day};
use crate::render::Report;
use crate::render::reports::{StatusReport, VersionAnswer};
use crate::session::{Answer, Context, Format, Lookahead, Output};

help!(
    "Whether a version is supported, until when, and what to upgrade to",
    "Exits 0 when every VERSION is supported on the date (and, with --ends-within PERIOD, \
     stays supported past that PERIOD), 1 when one is not."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// The versions or lines, one or more, e.g. 1.3.7, v1.3 or 1.3
    #[arg(value_name = "VERSION", required = true)]
    versions: Vec<String>,

    /// Count a version whose support ends within PERIOD of the date as not
    /// supported (exit 1), as scanners' lookahead does: days (60 or 60d),
    /// weeks (8w), calendar months (2m) or years (1y), e.g. `--ends-within 60`
    #[arg(long, value_name = "PERIOD", value_parser = PERIOD_VALUE)]
    ends_within: Option<Lookahead>,

    /// Print each version's days from the date to its end of support alone,
    /// one line each, as `ubuntu-distro-info --days=eol` does: negative once
    /// it has passed, `unknown` where no end is known, e.g. `status 1.3
    /// --days`
    #[arg(long)]
    days: bool,

    #[command(flatten)]
    pub(super) query: Query,

    #[command(flatten)]
    explain: Explain,
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Ndjson,
        Format::Csv,
        Format::Plain,
        Format::Openeox,
    ];

    const MAN: ManText = ManText {
        exit: (
            "every version's line is supported on the date (with --ends-within PERIOD, past \
             that PERIOD)",
            Some(
                "one is not: its support has ended, it is not released yet, or it ends within \
                 --ends-within's period",
            ),
        ),
        examples: &[
            (
                "lts-policy status 1.0.5",
                "Whether 1.0.5 is supported today, until when, and what to upgrade to.",
            ),
            (
                "lts-policy status \"$VERSION\" --on 2026-11-25 || exit 1",
                "Fails a CI job whose version is not supported on 25 November 2026.",
            ),
            (
                "lts-policy status 1.0.5 --on 2026-09-19 --days",
                "-10: 1.0's support ended on 2026-09-09, ten days before.",
            ),
            (
                "lts-policy status 1.3.2 2.0.1 --ends-within 60 --format csv",
                "Both versions, one row each; exit 1 unless both stay supported for more than 60 \
                 days.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let policy = &context.policy;
        let on = context.on;
        let format = context.settings.format;
        if self.days {
            alone_as_text("--days", "the days left", format)?;
        }
        let within = match self.ends_within {
            Some(period) => Some((period, period.days_from(on)?)),
            None => None,
        };
        let answers = self
            .versions
            .iter()
            .map(|raw| self.answer(policy, raw, on, within))
            .collect::<Result<Vec<_>>>()?;
        let yes = answers.iter().all(VersionAnswer::passes);
        let report = StatusReport {
            policy,
            answers,
            days_alone: self.days,
        };
        let answer = Answer::from_bool(yes).with_note(report.aside(format, context.today)?);
        out.answer(answer, |out| report.write(&context.settings, out))
    }
}

impl Args {
    /// The answer for the version written `raw`.
    fn answer(
        &self,
        policy: &Policy,
        raw: &str,
        on: NaiveDate,
        within: Option<(Lookahead, u32)>,
    ) -> Result<VersionAnswer> {
        let version = policy.read_version(raw).context("VERSION")?;
        let status = match policy.status(version, on) {
            // A version of no line of the policy's kind: the input's fault.
            Err(err @ PolicyError::InvalidVersion(_)) => return Err(err).context("VERSION"),
            status => status?,
        };
        last_day::check(status.info.iter())?;
        let explanation = (self.explain.explain && status.info.is_some())
            .then(|| policy.explain_line(&status.line, on))
            .transpose()?;
        let ends_within = within
            .filter(|&(_, days)| status.ends_within(days))
            .map(|(period, _)| period);
        Ok(VersionAnswer {
            status,
            explanation,
            ends_within,
        })
    }
}
