//! The policy file format (JSON) and its validation into a [`Policy`].
//!
//! The file is read into plain strings and numbers first, then checked value
//! by value so that each problem can be reported with its JSON path.

use chrono::{NaiveDate, Weekday};
use semver::Version;
use serde::{Deserialize, Serialize};

use super::Policy;
use super::dates::parse_date;
use super::definition::{KnownPatch, Release};
use super::error::PolicyError;
use super::template::BranchTemplate;
use super::version::{Line, parse_history_line};

/// Largest accepted cadence or support period: a century.
const MAX_MONTHS: u64 = 1200;
/// Largest accepted number of LTS lines maintained side by side.
const MAX_IN_PARALLEL: u64 = 100;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<String>,
    release_weekday: String,
    minor_every_months: u64,
    lts_every_months: u64,
    lts_support_months: u64,
    lts_in_parallel: u64,
    branch_template: String,
    history: Vec<HistoryEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryEntry {
    line: String,
    released: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lts: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    patches: Vec<PatchEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatchEntry {
    version: String,
    released: String,
}

/// Collects every problem of a file, each with its JSON path.
#[derive(Default)]
struct Problems(Vec<PolicyError>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.0.push(PolicyError::InvalidPolicy {
            path: path.into(),
            reason: reason.into(),
        });
    }

    /// Keeps the value, or records why it was rejected.
    fn check<T>(&mut self, path: impl Into<String>, value: Result<T, PolicyError>) -> Option<T> {
        value.map_err(|err| self.add(path, err.to_string())).ok()
    }

    fn months(&mut self, path: &str, months: u64) -> u64 {
        if !(1..=MAX_MONTHS).contains(&months) {
            self.add(
                path,
                format!("expected 1 to {MAX_MONTHS} months, got {months}"),
            );
        }
        months
    }
}

/// Parses and validates a policy file.
///
/// # Errors
/// The first problem found: [`PolicyError::PolicyJson`] for text that is not
/// JSON of the policy's shape (with line and column), else
/// [`PolicyError::InvalidPolicy`] naming the JSON path of the bad value.
pub fn parse_policy(json: &str) -> Result<Policy, PolicyError> {
    check_policy(json).map_err(|mut problems| problems.swap_remove(0))
}

/// Like [`parse_policy`], but reports every problem found.
///
/// # Errors
/// Every problem, in file order; never an empty list.
pub fn check_policy(json: &str) -> Result<Policy, Vec<PolicyError>> {
    let file: PolicyFile = serde_json::from_str(json).map_err(|err| {
        vec![PolicyError::PolicyJson {
            message: err.to_string(),
        }]
    })?;
    let mut problems = Problems::default();
    if file.name.trim().is_empty() {
        problems.add("name", "expected a non-empty name");
    }
    let release_weekday = file.release_weekday.parse::<Weekday>().ok();
    if release_weekday.is_none() {
        problems.add(
            "release_weekday",
            format!(
                "expected a day of the week such as Tuesday, got {:?}",
                file.release_weekday
            ),
        );
    }
    let minor_every_months = problems.months("minor_every_months", file.minor_every_months);
    let lts_every_months = problems.months("lts_every_months", file.lts_every_months);
    let lts_support_months = problems.months("lts_support_months", file.lts_support_months);
    if minor_every_months > 0 && lts_every_months % minor_every_months != 0 {
        problems.add(
            "lts_every_months",
            format!(
                "expected a multiple of minor_every_months ({minor_every_months}), \
                 got {lts_every_months}"
            ),
        );
    }
    if !(1..=MAX_IN_PARALLEL).contains(&file.lts_in_parallel) {
        problems.add(
            "lts_in_parallel",
            format!(
                "expected 1 to {MAX_IN_PARALLEL} lines, got {}",
                file.lts_in_parallel
            ),
        );
    }
    let branch_template = problems.check(
        "branch_template",
        BranchTemplate::parse(&file.branch_template),
    );
    let history = check_history(&file.history, &mut problems);
    match (release_weekday, branch_template) {
        (Some(release_weekday), Some(branch_template)) if problems.0.is_empty() => Ok(Policy::new(
            file.name,
            file.comment,
            release_weekday,
            [minor_every_months, lts_every_months, lts_support_months],
            file.lts_in_parallel,
            branch_template,
            history,
        )),
        _ => Err(problems.0),
    }
}

fn check_history(entries: &[HistoryEntry], problems: &mut Problems) -> Vec<Release> {
    if entries.is_empty() {
        problems.add("history", "expected at least one released line");
    }
    let mut history: Vec<Release> = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let path = format!("history[{i}]");
        let line = problems.check(format!("{path}.line"), parse_history_line(&entry.line));
        let released = problems.check(format!("{path}.released"), parse_date(&entry.released));
        let (Some(line), Some(released)) = (line, released) else {
            continue;
        };
        if let Some(previous) = history.last() {
            if line == previous.line {
                problems.add(format!("{path}.line"), format!("{line} is listed twice"));
            } else if line < previous.line {
                problems.add(
                    format!("{path}.line"),
                    format!(
                        "{line} comes after {}; list lines in release order",
                        previous.line
                    ),
                );
            }
            if released <= previous.released {
                problems.add(
                    format!("{path}.released"),
                    format!(
                        "{line} on {released} is not after {} on {}; \
                         release dates must increase",
                        previous.line, previous.released
                    ),
                );
            }
        }
        let patches = check_patches(&path, line, released, &entry.patches, problems);
        history.push(Release {
            line,
            released,
            lts: entry.lts,
            patches,
        });
    }
    history
}

fn check_patches(
    path: &str,
    line: Line,
    line_released: NaiveDate,
    entries: &[PatchEntry],
    problems: &mut Problems,
) -> Vec<KnownPatch> {
    let mut patches: Vec<KnownPatch> = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let path = format!("{path}.patches[{i}]");
        let version = problems.check(
            format!("{path}.version"),
            Version::parse(&entry.version).map_err(|err| PolicyError::InvalidVersion {
                input: entry.version.clone(),
                reason: err.to_string(),
            }),
        );
        let released = problems.check(format!("{path}.released"), parse_date(&entry.released));
        let (Some(version), Some(released)) = (version, released) else {
            continue;
        };
        let version_path = format!("{path}.version");
        if Line::of(&version) != line || version.patch == 0 || !version.pre.is_empty() {
            problems.add(
                &version_path,
                format!(
                    "expected a patch of {line} such as {}, got {version}",
                    line.version(1)
                ),
            );
        } else if let Some(previous) = patches.last()
            && version <= previous.version
        {
            problems.add(
                &version_path,
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
                format!("{path}.released"),
                format!(
                    "{version} on {released} is before {floor}, the previous release of {line}"
                ),
            );
        }
        patches.push(KnownPatch { version, released });
    }
    patches
}

/// Writes a policy back in the file format, a valid input for `--policy`.
#[must_use]
pub fn policy_to_json(policy: &Policy) -> String {
    let file = PolicyFile {
        name: policy.name().to_owned(),
        comment: policy.comment().map(str::to_owned),
        release_weekday: weekday_name(policy.release_weekday()).to_owned(),
        minor_every_months: policy.minor_every_months(),
        lts_every_months: policy.lts_every_months(),
        lts_support_months: policy.lts_support_months(),
        lts_in_parallel: policy.lts_in_parallel(),
        branch_template: policy.branch_template().to_string(),
        history: policy
            .history()
            .iter()
            .map(|release| HistoryEntry {
                line: release.line.to_string(),
                released: release.released.to_string(),
                lts: release.lts,
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
    // Plain strings and numbers always serialize; the fallback is unreachable.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The English name of a weekday, as policy files spell it.
#[must_use]
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}
