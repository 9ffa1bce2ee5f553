//! The 80% ranges of projected releases: from the track record of how far
//! the history's releases fell from the days their rules had them due,
//! worked out by hand.

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
