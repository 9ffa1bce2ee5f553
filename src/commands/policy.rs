//! `policy`: the effective policy as a file, or the problems of a file.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;
use serde_json::Value;

use lts_policy::policy::{Policy, PolicyError};

use super::{Answer, Run};
use crate::cli::{Context, read_policy_file};
use crate::render::{Format, json, words};

help!(
    "Print the effective policy as JSON, a starting point for a custom file"
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// Check FILE instead: list every problem with its JSON path; exits 1
    /// when there is any, e.g. `policy --check mine.json`
    #[arg(long, value_name = "FILE")]
    check: Option<PathBuf>,
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[Format::Text, Format::Json];

    fn run(&self, context: &Context, out: &mut dyn Write) -> Result<Answer> {
        match &self.check {
            None => {
                let file = context.policy.to_json();
                if context.format == Format::Json {
                    json::write(&serde_json::from_str::<Value>(&file)?, true, out)?;
                } else {
                    writeln!(out, "{file}")?;
                }
                Ok(Answer::Yes)
            }
            Some(path) => {
                let problems = Policy::check_json(&read_policy_file(path)?)
                    .err()
                    .unwrap_or_default();
                let file = path.display().to_string();
                if context.format == Format::Json {
                    json::write(&check_view(&file, &problems), context.pretty_json, out)?;
                } else if problems.is_empty() {
                    writeln!(out, "{file}: a valid policy")?;
                } else {
                    for problem in &problems {
                        writeln!(out, "{file}: {}", words::with_causes(problem))?;
                    }
                }
                Ok(Answer::from_bool(problems.is_empty()))
            }
        }
    }
}

/// `policy --check` in JSON: `{"file", "valid", "problems": [{"path", "problem"}]}`.
fn check_view<'a>(file: &'a str, problems: &[PolicyError]) -> impl Serialize + 'a {
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
    View {
        schema_version: json::SCHEMA_VERSION,
        file,
        valid: problems.is_empty(),
        problems: problems
            .iter()
            .map(|problem| match problem {
                PolicyError::InvalidPolicy { path, problem } => Problem {
                    path: Some(path.clone()),
                    problem: words::with_causes(problem),
                },
                other => Problem {
                    path: None,
                    problem: words::with_causes(other),
                },
            })
            .collect(),
    }
}
