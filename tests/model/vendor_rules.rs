//! The rules real vendors publish beyond the first ones (`src/model.md`,
//! "More rules real vendors publish"): LTS that starts later, two phases of
//! support, other units, ends on calendar boundaries, periods counted from
//! the schedule, the last minor of a major, rules that change from a line
//! on. Each on a small policy built for its boundary.

use lts_policy::answers::{Dangling, Fix, Tag, TagTarget};
use lts_policy::audit::{AuditScope, Finding};
use lts_policy::facts::Facts;
use lts_policy::lines::{ActiveEnd, LtsReason, Phase, RecordedEnd, WindowRule};
use lts_policy::rules::{Period, Round};
use lts_policy::{LineKind, Numbering, Source};

use super::*;

/// The problems of a policy file, as `policy --check` lists them.
fn problems(rules: &str, history: &str) -> Vec<String> {
    let json = format!(
        r#"{{"name": "test", {rules}, "branch_template": "v{{major}}", "history": {history}}}"#
    );
    Policy::check_json(&json)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn an_lts_line_is_lts_from_the_release_of_the_next_line() {
    // Every 6 months; 1.0 LTS, every 2nd line, LTS once the next comes out.
    let policy = policy(
        r#""releases": {"every_months": 6}, "lts": {"every": 2, "starts": {"at_next": 1}, "support": {"months": 24}}"#,
        r#"[{"line": "1.0", "released": "2024-01-01", "lts": true}]"#,
    );
    // 1.1 comes on 2024-07-01: the eve, 1.0 is the latest line and not LTS
    // yet, and no LTS line has started: latest-lts points nowhere.
    assert_eq!(supported(&policy, "2024-06-30"), [pair("1.0", &[LATEST])]);
    assert_eq!(
        policy.tag(Tag::LatestLts, date("2024-06-30")).unwrap(),
        TagTarget::Nowhere(Dangling::NoLtsYet)
    );
    // The day 1.1 comes out, 1.0's LTS window opens: 2024-07-01 to its
    // release + 24 months, 2026-01-01.
    assert_eq!(
        supported(&policy, "2024-07-01"),
        [pair("1.1", &[LATEST]), pair("1.0", &[LATEST_LTS])]
    );
    let one = info(&policy, "1.0");
    assert_eq!(one.lts_from, Some(date("2024-07-01")));
    assert_eq!(one.lts_from_source, Source::Rules);
    assert_eq!(one.lts_until(), Some(date("2026-01-01")));
    assert!(!one.is_lts_maintained_on(date("2024-06-30")));
    assert!(one.is_lts_maintained_on(date("2024-07-01")));
    // 1.2 (projected, 2025-01-01) is LTS from 1.3's release, 2025-07-01.
    assert_eq!(info(&policy, "1.2").lts_from, Some(date("2025-07-01")));
    assert!(
        policy
            .explain_line(&line("1.0"), date("2024-07-01"))
            .unwrap()
            .info
            .lts_from
            .is_some()
    );
}

#[test]
fn an_lts_start_in_months_or_dated_by_the_history() {
    let policy = policy(
        r#""releases": {"every_months": 6}, "lts": {"every": 2, "starts": {"months": 3}, "support": {"months": 24}}"#,
        r#"[{"line": "1.0", "released": "2024-01-01", "lts": "2024-02-15"}]"#,
    );
    // The history's day wins over the rule's (2024-04-01).
    let one = info(&policy, "1.0");
    assert_eq!((one.lts, one.lts_from), (true, Some(date("2024-02-15"))));
    assert_eq!(one.lts_from_source, Source::History);
    // 1.2, 2025-01-01 + 3 months: LTS from 2025-04-01.
    assert_eq!(info(&policy, "1.2").lts_from, Some(date("2025-04-01")));
    assert_eq!(supported(&policy, "2024-02-14"), [pair("1.0", &[LATEST])]);
    assert_eq!(
        supported(&policy, "2024-02-15"),
        [pair("1.0", &[LATEST, LATEST_LTS])]
    );
}

/// Every 3 months from 2024-01-10; a year of support, six months active.
const PHASES: &str =
    r#""releases": {"every_months": 3}, "support": {"months": 12}, "active": {"months": 6}"#;

#[test]
fn a_line_is_in_active_support_then_gets_security_fixes_only() {
    let policy = policy(
        PHASES,
        r#"[{"line": "1.0", "released": "2024-01-10"}, {"line": "1.1", "released": "2024-04-10"}]"#,
    );
    // 1.0: active until 2024-07-10 (six months, later than 1.1's release),
    // supported until 2025-01-10.
    let one = info(&policy, "1.0");
    assert_eq!(
        (one.active_until, one.active_end.clone(), one.eol),
        (
            Some(date("2024-07-10")),
            ActiveEnd::Rule(WindowRule::Active),
            Some(date("2025-01-10"))
        )
    );
    assert_eq!(one.phase_on(date("2024-07-09")), Some(Phase::Active));
    assert_eq!(one.phase_on(date("2024-07-10")), Some(Phase::Security));
    assert_eq!(one.phase_on(date("2025-01-10")), None);
    // The day its active support ends, a bug fix no longer goes to 1.0; a
    // security fix still does. 1.1 (active until 2024-10-10) gets both; so
    // does 1.2, the latest since 2024-07-10.
    let targets = |fix| -> Vec<String> {
        policy
            .backport_targets(date("2024-07-10"), None, fix)
            .unwrap()
            .iter()
            .map(|target| target.info.line.to_string())
            .collect()
    };
    assert_eq!(targets(Fix::Bug), ["1.2", "1.1"]);
    assert_eq!(targets(Fix::Security), ["1.2", "1.1", "1.0"]);
    let on = policy.supported_on(date("2024-07-10")).unwrap();
    assert_eq!(on[2].phase, Phase::Security);
    // Without an active rule a line is active until its eol: one phase.
    let one_phase = info(&kestra_flat(), "1.0");
    assert_eq!(
        (one_phase.active_until, one_phase.active_end),
        (one_phase.eol, ActiveEnd::OnePhase)
    );
}

#[test]
fn an_announced_end_of_active_support_wins_and_the_audit_reports_it_early() {
    let policy = policy(
        PHASES,
        r#"[{"line": "1.0", "released": "2024-01-10", "active_until": "2024-05-01"},
            {"line": "1.1", "released": "2024-04-10"}]"#,
    );
    let one = info(&policy, "1.0");
    assert_eq!(
        (one.active_until, one.active_end, one.active_source),
        (
            Some(date("2024-05-01")),
            ActiveEnd::Announced,
            Source::History
        )
    );
    // The rules promised 2024-07-10: 70 days later (May 31 + 10 + 29).
    let audit = policy
        .audit(date("2024-12-01"), AuditScope::History)
        .unwrap();
    let early: Vec<&Finding> = audit
        .findings
        .iter()
        .map(|found| &found.finding)
        .filter(|finding| finding.kind() == "early-active-end")
        .collect();
    assert_eq!(
        early,
        [&Finding::EarlyActiveEnd {
            line: line("1.0"),
            announced: date("2024-05-01"),
            promised: date("2024-07-10"),
        }]
    );
    assert_eq!(early[0].days(), Some(70));
}

#[test]
fn ends_round_to_the_first_day_of_a_quarter_or_a_year() {
    let policy = policy(
        r#""releases": {"every_months": 12}, "support": {"months": 12, "round": "year_end"}"#,
        r#"[{"line": "1.0", "released": "2025-01-01"}, {"line": "1.1", "released": "2025-03-15"}]"#,
    );
    // 2025-01-01 + 12 months is a first day of a year: it stays. Supported
    // on 2025-12-31, not on 2026-01-01.
    let one = info(&policy, "1.0");
    assert_eq!(one.eol, Some(date("2026-01-01")));
    assert!(one.is_supported_on(date("2025-12-31")));
    assert!(!one.is_supported_on(date("2026-01-01")));
    // 2026-03-15 is inside 2026: the next year's first day.
    assert_eq!(info(&policy, "1.1").eol, Some(date("2027-01-01")));
    // Quarters start in January, April, July and October.
    assert_eq!(
        Round::QuarterEnd.apply(date("2026-02-15")),
        Some(date("2026-04-01"))
    );
    assert_eq!(
        Round::QuarterEnd.apply(date("2026-04-01")),
        Some(date("2026-04-01"))
    );
    assert_eq!(
        Round::QuarterEnd.apply(date("2026-12-31")),
        Some(date("2027-01-01"))
    );
    assert_eq!(
        Round::YearEnd.apply(date("2024-02-29")),
        Some(date("2025-01-01"))
    );
}

#[test]
fn support_counts_from_the_day_the_schedule_had_a_line_due() {
    // Lines every April (on the 1st), 36 months of support from the
    // scheduled day, to the end of a month.
    let rules = r#""releases": {"in_months": [4]}, "support": {"months": 36, "round": "month_end", "from": "scheduled"}, "history_as_of": "2028-06-01""#;
    let policy = policy(
        rules,
        r#"[{"line": "1.0", "released": "2024-04-01"},
            {"line": "1.1", "released": "2025-05-20"},
            {"line": "1.2", "released": "2027-04-10"}]"#,
    );
    // 1.0, the first line: its release. 1.1 came in May: the schedule's
    // dates after 1.0 are 2025-04-01 (49 days before) and 2026-04-01; the
    // nearer, 2025-04-01, + 36 months = 2028-04-01, a first day: it stays
    // (from its release: 2028-05-20, to 2028-06-01).
    let late = info(&policy, "1.1");
    assert_eq!(
        (late.scheduled, late.eol),
        (Some(date("2025-04-01")), Some(date("2028-04-01")))
    );
    assert_eq!(late.support_window.counted_from, date("2025-04-01"));
    // 1.2 skipped 2026: after 1.1's release the dates are 2026-04-01 and
    // 2027-04-01, nine days before it: a skipped line does not shorten it.
    assert_eq!(info(&policy, "1.2").scheduled, Some(date("2027-04-01")));
    // 1.3 was due on 2028-04-01, on or before history_as_of (2028-06-01):
    // overdue, projected the day after, 2028-06-02; its support still
    // counts from the day it was due: until 2031-04-01.
    let overdue = info(&policy, "1.3");
    assert!(overdue.overdue);
    assert_eq!(
        (overdue.released, overdue.scheduled, overdue.eol),
        (
            date("2028-06-02"),
            Some(date("2028-04-01")),
            Some(date("2031-04-01"))
        )
    );
}

#[test]
fn the_last_minor_before_a_projected_new_major_has_its_own_support() {
    // X.0, X.1, X.2, then (X+1).0, every 4 months; 9 months of support,
    // 15 for the last minor of a major.
    let policy = policy(
        r#""new_major": {"after_minor": 2}, "releases": {"every_months": 4}, "support": {"months": 9, "last_of_major": {"months": 15}}"#,
        r#"[{"line": "1.0", "released": "2024-01-01"}]"#,
    );
    // 1.1 on 2024-05-01: 9 months, 2025-02-01.
    let middle = info(&policy, "1.1");
    assert_eq!(
        (middle.eol, middle.support_window.rule),
        (Some(date("2025-02-01")), WindowRule::Support)
    );
    // 1.2 on 2024-09-01 is followed by the projected 2.0 (2025-01-01): 15
    // months, 2025-12-01.
    let last = info(&policy, "1.2");
    assert_eq!(info(&policy, "2.0").released, date("2025-01-01"));
    assert_eq!(
        (last.eol, last.support_window.rule),
        (Some(date("2025-12-01")), WindowRule::LastOfMajor)
    );
}

#[test]
fn the_last_minor_of_a_major_is_supported_while_newer_lines_have_ended() {
    // Every 3 months: 9.0 (2024-01-01), 9.1 (04-01), 10.0 (07-01), 10.1
    // (10-01), then the projected 10.2 (2025-01-01) and 10.3 (04-01).
    // 9 months of support, 15 for the last minor of a major: 9.1 (followed
    // by 10.0) ends 2024-04-01 + 15 months = 2025-07-01, after 10.0's
    // 2024-07-01 + 9 months = 2025-04-01. On 2025-05-01, 10.0 has ended
    // and 9.1 has not; 10.1 ends 2025-07-01, 10.2 2025-10-01. The same
    // with rules that change from a later line (20.0).
    let history = r#"[{"line": "9.0", "released": "2024-01-01"},
        {"line": "9.1", "released": "2024-04-01"},
        {"line": "10.0", "released": "2024-07-01"},
        {"line": "10.1", "released": "2024-10-01"}]"#;
    let rules = r#""releases": {"every_months": 3}, "history_as_of": "2024-10-15",
        "support": {"months": 9, "last_of_major": {"months": 15}}"#;
    let changing =
        format!(r#"{rules}, "changes": [{{"from": "20.0", "active": {{"months": 3}}}}]"#);
    for policy in [policy(rules, history), policy(&changing, history)] {
        assert_eq!(info(&policy, "9.1").eol, Some(date("2025-07-01")));
        assert_eq!(info(&policy, "10.0").eol, Some(date("2025-04-01")));
        let lines: Vec<String> = supported(&policy, "2025-05-01")
            .into_iter()
            .map(|(line, _)| line)
            .collect();
        assert_eq!(lines, ["10.3", "10.2", "10.1", "9.1"]);
        // Its last day, and the day after.
        assert!(
            supported(&policy, "2025-06-30")
                .iter()
                .any(|(line, _)| line == "9.1")
        );
        assert!(
            !supported(&policy, "2025-07-01")
                .iter()
                .any(|(line, _)| line == "9.1")
        );
    }
}

#[test]
fn support_and_grace_in_weeks_and_days() {
    // Istio: until the release two places later, six weeks after it.
    let istio = policy(
        r#""releases": {"every_months": 3}, "support": {"until_next": 2, "grace_weeks": 6}"#,
        r#"[{"line": "1.0", "released": "2025-01-01"}]"#,
    );
    // 1.2 on 2025-07-01, + 42 days = 2025-08-12.
    assert_eq!(info(&istio, "1.0").eol, Some(date("2025-08-12")));
    // Prometheus: six weeks, with a release every six weeks.
    let weeks = policy(
        r#""releases": {"every_weeks": 6}, "support": {"weeks": 6}"#,
        r#"[{"line": "1.0", "released": "2025-01-07"}]"#,
    );
    assert_eq!(info(&weeks, "1.0").eol, Some(date("2025-02-18")));
    // 90 days from 2025-01-01: 31 + 28 + 31 = 90, 2025-04-01.
    let days = policy(
        r#""releases": {"every_months": 12}, "support": {"days": 90, "until_next": 1}"#,
        r#"[{"line": "1.0", "released": "2025-01-01"}]"#,
    );
    assert_eq!(
        info(&days, "1.0").support_window.promised,
        Some(date("2025-04-01"))
    );
}

#[test]
fn rules_that_change_from_a_known_line_govern_it_and_the_lines_after() {
    // A year of support up to 1.2, two years from 1.2 on.
    let policy = policy(
        r#""releases": {"every_months": 6}, "support": {"months": 12}, "changes": [{"from": "1.2", "support": {"months": 24}}]"#,
        r#"[{"line": "1.0", "released": "2024-01-01"},
            {"line": "1.1", "released": "2024-07-01"},
            {"line": "1.2", "released": "2025-01-01"}]"#,
    );
    assert_eq!(info(&policy, "1.1").eol, Some(date("2025-07-01")));
    assert_eq!(info(&policy, "1.2").eol, Some(date("2027-01-01")));
    // 1.3, projected on 2025-07-01, follows the change too: 2027-07-01.
    assert_eq!(info(&policy, "1.3").eol, Some(date("2027-07-01")));
    let explanation = policy
        .explain_line(&line("1.3"), date("2025-08-01"))
        .unwrap();
    assert_eq!(explanation.change, Some(line("1.2")));
}

#[test]
fn a_projected_change_dates_its_first_line_from_the_line_before_by_its_own_schedule() {
    // Every 2 months until 1.4; from 1.4 on, every 6.
    let policy = policy(
        r#""releases": {"every_months": 2}, "changes": [{"from": "1.4", "releases": {"every_months": 6}}]"#,
        r#"[{"line": "1.0", "released": "2025-01-01"}]"#,
    );
    // 1.1, 1.2, 1.3 every 2 months: 03-01, 05-01, 07-01. 1.4, the first
    // line of the change, 6 months after 1.3: 2026-01-01; then 2026-07-01.
    let released: Vec<String> = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
        .iter()
        .map(|name| info(&policy, name).released.to_string())
        .collect();
    assert_eq!(
        released,
        [
            "2025-03-01",
            "2025-05-01",
            "2025-07-01",
            "2026-01-01",
            "2026-07-01",
            "2027-01-01"
        ]
    );
    // Far lines are counted from 1.3's release directly: 1.104 is 101
    // steps of 6 months after it, 2025-07-01 + 606 months (50 years and 6
    // months) = 2076-01-01.
    assert_eq!(info(&policy, "1.104").released, date("2076-01-01"));
    assert_eq!(
        policy.latest_on(date("2026-06-30")).unwrap().unwrap().line,
        line("1.4")
    );
}

#[test]
fn a_change_that_adds_lts_lines_makes_no_earlier_line_lts() {
    // No LTS lines before 2.0; from 2.0 on, every 2nd line, a year.
    let policy = policy(
        r#""new_major": {"after_minor": 1}, "releases": {"every_months": 6}, "changes": [{"from": "2.0", "lts": {"every": 2, "support": {"months": 12}}}]"#,
        r#"[{"line": "1.0", "released": "2024-01-01"}, {"line": "1.1", "released": "2024-07-01"}]"#,
    );
    assert!(!info(&policy, "1.1").lts);
    assert_eq!(
        policy
            .explain_line(&line("1.1"), date("2024-08-01"))
            .unwrap()
            .lts_reason,
        LtsReason::NoLtsRule
    );
    // 2.0 (2025-01-01), the first line under LTS rules, anchors the count:
    // LTS; 2.1 one place after it, not; 3.0 (X.0 and X.1 make a major) two
    // places, LTS.
    let flags: Vec<bool> = ["2.0", "2.1", "3.0"]
        .iter()
        .map(|name| info(&policy, name).lts)
        .collect();
    assert_eq!(flags, [true, false, true]);
}

#[test]
fn a_policy_file_refuses_what_these_rules_cannot_mean() {
    let history = r#"[{"line": "1", "released": "2024-01-01"}]"#;
    assert_eq!(
        problems(
            r#""lines": "major", "releases": {"every_months": 6}, "support": {"months": 6, "weeks": 3, "last_of_major": {"months": 9}}"#,
            history
        ),
        [
            "support: months and weeks cannot be combined; give one of months, weeks, days",
            "support.last_of_major: a policy whose lines are majors has no last minor of a major",
        ]
    );
    assert_eq!(
        problems(
            r#""lines": "major", "releases": {"every_months": 6}, "support": {"until_next": 1, "from": "scheduled"}, "lts": {"every": 2, "support": {"months": 12, "last_of_major": {"months": 9}}}"#,
            history
        ),
        [
            "support.from: from says where a period (months, weeks or days) counts from; there is none",
            "lts.support.last_of_major: last_of_major is a term of the support rule alone (support.last_of_major)",
        ]
    );
    assert_eq!(
        problems(
            r#""lines": "major", "releases": {"every_months": 6}, "changes": [{"from": "3", "support": {"months": 6}}, {"from": "2", "weekly": true}, {"from": "4"}]"#,
            history
        ),
        [
            "changes[1].weekly: unknown field; expected one of from, new_major, releases, patches, support, active, lts",
            "changes[1].from: a change from 2 comes after one from 3; list changes in line order, one per line",
            // A field unknown is none it replaces.
            "changes[1]: a change names the rules it replaces: releases, patches, support, active, lts or new_major",
            "changes[2]: a change names the rules it replaces: releases, patches, support, active, lts or new_major",
        ]
    );
    assert_eq!(
        problems(
            r#""lines": "major", "releases": {"every_months": 6}, "lts": {"every": 1, "starts": {"at_next": 1, "months": 3}, "support": {"months": 12}}"#,
            r#"[{"line": "1", "released": "2024-01-01", "lts": "2023-12-01", "eol": "2025-01-01", "active_until": "2025-02-01"}]"#
        ),
        [
            "lts.starts: at_next and months cannot be combined; give one of at_next, months",
            "history[0].lts: 1 becomes LTS on 2023-12-01, before its release on 2024-01-01",
            "history[0].active_until: 1's active support cannot end after its eol: 2025-02-01 is after 2025-01-01",
        ]
    );
}

#[test]
fn every_new_rule_is_written_back_as_it_was_read() {
    let policy = policy(
        r#""new_major": {"after_minor": 5}, "releases": {"every_months": 3, "on": "Tuesday"},
           "support": {"months": 9, "round": "quarter_end", "from": "scheduled", "last_of_major": {"weeks": 60}},
           "active": {"until_next": 1, "grace_days": 10},
           "lts": {"every": 2, "starts": {"at_next": 1}, "support": {"months": 24, "round": "year_end"}, "active": {"months": 12}},
           "changes": [{"from": "2.0", "releases": {"every_months": 4}, "lts": {"every_months": 12, "starts": {"months": 2}, "support": {"days": 400}}}]"#,
        r#"[{"line": "1.0", "released": "2024-01-02", "lts": "2024-03-01", "eol": "2026-01-01", "active_until": "2025-01-01"}]"#,
    );
    let written = policy.to_json();
    let read = Policy::from_json(&written).unwrap();
    assert_eq!(read, policy);
    assert_eq!(read.to_json(), written);
    // A change names only the fields that differ from the rules before it.
    assert!(
        written.contains(r#"{"from": "2.0", "releases": {"every_months": 4}, "lts":"#),
        "{written}"
    );
    assert!(written.contains(r#""lts": "2024-03-01""#), "{written}");
}

#[test]
fn endoflife_dates_lts_starts_and_ends_of_active_support() {
    // The list form dates an LTS start in `lts` and the end of active
    // support in `support`; the v1 form in `ltsFrom` and `eoasFrom`. The
    // end is its last day: lts-policy's end is the day after, 2026-10-21.
    let list = r#"[{"cycle": "24", "releaseDate": "2025-05-06", "lts": "2025-10-28", "support": "2026-10-20", "eol": "2028-04-30"}]"#;
    let v1 = r#"{"result": {"releases": [{"name": "24", "releaseDate": "2025-05-06", "isLts": true, "ltsFrom": "2025-10-28", "eoasFrom": "2026-10-20", "eolFrom": "2028-04-30"}]}}"#;
    let node = Policy::from_json(
        r#"{"name": "node", "lines": "major", "releases": {"in_months": [4, 10]}, "lts": {"every": 2, "support": {"months": 36}},
            "branch_template": "v{major}.x", "history": [{"line": "22", "released": "2024-04-24", "lts": true}]}"#,
    )
    .unwrap();
    for answer in [list, v1] {
        let facts = Facts::from_endoflife(answer, Some(&Numbering::of(LineKind::Major))).unwrap();
        let merged = node.with_facts(&facts, None).unwrap();
        let release = &merged.history()[1];
        assert_eq!(
            (release.lts, release.lts_from, release.active_until),
            (
                Some(true),
                Some(date("2025-10-28")),
                Some(RecordedEnd::On(date("2026-10-21")))
            ),
            "{answer}"
        );
    }
}

#[test]
fn facts_look_old_by_the_rules_of_the_newest_line() {
    let monthly_then_twice_a_year = r#""releases": {"every_months": 1}, "changes": [{"from": "1.3", "releases": {"in_months": [4, 10]}}]"#;
    // The newest line, 1.2, is under the first rules: a month each, so two
    // intervals are 2 months, 2025-03-01 to 2025-05-01.
    let before_the_change = policy(
        monthly_then_twice_a_year,
        r#"[{"line": "1.0", "released": "2025-01-01"}, {"line": "1.1", "released": "2025-02-01"},
            {"line": "1.2", "released": "2025-03-01"}]"#,
    );
    assert_eq!(before_the_change.old_facts_on(date("2025-05-01")), None);
    let old = before_the_change.old_facts_on(date("2025-05-02")).unwrap();
    assert_eq!(
        (old.newest, old.two_intervals),
        (date("2025-03-01"), Period::Months(2))
    );
    // 1.3 is under the change, April and October: 6 + 6 months. Its patch
    // of 2025-09-01 is the newest release: 2026-09-01 is the last day the
    // facts are recent enough.
    let after_the_change = policy(
        monthly_then_twice_a_year,
        r#"[{"line": "1.0", "released": "2025-01-01"}, {"line": "1.1", "released": "2025-02-01"},
            {"line": "1.2", "released": "2025-03-01"},
            {"line": "1.3", "released": "2025-04-01", "patches": [{"version": "1.3.1", "released": "2025-09-01"}]}]"#,
    );
    assert_eq!(after_the_change.old_facts_on(date("2026-09-01")), None);
    let old = after_the_change.old_facts_on(date("2026-09-02")).unwrap();
    assert_eq!(
        (old.newest, old.two_intervals),
        (date("2025-09-01"), Period::Months(12))
    );
    // Every 3 weeks: 6 weeks, 42 days, from 2025-01-01 to 2025-02-12.
    let three_weekly = policy(
        r#""releases": {"every_weeks": 3}"#,
        r#"[{"line": "1.0", "released": "2025-01-01"}]"#,
    );
    assert_eq!(three_weekly.old_facts_on(date("2025-02-12")), None);
    assert_eq!(
        three_weekly
            .old_facts_on(date("2025-02-13"))
            .map(|old| old.two_intervals),
        Some(Period::Weeks(6))
    );
}
