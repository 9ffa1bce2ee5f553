//! `supported`: the lines supported on a date, with their roles.

use anyhow::Result;
use clap::{Arg, ArgAction, ArgMatches, FromArgMatches};

use lts_policy::answers::Selection;

use super::{Explain, ManText, Query, Recorded, Run, last_day};
use crate::render::Report;
use crate::render::reports::Supported;
use crate::session::{Answer, Context, Format, Output};

help!(
    "Lines supported on a date, with roles, release date, eol, days left and newest patch",
    "Example: `lts-policy supported --lts --format plain` lists the LTS lines, one per line."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    #[command(flatten)]
    pub(super) query: Query,

    #[command(flatten)]
    lines: LinesAsked,

    #[command(flatten)]
    explain: Explain,

    #[command(flatten)]
    recorded: Recorded,
}

/// The supported lines asked for, `--lts` or `--latest` (or neither: all
/// of them), as one choice: the two flags exclude each other.
#[derive(Debug, Clone, Copy)]
struct LinesAsked(Selection);

impl clap::Args for LinesAsked {
    fn augment_args(command: clap::Command) -> clap::Command {
        command
            .arg(
                Arg::new("lts")
                    .long("lts")
                    .action(ArgAction::SetTrue)
                    .conflicts_with("latest")
                    .help(
                        "Only the LTS lines (roles latest-lts and previous-lts), as \
                         ubuntu-distro-info --lts, e.g. `supported --lts --format plain`",
                    ),
            )
            .arg(
                Arg::new("latest")
                    .long("latest")
                    .action(ArgAction::SetTrue)
                    .help(
                        "Only the latest line, as ubuntu-distro-info --latest, e.g. `supported \
                         --latest`",
                    ),
            )
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Self::augment_args(command)
    }
}

impl FromArgMatches for LinesAsked {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        Ok(Self(
            match (matches.get_flag("lts"), matches.get_flag("latest")) {
                (true, _) => Selection::Lts,
                (false, true) => Selection::Latest,
                (false, false) => Selection::All,
            },
        ))
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "answered, however many lines are supported (none before the first release)",
            None,
        ),
        examples: &[
            (
                "lts-policy supported",
                "The lines supported today, with their roles, release dates, ends of support, days left and newest patches.",
            ),
            (
                "lts-policy supported --lts --format plain",
                "The LTS lines maintained today, one per line.",
            ),
            (
                "lts-policy supported --on 2027-01-01 --json",
                "The same answer for 1 January 2027, as JSON.",
            ),
        ],
    };

    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Ndjson,
        Format::Csv,
        Format::Plain,
        Format::Md,
        Format::GithubMatrix,
    ];

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let policy = &context.policy;
        let on = context.on;
        let selection = self.lines.0;
        let mut lines = policy.supported_selected(on, selection)?;
        let left_out = self.recorded.keep(&mut lines, |line| &line.info);
        let explanations = self
            .explain
            .asked(&self.recorded, || policy.explain_on(on, None))?;
        last_day::check(lines.iter().map(|line| &line.info))?;
        let report = Supported {
            policy,
            on,
            selection,
            lines,
            left_out,
            explanations,
        };
        let answer = Answer::yes().with_note(report.aside(context.settings.format, context.today)?);
        out.answer(answer, |out| report.write(&context.settings, out))
    }
}
