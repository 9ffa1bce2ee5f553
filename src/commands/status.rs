//! `status VERSION...`: whether each version is supported, until when, and
//! what to upgrade to; with `--ends-within PERIOD`, whether it stays
//! supported that long.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::answers::{Explanation, Status, SupportState};
use lts_policy::lines::{Patch, Phase};
use lts_policy::{Policy, PolicyError, VersionInput};

use super::lookahead::Lookahead;
use super::{Explain, ManText, Query, Run, last_day};
use crate::render::text::{self, Row, Text};
use crate::render::views::{LineView, RoleNames};
use crate::render::{self, Report, explain, json, words};
use crate::session::{Answer, Context, Format, Output, for_terminal};

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
    #[arg(long, value_name = "PERIOD")]
    ends_within: Option<String>,

    #[command(flatten)]
    pub(super) query: Query,

    #[command(flatten)]
    explain: Explain,
}

impl Run for Args {
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
                "lts-policy status 1.3.2 2.0.1 --ends-within 60 --format csv",
                "Both versions, one row each; exit 1 unless both stay supported for more than 60 \
                 days.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let policy = &context.policy;
        let on = self.query.on.resolve(context.today)?;
        let within = match self.ends_within.as_deref() {
            Some(text) => {
                let period = Lookahead::parse(text)?;
                Some((period, period.days_from(on)?))
            }
            None => None,
        };
        let answers = self
            .versions
            .iter()
            .map(|raw| self.answer(policy, raw, on, within))
            .collect::<Result<Vec<_>>>()?;
        let yes = answers.iter().all(VersionAnswer::passes);
        // Plain output is one state per line: why a "no" is one, and the
        // explanations, go to stderr.
        let note = (context.settings.format == Format::Plain)
            .then(|| {
                let lines: Vec<String> = answers
                    .iter()
                    .filter_map(Self::ending_note)
                    .chain(answers.iter().filter_map(|answer| {
                        let why = answer.explanation.as_ref()?;
                        Some(explain::note(std::slice::from_ref(why), on))
                    }))
                    .collect();
                (!lines.is_empty()).then(|| lines.join("\n"))
            })
            .flatten();
        let projected = (context.settings.format == Format::Plain)
            .then(|| {
                let lines = answers.iter().map(|answer| &answer.status.info);
                let projected = words::projected_lines(lines, context.today);
                words::projected_note(policy, &projected)
            })
            .flatten();
        let report = StatusReport { policy, answers };
        let answer = Answer::from_bool(yes).with_note(projected).and_note(note);
        out.answer(answer, |out| render::query(&report, &context.settings, out))
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
        let version = VersionInput::parse(raw).context("VERSION")?;
        let line = version.line(policy.line_kind()).context("VERSION")?;
        let status = policy.status(version, on)?;
        last_day::check([&status.info])?;
        let explanation = self
            .explain
            .explain
            .then(|| policy.explain_line(line, on))
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

    /// Why a supported version is a "no" under `--ends-within`.
    fn ending_note(answer: &VersionAnswer) -> Option<String> {
        let period = answer.ends_within?;
        let status = &answer.status;
        Some(format!(
            "{}: support ends on {}, within {period} ({})",
            status.version,
            status.info.eol,
            words::days_text(status.days_left)
        ))
    }
}

/// One version's answer.
struct VersionAnswer {
    status: Status,
    explanation: Option<Explanation>,
    /// `--ends-within`'s period, when the version's support ends within it.
    ends_within: Option<Lookahead>,
}

impl VersionAnswer {
    /// Whether the version counts as a "yes": supported, and for longer
    /// than `--ends-within` asks.
    fn passes(&self) -> bool {
        self.status.state == SupportState::Supported && self.ends_within.is_none()
    }
}

struct StatusReport<'p> {
    policy: &'p Policy,
    answers: Vec<VersionAnswer>,
}

/// One answer, or several (a JSON array of them), as JSON writes them.
#[derive(Serialize)]
#[serde(untagged)]
enum OneOrMore<T> {
    One(T),
    More(Vec<T>),
}

/// One version's answer, as JSON, ndjson and CSV show it.
#[derive(Serialize)]
struct View<'a> {
    #[serde(skip)]
    answer: &'a VersionAnswer,
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
    /// With `--ends-within`: whether the support ends within its days.
    ends_soon: bool,
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
        "ends_soon",
    ];

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        for (at, answer) in self.answers.iter().enumerate() {
            if at > 0 {
                writeln!(out.out())?;
            }
            self.version_text(answer, out)?;
        }
        Ok(())
    }

    fn json(&self) -> impl Serialize {
        match self.answers.as_slice() {
            [one] => OneOrMore::One(self.view(one)),
            more => OneOrMore::More(more.iter().map(|answer| self.view(answer)).collect()),
        }
    }

    fn items(&self) -> impl Iterator<Item = Result<Self::Item<'_>, PolicyError>> {
        self.answers.iter().map(|answer| Ok(self.view(answer)))
    }

    fn cells<'a>(&'a self, item: &Self::Item<'a>) -> Vec<String> {
        let answer = item.body().answer;
        let status = &answer.status;
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
                "ends_soon" => answer.ends_within.is_some().to_string(),
                _ => String::new(),
            })
            .collect()
    }

    fn plain<'a>(&'a self, item: &Self::Item<'a>) -> Option<String> {
        Some(item.body().answer.status.state.name().to_owned())
    }
}

impl StatusReport<'_> {
    /// One version's answer for people: a verdict, then a table.
    fn version_text(&self, answer: &VersionAnswer, out: &mut Text<'_>) -> Result<()> {
        let status = &answer.status;
        let (version, on, info) = (&status.version, status.on, &status.info);
        let verdict = match status.state {
            SupportState::Supported => "is supported",
            SupportState::Ended => "is no longer supported",
            _ => "is not released yet",
        };
        let ending = answer
            .ends_within
            .map(|period| format!(", but its support ends within {period}"))
            .unwrap_or_default();
        writeln!(
            out.out(),
            "{version} {verdict} on {on} (policy: {}){ending}\n",
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
        if let Some(explanation) = &answer.explanation {
            explain::text_block(std::slice::from_ref(explanation), on, out.out())?;
        }
        Ok(())
    }

    fn view<'a>(&'a self, answer: &'a VersionAnswer) -> json::Envelope<'a, View<'a>> {
        let status = &answer.status;
        json::envelope(
            self.policy,
            View {
                answer,
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
                ends_soon: answer.ends_within.is_some(),
                details: LineView::new(&status.info, self.policy.branch_template())
                    .on_date(status.phase)
                    .with_patch(status.latest_patch.as_ref()),
                explanation: answer
                    .explanation
                    .as_ref()
                    .map(|explanation| explain::explanation_text(explanation, status.on)),
            },
        )
    }
}
