//! Writes a policy back in its file format, the general form.

use serde_json::Value;

use super::fields::Written;
use super::format::{ChangeFile, EntryFile, FlagOrDateFile, PatchFile, PolicyFile, TagFile, Text};
use crate::policy::definition::Policy;
use crate::policy::lines::release::{RecordedEnd, Release};
use crate::policy::rules::fields::Stated;
use crate::policy::rules::line_rules::{Change, LineRules};

/// A change, naming the rule fields that differ from the rules before it.
fn change_file(change: &Change, before: &LineRules) -> ChangeFile<'static> {
    let changed = Stated::all(&change.rules).only(&change.rules.changed_from(before));
    let mut file = ChangeFile {
        from: Some(change.from.to_string().into()),
        ..ChangeFile::default()
    };
    file.set_rule_fields(changed, &mut Written);
    file
}

/// An end as a history entry writes it: the day, or whether it has
/// passed by `history_as_of`.
fn end_file(end: RecordedEnd) -> FlagOrDateFile<'static> {
    match end {
        RecordedEnd::On(day) => FlagOrDateFile::Date(day.to_string().into()),
        RecordedEnd::Passed => FlagOrDateFile::Flag(true),
        RecordedEnd::NotYet => FlagOrDateFile::Flag(false),
    }
}

fn entry_file(release: &Release) -> EntryFile<'static> {
    EntryFile {
        line: Some(release.line.to_string().into()),
        released: Some(release.released.to_string().into()),
        lts: match (release.lts_from, release.lts) {
            (Some(from), _) => Some(FlagOrDateFile::Date(from.to_string().into())),
            (None, flag) => flag.map(FlagOrDateFile::Flag),
        },
        eol: release.eol.map(end_file),
        active_until: release.active_until.map(end_file),
        extended_until: release.extended_until.map(end_file),
        discontinued: release.discontinued.map(end_file),
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
    }
}

impl Policy {
    /// The policy as its file format declares it, in the general form,
    /// every rule stated (defaults included).
    fn to_file(&self) -> PolicyFile<'_> {
        let own = self.own_rules();
        let mut before = own;
        let changes: Vec<ChangeFile> = self
            .changes()
            .iter()
            .map(|change| {
                let file = change_file(change, before);
                before = &change.rules;
                file
            })
            .collect();
        let mut file = PolicyFile {
            name: Some(self.name().into()),
            comment: self.comment().map(Text::from),
            lines: Some(self.line_kind().name().into()),
            line_prefix: self.rules().line_prefix.as_deref().map(Text::from),
            changes: (!changes.is_empty()).then_some(changes),
            branch_template: Some(self.branch_template().to_string().into()),
            tag_prefix: self.tag_prefix().map(Text::from),
            tags: (!self.own_tags().is_empty()).then(|| {
                self.own_tags()
                    .iter()
                    .map(|tag| TagFile {
                        name: Some(tag.source().into()),
                        lts_only: tag.lts_only().then_some(true),
                    })
                    .collect()
            }),
            history_as_of: self
                .stated_history_as_of()
                .map(|date| date.to_string().into()),
            patches_as_of: self
                .rules()
                .patches_as_of
                .map(|date| date.to_string().into()),
            // In line order, as a file lists them.
            history: Some(self.history_by_line().map(entry_file).collect()),
            product: self.product().cloned(),
            ..PolicyFile::default()
        };
        file.set_rule_fields(Stated::all(own), &mut Written);
        file
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
        write_value(field, FIELD_INDENT, out);
    }
    out.push_str("\n}");
}

/// How far in the top object's fields are written.
const FIELD_INDENT: usize = 2;

/// How many bytes the entries of `history` take in the policy file
/// [`Policy::to_json`] writes, whatever its rules (the same in any order).
pub(crate) fn history_len(history: &[Release]) -> usize {
    let entries: Vec<EntryFile> = history.iter().map(entry_file).collect();
    // Strings and numbers always serialize; the fallback is unreachable.
    let value = serde_json::to_value(entries).unwrap_or_default();
    let mut json = String::new();
    write_value(&value, FIELD_INDENT, &mut json);
    json.len()
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
