//! Answers that follow the facts: recorded patches wherever they fall,
//! every spelling of a version, and messages that name what was defaulted.
//! `tests/data/kestra-real.json` is Kestra's rules over the history
//! established from its own posts and releases (shared data).

use super::{json_of, kestra_flat, kestra_flat_file, stdout_of};

const REAL: &str = "tests/data/kestra-real.json";

#[test]
fn a_recorded_patch_off_the_schedule_is_a_patch_day() {
    // 1.0.1 came on Tuesday 2025-09-16, 1.0.2 on Wednesday 2025-09-24,
    // 1.0.3 on Tuesday 2025-09-30. Up to 1.0.9 only recorded patches exist,
    // so Tuesday 2025-09-23 ships nothing and the next patch day is the 24th.
    let json = json_of(
        &["next-patch", "--after", "2025-09-16", "--policy", REAL],
        0,
    );
    assert_eq!(json["day"], "2025-09-24");
    assert_eq!(json["weekday"], "Wednesday");
    assert_eq!(json["patches"][0]["version"], "1.0.2");
    assert_eq!(json["patches"][0]["source"], "history");
    // Every command sees the same patch.
    assert_eq!(
        stdout_of(&["tag", "1.0", "--on", "2025-09-24", "--policy", REAL], 0),
        "1.0.2\n"
    );
    let ics = stdout_of(
        &[
            "releases",
            "--from",
            "2025-09-01",
            "--to",
            "2025-09-30",
            "--on",
            "2025-10-01",
            "--format",
            "ics",
            "--policy",
            REAL,
        ],
        0,
    );
    let summaries: Vec<&str> = ics
        .lines()
        .filter(|line| line.starts_with("SUMMARY:kestra patch day"))
        .collect();
    assert_eq!(
        summaries,
        [
            "SUMMARY:kestra patch day: 1.0.1",
            "SUMMARY:kestra patch day: 1.0.2",
            "SUMMARY:kestra patch day: 1.0.3",
        ]
    );
}

#[test]
fn a_backport_after_a_lines_end_is_a_patch_day() {
    // Kestra backported to 1.1 in May 2026, after 1.2 (2026-01-13) had
    // ended it; the history here adds such a patch, 1.1.14 on Tuesday
    // 2026-05-12, to the established ones.
    let mut policy: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(REAL).unwrap()).unwrap();
    policy["history"][1]["patches"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"version": "1.1.14", "released": "2026-05-12"}));
    let file =
        std::env::temp_dir().join(format!("lts-policy-backport-{}.json", std::process::id()));
    std::fs::write(&file, policy.to_string()).unwrap();
    let path = file.to_str().unwrap();
    let json = json_of(
        &["next-patch", "--after", "2026-05-11", "--policy", path],
        0,
    );
    let text = stdout_of(
        &["next-patch", "--after", "2026-05-11", "--policy", path],
        0,
    );
    std::fs::remove_file(&file).unwrap();
    assert_eq!(json["day"], "2026-05-12");
    let shipped: Vec<(&str, &serde_json::Value)> = json["patches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|patch| (patch["version"].as_str().unwrap(), &patch["roles"]))
        .collect();
    // 1.3 (LTS, the latest) gets its weekly projected patch: 1.3.15 on
    // 2026-04-29 was the last recorded, then 05-05 and 05-12 (1.3.17); 1.0
    // (LTS until 2026-09-09): 1.0.9 on 2025-11-03, then one a Tuesday from
    // 11-04 to 2026-05-12, 28 weeks: 1.0.37. 1.1's backport has no role.
    assert_eq!(
        shipped,
        [
            ("1.3.17", &serde_json::json!(["latest", "latest-lts"])),
            ("1.1.14", &serde_json::json!([])),
            ("1.0.37", &serde_json::json!(["previous-lts"])),
        ]
    );
    assert!(text.contains("1.1.14   1.1   backport"), "{text}");
}

#[test]
fn tag_takes_every_spelling_of_a_version() {
    let line = stdout_of(&["tag", "1.3", "--on", "2026-11-25"], 0);
    for spelling in ["1.3.0", "v1.3.7", "v1.3"] {
        assert_eq!(
            stdout_of(&["tag", spelling, "--on", "2026-11-25"], 0),
            line,
            "{spelling}"
        );
    }
}

#[test]
fn supported_lts_says_when_no_lts_line_is_maintained() {
    // One month of LTS support: 1.0 is maintained as LTS until 2025-10-09;
    // on 2026-01-20 1.2 is the latest and no LTS line is maintained.
    let mut policy = kestra_flat_file();
    policy["lts_support_months"] = 1.into();
    let file = std::env::temp_dir().join(format!("lts-policy-nolts-{}.json", std::process::id()));
    std::fs::write(&file, policy.to_string()).unwrap();
    let path = file.to_str().unwrap();
    let text = stdout_of(
        &["supported", "--lts", "--on", "2026-01-20", "--policy", path],
        0,
    );
    let plain = stdout_of(
        &[
            "supported",
            "--lts",
            "--on",
            "2026-01-20",
            "--format",
            "plain",
            "--policy",
            path,
        ],
        0,
    );
    std::fs::remove_file(&file).unwrap();
    assert_eq!(
        text,
        "No LTS line is maintained on 2026-01-20 (policy: kestra)\n"
    );
    assert_eq!(plain, "");
    // Before the first release the answer still says so.
    assert!(
        stdout_of(&["supported", "--lts", "--on", "2025-01-01"], 0)
            .starts_with("Nothing is supported on 2025-01-01")
    );
}

#[test]
fn an_empty_matrix_is_kept_and_the_readme_skips_its_job() {
    // Before the first release there is nowhere to backport to.
    assert_eq!(
        stdout_of(
            &[
                "backport-targets",
                "--on",
                "2025-01-01",
                "--format",
                "github-matrix"
            ],
            0
        ),
        "{\"include\":[]}\n"
    );
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains("if: needs.targets.outputs.matrix != '{\"include\":[]}'"),
        "the README's recipe skips the job when there is no target"
    );
}

#[test]
fn the_readme_documents_each_csv_header_as_written() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let documented = |command: &str| -> String {
        let row = readme
            .lines()
            .find(|line| line.starts_with(&format!("| {command} |")))
            .unwrap_or_else(|| panic!("no README row for {command}"));
        row.split('`')
            .nth(row.matches('`').count() - 1)
            .unwrap()
            .to_owned()
    };
    for (command, args, code) in [
        (
            "`supported`, `backport-targets`",
            &["supported", "--on", "2026-03-01"][..],
            0,
        ),
        ("`releases`", &["releases", "--on", "2026-03-01"], 0),
        ("`status`", &["status", "1.3", "--on", "2026-11-25"], 0),
        ("`tag`", &["tag", "latest", "--on", "2026-03-01"], 0),
        ("`next-patch`", &["next-patch", "--after", "2026-03-01"], 0),
        ("`audit`", &["audit", "--on", "2026-11-25"], 1),
    ] {
        let mut args = args.to_vec();
        args.extend(["--format", "csv"]);
        let csv = stdout_of(&args, code);
        assert_eq!(
            csv.lines().next().unwrap(),
            documented(command),
            "{command}"
        );
    }
}

#[test]
fn a_range_error_says_which_end_was_a_default() {
    kestra_flat(&["releases", "--from", "2030-01-01", "--on", "2026-11-25"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: the range starts on 2030-01-01, after its end on 2027-11-25 (by default, \
             one LTS support period, 12 months, after 2026-11-25)\n",
        );
    kestra_flat(&["releases", "--to", "2020-01-01"])
        .assert()
        .code(2)
        .stderr(
            "error: the range starts on 2025-09-09 (by default, the first release), after its \
             end on 2020-01-01\n",
        );
}

#[test]
fn the_embedded_history_looks_old_two_release_intervals_after_its_newest_release() {
    // Its newest release is 2.0 (2026-09-08); a minor every 2 months makes
    // two intervals 4 months, to 2027-01-08. Today is SOURCE_DATE_EPOCH's
    // day: 2027-01-08 is 20826 days after 1970-01-01 (2026-01-01 is day
    // 20454, plus 365, plus 7), 1799366400 seconds.
    let asked_on = |epoch: &str, args: &[&str]| {
        let output = super::embedded(args)
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    assert_eq!(asked_on("1799366400", &["supported"]), "");
    // A day still to come is measured by today: the facts are not older.
    assert_eq!(
        asked_on("1799366400", &["supported", "--on", "2027-06-01"]),
        ""
    );
    // The day after, 86400 seconds on.
    assert_eq!(
        asked_on("1799452800", &["supported"]),
        "note: the facts look old: the newest release the history records came out on \
         2026-09-08, more than two release intervals (4 months) before 2027-01-09\n"
    );
    // Asked about a day the facts cover, nothing is said.
    assert_eq!(
        asked_on("1799452800", &["supported", "--on", "2026-11-25"]),
        ""
    );
}
