//! `status VERSION...`: whether each version is supported, until when, and
//! what to upgrade to; with `--ends-within PERIOD`, whether it stays
//! supported that long.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::answers::{Explanation, Status, SupportState};
use lts_policy::lines::{Patch, Phase};
use lts_policy::{Policy, PolicyError};

use super::lookahead::Lookahead;
use super::{Explain, ManText, Query, Run, last_day};
use crate::render::csv::Cell;
use crate::render::json::IsoDate;
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
        let on = context.on;
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
                let lines = answers
                    .iter()
                    .filter_map(|answer| answer.status.info.as_ref());
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

    /// Why a supported version is a "no" under `--ends-within`.
    fn ending_note(answer: &VersionAnswer) -> Option<String> {
        let period = answer.ends_within?;
        let status = &answer.status;
        let eol = status.info.as_ref()?.eol?;
        Some(format!(
            "{}: support ends on {eol}, within {period} ({})",
            status.version,
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
struct StatusRow {
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

    fn json(&self) -> impl Serialize {
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
}

impl StatusReport<'_> {
    /// One version's answer for people: a verdict, then a table.
    fn version_text(&self, answer: &VersionAnswer, out: &mut Text<'_>) -> Result<()> {
        let status = &answer.status;
        let (version, on) = (&status.version, status.on);
        let verdict = match status.state {
            SupportState::Supported => "is supported",
            SupportState::Ended => "is no longer supported",
            SupportState::BeforeFirstLine => "is not supported",
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
        let Some(info) = &status.info else {
            let mut rows = vec![
                Row::default().cell("line").cell(&status.line),
                Row::default()
                    .cell("why")
                    .cell(before_first_text(self.policy, &status.line)),
            ];
            rows.extend(status.upgrade_to.as_ref().map(|patch| {
                Row::default()
                    .cell("upgrade to")
                    .sourced(patch.version, patch.source)
            }));
            return text::table(out, None, || rows.iter().map(|row| Ok(row.clone())));
        };
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
            if let Some(active_until) = info.active_until {
                rows.push(
                    Row::default()
                        .cell("active until")
                        .sourced(active_until, info.active_source),
                );
            }
        } else if status.phase == Some(Phase::Extended) {
            rows.push(
                Row::default()
                    .cell("phase")
                    .cell(words::phase_cell(Phase::Extended)),
            );
        }
        // Without a day, what ends it (or that nothing does) is the answer.
        rows.push(match info.eol {
            Some(_) => Row::default().cell("end of support").annotated(
                words::eol_cell(info),
                info.eol_source,
                &note,
            ),
            None => Row::default()
                .cell("end of support")
                .sourced(words::ended_by_text(info), info.eol_source),
        });
        let patch_row = |label: &str, patch: &Patch| {
            Row::default()
                .cell(label)
                .sourced(patch.version, patch.source)
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
                    .then(|| before_first_text(self.policy, &status.line)),
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

/// Why a version of `line`, older than the policy's first line, is not
/// supported.
fn before_first_text(policy: &Policy, line: &lts_policy::Line) -> String {
    let first = policy
        .history_by_line()
        .find(|release| release.line.numbers().is_some())
        .map(|release| format!("{} ({})", release.line, release.released));
    match first {
        Some(first) => format!(
            "{line} is older than the first line the {} policy records, {first}",
            for_terminal(policy.name())
        ),
        None => format!("{line} is older than every line the policy records"),
    }
}
