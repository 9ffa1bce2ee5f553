//! One version's status for people: a verdict, then a table of its line.

use anyhow::Result;

use lts_policy::answers::{Status, SupportState};
use lts_policy::lines::{Patch, Phase, RecordedEnd};
use lts_policy::{Line, LineInfo, Policy};

use super::{StatusReport, VersionAnswer};
use crate::render::text::{self, Row, Text};
use crate::render::{explain, words};
use crate::session::for_terminal;

impl StatusReport<'_> {
    /// One version's answer for people: a verdict, then a table.
    pub(super) fn version_text(&self, answer: &VersionAnswer, out: &mut Text<'_>) -> Result<()> {
        let status = &answer.status;
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
            "{} {verdict} on {} (policy: {}){ending}\n",
            status.version,
            status.on,
            for_terminal(self.policy.name())
        )?;
        let rows = match &status.info {
            Some(info) => self.line_rows(status, info),
            None => self.before_first_rows(status),
        };
        text::table(out, None, || rows.iter().map(|row| Ok(row.clone())))?;
        if let Some(explanation) = &answer.explanation {
            explain::text_block(std::slice::from_ref(explanation), status.on, out.out())?;
        }
        Ok(())
    }

    /// The rows of a version older than the policy's first line: why it is
    /// not supported, and what to upgrade to.
    fn before_first_rows(&self, status: &Status) -> Vec<Row> {
        let mut rows = vec![
            Row::default().cell("line").cell(&status.line),
            Row::default()
                .cell("why")
                .cell(before_first_text(self.policy, &status.line)),
        ];
        rows.extend(upgrade_row(status));
        rows
    }

    /// The rows of a version's line: its dates, roles and phase, its end
    /// of support, newest version and what to upgrade to.
    fn line_rows(&self, status: &Status, info: &LineInfo) -> Vec<Row> {
        let mut rows = vec![
            Row::default().cell("line").line(info),
            Row::default()
                .cell("released")
                .sourced(info.released, info.released_source),
        ];
        // A policy without LTS lines has no flag to show, projected or not.
        if self.policy.has_lts() {
            rows.push(
                Row::default()
                    .cell("LTS")
                    .sourced(words::lts_cell(info, Some(status.on)), info.lts_source),
            );
        }
        if !status.roles.is_empty() {
            rows.push(
                Row::default()
                    .cell("roles")
                    .cell(words::roles_text(&status.roles, ", ")),
            );
        }
        rows.extend(self.phase_rows(status, info));
        rows.push(end_of_support_row(status, info));
        rows.extend(recorded_end_row(
            "extended until",
            info.extended,
            ("ended, on a day not recorded", Some("no end recorded")),
        ));
        rows.extend(recorded_end_row(
            "sold until",
            info.discontinued,
            ("sold no more, since a day not recorded", None),
        ));
        rows.extend(
            status
                .latest_patch
                .as_ref()
                .map(|patch| patch_row("latest patch", patch)),
        );
        rows.extend(upgrade_row(status));
        rows
    }

    /// The phase on the day and the end of active support, for a policy of
    /// two phases; for any policy, that a line is in extended support.
    fn phase_rows(&self, status: &Status, info: &LineInfo) -> Vec<Row> {
        let mut rows = Vec::new();
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
        rows
    }
}

/// The end of support, with the days left and what ends it; without a day,
/// what ends it (or that nothing does) is the answer.
fn end_of_support_row(status: &Status, info: &LineInfo) -> Row {
    let row = Row::default().cell("end of support");
    match info.eol {
        Some(_) => {
            let note = format!(
                " ({}; {})",
                words::days_text(status.days_left),
                words::ended_by_text(info)
            );
            row.annotated(words::eol_cell(info), info.eol_source, &note)
        }
        None => row.sourced(words::ended_by_text(info), info.eol_source),
    }
}

/// An end the record gives besides support's (extended support, the day
/// hardware was sold no more): its first day without, as every `until`
/// here; else `passed` where it passed on a day not recorded, and
/// `not_yet` where it has not (none: nothing to say of hardware still
/// sold).
fn recorded_end_row(
    label: &str,
    end: Option<RecordedEnd>,
    (passed, not_yet): (&str, Option<&str>),
) -> Option<Row> {
    let text = match end? {
        RecordedEnd::On(day) => day.to_string(),
        RecordedEnd::Passed => passed.to_owned(),
        // Not over by the record's day (`false`).
        _ => not_yet?.to_owned(),
    };
    Some(Row::default().cell(label).cell(text))
}

/// What to upgrade to, when a newer version is supported.
fn upgrade_row(status: &Status) -> Option<Row> {
    let patch = status.upgrade_to.as_ref()?;
    Some(patch_row("upgrade to", patch))
}

fn patch_row(label: &str, patch: &Patch) -> Row {
    Row::default()
        .cell(label)
        .sourced(patch.version, patch.source)
}

/// Why a version of `line`, older than the policy's first line, is not
/// supported.
pub(super) fn before_first_text(policy: &Policy, line: &Line) -> String {
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
