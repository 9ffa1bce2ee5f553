//! `audit`: the history (and, on request, the projection) against the
//! policy's promises.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::audit::{Audit, AuditScope};
use lts_policy::{Policy, PolicyError, Source};

use super::{DateValue, ManText, Query, Run, last_day};
use crate::render::json::{self, Stream};
use crate::render::rows::FindingRow;
use crate::render::text::{self, Row, Text};
use crate::render::views::FindingView;
use crate::render::{self, Report, findings, words};
use crate::session::{Answer, Context, Output, for_terminal};

help!(
    "Check the history against the policy; exits 1 when anything is found",
    "Finds lines released more than two weeks off the cadence or on another \
     weekday, LTS lines maintained for less than the promised period, periods with more LTS lines \
     maintained than allowed or (for more than two weeks) fewer than the policy keeps, and patches \
     off their weekday or after their line's end of support."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    #[command(flatten)]
    pub(super) query: Query,

    /// Also check the lines the rules project, up to --to, e.g. `audit --projected`
    #[arg(long)]
    projected: bool,

    /// With --projected, check up to DATE (YYYY-MM-DD), e.g. 2028-12-31
    /// [default: one LTS support period after --on]
    #[arg(long, value_name = "DATE", requires = "projected", value_parser = DateValue)]
    to: Option<NaiveDate>,
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "nothing to report",
            Some("something was found: each finding is listed"),
        ),
        examples: &[
            (
                "lts-policy audit",
                "Checks the history against the policy's rules.",
            ),
            (
                "lts-policy audit --projected --to 2028-12-31",
                "Checks the lines the rules project up to the end of 2028 as well.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let on = context.on;
        let policy = &context.policy;
        let (scope, ended) = if self.projected {
            // The projected lines end where their dates stop fitting, as a
            // calendar does.
            let (calendar, ended) =
                last_day::fitting(policy, policy.releases(None, self.to, on)?, on)?;
            let to = Some(calendar.to());
            (AuditScope::Projected { to }, ended)
        } else {
            (AuditScope::History, None)
        };
        let report = AuditReport {
            policy,
            audit: policy.audit(on, scope)?,
        };
        let answer = Answer::from_bool(report.audit.findings.is_empty()).with_note(ended);
        out.answer(answer, |out| render::query(&report, &context.settings, out))
    }
}

struct AuditReport<'p> {
    policy: &'p Policy,
    audit: Audit,
}

impl Report for AuditReport<'_> {
    type Item<'a>
        = FindingView
    where
        Self: 'a;

    type Row = FindingRow;

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        let (policy, audit) = (self.policy, &self.audit);
        let known_until = audit.history_until;
        let scope = if audit.projected {
            format!(
                "known history up to {known_until} and projection up to {}",
                audit.until
            )
        } else {
            format!("known history up to {known_until}")
        };
        let count = match audit.findings.len() {
            0 => "no findings, the policy is kept".to_owned(),
            1 => "1 finding".to_owned(),
            count => format!("{count} findings"),
        };
        writeln!(
            out.out(),
            "Audit of policy {}, {scope}, {}: {count}",
            for_terminal(policy.name()),
            words::plural(
                u64::try_from(audit.lines_checked).unwrap_or(u64::MAX),
                "line",
                "lines"
            )
        )?;
        if audit.findings.is_empty() {
            return Ok(());
        }
        writeln!(out.out())?;
        text::table(out, Some(&["KIND", "FINDING"]), || {
            audit.findings.iter().map(|found| {
                let source = if found.projected {
                    Source::Rules
                } else {
                    Source::History
                };
                Ok(Row::default()
                    .sourced(found.finding.kind(), source)
                    .cell(findings::message(&found.finding, policy)))
            })
        })
    }

    fn json(&self) -> impl Serialize {
        #[derive(Serialize)]
        #[serde(bound(serialize = "Stream<I>: Serialize"))]
        struct View<I> {
            until: String,
            /// The day the history is complete up to, as far as it is checked.
            history_until: String,
            projected: bool,
            lines_checked: usize,
            findings: Stream<I>,
        }
        let audit = &self.audit;
        json::envelope(
            self.policy,
            View {
                until: audit.until.to_string(),
                history_until: audit.history_until.to_string(),
                projected: audit.projected,
                lines_checked: audit.lines_checked,
                findings: Stream::new(self.items()),
            },
        )
    }

    fn items(&self) -> impl Iterator<Item = Result<FindingView, PolicyError>> {
        self.views().map(Ok)
    }

    fn row(&self, item: &FindingView) -> FindingRow {
        FindingRow::of(item)
    }

    fn plain(&self, item: &FindingView) -> Option<String> {
        Some(item.message().to_owned())
    }
}

impl AuditReport<'_> {
    fn views(&self) -> impl Iterator<Item = FindingView> {
        self.audit
            .findings
            .iter()
            .map(|found| FindingView::new(found, self.policy))
    }
}
