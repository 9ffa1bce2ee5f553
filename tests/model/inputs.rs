//! Parsing of user input and policy files: every message word for word.

use super::*;
use lts_policy::answers::Tag;
use lts_policy::rules::BranchTemplate;
use lts_policy::{PolicyError, VersionInput};

#[track_caller]
fn date_error(text: &str) -> String {
    parse_date(text).unwrap_err().to_string()
}

#[track_caller]
fn version_error(text: &str) -> String {
    message(&VersionInput::parse(text).unwrap_err())
}

#[track_caller]
fn policy_error(json: &str) -> String {
    message(&Policy::from_json(json).unwrap_err())
}

#[test]
fn dates() {
    assert_eq!(
        date("2024-02-29"),
        NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
    );
    assert_eq!(
        date_error("2026-02-30"),
        "invalid date \"2026-02-30\": February 2026 has 28 days"
    );
    assert_eq!(
        date_error("2025-02-29"),
        "invalid date \"2025-02-29\": February 2025 has 28 days"
    );
    assert_eq!(
        date_error("2026-04-31"),
        "invalid date \"2026-04-31\": April 2026 has 30 days"
    );
    assert_eq!(
        date_error("2026-13-01"),
        "invalid date \"2026-13-01\": there is no month 13"
    );
    assert_eq!(
        date_error("2026-01-00"),
        "invalid date \"2026-01-00\": there is no day 00"
    );
    for shape in [
        "",
        "2026-1-01",
        "20260101",
        "+2026-01-01",
        "2026-01-01T00:00",
        "２０２６-01-01",
    ] {
        assert_eq!(
            date_error(shape),
            format!("invalid date {shape:?}: expected YYYY-MM-DD, like 2026-03-01")
        );
    }
}

#[test]
fn versions() {
    let parsed = |text| VersionInput::parse(text).unwrap().to_string();
    assert_eq!(parsed("1.3"), "1.3");
    assert_eq!(parsed("v1.3"), "1.3");
    assert_eq!(parsed("1.3.0"), "1.3.0");
    assert_eq!(parsed("v1.3.7"), "1.3.7");
    // Ubuntu's lines keep their leading zeros; a version has up to eight
    // numbers (Amazon Linux's 2018.03.0.20231218.0 has five).
    assert_eq!(parsed("24.04.1"), "24.04.1");
    assert_eq!(parsed("2018.03.0.20231218.0"), "2018.03.0.20231218.0");
    let expected = "expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or v1.3.7";
    for shape in ["", "v", "1.2.3.4.5.6.7.8.9"] {
        assert_eq!(
            version_error(shape),
            format!("invalid version {shape:?}: {expected}")
        );
    }
    // A major alone is a version; it names a line only where lines are majors.
    let major = VersionInput::parse("1").unwrap();
    assert_eq!(
        message(&major.line(lts_policy::LineKind::Minor).unwrap_err()),
        "invalid version \"1\": the policy's lines are MAJOR.MINOR, like 1.3"
    );
    assert_eq!(
        version_error("1.x"),
        "invalid version \"1.x\": a wildcard is no version: name the line, like 1.3, or a \
         version of it, like 1.3.7"
    );
    assert_eq!(
        version_error("release-1.0.5"),
        "invalid version \"release-1.0.5\": \"release-\" before the version is not part of it \
         (a tag's prefix goes in the policy's tag_prefix); expected MAJOR.MINOR or \
         MAJOR.MINOR.PATCH, like 1.3 or v1.3.7"
    );
    assert_eq!(
        version_error("18446744073709551616.0"),
        "invalid version \"18446744073709551616.0\" (expected MAJOR.MINOR or MAJOR.MINOR.PATCH, \
         like 1.3 or v1.3.7): the first number is past 18446744073709551615"
    );
    // What is wrong with the numbers is the cause, typed.
    let err = VersionInput::parse("1.3a").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid version \"1.3a\" (expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or v1.3.7)"
    );
    let cause = std::error::Error::source(&err).unwrap();
    assert_eq!(
        cause.downcast_ref::<lts_policy::lines::NumbersError>(),
        Some(&lts_policy::lines::NumbersError::NotADigit { at: 1, found: 'a' })
    );
    assert_eq!(
        version_error("1.3.0-rc.1"),
        "invalid version \"1.3.0-rc.1\": pre-release and build suffixes are not part of a \
         release line; expected MAJOR.MINOR or MAJOR.MINOR.PATCH"
    );
}

#[test]
fn tags() {
    assert_eq!(Tag::parse("latest").unwrap(), Tag::Latest);
    assert_eq!(Tag::parse("latest-lts").unwrap(), Tag::LatestLts);
    let line_of = |spelling| match Tag::parse(spelling).unwrap() {
        Tag::Line(version) => version.line(lts_policy::LineKind::Minor).unwrap(),
        other => panic!("{other:?}"),
    };
    assert_eq!(line_of("v1.3"), line("1.3"));
    // Every spelling a version takes names its line's tag.
    for spelling in ["1.3.0", "v1.3.7", "1.3.4"] {
        assert_eq!(line_of(spelling), line("1.3"));
    }
    assert_eq!(
        Tag::parse("1.3-rc1").unwrap_err().to_string(),
        "invalid tag \"1.3-rc1\": expected latest, latest-lts or a line such as 1.3"
    );
}

#[test]
fn branch_templates() {
    let render = |template| {
        BranchTemplate::parse(template)
            .unwrap()
            .render(&line("1.3"))
    };
    assert_eq!(render("releases/v{major}.{minor}.x"), "releases/v1.3.x");
    assert_eq!(render("{{literal}}-{minor}"), "{literal}-3");
    let error = |template| BranchTemplate::parse(template).unwrap_err().to_string();
    assert_eq!(
        error("v{patch}"),
        "invalid branch template \"v{patch}\": unknown placeholder {patch}; expected {major}, {minor} or {line}"
    );
    assert_eq!(
        error("v{major"),
        "invalid branch template \"v{major\": a '{' is never closed"
    );
    assert_eq!(
        error("v}"),
        "invalid branch template \"v}\": a '}' has no matching '{'"
    );
    assert_eq!(
        error(""),
        "invalid branch template \"\": a branch name cannot be empty"
    );
}

#[test]
fn the_embedded_policy_round_trips_through_its_file_format() {
    let policy = kestra_flat();
    assert_eq!(Policy::from_json(&policy.to_json()).unwrap(), policy);
    assert_eq!(
        policy.releases_schedule().on.weekday(),
        Some(chrono::Weekday::Tue)
    );
    assert_eq!(policy.history().len(), 5);
}

#[test]
fn policy_files_that_are_not_json_say_where() {
    assert_eq!(
        policy_error(include_str!("../data/not-json.json")),
        "expected `,` or `}` at line 4 column 3"
    );
    assert_eq!(
        policy_error("[1, 2"),
        "EOF while parsing a list at line 1 column 5"
    );
    assert_eq!(
        policy_error("[]"),
        "policy: expected an object, got an array"
    );
    // A number too large for a float is not JSON serde_json can read, even
    // where the syntax is right (found by cargo fuzz).
    assert_eq!(
        policy_error("2e2222222"),
        "number out of range at line 1 column 9"
    );
    // serde_json's error is kept whole, with its line and column.
    let PolicyError::NotJson(err) = Policy::from_json("[1, 2").unwrap_err() else {
        panic!("text that is not JSON");
    };
    assert_eq!((err.line(), err.column()), (1, 5));
}

#[test]
fn policy_fields_of_the_wrong_type_or_missing() {
    // Neither form's rules: the file's shape first, then the missing rules.
    let problems: Vec<String> = Policy::check_json(r#"{"name": "x"}"#)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "branch_template: missing",
            "history: missing",
            "releases: missing"
        ]
    );
    // A file of the first form misses the fields of that form.
    assert_eq!(
        policy_error(
            r#"{"name": "x", "release_weekday": "Tuesday", "branch_template": "b/{major}.{minor}", "history": [{"line": "1.0", "released": "2025-09-09"}]}"#
        ),
        "minor_every_months: missing"
    );
    assert_eq!(
        policy_error(&kestra_flat_with(
            "minor_every_months",
            serde_json::json!(-2)
        )),
        "minor_every_months: expected a whole number, got -2"
    );
    assert_eq!(
        policy_error(&kestra_flat_with("lts_in_parallel", serde_json::json!("2"))),
        "lts_in_parallel: expected a whole number, got \"2\""
    );
    assert_eq!(
        policy_error(&kestra_flat_with(
            "history",
            serde_json::json!({"line": "1.0"})
        )),
        "history: expected an array, got an object"
    );
    assert_eq!(
        policy_error(r#"{"comments": "typo"}"#),
        "comments: unknown field; expected one of name, comment, product, lines, line_prefix, \
         new_major, releases, patches, support, active, lts, changes, branch_template, tag_prefix, \
         tags, history_as_of, patches_as_of, history, release_weekday, minor_every_months, \
         lts_every_months, lts_support_months, lts_in_parallel"
    );
}

#[test]
fn policy_numbers_that_make_no_sense() {
    let check = |key, value| policy_error(&kestra_flat_with(key, value));
    assert_eq!(
        check("minor_every_months", 0.into()),
        "minor_every_months: expected 1 to 1200 months, got 0"
    );
    assert_eq!(
        check("lts_support_months", 1201.into()),
        "lts_support_months: expected 1 to 1200 months, got 1201"
    );
    assert_eq!(
        check("lts_every_months", 5.into()),
        "lts_every_months: expected a multiple of minor_every_months (2), got 5"
    );
    assert_eq!(
        check("lts_in_parallel", 0.into()),
        "lts_in_parallel: expected 1 to 100 lines, got 0"
    );
    assert_eq!(
        check("release_weekday", "Funday".into()),
        "release_weekday: expected a day of the week such as Tuesday, got \"Funday\""
    );
    assert_eq!(
        check("history", serde_json::json!([])),
        "history: expected at least one released line"
    );
}

#[test]
fn histories_out_of_order_or_duplicated() {
    let history = |entries: serde_json::Value| policy_error(&kestra_flat_with("history", entries));
    assert_eq!(
        policy_error(include_str!("../data/unsorted.json")),
        "history[2].line: 1.1 comes after 1.2; list lines in the order of their numbers"
    );
    assert_eq!(
        history(serde_json::json!([
            {"line": "1.0", "released": "2025-09-09"},
            {"line": "1.0", "released": "2025-11-04"}
        ])),
        "history[1].line: 1.0 is listed twice"
    );
    // A line may come out before an older one: a maintenance line of an
    // older major after a newer major's first (Python 2.7 after 3.0).
    let out_of_order = Policy::from_json(&kestra_flat_with(
        "history",
        serde_json::json!([
            {"line": "1.0", "released": "2025-09-09"},
            {"line": "1.1", "released": "2025-08-09"}
        ]),
    ))
    .unwrap();
    let lines: Vec<String> = out_of_order
        .history()
        .iter()
        .map(|release| release.line.to_string())
        .collect();
    assert_eq!(lines, ["1.1", "1.0"]);
    assert_eq!(
        history(serde_json::json!([{"line": "1.0.0", "released": "2025-09-09"}])),
        "history[0].line: invalid version \"1.0.0\": a history line is MAJOR.MINOR, like 1.3"
    );
    assert_eq!(
        history(serde_json::json!([{"line": "1.0", "released": "2025-02-29"}])),
        "history[0].released: invalid date \"2025-02-29\": February 2025 has 28 days"
    );
}

#[test]
fn known_patches_must_belong_to_their_line_and_come_in_order() {
    let patches = |patches: serde_json::Value| {
        policy_error(&kestra_flat_with(
            "history",
            serde_json::json!([{"line": "1.0", "released": "2025-09-09", "patches": patches}]),
        ))
    };
    assert_eq!(
        patches(serde_json::json!([{"version": "1.1.1", "released": "2025-09-16"}])),
        "history[0].patches[0].version: expected a patch of 1.0 such as 1.0.1, got 1.1.1"
    );
    assert_eq!(
        patches(serde_json::json!([
            {"version": "1.0.2", "released": "2025-09-16"},
            {"version": "1.0.1", "released": "2025-09-23"}
        ])),
        "history[0].patches[1].version: 1.0.1 comes after 1.0.2; list patches in order"
    );
    assert_eq!(
        patches(serde_json::json!([{"version": "1.0.1", "released": "2025-09-01"}])),
        "history[0].patches[0].released: 1.0.1 on 2025-09-01 is before 2025-09-09, the previous release of 1.0"
    );
}

#[test]
fn every_problem_of_a_file_is_reported_with_its_path() {
    let json = r#"{
        "name": "",
        "release_weekday": "Someday",
        "minor_every_months": 0,
        "lts_every_months": 6,
        "lts_support_months": 12.5,
        "lts_in_parallel": 2,
        "branch_template": "v{patch}",
        "history": [
            {"line": "1.0", "released": "2025-09-09", "lts": "yes"},
            {"line": "1.2", "released": "2025-08-01", "flag": true},
            {"line": "1.1", "released": "2025-11-04", "eol": "2026-01-01",
             "patches": [{"version": "1.1.0", "released": "2025-11-11"}]}
        ]
    }"#;
    let problems: Vec<String> = Policy::check_json(json)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            // The shape first: types and unknown fields ...
            "lts_support_months: expected a whole number, got 12.5",
            "history[1].flag: unknown field; expected one of line, released, lts, eol, \
             active_until, extended_until, discontinued, patches",
            // ... then the values.
            "name: expected a non-empty name",
            "release_weekday: expected a day of the week such as Tuesday, got \"Someday\"",
            "minor_every_months: expected 1 to 1200 months, got 0",
            "branch_template: invalid branch template \"v{patch}\": unknown placeholder {patch}; \
             expected {major}, {minor} or {line}",
            // `lts` takes a flag or a date (the day the line became LTS):
            // text, so the value is read before it is refused.
            "history[0].lts: expected true, false or a date, got \"yes\"",
            // 1.2 may come out before 1.0: a line's release may go back.
            "history[2].line: 1.1 comes after 1.2; list lines in the order of their numbers",
            // 1.1's eol is fine: an end of support may be announced for any line.
            "history[2].patches[0].version: expected a patch of 1.1 such as 1.1.1, got 1.1.0",
        ]
    );
}

#[test]
fn a_first_line_declared_not_lts_still_anchors_the_count() {
    // No line says `lts: true`, so the first line anchors the count; its own
    // `false` wins, and the line 3 places after it is LTS by rule.
    let policy = kestra_flat_with_history(serde_json::json!([
        {"line": "1.0", "released": "2025-09-09", "lts": false},
        {"line": "1.1", "released": "2025-11-04"}
    ]));
    assert!(!info(&policy, "1.0").lts);
    assert!(!info(&policy, "1.2").lts);
    assert!(info(&policy, "1.3").lts);
}

#[test]
fn escaped_strings_take_the_slow_path_to_the_same_policy() {
    // A string with an escape cannot be borrowed, so the file is read
    // field by field; the answer is the same as for the plain file.
    let plain = kestra_flat_with("comment", "quoted".into());
    let escaped = kestra_flat_with("comment", "\"quoted\"".into());
    assert!(escaped.contains("\\\""), "{escaped}");
    let (plain, escaped) = (
        Policy::from_json(&plain).unwrap(),
        Policy::from_json(&escaped).unwrap(),
    );
    assert_eq!(escaped.comment(), Some("\"quoted\""));
    assert_eq!(plain.history(), escaped.history());
}

#[test]
fn a_field_given_twice_is_a_problem_and_null_is_absent() {
    let twice = kestra_flat_with("comment", "first".into()).replacen(
        "\"comment\"",
        "\"comment\": \"second\", \"comment\"",
        1,
    );
    assert_eq!(
        policy_error(&twice),
        "comment: given twice; an object names each field once"
    );
    // null is as good as absent: an optional field, or a required one missing.
    let policy = Policy::from_json(&kestra_flat_with("comment", serde_json::Value::Null)).unwrap();
    assert_eq!(policy.comment(), None);
    assert_eq!(
        policy_error(&kestra_flat_with(
            "branch_template",
            serde_json::Value::Null
        )),
        "branch_template: missing"
    );
}

#[test]
fn every_item_of_the_wrong_type_is_reported_and_the_rest_checked() {
    let json = r#"{"name": "x", "lines": "major", "branch_template": "v{major}",
        "releases": {"in_months": [4, "x", 13, "y"], "on": true},
        "support": {"months": "7", "round": 3},
        "history": [{"line": "1", "released": "2025-01-07", "patches": [7, {"version": 1}]}]}"#;
    let problems: Vec<String> = Policy::check_json(json)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            // The shape, in the file's order ...
            "releases.in_months[1]: expected a whole number, got \"x\"",
            "releases.in_months[3]: expected a whole number, got \"y\"",
            "releases.on: expected a string or a whole number, got true",
            "support.months: expected a whole number, got \"7\"",
            "support.round: expected a string, got 3",
            "history[0].patches[0]: expected an object, got 7",
            "history[0].patches[1].version: expected a string, got 1",
            "history[0].patches[1].released: missing",
            // ... then the values the types let through.
            "releases.in_months[2]: expected 1 to 12 (a month), got 13",
        ]
    );
}
