//! The general model on real vendors' policies (examples/, histories from
//! endoflife.date) and on small policies built for one boundary each.

use lts_policy::answers::{Dangling, Fix, SupportState, Tag, TagTarget};
use lts_policy::lines::{EolReason, LtsReason, Patch};
use lts_policy::{LineKind, Source};

use super::*;

fn example(name: &str) -> Policy {
    let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn major(number: u64) -> Line {
    Line::whole_major(number)
}

fn released(policy: &Policy, line: Line) -> String {
    policy.line(line).unwrap().released.to_string()
}

fn newest_patch(policy: &Policy, line: Line, on: &str) -> String {
    let info = policy.line(line).unwrap();
    let patch: Patch = policy.newest_patch(&info, date(on)).unwrap().unwrap();
    patch.version.to_string()
}

#[test]
fn gitlab_projects_a_new_major_every_may_on_the_3rd_thursday() {
    let gitlab = example("gitlab");
    // 19.3 came 2026-08-20. The 3rd Thursdays after it: 2026-09-17, 10-15,
    // 11-19, 12-17, then 2027-01-21, 02-18, 03-18, 04-15; the first line in
    // May 2027 (05-20: May 1 is a Saturday, Thursdays 6, 13, 20) is 20.0.
    let names = [
        ("19.4", "2026-09-17"),
        ("19.5", "2026-10-15"),
        ("19.6", "2026-11-19"),
        ("19.7", "2026-12-17"),
        ("19.8", "2027-01-21"),
        ("19.11", "2027-04-15"),
        ("20.0", "2027-05-20"),
        ("20.1", "2027-06-17"),
    ];
    for (name, day) in names {
        assert_eq!(released(&gitlab, line(name)), day, "{name}");
    }
    // 2028-05-01 is a Monday: Thursdays 4, 11, 18.
    assert_eq!(released(&gitlab, line("21.0")), "2028-05-18");
    let skipped = gitlab.line(line("19.12")).unwrap_err();
    assert_eq!(
        skipped.to_string(),
        "line 19.12 is not in the gitlab policy: the rules project 20.0 after 19.11"
    );
}

#[test]
fn gitlab_keeps_the_current_release_and_the_two_before_it() {
    let gitlab = example("gitlab");
    // 19.0's end was announced as 2026-08-20, 19.3's release.
    assert_eq!(
        supported(&gitlab, "2026-08-22"),
        [
            pair("19.3", &[LATEST]),
            pair("19.2", &["maintained"]),
            pair("19.1", &["maintained"]),
        ]
    );
    // A projected line is supported until the third line after it:
    // 19.4 until 19.7 on 2026-12-17.
    let projected = info(&gitlab, "19.4");
    assert_eq!(
        (projected.eol, projected.eol_reason),
        (
            Some(date("2026-12-17")),
            EolReason::Superseded(line("19.7"))
        )
    );
    assert!(!projected.lts);
    // No LTS rule: no LTS line, and latest-lts points nowhere.
    assert_eq!(
        gitlab.tag(Tag::LatestLts, date("2026-08-22")).unwrap(),
        TagTarget::Nowhere(Dangling::NoLtsRule)
    );
    assert_eq!(
        gitlab
            .explain_line(&line("19.3"), date("2026-08-22"))
            .unwrap()
            .lts_reason,
        LtsReason::NoLtsRule
    );
}

#[test]
fn nodejs_lines_are_majors_with_even_ones_lts() {
    // examples/nodejs.json, from Node.js's published schedule
    // (github.com/nodejs/release): even majors become LTS when the odd one
    // after them comes out; from 27 on, one major a year, in April, LTS six
    // months later.
    let node = example("nodejs");
    assert_eq!(node.line_kind(), LineKind::Major);
    // 26 came on 2026-05-05 and becomes LTS on 2026-10-28: until then it is
    // the latest line only, 24 the newest LTS line and 22 the one before.
    assert_eq!(
        supported(&node, "2026-08-22"),
        [
            pair("26", &[LATEST]),
            pair("24", &[LATEST_LTS]),
            pair("22", &[PREVIOUS_LTS]),
        ]
    );
    // On 2025-06-01, 24 (released 2025-05-06) is not LTS before
    // 2025-10-28: latest-lts is 22, at its newest release then, 22.16.0
    // (2025-05-21).
    let TagTarget::Version { info, patch } = node.tag(Tag::LatestLts, date("2025-06-01")).unwrap()
    else {
        panic!("latest-lts points to a version");
    };
    assert_eq!(
        (info.line, patch.version.to_string()),
        (major(22), "22.16.0".to_owned())
    );
    // The day 26 becomes LTS, latest-lts moves to it; 24 and 22, still
    // in their LTS windows (22 in maintenance LTS until 2027-04-30), are
    // previous LTS lines.
    assert_eq!(
        supported(&node, "2026-10-28"),
        [
            pair("26", &[LATEST, LATEST_LTS]),
            pair("24", &[PREVIOUS_LTS]),
            pair("22", &[PREVIOUS_LTS]),
        ]
    );
    // 27: the first April after 26's release, on its 3rd Tuesday
    // (2027-04-01 is a Thursday: 6, 13, 20): one major a year, no odd line
    // in October 2026. LTS, every line being one from 27 on, six months
    // after its release: 2027-10-20; maintained 36 months from its
    // (projected) day, 2030-04-20, to the end of April: 2030-05-01.
    let next = node.line(major(27)).unwrap();
    assert_eq!(
        (
            next.released,
            next.lts,
            next.lts_from,
            next.eol,
            next.eol_reason
        ),
        (
            date("2027-04-20"),
            true,
            Some(date("2027-10-20")),
            Some(date("2030-05-01")),
            EolReason::LtsSupportPeriod
        )
    );
    // Active LTS 18 months from its day, 2028-10-20: later than 28's
    // release (2028-04-01 is a Saturday: Tuesdays 4, 11, 18) and than the
    // 5 months every line gets (2027-09-20, to the end of the month).
    assert_eq!(next.active_until, Some(date("2028-10-20")));
    assert_eq!(node.line(major(28)).unwrap().released, date("2028-04-18"));
    // 24 came in May, a month after its April schedule (the 3rd Tuesday,
    // 2025-04-15): its end counts from the schedule, 2028-04-15, to the
    // end of April, as Node.js ends it (the history announces 2028-04-30).
    let late = node.line(major(24)).unwrap();
    assert_eq!(late.scheduled, Some(date("2025-04-15")));
    let window = late.lts_window.unwrap();
    assert_eq!(
        (window.counted_from, window.rule_until()),
        (date("2025-04-15"), date("2028-05-01"))
    );
}

#[test]
fn a_major_line_takes_every_version_of_its_major() {
    let node = example("nodejs");
    // 24's newest recorded release is 24.19.0 (2026-08-03). Patches come
    // every 2 weeks on Tuesday from 24.0 (2025-05-06): the 2nd, 4th, ...
    // Tuesday after it, 2025-05-20 + 14k days. 2026-07-28 and 08-11 are 31
    // and 32 fortnights on (434 and 448 days); after 08-03 comes 08-11: 24.19.1.
    assert_eq!(newest_patch(&node, major(24), "2026-08-22"), "24.19.1");
    for version in ["24", "v24", "24.19", "24.19.0"] {
        let status = node
            .status(VersionInput::parse(version).unwrap(), date("2026-08-22"))
            .unwrap();
        assert_eq!(status.state, SupportState::Supported, "{version}");
        assert_eq!(status.line, major(24));
        // A version older than the newest is told to upgrade; a line is not.
        let upgrade = status.upgrade_to.map(|patch| patch.version.to_string());
        let expected = (version.matches('.').count() > 0).then(|| "24.19.1".to_owned());
        assert_eq!(upgrade, expected, "{version}");
    }
}

#[test]
fn dotnet_keeps_an_sts_major_as_maintained_beside_the_lts_ones() {
    let dotnet = example("dotnet");
    // 9 is neither the latest nor LTS, and supported until its announced
    // end, 2026-11-10.
    assert_eq!(
        supported(&dotnet, "2026-08-22"),
        [
            pair("10", &[LATEST, LATEST_LTS]),
            pair("9", &["maintained"]),
            pair("8", &[PREVIOUS_LTS]),
        ]
    );
    // The 2nd Tuesday of November 2026: Nov 1 is a Sunday, Tuesdays 3, 10.
    assert_eq!(released(&dotnet, major(11)), "2026-11-10");
}

#[test]
fn quarkus_chooses_the_line_nearest_every_six_months() {
    let quarkus = example("quarkus");
    // The newest line declared LTS is 3.33 (2026-03-25); 3.34 to 3.38 are
    // declared not LTS. Monthly on the last Wednesday after 3.38
    // (2026-07-29): 3.39 08-26, 3.40 09-30, ..., 3.45 2027-02-24, 3.46
    // 03-31. Nearest to 2026-09-25: 3.40 (5 days; 3.39 is 30). Nearest to
    // 3.40 + 6 months = 2027-03-30: 3.46 (1 day).
    let lts: Vec<String> = (39..=47)
        .filter(|minor| info(&quarkus, &format!("3.{minor}")).lts)
        .map(|minor| format!("3.{minor}"))
        .collect();
    assert_eq!(lts, ["3.40", "3.46"]);
    assert_eq!(
        quarkus
            .explain_line(&line("3.39"), date("2026-08-22"))
            .unwrap()
            .lts_reason,
        LtsReason::Nearest {
            previous: line("3.33"),
            target: date("2026-09-25"),
            chosen: false
        }
    );
    // 12 months of LTS support: 3.40 until 2027-09-30.
    assert_eq!(info(&quarkus, "3.40").eol, Some(date("2027-09-30")));
}

/// A small policy of minor lines; `rules` are spliced into the file.
fn policy(rules: &str, history: &str) -> Policy {
    let json = format!(
        r#"{{"name": "test", {rules}, "branch_template": "b/{{major}}.{{minor}}", "history": {history}}}"#
    );
    Policy::from_json(&json).unwrap()
}

#[test]
fn a_tie_goes_to_the_earlier_line_and_a_line_declared_not_lts_is_skipped() {
    let rules =
        r#""releases": {"every_months": 1}, "lts": {"every_months": 3, "support": {"months": 12}}"#;
    // From 1.0 (2026-01-01), the target is 2026-04-01: 1.1 is 7 days
    // before, 1.2 7 days after.
    let tie = policy(
        rules,
        r#"[{"line": "1.0", "released": "2026-01-01", "lts": true},
            {"line": "1.1", "released": "2026-03-25"},
            {"line": "1.2", "released": "2026-04-08"}]"#,
    );
    assert_eq!(
        (info(&tie, "1.1").lts, info(&tie, "1.2").lts),
        (true, false)
    );
    // From 1.1 (03-25) the target is 06-25; the projected lines come on
    // 05-08, 06-08 and 07-08: 07-08 is nearer (13 days against 17).
    assert_eq!(
        (info(&tie, "1.4").lts, info(&tie, "1.5").lts),
        (false, true)
    );
    let skipped = policy(
        rules,
        r#"[{"line": "1.0", "released": "2026-01-01", "lts": true},
            {"line": "1.1", "released": "2026-03-25", "lts": false},
            {"line": "1.2", "released": "2026-04-08"}]"#,
    );
    assert_eq!(
        (info(&skipped, "1.1").lts, info(&skipped, "1.2").lts),
        (false, true)
    );
}

#[test]
fn with_every_a_line_declared_not_lts_does_not_shift_the_count() {
    // Kestra's rules, 1.3 declared not LTS: 1.6, six places after 1.0, is.
    let policy = kestra_with_history(serde_json::json!([
        {"line": "1.0", "released": "2025-09-09", "lts": true},
        {"line": "1.1", "released": "2025-11-04"},
        {"line": "1.2", "released": "2026-01-13"},
        {"line": "1.3", "released": "2026-03-03", "lts": false}
    ]));
    let flags: Vec<bool> = ["1.3", "1.4", "1.5", "1.6"]
        .iter()
        .map(|name| info(&policy, name).lts)
        .collect();
    assert_eq!(flags, [false, false, false, true]);
}

#[test]
fn support_until_the_third_line_after_plus_grace_to_the_month_end() {
    let rules = r#""releases": {"every_months": 4}, "support": {"until_next": 3, "grace_months": 2, "round": "month_end"}"#;
    let policy = policy(rules, r#"[{"line": "1.0", "released": "2026-01-14"}]"#);
    // 1.3 comes 12 months after 1.0: 2027-01-14; + 2 months = 03-14, inside
    // March: the window ends on April 1 (supported to March 31).
    let one_oh = info(&policy, "1.0");
    assert_eq!(
        (one_oh.eol, one_oh.eol_reason, one_oh.eol_source),
        (
            Some(date("2027-04-01")),
            EolReason::Superseded(line("1.3")),
            Source::Rules
        )
    );
    let listed = |on: &str| supported(&policy, on).iter().any(|(name, _)| name == "1.0");
    assert!(listed("2027-03-31"));
    assert!(!listed("2027-04-01"));
}

#[test]
fn the_earlier_term_ends_a_support_window() {
    let rules = r#""releases": {"every_months": 4}, "support": {"months": 6, "until_next": 3}"#;
    let policy = policy(rules, r#"[{"line": "1.0", "released": "2026-01-14"}]"#);
    // 6 months (2026-07-14) comes before 1.3 (2027-01-14).
    let one_oh = info(&policy, "1.0");
    assert_eq!(
        (one_oh.eol, one_oh.eol_reason),
        (Some(date("2026-07-14")), EolReason::SupportPeriod)
    );
    assert_eq!(
        supported(&policy, "2026-06-01"),
        [pair("1.1", &[LATEST]), pair("1.0", &["maintained"])]
    );
}

#[test]
fn month_end_rounding_at_month_ends_and_in_a_leap_year() {
    let rules =
        r#""releases": {"every_months": 1}, "support": {"months": 1, "round": "month_end"}"#;
    // 01-31 + 1 month = 02-29 in 2024 (a leap year), inside February: the
    // window ends on March 1. 02-01 + 1 month is 03-01, already a month's
    // first day: it stays.
    let policy = policy(
        rules,
        r#"[{"line": "1.0", "released": "2024-01-31"}, {"line": "1.1", "released": "2024-02-01"}]"#,
    );
    assert_eq!(info(&policy, "1.0").eol, Some(date("2024-03-01")));
    assert_eq!(info(&policy, "1.1").eol, Some(date("2024-03-01")));
    assert_eq!(info(&policy, "1.0").eol_reason, EolReason::SupportPeriod);
}

#[test]
fn recorded_patches_are_the_only_ones() {
    let envoy = example("envoy");
    // Envoy's patches ship as needed: past its newest recorded patch a line
    // stays at it, however long it is supported.
    let newest = envoy.line(line("1.38")).unwrap();
    let recorded = envoy
        .history()
        .iter()
        .find(|r| r.line == line("1.38"))
        .unwrap();
    let last = recorded.patches.last().unwrap().version.to_string();
    assert_eq!(newest_patch(&envoy, line("1.38"), "2027-04-01"), last);
    assert!(newest.eol > Some(date("2027-04-01")));
    // A line with no recorded patch is at its .0.
    assert_eq!(newest_patch(&envoy, line("1.40"), "2026-12-31"), "1.40.0");
}

#[test]
fn an_overdue_line_moves_to_the_first_release_day_after_history_as_of() {
    // Kestra's real history, complete up to 2026-11-20, a Friday, lists no
    // 2.1, due on 2026-11-10: it comes on the next Tuesday, 11-24, and
    // 2.2 two months after it: 2027-01-24 is a Sunday, so 01-26.
    let mut file: serde_json::Value =
        serde_json::from_str(&Policy::kestra().unwrap().to_json()).unwrap();
    file["history_as_of"] = "2026-11-20".into();
    let policy = Policy::from_json(&file.to_string()).unwrap();
    let late = info(&policy, "2.1");
    assert_eq!((late.released, late.overdue), (date("2026-11-24"), true));
    let next = info(&policy, "2.2");
    assert_eq!((next.released, next.overdue), (date("2027-01-26"), false));
    // On the day the history ends, 2.0 is still the latest.
    assert_eq!(
        policy.latest_on(date("2026-11-20")).unwrap().unwrap().line,
        line("2.0")
    );
    // Without a weekday the late line comes the day after; with an nth
    // weekday, on the first such weekday after.
    let daily = policy_with_as_of(
        r#""releases": {"every_months": 1}"#,
        "2026-01-15",
        "2026-03-20",
    );
    assert_eq!(
        (info(&daily, "1.1").released, info(&daily, "1.2").released),
        (date("2026-03-21"), date("2026-04-21"))
    );
    // GitLab complete up to 2026-09-30: 19.4, due 09-17, comes Thursday
    // 10-01; 19.5 on the 3rd Thursday of November, 11-19.
    let mut gitlab: serde_json::Value = serde_json::from_str(&example("gitlab").to_json()).unwrap();
    gitlab["history_as_of"] = "2026-09-30".into();
    let gitlab = Policy::from_json(&gitlab.to_string()).unwrap();
    assert_eq!(
        (
            released(&gitlab, line("19.4")),
            released(&gitlab, line("19.5"))
        ),
        ("2026-10-01".to_owned(), "2026-11-19".to_owned())
    );
}

fn policy_with_as_of(rules: &str, first: &str, as_of: &str) -> Policy {
    policy(
        &format!(r#"{rules}, "history_as_of": "{as_of}""#),
        &format!(r#"[{{"line": "1.0", "released": "{first}"}}]"#),
    )
}

#[test]
fn every_first_form_file_has_a_general_form() {
    // Found by cargo fuzz: an LTS every 624 monthly minors is a valid first
    // form, so `every` takes up to 1200 lines.
    let flat = Policy::from_json(&kestra_with("minor_every_months", 1.into())).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&flat.to_json()).unwrap();
    assert_eq!(file["lts"]["every"], 6);
    file = serde_json::from_str(&kestra_with("minor_every_months", 1.into())).unwrap();
    file["lts_every_months"] = 1200.into();
    let far = Policy::from_json(&file.to_string()).unwrap();
    assert_eq!(Policy::from_json(&far.to_json()).unwrap(), far);
}

#[test]
fn the_first_form_and_its_general_form_give_the_same_answers() {
    let flat = kestra();
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
            r#""releases": {"every_months": 1}, "support": {"months": 3, "grace_months": 1}"#,
            "support.grace_months: a grace period is added to until_next, which is missing",
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
fn a_known_line_in_the_month_of_new_majors_starts_none_that_year() {
    // Every 2 weeks on Tuesday from 3.4 (2026-05-05, known, the first line
    // of May 2026): 3.5 on 05-19 starts no major. 2027-05-04 is 364 days
    // (26 fortnights) on, the first line of May 2027: 4.0; 3.29 before it.
    let rules = r#""releases": {"every_weeks": 2, "on": "Tuesday"}, "new_major": {"in_month": 5}"#;
    let policy = policy(rules, r#"[{"line": "3.4", "released": "2026-05-05"}]"#);
    assert_eq!(info(&policy, "3.5").released, date("2026-05-19"));
    assert_eq!(info(&policy, "3.29").released, date("2027-04-20"));
    assert_eq!(info(&policy, "4.0").released, date("2027-05-04"));
    assert_eq!(info(&policy, "4.1").released, date("2027-05-18"));
    assert!(policy.line(line("3.30")).is_err());
}

#[test]
fn history_as_of_belongs_to_both_forms() {
    let mut file: serde_json::Value = serde_json::from_str(KESTRA_FLAT).unwrap();
    file["history_as_of"] = "2026-11-20".into();
    let policy = Policy::from_json(&file.to_string()).unwrap();
    // The flat history ends with 2.0 (2026-09-08): 2.1, due 11-10, is overdue.
    assert!(info(&policy, "2.1").overdue);
}

/// The worked examples of Kestra's policy, on the embedded policy: Kestra's rules over
/// its real history (declared LTS flags, announced ends, history_as_of
/// 2026-09-18).
#[test]
fn the_worked_examples_of_the_spec_hold_on_the_embedded_policy() {
    let kestra = Policy::kestra().unwrap();
    assert_eq!(kestra.history_as_of(), date("2026-09-18"));
    // 1.2 is the latest until 1.3 (2026-03-03); 1.0 the LTS line, until
    // its announced end, 2026-09-09.
    let march = kestra.supported_on(date("2026-03-01")).unwrap();
    assert_eq!(
        roles(&march),
        [pair("1.2", &[LATEST]), pair("1.0", &[LATEST_LTS])]
    );
    assert_eq!(
        (march[0].info.eol, march[1].info.eol),
        (Some(date("2026-03-03")), Some(date("2026-09-09")))
    );
    // backport-targets --latest 1.3: on 1.3's release day.
    let targets = kestra
        .backport_targets(kestra.release_of(line("1.3")).unwrap(), None, Fix::Bug)
        .unwrap();
    assert_eq!(
        roles(&targets),
        [
            pair("1.3", &[LATEST, LATEST_LTS]),
            pair("1.0", &[PREVIOUS_LTS])
        ]
    );
    let branches: Vec<String> = targets
        .iter()
        .map(|target| kestra.branch_template().render(&target.info.line))
        .collect();
    assert_eq!(branches, ["releases/v1.3.x", "releases/v1.0.x"]);
    // 2.0 declared LTS; 1.3 kept until its announced end, 2027-03-03.
    let october = kestra.supported_on(date("2026-10-01")).unwrap();
    assert_eq!(
        roles(&october),
        [
            pair("2.0", &[LATEST, LATEST_LTS]),
            pair("1.3", &[PREVIOUS_LTS])
        ]
    );
    assert_eq!(october[1].info.eol, Some(date("2027-03-03")));
    // 2.1 on 2026-11-10 (11-08 is a Sunday), 2.2 on 2027-01-12, 2.3 on
    // 2027-03-09, LTS three lines after 2.0. 2.1 is projected, not
    // overdue: the history is complete up to 2026-09-18 only.
    let projected: Vec<(String, String, bool, bool)> = ["2.1", "2.2", "2.3"]
        .iter()
        .map(|name| {
            let info = info(&kestra, name);
            (
                name.to_string(),
                info.released.to_string(),
                info.lts,
                info.overdue,
            )
        })
        .collect();
    assert_eq!(
        projected,
        [
            ("2.1".to_owned(), "2026-11-10".to_owned(), false, false),
            ("2.2".to_owned(), "2027-01-12".to_owned(), false, false),
            ("2.3".to_owned(), "2027-03-09".to_owned(), true, false),
        ]
    );
    // On 2026-11-25 2.0 is supported (the first history dropped it).
    assert_eq!(
        supported(&kestra, "2026-11-25"),
        [
            pair("2.1", &[LATEST]),
            pair("2.0", &[LATEST_LTS]),
            pair("1.3", &[PREVIOUS_LTS])
        ]
    );
    // The rules alone would end 1.0 on 2026-09-08, 2.0's release: the
    // announced end replaces it.
    let one_oh = info(&kestra, "1.0");
    assert_eq!(
        (one_oh.eol, one_oh.eol_reason, one_oh.eol_source),
        (
            Some(date("2026-09-09")),
            EolReason::Announced,
            Source::History
        )
    );
    assert_eq!(one_oh.lts_window.unwrap().rule_until(), date("2026-09-08"));
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

/// A calendar's patch days end with its range, and `next_patch` looks 400
/// years ahead at most: under `tests/data/unpatched.json` every line's
/// support ends before its first patch day (1.0, 2026-01-06, is LTS until
/// 1.6 comes on 2026-07-07; its first patch day would be 31 weeks on,
/// 2026-08-11), so none ever comes.
#[test]
fn patch_days_end_with_the_range_and_the_search_with_its_horizon() {
    use lts_policy::answers::Start;
    let policy = Policy::from_json(include_str!("../data/unpatched.json")).unwrap();
    let calendar = policy
        .releases(
            Some(date("2026-01-01")),
            Some(date("2026-12-31")),
            date("2026-01-06"),
        )
        .unwrap();
    assert_eq!(calendar.patch_days().map(Result::unwrap).count(), 0);
    assert_eq!(calendar.lines().count(), 12);
    let after = Start::After(date("2026-01-06"));
    assert_eq!(policy.next_patch(after).unwrap(), None);
    assert_eq!(policy.patch_search_end(after), date("2426-01-06"));
}
