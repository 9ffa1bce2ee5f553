//! The meaning of a file's top-level values: its name, which of the two
//! forms its rules are written in and what they say, its branch template,
//! tag prefix, own tags and `history_as_of`.

use super::history_problem::HistoryProblem;
use super::rule_problem::RuleProblem;
use std::sync::Arc;

use chrono::{NaiveDate, Weekday};

use super::changes;
use super::fields::{Check, Present};
use super::format::PolicyFile;
use super::found::Unit;
use super::numbers::{MAX_LINES, MAX_MONTHS, bounded};
use super::problem::Problem;
use super::problems::{Given, Path, Problems};
use super::tags;
use crate::policy::dates::parse_date;
use crate::policy::lines::line::LineKind;
use crate::policy::quote::is_hidden;
use crate::policy::rules::fields::{RuleField, Stated};
use crate::policy::rules::line_rules::{
    Change, LineRules, LtsChoice, LtsRule, Patches, Period, Support,
};
use crate::policy::rules::policy_rules::{DraftRules, PolicyRules};
use crate::policy::rules::schedule::{Cadence, DayRule, Schedule};
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

/// The fields of the first (flat) form, in the file's order.
fn flat_fields(file: &PolicyFile) -> Vec<&'static str> {
    [
        ("release_weekday", file.release_weekday.is_some()),
        ("minor_every_months", file.minor_every_months.is_some()),
        ("lts_every_months", file.lts_every_months.is_some()),
        ("lts_support_months", file.lts_support_months.is_some()),
        ("lts_in_parallel", file.lts_in_parallel.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, given)| given.then_some(name))
    .collect()
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
    let name_path = root.field("name");
    let name = problems.value(&file.name, &name_path).cloned();
    if name.as_deref().is_some_and(|name| name.trim().is_empty()) {
        problems.add(&name_path, Problem::EmptyName);
    }
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
    let line_prefix = line_prefix(file, problems);
    let flat = flat_fields(file);
    let general = general_fields(file);
    let terms = match (flat.first(), general.first()) {
        (Some(flat_field), Some(general_field)) => {
            let problem = Problem::MixedForms {
                general: general_field,
            };
            problems.add(&root.field(flat_field), problem);
            None
        }
        (Some(_), None) => flat_rules(file, problems),
        (None, _) => general_rules(file, reading, line_prefix.as_ref(), problems),
    };
    let lines = terms.as_ref().map_or(
        match file.lines.as_deref() {
            Some("major") => LineKind::Major,
            Some("dotted") => LineKind::Dotted,
            _ => LineKind::Minor,
        },
        |terms| terms.lines,
    );
    let template_path = root.field("branch_template");
    let branch_template = problems
        .value(&file.branch_template, &template_path)
        .and_then(|text| {
            let template = problems.check(&template_path, BranchTemplate::parse(text))?;
            problems.check(&template_path, template.check_lines(lines))?;
            Some(template)
        });
    let prefix_path = root.field("tag_prefix");
    let tag_prefix = problems
        .value(&file.tag_prefix, &prefix_path)
        .filter(|prefix| {
            let refused = prefix.is_empty() || prefix.contains(is_hidden);
            if refused {
                problems.add(&prefix_path, Problem::TagPrefix);
            }
            !refused
        })
        .map(|prefix| prefix.to_string());
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
    if reading == Reading::Draft {
        let draft = (|| {
            let terms = terms?;
            Some(DraftRules {
                name: name?.to_string(),
                comment,
                lines: terms.lines,
                line_prefix: line_prefix.clone(),
                stated: terms.stated,
                branch_template,
                tag_prefix,
                tags: tags?,
                history_as_of,
                patches_as_of,
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
            name: name?.to_string(),
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

/// The rules besides name, comment, branch template and `history_as_of`:
/// a policy's own rules (`None` for a draft), and the rule fields stated.
struct Terms {
    lines: LineKind,
    rules: Option<LineRules>,
    stated: Stated,
    changes: Vec<Change>,
}

/// A count of the first form, checked against `bounds`.
fn flat_count(
    problems: &mut Problems,
    value: &Option<u64>,
    name: &str,
    bounds: (u64, u64),
    unit: Unit,
) -> Option<u32> {
    let path = Path::Root.field(name);
    let &found = problems.required(value, &path)?;
    bounded(problems, &path, found, bounds, unit)
}

/// The first form: `releases = {every_months: minor_every_months, on:
/// release_weekday}`, weekly patches on that day, support until the next
/// line, `lts = {every: lts_every_months / minor_every_months, support:
/// {months: lts_support_months, until_next: lts_in_parallel}}`.
fn flat_rules(file: &PolicyFile, problems: &mut Problems) -> Option<Terms> {
    let weekday_path = Path::Root.field("release_weekday");
    let release_weekday = problems
        .required(&file.release_weekday, &weekday_path)
        .and_then(|text| {
            let weekday = text.parse::<Weekday>().ok();
            if weekday.is_none() {
                let found = text.to_string();
                problems.add(&weekday_path, Problem::Weekday { found });
            }
            weekday
        });
    let months = (1, MAX_MONTHS);
    let minor = flat_count(
        problems,
        &file.minor_every_months,
        "minor_every_months",
        months,
        Unit::Months,
    );
    let lts = flat_count(
        problems,
        &file.lts_every_months,
        "lts_every_months",
        months,
        Unit::Months,
    );
    let lts_support = flat_count(
        problems,
        &file.lts_support_months,
        "lts_support_months",
        months,
        Unit::Months,
    );
    if let (Some(minor), Some(lts)) = (minor, lts)
        && !lts.is_multiple_of(minor)
    {
        let problem = RuleProblem::NotAMultiple {
            of: "minor_every_months",
            base: u64::from(minor),
            found: u64::from(lts),
        };
        problems.add(&Path::Root.field("lts_every_months"), problem);
    }
    let lts_in_parallel = flat_count(
        problems,
        &file.lts_in_parallel,
        "lts_in_parallel",
        (1, MAX_LINES),
        Unit::Lines,
    );
    let weekday = release_weekday?;
    let (minor, lts_months) = (minor?, lts?);
    if !lts_months.is_multiple_of(minor) {
        return None;
    }
    let lts = LtsRule::new(
        LtsChoice::Every(lts_months / minor),
        Support {
            period: Some(Period::Months(lts_support?)),
            until_next: Some(lts_in_parallel?),
            ..Support::UNTIL_NEXT_LINE
        },
    );
    let rules = LineRules {
        new_major: None,
        releases: Schedule::new(Cadence::EveryMonths(minor), DayRule::Weekday(weekday)),
        patches: Patches::Scheduled(Schedule::new(
            Cadence::EveryWeeks(1),
            DayRule::Weekday(weekday),
        )),
        support: Support::UNTIL_NEXT_LINE,
        last_of_major: None,
        active: None,
        lts: Some(lts),
    };
    Some(Terms {
        lines: LineKind::Minor,
        stated: Stated::all(&rules),
        rules: Some(rules),
        changes: Vec::new(),
    })
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
