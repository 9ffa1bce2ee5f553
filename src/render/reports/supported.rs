//! `supported`: the lines supported on a date, with their roles, in every
//! format it writes.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::answers::{Explanation, Selection};
use lts_policy::{Line, Policy, PolicyError, SupportedLine};

use crate::render::rows::{self, SupportedRow};
use crate::render::text::{self, Row, Text};
use crate::render::views::{ExplanationView, LineView};
use crate::render::{Report, explain, github, json, markdown, query, words};
use crate::session::{Format, Settings, for_terminal};

/// The lines supported on a day.
pub struct Supported<'p> {
    pub policy: &'p Policy,
    pub on: NaiveDate,
    /// The lines asked for: all, `--lts` or `--latest`.
    pub selection: Selection,
    pub lines: Vec<SupportedLine>,
    /// The supported lines `--recorded` leaves out, the rules' alone.
    pub left_out: Vec<Line>,
    /// With `--explain`: every line the answer is about, newest first.
    pub explanations: Option<Vec<Explanation>>,
}

impl Report for Supported<'_> {
    type Item<'a>
        = LineView<'a>
    where
        Self: 'a;

    type Row = SupportedRow;

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        self.heading(out)?;
        if !self.lines.is_empty() {
            self.table(out)?;
        }
        if let Some(explanations) = &self.explanations {
            explain::text_block(explanations, self.on, out.out())?;
        }
        Ok(())
    }

    fn json(&self) -> impl json::Document {
        #[derive(Serialize)]
        struct View<'a> {
            on: String,
            lines: Vec<LineView<'a>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            explanations: Option<Vec<ExplanationView>>,
        }
        json::envelope(
            self.policy,
            View {
                on: self.on.to_string(),
                lines: self.views().collect(),
                explanations: explain::views(self.explanations.as_deref(), self.on),
            },
        )
    }

    fn items(&self) -> impl Iterator<Item = Result<LineView<'_>, PolicyError>> {
        self.views().map(Ok)
    }

    fn row<'a>(&'a self, item: &LineView<'a>) -> SupportedRow {
        rows::supported_row(item)
    }

    fn plain<'a>(&'a self, item: &LineView<'a>) -> Option<String> {
        Some(item.line().to_string())
    }

    fn write(&self, settings: &Settings, out: &mut dyn Write) -> Result<()> {
        match settings.format {
            // The supported lines as a test matrix: one job per line.
            Format::GithubMatrix => {
                let targets = github::targets(&self.lines, self.policy.branch_template());
                github::matrix(&targets, out)
            }
            Format::Md => markdown::supported(self.policy, self.on, &self.lines, out),
            _ => query(self, settings, out),
        }
    }

    /// Plain output is one line per item, and a matrix only marks the
    /// lines the rules project.
    fn aside(&self, format: Format, today: NaiveDate) -> Result<Option<String>> {
        Ok(match format {
            Format::Plain => explain::beside_bare_lines(
                self.policy,
                &self.lines,
                self.explanations.as_deref(),
                self.on,
                today,
            ),
            Format::GithubMatrix => github::projected_note(self.policy, &self.lines),
            _ => None,
        })
    }
}

impl Supported<'_> {
    fn views(&self) -> impl Iterator<Item = LineView<'_>> {
        let branch = self.policy.branch_template();
        self.lines
            .iter()
            .map(move |line| LineView::supported(line, branch))
    }

    /// What the answer is about, and why it is empty when it is.
    fn heading(&self, out: &mut Text<'_>) -> Result<()> {
        let (policy, on) = (self.policy, self.on);
        let name = for_terminal(policy.name());
        let first = policy.first_release();
        if !self.lines.is_empty() {
            writeln!(out.out(), "Supported on {on} (policy: {name})\n")?;
        } else if !self.left_out.is_empty() {
            let projected: Vec<String> = self.left_out.iter().map(ToString::to_string).collect();
            writeln!(
                out.out(),
                "No line the history lists is supported on {on} (policy: {name}): the rules \
                 project {}, which --recorded leaves out",
                words::listed(&projected)
            )?;
        } else if on < first.released {
            writeln!(
                out.out(),
                "Nothing is supported on {on} (policy: {name}): the first line, {}, is released \
                 on {}",
                first.line,
                first.released
            )?;
        } else if self.selection == Selection::Lts {
            writeln!(
                out.out(),
                "No LTS line is maintained on {on} (policy: {name})"
            )?;
        } else {
            // The history's record ended every line, the latest included.
            writeln!(
                out.out(),
                "No line is supported on {on} (policy: {name}): the history records the end of \
                 each"
            )?;
        }
        Ok(())
    }

    /// The lines, one per row; the phase and its end for a policy of two
    /// phases.
    fn table(&self, out: &mut Text<'_>) -> Result<()> {
        let (phases, lts) = (self.policy.has_phases(), self.policy.has_lts());
        let header = text::shown_columns(&[
            ("LINE", true),
            ("ROLES", true),
            ("PHASE", phases),
            ("RELEASED", true),
            ("LTS", lts),
            ("ACTIVE UNTIL", phases),
            ("EOL", true),
            ("DAYS LEFT", true),
            ("LATEST PATCH", true),
        ]);
        text::table(out, Some(&header), || {
            self.lines
                .iter()
                .map(|line| Ok(self.line_row(line, phases, lts)))
        })
    }

    fn line_row(&self, line: &SupportedLine, phases: bool, lts: bool) -> Row {
        let info = &line.info;
        let mut row = Row::default()
            .line(info)
            .cell(words::roles_text(&line.roles, ", "));
        if phases {
            row = row.cell(words::phase_cell(line.phase));
        }
        row = row.sourced(info.released, info.released_source);
        if lts {
            row = row.sourced(words::lts_cell(info, Some(self.on)), info.lts_source);
        }
        if phases {
            row = row.sourced_or_dash(info.active_until, info.active_source);
        }
        row = row.sourced(words::eol_cell(info), info.eol_source).cell(
            line.days_left
                .map_or_else(|| "-".to_owned(), |days| days.to_string()),
        );
        match &line.latest_patch {
            Some(patch) => row.sourced(patch.version, patch.source),
            None => row.cell("-"),
        }
    }
}
