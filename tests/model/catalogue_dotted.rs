//! A vendor's rules over a record whose older cycles are numbered
//! otherwise (`ProductRecord::policy`): carried over dotted lines where
//! the rules say the same of the vendor's own lines, else the older cycles
//! left out, and the comment says so.

use lts_policy::Policy;
use lts_policy::catalogue::ProductRecord;

/// A record of one major, `1` (2020-01-01 to its last day 2021-01-01),
/// then minors 2.0 (2021-01-01) and 2.1 (2021-06-01).
fn record() -> ProductRecord {
    ProductRecord {
        name: "demo".to_owned(),
        cycles: r#"[
            {"releaseCycle": "2.1", "releaseDate": "2021-06-01", "eol": false},
            {"releaseCycle": "2.0", "releaseDate": "2021-01-01", "eol": false},
            {"releaseCycle": "1", "releaseDate": "2020-01-01", "eol": "2021-01-01"}
        ]"#
        .to_owned(),
        ..ProductRecord::default()
    }
}

/// The vendor's policy for its minors, with `rules` added.
fn vendor(rules: &str) -> Policy {
    Policy::from_json(&format!(
        r#"{{"name": "demo", "lines": "minor", "releases": {{"every_months": 6}},
            "support": {{"until_next": 2}}, "branch_template": "stable/{{major}}.{{minor}}"{rules},
            "history": [{{"line": "2.0", "released": "2021-01-01"}}]}}"#
    ))
    .unwrap()
}

fn lines(policy: &Policy) -> Vec<String> {
    policy
        .history()
        .iter()
        .map(|release| release.line.to_string())
        .collect()
}

#[test]
fn the_vendors_rules_carry_over_dotted_lines_with_the_older_cycle() {
    let policy = record().policy(Some(&vendor(""))).unwrap();
    assert_eq!(lines(&policy), ["1", "2.0", "2.1"]);
    // stable/{major}.{minor} names a minor line as stable/{line} does.
    let two_one = policy.line("2.1".parse().unwrap()).unwrap();
    assert_eq!(policy.branch_template().render(&two_one.line), "stable/2.1");
    // 1 is supported through its last day, 2021-01-01, beside 2.0.
    let on = |day| {
        let supported = policy
            .supported_on(lts_policy::parse_date(day).unwrap())
            .unwrap();
        supported
            .iter()
            .map(|line| line.info.line.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(on("2021-01-01"), ["2.0", "1"]);
    assert_eq!(on("2021-01-02"), ["2.0"]);
    // Projected after 2.1, six months on: 2.2 on 2021-12-01.
    let next = policy.line("2.2".parse().unwrap()).unwrap();
    assert_eq!(next.released.to_string(), "2021-12-01");
    assert!(!policy.comment().unwrap().contains("numbered otherwise"));
}

#[test]
fn a_vendor_that_projects_new_majors_keeps_its_minors_and_leaves_the_older_cycle_out() {
    // Dotted lines project 2.1 -> 2.2 and never a new major: a vendor whose
    // rules say 3.0 comes after 2.1 keeps its minor lines, without `1`.
    let policy = record()
        .policy(Some(&vendor(r#", "new_major": {"after_minor": 1}"#)))
        .unwrap();
    assert_eq!(lines(&policy), ["2.0", "2.1"]);
    let next = policy.line("3.0".parse().unwrap()).unwrap();
    assert_eq!(next.released.to_string(), "2021-12-01");
    assert!(
        policy
            .comment()
            .unwrap()
            .contains("but for its cycles numbered otherwise")
    );
}
