//! Tests of the model through the library's public API. Expected values
//! are worked out by hand from the rules of the model (`src/model.md`, the
//! crate's documentation); the arithmetic is in the comments.

mod audit;
mod audit_stated;
mod catalogue_dotted;
mod catalogue_replay;
mod custom;
mod facts;
mod far_dates;
mod fit;
mod fuzz;
mod general_form;
mod inputs;
mod kestra;
mod layout;
mod lts_successors;
mod properties;
mod queries;
mod ranges;
mod records;
mod replay;
mod schedules;
mod sizes;
mod small_policies;
mod suppressions;
mod tags;
mod templates;
mod vendor_examples;
mod vendor_rules;

use chrono::NaiveDate;

pub use lts_policy::answers::Start;
pub use lts_policy::{Line, LineInfo, Policy, Role, SupportedLine, VersionInput, parse_date};

/// An error with its causes, `: `-separated, as the command line prints it.
fn message(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        text = format!("{text}: {next}");
        cause = next.source();
    }
    text
}

#[track_caller]
fn date(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

#[track_caller]
fn line(text: &str) -> Line {
    VersionInput::parse(text)
        .unwrap()
        .line(lts_policy::LineKind::Minor)
        .unwrap()
}

/// Kestra's policy as the first version embedded it: the flat form, with
/// the history known then (no patches, no announced ends). The tests of
/// the first form run on it, with the answers they always had.
const KESTRA_FLAT: &str = include_str!("../data/kestra-flat.json");

/// The policy in [`KESTRA_FLAT`].
fn kestra_flat() -> Policy {
    Policy::from_json(KESTRA_FLAT).unwrap()
}

/// The policy in `tests/data/monthly.json`: Thursdays, a minor every month,
/// an LTS every 4 lines, 18 months of support, 4 LTS lines in parallel.
fn monthly() -> Policy {
    Policy::from_json(include_str!("../data/monthly.json")).unwrap()
}

/// `file`, a policy file's text, with its top-level `key` set to `value`.
fn with_field(file: &str, key: &str, value: serde_json::Value) -> String {
    let mut file: serde_json::Value = serde_json::from_str(file).unwrap();
    file[key] = value;
    file.to_string()
}

/// [`KESTRA_FLAT`] with one top-level value replaced.
fn kestra_flat_with(key: &str, value: serde_json::Value) -> String {
    with_field(KESTRA_FLAT, key, value)
}

/// [`KESTRA_FLAT`]'s rules over `history`.
fn kestra_flat_with_history(history: serde_json::Value) -> Policy {
    Policy::from_json(&kestra_flat_with("history", history)).unwrap()
}

/// The policy in `examples/{name}.json`.
fn example(name: &str) -> Policy {
    Policy::from_json(&example_file(name)).unwrap()
}

/// The text of `examples/{name}.json`.
fn example_file(name: &str) -> String {
    let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

/// `examples/{name}.json` with its top-level `key` set to `value`.
fn example_with(name: &str, key: &str, value: serde_json::Value) -> String {
    with_field(&example_file(name), key, value)
}

/// The day `line` is released, as `YYYY-MM-DD`.
fn released(policy: &Policy, line: Line) -> String {
    policy.line(line).unwrap().released.to_string()
}

/// The newest patch of `line` on the day `on`.
fn newest_patch(policy: &Policy, line: Line, on: &str) -> String {
    let info = policy.line(line).unwrap();
    let patch: lts_policy::lines::Patch = policy.newest_patch(&info, date(on)).unwrap().unwrap();
    patch.version.to_string()
}

/// A small policy of minor lines: `rules` (JSON fields) over `history`.
#[track_caller]
fn policy(rules: &str, history: &str) -> Policy {
    let json = format!(
        r#"{{"name": "test", {rules}, "branch_template": "release-{{major}}.{{minor}}", "history": {history}}}"#
    );
    Policy::from_json(&json).unwrap_or_else(|err| panic!("{err}: {json}"))
}

#[track_caller]
fn info(policy: &Policy, name: &str) -> LineInfo {
    policy.line(line(name)).unwrap()
}

/// `(line, roles)` pairs, newest first, as the tests spell them.
fn roles(supported: &[SupportedLine]) -> Vec<(String, Vec<&'static str>)> {
    supported
        .iter()
        .map(|s| {
            (
                s.info.line.to_string(),
                s.roles.iter().map(|r| r.name()).collect(),
            )
        })
        .collect()
}

#[track_caller]
fn supported(policy: &Policy, on: &str) -> Vec<(String, Vec<&'static str>)> {
    roles(&policy.supported_on(date(on)).unwrap())
}

fn pair(line: &str, roles: &[&'static str]) -> (String, Vec<&'static str>) {
    (line.to_owned(), roles.to_vec())
}

const LATEST: &str = "latest";
const LATEST_LTS: &str = "latest-lts";
const PREVIOUS_LTS: &str = "previous-lts";

#[test]
fn role_names_are_the_ones_users_type() {
    assert_eq!(Role::Latest.name(), LATEST);
    assert_eq!(Role::LatestLts.name(), LATEST_LTS);
    assert_eq!(Role::PreviousLts.name(), PREVIOUS_LTS);
}
