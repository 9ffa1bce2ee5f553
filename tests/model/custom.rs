//! `tests/data/monthly.json`, which differs from Kestra in every parameter.
//! History: 4.0 2022-08-31 (no flag: the anchor, so LTS), 4.1 .. 4.3, 4.4
//! declared not LTS, 4.5 on 2023-01-31 with patches 4.5.1 (02-09) and 4.5.2
//! (02-10, a Friday). Projections count k months from 2023-01-31.

use super::*;
use lts_policy::Source;
use lts_policy::lines::EolReason;

#[test]
fn projections_clamp_to_month_end_without_compounding() {
    let policy = monthly();
    // k=1: 2023-02-28 (clamped from the 31st), a Tuesday -> Thursday 03-02.
    assert_eq!(info(&policy, "4.6").released, date("2023-03-02"));
    // k=2: 2023-03-31 (from the 31st again, not 02-28 + 1 month = 03-28),
    // a Friday -> Thursday 04-06.
    assert_eq!(info(&policy, "4.7").released, date("2023-04-06"));
    // k=12: 2024-01-31, a Wednesday -> Thursday 2024-02-01.
    assert_eq!(info(&policy, "4.17").released, date("2024-02-01"));
    // k=13: 2024-02-29 (leap year clamp), itself a Thursday.
    assert_eq!(info(&policy, "4.18").released, date("2024-02-29"));
}

#[test]
fn with_no_line_declared_lts_the_first_line_is_the_anchor() {
    let policy = monthly();
    let flag = |name| {
        let info = info(&policy, name);
        (info.lts, info.lts_source)
    };
    assert_eq!(flag("4.0"), (true, Source::Rules));
    // 4 places after the anchor, but the history says no, and the count goes on.
    assert_eq!(flag("4.4"), (false, Source::History));
    assert_eq!(flag("4.5"), (false, Source::Rules));
    assert_eq!(flag("4.8"), (true, Source::Rules));
    assert_eq!(flag("4.12"), (true, Source::Rules));
}

#[test]
fn lts_support_from_a_31st_ends_on_a_leap_day() {
    // 2022-08-31 + 18 months = 2024-02-29; the 4th LTS after 4.0 is 4.20
    // (k=15: 2024-04-30 -> Thursday 2024-05-02), later, so the period wins.
    let four_oh = info(&monthly(), "4.0");
    assert_eq!(four_oh.eol, Some(date("2024-02-29")));
    assert_eq!(four_oh.eol_reason, EolReason::LtsSupportPeriod);
}

#[test]
fn lts_support_cut_by_the_fourth_lts_after_it() {
    // 4.8 on 2023-05-04 + 18 months = 2024-11-04; the 4th LTS after it is
    // 4.24 (k=19: 2024-08-31, a Saturday -> 2024-09-05), earlier.
    let four_eight = info(&monthly(), "4.8");
    assert_eq!(four_eight.released, date("2023-05-04"));
    assert_eq!(four_eight.eol, Some(date("2024-09-05")));
    assert_eq!(
        four_eight.eol_reason,
        EolReason::LtsSuperseded(line("4.24"))
    );
}

#[test]
fn four_lts_lines_in_parallel_and_the_leap_day_boundary() {
    let policy = monthly();
    // 4.17 comes out on 2024-02-01 itself; 4.16 (2024-01-04) is the newest LTS.
    assert_eq!(
        supported(&policy, "2024-02-01"),
        [
            pair("4.17", &[LATEST]),
            pair("4.16", &[LATEST_LTS]),
            pair("4.12", &[PREVIOUS_LTS]),
            pair("4.8", &[PREVIOUS_LTS]),
            pair("4.0", &[PREVIOUS_LTS]),
        ]
    );
    // 4.0 ends on 2024-02-29, the day 4.18 comes out.
    assert_eq!(supported(&policy, "2024-02-28").len(), 5);
    assert_eq!(
        supported(&policy, "2024-02-29"),
        [
            pair("4.18", &[LATEST]),
            pair("4.16", &[LATEST_LTS]),
            pair("4.12", &[PREVIOUS_LTS]),
            pair("4.8", &[PREVIOUS_LTS]),
        ]
    );
}

#[test]
fn known_patches_are_authoritative_then_counting_resumes() {
    let policy = monthly();
    let four_five = info(&policy, "4.5");
    let patch = |on| {
        let patch = policy.newest_patch(&four_five, date(on)).unwrap().unwrap();
        (patch.version.to_string(), patch.released, patch.source)
    };
    // Thursday 02-02 is before the first known patch: none shipped then.
    assert_eq!(
        patch("2023-02-08"),
        ("4.5.0".to_owned(), date("2023-01-31"), Source::History)
    );
    assert_eq!(
        patch("2023-02-09"),
        ("4.5.1".to_owned(), date("2023-02-09"), Source::History)
    );
    assert_eq!(
        patch("2023-02-10"),
        ("4.5.2".to_owned(), date("2023-02-10"), Source::History)
    );
    // After 4.5.2, one per Thursday: 02-16 and 02-23, then the eol on 03-02.
    assert_eq!(
        patch("2023-02-16"),
        ("4.5.3".to_owned(), date("2023-02-16"), Source::Rules)
    );
    assert_eq!(
        patch("2023-03-01"),
        ("4.5.4".to_owned(), date("2023-02-23"), Source::Rules)
    );
    assert_eq!(
        patch("2023-06-01"),
        ("4.5.4".to_owned(), date("2023-02-23"), Source::Rules)
    );
}

#[test]
fn next_patch_day_ships_a_known_patch_on_its_day() {
    let policy = monthly();
    let versions = |after| {
        let day = policy
            .next_patch(Start::After(date(after)))
            .unwrap()
            .unwrap();
        let versions: Vec<String> = day
            .patches
            .iter()
            .map(|p| p.patch.version.to_string())
            .collect();
        (day.day, versions)
    };
    // 4.0's Thursdays from 2022-09-01 to 2023-02-09: 161 days = 23 weeks -> 24.
    assert_eq!(
        versions("2023-02-08"),
        (
            date("2023-02-09"),
            vec!["4.5.1".to_owned(), "4.0.24".to_owned()]
        )
    );
    // 4.5.2 is recorded on Friday 2023-02-10, off the Thursday schedule: a
    // recorded patch makes its day a patch day, alone.
    assert_eq!(
        versions("2023-02-09"),
        (date("2023-02-10"), vec!["4.5.2".to_owned()])
    );
    // The next Thursday brings 4.5.3, the first projected after 4.5.2, and 4.0.25.
    assert_eq!(
        versions("2023-02-10"),
        (
            date("2023-02-16"),
            vec!["4.5.3".to_owned(), "4.0.25".to_owned()]
        )
    );
}

#[test]
fn branch_names_follow_the_policy_template() {
    assert_eq!(
        monthly().branch_template().render(&line("4.12")),
        "stable/4.12"
    );
}

#[test]
fn a_latest_line_past_its_lts_window_is_still_supported() {
    // Found by the property tests. Every line LTS, one month of support:
    // 1.1's LTS ends 1990-02-18 + 1 month = 1990-03-18, but it is the latest
    // until 1.2 (1990-02-18 + 6 months = 1990-08-18, a Saturday -> Monday 08-20).
    let policy = Policy::from_json(
        r#"{"name": "short", "release_weekday": "Monday", "minor_every_months": 6,
            "lts_every_months": 6, "lts_support_months": 1, "lts_in_parallel": 1,
            "branch_template": "{major}.{minor}",
            "history": [{"line": "1.0", "released": "1990-01-01"},
                        {"line": "1.1", "released": "1990-02-18"}]}"#,
    )
    .unwrap();
    assert_eq!(supported(&policy, "1990-03-18"), [pair("1.1", &[LATEST])]);
    assert_eq!(
        supported(&policy, "1990-03-17"),
        [pair("1.1", &[LATEST, LATEST_LTS])]
    );
    assert_eq!(info(&policy, "1.2").released, date("1990-08-20"));
}

#[test]
fn patch_days_go_on_after_days_with_no_line_supported() {
    // 1.0's announced end, 2024-02-01, comes before 1.1 (2024-03-12): no
    // line is supported in between. The patch days were once left there
    // for good; 1.1 brings them back.
    let policy = Policy::from_json(
        r#"{"name": "gap", "lines": "minor",
            "releases": {"every_months": 2, "on": "Tuesday"},
            "patches": {"every_weeks": 1, "on": "Friday"},
            "branch_template": "r{major}.{minor}",
            "history": [{"line": "1.0", "released": "2024-01-09", "eol": "2024-02-01"},
                        {"line": "1.1", "released": "2024-03-12"}]}"#,
    )
    .unwrap();
    let days: Vec<(NaiveDate, Vec<String>)> = policy
        .patch_days(date("2024-01-01"), date("2024-03-31"))
        .map(|day| {
            let day = day.unwrap();
            let versions = day.patches.iter().map(|p| p.patch.version.to_string());
            (day.day, versions.collect())
        })
        .collect();
    let day = |text, version: &str| (date(text), vec![version.to_owned()]);
    assert_eq!(
        days,
        [
            // The Fridays after 1.0's .0 (Tuesday 01-09) before its end.
            day("2024-01-12", "1.0.1"),
            day("2024-01-19", "1.0.2"),
            day("2024-01-26", "1.0.3"),
            // The Fridays after 1.1's .0 (Tuesday 03-12).
            day("2024-03-15", "1.1.1"),
            day("2024-03-22", "1.1.2"),
            day("2024-03-29", "1.1.3"),
        ]
    );
}
