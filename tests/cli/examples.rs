//! The example policies under examples/: every command runs on each, and a
//! few answers are checked against values worked out by hand.

use super::{embedded, json_of, lts_policy, stdout_of};

const EXAMPLES: [&str; 3] = [
    "examples/kestra.json",
    "examples/quarkus.json",
    "examples/camel.json",
];

#[test]
fn every_command_answers_on_every_example() {
    for policy in EXAMPLES {
        stdout_of(&["policy", "--check", policy], 0);
        for args in [
            &["supported", "--on", "2025-06-01"][..],
            &["backport-targets", "--on", "2025-06-01", "--branch"],
            &["releases", "--on", "2025-06-01"],
            &["releases", "--on", "2025-06-01", "--format", "ics"],
            &["releases", "--on", "2025-06-01", "--format", "endoflife"],
            &["tag", "latest", "--on", "2026-01-01"],
            &["tag", "latest-lts", "--on", "2026-01-01"],
            &["next-patch", "--after", "2025-06-01"],
            &["supported", "--on", "2025-06-01", "--explain"],
        ] {
            let mut args = args.to_vec();
            args.extend(["--policy", policy]);
            stdout_of(&args, 0);
        }
        // Each example's history strays from its policy somewhere.
        lts_policy(&["audit", "--on", "2026-11-25", "--policy", policy])
            .assert()
            .code(1);
    }
}

#[test]
fn the_embedded_policy_is_the_kestra_example() {
    let printed = embedded(&["policy"]).output().unwrap().stdout;
    let printed: serde_json::Value = serde_json::from_slice(&printed).unwrap();
    let example: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("examples/kestra.json").unwrap()).unwrap();
    assert_eq!(printed, example);
}

/// `(line, roles, eol)` of each supported line.
fn supported(policy: &str, on: &str) -> Vec<(String, String, String)> {
    let json = json_of(&["supported", "--on", on, "--policy", policy], 0);
    json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            let roles: Vec<&str> = line["roles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            (
                line["line"].as_str().unwrap().to_owned(),
                roles.join("+"),
                line["eol"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn row(line: &str, roles: &str, eol: &str) -> (String, String, String) {
    (line.to_owned(), roles.to_owned(), eol.to_owned())
}

#[test]
fn quarkus_in_june_2025() {
    // 3.23 until 3.24 (2025-06-25). 3.20: 2025-03-26 + 12 months = 2026-03-26,
    // but the 2nd LTS after it, 3.32 by the rule (anchor 3.20, every 6th line),
    // comes first: 3.25 (2025-07-30) + 7 months = 2026-02-28 (clamped), a
    // Saturday -> Wednesday 2026-03-04. 3.15: cut by 3.26, 2025-07-30 +
    // 1 month = 2025-08-30, a Saturday -> 2025-09-03, before 2025-09-25.
    assert_eq!(
        supported("examples/quarkus.json", "2025-06-01"),
        [
            row("3.23", "latest", "2025-06-25"),
            row("3.20", "latest-lts", "2026-03-04"),
            row("3.15", "previous-lts", "2025-09-03"),
        ]
    );
    // 3.20 and 3.21 came out the same day: 3.21 is the latest from its first day.
    assert_eq!(
        supported("examples/quarkus.json", "2025-03-26"),
        [
            row("3.21", "latest", "2025-04-30"),
            row("3.20", "latest-lts", "2026-03-04"),
            row("3.15", "previous-lts", "2025-09-03"),
        ]
    );
    assert_eq!(
        stdout_of(
            &[
                "backport-targets",
                "--latest",
                "3.23",
                "--branch",
                "--policy",
                "examples/quarkus.json"
            ],
            0
        ),
        "3.23\n3.20\n3.15\n"
    );
}

#[test]
fn camel_in_june_2025() {
    // 4.12 until 4.13 (2025-07-04). 4.10: 2025-02-07 + 12 months = 2026-02-07,
    // before 4.17 (anchor 4.14, every 3rd line: 2025-08-15 + 6 months =
    // 2026-02-15, a Sunday -> Friday 2026-02-20). 4.8 is cut by 4.14's release.
    assert_eq!(
        supported("examples/camel.json", "2025-06-01"),
        [
            row("4.12", "latest", "2025-07-04"),
            row("4.10", "latest-lts", "2026-02-07"),
            row("4.8", "previous-lts", "2025-08-15"),
        ]
    );
    assert_eq!(
        stdout_of(
            &[
                "backport-targets",
                "--on",
                "2025-06-01",
                "--branch",
                "--policy",
                "examples/camel.json"
            ],
            0
        ),
        "camel-4.12.x\ncamel-4.10.x\ncamel-4.8.x\n"
    );
}
