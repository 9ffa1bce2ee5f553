//! `--policy tests/data/monthly.json`: Thursdays, monthly minors, an LTS
//! every 4 lines from 4.0, 18 months of support, 4 LTS lines in parallel.

use serde_json::json;

use super::{
    LEGEND, RANGES_LEGEND, kestra_flat, stdout_noting_old_facts, stdout_of, stdout_projected,
};

const MONTHLY: &str = "tests/data/monthly.json";

#[test]
fn backport_targets_use_the_policys_branch_template() {
    // On 2024-02-01 4.17 comes out; LTS 4.16, 4.12, 4.8 and 4.0 (until 2024-02-29).
    let args = [
        "backport-targets",
        "--on",
        "2024-02-01",
        "--branch",
        "--policy",
        MONTHLY,
    ];
    let output = kestra_flat(&args).output().unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "stable/4.17\nstable/4.16\nstable/4.12\nstable/4.8\nstable/4.0\n"
    );
    // The history ends with 4.5 (2023-02-10): the four lines after it are
    // the rules' alone, and their days have come by the tests' day,
    // 2026-09-07. Its newest release, 4.5.2 on 2023-02-10, is more than two
    // intervals of a minor a month (2 months, to 2023-04-10) before the day.
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "note: 4.17 (due 2024-02-01), 4.16 (due 2024-01-04), 4.12 (due 2023-08-31) and 4.8 (due \
         2023-05-04) are projected by the policy's rules, not recorded: its history is complete \
         up to 2023-02-10; --git DIR or --endoflife FILE gives the facts\n\
         note: the facts look old: the newest release the history records came out on \
         2023-02-10, more than two release intervals (2 months) before 2024-02-01\n"
    );
}

#[test]
fn an_lts_line_ends_on_a_leap_day() {
    // 4.0: 2022-08-31 + 18 months = 2024-02-29.
    stdout_noting_old_facts(
        &["status", "4.0.3", "--on", "2024-02-28", "--policy", MONTHLY],
        0,
    );
    stdout_noting_old_facts(
        &["status", "4.0.3", "--on", "2024-02-29", "--policy", MONTHLY],
        1,
    );
}

#[test]
fn a_known_patch_is_the_tag_until_counting_resumes() {
    let tag = |on| ["tag", "4.5", "--on", on, "--policy", MONTHLY];
    // 4.5.2 is recorded; 4.5.3 the rules' (noted on stderr).
    assert_eq!(stdout_of(&tag("2023-02-10"), 0), "4.5.2\n");
    assert_eq!(stdout_projected(&tag("2023-02-16"), 0), "4.5.3\n");
}

#[test]
fn supported_json_for_a_projected_lts_line() {
    let json: serde_json::Value = serde_json::from_str(&stdout_noting_old_facts(
        &[
            "supported",
            "--on",
            "2024-02-01",
            "--policy",
            MONTHLY,
            "--json",
        ],
        0,
    ))
    .unwrap();
    let four_sixteen = &json["lines"][1];
    // 4.16: k=11, 2023-12-31 (Sunday) -> Thursday 2024-01-04. Its support,
    // 2024-01-04 + 18 months = 2025-07-04, is cut by the 4th LTS after it,
    // 4.32: k=27, 2025-04-30 (Wednesday) -> 2025-05-01, 366 + 89 = 455 days on.
    // Thursdays 01-11, 01-18, 01-25, 02-01 -> 4.16.4.
    // The 80% ranges (see releases_across_month_ends: (-10, 1) days for the
    // next line): 4.16 is 11 lines ahead, sqrt(11) = 3.317: -33.17 and
    // 3.32, from 33 days before 01-04 (12-02) to 3 after (01-07); its end
    // moves with 4.32, 27 ahead, sqrt(27) = 5.196: -51.96 and 5.20, from 52
    // days before 2025-05-01 (30 in April, 22 back in March: 03-10) to 5
    // after (05-06).
    assert_eq!(
        *four_sixteen,
        json!({
            "line": "4.16", "released": "2024-01-04", "lts": true,
            "eol": "2025-05-01", "eol_by": "lts_superseded", "eol_by_line": "4.32",
            "released_range": {"from": "2023-12-02", "to": "2024-01-07"},
            "eol_range": {"from": "2025-03-10", "to": "2025-05-06"},
            "lts_until": "2025-05-01", "branch": "stable/4.16", "roles": ["latest-lts"],
            "latest_patch": "4.16.4", "days_left": 455, "projected": true, "overdue": false,
            "lts_from": "2024-01-04", "active_until": "2025-05-01", "phase": "active",
            "source": {"released": "rules", "lts": "rules", "eol": "rules", "latest_patch": "rules",
                       "lts_from": "rules", "active_until": "rules"}
        })
    );
    assert_eq!(json["policy"], "monthly");
}

#[test]
fn releases_across_month_ends() {
    // The 80% ranges, from the track record of the five releases after 4.0
    // (a month after the one before, then the first Thursday):
    //   4.1 due 09-30 + Thu = 10-06, came 09-29: -7; 4.2 due 11-03, came
    //   10-27: -7; 4.3 due 12-01, came then: 0; 4.4 due 01-05: 0; 4.5 due
    //   02-09, came 01-31: -9.
    // Weights halve every 365 days back from 01-31: 4.5 1.0, 4.4 0.952,
    // 4.3 0.890, 4.2 0.833, 4.1 0.790 (total 4.465). Sorted, -9 alone
    // reaches 10% of it, and 90% (4.019) only with the last 0: a middle of
    // (-9, 0). Five slips are few: their effective count is 4.465^2 /
    // (1.0^2 + 0.952^2 + 0.890^2 + 0.833^2 + 0.790^2) = 19.936 / 4.016 =
    // 4.964, and the ranks 0.1 * 5.964 = 0.596 and 0.9 * 5.964 = 5.367 fall
    // outside the slips, 0.404 of a spacing each way; the middle's spacing
    // is 9 / (0.8 * 4.964) = 2.266 days, and 0.404 of it 0.92, a day:
    // (-10, 1) days for the next line, widened by the square root of how
    // many lines ahead: 4.7 (2) -14.14 and 1.41, (-14, 1); 4.8 (3) -17.32
    // and 1.73, (-17, 2); 4.24 (19) -43.59 and 4.36, (-44, 4). Each end
    // counted from a projected release moves with it.
    let expected = format!(
        "Releases from 2023-01-01 to 2023-05-31 (policy: monthly)

LINE  RELEASED     LTS   EOL          ENDED BY
4.4   2023-01-05   no    2023-01-31   release of 4.5
4.5   2023-01-31   no*   2023-03-02*  release of 4.6
4.6   2023-03-02*  no*   2023-04-06*  release of 4.7
4.7   2023-04-06*  no*   2023-05-04*  release of 4.8
4.8   2023-05-04*  yes*  2024-09-05*  release of LTS 4.24

{LEGEND}{RANGES_LEGEND}
  4.5   eol 2023-02-20 to 2023-03-03
  4.6   released 2023-02-20 to 2023-03-03, eol 2023-03-23 to 2023-04-07
  4.7   released 2023-03-23 to 2023-04-07, eol 2023-04-17 to 2023-05-06
  4.8   released 2023-04-17 to 2023-05-06, eol 2024-07-23 to 2024-09-09
"
    );
    let args = [
        "releases",
        "--from",
        "2023-01-01",
        "--to",
        "2023-05-31",
        "--policy",
        MONTHLY,
    ];
    assert_eq!(stdout_noting_old_facts(&args, 0), expected);
}

#[test]
fn next_patch_on_thursdays() {
    // After Wednesday 2023-02-08: Thursday 02-09 ships the known 4.5.1, and
    // 4.0's 24th Thursday (2022-09-01 .. 2023-02-09 = 161 days = 23 weeks).
    let json: serde_json::Value = serde_json::from_str(&stdout_noting_old_facts(
        &[
            "next-patch",
            "--after",
            "2023-02-08",
            "--policy",
            MONTHLY,
            "--json",
        ],
        0,
    ))
    .unwrap();
    assert_eq!(json["day"], "2023-02-09");
    assert_eq!(json["weekday"], "Thursday");
    let shipped: Vec<_> = json["patches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["version"].clone())
        .collect();
    assert_eq!(shipped, ["4.5.1", "4.0.24"]);
    assert_eq!(json["patches"][0]["source"], "history");
}

#[test]
fn global_options_go_before_or_after_the_command() {
    let before = stdout_of(
        &[
            "--policy",
            MONTHLY,
            "--json",
            "tag",
            "latest",
            "--on",
            "2023-02-10",
        ],
        0,
    );
    let after = stdout_of(
        &[
            "tag",
            "latest",
            "--on",
            "2023-02-10",
            "--policy",
            MONTHLY,
            "--json",
        ],
        0,
    );
    assert_eq!(before, after);
    assert!(before.contains("\"version\":\"4.5.2\""), "{before}");
}
