//! The audit's `off-stated-rule`: a recorded end more than a week off a
//! rule the product's record states, on a small policy worked by hand and
//! on catalogue files whose rule holds but for one end.

use super::*;
use lts_policy::audit::{AuditScope, Finding, FindingDate};
use lts_policy::catalogue::StatedField;

/// Minor lines a quarter apart. The record states two rules: the end of
/// support the day the next line comes (used), and active support for two
/// months (declined). Ends are written as the history keeps them: the
/// first day without support, the day after the record's last day.
fn stating_two_rules() -> Policy {
    policy(
        r#""product": {"stated": [
            {"rule": "eol(x) = releaseDate(x+1)", "agree": 2, "of": 3, "used": true},
            {"rule": "eoas(x) = releaseDate(x) + 2 months", "agree": 1, "of": 2, "used": false}
           ]},
           "releases": {"every_months": 3}, "patches": "recorded",
           "support": {"until_next": 1, "grace_days": 1}"#,
        r#"[
            {"line": "1.0", "released": "2025-01-10", "eol": "2025-04-11", "active_until": "2025-03-11"},
            {"line": "1.1", "released": "2025-04-10", "eol": "2025-09-02"},
            {"line": "1.2", "released": "2025-07-10", "eol": "2025-10-05", "active_until": "2025-08-21"},
            {"line": "1.3", "released": "2025-10-10"}
        ]"#,
    )
}

/// The off-stated-rule findings of an audit of the history on `on`, and
/// whether any depends on a projection.
#[track_caller]
fn off_stated(policy: &Policy, on: &str, scope: AuditScope) -> Vec<Finding> {
    let audit = policy.audit(date(on), scope).unwrap();
    audit
        .findings
        .into_iter()
        .filter(|found| found.finding.kind() == "off-stated-rule")
        .inspect(|found| assert!(!found.projected, "a recorded end is a fact"))
        .map(|found| found.finding)
        .collect()
}

#[test]
fn each_end_more_than_a_week_off_a_stated_rule_is_found_used_or_not() {
    // eol(x) = releaseDate(x+1), as last days:
    //   1.0 ends 2025-04-10, the day 1.1 came: agrees.
    //   1.1 ends 2025-09-01 where 1.2 came 2025-07-10: 21 days to 08-01,
    //       31 to 09-01, 53 days after. A finding.
    //   1.2 ends 2025-10-04 where 1.3 came 2025-10-10: 6 days before,
    //       within the week.
    //   1.3 records no end.
    // eoas(x) = releaseDate(x) + 2 months (declined, still checked):
    //   1.0 ends active support 2025-03-10 = 2025-01-10 + 2 months: agrees.
    //   1.2 ends it 2025-08-20 where 2025-07-10 + 2 months = 2025-09-10:
    //       21 days before. A finding.
    // Rule by rule, each in line order.
    let expected = [
        Finding::OffStatedRule {
            line: line("1.1"),
            phase: StatedField::Support,
            recorded: date("2025-09-01"),
            stated: date("2025-07-10"),
            days_off: 53,
            rule: "eol(x) = releaseDate(x+1)".to_owned(),
        },
        Finding::OffStatedRule {
            line: line("1.2"),
            phase: StatedField::Active,
            recorded: date("2025-08-20"),
            stated: date("2025-09-10"),
            days_off: -21,
            rule: "eoas(x) = releaseDate(x) + 2 months".to_owned(),
        },
    ];
    let policy = stating_two_rules();
    assert_eq!(
        off_stated(&policy, "2026-01-01", AuditScope::History),
        expected
    );
    // The projection adds lines, not facts: the same two.
    let projected = AuditScope::Projected {
        to: Some(date("2027-01-01")),
    };
    assert_eq!(off_stated(&policy, "2026-01-01", projected), expected);
    // Days, lines and dates as every finding gives them.
    assert_eq!(expected[0].days(), Some(53));
    assert_eq!(
        expected[1].subject().dates,
        [
            (FindingDate::Recorded, date("2025-08-20")),
            (FindingDate::Stated, date("2025-09-10")),
        ]
    );
}

#[test]
fn only_lines_released_by_the_day_asked_are_facts() {
    // On 2025-07-09 1.2 has not come: 1.1's stated end (1.2's release) is
    // unknown and 1.2's ends are not yet facts, so nothing is off.
    assert_eq!(
        off_stated(&stating_two_rules(), "2025-07-09", AuditScope::History),
        []
    );
}

#[test]
fn a_policy_without_a_product_section_states_no_rule() {
    assert_eq!(
        off_stated(&kestra_flat(), "2026-11-25", AuditScope::History),
        []
    );
}

/// The catalogue's policy of `product`.
fn catalogue(product: &str) -> Policy {
    let path = format!("catalogue/products/{product}.json");
    Policy::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn rusts_record_keeps_its_rule_but_for_1_62() {
    // Rust states eol(x) = releaseDate(x+1), and 68 of its 69 recorded
    // ends keep it. 1.62's record ends 2022-09-12, but 1.63 came on
    // 2022-08-11: 20 days to 08-31, 12 more, 32 days after.
    assert_eq!(
        off_stated(&catalogue("rust"), "2026-08-22", AuditScope::History),
        [Finding::OffStatedRule {
            line: line("1.62"),
            phase: StatedField::Support,
            recorded: date("2022-09-12"),
            stated: date("2022-08-11"),
            days_off: 32,
            rule: "eol(x) = releaseDate(x+1)".to_owned(),
        }]
    );
}

#[test]
fn netbsds_8_ends_active_support_two_years_to_the_day_after_9_came() {
    // NetBSD states eoas(x) = releaseDate(x+1); 9 of its 10 ends keep it.
    // 8's record ends active support 2022-02-14, 9 came 2020-02-14:
    // 366 days (2020 is a leap year) + 365 = 731 days after, the year
    // written 2022 for 2020 or a rule that did not hold for 8.
    let found = off_stated(&catalogue("netbsd"), "2026-08-22", AuditScope::History);
    // Major lines: the line compared by name.
    let [
        Finding::OffStatedRule {
            line,
            phase,
            recorded,
            stated,
            days_off,
            rule,
        },
    ] = found.as_slice()
    else {
        panic!("one end off the stated rule: {found:?}");
    };
    assert_eq!(
        (
            line.to_string(),
            *phase,
            *recorded,
            *stated,
            *days_off,
            rule.as_str()
        ),
        (
            "8".to_owned(),
            StatedField::Active,
            date("2022-02-14"),
            date("2020-02-14"),
            731,
            "eoas(x) = releaseDate(x+1)"
        )
    );
}
