//! Kestra's policy in the flat form it was first embedded in
//! (`tests/data/kestra-flat.json`): 2-month minors on Tuesdays, an LTS
//! every 3 lines counted from 1.0, 12 months of support, 2 LTS lines in
//! parallel. The tests that say so ask the embedded policy,
//! `Policy::kestra()`, Kestra's rules over its real history, instead.

use super::*;
use lts_policy::Source;
use lts_policy::answers::{Dangling, Fix, SupportState, Tag, TagTarget};
use lts_policy::lines::EolReason;

#[test]
fn projects_lines_from_the_newest_known_one_on_the_release_weekday() {
    let policy = kestra_flat();
    // 2.0 on 2026-09-08; 2.1: 2026-11-08 is a Sunday -> Tuesday 2026-11-10.
    assert_eq!(info(&policy, "2.1").released, date("2026-11-10"));
    // 2.2: 2027-01-08 is a Friday -> Tuesday 2027-01-12.
    assert_eq!(info(&policy, "2.2").released, date("2027-01-12"));
    // 2.8: 2026-09-08 + 16 months = 2028-01-08, a Saturday -> 2028-01-11.
    assert_eq!(info(&policy, "2.8").released, date("2028-01-11"));
    assert_eq!(info(&policy, "2.1").released_source, Source::Rules);
    assert_eq!(info(&policy, "2.0").released_source, Source::History);
}

#[test]
fn lts_flags_follow_the_history_then_count_from_the_anchor() {
    let policy = kestra_flat();
    let flag = |name| {
        let info = info(&policy, name);
        (info.lts, info.lts_source)
    };
    assert_eq!(flag("1.0"), (true, Source::History));
    assert_eq!(flag("1.1"), (false, Source::History));
    assert_eq!(flag("1.2"), (false, Source::Rules));
    // 1.0 is the anchor; 3 places after it is 1.3, then 2.2, 2.5, 2.8.
    assert_eq!(flag("1.3"), (true, Source::Rules));
    assert_eq!(flag("2.0"), (false, Source::Rules));
    assert_eq!(flag("2.1"), (false, Source::Rules));
    for lts in ["2.2", "2.5", "2.8"] {
        assert_eq!(flag(lts), (true, Source::Rules), "{lts}");
    }
}

#[test]
fn lts_end_is_the_support_period_when_it_comes_first() {
    // 1.0: min(2025-09-09 + 12 months, release of 2.2 = 2027-01-12) = 2026-09-09.
    let one_oh = info(&kestra_flat(), "1.0");
    assert_eq!(one_oh.eol, Some(date("2026-09-09")));
    assert_eq!(one_oh.eol_reason, EolReason::LtsSupportPeriod);
    assert_eq!(one_oh.eol_source, Source::Rules);
    assert_eq!(one_oh.latest_until, date("2025-11-04"));
}

#[test]
fn lts_end_is_the_release_of_the_lts_two_places_later_when_that_comes_first() {
    // 2.2: 2027-01-12 + 12 months = 2028-01-12, but 2.8 comes on 2028-01-11.
    let two_two = info(&kestra_flat(), "2.2");
    assert_eq!(two_two.eol, Some(date("2028-01-11")));
    assert_eq!(two_two.eol_reason, EolReason::LtsSuperseded(line("2.8")));
}

#[test]
fn a_feature_line_ends_with_the_next_release() {
    let policy = kestra_flat();
    let one_two = info(&policy, "1.2");
    assert_eq!(one_two.eol, Some(date("2026-03-03")));
    assert_eq!(one_two.eol_reason, EolReason::NextRelease(line("1.3")));
    assert_eq!(one_two.eol_source, Source::History);
    // 2.0 ends with the projected 2.1, so its eol is a projection.
    assert_eq!(info(&policy, "2.0").eol_source, Source::Rules);
}

#[test]
fn the_worked_example_of_the_spec() {
    assert_eq!(
        supported(&kestra_flat(), "2026-03-01"),
        [pair("1.2", &[LATEST]), pair("1.0", &[LATEST_LTS])]
    );
}

#[test]
fn nothing_is_supported_before_the_first_release() {
    assert_eq!(supported(&kestra_flat(), "2025-09-08"), []);
    assert_eq!(
        supported(&kestra_flat(), "2025-09-09"),
        [pair("1.0", &[LATEST, LATEST_LTS])]
    );
}

#[test]
fn support_ends_on_the_eol_day_itself() {
    let policy = kestra_flat();
    // 1.0's eol is 2026-09-09: still there on the 8th, gone on the 9th.
    assert_eq!(
        supported(&policy, "2026-09-08"),
        [
            pair("2.0", &[LATEST]),
            pair("1.3", &[LATEST_LTS]),
            pair("1.0", &[PREVIOUS_LTS])
        ]
    );
    assert_eq!(
        supported(&policy, "2026-09-09"),
        [pair("2.0", &[LATEST]), pair("1.3", &[LATEST_LTS])]
    );
    // On 1.3's release day 1.2 has ended.
    assert_eq!(
        supported(&policy, "2026-03-03"),
        [
            pair("1.3", &[LATEST, LATEST_LTS]),
            pair("1.0", &[PREVIOUS_LTS])
        ]
    );
}

#[test]
fn a_projected_line_is_supported_on_a_projected_date() {
    // On 2026-11-25, 2.1 (projected 2026-11-10) is the latest line.
    let lines = kestra_flat().supported_on(date("2026-11-25")).unwrap();
    assert_eq!(
        roles(&lines),
        [pair("2.1", &[LATEST]), pair("1.3", &[LATEST_LTS])]
    );
    assert_eq!(lines[0].info.released_source, Source::Rules);
}

#[test]
fn patches_count_release_weekdays_after_the_first_release() {
    let policy = kestra_flat();
    let one_two = info(&policy, "1.2");
    let patch = |on| policy.newest_patch(&one_two, date(on)).unwrap().unwrap();
    // Tuesdays after 2026-01-13 up to 2026-03-01: 01-20 .. 02-24, six of them.
    assert_eq!(patch("2026-03-01").version.to_string(), "1.2.6");
    assert_eq!(patch("2026-03-01").released, date("2026-02-24"));
    assert_eq!(patch("2026-03-01").source, Source::Rules);
    // No patch on the release day itself: the newest version is the .0.
    assert_eq!(patch("2026-01-19").version.to_string(), "1.2.0");
    assert_eq!(patch("2026-01-19").source, Source::History);
    // Nothing ships on or after the eol: 1.2.6 stays the last one.
    assert_eq!(patch("2026-12-01").version.to_string(), "1.2.6");
    assert_eq!(
        policy.newest_patch(&one_two, date("2026-01-12")).unwrap(),
        None
    );
}

#[test]
fn backport_targets_on_the_release_of_a_line() {
    let policy = kestra_flat();
    let on = policy.release_of(line("1.3")).unwrap();
    let targets = policy.backport_targets(on, None, Fix::Bug).unwrap();
    assert_eq!(
        roles(&targets),
        [
            pair("1.3", &[LATEST, LATEST_LTS]),
            pair("1.0", &[PREVIOUS_LTS])
        ]
    );
    let since = policy
        .backport_targets(on, Some(line("1.3")), Fix::Bug)
        .unwrap();
    assert_eq!(roles(&since), [pair("1.3", &[LATEST, LATEST_LTS])]);
}

#[test]
fn status_of_an_ended_line_suggests_the_smallest_supported_upgrade() {
    let policy = kestra_flat();
    let status = policy
        .status(VersionInput::parse("1.1.4").unwrap(), date("2026-03-01"))
        .unwrap();
    assert_eq!(status.state, SupportState::Ended);
    // eol 2026-01-13; 2026-01-13 -> 2026-03-01 is 18 + 28 + 1 = 47 days.
    assert_eq!(status.days_left, Some(-47));
    // Supported: 1.2 and 1.0; the oldest newer than 1.1 is 1.2, at 1.2.6.
    assert_eq!(status.upgrade_to.unwrap().version.to_string(), "1.2.6");
}

#[test]
fn status_of_a_supported_version_counts_days_and_suggests_its_newest_patch() {
    let policy = kestra_flat();
    let status = policy
        .status(VersionInput::parse("v1.3.7").unwrap(), date("2026-11-25"))
        .unwrap();
    assert_eq!(status.state, SupportState::Supported);
    assert_eq!(status.roles, [Role::LatestLts]);
    // eol 2027-03-03: 6 (to 12-01) + 31 + 31 + 28 + 2 = 98 days.
    assert_eq!(status.days_left, Some(98));
    // (2026-11-24 - 2026-03-03) / 7 = 266 / 7 = 38 Tuesdays.
    assert_eq!(status.upgrade_to.unwrap().version.to_string(), "1.3.38");
    let line_only = policy
        .status(VersionInput::parse("1.3").unwrap(), date("2026-11-25"))
        .unwrap();
    assert_eq!(line_only.upgrade_to, None);
}

#[test]
fn status_of_a_line_not_released_yet() {
    let status = kestra_flat()
        .status(VersionInput::parse("2.2").unwrap(), date("2026-11-25"))
        .unwrap();
    assert_eq!(status.state, SupportState::Unreleased);
    assert_eq!(status.latest_patch, None);
    assert_eq!(status.upgrade_to, None);
}

#[test]
fn a_line_in_the_history_but_not_the_rules() {
    let policy = kestra_flat();
    // 2.0 is a major: the rules never project it, the history has it.
    assert_eq!(info(&policy, "2.0").released, date("2026-09-08"));
    let unknown = policy.line(line("1.4")).unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "line 1.4 is not in the kestra policy: after 1.3 came 2.0"
    );
    let major = policy.line(line("3.0")).unwrap_err();
    assert_eq!(
        major.to_string(),
        "line 3.0 is not in the kestra policy: majors are never projected; \
         after 2.0 come 2.1, 2.2 and so on"
    );
    let early = policy.line(line("0.9")).unwrap_err();
    assert_eq!(
        early.to_string(),
        "line 0.9 is not in the kestra policy: its first line is 1.0"
    );
}

#[test]
fn floating_tags() {
    let policy = kestra_flat();
    let on = date("2026-11-25");
    let tag = |tag| match policy.tag(tag, on).unwrap() {
        TagTarget::Version { patch, .. } => Ok(patch.version.to_string()),
        TagTarget::Nowhere(dangling) => Err(dangling),
        other => panic!("{other:?}"),
    };
    // 2.1 released 2026-11-10; Tuesdays 11-17 and 11-24.
    assert_eq!(tag(Tag::Latest), Ok("2.1.2".to_owned()));
    assert_eq!(tag(Tag::LatestLts), Ok("1.3.38".to_owned()));
    assert_eq!(
        tag(Tag::Line(VersionInput::parse("1.0").unwrap())),
        Ok("1.0.52".to_owned())
    );
    assert_eq!(
        tag(Tag::Line(VersionInput::parse("2.2").unwrap())),
        Err(Dangling::LineNotYetReleased {
            line: line("2.2"),
            released: date("2027-01-12")
        })
    );
    let early = policy.tag(Tag::Latest, date("2025-01-01")).unwrap();
    assert_eq!(
        early,
        TagTarget::Nowhere(Dangling::BeforeFirstRelease {
            first: line("1.0"),
            released: date("2025-09-09")
        })
    );
}

#[test]
fn next_patch_day_ships_one_patch_per_supported_line() {
    let policy = kestra_flat();
    // 2026-11-25 is a Wednesday; the next Tuesday is 2026-12-01.
    let day = policy
        .next_patch(Start::After(date("2026-11-25")))
        .unwrap()
        .unwrap();
    assert_eq!(day.day, date("2026-12-01"));
    let versions: Vec<String> = day
        .patches
        .iter()
        .map(|p| p.patch.version.to_string())
        .collect();
    // 2.1: 11-17, 11-24, 12-01 -> 2.1.3; 1.3: 273 days = 39 weeks -> 1.3.39.
    assert_eq!(versions, ["2.1.3", "1.3.39"]);
    assert!(day.new_lines.is_empty());
    // From a Tuesday, that Tuesday counts; after it, it does not.
    assert_eq!(
        policy
            .next_patch(Start::OnOrAfter(date("2026-12-01")))
            .unwrap()
            .unwrap()
            .day,
        date("2026-12-01")
    );
    assert_eq!(
        policy
            .next_patch(Start::After(date("2026-12-01")))
            .unwrap()
            .unwrap()
            .day,
        date("2026-12-08")
    );
}

#[test]
fn next_patch_day_on_a_release_day_lists_the_new_line() {
    // 2027-01-12: 2.2 comes out, 2.1 ends; 1.3 ships its 315 / 7 = 45th patch.
    let day = kestra_flat()
        .next_patch(Start::After(date("2027-01-05")))
        .unwrap()
        .unwrap();
    assert_eq!(day.day, date("2027-01-12"));
    let versions: Vec<String> = day
        .patches
        .iter()
        .map(|p| p.patch.version.to_string())
        .collect();
    assert_eq!(versions, ["1.3.45"]);
    let new: Vec<String> = day
        .new_lines
        .iter()
        .map(|info| info.line.to_string())
        .collect();
    assert_eq!(new, ["2.2"]);
}

#[test]
fn next_patch_day_before_the_first_release_is_the_week_after_it() {
    let day = kestra_flat()
        .next_patch(Start::After(date("2025-01-01")))
        .unwrap()
        .unwrap();
    assert_eq!(day.day, date("2025-09-16"));
}

#[test]
fn releases_in_a_range_include_both_ends() {
    let policy = kestra_flat();
    let calendar = policy.releases(
        Some(date("2026-09-08")),
        Some(date("2027-01-12")),
        date("2026-01-01"),
    );
    let lines: Vec<String> = calendar
        .unwrap()
        .lines()
        .map(|i| i.unwrap().line.to_string())
        .collect();
    assert_eq!(lines, ["2.0", "2.1", "2.2"]);
    // By default from the first release to --on + 12 months: 2026-01-01 -> 2027-01-01.
    let default = policy.releases(None, None, date("2026-01-01")).unwrap();
    assert_eq!(
        (default.from(), default.to()),
        (date("2025-09-09"), date("2027-01-01"))
    );
    let lines: Vec<Line> = default.lines().map(|i| i.unwrap().line).collect();
    assert_eq!(lines.last(), Some(&line("2.1")));
    // Newest first, as the endoflife.date export lists them.
    let newest_first: Vec<Line> = default.lines().rev().map(|i| i.unwrap().line).collect();
    assert_eq!(newest_first, lines.into_iter().rev().collect::<Vec<_>>());
}

#[test]
fn far_dates_are_reached_in_one_step() {
    // 2026-09 -> 9999-11 is 7973 * 12 + 2 = 95678 months = 47839 cadences:
    // 2.47839 comes out in November 9999 and is the latest on New Year's Eve.
    let policy = kestra_flat();
    let latest = policy.latest_on(date("9999-12-31")).unwrap().unwrap();
    assert_eq!(latest.line, line("2.47839"));
}

#[test]
fn a_line_too_far_to_date_is_an_error_not_a_panic() {
    let err = kestra_flat().line(line("2.99999999")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the projected release of 2.99999999 is beyond"),
        "{err}"
    );
}

#[test]
fn a_gap_without_a_maintained_lts_leaves_latest_lts_on_the_last_one() {
    // One month of LTS support: 1.0 is maintained as LTS until 2025-10-09,
    // as latest until 1.1 on 2025-11-04, which is its eol.
    let policy = Policy::from_json(&kestra_flat_with("lts_support_months", 1.into())).unwrap();
    assert_eq!(info(&policy, "1.0").eol, Some(date("2025-11-04")));
    // On 2026-01-20 1.2 is the latest and no LTS line is maintained.
    assert_eq!(supported(&policy, "2026-01-20"), [pair("1.2", &[LATEST])]);
    // The tag still names the newest LTS line released: 1.0, whose patches
    // stopped before 2025-11-04 (09-16 .. 10-28, seven Tuesdays).
    let TagTarget::Version { info, patch } =
        policy.tag(Tag::LatestLts, date("2026-01-20")).unwrap()
    else {
        panic!("latest-lts points to a version");
    };
    assert_eq!(
        (info.line, patch.version.to_string()),
        (line("1.0"), "1.0.7".to_owned())
    );
}

#[test]
fn an_announced_eol_replaces_the_rules_answer() {
    // 1.0's LTS announced until 2027-02-01 instead of 2026-09-09.
    let mut file: serde_json::Value = serde_json::from_str(KESTRA_FLAT).unwrap();
    file["history"][0]["eol"] = "2027-02-01".into();
    let policy = Policy::from_json(&file.to_string()).unwrap();
    let one_oh = info(&policy, "1.0");
    assert_eq!(
        (one_oh.eol, one_oh.eol_reason, one_oh.eol_source),
        (
            Some(date("2027-02-01")),
            EolReason::Announced,
            Source::History
        )
    );
    // On 2.2's release day three LTS lines are maintained: the rules' two and 1.0.
    assert_eq!(
        supported(&policy, "2027-01-12"),
        [
            pair("2.2", &[LATEST, LATEST_LTS]),
            pair("1.3", &[PREVIOUS_LTS]),
            pair("1.0", &[PREVIOUS_LTS])
        ]
    );
    assert_eq!(
        supported(&policy, "2027-02-01"),
        [
            pair("2.2", &[LATEST, LATEST_LTS]),
            pair("1.3", &[PREVIOUS_LTS])
        ]
    );
}

#[test]
fn explanations_cover_known_lines_recent_projections_and_the_next_line() {
    let policy = kestra_flat();
    let lines = |on| -> Vec<String> {
        let explanations = policy.explain_on(date(on), None).unwrap();
        explanations
            .iter()
            .map(|e| e.info.line.to_string())
            .collect()
    };
    // On 2026-11-25: 2.1 (projected 2026-11-10) is recent, 2.2 comes next.
    assert_eq!(
        lines("2026-11-25"),
        ["2.2", "2.1", "2.0", "1.3", "1.2", "1.1", "1.0"]
    );
    // On 9999-12-31 (2.47839 the latest, see far_dates_are_reached_in_one_step)
    // the projected lines of the last 12 months, 2.47834 .. 2.47839, and 2.47840.
    let far = lines("9999-12-31");
    assert_eq!(far.len(), 5 + 6 + 1);
    assert_eq!((far[0].as_str(), far[6].as_str()), ("2.47840", "2.47834"));
}

#[test]
fn two_lines_on_the_same_day_the_later_one_is_latest() {
    // 1.1 (declared LTS) and 1.2 both on 2025-11-04: 1.1 is never the latest.
    let policy = kestra_flat_with_history(serde_json::json!([
        {"line": "1.0", "released": "2025-09-09", "lts": true},
        {"line": "1.1", "released": "2025-11-04", "lts": true},
        {"line": "1.2", "released": "2025-11-04"}
    ]));
    assert_eq!(info(&policy, "1.1").latest_until, date("2025-11-04"));
    assert_eq!(
        supported(&policy, "2025-11-04"),
        [
            pair("1.2", &[LATEST]),
            pair("1.1", &[LATEST_LTS]),
            pair("1.0", &[PREVIOUS_LTS])
        ]
    );
    let day = policy
        .next_patch(Start::After(date("2025-11-03")))
        .unwrap()
        .unwrap();
    let new: Vec<String> = day
        .new_lines
        .iter()
        .map(|info| info.line.to_string())
        .collect();
    assert_eq!(
        (day.day, new),
        (date("2025-11-04"), vec!["1.2".to_owned(), "1.1".to_owned()])
    );
}

/// The embedded policy is decoded from what the build kept of
/// `examples/kestra.json` (`src/policy/embedded.rs`): the same rules and
/// history as reading the file, and the same day the history is complete
/// to, which follows from them.
#[test]
fn the_embedded_policy_is_the_file_it_was_built_from() {
    let embedded = Policy::kestra().unwrap();
    let read = Policy::from_json(include_str!("../../examples/kestra.json")).unwrap();
    assert_eq!(embedded, read);
    assert_eq!(embedded.history().len(), 5);
    assert_eq!(embedded.history_as_of(), date("2026-09-18"));
    assert_eq!(embedded.tag_prefix(), None);
    assert_eq!(
        embedded.branch_template().to_string(),
        "releases/v{major}.{minor}.x"
    );
    // 41 patches are recorded: 8 on 1.0, 11 on 1.1, 8 on 1.2, 14 on 1.3 and
    // none on 2.0; the last on 1.3 is 1.3.15 of 2026-04-29.
    let patches: usize = embedded
        .history()
        .iter()
        .map(|release| release.patches.len())
        .sum();
    assert_eq!(patches, 41);
    let newest = embedded.history()[3].patches.last().unwrap();
    assert_eq!(newest.version.to_string(), "1.3.15");
    assert_eq!(newest.released, date("2026-04-29"));
}

#[test]
fn a_status_ends_within_the_days_its_end_falls_in() {
    let kestra = Policy::kestra().unwrap();
    let status = |version: &str, on: &str| {
        kestra
            .status(VersionInput::parse(version).unwrap(), date(on))
            .unwrap()
    };
    // 1.3's announced end, 2027-03-03, is 98 days after 2026-11-25
    // (30 + 31 + 31 + 6): within 98 days, not within 97.
    let supported = status("1.3.2", "2026-11-25");
    assert_eq!(supported.days_left, Some(98));
    assert!(supported.ends_within(98));
    assert!(!supported.ends_within(97));
    // Ended (1.0, on 2026-09-09) or not released: never "ends within".
    assert!(!status("1.0.5", "2026-11-25").ends_within(1000));
    assert!(!status("1.3.0", "2026-01-01").ends_within(1000));
}
