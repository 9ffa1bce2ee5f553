//! The general model end to end: policies without LTS lines, of major
//! lines, with only recorded patches, with an overdue line.

use super::{embedded, json_of, kestra_flat, stdout_of};

#[test]
fn latest_lts_of_a_policy_without_lts_lines_is_a_no() {
    let output = kestra_flat(&[
        "tag",
        "latest-lts",
        "--on",
        "2026-08-22",
        "--policy",
        "examples/gitlab.json",
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "tag latest-lts points to no version on 2026-08-22: the policy has no LTS lines\n"
    );
}

#[test]
fn an_audit_without_lts_lines_speaks_of_releases_and_support() {
    let audit = json_of(
        &[
            "audit",
            "--on",
            "2026-08-22",
            "--projected",
            "--policy",
            "examples/gitlab.json",
        ],
        1,
    );
    for finding in audit["findings"].as_array().unwrap() {
        let kind = finding["kind"].as_str().unwrap();
        assert!(!kind.contains("lts"), "{finding}");
    }
}

#[test]
fn no_patch_day_after_the_last_recorded_one_is_a_no() {
    // Envoy's patches ship as needed: none is projected.
    let args = [
        "next-patch",
        "--after",
        "2026-08-22",
        "--policy",
        "examples/envoy.json",
    ];
    let output = kestra_flat(&args).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "no patch day after 2026-08-22: the policy projects no patches, and records none later\n"
    );
    let json = json_of(&args, 1);
    assert_eq!(json["day"], serde_json::Value::Null);
    assert_eq!(json["patches"], serde_json::json!([]));
}

/// Monthly lines on Tuesdays, patches every 31 weeks from each line's
/// release, an LTS every 3rd line kept until the 2nd LTS line after it:
/// 1.0 (2026-01-06, LTS) is LTS until 1.6 comes on 2026-07-07 (1.3 on
/// 04-07 and 1.6 on 07-07 are the next LTS lines), but its first patch
/// day is 31 weeks on, 2026-08-11. Every line ends before its first patch
/// day, so none ever comes: the search stops 400 years on, at once. Asked
/// on the tests' day, 2026-09-07, the history is more than two monthly
/// intervals old (1.0 + 2 months = 2026-03-06), which a note says.
#[test]
fn no_patch_day_when_every_line_ends_before_its_first_one() {
    let policy = "tests/data/unpatched.json";
    let started = std::time::Instant::now();
    let output = kestra_flat(&["next-patch", "--after", "2026-01-06", "--policy", policy])
        .output()
        .unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "no patch day after 2026-01-06 up to 2426-01-06: no line gets a day of the patch \
         schedule before its end of support, and none is recorded\n\
         note: the facts look old: the newest release the history records came out on \
         2026-01-06, more than two release intervals (2 months) before 2026-09-07\n"
    );
    // The calendar of 2026 has the twelve lines' releases and ends, and no
    // patch day: the search for one stops at the end of the range.
    let ics = super::stdout_noting_old_facts(
        &[
            "releases",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--format",
            "ics",
            "--policy",
            policy,
        ],
        0,
    );
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 24);
    assert!(!ics.contains("UID:patch-"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
}

#[test]
fn major_lines_on_the_command_line() {
    // 22 is LTS until its announced end, 2027-04-30; 24.19.0 is behind the
    // projected 24.19.1 (see tests/model/general.rs). A security fix goes
    // to every supported line, a bug fix to those in active support.
    let status = json_of(
        &[
            "status",
            "24.19.0",
            "--on",
            "2026-08-22",
            "--policy",
            "examples/nodejs.json",
        ],
        0,
    );
    assert_eq!(
        (&status["line"], &status["upgrade_to"]),
        (&serde_json::json!("24"), &serde_json::json!("24.19.1"))
    );
    assert_eq!(
        stdout_of(
            &[
                "backport-targets",
                "--on",
                "2026-08-22",
                "--branch",
                "--policy",
                "examples/nodejs.json"
            ],
            0
        ),
        // A bug fix: 22 is in maintenance (security fixes only) since
        // 2025-10-21, as Node.js's schedule records.
        "v26.x\nv24.x\n"
    );
    assert_eq!(
        stdout_of(
            &[
                "backport-targets",
                "--on",
                "2026-08-22",
                "--branch",
                "--security",
                "--policy",
                "examples/nodejs.json"
            ],
            0
        ),
        "v26.x\nv24.x\nv22.x\n"
    );
    // A policy of minor lines takes no major alone.
    kestra_flat(&["status", "2", "--on", "2026-08-22"])
        .assert()
        .code(2)
        .stderr(
            "error: VERSION: invalid version \"2\": the policy's lines are MAJOR.MINOR, like 1.3\n",
        );
}

#[test]
fn an_overdue_line_is_marked_in_text_and_json() {
    // Kestra's real history said complete up to 2026-11-20: 2.1, due
    // 2026-11-10, is overdue, projected on Tuesday 2026-11-24.
    let mut file: serde_json::Value =
        serde_json::from_slice(&embedded(&["policy", "--json"]).output().unwrap().stdout).unwrap();
    file["history_as_of"] = "2026-11-20".into();
    let path = std::env::temp_dir().join(format!("lts-policy-overdue-{}.json", std::process::id()));
    std::fs::write(&path, file.to_string()).unwrap();
    let path = path.to_str().unwrap();
    let text = stdout_of(&["supported", "--on", "2026-11-25", "--policy", path], 0);
    assert!(text.contains("\n2.1!  latest        2026-11-24*"), "{text}");
    assert!(text.ends_with(
        "! overdue: due by the rules on or before the day the history is complete up to, which \
         does not list it; projected on the first release day after\n"
    ));
    let json = json_of(&["supported", "--on", "2026-11-25", "--policy", path], 0);
    let overdue: Vec<bool> = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["overdue"].as_bool().unwrap())
        .collect();
    assert_eq!(overdue, [true, false, false]);
    let explained = stdout_of(
        &[
            "status",
            "2.1",
            "--on",
            "2026-11-25",
            "--explain",
            "--policy",
            path,
        ],
        0,
    );
    assert!(
        explained.contains(
            "overdue: due by the rules (2.0's release on 2026-09-08 + 2 months = 2026-11-08, and \
             the first Tuesday on or after it) on or before 2026-11-20, the day the history is \
             complete up to, which does not list it; projected for 2026-11-24, the first \
             Tuesday after it"
        ),
        "{explained}"
    );
    let audit = json_of(&["audit", "--on", "2026-11-25", "--policy", path], 1);
    let overdue = audit["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| finding["kind"] == "overdue")
        .unwrap();
    assert_eq!(
        overdue["dates"],
        serde_json::json!({"due": "2026-11-10", "until": "2026-11-20"})
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_policy_without_months_of_support_looks_a_year_ahead() {
    kestra_flat(&[
        "releases",
        "--on",
        "2026-08-22",
        "--from",
        "2028-01-01",
        "--policy",
        "examples/gitlab.json",
    ])
    .assert()
    .code(2)
    .stderr(
        "error: the range starts on 2028-01-01, after its end on 2027-08-22 (by default, 12 \
         months after 2026-08-22)\n",
    );
}

#[test]
fn policy_check_says_what_a_general_file_means() {
    assert_eq!(
        stdout_of(&["policy", "--check", "examples/nodejs.json"], 0),
        "examples/nodejs.json: a valid policy
  lines are majors (22, 23, ...)
  releases: in April and October, on the 3rd Tuesday of the month
  patches: every 2 weeks on Tuesdays, counted from each line's release
  support: 7 months, to the end of a month
  active support (more than security fixes): 5 months, to the end of a month, at least until the next line comes out
  LTS: every 2nd line, LTS once the next line comes out, maintained as such 36 months from the day the release schedule had it due, to the end of a month; active as LTS 18 months from the day the release schedule had it due
  from 27 on: releases: in April, on the 3rd Tuesday of the month; LTS: every line, LTS 6 months after its release, maintained as such 36 months from the day the release schedule had it due, to the end of a month; active as LTS 18 months from the day the release schedule had it due
  history complete up to 2026-08-22
"
    );
}

#[test]
fn lts_lines_every_so_many_releases_keep_their_count_on_a_calendar_schedule() {
    // Node.js: an LTS every 2nd line, lines in April and October, so one a
    // year; 36 months of support keep 3 at once, with no gap to report.
    let audit = json_of(
        &[
            "audit",
            "--on",
            "2026-08-22",
            "--projected",
            "--to",
            "2040-01-01",
            "--policy",
            "examples/nodejs.json",
        ],
        1,
    );
    let gaps: Vec<&serde_json::Value> = audit["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| finding["kind"] == "lts-gap" && finding["projected"] == true)
        .collect();
    assert!(gaps.is_empty(), "{gaps:?}");
}
