//! Real records read as their sources write them (SPEC: "Records as their
//! sources write them"): endoflife.date's answers for Python, Jenkins,
//! Ubuntu, the iPhone, Lucene and Camel, built from the snapshot's product
//! files, read with no policy named. Expected values come from the product
//! files, with the reading SPEC gives: an end written as a last day is the
//! next day here.

use lts_policy::facts::Facts;
use lts_policy::lines::{EolReason, Phase, RecordedEnd};
use lts_policy::{Line, LineKind, Policy, Source};

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
fn an_end_the_record_does_not_date_is_never_counted_as_support() {
    // Lucene 7: `eol: true`. The choice where the record gives no day: the
    // line is not listed as supported on any day, and says why.
    let lucene = from_v0("apache-lucene");
    let seven = lucene.line(line(&lucene, "7")).unwrap();
    assert_eq!(
        (seven.eol, seven.eol_reason),
        (None, EolReason::EndedUndated)
    );
    assert_eq!(supported(&lucene, "2018-01-01"), Vec::<String>::new());
    // 8's last day is 2024-10-14, the day 10 came out.
    assert_eq!(supported(&lucene, "2024-10-14"), ["10", "8", "9"]);
    assert_eq!(supported(&lucene, "2024-10-15"), ["10", "9"]);
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
