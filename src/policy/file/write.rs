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
        let json = serde_json::to_string_pretty(&file).unwrap_or_default();
        escape_invisible(&json)
    }
}

/// JSON whose strings show their control characters: serde_json escapes
/// C0 controls only, and DEL, C1 controls and the bidirectional controls
/// would reach a terminal that `policy` prints to as they are. `\uXXXX` is
/// the same string to any JSON reader.
fn escape_invisible(json: &str) -> String {
    let invisible = acts_on_a_terminal;
    if !json.contains(|c: char| invisible(c) && c != '\n') {
        return json.to_owned();
    }
    let mut escaped = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if invisible(c) && c != '\n' {
            escaped.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    escaped
}

/// Whether a terminal acts on `c` instead of showing it: a control
/// character (C0, DEL, C1) or a bidirectional control that reorders the
/// text around it. Text a file controls shows these escaped.
///
/// # Examples
/// ```
/// use lts_policy::policy::acts_on_a_terminal;
/// assert!(acts_on_a_terminal('\u{1b}') && acts_on_a_terminal('\u{9b}'));
/// assert!(acts_on_a_terminal('\u{202e}'));
/// assert!(!acts_on_a_terminal('é'));
/// ```
#[must_use]
pub fn acts_on_a_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
