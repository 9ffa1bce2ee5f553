//! Facts merged into a policy's history: what the file states wins where
//! both speak; the facts add the lines and patches it lacks.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use semver::Version;
use serde_json::Value;

use super::problem::FactsProblem;
use super::record::Facts;
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::model::{Line, LineKind};

/// A line of `kind`, written exactly: `1.3`, or `22` for major lines.
fn parse_line(name: &str, kind: LineKind) -> Option<Line> {
    crate::policy::version::parse_history_line(name, kind).ok()
}

impl Policy {
    /// The policy with `facts` merged into its history: the file's lines,
    /// dates, flags, announced ends and patches win where both speak; the
    /// facts add the lines and patches the file lacks. The history is then
    /// complete up to `history_as_of` (or the newest day the facts speak
    /// of), or up to its newest date, if later.
    ///
    /// # Errors
    /// [`PolicyError::Facts`] when the merged history is not a valid one
    /// (a line from the facts dated before one the file lists earlier).
    pub fn with_facts(
        &self,
        facts: &Facts,
        history_as_of: Option<NaiveDate>,
    ) -> Result<Self, PolicyError> {
        let kind = self.line_kind();
        let mut file: Value =
            serde_json::from_str(&self.to_json()).map_err(PolicyError::NotJson)?;
        let entries = file["history"]
            .as_array_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        let mut history: BTreeMap<Line, Value> = BTreeMap::new();
        for entry in entries {
            if let Some(line) = entry["line"]
                .as_str()
                .and_then(|name| parse_line(name, kind))
            {
                history.insert(line, entry);
            }
        }
        // The newest day the file or the facts record.
        let newest = self
            .history()
            .iter()
            .flat_map(|release| {
                std::iter::once(release.released)
                    .chain(release.patches.iter().map(|patch| patch.released))
            })
            .max()
            .max(facts.newest);
        for (&line, line_facts) in &facts.lines {
            let Some(released) = &line_facts.released else {
                continue;
            };
            let entry = history.entry(line).or_insert_with(|| {
                serde_json::json!({"line": line.to_string(), "released": released.date.to_string()})
            });
            let Some(fields) = entry.as_object_mut() else {
                continue;
            };
            if let Some(lts) = line_facts.lts.filter(|_| self.lts_rule().is_some()) {
                fields.entry("lts").or_insert(lts.into());
            }
            if let Some(eol) = line_facts.eol {
                fields.entry("eol").or_insert(eol.to_string().into());
            }
            let mut patches: BTreeMap<Version, Value> = BTreeMap::new();
            for (version, origin) in &line_facts.patches {
                patches.insert(
                    version.clone(),
                    serde_json::json!({"version": version.to_string(), "released": origin.date.to_string()}),
                );
            }
            // The file's own patches win.
            if let Some(Value::Array(known)) = fields.get("patches") {
                for patch in known {
                    if let Some(version) = patch["version"]
                        .as_str()
                        .and_then(|v| Version::parse(v).ok())
                    {
                        patches.insert(version, patch.clone());
                    }
                }
            }
            if !patches.is_empty() {
                fields.insert("patches".to_owned(), patches.into_values().collect());
            }
        }
        let as_of = [
            history_as_of.or(facts.newest),
            self.stated_history_as_of(),
            newest,
        ]
        .into_iter()
        .flatten()
        .max();
        if let Some(as_of) = as_of {
            file["history_as_of"] = as_of.to_string().into();
        }
        file["history"] = history.into_values().collect();
        Self::from_json(&file.to_string()).map_err(|err| match err {
            PolicyError::InvalidPolicy { path, problem } => {
                FactsProblem::MergedHistory { path, problem }.into()
            }
            other => other,
        })
    }
}
