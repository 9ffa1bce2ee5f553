//! Each command on the embedded Kestra policy.

use serde_json::json;

use super::{LEGEND, json_of, kestra_flat, stdout_of};

#[test]
fn supported_text_matches_the_worked_example() {
    // 1.2: latest until 1.3 on 2026-03-03 (2 days); Tuesdays 01-20 .. 02-24 -> 1.2.6.
    // 1.0: LTS until 2025-09-09 + 12 months (184 + 8 = 192 days left);
    //      Tuesdays 2025-09-16 .. 2026-02-24 = 161 days / 7 + 1 = 24 -> 1.0.24.
    let expected = format!(
        "Supported on 2026-03-01 (policy: kestra)

LINE  ROLES       RELEASED    LTS  EOL          DAYS LEFT  LATEST PATCH
1.2   latest      2026-01-13  no*  2026-03-03   2          1.2.6*
1.0   latest-lts  2025-09-09  yes  2026-09-09*  192        1.0.24*

{LEGEND}"
    );
    assert_eq!(stdout_of(&["supported", "--on", "2026-03-01"], 0), expected);
}

#[test]
fn supported_json_says_where_every_value_came_from() {
    assert_eq!(
        json_of(&["supported", "--on", "2026-03-01"], 0),
        json!({
            "schema_version": 1,
            "policy": "kestra",
            "on": "2026-03-01",
            "lines": [
                {
                    "line": "1.2", "released": "2026-01-13", "lts": false,
                    "eol": "2026-03-03", "eol_by": "next_release", "eol_by_line": "1.3",
                    // Recorded, as is the release its end counts from: no range.
                    "released_range": null, "eol_range": null,
                    "lts_until": null, "branch": "releases/v1.2.x", "roles": ["latest"],
                    "latest_patch": "1.2.6", "days_left": 2, "projected": false, "overdue": false,
                    // One phase: active until the eol; not LTS, so no LTS start.
                    "lts_from": null, "active_until": "2026-03-03", "phase": "active",
                    "source": {"released": "history", "lts": "rules", "eol": "history", "latest_patch": "rules",
                               "lts_from": null, "active_until": "history"}
                },
                {
                    "line": "1.0", "released": "2025-09-09", "lts": true,
                    "eol": "2026-09-09", "eol_by": "lts_support_period",
                    "released_range": null, "eol_range": null,
                    "lts_until": "2026-09-09", "branch": "releases/v1.0.x", "roles": ["latest-lts"],
                    "latest_patch": "1.0.24", "days_left": 192, "projected": false, "overdue": false,
                    // LTS from its release; active until its eol.
                    "lts_from": "2025-09-09", "active_until": "2026-09-09", "phase": "active",
                    "source": {"released": "history", "lts": "history", "eol": "rules", "latest_patch": "rules",
                               "lts_from": "history", "active_until": "rules"}
                }
            ]
        })
    );
}

#[test]
fn supported_before_the_first_release_is_an_empty_answer() {
    assert_eq!(
        stdout_of(&["supported", "--on", "2025-09-08"], 0),
        "Nothing is supported on 2025-09-08 (policy: kestra): the first line, 1.0, is released on 2025-09-09\n"
    );
    assert_eq!(
        json_of(&["supported", "--on", "2025-09-08"], 0)["lines"],
        json!([])
    );
}

#[test]
fn supported_marks_a_projected_line() {
    let json = json_of(&["supported", "--on", "2026-11-25"], 0);
    // 2.1 is projected on 2026-11-10 and ends when 2.2 comes on 2027-01-12.
    assert_eq!(json["lines"][0]["line"], "2.1");
    assert_eq!(json["lines"][0]["projected"], true);
    assert_eq!(json["lines"][0]["released"], "2026-11-10");
    assert_eq!(json["lines"][0]["source"]["released"], "rules");
    assert_eq!(json["lines"][1]["line"], "1.3");
}

#[test]
fn backport_targets_print_one_line_or_branch_per_line() {
    assert_eq!(
        stdout_of(&["backport-targets", "--latest", "1.3"], 0),
        "1.3\n1.0\n"
    );
    assert_eq!(
        stdout_of(&["backport-targets", "--latest", "v1.3.0", "--branch"], 0),
        "releases/v1.3.x\nreleases/v1.0.x\n"
    );
    assert_eq!(
        stdout_of(
            &[
                "backport-targets",
                "--latest",
                "1.3",
                "--branch",
                "backport/{major}.{minor}"
            ],
            0
        ),
        "backport/1.3\nbackport/1.0\n"
    );
    assert_eq!(
        stdout_of(
            &["backport-targets", "--latest", "1.3", "--since", "1.3"],
            0
        ),
        "1.3\n"
    );
    assert_eq!(
        stdout_of(&["backport-targets", "--on", "2026-03-01"], 0),
        "1.2\n1.0\n"
    );
    // Before the first release there is nowhere to backport to.
    assert_eq!(
        stdout_of(&["backport-targets", "--on", "2025-01-01"], 0),
        ""
    );
}

#[test]
fn backport_targets_json() {
    let json = json_of(
        &[
            "backport-targets",
            "--latest",
            "1.3",
            "--branch",
            "b-{major}-{minor}",
        ],
        0,
    );
    assert_eq!(json["on"], "2026-03-03");
    assert_eq!(json["latest"], "1.3");
    assert_eq!(json["since"], json!(null));
    let targets: Vec<_> = json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["line"].clone(), t["branch"].clone(), t["roles"].clone()))
        .collect();
    assert_eq!(
        targets,
        [
            (
                json!("1.3"),
                json!("b-1-3"),
                json!(["latest", "latest-lts"])
            ),
            (json!("1.0"), json!("b-1-0"), json!(["previous-lts"])),
        ]
    );
}

#[test]
fn status_json_has_the_spec_fields() {
    let json = json_of(&["status", "v1.1", "--on", "2026-03-01"], 1);
    // 1.1 ended with 1.2 on 2026-01-13, 47 days earlier; 1.2 is the smallest upgrade.
    for (field, value) in [
        ("version", json!("1.1")),
        ("line", json!("1.1")),
        ("on", json!("2026-03-01")),
        ("supported", json!(false)),
        ("state", json!("ended")),
        ("roles", json!([])),
        ("eol", json!("2026-01-13")),
        ("days_left", json!(-47)),
        ("upgrade_to", json!("1.2.6")),
    ] {
        assert_eq!(json[field], value, "{field}");
    }
    assert_eq!(json["details"]["source"]["lts"], "history");
}

#[test]
fn status_on_the_eol_day_is_no_longer_supported() {
    stdout_of(&["status", "1.0", "--on", "2026-09-08"], 0);
    stdout_of(&["status", "1.0", "--on", "2026-09-09"], 1);
}

#[test]
fn releases_text_lists_known_and_projected_lines() {
    // 2.2: 2027-01-12 + 12 months = 2028-01-12, but LTS 2.8 comes 2028-01-11.
    let expected = format!(
        "Releases from 2026-09-08 to 2027-01-12 (policy: kestra)

LINE  RELEASED     LTS   EOL          ENDED BY
2.0   2026-09-08   no*   2026-11-10*  release of 2.1
2.1   2026-11-10*  no*   2027-01-12*  release of 2.2
2.2   2027-01-12*  yes*  2028-01-11*  release of LTS 2.8

{LEGEND}"
    );
    assert_eq!(
        stdout_of(
            &["releases", "--from", "2026-09-08", "--to", "2027-01-12"],
            0
        ),
        expected
    );
}

#[test]
fn releases_json_defaults_to_one_support_period_after_on() {
    let json = json_of(&["releases", "--on", "2026-01-01"], 0);
    assert_eq!(
        (json["from"].clone(), json["to"].clone()),
        (json!("2025-09-09"), json!("2027-01-01"))
    );
    let lines: Vec<_> = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["line"].clone())
        .collect();
    assert_eq!(lines, ["1.0", "1.1", "1.2", "1.3", "2.0", "2.1"]);
    assert_eq!(json["lines"][3]["lts"], true);
    assert_eq!(json["lines"][3]["eol"], "2027-03-03");
}

#[test]
fn tag_prints_the_version_alone() {
    assert_eq!(
        stdout_of(&["tag", "latest", "--on", "2026-11-25"], 0),
        "2.1.2\n"
    );
    assert_eq!(
        stdout_of(&["tag", "latest-lts", "--on", "2026-11-25"], 0),
        "1.3.38\n"
    );
    assert_eq!(
        stdout_of(&["tag", "1.0", "--on", "2026-11-25"], 0),
        "1.0.52\n"
    );
    // 2026-03-02 is a Monday, the eve of 1.3: still 1.0, at its 24th Tuesday.
    let json = json_of(&["tag", "latest-lts", "--on", "2026-03-02"], 0);
    assert_eq!(
        (
            json["tag"].clone(),
            json["version"].clone(),
            json["line"].clone()
        ),
        (json!("latest-lts"), json!("1.0.24"), json!("1.0"))
    );
}

#[test]
fn a_tag_that_points_nowhere_yet_exits_1() {
    kestra_flat(&["tag", "2.2", "--on", "2026-11-25"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("tag 2.2 points to no version on 2026-11-25: 2.2 is released on 2027-01-12\n");
    let json = json_of(&["tag", "latest", "--on", "2025-01-01"], 1);
    assert_eq!(json["version"], json!(null));
}

#[test]
fn next_patch_lists_what_ships() {
    // On a release day the new line is listed apart from the patches.
    let json = json_of(&["next-patch", "--after", "2027-01-05"], 0);
    assert_eq!(json["day"], "2027-01-12");
    assert_eq!(json["patches"][0]["version"], "1.3.45");
    assert_eq!(json["new_lines"][0]["version"], "2.2.0");
}

#[test]
fn policy_prints_a_file_that_policy_accepts() {
    let printed = stdout_of(&["policy"], 0);
    let file = std::env::temp_dir().join(format!("lts-policy-{}.json", std::process::id()));
    std::fs::write(&file, &printed).unwrap();
    let path = file.to_str().unwrap();
    let reloaded = stdout_of(&["supported", "--on", "2026-03-01", "--policy", path], 0);
    std::fs::remove_file(&file).unwrap();
    assert_eq!(reloaded, stdout_of(&["supported", "--on", "2026-03-01"], 0));
    let json: serde_json::Value = serde_json::from_str(&printed).unwrap();
    // The first form's rules, printed in the general form.
    assert_eq!(
        json["releases"],
        json!({"every_months": 2, "on": "Tuesday"})
    );
    assert_eq!(
        json["lts"],
        json!({"every": 3, "support": {"months": 12, "until_next": 2}})
    );
    assert_eq!(
        json["history"][1],
        json!({"line": "1.1", "released": "2025-11-04", "lts": false})
    );
}

#[test]
fn help_shows_the_date_and_version_forms() {
    let help = stdout_of(&["--help"], 0);
    assert!(help.contains("Dates are YYYY-MM-DD"), "{help}");
    assert!(help.contains("1.3, 1.3.0, 1.3.7 or v1.3.7"), "{help}");
}

#[test]
fn help_lists_every_command_with_what_it_answers() {
    // Each command's arguments are built only when it runs; its line in the
    // list is not.
    let help = stdout_of(&["--help"], 0);
    for line in [
        "  supported         Lines supported on a date",
        "  backport-targets  Lines (or branch names) a fix must be backported to",
        "  audit             Check the history against the policy",
        "  policy            Print the effective policy as JSON",
    ] {
        assert!(help.contains(line), "{line:?} in {help}");
    }
    let status = stdout_of(&["status", "--help"], 0);
    assert!(
        status.starts_with(
            "Whether a version is supported, until when, and what to upgrade to\n\n\
             Exits 0 when every VERSION is supported on the date (and, with --ends-within PERIOD, \
             stays supported\npast that PERIOD), 1 when one is not.\n"
        ),
        "{status}"
    );
}
