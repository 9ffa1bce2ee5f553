//! Tests of the model through the library's public API. Expected values
//! are worked out by hand from the rules of the model (`src/model.md`, the
//! crate's documentation); the arithmetic is in the comments.

mod audit;
mod custom;
mod facts;
mod far_dates;
mod fit;
mod fuzz;
mod general;
mod inputs;
mod kestra;
mod layout;
mod lts_successors;
mod properties;
mod queries;
mod records;
mod replay;
mod schedules;
mod tags;
mod templates;
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

fn kestra() -> Policy {
    Policy::from_json(KESTRA_FLAT).unwrap()
}

/// The policy in `tests/data/monthly.json`: Thursdays, a minor every month,
/// an LTS every 4 lines, 18 months of support, 4 LTS lines in parallel.
fn monthly() -> Policy {
    Policy::from_json(include_str!("../data/monthly.json")).unwrap()
}

/// Kestra's file with one top-level value replaced.
fn kestra_with(key: &str, value: serde_json::Value) -> String {
    let mut file: serde_json::Value = serde_json::from_str(KESTRA_FLAT).unwrap();
    file[key] = value;
    file.to_string()
}

/// Kestra's rules over a custom history.
fn kestra_with_history(history: serde_json::Value) -> Policy {
    Policy::from_json(&kestra_with("history", history)).unwrap()
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
