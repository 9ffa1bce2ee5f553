//! `changes`: the rules that change from a line on, checked in line order,
//! each laid over the rules before it.

use super::rule_problem::RuleProblem;
use std::sync::Arc;

use super::fields::{Check, Present};
use super::format::ChangeFile;
use super::problems::{Path, Problems};
use crate::policy::lines::line::{Line, LineKind};
use crate::policy::lines::version::read_numbered_line;
use crate::policy::rules::line_rules::{Change, LineRules};

/// The changes, each with the line it applies from (a line of the policy's
/// `lines` kind, after the previous change's) and the rules from then on;
/// `None` when one is wrong, or the policy's own rules are (`own`).
pub(super) fn changes(
    files: &[ChangeFile],
    lines: LineKind,
    prefix: Option<&Arc<str>>,
    own: Option<&LineRules>,
    problems: &mut Problems,
) -> Option<Vec<Change>> {
    let path = Path::Root.field("changes");
    let mut changes = Vec::with_capacity(files.len());
    let mut valid = own.is_some();
    let mut previous: Option<Line> = None;
    let mut before = own.cloned();
    for (at, file) in files.iter().enumerate() {
        let item = path.item(at);
        if problems.is_invalid(&item) {
            valid = false;
            continue;
        }
        let from_path = item.field("from");
        let from = problems
            .required(&file.from, &from_path)
            .and_then(|text| problems.check(&from_path, read_numbered_line(text, lines, prefix)));
        if let (Some(from), Some(previous)) = (&from, &previous)
            && from <= previous
        {
            let problem = RuleProblem::ChangeOrder {
                from: from.clone(),
                previous: previous.clone(),
            };
            problems.add(&from_path, problem);
            valid = false;
        }
        if file.rule_fields(&mut Present).given().is_empty() {
            problems.add(&item, RuleProblem::EmptyChange);
            valid = false;
        }
        let given = file.rule_fields(&mut Check {
            at: &item,
            lines: Some(lines),
            problems,
        });
        let rules = before.as_ref().and_then(|before| given.over(before));
        if from.is_some() {
            previous.clone_from(&from);
        }
        match (from, rules) {
            (Some(from), Some(rules)) => {
                before = Some(rules.clone());
                changes.push(Change { from, rules });
            }
            _ => valid = false,
        }
    }
    valid.then_some(changes)
}
