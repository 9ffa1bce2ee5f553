//! Bad input: exit 2, one `error:` line on stderr, nothing on stdout.

use super::kestra_flat;

/// Arguments and the exact line they must print on stderr.
const BAD_INPUTS: &[(&[&str], &str)] = &[
    (
        &["supported", "--on", "2025-02-29"],
        "--on: invalid date \"2025-02-29\": February 2025 has 28 days",
    ),
    (
        &["supported", "--on", "10000-01-01"],
        "--on: invalid date \"10000-01-01\": expected YYYY-MM-DD, like 2026-03-01",
    ),
    (
        &["supported", "--on=-2026-01-01"],
        "--on: invalid date \"-2026-01-01\": expected YYYY-MM-DD, like 2026-03-01",
    ),
    (
        &["releases", "--from", "２０２６-01-01"],
        "--from: invalid date \"２０２６-01-01\": expected YYYY-MM-DD, like 2026-03-01",
    ),
    (
        &["next-patch", "--after", "2026-02-29"],
        "--after: invalid date \"2026-02-29\": February 2026 has 28 days",
    ),
    (
        &["status", "é.1"],
        "VERSION: invalid version \"é.1\" (expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or \
         v1.3.7): unexpected character 'é' in the first number",
    ),
    (
        &["status", "1.3.-1"],
        "VERSION: invalid version \"1.3.-1\": pre-release and build suffixes are not part of a release line; \
         expected MAJOR.MINOR or MAJOR.MINOR.PATCH",
    ),
    (
        &["backport-targets", "--since", ""],
        "--since: invalid version \"\": expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or v1.3.7",
    ),
    (
        &["tag", ""],
        "NAME: invalid tag \"\": expected latest, latest-lts or a line such as 1.3",
    ),
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
    // A line before the first is no error: `status 0.1.0` answers "not
    // supported" (general.rs).
    (
        &["tag", "0.1"],
        "line 0.1 is not in the kestra policy: its first line is 1.0",
    ),
    (
        &["status", "release-1.0.5"],
        "VERSION: invalid version \"release-1.0.5\": \"release-\" before the version is not part \
         of it (a tag's prefix goes in the policy's tag_prefix); expected MAJOR.MINOR or \
         MAJOR.MINOR.PATCH, like 1.3 or v1.3.7",
    ),
    (
        &["backport-targets", "1.3"],
        "backport-targets takes no bare line \"1.3\": did you mean --latest 1.3 (the targets on \
         the day it comes out) or --since 1.3 (leave out the lines older than it, where the bug \
         appeared)?",
    ),
    (
        &["status", "1.x"],
        "VERSION: invalid version \"1.x\": a wildcard is no version: name the line, like 1.3, or \
         a version of it, like 1.3.7",
    ),
    (
        &["status", ""],
        "VERSION: invalid version \"\": expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or v1.3.7",
    ),
    (
        &["status", "99999999999999999999.0"],
        "VERSION: invalid version \"99999999999999999999.0\" (expected MAJOR.MINOR or \
         MAJOR.MINOR.PATCH, like 1.3 or v1.3.7): the first number is past 18446744073709551615",
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
        "--branch: invalid branch template \"v{patch}\": unknown placeholder {patch}; expected {major}, {minor} or {line}",
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
        "policy file tests/data/unsorted.json: history[2].line: 1.1 comes after 1.2; list lines in the order of their numbers",
    ),
    (
        &["supported", "--policy", "tests/data/missing.json"],
        "cannot read policy file tests/data/missing.json: No such file or directory (os error 2)",
    ),
];

/// Policy files that are wrong, each with the line it must print; `{file}`
/// stands for the file's path.
const BAD_POLICIES: &[(&str, &str)] = &[
    (
        "",
        "policy file {file}: EOF while parsing a value at line 1 column 0",
    ),
    (
        "[]",
        "policy file {file}: policy: expected an object, got an array",
    ),
    (
        r#"{"name": "x"}"#,
        "policy file {file}: branch_template: missing",
    ),
    (
        r#"{"name": "x", "release_weekday": "Caturday", "minor_every_months": 2, "lts_every_months": 6,
            "lts_support_months": 12, "lts_in_parallel": 2, "branch_template": "{major}.{minor}",
            "history": [{"line": "1.0", "released": "2025-09-09"}]}"#,
        "policy file {file}: release_weekday: expected a day of the week such as Tuesday, got \"Caturday\"",
    ),
    (
        r#"{"name": "x", "release_weekday": "Tuesday", "minor_every_months": -3, "lts_every_months": 6,
            "lts_support_months": 12, "lts_in_parallel": 2, "branch_template": "{major}.{minor}",
            "history": [{"line": "1.0", "released": "2025-09-09"}]}"#,
        "policy file {file}: minor_every_months: expected a whole number, got -3",
    ),
    // Past u64, JSON numbers are floats; serde_json writes them with a signed exponent.
    (
        r#"{"name": "x", "release_weekday": "Tuesday", "minor_every_months": 100000000000000000000,
            "lts_every_months": 6, "lts_support_months": 12, "lts_in_parallel": 2,
            "branch_template": "{major}.{minor}", "history": [{"line": "1.0", "released": "2025-09-09"}]}"#,
        "policy file {file}: minor_every_months: expected a whole number, got 1e+20",
    ),
    (
        r#"{"name": "x", "release_weekday": "Tuesday", "minor_every_months": 2, "lts_every_months": 1202,
            "lts_support_months": 12, "lts_in_parallel": 2, "branch_template": "{major}.{minor}",
            "history": [{"line": "1.0", "released": "2025-09-09"}]}"#,
        "policy file {file}: lts_every_months: expected 1 to 1200 months, got 1202",
    ),
    (
        r#"{"name": "x", "release_weekday": "Tuesday", "minor_every_months": 2, "lts_every_months": 6,
            "lts_support_months": 12, "lts_in_parallel": 1000, "branch_template": "{major}.{minor}",
            "history": [{"line": "1.0", "released": "2025-09-09"}]}"#,
        "policy file {file}: lts_in_parallel: expected 1 to 100 lines, got 1000",
    ),
    (
        r#"{"name": "x", "release_weekday": "Tuesday", "minor_every_months": 2, "lts_every_months": 6,
            "lts_support_months": 12, "lts_in_parallel": 2, "branch_template": "{major}.{minor}",
            "history": []}"#,
        "policy file {file}: history: expected at least one released line",
    ),
    (
        r#"{"name": "x", "release_weekday": "Tuesday", "minor_every_months": 2, "lts_every_months": 6,
            "lts_support_months": 12, "lts_in_parallel": 2, "branch_template": "{major}.{minor}",
            "history": [{"line": "1.0", "released": "2025-09-09"}, {"line": "1.0", "released": "2025-11-04"}]}"#,
        "policy file {file}: history[1].line: 1.0 is listed twice",
    ),
    (
        r#"{"name": "x", "release_weekday": "Tuesday", "minor_every_months": 2, "lts_every_months": 6,
            "lts_support_months": 12, "lts_in_parallel": 2, "branch_template": "{major}.{minor}",
            "history": [{"line": "１.0", "released": "2025-09-09"}]}"#,
        // No ASCII numbers: the name of a line known by name only, which
        // must record its end, as no rule ends it.
        "policy file {file}: history[0].eol: \"１.0\" is known by name only, and no rule ends such \
         a line: record its end of support (\"eol\": a date, or true or false, whether it has \
         passed by history_as_of)",
    ),
    // The largest minor in the history leaves no number for the next line.
    (
        r#"{"name": "x", "release_weekday": "Tuesday", "minor_every_months": 2, "lts_every_months": 6,
            "lts_support_months": 12, "lts_in_parallel": 2, "branch_template": "{major}.{minor}",
            "history": [{"line": "1.18446744073709551615", "released": "2025-09-09"}]}"#,
        "the line after 1.18446744073709551615 would need a number past 18446744073709551615",
    ),
];

#[test]
fn every_bad_input_gets_one_error_line_and_exit_2() {
    for (args, message) in BAD_INPUTS {
        kestra_flat(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("error: {message}\n"));
    }
    let file = std::env::temp_dir().join(format!("lts-policy-bad-{}.json", std::process::id()));
    let path = file.to_str().unwrap();
    for (json, message) in BAD_POLICIES {
        std::fs::write(&file, json).unwrap();
        kestra_flat(&["supported", "--on", "2026-11-25", "--policy", path])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("error: {}\n", message.replace("{file}", path)));
    }
    std::fs::remove_file(&file).unwrap();
    assert!(BAD_INPUTS.len() + BAD_POLICIES.len() >= 30);
}

#[test]
fn usage_errors_are_clap_errors_with_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["status"],
        &["backport-targets", "--latest", "1.3", "--on", "2026-03-03"],
        &["supported", "--on"],
    ] {
        let output = kestra_flat(args).output().unwrap();
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
    kestra_flat(&["supported"]).assert().success();
    kestra_flat(&["next-patch"]).assert().success();
}

#[test]
fn another_products_endoflife_answer_is_answered_by_rules_fitted_to_it() {
    // Quarkus's answer without --policy: its 2.0 came out on 2021-06-30,
    // Kestra's on 2026-09-08, and no other cycle is a Kestra line: not
    // Kestra's answer. Its own record answers, with rules fitted to it, and
    // a note says so. SOURCE_DATE_EPOCH makes today 2026-09-07.
    let output = super::embedded(&[
        "--endoflife",
        "tests/data/endoflife/quarkus.json",
        "supported",
        "--format",
        "plain",
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(
        said.starts_with(
            "note: --endoflife tests/data/endoflife/quarkus.json: no --policy names its \
             product's rules, so they are fitted to its record (policy --fit prints them; \
             --policy FILE names others)\n"
        ),
        "{said}"
    );
    let fitted = output.stdout;
    // The record's 3.33 (LTS, eol 2027-03-25) and 3.27 (LTS, eol
    // 2026-09-24) are supported on 2026-09-07, the oldest of the lines that
    // are; what comes after the record's last day, 2026-08-19, is the
    // fitted rules'.
    let fitted = String::from_utf8(fitted).unwrap();
    assert!(fitted.ends_with("3.33\n3.27\n"), "{fitted}");
    // With its own policy it merges, and says nothing of a fit.
    super::embedded(&[
        "--policy",
        "examples/quarkus.json",
        "--endoflife",
        "tests/data/endoflife/quarkus.json",
        "supported",
        "--on",
        "2026-08-22",
    ])
    .assert()
    .code(0)
    .stderr("");
}
