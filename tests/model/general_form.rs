//! The general form of a policy file: what every file of the first form
//! becomes, the problems it names by their JSON path, `history_as_of` in
//! both forms, and its vocabulary written as a policy file writes it.

use super::*;

#[test]
fn every_first_form_file_has_a_general_form() {
    // Found by cargo fuzz: an LTS every 624 monthly minors is a valid first
    // form, so `every` takes up to 1200 lines.
    let flat = Policy::from_json(&kestra_flat_with("minor_every_months", 1.into())).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&flat.to_json()).unwrap();
    assert_eq!(file["lts"]["every"], 6);
    file = serde_json::from_str(&kestra_flat_with("minor_every_months", 1.into())).unwrap();
    file["lts_every_months"] = 1200.into();
    let far = Policy::from_json(&file.to_string()).unwrap();
    assert_eq!(Policy::from_json(&far.to_json()).unwrap(), far);
}

#[test]
fn the_first_form_and_its_general_form_give_the_same_answers() {
    let flat = kestra_flat();
    let general = Policy::from_json(&flat.to_json()).unwrap();
    assert_eq!(general, flat);
    let mut on = date("2025-09-01");
    while on < date("2028-01-01") {
        assert_eq!(
            general.supported_on(on).unwrap(),
            flat.supported_on(on).unwrap(),
            "{on}"
        );
        on = on.checked_add_days(chrono::Days::new(9)).unwrap();
    }
}

/// The first problem of a policy of `rules`, as the command line shows it.
fn problem(rules: &str) -> String {
    let json = format!(
        r#"{{"name": "x", {rules}, "branch_template": "b/{{major}}.{{minor}}", "history": [{{"line": "1.0", "released": "2026-01-01"}}]}}"#
    );
    message(&Policy::from_json(&json).unwrap_err())
}

#[test]
fn bad_general_policies_name_the_json_path() {
    let cases = [
        (
            r#""releases": {"every_months": 2, "every_weeks": 1}"#,
            "releases: every_months and every_weeks cannot be combined; give one of \
             every_months, every_weeks, in_months",
        ),
        (
            r#""releases": {"on": "Tuesday"}"#,
            "releases: expected one of every_months, every_weeks, in_months",
        ),
        (
            r#""releases": {"every_weeks": 2, "on": "3rd Thursday"}"#,
            "releases.on: every_weeks takes a weekday, not an nth weekday or a day of the month",
        ),
        (
            r#""releases": {"in_months": [10, 4]}"#,
            "releases.in_months[1]: 4 comes after 10; list months in increasing order",
        ),
        (
            r#""releases": {"in_months": [4, 13]}"#,
            "releases.in_months[1]: expected 1 to 12 (a month), got 13",
        ),
        (
            r#""releases": {"every_months": 0}"#,
            "releases.every_months: expected 1 to 1200 months, got 0",
        ),
        (
            r#""releases": {"every_months": 1, "on": "5th Monday"}"#,
            "releases.on: expected a weekday (Tuesday), an nth weekday (3rd Thursday, last \
             Friday) or a day of the month (1 to 31), got \"5th Monday\"",
        ),
        (
            r#""releases": {"every_months": 1, "on": 32}"#,
            "releases.on: expected 1 to 31 (a day of the month), got 32",
        ),
        (
            r#""releases": {"every_months": 1}, "lts": {"every": 2, "every_months": 6, "support": {"months": 12}}"#,
            "lts: every and every_months cannot be combined; give one of every, every_months",
        ),
        (
            r#""releases": {"every_months": 1}, "lts": {"every": 2}"#,
            "lts.support: missing",
        ),
        (
            r#""releases": {"every_months": 1}, "support": {"round": "month_end"}"#,
            "support: expected a period (months, weeks or days), until_next or both",
        ),
        (
            r#""releases": {"every_months": 1}, "support": {"grace_days": 1}"#,
            "support: expected a period (months, weeks or days), until_next or both",
        ),
        (
            r#""releases": {"every_months": 1}, "support": {"until_next": 101}"#,
            "support.until_next: expected 1 to 100 lines, got 101",
        ),
        (
            r#""releases": {"every_months": 1}, "patches": "weekly""#,
            "patches: expected \"recorded\", got \"weekly\"",
        ),
        (
            r#""lines": "patch", "releases": {"every_months": 1}"#,
            "lines: expected \"minor\" or \"major\" or \"dotted\", got \"patch\"",
        ),
        (
            r#""releases": {"every_months": 1}, "release_weekday": "Tuesday""#,
            "release_weekday: a field of the first (flat) form, in a file that uses the general \
             form (releases); write the rules in one form",
        ),
        (
            r#""releases": {"every_months": 1}, "new_major": {"after_minor": 2, "in_month": 5}"#,
            "new_major: after_minor and in_month cannot be combined; give one of after_minor, \
             in_month",
        ),
        (
            r#""releases": {"every_months": 1}, "history_as_of": "2025-12-31""#,
            "history[0].released: 2026-01-01 is after history_as_of, 2025-12-31; the history is \
             complete up to that day and records nothing later",
        ),
    ];
    for (rules, expected) in cases {
        assert_eq!(problem(rules), expected, "{rules}");
    }
}

#[test]
fn bad_histories_of_the_general_form() {
    // lts: true without an lts section.
    let json = r#"{"name": "x", "releases": {"every_months": 1}, "branch_template": "b/{major}.{minor}",
        "history": [{"line": "1.0", "released": "2026-01-01", "lts": true}]}"#;
    assert_eq!(
        message(&Policy::from_json(json).unwrap_err()),
        "history[0].lts: a line declared LTS needs an lts section in the policy"
    );
    // Majors: a history line is MAJOR, and a template has no {minor}.
    let json = r#"{"name": "x", "lines": "major", "releases": {"every_months": 6},
        "branch_template": "v{major}.x", "history": [{"line": "22.1", "released": "2026-01-01"}]}"#;
    assert_eq!(
        message(&Policy::from_json(json).unwrap_err()),
        "history[0].line: invalid version \"22.1\": a history line is MAJOR, like 22, where \
         lines are majors"
    );
    let json = r#"{"name": "x", "lines": "major", "releases": {"every_months": 6},
        "branch_template": "{major}.{minor}.x", "history": [{"line": "22", "released": "2026-01-01"}]}"#;
    assert_eq!(
        message(&Policy::from_json(json).unwrap_err()),
        "branch_template: invalid branch template \"{major}.{minor}.x\": a policy whose lines are \
         majors has no {minor} to fill in"
    );
    let json = r#"{"name": "x", "lines": "major", "new_major": {"in_month": 5},
        "releases": {"every_months": 6}, "branch_template": "v{major}.x",
        "history": [{"line": "22", "released": "2026-01-01"}]}"#;
    assert_eq!(
        message(&Policy::from_json(json).unwrap_err()),
        "new_major: a policy whose lines are majors starts a major with every line"
    );
}

#[test]
fn history_as_of_belongs_to_both_forms() {
    let mut file: serde_json::Value = serde_json::from_str(KESTRA_FLAT).unwrap();
    file["history_as_of"] = "2026-11-20".into();
    let policy = Policy::from_json(&file.to_string()).unwrap();
    // The flat history ends with 2.0 (2026-09-08): 2.1, due 11-10, is overdue.
    assert!(info(&policy, "2.1").overdue);
}

/// The vocabulary serialises as a policy file writes its values: a line
/// as `"1.3"`, dates as `YYYY-MM-DD`, versions as text; reading a line or a
/// branch template back checks it as the file reader does.
#[test]
fn the_vocabulary_serialises_as_a_policy_file_writes_it() {
    use lts_policy::Line;
    use lts_policy::lines::Release;
    use lts_policy::rules::BranchTemplate;
    // The embedded policy's history announces 1.0's end.
    let kestra = Policy::kestra().unwrap();
    let one_zero = &kestra.history()[0];
    let json = serde_json::to_value(one_zero).unwrap();
    assert_eq!(json["line"], "1.0");
    assert_eq!(json["released"], "2025-09-09");
    assert_eq!(json["eol"], "2026-09-09");
    assert_eq!(json["lts"], true);
    assert_eq!(json["patches"][0]["version"], "1.0.1");
    assert_eq!(json["patches"][0]["released"], "2025-09-16");
    let back: Release = serde_json::from_value(json).unwrap();
    assert_eq!(&back, one_zero);
    assert_eq!(serde_json::to_value(Line::whole_major(22)).unwrap(), "22");
    assert_eq!(
        serde_json::from_str::<Line>("\"1.3\"").unwrap(),
        Line::new(1, 3)
    );
    // A dotted line reads as one; a version's `v` does not.
    assert_eq!(
        serde_json::from_str::<Line>("\"2.401\"")
            .unwrap()
            .to_string(),
        "2.401"
    );
    assert!(serde_json::from_str::<Line>("\"v1.3\"").is_err());
    let template: BranchTemplate = serde_json::from_str("\"release-{major}\"").unwrap();
    assert_eq!(template.render(&Line::whole_major(22)), "release-22");
    // The file reader's message for a placeholder it does not know.
    let err = serde_json::from_str::<BranchTemplate>("\"rel-{patch}\"").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid branch template \"rel-{patch}\""),
        "{err}"
    );
    // 2025-02-29 does not exist.
    let mut json = serde_json::to_value(one_zero).unwrap();
    json["released"] = "2025-02-29".into();
    assert!(serde_json::from_value::<Release>(json).is_err());
}
