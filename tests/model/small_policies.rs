//! The general model on small policies built for one boundary each: ties
//! and skipped lines in the LTS count, support windows and their month
//! ends, overdue lines, new majors, and patch days that never come.

use lts_policy::Source;
use lts_policy::lines::EolReason;

use super::*;

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
    let policy = kestra_flat_with_history(serde_json::json!([
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

/// A major month the releases never reach projects no major: Python's
/// history fitted to yearly releases on October 7th and majors in
/// December (3.0 came on 2008-12-03), or Apache Hop's majors in June with
/// releases in February, May and November. 4.0 is never projected, and
/// says so, where the search for it ran past the last date.
#[test]
fn majors_in_a_month_the_releases_never_reach_are_never_projected() {
    let never = |rules: &str, history: &str, newest: &str, next: &str, after: &str| {
        let policy = policy(rules, history);
        let err = policy.line(line("4.0")).unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "line 4.0 is not in the test policy: majors are never projected; \
                 after {newest} come {next}, {after} and so on"
            )
        );
        policy
    };
    let yearly = never(
        r#""releases": {"every_months": 12, "on": 7}, "new_major": {"in_month": 12}"#,
        r#"[{"line": "3.14", "released": "2025-10-07"}]"#,
        "3.14",
        "3.15",
        "3.16",
    );
    // 3.16: two years on, still a minor.
    assert_eq!(info(&yearly, "3.16").released, date("2027-10-07"));
    // Hop: 2.17 out on 2026-02-06, complete to 2026-08-22: the May 13th
    // release is overdue and comes the day after, 2026-08-23; then
    // November 13th, February 13th, May 13th: never June.
    let hop = never(
        r#""releases": {"in_months": [2, 5, 11], "on": 13}, "new_major": {"in_month": 6}, "history_as_of": "2026-08-22""#,
        r#"[{"line": "2.17", "released": "2026-02-06"}]"#,
        "2.18",
        "2.19",
        "2.20",
    );
    assert_eq!(info(&hop, "2.18").released, date("2026-08-23"));
    assert_eq!(info(&hop, "2.19").released, date("2026-11-13"));
    assert_eq!(info(&hop, "2.21").released, date("2027-05-13"));
}
