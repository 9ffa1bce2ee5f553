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

/// The exit code, stdout and the first line of stderr of the embedded
/// policy's run of `args`.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = embedded(args).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let first = stderr.lines().next().unwrap_or_default().to_owned();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        first,
    )
}

#[test]
fn dated_options_go_before_the_command_too() {
    // Kestra on 2026-03-01: 1.3 comes on 03-03, so 1.2 is the latest line
    // and 1.0 the LTS one; the same answer on either side of the command.
    let before = run(&["--on", "2026-03-01", "supported", "--format", "plain"]);
    let after = run(&["supported", "--on", "2026-03-01", "--format", "plain"]);
    assert_eq!(before, (Some(0), "1.2\n1.0\n".to_owned(), String::new()));
    assert_eq!(before, after);
    assert_eq!(
        run(&[
            "--policy",
            "examples/kestra.json",
            "--on=2026-03-01",
            "supported",
            "--format",
            "plain"
        ]),
        after
    );
    // --from and --to too: between 2026-01-01 and 06-30, 1.2 (01-13) and
    // 1.3 (03-03) come out.
    let releases = ["releases", "--on", "2026-03-01", "--format", "plain"];
    assert_eq!(
        run(&[
            &["--from", "2026-01-01", "--to", "2026-06-30"][..],
            &releases
        ]
        .concat()),
        (Some(0), "1.2\n1.3\n".to_owned(), String::new())
    );
}

#[test]
fn dated_options_before_the_command_are_checked_as_after_it() {
    let refused = |args: &[&str], first: &str| {
        let (code, stdout, stderr) = run(args);
        assert_eq!((code, stdout.as_str()), (Some(2), ""), "{args:?}");
        assert_eq!(stderr, first, "{args:?}");
    };
    // A command that answers for no day takes no --on.
    refused(
        &["--on", "2026-03-01", "completions", "bash"],
        "error: unexpected argument '--on' found",
    );
    // --latest is a day of its own; next-patch --after another.
    refused(
        &["--on", "2026-03-01", "backport-targets", "--latest", "1.3"],
        "error: the argument '--on <DATE>' cannot be used with '--latest <LINE>'",
    );
    refused(
        &["--on", "2026-03-01", "next-patch", "--after", "2026-03-01"],
        "error: the argument '--on <DATE>' cannot be used with '--after <DATE>'",
    );
    // Given on both sides, as twice on one: refused, as clap does.
    refused(
        &["--on", "2026-03-01", "supported", "--on", "2026-04-01"],
        "error: the argument '--on <DATE>' cannot be used multiple times",
    );
    // The date forgotten: the command is no date, and --on lacks one.
    refused(
        &["--on", "supported"],
        "error: a value is required for '--on <DATE>' but none was supplied",
    );
    // A bad date is named by its option wherever it stands.
    refused(
        &["--on", "2026-02-30", "supported"],
        "error: --on: invalid date \"2026-02-30\": February 2026 has 28 days",
    );
}

/// The exit code, stdout and whole stderr of the embedded policy's run of
/// `args`, which must be refused: exit 2, nothing on stdout.
#[track_caller]
fn refusal(args: &[&str]) -> String {
    let output = embedded(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
    assert!(output.stdout.is_empty(), "{args:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_near_miss_gets_the_nearest_name() {
    // Two letters swapped: one edit from --lts, two for clap's own measure.
    assert_eq!(
        refusal(&["supported", "--lst"]),
        "error: unexpected argument '--lst' found\n\
         \n  tip: a similar argument exists: '--lts'\n\
         \n\
         Usage: lts-policy supported [OPTIONS]\n\
         \n\
         For more information, try '--help'.\n"
    );
    // Before the command, among the program's own options.
    assert!(
        refusal(&["--plicy", "examples/nodejs.json", "supported"])
            .contains("\n  tip: a similar argument exists: '--policy'\n"),
    );
    // A value: two letters swapped, which clap's own measure misses.
    assert_eq!(
        refusal(&["timeline", "--format", "sgv"]),
        "error: invalid value 'sgv' for '--format <FORMAT>'\n  [possible values: text, svg]\n\
         \n  tip: a similar value exists: 'svg'\n\
         \n\
         For more information, try '--help'.\n"
    );
    assert!(refusal(&["completions", "zhs"]).contains("\n  tip: a similar value exists: 'zsh'\n"),);
    // A tag: `lastest` is one letter from `latest`, five from `latest-lts`.
    assert_eq!(
        refusal(&["tag", "lastest"]),
        "error: NAME: invalid tag \"lastest\": expected latest, latest-lts or a line such as 1.3\n\
         \n  tip: a similar tag exists: 'latest'\n"
    );
    assert!(
        refusal(&["tag", "latset-lts"]).ends_with("\n  tip: a similar tag exists: 'latest-lts'\n")
    );
    // A command, as clap has it; a product name, as the catalogue has it.
    assert!(refusal(&["suported"]).contains("\n  tip: a similar subcommand exists: 'supported'\n"));
    assert_eq!(
        refusal(&["--policy", "nodjs", "supported"]),
        "error: no policy file and no product named 'nodjs'; a similar name exists: 'nodejs'\n"
    );
}

#[test]
fn nothing_near_gets_no_tip() {
    // `stable` is four edits from `latest` (a third of 6 letters is 2).
    assert_eq!(
        refusal(&["tag", "stable"]),
        "error: NAME: invalid tag \"stable\": expected latest, latest-lts or a line such as 1.3\n"
    );
    assert!(!refusal(&["supported", "--xyz"]).contains("tip:"));
}
