//! `audit`: what the history (and, on request, the projection) does
//! against the policy's promises, in every format it writes.

use anyhow::Result;
use serde::Serialize;

use lts_policy::audit::Audit;
use lts_policy::{Policy, PolicyError, Source};

use crate::render::json::{self, Stream};
use crate::render::rows::FindingRow;
use crate::render::text::{self, Row, Text};
use crate::render::views::FindingView;
use crate::render::{Report, findings, words};
use crate::session::for_terminal;

/// The history (and the projection) against the policy's promises.
pub struct AuditReport<'p> {
    pub policy: &'p Policy,
    pub audit: Audit,
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

    fn json(&self) -> impl json::Document {
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
