//! `scan` on what a hostile tester gives it: versions no line the model
//! can compute is named by, dates past 9999-12-31, control characters,
//! odd shapes of version files and SBOMs. Each answer worked out by hand.

use super::scan::{component, scan_json};

const ODD: &str = "tests/data/stack/odd";

#[test]
fn a_version_beyond_the_computable_dates_is_no_line_and_fails_nothing_else() {
    let (answer, code) = scan_json(&[&format!("{ODD}/versions.cdx.json"), "--on", "2026-01-01"]);
    // Grunt 1.2 ended on 2020-08-19 (its record's eol 2020-08-18 plus a
    // day): 2020-08-19 to 2026-08-19 is 2191 days, 2026-01-01 to
    // 2026-08-19 is 31+28+31+30+31+30+31+18 = 230 of them: -1961.
    assert_eq!(code, 1, "grunt has ended; the odd versions fail nothing");
    let grunt = component(&answer, "ok");
    assert_eq!(grunt["days_left"], -1961);
    assert_eq!(answer["summary"]["no_line"], 2);
    let calendar = component(&answer, "calendar");
    assert_eq!(calendar["verdict"], "no-line");
    assert_eq!(calendar["fails"], false);
    let reason = calendar["reason"].as_str().unwrap();
    assert!(
        reason.starts_with("the projected release of 20240615 is beyond"),
        "{reason}"
    );
}

#[test]
fn a_version_file_naming_an_incomputable_line_is_no_line_too() {
    let (answer, code) = scan_json(&[
        &format!("{ODD}/far/Dockerfile"),
        &format!("{ODD}/far/.tool-versions"),
        "--on",
        "2026-01-01",
    ]);
    assert_eq!(code, 0, "no known component fails");
    assert_eq!(answer["summary"]["no_line"], 2);
    for row in answer["components"].as_array().unwrap() {
        assert_eq!(row["product"], "nodejs");
        assert_eq!(row["verdict"], "no-line");
        assert!(row["reason"].as_str().unwrap().contains("beyond the dates"));
    }
}

#[test]
fn a_line_whose_dates_run_past_9999_is_no_line_in_every_format() {
    let file = format!("{ODD}/versions.cdx.json");
    let (answer, _) = scan_json(&[&file, "--on", "2026-01-01"]);
    // Express 99999 would end in the year 35358: answers write four-digit
    // years, as `status` refuses it; in a scan that one component has no line.
    let far = component(&answer, "far");
    assert_eq!(far["verdict"], "no-line");
    assert_eq!(far["eol"], serde_json::Value::Null);
    assert_eq!(
        far["reason"],
        "99999's dates run past 9999-12-31 (its support ends after it), and dates have \
         four-digit years"
    );
    for format in ["cyclonedx", "sarif", "text", "github"] {
        let output = super::embedded(&["scan", &file, "--on", "2026-01-01", "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(!text.contains("+35358"), "{format}: {text}");
    }
}

#[test]
fn json_carries_values_as_they_are_and_only_csv_escapes_formulas() {
    let file = format!("{ODD}/=formula.cdx.json");
    let (answer, _) = scan_json(&[&file, "--on", "2026-01-01"]);
    let row = &answer["components"][0];
    assert_eq!(row["name"], "=cmd|' /C calc'!A0");
    assert_eq!(row["file"], file);
    let output = super::embedded(&["scan", &file, "--on", "2026-01-01", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(output.stdout).unwrap();
    // Grunt 1.2.1 on 2026-01-01: ended 2020-08-19, 1961 days before.
    assert_eq!(
        csv.lines().nth(1).unwrap(),
        format!(
            "{file},'=cmd|' /C calc'!A0,1.2.1,pkg:npm/grunt@1.2.1,grunt,1.2,ended,false,\
             extended,2020-08-19,-1961,1.6.1,false,true,"
        )
    );
}
