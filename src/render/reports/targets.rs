//! `backport-targets`: the lines (or branches) a fix goes to, in every
//! format it writes, the CI recipes included.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::answers::Explanation;
use lts_policy::rules::BranchTemplate;
use lts_policy::{Line, Policy, PolicyError, SupportedLine};

use crate::render::rows::{self, SupportedRow};
use crate::render::text::Text;
use crate::render::views::{ExplanationView, LineView};
use crate::render::{Report, explain, github, json, query};
use crate::session::{Format, Settings};

/// The lines a fix goes to on a day.
pub struct Targets<'p> {
    pub policy: &'p Policy,
    pub on: NaiveDate,
    pub latest: Option<Line>,
    pub since: Option<Line>,
    pub targets: Vec<SupportedLine>,
    /// The branch template in force: `--branch`'s, or the policy's.
    pub template: &'p BranchTemplate,
    /// Whether `--branch` asks for branch names instead of lines.
    pub branches: bool,
    pub explanations: Option<Vec<Explanation>>,
    /// With `--format dependabot`, the package ecosystem of its updates.
    pub ecosystem: &'p str,
}

impl Report for Targets<'_> {
    type Item<'a>
        = LineView<'a>
    where
        Self: 'a;

    type Row = SupportedRow;

    /// Bare lines or branches, one per line, for `$(...)`.
    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        for item in self.items() {
            if let Some(value) = self.plain(&item?) {
                writeln!(out.out(), "{value}")?;
            }
        }
        Ok(())
    }

    fn json(&self) -> impl json::Document {
        #[derive(Serialize)]
        struct View<'a> {
            on: String,
            latest: Option<String>,
            since: Option<String>,
            targets: Vec<LineView<'a>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            explanations: Option<Vec<ExplanationView>>,
        }
        json::envelope(
            self.policy,
            View {
                on: self.on.to_string(),
                latest: self.latest.as_ref().map(ToString::to_string),
                since: self.since.as_ref().map(ToString::to_string),
                targets: self.views().collect(),
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
        Some(if self.branches {
            item.branch()
        } else {
            item.line().to_string()
        })
    }

    fn write(&self, settings: &Settings, out: &mut dyn Write) -> Result<()> {
        let targets = || github::targets(&self.targets, self.template);
        match settings.format {
            Format::GithubMatrix => github::matrix(&targets(), out),
            Format::Backportrc => github::backportrc(&targets(), out),
            Format::Renovate => github::renovate(&targets(), out),
            Format::Dependabot => github::dependabot(&targets(), self.ecosystem, out),
            _ => query(self, settings, out),
        }
    }

    /// Text and plain are bare lines or branches, one per line, for
    /// `$(...)`; the recipes have no field for a projected line.
    fn aside(&self, format: Format, today: NaiveDate) -> Result<Option<String>> {
        Ok(match format {
            Format::Text | Format::Plain => explain::beside_bare_lines(
                self.policy,
                &self.targets,
                self.explanations.as_deref(),
                self.on,
                today,
            ),
            Format::GithubMatrix | Format::Backportrc | Format::Renovate | Format::Dependabot => {
                github::projected_note(self.policy, &self.targets)
            }
            _ => None,
        })
    }
}

impl Targets<'_> {
    fn views(&self) -> impl Iterator<Item = LineView<'_>> {
        self.targets
            .iter()
            .map(|line| LineView::supported(line, self.template))
    }
}
