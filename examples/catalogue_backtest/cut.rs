//! A product's record as it would have been on a past day: its cycles (as
//! the product file lists them), its release-data versions, and the
//! vendor's policy file, each cut at the day.
//!
//! The cut is made on the record `read_product_file` reads, not on the
//! file's text: the record keeps each release's fields as the file writes
//! them, and the stated rules are read from the comments alone, which a cut
//! leaves as they are; so cutting the record is cutting the file, without
//! writing YAML again.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use lts_policy::catalogue::ProductRecord;
use lts_policy::parse_date;

/// The ends a product file records: a date after the cut is not known then,
/// and becomes `false` (not over yet).
const END_FIELDS: [&str; 4] = ["eol", "eoas", "eoes", "discontinued"];

pub fn date(text: &str) -> Option<NaiveDate> {
    parse_date(text).ok()
}

/// Whether the field `key` of `fields` is a date after `cut`.
fn dated_after(fields: &Map<String, Value>, key: &str, cut: NaiveDate) -> bool {
    fields
        .get(key)
        .and_then(Value::as_str)
        .and_then(date)
        .is_some_and(|day| day > cut)
}

/// The newest of `versions` (name and day) that belongs to `cycle`, dated
/// on or before `cut`.
fn newest_version_of<'v>(
    versions: &'v [(String, NaiveDate)],
    cycle: &str,
    cut: NaiveDate,
) -> Option<&'v (String, NaiveDate)> {
    let belongs = |name: &str| {
        let name = name.strip_prefix('v').unwrap_or(name);
        name == cycle
            || name
                .strip_prefix(cycle)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    versions
        .iter()
        .filter(|(name, day)| *day <= cut && belongs(name))
        .max_by_key(|(_, day)| *day)
}

/// One cycle as the file would have listed it on `cut`; `None` for a cycle
/// not released by then.
fn cut_cycle(
    mut fields: Map<String, Value>,
    versions: &[(String, NaiveDate)],
    cut: NaiveDate,
) -> Option<Map<String, Value>> {
    if dated_after(&fields, "releaseDate", cut) {
        return None;
    }
    for key in END_FIELDS {
        if dated_after(&fields, key, cut) {
            fields.insert(key.to_owned(), Value::Bool(false));
        }
    }
    // An LTS start not come by the cut stays dated, as endoflife.date
    // dates one ahead (Node.js 26's 2026-10-28 in the record of
    // 2026-08-22): `true` would say LTS from the release, which the fit
    // takes for a start on that day.
    let latest_known = fields
        .get("latestReleaseDate")
        .and_then(Value::as_str)
        .and_then(date)
        .is_some_and(|day| day <= cut);
    if !latest_known {
        fields.remove("latest");
        fields.remove("latestReleaseDate");
        let cycle = fields.get("releaseCycle").and_then(Value::as_str)?;
        if let Some((name, day)) = newest_version_of(versions, cycle, cut) {
            fields.insert("latest".to_owned(), name.clone().into());
            fields.insert("latestReleaseDate".to_owned(), day.to_string().into());
        }
    }
    Some(fields)
}

/// The record as it was on `cut`; `None` when no cycle had come by then.
pub fn cut_record(record: &ProductRecord, cut: NaiveDate) -> Option<ProductRecord> {
    let cycles: Vec<Value> = serde_json::from_str(&record.cycles).ok()?;
    let kept: Vec<Value> = cycles
        .into_iter()
        .filter_map(|cycle| match cycle {
            Value::Object(fields) => cut_cycle(fields, &record.versions, cut).map(Value::Object),
            other => Some(other),
        })
        .collect();
    if kept.is_empty() {
        return None;
    }
    let mut cut_record = record.clone();
    cut_record.cycles = Value::Array(kept).to_string();
    cut_record.versions.retain(|(_, day)| *day <= cut);
    // The file as it was on the cut day was complete up to it, as the
    // vendor's file cut is (`history_as_of`).
    cut_record.complete_up_to = Some(cut);
    Some(cut_record)
}

/// The vendor's policy file as it would have been on `cut`, as
/// `examples/backtest.rs` cuts it: the lines released by then with their
/// patches, the ends come by then, an LTS start after it as `true`.
pub fn cut_vendor_file(file: &Value, cut: NaiveDate) -> Option<String> {
    let is_after = |day: &Value| day.as_str().and_then(date).is_some_and(|day| day > cut);
    let mut file = file.clone();
    let history = file["history"].as_array_mut()?;
    history.retain(|entry| !is_after(&entry["released"]) && entry["released"].is_string());
    if history.is_empty() {
        return None;
    }
    for entry in history.iter_mut() {
        let entry = entry.as_object_mut()?;
        for field in ["eol", "active_until"] {
            if entry.get(field).is_some_and(is_after) {
                entry.remove(field);
            }
        }
        if entry.get("lts").is_some_and(is_after) {
            entry.insert("lts".to_owned(), Value::Bool(true));
        }
        if let Some(Value::Array(patches)) = entry.get_mut("patches") {
            patches.retain(|patch| !is_after(&patch["released"]));
        }
    }
    file["history_as_of"] = cut.to_string().into();
    Some(file.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lts_policy::product_file::read_product_file;

    const FILE: &str = "---\ntitle: Demo\nreleases:\n  # eol(x) = releaseDate(x+1)\n\
        \x20 - releaseCycle: \"2\"\n    releaseDate: 2025-06-01\n    lts: 2025-09-01\n\
        \x20   eol: 2026-06-01\n    latest: \"2.3\"\n    latestReleaseDate: 2025-12-01\n\
        \x20 - releaseCycle: \"1\"\n    releaseDate: 2025-01-01\n    eol: 2025-06-01\n\
        \x20   eoas: 2025-03-01\n    latest: \"1.2\"\n    latestReleaseDate: 2025-05-01\n\
        \x20 - releaseCycle: \"3\"\n    releaseDate: 2026-01-01\n    eol: false\n---\n";

    fn day(text: &str) -> NaiveDate {
        date(text).unwrap()
    }

    fn cut_cycles(cut: &str) -> Vec<Value> {
        let mut record = read_product_file("demo", FILE).unwrap();
        record.versions = vec![
            ("2.0".to_owned(), day("2025-06-01")),
            ("2.1".to_owned(), day("2025-07-15")),
            ("2.3".to_owned(), day("2025-12-01")),
            ("20.1".to_owned(), day("2025-07-20")),
        ];
        let cut_day = day(cut);
        let cut = cut_record(&record, cut_day).unwrap();
        assert!(cut.versions.iter().all(|(_, on)| *on <= cut_day));
        assert_eq!(cut.stated.len(), 1, "the comments' rules stay");
        serde_json::from_str(&cut.cycles).unwrap()
    }

    #[test]
    fn a_cut_keeps_what_had_come_and_hides_what_had_not() {
        let cycles = cut_cycles("2025-08-01");
        assert_eq!(cycles.len(), 2, "3 had not come out");
        let (two, one) = (&cycles[0], &cycles[1]);
        assert_eq!(two["eol"], false);
        assert_eq!(two["lts"], "2025-09-01", "an LTS start ahead stays dated");
        assert_eq!(two["latest"], "2.1", "the cycle's newest version by then");
        assert_eq!(two["latestReleaseDate"], "2025-07-15");
        assert_eq!(one["eol"], "2025-06-01");
        assert_eq!(one["eoas"], "2025-03-01");
        assert_eq!(one["latest"], "1.2");
    }

    #[test]
    fn a_latest_without_a_version_by_the_cut_is_removed() {
        let cycles = cut_cycles("2025-06-01");
        assert_eq!(cycles[0]["latest"], "2.0");
        let cycles = cut_cycles("2025-05-31");
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0]["eol"], false);
        assert_eq!(cycles[0]["latest"], "1.2");
    }

    #[test]
    fn nothing_is_left_before_the_first_release() {
        let record = read_product_file("demo", FILE).unwrap();
        assert!(cut_record(&record, day("2024-12-31")).is_none());
    }

    #[test]
    fn a_vendor_file_is_cut_as_the_examples_are() {
        let file: Value = serde_json::json!({"history": [
            {"line": "1.0", "released": "2025-01-01", "eol": "2025-09-01", "lts": "2025-08-01",
             "patches": [{"version": "1.0.1", "released": "2025-02-01"},
                         {"version": "1.0.2", "released": "2025-09-02"}]},
            {"line": "1.1", "released": "2025-09-01"}]});
        let cut: Value =
            serde_json::from_str(&cut_vendor_file(&file, day("2025-06-30")).unwrap()).unwrap();
        let history = cut["history"].as_array().unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].get("eol"), None);
        assert_eq!(history[0]["lts"], true);
        assert_eq!(history[0]["patches"].as_array().unwrap().len(), 1);
        assert_eq!(cut["history_as_of"], "2025-06-30");
    }
}
