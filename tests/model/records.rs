//! Real records read as their sources write them (SPEC: "Records as their
//! sources write them"): endoflife.date's answers for Python, Jenkins,
//! Ubuntu, the iPhone, Lucene and Camel, built from the snapshot's product
//! files, read with no policy named. Expected values come from the product
//! files, with the reading SPEC gives: an end written as a last day is the
//! next day here.

use lts_policy::answers::Fix;
use lts_policy::facts::Facts;
use lts_policy::lines::{EolReason, Phase, RecordedEnd};
use lts_policy::rules::Cadence;
use lts_policy::{Line, LineKind, Policy, Source, Version};

use super::date;
use super::replay::{fitted, record, v0, v1};

fn from_v0(product: &str) -> Policy {
    fitted(product, &v0(&record(product))).unwrap()
}

fn from_v1(product: &str) -> Policy {
    fitted(product, &v1(product, &record(product))).unwrap()
}

/// The lines supported on `day`, by name, sorted.
fn supported(policy: &Policy, day: &str) -> Vec<String> {
    let mut lines: Vec<String> = policy
        .supported_on(date(day))
        .unwrap()
        .iter()
        .map(|line| line.info.line.to_string())
        .collect();
    lines.sort();
    lines
}

fn line(policy: &Policy, name: &str) -> Line {
    policy.line_of(name).unwrap()
}

#[test]
fn python_ends_on_the_day_after_the_last_and_2_7_follows_3_0() {
    let python = from_v0("python");
    let info = python.line(line(&python, "3.14")).unwrap();
    // eol 2030-10-31 and eoas 2027-10-01, each the last day of its phase.
    assert_eq!(info.eol, Some(date("2030-11-01")));
    assert_eq!(info.eol_source, Source::History);
    assert_eq!(info.active_until, Some(date("2027-10-02")));
    assert!(supported(&python, "2030-10-31").contains(&"3.14".to_owned()));
    assert!(!supported(&python, "2030-11-01").contains(&"3.14".to_owned()));
    // 2.7 came out on 2010-07-03, after 3.0 (2008-12-03) and 3.1
    // (2009-06-27); 3.0's last day was 2009-06-27, 2.6's is 2013-10-29.
    assert_eq!(supported(&python, "2010-07-03"), ["2.6", "2.7", "3.1"]);
    assert_eq!(supported(&python, "2009-06-27"), ["2.6", "3.0", "3.1"]);
    // v0: complete up to its newest date, 3.10.21's and 3.11.16's
    // 2026-08-13 (3.14.7 and 3.13.15 came on 2026-08-05); the patch record
    // too, by default the newest recorded patch's day.
    assert_eq!(python.history_as_of(), date("2026-08-13"));
    assert_eq!(python.patches_as_of(), Some(date("2026-08-13")));
    // v1: complete up to the day it was generated.
    assert_eq!(from_v1("python").history_as_of(), date("2026-08-22"));
}

#[test]
fn jenkins_lines_are_dotted_and_a_version_is_of_the_longest() {
    let jenkins = from_v1("jenkins");
    assert_eq!(jenkins.line_kind(), LineKind::Dotted);
    // Weekly 2.x releases are of line 2; LTS releases of their own line.
    assert_eq!(line(&jenkins, "2.401.3").to_string(), "2.401");
    assert_eq!(line(&jenkins, "2.100").to_string(), "2");
    assert_eq!(line(&jenkins, "2.578").to_string(), "2");
    // 2.387's last day is 2.401's LTS day, 2023-05-31.
    assert_eq!(supported(&jenkins, "2023-05-31"), ["2", "2.387", "2.401"]);
    assert_eq!(supported(&jenkins, "2023-06-01"), ["2", "2.401"]);
    // Line 2's newest recorded version, 2.578 of 2026-08-18.
    let on = jenkins.supported_on(date("2026-08-20")).unwrap();
    let weekly = on
        .iter()
        .find(|line| line.info.line.to_string() == "2")
        .unwrap();
    let patch = weekly.latest_patch.as_ref().unwrap();
    assert_eq!(patch.version.to_string(), "2.578");
    assert_eq!(
        (patch.released, patch.source),
        (date("2026-08-18"), Source::History)
    );
}

#[test]
fn ubuntu_keeps_its_leading_zeros_and_shows_extended_support() {
    let ubuntu = from_v0("ubuntu");
    assert_eq!(line(&ubuntu, "24.04.1").to_string(), "24.04");
    // Ordered by their numbers: 6.06 (2006) before 24.04.
    let lines: Vec<String> = ubuntu
        .history()
        .iter()
        .map(|r| r.line.to_string())
        .collect();
    let at = |name: &str| lines.iter().position(|line| line == name).unwrap();
    assert!(at("4.10") < at("6.06") && at("6.06") < at("24.04"));
    // 24.04: eoas and eol 2029-05-31, eoes 2036-05-31, all last days.
    let info = ubuntu.line(line(&ubuntu, "24.04")).unwrap();
    assert_eq!(info.eol, Some(date("2029-06-01")));
    assert_eq!(info.extended, Some(RecordedEnd::On(date("2036-06-01"))));
    assert_eq!(info.active_until, Some(date("2029-06-01")));
    assert_eq!(info.phase_on(date("2029-05-31")), Some(Phase::Active));
    // Extended support is shown, never counted as support.
    assert_eq!(info.phase_on(date("2029-06-01")), Some(Phase::Extended));
    assert!(!supported(&ubuntu, "2029-06-01").contains(&"24.04".to_owned()));
    assert_eq!(info.phase_on(date("2036-05-31")), Some(Phase::Extended));
    assert_eq!(info.phase_on(date("2036-06-01")), None);
}

#[test]
fn iphones_are_lines_known_by_name() {
    let iphone = from_v0("iphone");
    let air = line(&iphone, "air");
    assert_eq!(air.name(), Some("air"));
    // The XR's last day is 2026-04-22.
    assert!(supported(&iphone, "2026-04-22").contains(&"xr".to_owned()));
    assert!(!supported(&iphone, "2026-04-23").contains(&"xr".to_owned()));
    // A phone has no versions: no patch is made up for it.
    let on = iphone.supported_on(date("2026-04-22")).unwrap();
    let air = on.iter().find(|line| line.info.line == air).unwrap();
    assert_eq!(air.latest_patch, None);
}

#[test]
fn an_end_the_record_does_not_date_ends_by_the_records_day() {
    // Lucene 7: `eol: true`. The record says it ended by its own day
    // (v0: its newest date, 10.5.1's 2026-08-12), so not after 2026-08-13;
    // before that, the day is unknown and the rules' end stands in.
    let lucene = from_v0("apache-lucene");
    assert_eq!(lucene.history_as_of(), date("2026-08-12"));
    let seven = lucene.line(line(&lucene, "7")).unwrap();
    assert_eq!(seven.eol, None);
    let EolReason::EndedUndated { at_latest } = seven.eol_reason else {
        panic!("{:?}", seven.eol_reason);
    };
    assert!(at_latest <= date("2026-08-13"), "{at_latest}");
    // 7 is the latest line from 2017-09-19 until 8 comes, 2019-03-13.
    assert_eq!(supported(&lucene, "2018-01-01"), ["7"]);
    assert!(!supported(&lucene, "2026-08-13").contains(&"7".to_owned()));
    // 8's last day is 2024-10-14, the day 10 came out.
    let ended = |day| {
        supported(&lucene, day)
            .into_iter()
            .filter(|line| line != "7")
    };
    assert_eq!(ended("2024-10-14").collect::<Vec<_>>(), ["10", "8", "9"]);
    assert_eq!(ended("2024-10-15").collect::<Vec<_>>(), ["10", "9"]);
}

#[test]
fn a_cycle_that_contradicts_itself_is_read_without_the_contradiction() {
    // Six Camel cycles date their latest release before their first:
    // 4.22, 4.19, 4.17, 4.16, 4.15 and 3.6 (counted in the product file).
    let answer = v0(&record("apache-camel"));
    let facts = Facts::from_endoflife(&answer, None).unwrap();
    let cycles: Vec<&str> = facts
        .contradictions()
        .iter()
        .map(|contradiction| contradiction.cycle.as_str())
        .collect();
    assert_eq!(cycles, ["4.22", "4.19", "4.17", "4.16", "4.15", "3.6"]);
    // The rest of 4.22 is read: released 2026-08-11, its eol's last day
    // 2027-08-11; 4.21's last day is 4.22's release day.
    let camel = fitted("apache-camel", &answer).unwrap();
    let info = camel.line(line(&camel, "4.22")).unwrap();
    assert_eq!(info.released, date("2026-08-11"));
    assert_eq!(info.eol, Some(date("2027-08-12")));
    assert!(supported(&camel, "2026-08-11").contains(&"4.21".to_owned()));
    assert!(!supported(&camel, "2026-08-12").contains(&"4.21".to_owned()));
}

#[test]
fn phases_out_of_order_are_left_out_and_the_cycle_read() {
    // Active support to 2023-01-01 past the eol's last day, 2022-01-01;
    // extended support to 2021-01-01, before it: each contradicts the
    // eol, and is left out (named), where a file with them is refused.
    let answer = r#"[{"cycle": "1.0", "releaseDate": "2020-01-01", "eol": "2022-01-01",
        "support": "2023-01-01", "extendedSupport": "2021-01-01"}]"#;
    let facts = Facts::from_endoflife(answer, None).unwrap();
    let what: Vec<&str> = facts
        .contradictions()
        .iter()
        .map(|contradiction| contradiction.what)
        .collect();
    assert_eq!(
        what,
        [
            "its end of active support is dated after its end of support",
            "its end of extended support is dated before its end of support"
        ]
    );
    let policy = fitted("one", answer).unwrap();
    let info = policy.line(line(&policy, "1.0")).unwrap();
    assert_eq!(info.eol, Some(date("2022-01-02")));
    assert_eq!(info.extended, None);
    assert!(
        info.active_until
            .is_none_or(|active| active <= date("2022-01-02"))
    );
}

#[test]
fn python_fits_no_major_its_minors_have_gone_past() {
    // 2.7 came out after 3.0 and 3.1: no new major starts there, and
    // "after MAJOR.7" is ruled out by 3.8 to 3.14. Releases: every 12
    // months on the 7th, so 3.15 comes 2025-10-07 + 12 months.
    let python = from_v0("python");
    let next = python.line(line(&python, "3.15")).unwrap();
    assert_eq!(
        (next.released, next.released_source),
        (date("2026-10-07"), Source::Rules)
    );
    assert!(supported(&python, "2026-12-01").contains(&"3.15".to_owned()));
}

#[test]
fn releases_no_rule_foresees_come_at_the_mean_interval() {
    // TLS 1.0 (1999-01-01), 1.1 (2006-04-26), 1.2 (2008-08-15), 1.3
    // (2018-08-10): no schedule foresees one of the three steps. Their mean,
    // 7,161 days / 3 = 2,387 days, is 78.4 months of 30.44 days: every 78
    // months, and 1.4 comes 2018-08-10 + 78 months = 2025-02-10.
    let tls = from_v0("tls");
    assert_eq!(tls.releases_schedule().cadence, Cadence::EveryMonths(78));
    let next = tls.line(line(&tls, "1.4")).unwrap();
    assert_eq!(next.released, date("2025-02-10"));
}

#[test]
fn a_projected_dotted_line_is_where_its_versions_go() {
    // Jenkins's LTS lines go 2.555, 2.568; the rules project 2.569 next,
    // and its versions are its own, while the recorded weekly 2.578 stays
    // line 2's.
    let jenkins = from_v1("jenkins");
    assert_eq!(line(&jenkins, "2.569.1").to_string(), "2.569");
    assert_eq!(line(&jenkins, "2.578").to_string(), "2");
    let next = jenkins.line(line(&jenkins, "2.569")).unwrap();
    assert_eq!(next.released_source, Source::Rules);
}

#[test]
fn lines_known_by_name_lack_a_bug_when_released_before_it() {
    // `--since air`: the iPhones released on or after the Air's day,
    // 2025-09-19 (17, air, 17-pro, 17-pro-max), and the 17e of 2026-03-11.
    let iphone = from_v0("iphone");
    let targets = iphone
        .backport_targets(
            date("2026-08-22"),
            Some(line(&iphone, "air")),
            Fix::Security,
        )
        .unwrap();
    let mut names: Vec<String> = targets
        .iter()
        .map(|target| target.info.line.to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["17", "17-pro", "17-pro-max", "17e", "air"]);
}

#[test]
fn a_new_major_restarts_numbers_as_the_record_writes_them() {
    // Zero-padded numbers stay padded (Ubuntu), plain ones stay plain.
    let restart = |text: &str, major: u64, minor: u64| {
        let version: Version = text.parse().unwrap();
        version
            .restarted(0, major)
            .and_then(|v| v.restarted(1, minor))
            .unwrap()
            .to_string()
    };
    assert_eq!(restart("24.04", 25, 4), "25.04");
    assert_eq!(restart("3.14", 4, 0), "4.0");
    assert_eq!(restart("24.10", 25, 4), "25.4");
}

#[test]
fn a_number_keeps_its_zeros_up_to_a_width_a_byte_holds() {
    let wide = format!("{}1", "0".repeat(254));
    assert_eq!(Version::parse_numbers(&wide).unwrap().to_string(), wide);
    let wider = format!("0{wide}");
    assert_eq!(
        Version::parse_numbers(&wider).unwrap_err().to_string(),
        "the first number is written with more than 255 digits"
    );
}
