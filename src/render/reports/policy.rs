//! `policy`: the effective policy as a file, or what `policy --check`
//! finds in one, as text or JSON.

use std::cell::Cell;
use std::io::Write;

use anyhow::Result;
use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;

use lts_policy::{Policy, PolicyError};

use crate::render::{json, rule_words, words};
use crate::session::{
    Format, MAX_FILE_BYTES, Settings, beyond_policy_reads, for_terminal, json_for_terminal,
};

/// The policy as a file, as `policy` prints it.
pub struct PolicyFile {
    /// The file, ended by a newline.
    pub text: String,
}

impl PolicyFile {
    /// `policy` as a file, ended by a newline: one that `--policy` reads,
    /// the characters a terminal acts on escaped.
    ///
    /// # Errors
    /// A file too large for `--policy` to read.
    pub fn of(policy: &Policy) -> Result<Self> {
        let mut text = json_for_terminal(&policy.to_json());
        text.push('\n');
        if text.len() > MAX_FILE_BYTES {
            return Err(beyond_policy_reads(
                "the policy",
                text.len(),
                policy.history().len(),
            ));
        }
        Ok(Self { text })
    }

    /// Writes the file as it is, or as JSON indented by serde_json.
    ///
    /// # Errors
    /// An error of the output.
    pub fn write(&self, settings: &Settings, out: &mut dyn Write) -> Result<()> {
        if settings.format == Format::Json {
            json::write(&serde_json::from_str::<Value>(&self.text)?, true, out)
        } else {
            out.write_all(self.text.as_bytes())?;
            Ok(())
        }
    }
}

/// What `policy --check` finds in a file.
pub struct PolicyCheck<'a> {
    /// The file's path, as given.
    pub file: String,
    /// Its text, checked again as the problems are written.
    pub text: &'a str,
    /// The policy it holds, when it has no problem.
    pub valid: Option<Policy>,
}

impl PolicyCheck<'_> {
    /// Writes the problems as JSON, or as text: one line each, or what the
    /// rules of a valid policy mean.
    ///
    /// # Errors
    /// An error of the output.
    pub fn write(&self, settings: &Settings, out: &mut dyn Write) -> Result<()> {
        if settings.format == Format::Json {
            let check = Check {
                file: &self.file,
                text: self.text,
                valid: self.valid.is_some(),
            };
            return json::write(&check, settings.pretty_json, out);
        }
        if let Some(policy) = &self.valid {
            writeln!(out, "{}: a valid policy", for_terminal(&self.file))?;
            for rule in rule_words::rules_text(policy) {
                writeln!(out, "  {rule}")?;
            }
            return Ok(());
        }
        let mut written = Ok(());
        Policy::check_json_with(self.text, &mut |problem| {
            if written.is_ok() {
                let line = format!("{}: {}", self.file, words::with_causes(&problem));
                written = writeln!(out, "{}", for_terminal(&line));
            }
        });
        Ok(written?)
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
