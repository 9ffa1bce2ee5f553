//! `supported`: the lines supported on a date, with their roles.

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Arg, ArgAction, ArgMatches, FromArgMatches};
use serde::Serialize;

use lts_policy::answers::{Explanation, Selection};
use lts_policy::{Line, Policy, PolicyError, SupportedLine};

use super::{Explain, ManText, Query, Recorded, Run, last_day};
use crate::render::rows::{self, SupportedRow};
use crate::render::text::{self, Row, Text};
use crate::render::views::{ExplanationView, LineView};
use crate::render::{self, Report, explain, github, json, markdown, words};
use crate::session::{Answer, Context, Format, Output, for_terminal};

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
        let mut explanations = self
            .explain
            .explain
            .then(|| policy.explain_on(on, None))
            .transpose()?;
        if let Some(explanations) = &mut explanations {
            self.recorded.keep(explanations, |why| &why.info);
        }
        let report = Supported {
            policy,
            on,
            selection,
            lines,
            left_out,
            explanations,
        };
        last_day::check(report.lines.iter().map(|line| &line.info))?;
        // Plain output is one line per item: what it cannot carry goes to
        // stderr.
        let answer = match context.settings.format {
            Format::Plain => explain::beside_bare_lines(
                policy,
                &report.lines,
                report.explanations.as_deref(),
                on,
                context.today,
            ),
            Format::GithubMatrix => {
                Answer::yes().with_note(github::projected_note(policy, &report.lines))
            }
            _ => Answer::yes(),
        };
        out.answer(answer, |out| match context.settings.format {
            // The supported lines as a test matrix: one job per line.
            Format::GithubMatrix => {
                let targets = github::targets(&report.lines, policy.branch_template());
                github::matrix(&targets, out)
            }
            Format::Md => markdown::supported(policy, on, &report.lines, out),
            _ => render::query(&report, &context.settings, out),
        })
    }
}

struct Supported<'p> {
    policy: &'p Policy,
    on: NaiveDate,
    /// The lines asked for: all, `--lts` or `--latest`.
    selection: Selection,
    lines: Vec<SupportedLine>,
    /// The supported lines `--recorded` leaves out, the rules' alone.
    left_out: Vec<Line>,
    /// With `--explain`: every line the answer is about, newest first.
    explanations: Option<Vec<Explanation>>,
}

impl Report for Supported<'_> {
    type Item<'a>
        = LineView<'a>
    where
        Self: 'a;

    type Row = SupportedRow;

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        let (policy, on) = (self.policy, self.on);
        let first = policy.first_release();
        if self.lines.is_empty() && !self.left_out.is_empty() {
            let projected: Vec<String> = self.left_out.iter().map(ToString::to_string).collect();
            writeln!(
                out.out(),
                "No line the history lists is supported on {on} (policy: {}): the rules project \
                 {}, which --recorded leaves out",
                for_terminal(policy.name()),
                words::listed(&projected)
            )?;
        } else if self.lines.is_empty() && self.selection == Selection::Lts && on >= first.released
        {
            writeln!(
                out.out(),
                "No LTS line is maintained on {on} (policy: {})",
                for_terminal(policy.name())
            )?;
        } else if self.lines.is_empty() && on >= first.released {
            // The history's record ended every line, the latest included.
            writeln!(
                out.out(),
                "No line is supported on {on} (policy: {}): the history records the end of each",
                for_terminal(policy.name())
            )?;
        } else if self.lines.is_empty() {
            writeln!(
                out.out(),
                "Nothing is supported on {on} (policy: {}): the first line, {}, is released on {}",
                for_terminal(policy.name()),
                first.line,
                first.released
            )?;
        } else {
            writeln!(
                out.out(),
                "Supported on {on} (policy: {})\n",
                for_terminal(policy.name())
            )?;
            // The phase and its end, for a policy of two phases.
            let phases = policy.has_phases();
            let header: Vec<&str> = [
                ("LINE", true),
                ("ROLES", true),
                ("PHASE", phases),
                ("RELEASED", true),
                ("LTS", true),
                ("ACTIVE UNTIL", phases),
                ("EOL", true),
                ("DAYS LEFT", true),
                ("LATEST PATCH", true),
            ]
            .into_iter()
            .filter_map(|(name, shown)| shown.then_some(name))
            .collect();
            text::table(out, Some(&header), || {
                self.lines.iter().map(|line| {
                    let info = &line.info;
                    let mut row = Row::default()
                        .line(info)
                        .cell(words::roles_text(&line.roles, ", "));
                    if phases {
                        row = row.cell(words::phase_cell(line.phase));
                    }
                    row = row
                        .sourced(info.released, info.released_source)
                        .sourced(words::lts_cell(info, Some(on)), info.lts_source);
                    if phases {
                        row = match info.active_until {
                            Some(until) => row.sourced(until, info.active_source),
                            None => row.cell("-"),
                        };
                    }
                    row = row.sourced(words::eol_cell(info), info.eol_source).cell(
                        line.days_left
                            .map_or_else(|| "-".to_owned(), |days| days.to_string()),
                    );
                    Ok(match &line.latest_patch {
                        Some(patch) => row.sourced(patch.version, patch.source),
                        None => row.cell("-"),
                    })
                })
            })?;
        }
        if let Some(explanations) = &self.explanations {
            explain::text_block(explanations, on, out.out())?;
        }
        Ok(())
    }

    fn json(&self) -> impl Serialize {
        #[derive(Serialize)]
        struct View<'a> {
            on: String,
            lines: Vec<LineView<'a>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            explanations: Option<Vec<ExplanationView>>,
        }
        let branch = self.policy.branch_template();
        json::envelope(
            self.policy,
            View {
                on: self.on.to_string(),
                lines: self
                    .lines
                    .iter()
                    .map(|line| LineView::supported(line, branch))
                    .collect(),
                explanations: self
                    .explanations
                    .as_deref()
                    .map(|explanations| explain::views(explanations, self.on)),
            },
        )
    }

    fn items(&self) -> impl Iterator<Item = Result<LineView<'_>, PolicyError>> {
        let branch = self.policy.branch_template();
        self.lines
            .iter()
            .map(move |line| Ok(LineView::supported(line, branch)))
    }

    fn row(&self, item: &LineView<'_>) -> SupportedRow {
        rows::supported_row(item)
    }

    fn plain<'a>(&'a self, item: &LineView<'a>) -> Option<String> {
        Some(item.line().to_string())
    }
}
