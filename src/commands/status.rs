//! `status VERSION`: whether a version is supported, until when, and what
//! to upgrade to.

use anyhow::{Context as _, Result};
use serde::Serialize;

use lts_policy::answers::{Explanation, Status, SupportState};
use lts_policy::lines::{Patch, Phase};
use lts_policy::{Policy, PolicyError, VersionInput};

use super::{Explain, ManText, Query, Run};
use crate::render::text::{self, Row, Text};
use crate::render::views::{LineView, RoleNames};
use crate::render::{self, Report, explain, json, words};
use crate::session::{Answer, Context, Output, for_terminal};

help!(
    "Whether a version is supported, until when, and what to upgrade to",
    "Exits 0 when VERSION is supported on the date, 1 when it is not."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// The version or line, e.g. 1.3.7, v1.3 or 1.3
    version: String,

    #[command(flatten)]
    pub(super) query: Query,

    #[command(flatten)]
    explain: Explain,
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "the version's line is supported on the date",
            Some("it is not: its support has ended, or it is not released yet"),
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
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let policy = &context.policy;
        let version = VersionInput::parse(&self.version).context("VERSION")?;
        let line = version.line(policy.line_kind()).context("VERSION")?;
        let on = self.query.on.resolve(context.today)?;
        let status = policy.status(version, on)?;
        let explanation = if self.explain.explain {
            Some(policy.explain_line(line, on)?)
        } else {
            None
        };
        let supported = status.state == SupportState::Supported;
        let report = StatusReport {
            policy,
            status,
            explanation,
        };
        out.answer(Answer::from_bool(supported), |out| {
            render::query(&report, &context.settings, out)
        })
    }
}

struct StatusReport<'p> {
    policy: &'p Policy,
    status: Status,
    explanation: Option<Explanation>,
}

/// The answer, as JSON, ndjson and CSV show it.
#[derive(Serialize)]
struct View<'a> {
    version: String,
    line: String,
    on: String,
    supported: bool,
    state: &'static str,
    roles: RoleNames<'a>,
    /// `active` or `security` when supported, else null.
    phase: Option<&'static str>,
    active_until: String,
    eol: String,
    days_left: i64,
    upgrade_to: Option<String>,
    details: LineView<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
}

impl Report for StatusReport<'_> {
    type Item<'a>
        = json::Envelope<'a, View<'a>>
    where
        Self: 'a;

    const COLUMNS: &'static [&'static str] = &[
        "version",
        "line",
        "on",
        "supported",
        "state",
        "roles",
        "eol",
        "days_left",
        "upgrade_to",
        "released",
        "lts",
        "latest_patch",
        "eol_by",
        "phase",
        "active_until",
        "lts_from",
    ];

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        let status = &self.status;
        let (version, on, info) = (&status.version, status.on, &status.info);
        let verdict = match status.state {
            SupportState::Supported => "is supported",
            SupportState::Ended => "is no longer supported",
            _ => "is not released yet",
        };
        writeln!(
            out.out(),
            "{version} {verdict} on {on} (policy: {})\n",
            for_terminal(self.policy.name())
        )?;
        let mut rows = vec![
            Row::default().cell("line").line(info),
            Row::default()
                .cell("released")
                .sourced(info.released, info.released_source),
            Row::default()
                .cell("LTS")
                .sourced(words::lts_cell(info, Some(on)), info.lts_source),
        ];
        if !status.roles.is_empty() {
            rows.push(
                Row::default()
                    .cell("roles")
                    .cell(words::roles_text(&status.roles, ", ")),
            );
        }
        let note = format!(
            " ({}; {})",
            words::days_text(status.days_left),
            words::ended_by_text(info)
        );
        if self.policy.has_phases() {
            if let Some(phase) = status.phase {
                rows.push(Row::default().cell("phase").cell(words::phase_cell(phase)));
            }
            rows.push(
                Row::default()
                    .cell("active until")
                    .sourced(info.active_until, info.active_source),
            );
        }
        rows.push(Row::default().cell("end of support").annotated(
            info.eol,
            info.eol_source,
            &note,
        ));
        let patch_row = |label: &str, patch: &Patch| {
            Row::default()
                .cell(label)
                .sourced(&patch.version, patch.source)
        };
        rows.extend(
            status
                .latest_patch
                .as_ref()
                .map(|patch| patch_row("latest patch", patch)),
        );
        rows.extend(
            status
                .upgrade_to
                .as_ref()
                .map(|patch| patch_row("upgrade to", patch)),
        );
        text::table(out, None, || rows.iter().map(|row| Ok(row.clone())))?;
        if let Some(explanation) = &self.explanation {
            explain::text_block(std::slice::from_ref(explanation), on, out.out())?;
        }
        Ok(())
    }

    fn json(&self) -> impl Serialize {
        self.view()
    }

    fn items(&self) -> impl Iterator<Item = Result<Self::Item<'_>, PolicyError>> {
        std::iter::once(Ok(self.view()))
    }

    fn cells<'a>(&'a self, _item: &Self::Item<'a>) -> Vec<String> {
        let status = &self.status;
        let info = &status.info;
        let version = |patch: Option<&Patch>| {
            patch
                .map(|patch| patch.version.to_string())
                .unwrap_or_default()
        };
        Self::COLUMNS
            .iter()
            .map(|column| match *column {
                "version" => status.version.to_string(),
                "line" => info.line.to_string(),
                "on" => status.on.to_string(),
                "supported" => (status.state == SupportState::Supported).to_string(),
                "state" => status.state.name().to_owned(),
                "roles" => RoleNames(&status.roles).joined(),
                "eol" => info.eol.to_string(),
                "days_left" => status.days_left.to_string(),
                "upgrade_to" => version(status.upgrade_to.as_ref()),
                "released" => info.released.to_string(),
                "lts" => info.lts.to_string(),
                "latest_patch" => version(status.latest_patch.as_ref()),
                "eol_by" => info.eol_reason.name().to_owned(),
                "phase" => status.phase.map(Phase::name).unwrap_or_default().to_owned(),
                "active_until" => info.active_until.to_string(),
                "lts_from" => info
                    .lts_from
                    .map(|from| from.to_string())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .collect()
    }

    fn plain<'a>(&'a self, _item: &Self::Item<'a>) -> Option<String> {
        Some(self.status.state.name().to_owned())
    }
}

impl StatusReport<'_> {
    fn view(&self) -> json::Envelope<'_, View<'_>> {
        let status = &self.status;
        json::envelope(
            self.policy,
            View {
                version: status.version.to_string(),
                line: status.info.line.to_string(),
                on: status.on.to_string(),
                supported: status.state == SupportState::Supported,
                state: status.state.name(),
                roles: RoleNames(&status.roles),
                phase: status.phase.map(Phase::name),
                active_until: status.info.active_until.to_string(),
                eol: status.info.eol.to_string(),
                days_left: status.days_left,
                upgrade_to: status
                    .upgrade_to
                    .as_ref()
                    .map(|patch| patch.version.to_string()),
                details: LineView::new(&status.info, self.policy.branch_template())
                    .on_date(status.phase)
                    .with_patch(status.latest_patch.as_ref()),
                explanation: self
                    .explanation
                    .as_ref()
                    .map(|explanation| explain::explanation_text(explanation, status.on)),
            },
        )
    }
}
