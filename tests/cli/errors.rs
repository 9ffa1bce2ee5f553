//! Bad input: exit 2, one `error:` line on stderr, nothing on stdout.

use super::lts_policy;

/// Arguments and the exact line they must print on stderr.
const BAD_INPUTS: &[(&[&str], &str)] = &[
    (
        &["supported", "--on", "2026-02-30"],
        "--on: invalid date \"2026-02-30\": February 2026 has 28 days",
    ),
    (
        &["supported", "--on", "2026-1-1"],
        "--on: invalid date \"2026-1-1\": expected YYYY-MM-DD, like 2026-03-01",
    ),
    (
        &["supported", "--on", ""],
        "--on: invalid date \"\": expected YYYY-MM-DD, like 2026-03-01",
    ),
    (
        &["releases", "--from", "2026-02-29"],
        "--from: invalid date \"2026-02-29\": February 2026 has 28 days",
    ),
    (
        &["releases", "--to", "2026-13-01"],
        "--to: invalid date \"2026-13-01\": there is no month 13",
    ),
    (
        &["releases", "--from", "2027-01-01", "--to", "2026-01-01"],
        "the range starts on 2027-01-01, after its end on 2026-01-01",
    ),
    (
        &["next-patch", "--after", "tomorrow"],
        "--after: invalid date \"tomorrow\": expected YYYY-MM-DD, like 2026-03-01",
    ),
    (
        &["status", "1.4"],
        "line 1.4 is not in the kestra policy: after 1.3 came 2.0",
    ),
    (
        &["status", "0.1.0"],
        "line 0.1 is not in the kestra policy: its first line is 1.0",
    ),
    (
        &["status", "1.x"],
        "VERSION: invalid version \"1.x\": unexpected character 'x' while parsing minor version number",
    ),
    (
        &["status", ""],
        "VERSION: invalid version \"\": expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or v1.3.7",
    ),
    (
        &["status", "99999999999999999999.0"],
        "VERSION: invalid version \"99999999999999999999.0\": value of major version number exceeds u64::MAX",
    ),
    (
        &["status", "2.99999999"],
        "the projected release of 2.99999999 is beyond the dates this tool can compute (the last is +262142-12-31)",
    ),
    (
        &["backport-targets", "--latest", "1.4"],
        "--latest: line 1.4 is not in the kestra policy: after 1.3 came 2.0",
    ),
    (
        &["backport-targets", "--since", "3.0"],
        "--since: line 3.0 is not in the kestra policy: majors are never projected; after 2.0 come 2.1, 2.2 and so on",
    ),
    (
        &["backport-targets", "--branch", "v{patch}"],
        "--branch: invalid branch template \"v{patch}\": unknown placeholder {patch}; expected {major} or {minor}",
    ),
    (
        &["tag", "stable"],
        "NAME: invalid tag \"stable\": expected latest, latest-lts or a line such as 1.3",
    ),
    (
        &["tag", "1.4"],
        "line 1.4 is not in the kestra policy: after 1.3 came 2.0",
    ),
    (
        &["supported", "--policy", "tests/data/not-json.json"],
        "policy file tests/data/not-json.json: expected `,` or `}` at line 4 column 3",
    ),
    (
        &["supported", "--policy", "tests/data/nonsense.json"],
        "policy file tests/data/nonsense.json: minor_every_months: expected 1 to 1200 months, got 0",
    ),
    (
        &["supported", "--policy", "tests/data/unsorted.json"],
        "policy file tests/data/unsorted.json: history[2].line: 1.1 comes after 1.2; list lines in release order",
    ),
    (
        &["supported", "--policy", "tests/data/missing.json"],
        "cannot read policy file tests/data/missing.json: No such file or directory (os error 2)",
    ),
];

#[test]
fn every_bad_input_gets_one_error_line_and_exit_2() {
    for (args, message) in BAD_INPUTS {
        lts_policy(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("error: {message}\n"));
    }
}

#[test]
fn usage_errors_are_clap_errors_with_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["status"],
        &["backport-targets", "--latest", "1.3", "--on", "2026-03-03"],
        &["supported", "--on"],
    ] {
        let output = lts_policy(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).starts_with("error: "),
            "{args:?}"
        );
    }
}

#[test]
fn today_is_the_default_date() {
    lts_policy(&["supported"]).assert().success();
    lts_policy(&["next-patch"]).assert().success();
}
