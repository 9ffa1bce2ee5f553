//! The 80% ranges of projected releases and ends: from the track records
//! of how far the history's releases and recorded ends fell from the days
//! their rules gave, worked out by hand.

use super::Policy;

#[test]
fn an_overdue_line_ranges_from_the_day_after_the_history_to_the_late_releases() {
    // Monthly on the 1st, one slip a month late: releases 2026-01-01,
    // 02-01, 03-01, 04-01, 06-01 (May was 31 days late), 07-01, 08-01; the
    // track record: 0, 0, 0, 31, 0, 0 days late, the newest weighing most.
    let days = [
        "2026-01-01",
        "2026-02-01",
        "2026-03-01",
        "2026-04-01",
        "2026-06-01",
        "2026-07-01",
        "2026-08-01",
    ];
    let history: Vec<String> = days
        .iter()
        .enumerate()
        .map(|(at, day)| format!(r#"{{"line": "1.{at}", "released": "{day}"}}"#))
        .collect();
    let json = |as_of: &str| {
        format!(
            r#"{{"name": "x", "releases": {{"every_months": 1}}, "branch_template": "b/{{major}}.{{minor}}",
                "history_as_of": "{as_of}", "history": [{}]}}"#,
            history.join(", ")
        )
    };
    // On time: 1.7 due 09-01. Weights back from 08-01: 07-01 (31 days)
    // 0.943, 06-01 (61, the late one) 0.891, 04-01 (122) 0.793, 03-01
    // (153) 0.748, 02-01 (181) 0.709; total with 08-01's 1.0: 5.084. The
    // five 0s weigh 4.193, past 10% of it (0.508) but short of 90% (4.576):
    // the middle 80% is (0, 31). Six slips are few: their effective count
    // is 5.084^2 / (0.709^2 + 0.748^2 + 0.793^2 + 0.891^2 + 0.943^2 +
    // 1.0^2) = 25.847 / 4.374 = 5.909, and the ranks 0.1 * 6.909 = 0.691
    // and 0.9 * 6.909 = 6.218 fall outside the slips (below 1, above
    // 5.909), 0.309 of a spacing each way. The middle's spacing is
    // 31 / (0.8 * 5.909) = 6.558 days; 0.309 of it is 2.03, 2 days: the
    // range runs from 2 days before the day to 33 days after it...
    let policy = Policy::from_json(&json("2026-08-01")).unwrap();
    let info = policy.line(lts_policy::Line::new(1, 7)).unwrap();
    let range = info.released_range.unwrap();
    assert_eq!(
        (range.from.to_string(), range.to.to_string()),
        ("2026-08-30".into(), "2026-10-04".into())
    );
    // ...and on 09-10, with no 1.7, it is overdue, projected 09-11, 10 days
    // late: of the track record only 1.4's 31 days is as late, so the range
    // runs from 09-11 to 09-01 + 31 = 10-02.
    let policy = Policy::from_json(&json("2026-09-10")).unwrap();
    let info = policy.line(lts_policy::Line::new(1, 7)).unwrap();
    assert!(info.overdue);
    let range = info.released_range.unwrap();
    assert_eq!(
        (range.from.to_string(), range.to.to_string()),
        ("2026-09-11".into(), "2026-10-02".into())
    );
}

/// Two months of support, as a period.
const TWO_MONTHS: &str = r#""support": {"months": 2}"#;

/// Monthly lines on the 1st from 2025-01-01 (1.0) to 2025-07-01 (1.6),
/// each supported two months by `rules`; 1.0 to 1.4 recorded ending `late`
/// days after that, 1.5's end as `eol_of_1_5`.
fn ended_late(rules: &str, late: [u32; 5], eol_of_1_5: &str, as_of: &str) -> Policy {
    let history: Vec<String> = (0..7)
        .map(|at| {
            let released = format!("2025-{:02}-01", at + 1);
            let eol = match late.get(at) {
                // Two months after the release, then `late` days.
                Some(days) => {
                    let rules_end = chrono::NaiveDate::from_ymd_opt(2025, at as u32 + 3, 1);
                    let day = rules_end.unwrap() + chrono::Days::new(u64::from(*days));
                    format!(r#", "eol": "{day}""#)
                }
                None if at == 5 => format!(r#", "eol": {eol_of_1_5}"#),
                None => String::new(),
            };
            format!(r#"{{"line": "1.{at}", "released": "{released}"{eol}}}"#)
        })
        .collect();
    Policy::from_json(&format!(
        r#"{{"name": "x", "releases": {{"every_months": 1}}, {rules},
            "branch_template": "b/{{major}}.{{minor}}", "history_as_of": "{as_of}",
            "history": [{}]}}"#,
        history.join(", ")
    ))
    .unwrap()
}

fn eol_range(policy: &Policy, minor: u64) -> Option<(String, String)> {
    let info = policy.line(lts_policy::Line::new(1, minor)).unwrap();
    info.eol_range
        .map(|range| (range.from.to_string(), range.to.to_string()))
}

#[test]
fn a_projected_end_ranges_by_how_far_the_recorded_ends_fell_from_the_rules() {
    // Every release on its day: the releases' track record is six 0s, so
    // 1.7's release (2025-08-01) ranges over that day alone. Every recorded
    // end came 3 days after the rules' two months: the ends' track record
    // is five 3s, and a projected end falls 3 days after the rules' day.
    let policy = ended_late(TWO_MONTHS, [3; 5], "null", "2025-07-01");
    let day = |minor| {
        let info = policy.line(lts_policy::Line::new(1, minor)).unwrap();
        info.eol.unwrap().to_string()
    };
    // 1.5 and 1.6, released and recorded without an end: 2025-08-01 and
    // 09-01 by the rules, each 3 days later in the range.
    assert_eq!(day(5), "2025-08-01");
    assert_eq!(
        eol_range(&policy, 5),
        Some(("2025-08-04".into(), "2025-08-04".into()))
    );
    assert_eq!(
        eol_range(&policy, 6),
        Some(("2025-09-04".into(), "2025-09-04".into()))
    );
    // 1.7, projected on 2025-08-01, ends 10-01: its release's range (the
    // day alone) moved to the end, widened by the ends' 3 days.
    assert_eq!(day(7), "2025-10-01");
    assert_eq!(
        eol_range(&policy, 7),
        Some(("2025-10-04".into(), "2025-10-04".into()))
    );
    // An end the history records is a fact: no range.
    assert_eq!(eol_range(&policy, 0), None);
}

#[test]
fn an_overdue_end_ranges_from_the_day_after_the_history_to_the_late_ends() {
    // On 2025-08-10 the record still supports 1.5 (`eol: false`), whose
    // rules' end was 08-01: overdue, projected the day after, 08-11, 10
    // days late. Of the ends' track record (3, 3, 3, 3, 40 days late) only
    // 1.4's 40 is as late: the range runs from 08-11 to 08-01 + 40 = 09-10.
    let policy = ended_late(TWO_MONTHS, [3, 3, 3, 3, 40], "false", "2025-08-10");
    let info = policy.line(lts_policy::Line::new(1, 5)).unwrap();
    assert_eq!(info.eol.unwrap().to_string(), "2025-08-11");
    assert_eq!(info.eol_reason, lts_policy::lines::EolReason::Overdue);
    assert_eq!(
        eol_range(&policy, 5),
        Some(("2025-08-11".into(), "2025-09-10".into()))
    );
    // With no end as late as 10 days, the track record cannot say when it
    // comes: no range.
    let policy = ended_late(TWO_MONTHS, [3; 5], "false", "2025-08-10");
    assert_eq!(eol_range(&policy, 5), None);
}

#[test]
fn an_lts_lines_recorded_end_is_measured_against_its_lts_rule() {
    // Every line LTS, two months of LTS support (one month of support
    // otherwise): the rules end each at release + 2 months, as above, and
    // each recorded end came 3 days later. The record also ends the LTS
    // window; the track record measures it against the rule's own end, so
    // 1.7's end (2025-10-01) ranges 3 days later, as without LTS.
    let rules = r#""support": {"months": 1}, "lts": {"every": 1, "support": {"months": 2}}"#;
    let policy = ended_late(rules, [3; 5], "null", "2025-07-01");
    let info = policy.line(lts_policy::Line::new(1, 7)).unwrap();
    assert!(info.lts);
    assert_eq!(info.eol.unwrap().to_string(), "2025-10-01");
    assert_eq!(
        eol_range(&policy, 7),
        Some(("2025-10-04".into(), "2025-10-04".into()))
    );
}
