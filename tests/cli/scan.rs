//! `scan FILE...`: real SBOMs (CycloneDX 1.2 from real tools: Juice Shop's
//! npm tree, Dropwizard's Maven tree) and an SPDX document and version
//! files in real projects' shapes, each matched component's verdict worked
//! out by hand from its product's record (tests/data/endoflife/products).
//! endoflife.date writes an end as its last day; lts-policy's EOL is the
//! day after, the first day without support.

use serde_json::Value;

use super::{Scratch, embedded};

/// The JSON an output printed.
pub(super) fn json_of(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

const JUICE_SHOP: &str = "tests/data/sbom/juice-shop-11.1.2.cdx.json";
const DROPWIZARD: &str = "tests/data/sbom/dropwizard-1.3.15.cdx.json";
const STACK: &str = "tests/data/stack";

/// The JSON answer of `scan` with `args`, and its exit code.
pub(super) fn scan_json(args: &[&str]) -> (Value, i32) {
    let mut all = vec!["scan", "--format", "json"];
    all.extend_from_slice(args);
    let output = embedded(&all).output().unwrap();
    (json_of(&output), output.status.code().unwrap())
}

/// The component named `name` of a JSON answer.
pub(super) fn component<'v>(answer: &'v Value, name: &str) -> &'v Value {
    answer["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["name"] == name)
        .unwrap_or_else(|| panic!("no component {name} in {answer}"))
}

#[test]
fn the_real_sboms_match_jetty_hibernate_express_and_grunt() {
    let (answer, code) = scan_json(&[DROPWIZARD, JUICE_SHOP, "--on", "2026-12-07"]);
    assert_eq!(code, 1, "every matched component is out of support");
    // 167 + 840 components; only jetty-server, hibernate-core, express
    // and grunt have a purl a product lists (jetty-util and the other
    // modules are not jetty-server's purl).
    assert_eq!(answer["summary"]["components"], 167 + 840);
    assert_eq!(answer["summary"]["known"], 4);
    assert_eq!(answer["summary"]["unknown"], 167 + 840 - 4);
    let jetty = component(&answer, "jetty-server");
    // 9.4.18.v20190429 starts with 9.4; the record's eol 2025-08-14 is
    // its last day: EOL 2025-08-15, 2026-12-07 - 2025-08-15 = 138 (2025)
    // + 341 (2026) = 479 days ago. Extended support (eoes: false) goes on.
    assert_eq!(jetty["line"], "9.4");
    assert_eq!(jetty["eol"], "2025-08-15");
    assert_eq!(jetty["days_left"], -479);
    assert_eq!(jetty["phase"], "extended");
    assert_eq!(jetty["verdict"], "ended");
    assert_eq!(jetty["projected"], false);
    // 5.2.18.Final is of 5.2, older than 5.3 (2018-05-14), the first line
    // the record holds: not supported, with no end to give.
    let hibernate = component(&answer, "hibernate-core");
    assert_eq!(hibernate["line"], "5.2");
    assert_eq!(hibernate["verdict"], "before-first-line");
    assert_eq!(hibernate["eol"], Value::Null);
    // Express 4: the record says eol false up to the snapshot's day,
    // 2026-08-22, which the catalogue is complete up to; the fitted 15
    // months ended it long before, so past that day the rules end it the
    // day after: 2026-08-23, 106 days before 2026-12-07 (8 + 30 + 31 + 30
    // + 7), a projection.
    let express = component(&answer, "express");
    assert_eq!(express["line"], "4");
    assert_eq!(express["eol"], "2026-08-23");
    assert_eq!(express["days_left"], -106);
    assert_eq!(express["projected"], true);
    // Grunt 1.2: eol 2020-08-18 (the day 1.3 came out), so EOL
    // 2020-08-19; 2020-08-19 to 2026-08-19 is 2191 days (two leap days),
    // to 2026-12-07 110 more: 2301.
    let grunt = component(&answer, "grunt");
    assert_eq!(grunt["line"], "1.2");
    assert_eq!(grunt["eol"], "2020-08-19");
    assert_eq!(grunt["days_left"], -2301);
    assert_eq!(grunt["upgrade_to"], "1.7.0");
}

#[test]
fn grunt_is_supported_the_day_before_its_end_and_not_on_it() {
    // Grunt 1.2's EOL is 2020-08-19: the window is half-open.
    let (before, code) = scan_json(&[JUICE_SHOP, "--on", "2020-08-18"]);
    assert_eq!(
        (component(&before, "grunt")["supported"].clone(), code),
        (true.into(), 0)
    );
    assert_eq!(component(&before, "grunt")["days_left"], 1);
    let (on, code) = scan_json(&[JUICE_SHOP, "--on", "2020-08-19"]);
    assert_eq!(
        (component(&on, "grunt")["supported"].clone(), code),
        (false.into(), 1)
    );
}

#[test]
fn ends_within_fails_what_ends_inside_the_period_and_not_after() {
    // On 2020-08-09 Grunt 1.2 has 10 days left (EOL 2020-08-19): within 10
    // days fails, within 9 does not (Express 4 and the rest stay supported).
    let (_, code) = scan_json(&[JUICE_SHOP, "--on", "2020-08-09", "--ends-within", "10"]);
    assert_eq!(code, 1);
    let (answer, code) = scan_json(&[JUICE_SHOP, "--on", "2020-08-09", "--ends-within", "9d"]);
    assert_eq!((code, answer["summary"]["failing"].clone()), (0, 0.into()));
}

#[test]
fn spdx_and_version_files_answer_from_each_products_record() {
    let files = [
        "app.spdx.json",
        ".nvmrc",
        ".python-version",
        "Dockerfile",
        "go.mod",
        "rust-toolchain.toml",
        "os-release",
        ".tool-versions",
    ]
    .map(|file| format!("{STACK}/{file}"));
    let mut args: Vec<&str> = files.iter().map(String::as_str).collect();
    args.extend(["--on", "2025-06-01"]);
    let (answer, code) = scan_json(&args);
    assert_eq!(code, 1);
    // left-pad alone is no product; the Dockerfile's `build` stages are
    // no images.
    assert_eq!(answer["summary"]["unknown"], 1);
    assert_eq!(answer["summary"]["known"], 14);
    let rows = answer["components"].as_array().unwrap();
    let verdict = |file: &str, name: &str| {
        rows.iter()
            .find(|row| row["file"].as_str().unwrap().ends_with(file) && row["name"] == name)
            .unwrap_or_else(|| panic!("no {name} from {file}"))
    };
    // Django 4.2: eol 2026-04-07, EOL 2026-04-08: 2025-06-01 + 311 days
    // (29 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 + 8).
    assert_eq!(verdict("app.spdx.json", "django")["days_left"], 311);
    // Jetty by its CPE: 10's eol 2025-01-01, EOL 2025-01-02.
    assert_eq!(verdict("app.spdx.json", "jetty")["eol"], "2025-01-02");
    // .nvmrc v20.11.1: Node.js 20, eol 2026-04-30, EOL 2026-05-01.
    assert_eq!(verdict(".nvmrc", "node")["eol"], "2026-05-01");
    // node:18-alpine: 18's EOL 2025-05-01, 31 days before 2025-06-01.
    assert_eq!(verdict("Dockerfile", "node")["days_left"], -31);
    assert_eq!(verdict("Dockerfile", "python")["line"], "3.12");
    // .python-version 3.9.18: eol 2025-10-31, EOL 2025-11-01.
    assert_eq!(verdict(".python-version", "python")["eol"], "2025-11-01");
    // go.mod's `go 1.21.5`: eol 2024-08-13, EOL 2024-08-14.
    assert_eq!(verdict("go.mod", "go")["eol"], "2024-08-14");
    // rust 1.78: eol 2024-06-13 (1.79's release), EOL 2024-06-14.
    assert_eq!(verdict("rust-toolchain.toml", "rust")["eol"], "2024-06-14");
    // os-release's SUPPORT_END is the EOL as it is: 2024-11-12, 201 days
    // before 2025-06-01 (18 + 31 + 31 + 28 + 31 + 30 + 31 + 1).
    let fedora = verdict("os-release", "Fedora Linux 39 (Container Image)");
    assert_eq!(
        (fedora["eol"].clone(), fedora["days_left"].clone()),
        ("2024-11-12".into(), (-201).into())
    );
    // .tool-versions names asdf's tools: golang is Go's alias.
    assert_eq!(verdict(".tool-versions", "golang")["product"], "go");
}

#[test]
fn suppressions_hold_until_their_day_and_fail_once_expired() {
    let scratch = Scratch::new("scan-ignore");
    let ignore = scratch.0.join("ignore.json");
    // Written with a byte order mark first, as an editor on Windows saves.
    std::fs::write(
        &ignore,
        "\u{feff}".to_owned()
            + r#"[{"purl": "pkg:npm/grunt", "line": "1.2", "reason": "build tool only", "until": "2026-12-07"},
            {"product": "express", "reason": "migration to 5 planned", "until": "2026-12-07"}]"#,
    )
    .unwrap();
    let ignore = ignore.to_str().unwrap();
    // On its `until` a suppression still holds: Juice Shop passes.
    let (answer, code) = scan_json(&[JUICE_SHOP, "--on", "2026-12-07", "--ignore", ignore]);
    assert_eq!(
        (code, answer["summary"]["suppressed"].clone()),
        (0, 2.into())
    );
    // The day after, both have expired: reported, and the scan fails.
    let (answer, code) = scan_json(&[JUICE_SHOP, "--on", "2026-12-08", "--ignore", ignore]);
    assert_eq!(code, 1);
    assert_eq!(answer["expired_suppressions"].as_array().unwrap().len(), 2);
    assert_eq!(answer["summary"]["failing"], 2);
    // CSV: the two components, then a row for each expired suppression,
    // saying why the scan fails.
    let output = embedded(&["scan", JUICE_SHOP, "--on", "2026-12-08", "--ignore", ignore])
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(output.stdout).unwrap();
    let expired: Vec<&str> = csv
        .lines()
        .filter(|row| row.contains("expired-suppression"))
        .collect();
    assert_eq!(expired.len(), 2, "{csv}");
    assert!(
        expired[0].contains("grunt")
            && expired[0].contains("suppressed until 2026-12-07: build tool only"),
        "{csv}"
    );
}

#[test]
fn a_document_that_is_no_sbom_is_one_error_line_and_exit_2() {
    for (file, says) in [
        (
            "tests/data/kestra-flat.json",
            "neither \"bomFormat\": \"CycloneDX\" nor \"spdxVersion\"",
        ),
        (
            "tests/data/not-json.json",
            "not JSON; expected a CycloneDX 1.2-1.6 or SPDX 2.2/2.3",
        ),
    ] {
        let output = embedded(&["scan", file]).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(output.stdout.is_empty());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains(says),
            "{stderr}"
        );
    }
}

/// The run of `scan FILE --on 2026-12-07 --format FORMAT`.
fn scanned_as(file: &str, format: &str) -> std::process::Output {
    let args = ["scan", file, "--on", "2026-12-07", "--format", format];
    embedded(&args).output().unwrap()
}

#[test]
fn sarif_has_one_result_per_failing_component_located_in_its_file() {
    let output = scanned_as(DROPWIZARD, "sarif");
    let log = json_of(&output);
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    // Jetty 9.4 and Hibernate 5.2.
    assert_eq!(results.len(), 2);
    let location = &results[0]["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        DROPWIZARD
    );
    assert_eq!(
        location["logicalLocations"][0]["name"],
        "pkg:maven/org.eclipse.jetty/jetty-server@9.4.18.v20190429?type=jar"
    );
}

#[test]
fn github_annotations_escape_what_the_document_controls() {
    let output = scanned_as(JUICE_SHOP, "github");
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "express and grunt: {text}");
    assert!(text.lines().all(|line| line.starts_with("::error file=")));
    assert!(text.contains("title=lts-policy unsupported::grunt 1.2.1 (grunt 1.2)"));
}

#[test]
fn cyclonedx_writes_the_document_back_as_1_5_with_lifecycle_properties() {
    let output = scanned_as(JUICE_SHOP, "cyclonedx");
    let document = json_of(&output);
    assert_eq!(document["specVersion"], "1.5");
    let grunt = document["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|component| component["name"] == "grunt")
        .unwrap();
    // The record's own last days: released 2020-07-03, eol 2020-08-18.
    let properties: Vec<(&str, &str)> = grunt["properties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["value"].as_str().unwrap()))
        .collect();
    assert!(properties.contains(&("cdx:lifecycle:milestone:generalAvailability", "2020-07-03")));
    assert!(properties.contains(&("cdx:lifecycle:milestone:endOfSupport", "2020-08-18")));
}
