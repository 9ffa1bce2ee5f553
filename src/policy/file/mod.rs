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
use serde_json::Value;

use super::dates::parse_date;
use super::definition::{Policy, PolicyRules};
use super::error::{PolicyError, Problem};
use super::model::{KnownPatch, Line, Release};
use super::template::BranchTemplate;
use super::version::{parse_history_line, parse_patch_version};
use fields::Problems;
use raw::{RawEntry, RawPatch, RawPolicy};

pub use write::weekday_name;

/// Kestra's policy, as announced with Kestra 1.0, and its known history.
const KESTRA_JSON: &str = include_str!("../../../examples/kestra.json");

/// Largest accepted cadence or support period: a century.
const MAX_MONTHS: u64 = 1200;
/// Largest accepted number of LTS lines maintained side by side.
const MAX_IN_PARALLEL: u64 = 100;

impl Policy {
    /// The embedded default: Kestra's policy and history.
    ///
    /// # Errors
    /// None in practice: a test checks that the embedded file is valid.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::Policy;
    /// let kestra = Policy::kestra().unwrap();
    /// assert_eq!(kestra.name(), "kestra");
    /// assert_eq!(kestra.first_release().line.to_string(), "1.0");
    /// ```
    pub fn kestra() -> Result<Self, PolicyError> {
        Self::from_json(KESTRA_JSON)
    }

    /// Reads and validates a policy file.
    ///
    /// # Errors
    /// The first problem found: [`PolicyError::NotJson`] for text that is not
    /// JSON (with line and column), else [`PolicyError::InvalidPolicy`]
    /// naming the JSON path of the bad value.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::Policy;
    /// let err = Policy::from_json(r#"{"name": "x"}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "release_weekday: missing");
    /// ```
    pub fn from_json(json: &str) -> Result<Self, PolicyError> {
        Self::check_json(json).map_err(|mut problems| problems.swap_remove(0))
    }

    /// Like [`Policy::from_json`], but reports every problem found.
    ///
    /// # Errors
    /// Every problem: those of shape first, then those of value; never empty.
    pub fn check_json(json: &str) -> Result<Self, Vec<PolicyError>> {
        let mut problems = Problems::default();
        let policy = match serde_json::from_str::<RawPolicy>(json) {
            Ok(raw) if raw.is_complete() => validate(&raw, &mut problems),
            _ => {
                let file: Value =
                    serde_json::from_str(json).map_err(|err| vec![PolicyError::NotJson(err)])?;
                raw::extract(&file, &mut problems).and_then(|raw| validate(&raw, &mut problems))
            }
        };
        match policy {
            Some(policy) if problems.0.is_empty() => Ok(policy),
            _ => Err(problems.0),
        }
    }
}

/// Checks the values; `None` when one is missing or wrong.
fn validate(raw: &RawPolicy, problems: &mut Problems) -> Option<Policy> {
    if raw.name.is_some_and(|name| name.trim().is_empty()) {
        problems.add("name", Problem::EmptyName);
    }
    let release_weekday = raw.release_weekday.and_then(|text| weekday(text, problems));
    let mut months = |key, months: Option<u64>| {
        let months = months?;
        if (1..=MAX_MONTHS).contains(&months) {
            Some(months)
        } else {
            let bounds = Problem::OutOfBounds {
                found: months,
                min: 1,
                max: MAX_MONTHS,
                unit: "months",
            };
            problems.add(key, bounds);
            None
        }
    };
    let minor_every_months = months("minor_every_months", raw.minor_every_months);
    let lts_every_months = months("lts_every_months", raw.lts_every_months);
    let lts_support_months = months("lts_support_months", raw.lts_support_months);
    if let (Some(minor), Some(lts)) = (minor_every_months, lts_every_months)
        && !lts.is_multiple_of(minor)
    {
        let problem = Problem::NotAMultiple {
            of: "minor_every_months",
            base: minor,
            found: lts,
        };
        problems.add("lts_every_months", problem);
    }
    let lts_in_parallel = raw.lts_in_parallel.filter(|&count| {
        let valid = (1..=MAX_IN_PARALLEL).contains(&count);
        if !valid {
            let bounds = Problem::OutOfBounds {
                found: count,
                min: 1,
                max: MAX_IN_PARALLEL,
                unit: "lines",
            };
            problems.add("lts_in_parallel", bounds);
        }
        valid
    });
    let branch_template = raw.branch_template.and_then(|text| {
        problems.check(|| "branch_template".to_owned(), BranchTemplate::parse(text))
    });
    let entries = raw.history.as_deref()?;
    if entries.is_empty() {
        problems.add("history", Problem::EmptyHistory);
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
        let found = text.to_owned();
        problems.add("release_weekday", Problem::Weekday { found });
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
        problems.add(at.field("line"), Problem::ListedTwice(line));
    } else if line < previous.line {
        let previous = previous.line;
        problems.add(at.field("line"), Problem::LineOrder { line, previous });
    }
    // Two lines may come out on the same day (the later one is then the latest).
    if released < previous.released {
        let problem = Problem::DateOrder {
            line,
            released,
            previous: previous.line,
            previous_released: previous.released,
        };
        problems.add(at.field("released"), problem);
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
        problems.add(at.field("eol"), Problem::EolWithoutLts(line));
    } else if eol <= released {
        let problem = Problem::EolNotAfterRelease {
            line,
            eol,
            released,
        };
        problems.add(at.field("eol"), problem);
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
        let version = entry
            .version
            .and_then(|text| problems.check(|| at.field("version"), parse_patch_version(text)));
        let released = date(problems, at, "released", entry.released);
        let (Some(version), Some(released)) = (version, released) else {
            continue;
        };
        if Line::of(&version) != line || version.patch == 0 || !version.pre.is_empty() {
            let found = version.clone();
            problems.add(at.field("version"), Problem::NotAPatchOf { line, found });
        } else if let Some(previous) = patches.last()
            && version <= previous.version
        {
            let problem = Problem::PatchOrder {
                version: version.clone(),
                previous: previous.version.clone(),
            };
            problems.add(at.field("version"), problem);
        }
        let floor = patches
            .last()
            .map_or(line_released, |previous| previous.released);
        if released < floor {
            let problem = Problem::PatchDateOrder {
                version: version.clone(),
                released,
                floor,
                line,
            };
            problems.add(at.field("released"), problem);
        }
        patches.push(KnownPatch { version, released });
    }
    patches
}
