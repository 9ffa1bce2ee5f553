//! The general model on real vendors' policies (examples/, histories from
//! endoflife.date), and the worked examples of the spec on the embedded
//! policy, Kestra's rules over its real history.

use lts_policy::answers::{Dangling, Fix, SupportState, Tag, TagTarget};
use lts_policy::lines::{EolReason, LtsReason};
use lts_policy::{LineKind, Source};

use super::*;

fn major(number: u64) -> Line {
    Line::whole_major(number)
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
