//! Writes a policy back in its file format, the general form.

use serde_json::Value;

use super::format::{
    DayFile, EntryFile, LtsFile, NewMajorFile, PatchFile, PatchesFile, PolicyFile, ScheduleFile,
    SupportFile, Text,
};
use crate::policy::definition::Policy;
use crate::policy::rules::{LtsChoice, NewMajor, Patches, Support};
use crate::policy::schedule::{Cadence, DayRule, Schedule};

fn schedule_file(schedule: &Schedule) -> ScheduleFile<'static> {
    let mut file = ScheduleFile::default();
    match &schedule.cadence {
        Cadence::EveryMonths(months) => file.every_months = Some(u64::from(*months)),
        Cadence::EveryWeeks(weeks) => file.every_weeks = Some(u64::from(*weeks)),
        Cadence::InMonths(months) => {
            file.in_months = Some(months.iter().map(|&month| u64::from(month)).collect());
        }
    }
    file.on = match schedule.on {
        DayRule::Due => None,
        DayRule::DayOfMonth(day) => Some(DayFile::Number(u64::from(day))),
        rule => Some(DayFile::Text(rule.to_string().into())),
    };
    file
}

fn support_file(support: &Support) -> SupportFile<'static> {
    SupportFile {
        months: support.months.map(u64::from),
        until_next: support.until_next.map(u64::from),
        grace_months: (support.grace_months > 0).then_some(u64::from(support.grace_months)),
        round: support.month_end.then_some(Text::from("month_end")),
    }
}

impl Policy {
    /// The policy as its file format declares it, in the general form,
    /// every rule stated (defaults included).
    fn to_file(&self) -> PolicyFile<'_> {
        let lts = self.lts_rule().map(|lts| {
            let mut file = LtsFile {
                support: Some(support_file(&lts.support)),
                ..LtsFile::default()
            };
            match lts.choice {
                LtsChoice::Every(every) => file.every = Some(u64::from(every)),
                LtsChoice::EveryMonths(months) => file.every_months = Some(u64::from(months)),
            }
            file
        });
        let history = self
            .history()
            .iter()
            .map(|release| EntryFile {
                line: Some(release.line.to_string().into()),
                released: Some(release.released.to_string().into()),
                lts: release.lts,
                eol: release.eol.map(|eol| eol.to_string().into()),
                patches: (!release.patches.is_empty()).then(|| {
                    release
                        .patches
                        .iter()
                        .map(|patch| PatchFile {
                            version: Some(patch.version.to_string().into()),
                            released: Some(patch.released.to_string().into()),
                        })
                        .collect()
                }),
            })
            .collect();
        PolicyFile {
            name: Some(self.name().into()),
            comment: self.comment().map(Text::from),
            lines: Some(self.line_kind().name().into()),
            new_major: self.new_major().map(|rule| match rule {
                NewMajor::AfterMinor(minor) => NewMajorFile {
                    after_minor: Some(minor),
                    in_month: None,
                },
                NewMajor::InMonth(month) => NewMajorFile {
                    after_minor: None,
                    in_month: Some(u64::from(month)),
                },
            }),
            releases: Some(schedule_file(self.releases_schedule())),
            patches: Some(match self.patches_rule() {
                Patches::Scheduled(schedule) => PatchesFile::Schedule(schedule_file(schedule)),
                Patches::Recorded => PatchesFile::Text("recorded".into()),
            }),
            support: Some(support_file(self.support())),
            lts,
            branch_template: Some(self.branch_template().to_string().into()),
            tag_prefix: self.tag_prefix().map(Text::from),
            history_as_of: self
                .stated_history_as_of()
                .map(|date| date.to_string().into()),
            history: Some(history),
            ..PolicyFile::default()
        }
    }

    /// The policy in the file format's general form, a valid input for
    /// [`Policy::from_json`] that states every rule, defaults included,
    /// laid out as the example policies are.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Strings and numbers always serialize; the fallback is unreachable.
        let value = serde_json::to_value(self.to_file()).unwrap_or_default();
        let mut json = String::with_capacity(1 << 12);
        write_top(&value, &mut json);
        json
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
    let given = fields.iter().filter(|(_, field)| !field.is_null());
    for (at, (key, field)) in given.enumerate() {
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
            let given = fields.iter().filter(|(_, field)| !field.is_null());
            for (at, (key, field)) in given.enumerate() {
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
