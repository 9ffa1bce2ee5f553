//! Which rules govern each line, and the projected lines worked out one by
//! one after the history (named after its highest line, dated from its
//! newest release), up to the first line of the last change the projection
//! reaches.
//!
//! A change governs the lines from its `from` on: a known line by its
//! name, a projected line once the rules before the change number it at or
//! after `from`. That first line keeps the name the rules before gave it;
//! its release is the first date of the change's schedule after the
//! release of the line before it, and the lines after it are numbered and
//! dated by the change's rules, counted from those two. Past the lines
//! walked, the last rules work every line out directly from where the walk
//! ended, so far dates cost no more than near ones.

use chrono::{Datelike, NaiveDate};

use super::line::{Line, LineKind};
use crate::policy::dates::weekday_after;
use crate::policy::rules::line_rules::{LineRules, NewMajor};
use crate::policy::rules::policy_rules::{PolicyRules, RulesId};

/// A change further than this many lines from the newest known one governs
/// no projected line: the walk to its first line stops here.
const MAX_WALK: u64 = 10_000;

/// A projected line worked out by walking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WalkedLine {
    pub(crate) line: Line,
    pub(crate) released: NaiveDate,
    pub(crate) rules: RulesId,
    /// The position its date counts from (0: the history's newest
    /// release).
    pub(crate) anchor: u64,
    /// Whether it is the first projected line and overdue.
    pub(crate) overdue: bool,
}

/// A position in release order after the history (0: the history, named
/// by its highest line and dated by its newest release), with a line and a
/// day: where the dates, or the names, of later lines count from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    pub(crate) position: u64,
    pub(crate) line: Line,
    pub(crate) released: NaiveDate,
}

/// How the rules project the lines after the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// The projected lines from the first, up to the first line of the
    /// last change reached (and the first line when it is overdue).
    pub(crate) walked: Vec<WalkedLine>,
    /// The rules of every later line.
    pub(crate) last_rules: RulesId,
    /// Where the dates of later lines count from.
    pub(crate) anchor: Origin,
    /// Where the names of later lines count from: the last line walked, or
    /// the highest known line.
    pub(crate) origin: Origin,
    /// Whether the last rules' releases ever fall in their `new_major`
    /// month, counted from the anchor (true without such a rule): worked
    /// out once, as every later line's name hangs on it.
    pub(crate) major_month_reached: bool,
}

/// The first line after the newest, released on `newest`, by `rules`: due
/// on the next date of the release schedule, unless that is on or before
/// `as_of` (the history would list it). Then the line is overdue, and
/// comes on the first day after `as_of` that falls on the schedule's
/// weekday (the next day, when the schedule names none).
pub(crate) fn first_release(
    rules: &LineRules,
    newest: NaiveDate,
    as_of: NaiveDate,
) -> Option<(NaiveDate, bool)> {
    let due = rules.releases.nth(newest, 1)?;
    if due > as_of {
        return Some((due, false));
    }
    let late = match rules.releases.on.weekday() {
        Some(weekday) => weekday_after(as_of, weekday)?,
        None => as_of.succ_opt()?,
    };
    Some((late, true))
}

/// The line after `previous` (released on `previous_released`), when it
/// comes on `released`, numbered as `kind` and `new_major` say: the next
/// major where `new_major` starts one, else one more in the last number;
/// `None` for a line known by name only, or when its number would
/// overflow.
pub(crate) fn next_line(
    previous: &Line,
    previous_released: NaiveDate,
    released: NaiveDate,
    kind: LineKind,
    new_major: Option<NewMajor>,
) -> Option<Line> {
    let starts_major = match (kind, new_major) {
        (LineKind::Major | LineKind::Dotted, _) | (_, None) => false,
        (_, Some(NewMajor::AfterMinor(last))) => previous.minor()? >= last,
        // The first line released in that month of a year.
        (_, Some(NewMajor::InMonth(month))) => {
            let in_month = |date: NaiveDate| date.month() == month;
            in_month(released)
                && !(in_month(previous_released) && previous_released.year() == released.year())
        }
    };
    if starts_major {
        previous.next_major()
    } else {
        previous.next()
    }
}

impl Plan {
    /// The plan of `rules` after the history, whose highest numbered line
    /// is `highest` and whose newest release came on `newest`, complete up
    /// to `as_of`: new lines are named after the highest line and dated
    /// from the newest release (a maintenance line of an older major may
    /// come out after a newer one). `None` for a history without a numbered
    /// line: no rule names a line after lines known by name only.
    pub(crate) fn new(
        rules: &PolicyRules,
        highest: Option<&Line>,
        newest: NaiveDate,
        as_of: NaiveDate,
    ) -> Option<Self> {
        let known = Origin {
            position: 0,
            line: highest?.clone(),
            released: newest,
        };
        let mut plan = Self {
            walked: Vec::new(),
            last_rules: rules.governing(&known.line),
            anchor: known.clone(),
            origin: known.clone(),
            major_month_reached: true,
        };
        let last_change = rules.last_rules_id();
        let overdue_first = first_release(rules.by_id(plan.last_rules), newest, as_of)
            .is_some_and(|(_, overdue)| overdue);
        // Walk while a change is still ahead, and to an overdue first line.
        while plan.last_rules < last_change || overdue_first && plan.walked.is_empty() {
            let position = plan.origin.position + 1;
            if position > MAX_WALK {
                break;
            }
            let Some(walked) = plan.step(rules, position, as_of) else {
                break;
            };
            plan.origin = Origin {
                position,
                line: walked.line.clone(),
                released: walked.released,
            };
            if walked.rules != plan.last_rules || walked.overdue {
                plan.anchor = if walked.overdue {
                    plan.origin.clone()
                } else {
                    plan.walked.last().map_or(known.clone(), |before| Origin {
                        position: position - 1,
                        line: before.line.clone(),
                        released: before.released,
                    })
                };
            }
            plan.last_rules = walked.rules;
            plan.walked.push(walked);
        }
        let last = rules.by_id(plan.last_rules);
        if let Some(NewMajor::InMonth(month)) = last.new_major {
            plan.major_month_reached = last.releases.can_fall_in(plan.anchor.released, month);
        }
        Some(plan)
    }

    /// The line at `position`, right after the origin: named by the rules
    /// of the line before it, then dated by its own.
    fn step(&self, rules: &PolicyRules, position: u64, as_of: NaiveDate) -> Option<WalkedLine> {
        let before = &self.origin;
        let current = rules.by_id(self.last_rules);
        let release_by = |set: &LineRules, anchor: &Origin| {
            if position == 1 {
                first_release(set, anchor.released, as_of)
            } else {
                Some((
                    set.releases
                        .nth(anchor.released, position - anchor.position)?,
                    false,
                ))
            }
        };
        let (named_on, _) = release_by(current, &self.anchor)?;
        let line = next_line(
            &before.line,
            before.released,
            named_on,
            rules.lines,
            current.new_major,
        )?;
        let governing = rules.governing(&line);
        let (released, overdue, anchor) = if governing == self.last_rules {
            let (released, overdue) = release_by(current, &self.anchor)?;
            (released, overdue, self.anchor.position)
        } else {
            // A change's first line: dated from the line before it.
            let (released, overdue) = release_by(rules.by_id(governing), before)?;
            (released, overdue, before.position)
        };
        Some(WalkedLine {
            line,
            released,
            rules: governing,
            anchor,
            overdue,
        })
    }
}
