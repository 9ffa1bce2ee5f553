//! Writes a policy back in its file format, the general form.

use serde::Serialize;
use serde_json::Value;

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
        let value = serde_json::to_value(&file).unwrap_or_default();
        let mut json = String::with_capacity(1 << 12);
        write_top(&value, &mut json);
        escape_invisible(&json)
    }
}

/// Writes the policy file's `top` object laid out as the example policies
/// are: one field per line; every object inside it on one line; an array
/// of objects (the history, a line's patches) one object per line, two
/// spaces further in than the line that opens it. A history of 100,000
/// lines stays a few MiB, and a new patch is a new line of a diff.
fn write_top(top: &Value, out: &mut String) {
    let Value::Object(fields) = top else {
        return write_value(top, 0, out);
    };
    out.push('{');
    for (at, (key, field)) in fields.iter().enumerate() {
        out.push_str(if at == 0 { "\n  " } else { ",\n  " });
        push_string(key, out);
        out.push_str(": ");
        write_value(field, 2, out);
    }
    out.push_str("\n}");
}

/// Writes `value` on a line indented by `indent` spaces.
fn write_value(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(fields) => {
            out.push('{');
            for (at, (key, field)) in fields.iter().enumerate() {
                if at > 0 {
                    out.push_str(", ");
                }
                push_string(key, out);
                out.push_str(": ");
                write_value(field, indent, out);
            }
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
            out.push('[');
            for (at, item) in items.iter().enumerate() {
                out.push_str(if at == 0 { "\n" } else { ",\n" });
                push_spaces(indent + 2, out);
                write_value(item, indent + 2, out);
            }
            out.push('\n');
            push_spaces(indent, out);
            out.push(']');
        }
        Value::Array(items) => {
            out.push('[');
            for (at, item) in items.iter().enumerate() {
                if at > 0 {
                    out.push_str(", ");
                }
                write_value(item, indent, out);
            }
            out.push(']');
        }
        Value::String(text) => push_string(text, out),
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn push_spaces(count: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', count));
}

/// A JSON string, escaped as serde_json escapes it.
fn push_string(text: &str, out: &mut String) {
    out.push_str(&Value::from(text).to_string());
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
/// character (C0, DEL, C1), a bidirectional control that reorders the
/// text around it, or the line and paragraph separators (U+2028, U+2029)
/// that editors, log viewers and JavaScript take for line breaks. Text a
/// file controls shows these escaped.
///
/// # Examples
/// ```
/// use lts_policy::policy::acts_on_a_terminal;
/// assert!(acts_on_a_terminal('\u{1b}') && acts_on_a_terminal('\u{9b}'));
/// assert!(acts_on_a_terminal('\u{202e}'));
/// assert!(acts_on_a_terminal('\u{2028}') && acts_on_a_terminal('\u{2029}'));
/// assert!(!acts_on_a_terminal('é'));
/// ```
#[must_use]
pub fn acts_on_a_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}
