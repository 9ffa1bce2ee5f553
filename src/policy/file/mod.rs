//! The policy file format (JSON) and its validation into a [`Policy`].
//!
//! Reading has two steps: the file's shape (types, missing and unknown
//! fields: [`raw`]), then its values (ranges, dates, versions, order:
//! [`validate`]). Every problem is recorded with its JSON path, so that
//! `policy --check` can list them all; shape problems come first.

mod fields;
mod raw;
mod write;

use chrono::{NaiveDate, Weekday};
use semver::Version;
use serde_json::Value;

use super::Policy;
use super::dates::parse_date;
use super::definition::{KnownPatch, PolicyRules, Release};
use super::error::PolicyError;
use super::template::BranchTemplate;
use super::version::{Line, parse_history_line};
use fields::Problems;
use raw::{RawEntry, RawPatch, RawPolicy};

pub use write::{policy_to_json, weekday_name};

/// Largest accepted cadence or support period: a century.
const MAX_MONTHS: u64 = 1200;
/// Largest accepted number of LTS lines maintained side by side.
const MAX_IN_PARALLEL: u64 = 100;

/// Parses and validates a policy file.
///
/// # Errors
/// The first problem found: [`PolicyError::PolicyJson`] for text that is not
/// JSON (with line and column), else [`PolicyError::InvalidPolicy`] naming
/// the JSON path of the bad value.
pub fn parse_policy(json: &str) -> Result<Policy, PolicyError> {
    check_policy(json).map_err(|mut problems| problems.swap_remove(0))
}

/// Like [`parse_policy`], but reports every problem found.
///
/// # Errors
/// Every problem: those of shape first, then those of value; never empty.
pub fn check_policy(json: &str) -> Result<Policy, Vec<PolicyError>> {
    let mut problems = Problems::default();
    let policy = match serde_json::from_str::<RawPolicy>(json) {
        Ok(raw) if raw.is_complete() => validate(&raw, &mut problems),
        _ => {
            let file: Value = serde_json::from_str(json).map_err(|err| {
                vec![PolicyError::PolicyJson {
                    message: err.to_string(),
                }]
            })?;
            raw::extract(&file, &mut problems).and_then(|raw| validate(&raw, &mut problems))
        }
    };
    match policy {
        Some(policy) if problems.0.is_empty() => Ok(policy),
        _ => Err(problems.0),
    }
}

/// Checks the values; `None` when one is missing or wrong.
fn validate(raw: &RawPolicy, problems: &mut Problems) -> Option<Policy> {
    if raw.name.is_some_and(|name| name.trim().is_empty()) {
        problems.add("name", "expected a non-empty name");
    }
    let release_weekday = raw.release_weekday.and_then(|text| weekday(text, problems));
    let mut months = |key, months: Option<u64>| {
        let months = months?;
        if (1..=MAX_MONTHS).contains(&months) {
            Some(months)
        } else {
            problems.add(
                key,
                format!("expected 1 to {MAX_MONTHS} months, got {months}"),
            );
            None
        }
    };
    let minor_every_months = months("minor_every_months", raw.minor_every_months);
    let lts_every_months = months("lts_every_months", raw.lts_every_months);
    let lts_support_months = months("lts_support_months", raw.lts_support_months);
    if let (Some(minor), Some(lts)) = (minor_every_months, lts_every_months)
        && !lts.is_multiple_of(minor)
    {
        problems.add(
            "lts_every_months",
            format!("expected a multiple of minor_every_months ({minor}), got {lts}"),
        );
    }
    let lts_in_parallel = raw.lts_in_parallel.filter(|&count| {
        let valid = (1..=MAX_IN_PARALLEL).contains(&count);
        if !valid {
            let reason = format!("expected 1 to {MAX_IN_PARALLEL} lines, got {count}");
            problems.add("lts_in_parallel", reason);
        }
        valid
    });
    let branch_template = raw.branch_template.and_then(|text| {
        problems.check(|| "branch_template".to_owned(), BranchTemplate::parse(text))
    });
    let entries = raw.history.as_deref()?;
    if entries.is_empty() {
        problems.add("history", "expected at least one released line");
    }
    let history = validate_history(entries, problems);
    Some(Policy::new(
        PolicyRules {
            name: raw.name?.to_owned(),
            comment: raw.comment.map(str::to_owned),
            release_weekday: release_weekday?,
            minor_every_months: minor_every_months?,
            lts_every_months: lts_every_months?,
            lts_support_months: lts_support_months?,
            lts_in_parallel: lts_in_parallel?,
            branch_template: branch_template?,
        },
        history,
    ))
}

fn weekday(text: &str, problems: &mut Problems) -> Option<Weekday> {
    let weekday = text.parse::<Weekday>().ok();
    if weekday.is_none() {
        problems.add(
            "release_weekday",
            format!("expected a day of the week such as Tuesday, got {text:?}"),
        );
    }
    weekday
}

/// Where a value of the history is, spelled out only for a problem.
#[derive(Clone, Copy)]
enum At {
    Entry(usize),
    Patch(usize, usize),
}

impl At {
    fn field(self, key: &str) -> String {
        match self {
            Self::Entry(entry) => format!("history[{entry}].{key}"),
            Self::Patch(entry, patch) => format!("history[{entry}].patches[{patch}].{key}"),
        }
    }
}

fn date(problems: &mut Problems, at: At, key: &str, text: Option<&str>) -> Option<NaiveDate> {
    problems.check(|| at.field(key), parse_date(text?))
}

fn validate_history(entries: &[RawEntry], problems: &mut Problems) -> Vec<Release> {
    let mut history: Vec<Release> = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let at = At::Entry(i);
        let line = entry
            .line
            .and_then(|text| problems.check(|| at.field("line"), parse_history_line(text)));
        let released = date(problems, at, "released", entry.released);
        let eol = date(problems, at, "eol", entry.eol);
        let (Some(line), Some(released)) = (line, released) else {
            continue;
        };
        if let Some(previous) = history.last() {
            check_order(at, previous, line, released, problems);
        }
        if let Some(eol) = eol {
            check_announced_eol(at, line, released, entry.lts, eol, problems);
        }
        let patches = validate_patches(i, line, released, &entry.patches, problems);
        history.push(Release {
            line,
            released,
            lts: entry.lts,
            eol,
            patches,
        });
    }
    history
}

fn check_order(
    at: At,
    previous: &Release,
    line: Line,
    released: NaiveDate,
    problems: &mut Problems,
) {
    if line == previous.line {
        problems.add(at.field("line"), format!("{line} is listed twice"));
    } else if line < previous.line {
        problems.add(
            at.field("line"),
            format!(
                "{line} comes after {}; list lines in release order",
                previous.line
            ),
        );
    }
    // Two lines may come out on the same day (the later one is then the latest).
    if released < previous.released {
        problems.add(
            at.field("released"),
            format!(
                "{line} on {released} is before {} on {}; release dates cannot go back",
                previous.line, previous.released
            ),
        );
    }
}

fn check_announced_eol(
    at: At,
    line: Line,
    released: NaiveDate,
    lts: Option<bool>,
    eol: NaiveDate,
    problems: &mut Problems,
) {
    if lts != Some(true) {
        problems.add(
            at.field("eol"),
            format!("an announced eol is for a line declared LTS; add \"lts\": true to {line}"),
        );
    } else if eol <= released {
        problems.add(
            at.field("eol"),
            format!("{line}'s eol {eol} is not after its release on {released}"),
        );
    }
}

fn validate_patches(
    entry_index: usize,
    line: Line,
    line_released: NaiveDate,
    entries: &[RawPatch],
    problems: &mut Problems,
) -> Vec<KnownPatch> {
    let mut patches: Vec<KnownPatch> = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let at = At::Patch(entry_index, i);
        let version = entry.version.and_then(|text| {
            let version = Version::parse(text).map_err(|err| PolicyError::InvalidVersion {
                input: text.to_owned(),
                reason: err.to_string(),
            });
            problems.check(|| at.field("version"), version)
        });
        let released = date(problems, at, "released", entry.released);
        let (Some(version), Some(released)) = (version, released) else {
            continue;
        };
        if Line::of(&version) != line || version.patch == 0 || !version.pre.is_empty() {
            problems.add(
                at.field("version"),
                format!(
                    "expected a patch of {line} such as {}, got {version}",
                    line.version(1)
                ),
            );
        } else if let Some(previous) = patches.last()
            && version <= previous.version
        {
            problems.add(
                at.field("version"),
                format!(
                    "{version} comes after {}; list patches in order",
                    previous.version
                ),
            );
        }
        let floor = patches
            .last()
            .map_or(line_released, |previous| previous.released);
        if released < floor {
            problems.add(
                at.field("released"),
                format!(
                    "{version} on {released} is before {floor}, the previous release of {line}"
                ),
            );
        }
        patches.push(KnownPatch { version, released });
    }
    patches
}
