//! Writes a policy back in its file format.

use chrono::Weekday;
use serde::Serialize;

use crate::policy::definition::Policy;

#[derive(Serialize)]
struct PolicyFile<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<&'a str>,
    release_weekday: &'static str,
    minor_every_months: u64,
    lts_every_months: u64,
    lts_support_months: u64,
    lts_in_parallel: u64,
    branch_template: String,
    history: Vec<HistoryEntry>,
}

#[derive(Serialize)]
struct HistoryEntry {
    line: String,
    released: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    lts: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eol: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    patches: Vec<PatchEntry>,
}

#[derive(Serialize)]
struct PatchEntry {
    version: String,
    released: String,
}

impl Policy {
    /// The policy in the file format, a valid input for [`Policy::from_json`].
    #[must_use]
    pub fn to_json(&self) -> String {
        let file = PolicyFile {
            name: self.name(),
            comment: self.comment(),
            release_weekday: weekday_name(self.release_weekday()),
            minor_every_months: self.minor_every_months(),
            lts_every_months: self.lts_every_months(),
            lts_support_months: self.lts_support_months(),
            lts_in_parallel: self.lts_in_parallel(),
            branch_template: self.branch_template().to_string(),
            history: self
                .history()
                .iter()
                .map(|release| HistoryEntry {
                    line: release.line.to_string(),
                    released: release.released.to_string(),
                    lts: release.lts,
                    eol: release.eol.map(|eol| eol.to_string()),
                    patches: release
                        .patches
                        .iter()
                        .map(|patch| PatchEntry {
                            version: patch.version.to_string(),
                            released: patch.released.to_string(),
                        })
                        .collect(),
                })
                .collect(),
        };
        // Strings and numbers always serialize; the fallback is unreachable.
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }
}

/// The English name of a weekday, as policy files spell it.
#[must_use]
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}
