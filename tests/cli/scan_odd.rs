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

/// `(version, line, eol, days_left)` of the one component of each file,
/// scanned on 2026-01-01.
fn each_one(files: &[&str]) -> Vec<(String, String, String, i64)> {
    let mut args: Vec<String> = files.iter().map(|file| format!("{ODD}/{file}")).collect();
    args.extend(["--on".into(), "2026-01-01".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (answer, _) = scan_json(&args);
    let rows = answer["components"].as_array().unwrap();
    assert_eq!(rows.len(), files.len(), "{answer}");
    let text = |value: &serde_json::Value| value.as_str().unwrap().to_owned();
    rows.iter()
        .map(|row| {
            let days = row["days_left"].as_i64().unwrap();
            (
                text(&row["version"]),
                text(&row["line"]),
                text(&row["eol"]),
                days,
            )
        })
        .collect()
}

#[test]
fn versions_only_in_a_purl_behind_a_bom_or_in_odd_spellings_are_read() {
    let found = each_one(&[
        "tab/go.mod",
        "comment/go.mod",
        "literal/rust-toolchain.toml",
        "bom/.nvmrc",
        "bom/purl-only.cdx.json",
        "bom/purl-only.spdx.json",
    ]);
    let row = |version: &str, line: &str, eol: &str, days| {
        (version.to_owned(), line.to_owned(), eol.to_owned(), days)
    };
    assert_eq!(
        found,
        [
            // `go\t1.21` behind a BOM: 1.21 ended 2024-08-14; to 2025-08-14
            // 365 days, then 18 + 30 + 31 + 30 + 31 = 140 to 2026-01-01.
            row("1.21", "1.21", "2024-08-14", -505),
            // `go 1.22 // ...`: ended 2025-02-12; 17 days to March, then
            // 306 (March to December) to 2026-01-01.
            row("1.22", "1.22", "2025-02-12", -323),
            // `channel = '1.70'` in [toolchain], not [other]'s 1.60: ended
            // 2023-07-15; 731 days to 2025-07-15 (2024 a leap year), then
            // 17 + 31 + 30 + 31 + 30 + 31 = 170.
            row("1.70", "1.70", "2023-07-15", -901),
            // `.nvmrc` behind a BOM: Node 20 ends 2026-05-01, 31 + 28 + 31 +
            // 30 = 120 days on.
            row("20.11.1", "20", "2026-05-01", 120),
            // No `version`, behind a BOM: the purl's 1.2.1; grunt 1.2 ended
            // 2020-08-19, 1961 days before (see above).
            row("1.2.1", "1.2", "2020-08-19", -1961),
            // SPDX without `versionInfo`: the purl's 4.17.1; Express 4 ends
            // the day after the snapshot, 2026-08-23: 120 + 31 + 30 + 31 +
            // 22 = 234 days on.
            row("4.17.1", "4", "2026-08-23", 234),
        ]
    );
}

#[test]
fn a_bare_major_is_its_newest_line_released_on_the_day() {
    // Python 3.12 came out 2023-10-02, 3.13 on 2024-10-07: on 2024-01-01
    // `python:3` is 3.12, which ends 2028-11-01: 1461 days to 2028-01-01
    // (2024 a leap year) and 31+29+31+30+31+30+31+31+30+31 = 305 more.
    // Go 1.21 came out 2023-08-08, 1.22 on 2024-02-06: `golang:1` is 1.21,
    // ending 2024-08-14, 31+29+31+30+31+30+31+13 = 226 days on.
    assert_eq!(
        each_one_on("major/Dockerfile", "2024-01-01"),
        [("3.12".to_owned(), 1766), ("1.21".to_owned(), 226)]
    );
    // On 3.13's release day, 3 is 3.13.
    assert_eq!(each_one_on("major/Dockerfile", "2024-10-07")[0].0, "3.13");
}

/// `(line, days_left)` of each component of `file` on `on`.
fn each_one_on(file: &str, on: &str) -> Vec<(String, i64)> {
    let (answer, _) = scan_json(&[&format!("{ODD}/{file}"), "--on", on]);
    let rows = answer["components"].as_array().unwrap();
    rows.iter()
        .map(|row| {
            (
                row["line"].as_str().unwrap().to_owned(),
                row["days_left"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn cyclonedx_replaces_lifecycle_properties_and_writing_back_twice_changes_nothing() {
    let scratch = super::Scratch::new("scan-cyclonedx-twice");
    let once = scratch.0.join("once.cdx.json");
    let first = cyclonedx_of(&format!("{ODD}/lifecycle.cdx.json"));
    std::fs::write(&once, &first).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&cyclonedx_of(once.to_str().unwrap()))
    );
    let document: serde_json::Value = serde_json::from_slice(&first).unwrap();
    // The team's property stays; the stale endOfSupport (2001-01-01) is
    // replaced: grunt 1.2 came out 2020-07-03 and its record ends it on
    // its last day, 2020-08-18, with no extended end of its own.
    let pairs: Vec<(String, String)> = document["components"][0]["properties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|property| {
            (
                property["name"].as_str().unwrap().into(),
                property["value"].as_str().unwrap().into(),
            )
        })
        .collect();
    let milestone =
        |name: &str, day: &str| (format!("cdx:lifecycle:milestone:{name}"), day.to_owned());
    assert_eq!(
        pairs,
        [
            ("team".to_owned(), "web".to_owned()),
            milestone("generalAvailability", "2020-07-03"),
            milestone("endOfDevelopment", "2020-08-18"),
            milestone("endOfSupport", "2020-08-18"),
            milestone("endOfLife", "2020-08-18"),
        ]
    );
}

#[test]
fn cyclonedx_refuses_properties_that_are_no_array() {
    let file = format!("{ODD}/bad-properties.cdx.json");
    let output = super::embedded(&["scan", "--on", "2026-01-01", "--format", "cyclonedx", &file])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "error: {file}: /components/0/properties is not an array, as CycloneDX's \
             properties are\n"
        )
    );
}

/// What `scan --format cyclonedx` writes of `file` on 2026-01-01.
fn cyclonedx_of(file: &str) -> Vec<u8> {
    let args = ["scan", "--on", "2026-01-01", "--format", "cyclonedx", file];
    super::embedded(&args).output().unwrap().stdout
}

#[test]
fn control_characters_of_an_sbom_reach_no_output_raw() {
    // The name holds ESC, BEL, NEL (C1), U+2028, U+202E and U+2066.
    let file = format!("{ODD}/control.cdx.json");
    let shown = r"grunt\u{1b}[31m\u{7}\u{85}\u{2028}\u{202e}\u{2066}x";
    let json = r"grunt\u001b[31m\u0007\u0085\u2028\u202e\u2066x";
    for (format, expected) in [("csv", shown), ("github", shown), ("sarif", json)] {
        let output = super::embedded(&["scan", &file, "--on", "2026-01-01", "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains(expected), "{format}: {text}");
        let raw = |c: char| c.is_control() && c != '\n' || ('\u{2028}'..='\u{2069}').contains(&c);
        assert!(!text.contains(raw), "{format}: {text:?}");
    }
}

#[test]
fn a_version_field_is_quoted_as_given_and_at_most_64_characters_of_it() {
    let scratch = super::Scratch::new("scan-spec-version");
    let error_of = |spec_version: &str| {
        let file = scratch.path_to("bom.json");
        let document = format!(r#"{{"bomFormat": "CycloneDX", "specVersion": {spec_version}}}"#);
        std::fs::write(&file, document).unwrap();
        let output = super::embedded(&["scan", &file]).output().unwrap();
        let (code, stdout, stderr) = super::outcome(output);
        assert_eq!((code, stdout.as_str()), (Some(2), ""));
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        stderr
    };
    // A number where the version string goes is named as such.
    let number = error_of("1.4");
    assert!(number.contains("/specVersion is not a string"), "{number}");
    // 10,000 characters: the first 64, then `…`.
    let long = format!("\"{}\"", "9".repeat(10_000));
    let stderr = error_of(&long);
    assert!(
        stderr.contains(&format!("CycloneDX version \"{}\"… is not", "9".repeat(64))),
        "{stderr}"
    );
    assert!(stderr.len() < 400, "{}", stderr.len());
}

/// A component of a scan: name, version, line, EOL and days left.
type Row = (String, String, String, String, i64);

/// Each component of a scan of `file` on 2026-01-01, and the exit code.
fn rows_of(file: &str) -> (Vec<Row>, i32) {
    let (answer, code) = scan_json(&[file, "--on", "2026-01-01"]);
    let text = |value: &serde_json::Value| value.as_str().unwrap_or("-").to_owned();
    let rows = answer["components"].as_array().unwrap();
    let rows = rows
        .iter()
        .map(|row| {
            (
                text(&row["name"]),
                text(&row["version"]),
                text(&row["line"]),
                text(&row["eol"]),
                row["days_left"].as_i64().unwrap(),
            )
        })
        .collect();
    (rows, code)
}

fn row(name: &str, version: &str, line: &str, eol: &str, days: i64) -> Row {
    (name.into(), version.into(), line.into(), eol.into(), days)
}

#[test]
fn a_from_wrapped_over_lines_is_read_whole() {
    // `FROM --platform=... \` then `python:3.7`: one instruction. Python
    // 3.7's record ends 2023-06-27, so EOL 2023-06-28: to 2024-06-28 366
    // days (2024-02-29), to 2025-06-28 365, to 2026-01-01 3 + 31 + 31 + 30
    // + 31 + 30 + 31 = 187: 918 days before. `FROM node:16 \`, a comment,
    // `AS build`: node 16 (EOL 2023-09-12: 366 + 365 + 30 + 31 + 30 + 20 =
    // 842 days before), and the stage named build, which the last `FROM
    // build` uses, is no image.
    let (rows, code) = rows_of("tests/data/stack/odd/continued/Dockerfile");
    assert_eq!(code, 1);
    assert_eq!(
        rows,
        [
            row("python", "3.7", "3.7", "2023-06-28", -918),
            row("node", "16", "16", "2023-09-12", -842),
        ]
    );
}

#[test]
fn os_release_ids_name_their_products_and_a_bad_support_end_is_refused() {
    // Amazon Linux 2's ID is `amzn` (an empty SUPPORT_END gives no end):
    // the catalogue's amazon-linux, whose
    // record ends 2 on 2026-06-30: EOL 2026-07-01, 31 + 28 + 31 + 30 + 31
    // + 30 = 181 days after 2026-01-01.
    let (rows, code) = rows_of("tests/data/stack/odd/amzn/os-release");
    assert_eq!(code, 0);
    assert_eq!(rows, [row("Amazon Linux 2", "2", "2", "2026-07-01", 181)]);
    let stderr = super::catalogue::error_line(&["scan", "tests/data/stack/odd/bad-end/os-release"]);
    assert_eq!(
        stderr,
        "error: tests/data/stack/odd/bad-end/os-release: line 3: \"2025-02-30\" is not a date, \
         YYYY-MM-DD, as SUPPORT_END\n"
    );
    let stderr = super::catalogue::error_line(&[
        "scan",
        "tests/data/stack/odd/not-toml/rust-toolchain.toml",
    ]);
    assert_eq!(
        stderr,
        "error: tests/data/stack/odd/not-toml/rust-toolchain.toml: line 1: \"[toolchain\" is not \
         a TOML table header, as [toolchain]\n"
    );
}

#[test]
fn every_version_a_tool_versions_line_lists_is_scanned() {
    // `python 3.12.1 3.7.0 system`: asdf installs both versions, and the
    // fallback runs where the first is missing; `system` is no release. 3.12's record ends 2028-10-31: EOL
    // 2028-11-01, 365 + 365 + 366 (2026-01-01 to 2029-01-01) - 61 = 1035
    // days left; 3.7 ended 918 days before (above). Node.js 20's record
    // ends 2026-04-30: EOL 2026-05-01, 31 + 28 + 31 + 30 = 120 days left.
    let (rows, code) = rows_of("tests/data/stack/odd/fallbacks/.tool-versions");
    assert_eq!(code, 1, "3.7 has ended");
    assert_eq!(
        rows,
        [
            row("python", "3.12.1", "3.12", "2028-11-01", 1035),
            row("python", "3.7.0", "3.7", "2023-06-28", -918),
            row("nodejs", "20.11.1", "20", "2026-05-01", 120),
        ]
    );
}
