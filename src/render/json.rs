//! JSON views of the answers. Field names are a contract: add fields freely,
//! never rename or remove one without bumping `SCHEMA_VERSION`.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::policy::{
    BranchTemplate, Dangling, EolReason, LineInfo, Patch, Policy, Role, Source, SupportState,
    SupportedLine, weekday_name,
};

use super::Report;

const SCHEMA_VERSION: u32 = 1;

/// Fields every answer carries.
#[derive(Serialize)]
struct Header<'a> {
    schema_version: u32,
    policy: &'a str,
}

impl<'a> Header<'a> {
    fn of(policy: &'a Policy) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            policy: policy.name(),
        }
    }
}

/// Where each value of a line came from: `history` or `rules`.
#[derive(Serialize)]
struct Sources {
    released: &'static str,
    lts: &'static str,
    eol: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest_patch: Option<&'static str>,
}

#[derive(Serialize)]
struct LineView {
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

fn source_name(source: Source) -> &'static str {
    match source {
        Source::History => "history",
        Source::Rules => "rules",
    }
}

fn role_names(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|role| role.name()).collect()
}

impl LineView {
    fn new(info: &LineInfo, branch: &BranchTemplate) -> Self {
        let (eol_by, eol_by_line) = match info.eol_reason {
            EolReason::NextRelease(line) => ("next_release", Some(line.to_string())),
            EolReason::LtsSupportPeriod => ("lts_support_period", None),
            EolReason::LtsSuperseded(line) => ("lts_superseded", Some(line.to_string())),
        };
        Self {
            line: info.line.to_string(),
            released: info.released.to_string(),
            lts: info.lts,
            eol: info.eol.to_string(),
            eol_by,
            eol_by_line,
            lts_until: info.lts_until.map(|date| date.to_string()),
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

    fn supported(line: &SupportedLine, on: NaiveDate, branch: &BranchTemplate) -> Self {
        let mut view = Self::new(&line.info, branch);
        view.roles = Some(role_names(&line.roles));
        view.with_patch(Some(&line.latest_patch))
            .with_days_left(on, line.info.eol)
    }

    fn with_patch(mut self, patch: Option<&Patch>) -> Self {
        self.latest_patch = patch.map(|patch| patch.version.to_string());
        self.source.latest_patch = patch.map(|patch| source_name(patch.source));
        self
    }

    fn with_days_left(mut self, on: NaiveDate, eol: NaiveDate) -> Self {
        self.days_left = Some(lts_policy::policy::days_between(on, eol));
        self
    }
}

#[derive(Serialize)]
struct PatchView {
    version: String,
    released: String,
    source: &'static str,
}

impl PatchView {
    fn new(patch: &Patch) -> Self {
        Self {
            version: patch.version.to_string(),
            released: patch.released.to_string(),
            source: source_name(patch.source),
        }
    }
}

fn write_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match report {
        Report::Supported { policy, on, lines } => {
            #[derive(Serialize)]
            struct View<'a> {
                #[serde(flatten)]
                header: Header<'a>,
                on: String,
                lines: Vec<LineView>,
            }
            let branch = policy.branch_template();
            write_json(
                out,
                &View {
                    header: Header::of(policy),
                    on: on.to_string(),
                    lines: lines
                        .iter()
                        .map(|line| LineView::supported(line, *on, branch))
                        .collect(),
                },
            )
        }
        Report::BackportTargets {
            policy,
            on,
            latest,
            since,
            targets,
            branch,
        } => {
            #[derive(Serialize)]
            struct View<'a> {
                #[serde(flatten)]
                header: Header<'a>,
                on: String,
                latest: Option<String>,
                since: Option<String>,
                targets: Vec<LineView>,
            }
            let template = branch.as_ref().unwrap_or(policy.branch_template());
            write_json(
                out,
                &View {
                    header: Header::of(policy),
                    on: on.to_string(),
                    latest: latest.map(|line| line.to_string()),
                    since: since.map(|line| line.to_string()),
                    targets: targets
                        .iter()
                        .map(|line| LineView::supported(line, *on, template))
                        .collect(),
                },
            )
        }
        Report::Status { policy, status } => {
            #[derive(Serialize)]
            struct View<'a> {
                #[serde(flatten)]
                header: Header<'a>,
                version: String,
                line: String,
                on: String,
                supported: bool,
                state: &'static str,
                roles: Vec<&'static str>,
                eol: String,
                days_left: i64,
                upgrade_to: Option<String>,
                details: LineView,
            }
            let state = match status.state {
                SupportState::Unreleased => "unreleased",
                SupportState::Supported => "supported",
                SupportState::Ended => "ended",
            };
            write_json(
                out,
                &View {
                    header: Header::of(policy),
                    version: status.version.to_string(),
                    line: status.info.line.to_string(),
                    on: status.on.to_string(),
                    supported: status.state == SupportState::Supported,
                    state,
                    roles: role_names(&status.roles),
                    eol: status.info.eol.to_string(),
                    days_left: status.days_left,
                    upgrade_to: status
                        .upgrade_to
                        .as_ref()
                        .map(|patch| patch.version.to_string()),
                    details: LineView::new(&status.info, policy.branch_template())
                        .with_patch(status.latest_patch.as_ref()),
                },
            )
        }
        Report::Releases { policy, calendar } => {
            #[derive(Serialize)]
            struct View<'a> {
                #[serde(flatten)]
                header: Header<'a>,
                from: String,
                to: String,
                lines: Vec<LineView>,
            }
            let branch = policy.branch_template();
            write_json(
                out,
                &View {
                    header: Header::of(policy),
                    from: calendar.from.to_string(),
                    to: calendar.to.to_string(),
                    lines: calendar
                        .lines
                        .iter()
                        .map(|info| LineView::new(info, branch))
                        .collect(),
                },
            )
        }
        Report::Tag {
            policy,
            name,
            on,
            target,
        } => {
            #[derive(Serialize)]
            struct View<'a> {
                #[serde(flatten)]
                header: Header<'a>,
                tag: &'a str,
                on: String,
                version: Option<String>,
                line: Option<String>,
                released: Option<String>,
                source: Option<&'static str>,
                #[serde(skip_serializing_if = "Option::is_none")]
                reason: Option<String>,
            }
            let found = target.as_ref().ok();
            write_json(
                out,
                &View {
                    header: Header::of(policy),
                    tag: name,
                    on: on.to_string(),
                    version: found.map(|(_, patch)| patch.version.to_string()),
                    line: found.map(|(info, _)| info.line.to_string()),
                    released: found.map(|(_, patch)| patch.released.to_string()),
                    source: found.map(|(_, patch)| source_name(patch.source)),
                    reason: target
                        .as_ref()
                        .err()
                        .map(|dangling: &Dangling| super::dangling_message(name, *on, *dangling)),
                },
            )
        }
        Report::NextPatch { policy, day } => {
            #[derive(Serialize)]
            struct Shipped {
                version: String,
                line: String,
                branch: String,
                roles: Vec<&'static str>,
                source: &'static str,
            }
            #[derive(Serialize)]
            struct View<'a> {
                #[serde(flatten)]
                header: Header<'a>,
                day: String,
                weekday: &'static str,
                patches: Vec<Shipped>,
                new_lines: Vec<PatchView>,
            }
            let branch = policy.branch_template();
            write_json(
                out,
                &View {
                    header: Header::of(policy),
                    day: day.day.to_string(),
                    weekday: weekday_name(policy.release_weekday()),
                    patches: day
                        .patches
                        .iter()
                        .map(|line| Shipped {
                            version: line.latest_patch.version.to_string(),
                            line: line.info.line.to_string(),
                            branch: branch.render(line.info.line),
                            roles: role_names(&line.roles),
                            source: source_name(line.latest_patch.source),
                        })
                        .collect(),
                    new_lines: day
                        .new_lines
                        .iter()
                        .map(|info| {
                            PatchView::new(&Patch {
                                version: info.line.first_version(),
                                released: info.released,
                                source: info.released_source,
                            })
                        })
                        .collect(),
                },
            )
        }
        Report::Policy { json } => writeln!(out, "{json}"),
    }
}
