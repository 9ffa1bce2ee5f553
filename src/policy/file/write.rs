//! Writes a policy back in its file format, the general form.

use serde::Serialize;

use crate::policy::definition::Policy;
use crate::policy::model::LineKind;
use crate::policy::rules::{LtsChoice, NewMajor, Patches, Support};
use crate::policy::schedule::{Cadence, DayRule, Schedule};

#[derive(Serialize)]
struct PolicyFile<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<&'a str>,
    lines: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    new_major: Option<NewMajorEntry>,
    releases: ScheduleEntry,
    patches: PatchesEntry,
    support: SupportEntry,
    #[serde(skip_serializing_if = "Option::is_none")]
    lts: Option<LtsEntry>,
    branch_template: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tag_prefix: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    history_as_of: Option<String>,
    history: Vec<HistoryEntry>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum NewMajorEntry {
    AfterMinor(u64),
    InMonth(u32),
}

#[derive(Serialize)]
struct ScheduleEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    every_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    every_weeks: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_months: Option<Vec<u32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on: Option<DayEntry>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum DayEntry {
    Text(String),
    Number(u32),
}

#[derive(Serialize)]
#[serde(untagged)]
enum PatchesEntry {
    Recorded(&'static str),
    Scheduled(ScheduleEntry),
}

#[derive(Serialize)]
struct SupportEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until_next: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grace_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    round: Option<&'static str>,
}

#[derive(Serialize)]
struct LtsEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    every: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    every_months: Option<u32>,
    support: SupportEntry,
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

fn schedule_entry(schedule: &Schedule) -> ScheduleEntry {
    let (mut every_months, mut every_weeks, mut in_months) = (None, None, None);
    match &schedule.cadence {
        Cadence::EveryMonths(months) => every_months = Some(*months),
        Cadence::EveryWeeks(weeks) => every_weeks = Some(*weeks),
        Cadence::InMonths(months) => in_months = Some(months.clone()),
    }
    let on = match schedule.on {
        DayRule::Due => None,
        DayRule::DayOfMonth(day) => Some(DayEntry::Number(day)),
        rule => Some(DayEntry::Text(rule.to_string())),
    };
    ScheduleEntry {
        every_months,
        every_weeks,
        in_months,
        on,
    }
}

fn support_entry(support: &Support) -> SupportEntry {
    SupportEntry {
        months: support.months,
        until_next: support.until_next,
        grace_months: (support.grace_months > 0).then_some(support.grace_months),
        round: support.month_end.then_some("month_end"),
    }
}

impl Policy {
    /// The policy in the file format's general form, a valid input for
    /// [`Policy::from_json`] that states every rule, defaults included.
    #[must_use]
    pub fn to_json(&self) -> String {
        let file = PolicyFile {
            name: self.name(),
            comment: self.comment(),
            lines: match self.line_kind() {
                LineKind::Minor => "minor",
                LineKind::Major => "major",
            },
            new_major: self.new_major().map(|rule| match rule {
                NewMajor::AfterMinor(minor) => NewMajorEntry::AfterMinor(minor),
                NewMajor::InMonth(month) => NewMajorEntry::InMonth(month),
            }),
            releases: schedule_entry(self.releases_schedule()),
            patches: match self.patches_rule() {
                Patches::Scheduled(schedule) => PatchesEntry::Scheduled(schedule_entry(schedule)),
                Patches::Recorded => PatchesEntry::Recorded("recorded"),
            },
            support: support_entry(self.support()),
            lts: self.lts_rule().map(|lts| {
                let (every, every_months) = match lts.choice {
                    LtsChoice::Every(every) => (Some(every), None),
                    LtsChoice::EveryMonths(months) => (None, Some(months)),
                };
                LtsEntry {
                    every,
                    every_months,
                    support: support_entry(&lts.support),
                }
            }),
            branch_template: self.branch_template().to_string(),
            tag_prefix: self.tag_prefix(),
            history_as_of: self.stated_history_as_of().map(|date| date.to_string()),
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
