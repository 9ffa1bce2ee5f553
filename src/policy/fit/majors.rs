//! Where a history's new majors start: after the same minor each time, or
//! with the first line of the same month each year.

use std::collections::HashMap;

use chrono::Datelike;

use super::notes::{FitBasis, WITHIN_DAYS};
use super::seen::Seen;
use super::track::{Candidate, Track, choose};
use crate::policy::lines::line::Line;
use crate::policy::rules::line_rules::NewMajor;

/// The `new_major` rule of a history of minor lines: `None` when it has
/// one major, or when no rule foresees half of its new majors.
pub(super) fn new_major(seen: &Seen) -> (Option<NewMajor>, FitBasis) {
    let starts = major_starts(seen);
    if starts.is_empty() {
        return (None, FitBasis::Absent);
    }
    // A major cannot end after a minor the history has gone past (Python
    // 3.14 rules out "after 3.7").
    let highest_minor = seen.lines.iter().filter_map(|line| line.line.minor()).max();
    let mut rules: Vec<NewMajor> = starts
        .iter()
        .map(|&(last, _)| NewMajor::AfterMinor(last))
        .filter(|rule| match rule {
            NewMajor::AfterMinor(last) => highest_minor.is_none_or(|highest| highest <= *last),
            NewMajor::InMonth(_) => true,
        })
        .collect();
    rules.extend(
        starts
            .iter()
            .map(|&(_, first)| NewMajor::InMonth(seen.lines[first].released.month())),
    );
    let mut unique = Vec::new();
    for rule in rules {
        if !unique.contains(&rule) {
            unique.push(rule);
        }
    }
    let candidates: Vec<Candidate<NewMajor>> = unique
        .into_iter()
        .map(|rule| candidate(seen, &starts, rule))
        .collect();
    match choose(&candidates) {
        Some((rule, track)) => match FitBasis::of(track, WITHIN_DAYS) {
            basis @ FitBasis::Irregular { .. } => (None, basis),
            basis => (Some(rule), basis),
        },
        None => (None, FitBasis::Absent),
    }
}

/// Where the history's new majors start: for each, the last minor of the
/// major before and the index of the major's first line.
fn major_starts(seen: &Seen) -> Vec<(u64, usize)> {
    // The first minor of each major: a line out of order (Python 2.7 after
    // 3.0 and 3.1) starts no major.
    let mut first_minors: HashMap<u64, u64> = HashMap::new();
    for line in &seen.lines {
        if let (Some(major), Some(minor)) = (line.line.major(), line.line.minor()) {
            let first = first_minors.entry(major).or_insert(minor);
            *first = (*first).min(minor);
        }
    }
    let opens_major = |line: &Line| {
        line.major()
            .is_some_and(|major| first_minors.get(&major).copied() == line.minor())
    };
    // (the last minor of a major, the first line after it): every new major.
    seen.lines
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| {
            pair[0].line.major().is_some()
                && pair[1].line.major() > pair[0].line.major()
                && opens_major(&pair[1].line)
        })
        .map(|(at, pair)| (pair[0].line.minor().unwrap_or(0), at + 1))
        .collect()
}

/// The candidate `rule`, tracked over the new majors `starts`: a hit when
/// it starts the major on its first line.
fn candidate(seen: &Seen, starts: &[(u64, usize)], rule: NewMajor) -> Candidate<NewMajor> {
    let mut track = Track::default();
    for &(last, first) in starts {
        let released = seen.lines[first].released;
        let hit = match rule {
            NewMajor::AfterMinor(after) => after == last,
            // The first line of that month: the one before came earlier.
            NewMajor::InMonth(month) => {
                let before = seen.lines[first - 1].released;
                released.month() == month
                    && (before.month() != month || before.year() != released.year())
            }
        };
        let error = if hit { 0 } else { i64::from(WITHIN_DAYS) + 1 };
        track.step(seen.weight(released), Some(error), i64::from(WITHIN_DAYS));
    }
    // Counting lines is simpler than a calendar.
    let complexity = u32::from(matches!(rule, NewMajor::InMonth(_)));
    Candidate {
        rule,
        complexity,
        track,
    }
}
