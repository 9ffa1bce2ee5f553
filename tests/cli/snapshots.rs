//! Golden answers: the text and JSON of every command on the embedded
//! Kestra policy on 2026-11-25, as insta snapshots under `snapshots/`.
//! Each was read line by line against the model's rules (`src/model.md`) when it was first
//! written (the values the other tests work out by hand agree with them);
//! `cargo insta review` shows any change for the same reading.

use super::{kestra_flat, stdout_of};

/// Every command, its arguments on 2026-11-25, and its exit code. On that
/// day 2.1 is the latest, projected on 2026-11-10 (2026-09-08 + 2 months is a
/// Sunday), until 2.2 on 2027-01-12 (48 days); 1.3 is the LTS line until
/// 2026-03-03 + 12 months (98 days), 38 Tuesdays after its release (1.3.38);
/// 1.0's support ended on 2026-09-09, 77 days before.
const COMMANDS: &[(&str, &[&str], i32)] = &[
    ("supported", &["supported", "--on", "2026-11-25"], 0),
    (
        "supported-explain",
        &["supported", "--on", "2026-11-25", "--explain"],
        0,
    ),
    (
        "backport-targets",
        &["backport-targets", "--on", "2026-11-25", "--branch"],
        0,
    ),
    ("status", &["status", "1.3.7", "--on", "2026-11-25"], 0),
    (
        "status-ended",
        &["status", "1.0.5", "--on", "2026-11-25"],
        1,
    ),
    (
        "releases",
        &[
            "releases",
            "--from",
            "2026-01-01",
            "--to",
            "2027-06-30",
            "--on",
            "2026-11-25",
        ],
        0,
    ),
    ("tag", &["tag", "latest-lts", "--on", "2026-11-25"], 0),
    // 2026-11-25 is a Wednesday; Tuesday 2026-12-01 ships 2.1.3 and 1.3.39.
    ("next-patch", &["next-patch", "--after", "2026-11-25"], 0),
    // 2.0 came 189 days after 1.3, due 2026-05-05: 126 days late; from
    // 2026-09-09 only 1.3 is maintained as LTS.
    ("audit", &["audit", "--on", "2026-11-25"], 1),
    (
        "audit-projected",
        &["audit", "--on", "2026-11-25", "--projected"],
        1,
    ),
];

#[test]
fn text_of_every_command() {
    for (name, args, code) in COMMANDS {
        insta::assert_snapshot!(format!("{name}.txt"), stdout_of(args, *code));
    }
    let timeline = [
        "timeline",
        "--on",
        "2026-11-25",
        "--width",
        "100",
        "--color",
        "never",
    ];
    insta::assert_snapshot!("timeline.txt", stdout_of(&timeline, 0));
}

#[test]
fn json_of_every_command() {
    for (name, args, code) in COMMANDS {
        let mut args = args.to_vec();
        args.push("--json");
        let json: serde_json::Value = serde_json::from_str(&stdout_of(&args, *code)).unwrap();
        insta::assert_json_snapshot!(format!("{name}.json"), json);
    }
    let policy: serde_json::Value =
        serde_json::from_str(&stdout_of(&["policy", "--json"], 0)).unwrap();
    insta::assert_json_snapshot!("policy.json", policy);
}

#[test]
fn a_tag_that_points_nowhere_says_why_in_json() {
    let output = kestra_flat(&["tag", "2.2", "--on", "2026-11-25", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    insta::assert_json_snapshot!(json, @r#"
    {
      "schema_version": 1,
      "policy": "kestra",
      "tag": "2.2",
      "on": "2026-11-25",
      "version": null,
      "line": null,
      "released": null,
      "source": null,
      "reason": "tag 2.2 points to no version on 2026-11-25: 2.2 is released on 2027-01-12"
    }
    "#);
}
