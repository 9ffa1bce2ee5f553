//! The values of a policy file before their meaning is checked.
//!
//! A well-formed file deserializes straight into [`RawPolicy`] (the fast
//! path, which the embedded policy takes at every start); any other is read
//! from a `serde_json::Value` field by field, so that every problem of shape
//! is reported with its JSON path. Either way [`super::validate`] checks the
//! values.

use serde::Deserialize;
use serde_json::Value;

use super::fields::Problems;

pub(super) const POLICY_FIELDS: &[&str] = &[
    "name",
    "comment",
    "release_weekday",
    "minor_every_months",
    "lts_every_months",
    "lts_support_months",
    "lts_in_parallel",
    "branch_template",
    "history",
];
const HISTORY_FIELDS: &[&str] = &["line", "released", "lts", "eol", "patches"];
const PATCH_FIELDS: &[&str] = &["version", "released"];

/// `None` marks a value that is absent: optional, or missing or of the
/// wrong type (then already reported).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPolicy<'a> {
    pub name: Option<&'a str>,
    pub comment: Option<&'a str>,
    pub release_weekday: Option<&'a str>,
    pub minor_every_months: Option<u64>,
    pub lts_every_months: Option<u64>,
    pub lts_support_months: Option<u64>,
    pub lts_in_parallel: Option<u64>,
    pub branch_template: Option<&'a str>,
    #[serde(borrow)]
    pub history: Option<Vec<RawEntry<'a>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry<'a> {
    pub line: Option<&'a str>,
    pub released: Option<&'a str>,
    pub lts: Option<bool>,
    pub eol: Option<&'a str>,
    #[serde(default, borrow)]
    pub patches: Vec<RawPatch<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPatch<'a> {
    pub version: Option<&'a str>,
    pub released: Option<&'a str>,
}

impl RawPolicy<'_> {
    /// Whether every required value is there, so that nothing is left to
    /// report about the file's shape.
    pub(super) fn is_complete(&self) -> bool {
        let entries_complete = self.history.iter().flatten().all(|entry| {
            entry.line.is_some()
                && entry.released.is_some()
                && entry
                    .patches
                    .iter()
                    .all(|patch| patch.version.is_some() && patch.released.is_some())
        });
        self.name.is_some()
            && self.release_weekday.is_some()
            && self.minor_every_months.is_some()
            && self.lts_every_months.is_some()
            && self.lts_support_months.is_some()
            && self.lts_in_parallel.is_some()
            && self.branch_template.is_some()
            && self.history.is_some()
            && entries_complete
    }
}

/// Reads the values of a parsed file, reporting each one of the wrong type,
/// missing or unknown.
pub(super) fn extract<'v>(file: &'v Value, problems: &mut Problems) -> Option<RawPolicy<'v>> {
    let object = problems.object("", file, POLICY_FIELDS)?;
    Some(RawPolicy {
        name: problems.string("", object, "name"),
        comment: problems.optional_string("", object, "comment"),
        release_weekday: problems.string("", object, "release_weekday"),
        minor_every_months: problems.whole_number("", object, "minor_every_months"),
        lts_every_months: problems.whole_number("", object, "lts_every_months"),
        lts_support_months: problems.whole_number("", object, "lts_support_months"),
        lts_in_parallel: problems.whole_number("", object, "lts_in_parallel"),
        branch_template: problems.string("", object, "branch_template"),
        history: problems.array("", object, "history", true).map(|entries| {
            entries
                .iter()
                .enumerate()
                .filter_map(|(i, entry)| extract_entry(&format!("history[{i}]"), entry, problems))
                .collect()
        }),
    })
}

fn extract_entry<'v>(
    path: &str,
    entry: &'v Value,
    problems: &mut Problems,
) -> Option<RawEntry<'v>> {
    let object = problems.object(path, entry, HISTORY_FIELDS)?;
    Some(RawEntry {
        line: problems.string(path, object, "line"),
        released: problems.string(path, object, "released"),
        lts: problems.flag(path, object, "lts"),
        eol: problems.optional_string(path, object, "eol"),
        patches: problems
            .array(path, object, "patches", false)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter_map(|(i, patch)| {
                let path = format!("{path}.patches[{i}]");
                let object = problems.object(&path, patch, PATCH_FIELDS)?;
                Some(RawPatch {
                    version: problems.string(&path, object, "version"),
                    released: problems.string(&path, object, "released"),
                })
            })
            .collect(),
    })
}
