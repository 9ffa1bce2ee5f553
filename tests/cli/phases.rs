//! Two phases of support and LTS that starts later, as every format shows
//! them, on `examples/nodejs.json`: its history records each line's LTS
//! start and end of active support (endoflife.date's `lts` and `eoas`).

use serde_json::json;

use super::{LEGEND, stdout_of};

const NODE: &str = "examples/nodejs.json";

#[test]
fn supported_says_the_phase_the_lts_start_and_the_end_of_active_support() {
    // On 2026-08-22: 26 (2026-05-05) is LTS from 2026-10-28, active until
    // 2027-10-27; 24 in Active LTS until 2026-10-20; 22 in maintenance
    // since 2025-10-21. Days left: 2029-04-30 is 982 days on (2026-08-22
    // to 2028-08-22 is 731 days, with 2028-02-29, then 251 to 2029-04-30);
    // 2028-04-30, 617; 2027-04-30, 251. Patches every two weeks on
    // Tuesdays from each release: 26.7.0 (2026-08-05) then 08-11; 24.19.0
    // (08-03) then 08-11; 22.23.2 (07-29) then 08-18 (22 came on a
    // Wednesday: its Tuesdays are 2024-04-30 + 14 k).
    let expected = format!(
        "Supported on 2026-08-22 (policy: nodejs)

LINE  ROLES         PHASE     RELEASED    LTS              ACTIVE UNTIL  EOL         DAYS LEFT  LATEST PATCH
26    latest        active    2026-05-05  from 2026-10-28  2027-10-28    2029-05-01  983        26.7.1*
24    latest-lts    active    2025-05-06  yes              2026-10-21    2028-05-01  618        24.19.1*
22    previous-lts  security  2024-04-24  yes              2025-10-22    2027-05-01  252        22.23.3*

{LEGEND}"
    );
    assert_eq!(
        stdout_of(&["supported", "--on", "2026-08-22", "--policy", NODE], 0),
        expected
    );
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        &[
            "supported",
            "--on",
            "2026-08-22",
            "--json",
            "--policy",
            NODE,
        ],
        0,
    ))
    .unwrap();
    let phases: Vec<_> = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            (
                line["line"].clone(),
                line["phase"].clone(),
                line["lts_from"].clone(),
            )
        })
        .collect();
    assert_eq!(
        phases,
        [
            (json!("26"), json!("active"), json!("2026-10-28")),
            (json!("24"), json!("active"), json!("2025-10-28")),
            (json!("22"), json!("security"), json!("2024-10-29")),
        ]
    );
}

#[test]
fn the_exports_write_the_lts_start_and_the_end_of_active_support() {
    let range = [
        "releases",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--on",
        "2026-08-22",
    ];
    let export = |format: &str| {
        let mut args = range.to_vec();
        args.extend(["--format", format, "--policy", NODE]);
        stdout_of(&args, 0)
    };
    // As endoflife.date writes Node.js 26: LTS from a day after its
    // release, and the ends of its active support and of its support as
    // their last days, the days before lts-policy's 2027-10-28 and
    // 2029-05-01. Its newest recorded version is 26.7.0 (2026-08-05): the
    // patch the rules project after it is no release to record.
    let cycles: serde_json::Value = serde_json::from_str(&export("endoflife")).unwrap();
    assert_eq!(
        cycles,
        json!([{"releaseCycle": "26", "releaseDate": "2026-05-05", "lts": "2026-10-28",
                "support": "2027-10-27", "eol": "2029-04-30", "latest": "26.7.0",
                "latestReleaseDate": "2026-08-05"}])
    );
    // The calendar's line ends only 26's active support: the event says it.
    let ics = export("ics");
    assert!(ics.contains("UID:eoas-26@nodejs.lts-policy\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20271028\r\n"), "{ics}");
    assert!(
        ics.contains("SUMMARY:nodejs 26 security fixes only\r\n"),
        "{ics}"
    );
    // Text and Markdown tables gain the column; the LTS start shows.
    let text = export("text");
    assert!(
        text.contains("LINE  RELEASED    LTS              ACTIVE UNTIL  EOL"),
        "{text}"
    );
    assert!(
        text.contains("26    2026-05-05  from 2026-10-28  2027-10-28    2029-05-01"),
        "{text}"
    );
    let markdown = export("md");
    assert!(
        markdown.contains("| 26 | 2026-05-05 | from 2026-10-28 | 2027-10-28 | 2029-05-01 |"),
        "{markdown}"
    );
}

#[test]
fn the_timeline_draws_security_fixes_apart_and_lts_from_its_start() {
    let text = stdout_of(
        &[
            "timeline",
            "--on",
            "2026-08-22",
            "--width",
            "100",
            "--policy",
            NODE,
        ],
        0,
    );
    assert!(text.contains("┈ security fixes only"), "{text}");
    // 22's row: maintained as LTS, then security only (┈) since 2025-10-22.
    let twenty_two = text.lines().find(|row| row.starts_with("22 LTS")).unwrap();
    assert!(twenty_two.contains('┈'), "{text}");
    let svg = stdout_of(
        &[
            "timeline",
            "--on",
            "2026-08-22",
            "--format",
            "svg",
            "--policy",
            NODE,
        ],
        0,
    );
    assert!(
        svg.contains("22 maintained as LTS, security fixes only: 2025-10-22 to 2027-05-01"),
        "{svg}"
    );
    // 26: the latest until 27, LTS only from 2026-10-28.
    assert!(
        svg.contains("26 maintained as LTS: 2027-04-20 to 2027-10-28"),
        "{svg}"
    );
}
