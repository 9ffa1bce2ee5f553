//! The meaning of a file's top-level values: its name, which of the two
//! forms its rules are written in and what they say, its branch template,
//! tag prefix, own tags and `history_as_of`.

use std::sync::Arc;

use chrono::NaiveDate;

use super::changes;
use super::fields::{Check, Present};
use super::flat::{flat_fields, flat_rules};
use super::format::PolicyFile;
use super::history_problem::HistoryProblem;
use super::line_rules::Terms;
use super::problem::Problem;
use super::problems::{Given, Path, Problems};
use super::tags;
use crate::policy::dates::parse_date;
use crate::policy::lines::line::LineKind;
use crate::policy::quote::is_hidden;
use crate::policy::rules::fields::{RuleField, Stated};
use crate::policy::rules::policy_rules::{DraftRules, PolicyRules};
use crate::policy::rules::template::BranchTemplate;

/// How a file is read: as a policy, or as a draft a fit completes, which
/// may leave out any rule, the branch template and the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    Policy,
    Draft,
}

/// The rules once checked, and how the history is to be read.
pub(super) struct Checked {
    /// `None` when a rule is missing or wrong, or for a draft.
    pub(super) rules: Option<PolicyRules>,
    /// A draft's rules; `None` when one is wrong, or for a policy.
    pub(super) draft: Option<DraftRules>,
    /// How the history's lines are numbered (minor, when `lines` is wrong).
    pub(super) lines: LineKind,
    /// Whether the policy has an LTS rule (or a wrong one).
    pub(super) has_lts: bool,
    /// The day up to which the history is complete, when the file says.
    pub(super) history_as_of: Option<NaiveDate>,
    /// The text before every line's numbers, when the file gives one.
    pub(super) line_prefix: Option<Arc<str>>,
}

/// The fields of the general form, in the file's order.
fn general_fields(file: &PolicyFile) -> Vec<&'static str> {
    let rules = file.rule_fields(&mut Present).given();
    file.lines
        .as_ref()
        .map(|_| "lines")
        .into_iter()
        .chain(rules.into_iter().map(RuleField::key))
        .chain(file.changes.as_ref().map(|_| "changes"))
        .collect()
}

/// The fields every file has, reported missing before any value is
/// checked, as problems of its shape.
pub(super) fn require(file: &PolicyFile, reading: Reading, problems: &mut Problems) {
    let root = Path::Root;
    let policy = reading == Reading::Policy;
    for (name, given) in [
        ("name", file.name.is_some()),
        ("branch_template", file.branch_template.is_some() || !policy),
        ("history", file.history.is_some() || !policy),
    ] {
        if !given {
            problems.missing(&root.field(name));
        }
    }
}

/// Checks the rules; `rules` is `None` when one is missing or wrong.
pub(super) fn rules(file: &PolicyFile, reading: Reading, problems: &mut Problems) -> Checked {
    let root = Path::Root;
    let name = name(file, problems);
    let (history_as_of, patches_as_of) = as_of_days(file, problems);
    let line_prefix = line_prefix(file, problems);
    let flat = flat_fields(file);
    let terms = terms(file, &flat, reading, line_prefix.as_ref(), problems);
    let lines = terms
        .as_ref()
        .map_or_else(|| lines_named(file), |terms| terms.lines);
    let branch_template = branch_template(file, lines, problems);
    let tag_prefix = tag_prefix(file, problems);
    let has_lts = file.lts.is_some()
        || file
            .changes
            .iter()
            .flatten()
            .any(|change| change.lts.is_some())
        || !flat.is_empty();
    let tags = tags::tags(file.tags.as_deref(), lines, has_lts, problems);
    let comment = problems
        .value(&file.comment, &root.field("comment"))
        .map(|comment| comment.to_string());
    let product = problems
        .value(&file.product, &root.field("product"))
        .cloned()
        .map(Box::new);
    if reading == Reading::Draft {
        let draft = (|| {
            let terms = terms?;
            Some(DraftRules {
                name: name?,
                comment,
                lines: terms.lines,
                line_prefix: line_prefix.clone(),
                stated: terms.stated,
                branch_template,
                tag_prefix,
                tags: tags?,
                history_as_of,
                patches_as_of,
                product,
            })
        })();
        return Checked {
            rules: None,
            draft,
            lines,
            // The fit makes the LTS rule of a history that declares LTS lines.
            has_lts: true,
            history_as_of,
            line_prefix,
        };
    }
    let rules = (|| {
        let terms = terms?;
        Some(PolicyRules {
            name: name?,
            comment,
            lines: terms.lines,
            line_prefix: line_prefix.clone(),
            rules: terms.rules?,
            changes: terms.changes,
            branch_template: branch_template?,
            tag_prefix,
            tags: tags?,
            history_as_of,
            patches_as_of,
            product,
        })
    })();
    Checked {
        rules,
        draft: None,
        lines,
        has_lts,
        history_as_of,
        line_prefix,
    }
}

/// The rules in the form the file writes them in (`flat` the fields of the
/// first form it gives), refused when it mixes the two.
fn terms(
    file: &PolicyFile,
    flat: &[&'static str],
    reading: Reading,
    line_prefix: Option<&Arc<str>>,
    problems: &mut Problems,
) -> Option<Terms> {
    match (flat.first(), general_fields(file).first()) {
        (Some(flat_field), Some(general_field)) => {
            let problem = Problem::MixedForms {
                general: general_field,
            };
            problems.add(&Path::Root.field(flat_field), problem);
            None
        }
        (Some(_), None) => flat_rules(file, problems),
        (None, _) => general_rules(file, reading, line_prefix, problems),
    }
}

/// The kind of lines the file names, read leniently where its rules are
/// wrong: minor unless it names another.
fn lines_named(file: &PolicyFile) -> LineKind {
    match file.lines.as_deref() {
        Some("major") => LineKind::Major,
        Some("dotted") => LineKind::Dotted,
        _ => LineKind::Minor,
    }
}

/// The policy's name: not blank.
fn name(file: &PolicyFile, problems: &mut Problems) -> Option<String> {
    let path = Path::Root.field("name");
    let name = problems.value(&file.name, &path)?;
    if name.trim().is_empty() {
        problems.add(&path, Problem::EmptyName);
    }
    Some(name.to_string())
}

/// `history_as_of` and `patches_as_of`, the patch record complete no
/// later than the history.
fn as_of_days(
    file: &PolicyFile,
    problems: &mut Problems,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let root = Path::Root;
    let as_of_path = root.field("history_as_of");
    let history_as_of = problems
        .value(&file.history_as_of, &as_of_path)
        .and_then(|text| problems.check(&as_of_path, parse_date(text)));
    let patches_path = root.field("patches_as_of");
    let patches_as_of = problems
        .value(&file.patches_as_of, &patches_path)
        .and_then(|text| problems.check(&patches_path, parse_date(text)));
    if let (Some(patches_as_of), Some(history_as_of)) = (patches_as_of, history_as_of)
        && patches_as_of > history_as_of
    {
        let problem = HistoryProblem::PatchesAfterHistory {
            patches_as_of,
            history_as_of,
        };
        problems.add(&patches_path, problem);
    }
    (history_as_of, patches_as_of)
}

/// The branch template, which gives each line of `lines` a branch.
fn branch_template(
    file: &PolicyFile,
    lines: LineKind,
    problems: &mut Problems,
) -> Option<BranchTemplate> {
    let path = Path::Root.field("branch_template");
    let text = problems.value(&file.branch_template, &path)?;
    let template = problems.check(&path, BranchTemplate::parse(text))?;
    problems.check(&path, template.check_lines(lines))?;
    Some(template)
}

/// The text release tags start with: not empty, no blanks or control
/// characters.
fn tag_prefix(file: &PolicyFile, problems: &mut Problems) -> Option<String> {
    let path = Path::Root.field("tag_prefix");
    let prefix = problems.value(&file.tag_prefix, &path)?;
    if prefix.is_empty() || prefix.contains(is_hidden) {
        problems.add(&path, Problem::TagPrefix);
        return None;
    }
    Some(prefix.to_string())
}

/// The text before every line's numbers (`cos-` of `cos-129`): not
/// empty, no spaces or control characters, and not ending in a digit or a
/// dot, which would be read as part of the numbers.
fn line_prefix(file: &PolicyFile, problems: &mut Problems) -> Option<Arc<str>> {
    let path = Path::Root.field("line_prefix");
    let prefix = problems.value(&file.line_prefix, &path)?;
    let refused = prefix.is_empty()
        || prefix.contains(is_hidden)
        || prefix.ends_with(|c: char| c.is_ascii_digit() || c == '.');
    if refused {
        problems.add(&path, Problem::LinePrefix);
        return None;
    }
    Some(Arc::from(&**prefix))
}

/// The general form.
fn general_rules(
    file: &PolicyFile,
    reading: Reading,
    line_prefix: Option<&Arc<str>>,
    problems: &mut Problems,
) -> Option<Terms> {
    let root = Path::Root;
    let lines_path = root.field("lines");
    let lines = match problems.given(&file.lines, &lines_path) {
        Given::Absent => Some(LineKind::Minor),
        Given::Invalid => None,
        Given::Value(text) => match &**text {
            "minor" => Some(LineKind::Minor),
            "major" => Some(LineKind::Major),
            "dotted" => Some(LineKind::Dotted),
            other => {
                let problem = Problem::Keyword {
                    expected: &["minor", "major", "dotted"],
                    found: other.to_owned(),
                };
                problems.add(&lines_path, problem);
                None
            }
        },
    };
    let given = file.rule_fields(&mut Check {
        at: &root,
        lines,
        problems,
    });
    let changes_path = root.field("changes");
    if reading == Reading::Draft {
        if file.changes.is_some() {
            problems.add(&changes_path, Problem::ChangesInDraft);
        }
        let stated = given.stated()?;
        return Some(Terms {
            lines: lines?,
            rules: None,
            stated,
            changes: Vec::new(),
        });
    }
    let own = given.own(&root, problems);
    let changes = match problems.given(&file.changes, &changes_path) {
        Given::Absent => Some(Vec::new()),
        Given::Invalid => None,
        Given::Value(files) => {
            let kind = lines.unwrap_or_default();
            changes::changes(files, kind, line_prefix, own.as_ref(), problems)
        }
    };
    let own = own?;
    Some(Terms {
        lines: lines?,
        stated: Stated::all(&own),
        rules: Some(own),
        changes: changes?,
    })
}
