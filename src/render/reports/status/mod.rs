//! `status VERSION...`: whether each version is supported, until when, and
//! what to upgrade to, in every format it writes.

mod text;

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::answers::{Explanation, Status, SupportState};
use lts_policy::lines::{Patch, Phase};
use lts_policy::{Policy, PolicyError};

use crate::render::csv::Cell;
use crate::render::json::{self, IsoDate};
use crate::render::text::Text;
use crate::render::views::{LineView, RoleNames};
use crate::render::{Report, explain, openeox, query, words};
use crate::session::{Format, Lookahead, Settings, joined_notes};

/// One version's answer.
pub struct VersionAnswer {
    pub status: Status,
    pub explanation: Option<Explanation>,
    /// `--ends-within`'s period, when the version's support ends within it.
    pub ends_within: Option<Lookahead>,
}

impl VersionAnswer {
    /// Whether the version counts as a "yes": supported, and for longer
    /// than `--ends-within` asks.
    pub fn passes(&self) -> bool {
        self.status.state == SupportState::Supported && self.ends_within.is_none()
    }

    /// Why a supported version is a "no" under `--ends-within`.
    fn ending_note(&self) -> Option<String> {
        let period = self.ends_within?;
        let status = &self.status;
        let eol = status.info.as_ref()?.eol?;
        Some(format!(
            "{}: support ends on {eol}, within {period} ({})",
            status.version,
            words::days_text(status.days_left)
        ))
    }
}

/// The answers for the versions asked about, in the order asked.
pub struct StatusReport<'p> {
    pub policy: &'p Policy,
    pub answers: Vec<VersionAnswer>,
    /// With `--days`: each version's days left alone, for a script.
    pub days_alone: bool,
}

/// One answer, or several (a JSON array of them), as JSON writes them.
#[derive(Serialize)]
#[serde(untagged)]
enum OneOrMore<T> {
    One(T),
    More(Vec<T>),
}

/// One version's answer, as JSON and ndjson show it.
#[derive(Serialize)]
pub struct View<'a> {
    #[serde(skip)]
    answer: &'a VersionAnswer,
    version: String,
    line: String,
    on: String,
    supported: bool,
    state: &'static str,
    roles: RoleNames<'a>,
    /// `active` or `security` when supported, `extended` in extended
    /// support, else null.
    phase: Option<&'static str>,
    /// Null where no day is known.
    active_until: Option<String>,
    /// Null where no day is known: see `details.eol_by`.
    eol: Option<String>,
    /// Null where the line has no end day.
    days_left: Option<i64>,
    upgrade_to: Option<String>,
    /// With `--ends-within`: whether the support ends within its days.
    ends_soon: bool,
    /// Why the version is not supported, where its line has no dates: it
    /// is older than the policy's first line.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    /// Null for a line older than the policy's first.
    details: Option<LineView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
}

/// One version's answer, as CSV shows it.
#[derive(Serialize, Default)]
pub struct StatusRow {
    version: Cell,
    line: Cell,
    on: IsoDate,
    supported: bool,
    state: &'static str,
    roles: String,
    eol: Option<IsoDate>,
    days_left: Option<i64>,
    upgrade_to: Option<Cell>,
    released: Option<IsoDate>,
    lts: Option<bool>,
    latest_patch: Option<Cell>,
    eol_by: Option<&'static str>,
    phase: Option<&'static str>,
    active_until: Option<IsoDate>,
    lts_from: Option<IsoDate>,
    ends_soon: bool,
}

impl Report for StatusReport<'_> {
    type Item<'a>
        = json::Envelope<'a, View<'a>>
    where
        Self: 'a;

    type Row = StatusRow;

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        for (at, answer) in self.answers.iter().enumerate() {
            if at > 0 {
                writeln!(out.out())?;
            }
            self.version_text(answer, out)?;
        }
        Ok(())
    }

    fn json(&self) -> impl json::Document {
        match self.answers.as_slice() {
            [one] => OneOrMore::One(self.view(one)),
            more => OneOrMore::More(more.iter().map(|answer| self.view(answer)).collect()),
        }
    }

    fn items(&self) -> impl Iterator<Item = Result<Self::Item<'_>, PolicyError>> {
        self.answers.iter().map(|answer| Ok(self.view(answer)))
    }

    fn row<'a>(&'a self, item: &Self::Item<'a>) -> StatusRow {
        let answer = item.body().answer;
        let status = &answer.status;
        let info = status.info.as_ref();
        let version = |patch: &Option<Patch>| patch.as_ref().map(|patch| Cell::of(patch.version));
        StatusRow {
            version: Cell::of(&status.version),
            line: Cell::of(&status.line),
            on: IsoDate(status.on),
            supported: status.state == SupportState::Supported,
            state: status.state.name(),
            roles: RoleNames(&status.roles).joined(),
            eol: info.and_then(|info| info.eol).map(IsoDate),
            days_left: status.days_left,
            upgrade_to: version(&status.upgrade_to),
            released: info.map(|info| IsoDate(info.released)),
            lts: info.map(|info| info.lts),
            latest_patch: version(&status.latest_patch),
            eol_by: info.map(|info| info.eol_reason.name()),
            phase: status.phase.map(Phase::name),
            active_until: info.and_then(|info| info.active_until).map(IsoDate),
            lts_from: info.and_then(|info| info.lts_from).map(IsoDate),
            ends_soon: answer.ends_within.is_some(),
        }
    }

    fn plain<'a>(&'a self, item: &Self::Item<'a>) -> Option<String> {
        Some(item.body().answer.status.state.name().to_owned())
    }

    /// `--days` prints one number a version, from the day asked to its
    /// end of support: `days_left`, which counts down to the end of all
    /// support (security fixes too) and below zero once it has passed.
    /// OpenEoX is one document a version.
    fn write(&self, settings: &Settings, out: &mut dyn Write) -> Result<()> {
        if self.days_alone {
            for answer in &self.answers {
                match answer.status.days_left {
                    Some(days) => writeln!(out, "{days}")?,
                    None => writeln!(out, "unknown")?,
                }
            }
            return Ok(());
        }
        if settings.format != Format::Openeox {
            return query(self, settings, out);
        }
        let documents = self
            .answers
            .iter()
            .map(|answer| openeox::core(self.policy, answer.status.info.as_ref()))
            .collect();
        openeox::write_documents(documents, out)
    }

    /// Plain output, and `--days`'s, is one value per line: that it rests
    /// on projections, why a "no" is one, and the explanations go to stderr.
    fn aside(&self, format: Format, today: NaiveDate) -> Result<Option<String>> {
        if format != Format::Plain && !self.days_alone {
            return Ok(None);
        }
        let lines = self
            .answers
            .iter()
            .filter_map(|answer| answer.status.info.as_ref());
        let projected = words::projected_note(self.policy, &words::projected_lines(lines, today));
        let why: Vec<String> = self
            .answers
            .iter()
            .filter_map(VersionAnswer::ending_note)
            .chain(self.answers.iter().filter_map(|answer| {
                let why = answer.explanation.as_ref()?;
                Some(explain::note(std::slice::from_ref(why), answer.status.on))
            }))
            .collect();
        Ok(joined_notes(
            projected,
            (!why.is_empty()).then(|| why.join("\n")),
        ))
    }
}

impl StatusReport<'_> {
    fn view<'a>(&'a self, answer: &'a VersionAnswer) -> json::Envelope<'a, View<'a>> {
        let status = &answer.status;
        let info = status.info.as_ref();
        json::envelope(
            self.policy,
            View {
                answer,
                version: status.version.to_string(),
                line: status.line.to_string(),
                on: status.on.to_string(),
                supported: status.state == SupportState::Supported,
                state: status.state.name(),
                roles: RoleNames(&status.roles),
                phase: status.phase.map(Phase::name),
                active_until: info
                    .and_then(|info| info.active_until)
                    .map(|day| day.to_string()),
                eol: info.and_then(|info| info.eol).map(|day| day.to_string()),
                days_left: status.days_left,
                reason: info
                    .is_none()
                    .then(|| text::before_first_text(self.policy, &status.line)),
                upgrade_to: status
                    .upgrade_to
                    .as_ref()
                    .map(|patch| patch.version.to_string()),
                ends_soon: answer.ends_within.is_some(),
                details: info.map(|info| {
                    LineView::new(info, self.policy.branch_template())
                        .on_date(status.phase)
                        .with_patch(status.latest_patch.as_ref())
                }),
                explanation: answer
                    .explanation
                    .as_ref()
                    .map(|explanation| explain::explanation_text(explanation, status.on)),
            },
        )
    }
}
