//! The JSON shape of one release line and of one patch, shared by the answers.

use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::policy::{
    BranchTemplate, EolReason, LineInfo, Patch, Role, Source, SupportedLine, days_between,
};

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

pub fn source_name(source: Source) -> &'static str {
    match source {
        Source::History => "history",
        Source::Rules => "rules",
    }
}

pub fn role_names(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|role| role.name()).collect()
}

impl LineView {
    pub fn new(info: &LineInfo, branch: &BranchTemplate) -> Self {
        let (eol_by, eol_by_line) = match info.eol_reason {
            EolReason::NextRelease(line) => ("next_release", Some(line.to_string())),
            EolReason::LtsSupportPeriod => ("lts_support_period", None),
            EolReason::LtsSuperseded(line) => ("lts_superseded", Some(line.to_string())),
            EolReason::Announced => ("announced", None),
        };
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
