//! `policy`: the effective policy as a file, or the problems of a file.

use std::cell::Cell;
use std::path::PathBuf;

use anyhow::Result;
use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;

use lts_policy::{Policy, PolicyError};

use super::{ManText, Run, Sources};
use crate::session::{
    Answer, Context, Format, MAX_FILE_BYTES, Output, beyond_policy_reads, for_terminal,
    json_for_terminal, message, read_policy_file, replace_file,
};

use crate::render::{self, json, words};

help!(
    "Print the effective policy as JSON, a starting point for a custom file",
    "Print the effective policy as JSON (the general form, every rule stated), a starting point \
     for a custom file; with --git or --endoflife, its history merged with those facts, ready to \
     replace the file (--write FILE). With --fit, the rules the policy leaves out (all of them \
     without --policy) fitted to its history, each saying how well it foresees it. With --check \
     FILE, list every problem of FILE with its JSON path, or say in words what its rules mean."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// Check FILE instead: list every problem with its JSON path; exits 1
    /// when there is any, e.g. `policy --check mine.json`
    #[arg(long, value_name = "FILE")]
    check: Option<PathBuf>,

    /// Write the policy to FILE instead of printing it, replacing FILE at
    /// once or not at all, e.g. `--git . policy --write policy.json`
    #[arg(long, value_name = "FILE", conflicts_with = "check")]
    write: Option<PathBuf>,

    /// Fit the rules the policy leaves out to its history (from --policy,
    /// --git or --endoflife), keeping those it states; each rule's fit goes
    /// to standard error and into the comment, e.g. `policy --fit --git .`
    #[arg(long, conflicts_with = "check")]
    fit: bool,

    #[command(flatten)]
    pub(super) sources: Sources,
}

impl Args {
    /// Whether it is `policy --fit`.
    pub fn fits(&self) -> bool {
        self.fit
    }
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[Format::Text, Format::Json];

    const MAN: ManText = ManText {
        exit: (
            "printed, written, or checked without a problem",
            Some("--check found problems in the file: each is listed with its JSON path"),
        ),
        examples: &[
            (
                "lts-policy policy > my-policy.json",
                "The embedded policy in the general form, a starting point for another vendor's.",
            ),
            (
                "lts-policy policy --check my-policy.json",
                "Lists every problem of my-policy.json, or says in words what its rules mean.",
            ),
            (
                "lts-policy --policy my-policy.json policy --git . --write my-policy.json",
                "Merges the repository's release tags into the file's history and replaces the file.",
            ),
            (
                "lts-policy --policy draft.json policy --fit --git . --write policy.json",
                "Completes draft.json, which states the rules the vendor publishes, with the rules \
                 its repository's release tags follow.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        for note in &context.fit_notes {
            message(&render::fit::note_line(&context.policy, note));
        }
        if let Some(path) = &self.write {
            replace_file(path, readable_file(&context.policy)?.as_bytes())?;
            return Ok(Answer::yes());
        }
        let Some(path) = &self.check else {
            let file = readable_file(&context.policy)?;
            return out.answer(Answer::yes(), |out| {
                if context.settings.format == Format::Json {
                    json::write(&serde_json::from_str::<Value>(&file)?, true, out)
                } else {
                    out.write_all(file.as_bytes())?;
                    Ok(())
                }
            });
        };
        let text = read_policy_file(path)?;
        let file = path.display().to_string();
        // Checked twice: once to decide the answer, once to write the
        // problems as they are found, never holding them all.
        let mut problems = 0_usize;
        let valid = Policy::check_json_with(&text, &mut |_| problems += 1);
        out.answer(Answer::from_bool(problems == 0), |out| {
            if context.settings.format == Format::Json {
                let check = Check {
                    file: &file,
                    text: &text,
                    valid: problems == 0,
                };
                return json::write(&check, context.settings.pretty_json, out);
            }
            if let Some(policy) = valid.filter(|_| problems == 0) {
                writeln!(out, "{}: a valid policy", for_terminal(&file))?;
                for rule in words::rules_text(&policy) {
                    writeln!(out, "  {rule}")?;
                }
                return Ok(());
            }
            let mut written = Ok(());
            Policy::check_json_with(&text, &mut |problem| {
                if written.is_ok() {
                    let line = format!("{file}: {}", words::with_causes(&problem));
                    written = writeln!(out, "{}", for_terminal(&line));
                }
            });
            Ok(written?)
        })
    }
}

/// `policy --check` in JSON: `{"file", "valid", "problems": [{"path",
/// "problem"}]}`, the problems written as the check finds them.
struct Check<'a> {
    file: &'a str,
    text: &'a str,
    valid: bool,
}

impl Serialize for Check<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("schema_version", &json::SCHEMA_VERSION)?;
        map.serialize_entry("file", self.file)?;
        map.serialize_entry("valid", &self.valid)?;
        map.serialize_entry("problems", &Problems(self.text))?;
        map.end()
    }
}

/// The problems of a file, as a JSON array.
struct Problems<'a>(&'a str);

impl Serialize for Problems<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Problem {
            /// The JSON path of the bad value; null for text that is not JSON.
            path: Option<String>,
            problem: String,
        }
        let seq = Cell::new(Some(serializer.serialize_seq(None)?));
        let mut failed = None;
        Policy::check_json_with(self.0, &mut |found| {
            let view = match &found {
                PolicyError::InvalidPolicy { path, problem } => Problem {
                    path: Some(path.clone()),
                    problem: words::with_causes(problem),
                },
                other => Problem {
                    path: None,
                    problem: words::with_causes(other),
                },
            };
            if let Some(mut open) = seq.take() {
                match open.serialize_element(&view) {
                    Ok(()) => seq.set(Some(open)),
                    Err(err) => failed = Some(err),
                }
            }
        });
        match (seq.take(), failed) {
            (Some(open), None) => open.end(),
            (_, Some(err)) => Err(err),
            (None, None) => Err(S::Error::custom("the problems were left unfinished")),
        }
    }
}

/// The policy as a file, ended by a newline: one that `--policy` reads, or
/// an error when it would be too large to.
fn readable_file(policy: &Policy) -> Result<String> {
    let mut file = json_for_terminal(&policy.to_json());
    file.push('\n');
    if file.len() > MAX_FILE_BYTES {
        return Err(beyond_policy_reads(
            "the policy",
            file.len(),
            policy.history().len(),
        ));
    }
    Ok(file)
}
