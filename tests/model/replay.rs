//! Every record of endoflife.date's snapshot (`tests/data/endoflife/
//! products`, 445 products), turned into the two answers its API gives
//! (v0 and v1, built here from the product file as endoflife.date builds
//! them), read with no policy, fitted, and asked what is supported on each
//! day the record covers where an answer can change: each cycle's release
//! day, and the eve, the day and the morrow of each end. The answer must be
//! the record's: the cycles released on or before the day whose `eol` is
//! false or a day on or after it (endoflife.date writes an end as the last
//! day of support). Cycles with `eol: true` end on a day the record does
//! not give, so they are left out of the comparison. No answer on those
//! days may rest on a projected line, or on a patch projected on or before
//! the patch record's as-of day. Fitting the policy file the fit writes
//! changes nothing.
//!
//! The figures: `cargo test --release --test model replay -- --nocapture`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::NaiveDate;
use lts_policy::facts::Facts;
use lts_policy::fit::Draft;
use lts_policy::{LineKind, Numbering, Policy, Source};
use serde_json::{Map, Value, json};
use yaml_rust2::{Yaml, YamlLoader};

use super::date;

/// The day the snapshot was taken: the v1 answers' `generated_at`.
const SNAPSHOT: &str = "2026-08-22";

/// One cycle of a product file: its fields, as JSON values.
pub(super) struct Cycle {
    name: String,
    released: NaiveDate,
    fields: Map<String, Value>,
}

impl Cycle {
    fn field(&self, name: &str) -> Option<&Value> {
        self.fields.get(name).filter(|value| !value.is_null())
    }

    /// An end field (`eol`, `eoas`, `eoes`) as a date, when it is one.
    fn end_date(&self, name: &str) -> Option<NaiveDate> {
        self.field(name)?.as_str().map(date)
    }

    /// Whether the record calls it maintained on `day`.
    fn maintained_on(&self, day: NaiveDate) -> bool {
        self.released <= day
            && match self.field("eol") {
                Some(Value::String(last)) => date(last) >= day,
                Some(Value::Bool(ended)) => !ended,
                _ => true,
            }
    }
}

/// A scalar of the front matter as the API writes it: a boolean stays
/// one, anything else is text (`3.10` stays `3.10`).
fn value(yaml: &Yaml) -> Value {
    match yaml {
        Yaml::Boolean(flag) => Value::Bool(*flag),
        Yaml::String(text) | Yaml::Real(text) => Value::String(text.clone()),
        Yaml::Integer(number) => Value::String(number.to_string()),
        _ => Value::Null,
    }
}

/// The cycles of a product file's front matter, as written. The front
/// matter ends at the next line that starts `---`: a `---` inside a line
/// (Nexus's release-notes links, `3-58-0---3-58-1`) is part of a value.
fn cycles(file: &str) -> Vec<Cycle> {
    let front = file
        .strip_prefix("---")
        .and_then(|rest| rest.split("\n---").next())
        .expect("front matter");
    let docs = YamlLoader::load_from_str(front).expect("YAML");
    docs[0]["releases"]
        .as_vec()
        .expect("releases")
        .iter()
        .map(|release| {
            let fields: Map<String, Value> = release
                .as_hash()
                .expect("a release is a map")
                .iter()
                .filter_map(|(key, field)| Some((key.as_str()?.to_owned(), value(field))))
                .collect();
            Cycle {
                name: fields["releaseCycle"].as_str().expect("cycle").to_owned(),
                released: date(fields["releaseDate"].as_str().expect("releaseDate")),
                fields,
            }
        })
        .collect()
}

/// The v0 answer (`/api/NAME.json`): one object per cycle, newest first.
pub(super) fn v0(cycles: &[Cycle]) -> String {
    let answer: Vec<Value> = cycles
        .iter()
        .map(|cycle| {
            let mut object = Map::new();
            object.insert("cycle".into(), json!(cycle.name));
            for (from, to) in [
                ("releaseDate", "releaseDate"),
                ("eol", "eol"),
                ("latest", "latest"),
                ("latestReleaseDate", "latestReleaseDate"),
                ("lts", "lts"),
                ("eoas", "support"),
                ("eoes", "extendedSupport"),
                ("discontinued", "discontinued"),
                ("codename", "codename"),
            ] {
                if let Some(value) = cycle.field(from) {
                    object.insert(to.into(), value.clone());
                }
            }
            object.entry("lts").or_insert(json!(false));
            Value::Object(object)
        })
        .collect();
    Value::Array(answer).to_string()
}

/// The v1 answer (`/api/v1/products/NAME/`), generated on the snapshot's
/// day: each `is…` flag as endoflife.date computes it (`isEol` is
/// `today > eol`), each `…From` the date where there is one.
pub(super) fn v1(product: &str, cycles: &[Cycle]) -> String {
    let today = date(SNAPSHOT);
    let phase = |cycle: &Cycle, name: &str, flag_after: bool| match cycle.field(name) {
        Some(Value::String(day)) => {
            let day = date(day);
            (
                json!(if flag_after {
                    today > day
                } else {
                    today >= day
                }),
                json!(day),
            )
        }
        Some(Value::Bool(flag)) => (json!(flag), Value::Null),
        _ => (Value::Null, Value::Null),
    };
    let releases: Vec<Value> = cycles
        .iter()
        .map(|cycle| {
            let (is_lts, lts_from) = match phase(cycle, "lts", false) {
                (Value::Null, _) => (json!(false), Value::Null),
                flag => flag,
            };
            let (is_eoas, eoas_from) = phase(cycle, "eoas", true);
            let (is_eol, eol_from) = match phase(cycle, "eol", true) {
                (Value::Null, _) => (json!(false), Value::Null),
                flag => flag,
            };
            let (is_eoes, eoes_from) = phase(cycle, "eoes", true);
            let latest = cycle.field("latest").map_or(
                Value::Null,
                |name| json!({"name": name, "date": cycle.field("latestReleaseDate")}),
            );
            json!({
                "name": cycle.name,
                "codename": cycle.field("codename"),
                "label": cycle.field("releaseLabel").unwrap_or(&json!(cycle.name)),
                "releaseDate": cycle.released,
                "isLts": is_lts,
                "ltsFrom": lts_from,
                "isEoas": is_eoas,
                "eoasFrom": eoas_from,
                "isEol": is_eol,
                "eolFrom": eol_from,
                "isEoes": is_eoes,
                "eoesFrom": eoes_from,
                "isDiscontinued": cycle.field("discontinued").is_some_and(|d| d != &json!(false)),
                "isMaintained": is_eol == json!(false),
                "latest": latest,
            })
        })
        .collect();
    json!({
        "schema_version": "1.2.0",
        "generated_at": format!("{SNAPSHOT}T00:00:00+00:00"),
        "last_modified": format!("{SNAPSHOT}T00:00:00+00:00"),
        "result": {"name": product, "releases": releases},
    })
    .to_string()
}

/// The days where the record's answer can change, up to `as_of`.
fn days(cycles: &[Cycle], as_of: NaiveDate) -> BTreeSet<NaiveDate> {
    let mut days = BTreeSet::new();
    for cycle in cycles {
        days.insert(cycle.released);
        if let Some(last) = cycle.end_date("eol") {
            days.extend(
                [last.pred_opt(), Some(last), last.succ_opt()]
                    .into_iter()
                    .flatten(),
            );
        }
    }
    days.retain(|day| *day <= as_of);
    days
}

/// What one policy of one product gave over the days its record covers.
#[derive(Default)]
pub(super) struct Replay {
    /// The days compared.
    pub(super) days: usize,
    /// Each day the answer differs from the record's, and how.
    pub(super) disagreements: Vec<String>,
}

/// The cycles of a product of the snapshot.
pub(super) fn record(product: &str) -> Vec<Cycle> {
    let path = format!("tests/data/endoflife/products/{product}.md");
    cycles(&std::fs::read_to_string(path).unwrap())
}

/// The policy an answer gives with no policy named, as `--endoflife`
/// without `--policy` makes it: the rules fitted to the record, its lines
/// numbered as the record numbers them.
pub(super) fn fitted(product: &str, answer: &str) -> Result<Policy, String> {
    let facts = Facts::from_endoflife(answer, None).map_err(|err| super::message(&err))?;
    let numbering = facts
        .numbering()
        .cloned()
        .unwrap_or_else(|| Numbering::of(LineKind::Minor));
    Ok(Draft::empty(product, numbering)
        .with_facts(&facts, None)
        .and_then(|draft| draft.fit())
        .map_err(|err| super::message(&err))?
        .policy)
}

/// Reads, fits and replays one answer; an `Err` says why it was refused,
/// or that fitting the policy file the fit writes changes it.
fn replay(product: &str, cycles: &[Cycle], answer: &str) -> Result<Replay, String> {
    let policy = fitted(product, answer)?;
    let written = policy.to_json();
    let refitted = Draft::from_json(&written)
        .and_then(|draft| draft.fit())
        .map_err(|err| super::message(&err))?;
    if refitted.policy.to_json() != written {
        return Err("policy --fit on its own output changes it".to_owned());
    }
    compare(&policy, cycles)
}

/// Asks `policy` what is supported on each day `cycles`, its product's
/// record, covers where an answer can change, up to the policy's
/// `history_as_of`, and compares each answer with the record's; an `Err`
/// for a day the policy cannot answer.
pub(super) fn compare(policy: &Policy, cycles: &[Cycle]) -> Result<Replay, String> {
    let as_of = policy.history_as_of();
    let patches_as_of = policy.patches_as_of();
    let undated_ends: BTreeSet<&str> = cycles
        .iter()
        .filter(|cycle| cycle.field("eol") == Some(&json!(true)))
        .map(|cycle| cycle.name.as_str())
        .collect();
    let mut result = Replay::default();
    for day in days(cycles, as_of) {
        result.days += 1;
        let expected: BTreeSet<&str> = cycles
            .iter()
            .filter(|cycle| cycle.maintained_on(day) && !undated_ends.contains(&*cycle.name))
            .map(|cycle| cycle.name.as_str())
            .collect();
        let supported = policy
            .supported_on(day)
            .map_err(|err| super::message(&err))?;
        let mut answered = BTreeSet::new();
        let mut wrong = String::new();
        for line in &supported {
            let name = line.info.line.to_string();
            if line.info.released_source == Source::Rules {
                let _ = write!(wrong, " {name} projected;");
            }
            if let Some(patch) = &line.latest_patch
                && patch.source == Source::Rules
                && patches_as_of.is_some_and(|as_of| patch.released <= as_of)
            {
                let _ = write!(wrong, " {} projected {};", patch.version, patch.released);
            }
            if !undated_ends.contains(&*name) {
                answered.insert(name);
            }
        }
        let answered: BTreeSet<&str> = answered.iter().map(String::as_str).collect();
        if answered != expected {
            let missing: Vec<_> = expected.difference(&answered).collect();
            let extra: Vec<_> = answered.difference(&expected).collect();
            let _ = write!(wrong, " missing {missing:?}, extra {extra:?}");
        }
        if !wrong.is_empty() {
            result.disagreements.push(format!("{day}:{wrong}"));
        }
    }
    Ok(result)
}

/// The names of the snapshot's 445 products, sorted.
pub(super) fn products() -> Vec<String> {
    let mut products: Vec<String> = std::fs::read_dir("tests/data/endoflife/products")
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            path.file_stem().unwrap().to_str().unwrap().to_owned()
        })
        .collect();
    products.sort();
    assert_eq!(products.len(), 445);
    products
}

/// What many replays gave: the days compared and those agreeing, and each
/// replay that failed, with its first disagreement or why it was refused.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) days: usize,
    pub(super) agreeing: usize,
    failures: Vec<String>,
}

impl Tally {
    /// Counts the replay of `what` (a product, and the answer's shape);
    /// whether it was read.
    pub(super) fn count(&mut self, what: &str, replay: Result<Replay, String>) -> bool {
        match replay {
            Ok(replay) => {
                self.days += replay.days;
                self.agreeing += replay.days - replay.disagreements.len();
                if let Some(first) = replay.disagreements.first() {
                    let count = replay.disagreements.len();
                    self.failures
                        .push(format!("{what} ({count} days): {first}"));
                }
                true
            }
            Err(refused) => {
                self.failures.push(format!("{what} refused: {refused}"));
                false
            }
        }
    }

    /// Fails with every failure, when there is one.
    #[track_caller]
    pub(super) fn assert_no_failures(&self) {
        assert!(
            self.failures.is_empty(),
            "{} failures:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

#[test]
fn every_record_reads_and_answers_as_the_record_does() {
    let products = products();
    let (mut answers, mut read) = (0, 0);
    let mut tally = Tally::default();
    for product in &products {
        let cycles = record(product);
        for (shape, answer) in [("v0", v0(&cycles)), ("v1", v1(product, &cycles))] {
            answers += 1;
            let replay = replay(product, &cycles, &answer);
            read += usize::from(tally.count(&format!("{product} ({shape})"), replay));
        }
    }
    eprintln!(
        "replay: {read} of {answers} answers read ({} products, v0 and v1); {} of {} days \
         agree with the record",
        products.len(),
        tally.agreeing,
        tally.days
    );
    tally.assert_no_failures();
}
