//! Dates have four-digit years, 0000-01-01 to 9999-12-31, in everything
//! the program writes: a calendar ends before the first line whose dates run
//! past 9999-12-31, with a note; an answer about one day that would need
//! such a date is refused, with nothing on stdout.

use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::catalog::formats;
use super::{Scratch, embedded};

/// A line a year from 9990-01-01, each supported 24 months, every second
/// one LTS for 60: 1.6 (9996-01-01) is the first whose end, 10001-01-01,
/// runs past 9999-12-31, while 1.7 (9997-01-01, until 9999-01-01) fits.
const FAR: &str = r#"{"name": "far", "releases": {"every_months": 12},
    "support": {"months": 24}, "lts": {"every": 2, "support": {"months": 60}},
    "branch_template": "release-{major}.{minor}",
    "history": [{"line": "1.0", "released": "9990-01-01", "lts": true}]}"#;

/// The binary on [`FAR`] with `args`, each run with a directory of its
/// own, as the tests run at once.
fn far(args: &[&str]) -> Output {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, Ordering::Relaxed);
    let scratch = Scratch::new(&format!("far-dates-{run}"));
    let policy = scratch.join("far.json");
    std::fs::write(&policy, FAR).unwrap();
    embedded(&[&["--policy", policy.to_str().unwrap()][..], args].concat())
        .output()
        .unwrap()
}

/// Whether `text` writes a date in ISO 8601's expanded form, `+10000-...`.
fn has_expanded_year(text: &str) -> bool {
    text.match_indices('+').any(|(at, _)| {
        let digits = text[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        digits > 4 && text[at + 1 + digits..].starts_with('-')
    })
}

const ENDED_BEFORE_1_6: &str = "note: the calendar ends on 9995-12-31, before 1.6 (released \
     9996-01-01), whose support runs past 9999-12-31: dates have four-digit years\n";

#[test]
fn a_calendar_ends_before_the_first_line_past_9999() {
    for format in formats("releases") {
        let output = far(&["releases", "--to", "9999-12-31", "--format", format]);
        assert_eq!(output.status.code(), Some(0), "{format}: {output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(!has_expanded_year(&stdout), "{format}: {stdout}");
        assert_eq!(String::from_utf8(output.stderr).unwrap(), ENDED_BEFORE_1_6);
        // 1.5 (9995-01-01, until 9997-01-01) is the last line; 1.7 fits
        // but comes after 1.6. (Patch days name versions such as 1.1.7.)
        let names_line = |line: &str| {
            stdout
                .split(|c: char| !c.is_ascii_digit() && c != '.')
                .any(|word| word == line)
        };
        assert!(names_line("1.5"), "{format}: {stdout}");
        assert!(
            !names_line("1.6") && !names_line("1.7"),
            "{format}: {stdout}"
        );
    }
    let csv = far(&["releases", "--to", "9999-12-31", "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let ends: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|row| row.split(',').nth(3).unwrap())
        .collect();
    // 1.0, 1.2, 1.4 LTS: 60 months; 1.1, 1.3, 1.5: 24.
    assert_eq!(
        ends,
        [
            "9995-01-01",
            "9993-01-01",
            "9997-01-01",
            "9995-01-01",
            "9999-01-01",
            "9997-01-01"
        ]
    );
}

#[test]
fn a_calendar_that_would_start_past_9999_is_refused() {
    let output = far(&[
        "releases",
        "--from",
        "9996-01-01",
        "--to",
        "9999-12-31",
        "--format",
        "csv",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: 1.6's dates run past 9999-12-31 (its support ends after it), and dates have \
         four-digit years: ask about an earlier day\n"
    );
}

#[test]
fn an_answer_about_one_day_past_9999_leaves_stdout_empty() {
    // On 9999-06-01, 1.9 (9999-01-01) is supported until 10001-01-01.
    let refused = "error: 1.9's dates run past 9999-12-31 (its support ends after it), and dates \
                   have four-digit years: ask about an earlier day\n";
    for format in formats("supported") {
        let output = far(&["supported", "--on", "9999-06-01", "--format", format]);
        assert_eq!(output.status.code(), Some(2), "{format}");
        assert!(output.stdout.is_empty(), "{format}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            refused,
            "{format}"
        );
    }
    for args in [
        &["backport-targets", "--on", "9999-06-01", "--format", "csv"][..],
        &["status", "1.9.0", "--on", "9999-06-01", "--format", "csv"],
    ] {
        let output = far(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            refused,
            "{args:?}"
        );
    }
    // Kestra's patch days are Tuesdays: the one after 9999-12-31 is in 10000.
    let patch = embedded(&["next-patch", "--after", "9999-12-31", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(patch.status.code(), Some(2));
    assert!(patch.stdout.is_empty());
    assert_eq!(
        String::from_utf8(patch.stderr).unwrap(),
        "error: the next patch day falls after 9999-12-31, and dates have four-digit years: ask \
         about an earlier day\n"
    );
}

#[test]
fn a_timeline_ends_on_9999_12_31() {
    for format in formats("timeline") {
        let output = far(&["timeline", "--on", "9999-12-31", "--format", format]);
        assert_eq!(output.status.code(), Some(0), "{format}: {output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(!has_expanded_year(&stdout), "{format}: {stdout}");
        // Its default end, 60 months after --on, is 10004-12-31.
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            "note: the picture ends on 9999-12-31: dates have four-digit years\n"
        );
    }
    let svg = String::from_utf8(far(&["timeline", "--on", "9999-12-31", "--format", "svg"]).stdout)
        .unwrap();
    assert!(svg.contains("to after 9999-12-31</title>"), "{svg}");
}

#[test]
fn a_projected_audit_ends_with_the_calendar() {
    let output = far(&[
        "audit",
        "--projected",
        "--on",
        "9991-01-01",
        "--to",
        "9999-12-31",
        "--json",
    ]);
    assert!(!has_expanded_year(
        &String::from_utf8(output.stdout).unwrap()
    ));
    assert_eq!(String::from_utf8(output.stderr).unwrap(), ENDED_BEFORE_1_6);
}

#[test]
fn every_kestra_answer_near_9999_keeps_four_digit_years() {
    for args in [
        &["releases", "--on", "9999-12-31", "--format", "csv"][..],
        &[
            "releases",
            "--from",
            "9998-01-01",
            "--to",
            "9999-12-31",
            "--format",
            "ics",
        ],
        &["timeline", "--on", "9999-12-31", "--format", "svg"],
        &["supported", "--on", "9999-01-01", "--json"],
        &["tag", "latest", "--on", "9999-12-31", "--json"],
    ] {
        let output = embedded(args).output().unwrap();
        assert!(
            output.status.code().is_some_and(|code| code < 2),
            "{args:?}: {output:?}"
        );
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(!has_expanded_year(&stdout), "{args:?}");
    }
}
