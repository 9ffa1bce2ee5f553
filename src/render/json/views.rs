//! The JSON shape of one release line and of one patch, shared by the answers.

use chrono::NaiveDate;
use serde::Serialize;

use std::collections::BTreeMap;

use lts_policy::policy::{
    AuditFinding, BranchTemplate, EolReason, Finding, LineInfo, Patch, Policy, Role, Source,
    SupportedLine, days_between,
};

use crate::render::{eol_by_name, findings, source_name};

/// Where each value of a line came from: `history` or `rules`.
#[derive(Serialize)]
pub struct Sources {
    released: &'static str,
    lts: &'static str,
    eol: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest_patch: Option<&'static str>,
}

#[derive(Serialize)]
pub struct LineView {
    line: String,
    released: String,
    lts: bool,
    eol: String,
    /// What ends support on the eol: `next_release`, `lts_support_period` or `lts_superseded`.
    eol_by: &'static str,
    /// The line whose release is the eol, for `next_release` and `lts_superseded`.
    #[serde(skip_serializing_if = "Option::is_none")]
    eol_by_line: Option<String>,
    lts_until: Option<String>,
    branch: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest_patch: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    days_left: Option<i64>,
    projected: bool,
    source: Sources,
}

pub fn role_names(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|role| role.name()).collect()
}

impl LineView {
    pub fn new(info: &LineInfo, branch: &BranchTemplate) -> Self {
        let eol_by_line = match info.eol_reason {
            EolReason::NextRelease(line) | EolReason::LtsSuperseded(line) => Some(line.to_string()),
            EolReason::LtsSupportPeriod | EolReason::Announced => None,
        };
        let eol_by = eol_by_name(info.eol_reason);
        Self {
            line: info.line.to_string(),
            released: info.released.to_string(),
            lts: info.lts,
            eol: info.eol.to_string(),
            eol_by,
            eol_by_line,
            lts_until: info.lts_until().map(|date| date.to_string()),
            branch: branch.render(info.line),
            roles: None,
            latest_patch: None,
            days_left: None,
            projected: info.released_source == Source::Rules,
            source: Sources {
                released: source_name(info.released_source),
                lts: source_name(info.lts_source),
                eol: source_name(info.eol_source),
                latest_patch: None,
            },
        }
    }

    pub fn supported(line: &SupportedLine, on: NaiveDate, branch: &BranchTemplate) -> Self {
        let mut view = Self::new(&line.info, branch);
        view.roles = Some(role_names(&line.roles));
        view.with_patch(Some(&line.latest_patch))
            .with_days_left(on, line.info.eol)
    }

    pub fn with_patch(mut self, patch: Option<&Patch>) -> Self {
        self.latest_patch = patch.map(|patch| patch.version.to_string());
        self.source.latest_patch = patch.map(|patch| source_name(patch.source));
        self
    }

    pub fn with_days_left(mut self, on: NaiveDate, eol: NaiveDate) -> Self {
        self.days_left = Some(days_between(on, eol));
        self
    }
}

#[derive(Serialize)]
pub struct PatchView {
    version: String,
    released: String,
    source: &'static str,
}

impl PatchView {
    pub fn new(patch: &Patch) -> Self {
        Self {
            version: patch.version.to_string(),
            released: patch.released.to_string(),
            source: source_name(patch.source),
        }
    }
}

/// One audit finding: its kind, the lines and dates involved, and a message.
#[derive(Serialize)]
pub struct FindingView {
    kind: &'static str,
    lines: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<String>,
    dates: BTreeMap<&'static str, String>,
    /// Days late (negative: early), short, or long, as the kind says.
    #[serde(skip_serializing_if = "Option::is_none")]
    days: Option<i64>,
    projected: bool,
    message: String,
}

impl FindingView {
    pub fn new(found: &AuditFinding, policy: &Policy) -> Self {
        let finding = &found.finding;
        let mut lines = Vec::new();
        let mut version = None;
        let mut dates = BTreeMap::new();
        let mut days = None;
        match finding {
            Finding::OffCadence {
                line,
                released,
                previous,
                previous_released,
                due,
                days_late,
            } => {
                lines = vec![line.to_string(), previous.to_string()];
                dates.extend([
                    ("released", released),
                    ("previous_released", previous_released),
                    ("due", due),
                ]);
                days = Some(*days_late);
            }
            Finding::OffWeekday { line, released, .. } => {
                lines.push(line.to_string());
                dates.insert("released", released);
            }
            Finding::ShortLtsSupport {
                line,
                released,
                promised,
                until,
                cut_by,
            } => {
                lines.push(line.to_string());
                lines.extend(cut_by.map(|successor| successor.to_string()));
                dates.extend([
                    ("released", released),
                    ("promised", promised),
                    ("until", until),
                ]);
                days = Some(days_between(*until, *promised));
            }
            Finding::TooManyLts {
                from,
                to,
                lines: maintained,
                ..
            }
            | Finding::LtsGap {
                from,
                to,
                lines: maintained,
                ..
            } => {
                lines = maintained.iter().map(ToString::to_string).collect();
                dates.extend([("from", from), ("to", to)]);
                days = Some(days_between(*from, *to));
            }
            Finding::PatchOffDay {
                version: patch,
                released,
                ..
            } => {
                version = Some(patch);
                dates.insert("released", released);
            }
            Finding::PatchAfterEol {
                version: patch,
                released,
                eol,
            } => {
                version = Some(patch);
                dates.extend([("released", released), ("eol", eol)]);
            }
        }
        if let Some(patch) = version {
            lines.push(format!("{}.{}", patch.major, patch.minor));
        }
        Self {
            kind: findings::kind(finding),
            lines,
            version: version.map(ToString::to_string),
            dates: dates
                .into_iter()
                .map(|(name, date)| (name, date.to_string()))
                .collect(),
            days,
            projected: found.projected,
            message: findings::message(finding, policy),
        }
    }
}
