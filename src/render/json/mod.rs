//! JSON views of the answers. Field names are a contract: add fields freely,
//! never rename or remove one without bumping `SCHEMA_VERSION`.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use chrono::NaiveDate;
use lts_policy::policy::{
    Dangling, Explanation, Line, Patch, Policy, PolicyError, SupportState, weekday_name,
};

use super::Report;
use super::source_name;
use views::{FindingView, LineView, PatchView, role_names};

mod views;

const SCHEMA_VERSION: u32 = 1;

/// One `--explain` paragraph.
#[derive(Serialize)]
struct ExplanationView {
    line: String,
    supported: bool,
    explanation: String,
}

impl ExplanationView {
    fn all(
        policy: &Policy,
        explanations: Option<&[Explanation]>,
        on: NaiveDate,
        since: Option<Line>,
    ) -> Option<Vec<Self>> {
        let explanations = explanations?;
        let views = super::explained(policy, explanations, on, since)
            .map(|(explanation, text)| Self {
                line: explanation.info.line.to_string(),
                supported: !explanation.roles.is_empty(),
                explanation: text,
            })
            .collect();
        Some(views)
    }
}

/// Every answer: the schema version and policy name, then its own fields.
#[derive(Serialize)]
struct Envelope<'a, Body: Serialize> {
    schema_version: u32,
    policy: &'a str,
    #[serde(flatten)]
    body: Body,
}

/// Where an answer goes: straight to the output (indented for a person at
/// a terminal, compact for a program), or into a value for the
/// line-per-item formats.
enum Sink<'o> {
    Writer {
        out: &'o mut dyn Write,
        pretty: bool,
    },
    Value(Option<Value>),
}

impl Sink<'_> {
    fn emit(&mut self, answer: &impl Serialize) -> io::Result<()> {
        match self {
            Self::Writer { out, pretty } => {
                // serde_json writes many small pieces; a buffer of a concrete
                // type takes them without a dynamic call each.
                let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut **out);
                if *pretty {
                    serde_json::to_writer_pretty(&mut buffered, answer)?;
                } else {
                    serde_json::to_writer(&mut buffered, answer)?;
                }
                writeln!(buffered)?;
                buffered.flush()
            }
            Self::Value(value) => {
                *value = Some(serde_json::to_value(answer)?);
                Ok(())
            }
        }
    }
}

fn envelope(sink: &mut Sink, policy: &Policy, body: impl Serialize) -> io::Result<()> {
    sink.emit(&Envelope {
        schema_version: SCHEMA_VERSION,
        policy: policy.name(),
        body,
    })
}

/// Writes the answer as one JSON document, streamed; indented when `pretty`.
pub fn render(report: &Report, pretty: bool, out: &mut dyn Write) -> io::Result<()> {
    match report {
        Report::Export(_) | Report::Timeline(_) | Report::Generated(_) => {
            super::text::render(report, out)
        }
        // The policy file is for people to edit: always indented.
        Report::Policy { json } => writeln!(out, "{json}"),
        _ => answer(report, &mut Sink::Writer { out, pretty }),
    }
}

/// The answer as a JSON value; `None` for an export, which has its own format.
pub fn value(report: &Report) -> io::Result<Option<Value>> {
    let mut sink = Sink::Value(None);
    answer(report, &mut sink)?;
    Ok(match sink {
        Sink::Value(value) => value,
        Sink::Writer { .. } => None,
    })
}

fn answer(report: &Report, sink: &mut Sink) -> io::Result<()> {
    match report {
        Report::Supported {
            policy,
            on,
            lines,
            explanations,
        } => {
            #[derive(Serialize)]
            struct View<'a> {
                on: String,
                lines: Vec<LineView<'a>>,
                #[serde(skip_serializing_if = "Option::is_none")]
                explanations: Option<Vec<ExplanationView>>,
            }
            let branch = policy.branch_template();
            envelope(
                sink,
                policy,
                View {
                    on: on.to_string(),
                    lines: lines
                        .iter()
                        .map(|line| LineView::supported(line, branch))
                        .collect(),
                    explanations: ExplanationView::all(policy, explanations.as_deref(), *on, None),
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
            explanations,
        } => {
            #[derive(Serialize)]
            struct View<'a> {
                on: String,
                latest: Option<String>,
                since: Option<String>,
                targets: Vec<LineView<'a>>,
                #[serde(skip_serializing_if = "Option::is_none")]
                explanations: Option<Vec<ExplanationView>>,
            }
            let template = branch.as_ref().unwrap_or(policy.branch_template());
            envelope(
                sink,
                policy,
                View {
                    on: on.to_string(),
                    latest: latest.map(|line| line.to_string()),
                    since: since.map(|line| line.to_string()),
                    targets: targets
                        .iter()
                        .map(|line| LineView::supported(line, template))
                        .collect(),
                    explanations: ExplanationView::all(
                        policy,
                        explanations.as_deref(),
                        *on,
                        *since,
                    ),
                },
            )
        }
        Report::Status {
            policy,
            status,
            explanation,
        } => {
            #[derive(Serialize)]
            struct View<'a> {
                version: String,
                line: String,
                on: String,
                supported: bool,
                state: &'static str,
                roles: Vec<&'static str>,
                eol: String,
                days_left: i64,
                upgrade_to: Option<String>,
                details: LineView<'a>,
                #[serde(skip_serializing_if = "Option::is_none")]
                explanation: Option<String>,
            }
            let state = super::state_name(status.state);
            envelope(
                sink,
                policy,
                View {
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
                    explanation: explanation.as_ref().map(|explanation| {
                        super::explain::explanation_text(policy, explanation, status.on)
                    }),
                },
            )
        }
        Report::Releases { policy, calendar } => {
            #[derive(Serialize)]
            struct View<'a> {
                from: String,
                to: String,
                lines: Vec<LineView<'a>>,
            }
            let branch = policy.branch_template();
            envelope(
                sink,
                policy,
                View {
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
            envelope(
                sink,
                policy,
                View {
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
            struct View {
                day: String,
                weekday: &'static str,
                patches: Vec<Shipped>,
                new_lines: Vec<PatchView>,
            }
            let branch = policy.branch_template();
            envelope(
                sink,
                policy,
                View {
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
                        .map(|info| PatchView::new(&Patch::opening(info)))
                        .collect(),
                },
            )
        }
        Report::Policy { json } => sink.emit(&serde_json::from_str::<Value>(json)?),
        Report::Export(_) | Report::Timeline(_) | Report::Generated(_) => Ok(()),
        Report::PolicyCheck { file, problems } => {
            #[derive(Serialize)]
            struct Problem {
                /// The JSON path of the bad value; null for text that is not JSON.
                path: Option<String>,
                problem: String,
            }
            #[derive(Serialize)]
            struct View<'a> {
                schema_version: u32,
                file: &'a str,
                valid: bool,
                problems: Vec<Problem>,
            }
            let valid = problems.is_empty();
            let problems = problems
                .iter()
                .map(|problem| match problem {
                    PolicyError::InvalidPolicy { path, reason } => Problem {
                        path: Some(path.clone()),
                        problem: reason.clone(),
                    },
                    other => Problem {
                        path: None,
                        problem: other.to_string(),
                    },
                })
                .collect();
            let view = View {
                schema_version: SCHEMA_VERSION,
                file,
                valid,
                problems,
            };
            sink.emit(&view)
        }
        Report::Audit { policy, audit } => {
            #[derive(Serialize)]
            struct View {
                until: String,
                projected: bool,
                lines_checked: usize,
                findings: Vec<FindingView>,
            }
            let findings = audit
                .findings
                .iter()
                .map(|found| FindingView::new(found, policy))
                .collect();
            envelope(
                sink,
                policy,
                View {
                    until: audit.until.to_string(),
                    projected: audit.projected,
                    lines_checked: audit.lines.len(),
                    findings,
                },
            )
        }
    }
}
