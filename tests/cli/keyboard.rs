//! What a new user and a CI script trip on: the day the questions are asked
//! on (SOURCE_DATE_EPOCH), `next-patch --on` and `--day`, each command's own
//! formats in its help.

use super::catalog::formats;
use super::{asked_on_2026_12_01, embedded, printed_by_yes, stdout_of};

/// The embedded policy's plain `supported`, with SOURCE_DATE_EPOCH set to
/// `epoch` and `args` after it.
fn supported_at(epoch: &str, args: &[&str]) -> std::process::Output {
    let mut command = embedded(&["supported", "--format", "plain"]);
    command.args(args).env("SOURCE_DATE_EPOCH", epoch);
    command.output().unwrap()
}

#[test]
fn source_date_epoch_is_the_day_asked_on() {
    // 1772496000 = 20515 days * 86400: 2026-03-03 00:00 UTC (2026-01-01 is
    // day 20454; + 31 + 28 + 2), the day 1.3 comes and ends 1.2's support.
    let on_the_day = supported_at("1772496000", &[]);
    assert_eq!(String::from_utf8(on_the_day.stdout).unwrap(), "1.3\n1.0\n");
    // One second before, 2026-03-02 23:59:59 UTC: the day before.
    let the_day_before = supported_at("1772495999", &[]);
    assert_eq!(
        String::from_utf8(the_day_before.stdout).unwrap(),
        "1.2\n1.0\n"
    );
    // An explicit --on still wins.
    let asked = supported_at("1772496000", &["--on", "2026-03-01"]);
    assert_eq!(String::from_utf8(asked.stdout).unwrap(), "1.2\n1.0\n");
    // Set and empty is unset: today.
    assert_eq!(supported_at("", &[]).status.code(), Some(0));
}

#[test]
fn a_malformed_source_date_epoch_is_an_error() {
    for epoch in ["abc", "-1", "1.5", "99999999999999999999"] {
        let output = supported_at(epoch, &[]);
        assert_eq!(output.status.code(), Some(2), "{epoch}");
        assert!(output.stdout.is_empty(), "{epoch}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            format!(
                "error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 \
                 UTC, not {epoch:?}\n"
            )
        );
    }
}

#[test]
fn a_source_date_epoch_past_9999_is_an_error() {
    // 253402300800 seconds: 2932897 days (10000-01-01 is day 2932897 after
    // 1970-01-01, 8030 years of 365 days and 1947 leap days) * 86400.
    let output = supported_at("253402300800", &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: SOURCE_DATE_EPOCH 253402300800 falls after 9999-12-31, the last day a date \
         YYYY-MM-DD names\n"
    );
    // A second earlier is 9999-12-31, a day like any other.
    assert_eq!(
        supported_at("253402300799", &["--on", "2026-03-01"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn next_patch_takes_on_as_every_query_does() {
    // Kestra's patches come every Tuesday; 2026-12-01 is one, and --on
    // counts it, as today is counted; --after looks strictly after it.
    let on = ["next-patch", "--on", "2026-12-01", "--day"];
    assert_eq!(stdout_of(&on, 0), "2026-12-01\n");
    let after = ["next-patch", "--after", "2026-12-01", "--day"];
    assert_eq!(stdout_of(&after, 0), "2026-12-08\n");
    // 1796169600: 2026-12-02 00:00 UTC, a Wednesday: the next is the 8th.
    let mut from_epoch = embedded(&["next-patch", "--day"]);
    from_epoch.env("SOURCE_DATE_EPOCH", "1796169600");
    from_epoch.assert().code(0).stdout("2026-12-08\n");
    embedded(&["next-patch", "--on", "2026-12-01", "--after", "2026-12-01"])
        .assert()
        .code(2)
        .stdout("");
    embedded(&["next-patch", "--day", "--json"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --day prints the day alone, as text; --format json writes the whole \
             answer, the day included\n",
        );
}

#[test]
fn each_command_lists_the_formats_it_writes() {
    let offered = |command: &str| {
        let help = stdout_of(&[command, "--help"], 0);
        let format = help.split_once("--format <FORMAT>").unwrap().1;
        let values = format.split_once("Possible values:\n").unwrap().1;
        values
            .lines()
            .take_while(|line| line.trim_start().starts_with("- "))
            .map(|line| {
                let value = line.trim_start().trim_start_matches("- ");
                value.split(':').next().unwrap().to_owned()
            })
            .collect::<Vec<_>>()
    };
    for command in [
        "supported",
        "timeline",
        "man",
        "completions",
        "releases",
        "products",
    ] {
        assert_eq!(offered(command), formats(command), "{command}");
    }
    // Before the command every format is offered: the command decides.
    let top = stdout_of(&["--help"], 0);
    assert!(top.contains("- svg:") && top.contains("- roff:"), "{top}");
}

#[test]
fn status_answers_for_several_versions_in_every_format() {
    let args = ["status", "1.0.5", "1.3.2", "--on", "2026-11-25"];
    // 1.0's support ended on 2026-09-09 (announced); 1.3's lasts to
    // 2027-03-03. One "no" makes the whole answer a no.
    let plain = embedded(&[&args[..], &["--format", "plain"]].concat())
        .output()
        .unwrap();
    assert_eq!(plain.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(plain.stdout).unwrap(),
        "ended\nsupported\n"
    );
    let both = [
        "status",
        "1.3.2",
        "2.0.1",
        "--on",
        "2026-11-25",
        "--format",
        "plain",
    ];
    embedded(&both)
        .assert()
        .code(0)
        .stdout("supported\nsupported\n");
    let csv = embedded(&[&args[..], &["--format", "csv"]].concat())
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(
        rows[1].starts_with("1.0.5,1.0,2026-11-25,false,ended,"),
        "{csv}"
    );
    assert!(
        rows[2].starts_with("1.3.2,1.3,2026-11-25,true,supported,"),
        "{csv}"
    );
    // JSON: an array of the answers, each as for one version.
    let json = embedded(&[&args[..], &["--json"]].concat())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let versions: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|answer| answer["version"].as_str().unwrap())
        .collect();
    assert_eq!(versions, ["1.0.5", "1.3.2"]);
    let ndjson = embedded(&[&args[..], &["--format", "ndjson"]].concat())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(ndjson.stdout).unwrap().lines().count(), 2);
}

#[test]
fn ends_within_fails_a_version_before_its_end() {
    // 2026-11-25 to 1.3's end on 2027-03-03: 6 + 31 + 31 + 28 + 2... counted
    // by month: Nov 25 -> Dec 25 30, -> Jan 25 31, -> Feb 25 31, -> Mar 3
    // 6 = 98 days left. The end falls within 98 days, not within 97.
    let within = |days: &str| {
        embedded(&[
            "status",
            "1.3.2",
            "--on",
            "2026-11-25",
            "--ends-within",
            days,
        ])
        .output()
        .unwrap()
    };
    let ending = within("98");
    assert_eq!(ending.status.code(), Some(1));
    let text = String::from_utf8(ending.stdout).unwrap();
    assert!(
        text.starts_with(
            "1.3.2 is supported on 2026-11-25 (policy: kestra), but its support ends within 98 \
             days\n"
        ),
        "{text}"
    );
    assert!(text.contains("2027-03-03 (98 days left;"), "{text}");
    assert_eq!(within("97").status.code(), Some(0));
    // Plain keeps its state; stderr says why the answer is a no.
    let plain = embedded(&[
        "status",
        "1.3.2",
        "2.0.1",
        "--on",
        "2026-11-25",
        "--ends-within",
        "98",
        "--format",
        "plain",
    ])
    .output()
    .unwrap();
    assert_eq!(plain.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(plain.stdout).unwrap(),
        "supported\nsupported\n"
    );
    assert_eq!(
        String::from_utf8(plain.stderr).unwrap(),
        "1.3.2: support ends on 2027-03-03, within 98 days (98 days left)\n"
    );
    let json = embedded(&[
        "status",
        "1.3.2",
        "--on",
        "2026-11-25",
        "--ends-within",
        "98",
        "--json",
    ])
    .output()
    .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["ends_soon"], true);
    assert_eq!(json["days_left"], 98);
    // An ended version is a no with or without it.
    embedded(&[
        "status",
        "1.0.5",
        "--on",
        "2026-11-25",
        "--ends-within",
        "0",
    ])
    .assert()
    .code(1);
}

#[test]
fn ends_within_takes_weeks_months_and_years() {
    let code = |on: &str, period: &str| {
        let args = ["status", "1.3.2", "--on", on, "--ends-within", period];
        embedded(&args).output().unwrap().status.code()
    };
    // From 2026-11-25, 1.3's end (2027-03-03) is 98 days away, as above.
    for (period, within) in [
        ("98d", true),
        ("97d", false),
        // 14 weeks are 98 days; 13, 91.
        ("14w", true),
        ("13w", false),
        // 3 months: 2027-02-25, 30 + 31 + 31 = 92 days; 4: 2027-03-25.
        ("3m", false),
        ("4m", true),
        ("1y", true),
    ] {
        assert_eq!(
            code("2026-11-25", period),
            Some(if within { 1 } else { 0 }),
            "{period}"
        );
    }
    // From 2026-11-30, 3 months end on 2027-02-28 (February has no 30th),
    // before the end; from 2026-12-03, on 2027-03-03, the end itself.
    assert_eq!(code("2026-11-30", "3m"), Some(0));
    assert_eq!(code("2026-12-03", "3m"), Some(1));
    let output = embedded(&[
        "status",
        "1.3.2",
        "--on",
        "2026-11-25",
        "--ends-within",
        "4m",
    ])
    .output()
    .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(
            "1.3.2 is supported on 2026-11-25 (policy: kestra), but its support ends within 4 \
             months\n"
        ),
        "{text}"
    );
}

#[test]
fn ends_within_refuses_a_period_it_cannot_read() {
    for bad in ["30x", "3M", "-1", "1.5y", ""] {
        let output = embedded(&["status", "1.3.2", &format!("--ends-within={bad}")])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
        assert!(output.stdout.is_empty(), "{bad:?}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            format!(
                "error: --ends-within: invalid period {bad:?}: expected a number of days, or a \
                 number and d (days), w (weeks), m (months) or y (years), like 30, 30d, 6w, 3m \
                 or 1y\n"
            )
        );
    }
}

/// The embedded policy's answer to `args` on 2026-11-01, a yes: its
/// stdout and stderr.
fn on_2026_11_01(args: &[&str]) -> (String, String) {
    let output = embedded(&[args, &["--on", "2026-11-01"]].concat())
        .output()
        .unwrap();
    printed_by_yes(args, output)
}

#[test]
fn an_explanation_beside_one_item_per_line_goes_to_stderr() {
    let why_header = "Why, line by line, on 2026-11-01:\n";
    let (branches, why) = on_2026_11_01(&["backport-targets", "--branch", "--explain"]);
    assert_eq!(branches, "releases/v2.0.x\nreleases/v1.3.x\n");
    let first = format!("{why_header}  2.1: not released until 2026-11-10;");
    assert!(why.starts_with(&first), "{why}");
    let (lines, why) = on_2026_11_01(&["supported", "--format", "plain", "--explain"]);
    assert_eq!(lines, "2.0\n1.3\n");
    assert!(why.contains("\n  1.3: supported as previous-lts;"), "{why}");
    let (state, why) = on_2026_11_01(&["status", "1.3", "--format", "plain", "--explain"]);
    assert_eq!(state, "supported\n");
    assert!(
        why.starts_with(&format!("{why_header}  1.3: supported")),
        "{why}"
    );
    // Text for people keeps it on stdout, after the table.
    let table = stdout_of(&["supported", "--explain", "--on", "2026-11-01"], 0);
    assert!(
        table.contains("\nWhy, line by line, on 2026-11-01:\n"),
        "{table}"
    );
}

#[test]
fn a_bare_answer_resting_on_a_projection_says_so() {
    // 2.1 is due 2026-09-08 + 2 months, the next Tuesday: 2026-11-10; its
    // patches every Tuesday after: 11-17, 11-24, 12-01: 2.1.3. Neither is
    // in the history.
    let latest = asked_on_2026_12_01(&["tag", "latest"]);
    assert_eq!(String::from_utf8(latest.stdout).unwrap(), "2.1.3\n");
    assert_eq!(
        String::from_utf8(latest.stderr).unwrap(),
        "note: 2.1 (due 2026-11-10) and 2.1.3 (due 2026-12-01) are projected by the policy's \
         rules, not recorded: its history is complete up to 2026-09-18; --git DIR or --endoflife \
         FILE gives the facts, and --recorded the newest recorded version\n"
    );
    let branches = asked_on_2026_12_01(&["backport-targets", "--branch"]);
    assert_eq!(
        String::from_utf8(branches.stdout).unwrap(),
        "releases/v2.1.x\nreleases/v2.0.x\nreleases/v1.3.x\n"
    );
    assert!(
        String::from_utf8(branches.stderr)
            .unwrap()
            .starts_with("note: 2.1 (due 2026-11-10) is projected by the policy's rules")
    );
    // JSON says where each value comes from: no note.
    let json = asked_on_2026_12_01(&["tag", "latest", "--json"]);
    assert!(json.stderr.is_empty());
    // A projection for a day still to come is what was asked for.
    let later = asked_on_2026_12_01(&["tag", "latest", "--on", "2027-06-01"]);
    assert!(later.stderr.is_empty(), "{later:?}");
}

#[test]
fn tag_recorded_answers_from_the_history_alone() {
    // The history ends with 2.0 (2026-09-08), declared LTS, with no patch
    // recorded; 1.3's last recorded patch is 1.3.15.
    for (tag, version) in [
        ("latest", "2.0.0\n"),
        ("latest-lts", "2.0.0\n"),
        ("1.3", "1.3.15\n"),
    ] {
        let output = asked_on_2026_12_01(&["tag", tag, "--recorded"]);
        assert_eq!(output.status.code(), Some(0), "{tag}");
        assert_eq!(String::from_utf8(output.stdout).unwrap(), version, "{tag}");
        assert!(output.stderr.is_empty(), "{tag}: {:?}", output.stderr);
    }
    let projected = asked_on_2026_12_01(&["tag", "2.1", "--recorded"]);
    assert_eq!(projected.status.code(), Some(1));
    assert!(projected.stdout.is_empty());
    assert_eq!(
        String::from_utf8(projected.stderr).unwrap(),
        "tag 2.1 points to no version on 2026-12-01: 2.1 has no recorded version, only the \
         rules project it\n"
    );
    // Before the first release there is no recorded version either.
    let early = asked_on_2026_12_01(&["tag", "latest", "--recorded", "--on", "2025-01-01"]);
    assert_eq!(early.status.code(), Some(1));
}
