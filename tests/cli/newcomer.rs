//! What a newcomer still tripped on after the larger work (issue 28): the
//! dated options before the command, suggestions for a near miss, the days
//! left as one number, and an HTML page where JSON was expected.

use super::{embedded, error_of, stdout_of};

#[test]
fn days_prints_the_days_to_each_versions_end_alone() {
    let days = |args: &[&str], code| {
        let output = embedded(args).output().unwrap();
        assert_eq!(output.status.code(), Some(code), "{args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    // 1.0's support ended on 2026-09-09: ten days before 09-19. Ended: exit
    // 1, as `status` says no.
    assert_eq!(
        days(&["status", "1.0.5", "--on", "2026-09-19", "--days"], 1),
        "-10\n"
    );
    // On 2026-09-07: 1.0 ends 09-09, 2 days on; 1.3 ends 2027-03-03, 23 + 31
    // + 30 + 31 + 31 + 28 + 3 = 177 days on; 2.1, not released yet (due
    // 11-10), ends 2027-01-12*: 23 + 31 + 30 + 31 + 12 = 127. A version
    // older than the first line has no end known. 2.1 is no: exit 1.
    assert_eq!(
        days(
            &[
                "status",
                "1.0.5",
                "1.3",
                "2.1",
                "0.19",
                "--on",
                "2026-09-07",
                "--days"
            ],
            1
        ),
        "2\n177\n127\nunknown\n"
    );
    assert_eq!(
        days(&["status", "1.3", "--on", "2026-09-07", "--days"], 0),
        "177\n"
    );
    // The last day of support: 1.0 on 2026-09-08 ends the next day.
    assert_eq!(
        days(
            &[
                "status",
                "1.0",
                "--on",
                "2026-09-08",
                "--days",
                "--format",
                "plain"
            ],
            0
        ),
        "1\n"
    );
}

#[test]
fn days_counts_to_the_end_of_security_fixes_in_two_phases() {
    // Node.js 22: active until 2025-10-22, security fixes until its end,
    // 2027-05-01 (its last day 04-30). From 2026-08-22: 9 + 30 + 31 + 30 +
    // 31 + 31 + 28 + 31 + 30 + 1 = 252 days.
    let output = stdout_of(
        &[
            "--policy",
            "examples/nodejs.json",
            "status",
            "22",
            "--on",
            "2026-08-22",
            "--days",
        ],
        0,
    );
    assert_eq!(output, "252\n");
}

#[test]
fn days_is_refused_with_a_format_of_the_whole_answer() {
    assert_eq!(
        error_of(&["status", "1.3", "--days", "--json"], None),
        "error: --days prints the days left alone, as text; --format json writes the whole \
         answer, the days left included\n"
    );
}

#[test]
fn a_policy_without_lts_lines_shows_no_lts_column_in_text() {
    let kubernetes = ["--policy", "examples/kubernetes.json"];
    let supported = stdout_of(
        &[&kubernetes[..], &["supported", "--on", "2026-03-01"]].concat(),
        0,
    );
    // Days left from 2026-03-01: to 2027-03-01, 365 (2026 is no leap year);
    // to 10-28, 30 + 30 + 31 + 30 + 31 + 31 + 30 + 28 = 241; to 06-29, 30 +
    // 30 + 31 + 29 = 120. Every value here is recorded: no `*`, no legend.
    assert_eq!(
        supported,
        "Supported on 2026-03-01 (policy: kubernetes)\n\
         \n\
         LINE  ROLES       PHASE   RELEASED    ACTIVE UNTIL  EOL         DAYS LEFT  LATEST PATCH\n\
         1.35  latest      active  2025-12-17  2026-12-29    2027-03-01  365        1.35.2\n\
         1.34  maintained  active  2025-08-27  2026-08-28    2026-10-28  241        1.34.5\n\
         1.33  maintained  active  2025-04-23  2026-04-29    2026-06-29  120        1.33.9\n"
    );
    let status = stdout_of(
        &[&kubernetes[..], &["status", "1.35", "--on", "2026-03-01"]].concat(),
        0,
    );
    assert!(!status.contains("LTS"), "{status}");
    let releases = stdout_of(
        &[
            &kubernetes[..],
            &[
                "releases",
                "--on",
                "2026-03-01",
                "--from",
                "2025-12-01",
                "--to",
                "2025-12-31",
            ],
        ]
        .concat(),
        0,
    );
    assert!(
        releases.contains("\nLINE  RELEASED    ACTIVE UNTIL  EOL         ENDED BY\n"),
        "{releases}"
    );
    // JSON and CSV keep the field: every line is `lts: false`.
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        &[
            &kubernetes[..],
            &["supported", "--on", "2026-03-01", "--json"],
        ]
        .concat(),
        0,
    ))
    .unwrap();
    let flags: Vec<&serde_json::Value> = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| &line["lts"])
        .collect();
    assert_eq!(flags, [&serde_json::json!(false); 3]);
    let csv = stdout_of(
        &[
            &kubernetes[..],
            &["supported", "--on", "2026-03-01", "--format", "csv"],
        ]
        .concat(),
        0,
    );
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .split(',')
            .any(|name| name == "lts"),
        "{csv}"
    );
}

#[test]
fn a_policy_with_lts_lines_keeps_its_lts_column() {
    // Kestra's: 1.0 is LTS, 1.2 is not, on 2026-03-01.
    let supported = stdout_of(&["supported", "--on", "2026-03-01"], 0);
    assert!(
        supported.contains("\nLINE  ROLES       RELEASED    LTS  EOL "),
        "{supported}"
    );
}
