//! Facts from tags and endoflife.date answers, merged into a history.

use lts_policy::facts::{Facts, FactsProblem, GitTag, Ignored};
use lts_policy::file::HistoryProblem;
use lts_policy::file::Problem;
use lts_policy::lines::{RecordedEnd, Release};
use lts_policy::{LineKind, Numbering, PolicyError};

use super::*;

fn tag(name: &str, day: &str) -> GitTag {
    GitTag::of_commit(name, date(day))
}

fn release<'p>(policy: &'p Policy, name: &str) -> &'p Release {
    policy
        .history()
        .iter()
        .find(|release| release.line == line(name))
        .unwrap()
}

#[test]
fn tags_name_releases_and_patches() {
    let tags = [
        tag("v1.0.0", "2025-09-09"),
        tag("1.0.0", "2025-09-09"),
        tag("v1.0.1", "2025-09-16"),
        // 1.1 has no .0 tag: its earliest tag releases it, and is a patch.
        tag("v1.1.2", "2025-11-20"),
        tag("v1.1.1", "2025-11-11"),
        tag("v1.2.0-rc.1", "2025-12-01"),
        tag("v1.2.0+meta", "2025-12-02"),
        tag("release-2025", "2025-12-03"),
        tag("v1.3", "2025-12-04"),
    ];
    let facts = Facts::from_tags(&tags, None, LineKind::Minor).unwrap();
    let ignored: Vec<(&str, Ignored)> = facts
        .ignored()
        .iter()
        .map(|(name, why)| (name.as_str(), *why))
        .collect();
    assert_eq!(
        ignored,
        [
            ("v1.2.0-rc.1", Ignored::PreRelease),
            ("v1.2.0+meta", Ignored::PreRelease),
            ("release-2025", Ignored::NotAVersion),
            // Two numbers are a line's, not a release's, where lines are minors.
            ("v1.3", Ignored::NotAVersion),
        ]
    );
    let rules = kestra_flat_with_history(serde_json::json!([
        {"line": "1.0", "released": "2025-09-09", "lts": true}
    ]));
    let merged = rules.with_facts(&facts, None).unwrap();
    let one_one = release(&merged, "1.1");
    assert_eq!(one_one.released, date("2025-11-11"));
    let patches: Vec<String> = one_one
        .patches
        .iter()
        .map(|p| p.version.to_string())
        .collect();
    assert_eq!(patches, ["1.1.1", "1.1.2"]);
    // Complete up to the newest tag.
    assert_eq!(merged.history_as_of(), date("2025-11-20"));
}

#[test]
fn the_file_wins_where_both_speak() {
    let facts = Facts::from_tags(
        &[
            tag("v1.0.0", "2025-09-10"),
            tag("v1.0.1", "2025-09-17"),
            tag("v1.0.2", "2025-09-23"),
        ],
        None,
        LineKind::Minor,
    )
    .unwrap();
    let file = kestra_flat_with_history(serde_json::json!([
        {"line": "1.0", "released": "2025-09-09", "lts": true, "eol": "2026-09-09",
         "patches": [{"version": "1.0.1", "released": "2025-09-16"}]}
    ]));
    let merged = file.with_facts(&facts, Some(date("2025-10-01"))).unwrap();
    let one_oh = release(&merged, "1.0");
    assert_eq!(
        (one_oh.released, one_oh.lts, one_oh.eol),
        (
            date("2025-09-09"),
            Some(true),
            Some(RecordedEnd::On(date("2026-09-09")))
        )
    );
    let patches: Vec<(String, String)> = one_oh
        .patches
        .iter()
        .map(|p| (p.version.to_string(), p.released.to_string()))
        .collect();
    assert_eq!(
        patches,
        [
            ("1.0.1".to_owned(), "2025-09-16".to_owned()),
            ("1.0.2".to_owned(), "2025-09-23".to_owned())
        ]
    );
    assert_eq!(merged.history_as_of(), date("2025-10-01"));
}

#[test]
fn a_line_may_come_out_after_a_later_one() {
    // A maintenance line of an older major after a newer major's first
    // (Python 2.7 in 2010, after 3.0 in 2008): the history accepts it, and
    // keeps its lines in the order they came out.
    let facts = Facts::from_tags(&[tag("v1.1.0", "2025-08-01")], None, LineKind::Minor).unwrap();
    let file = kestra_flat_with_history(serde_json::json!([
        {"line": "1.0", "released": "2025-09-09", "lts": true}
    ]));
    let merged = file.with_facts(&facts, None).unwrap();
    let lines: Vec<String> = merged
        .history()
        .iter()
        .map(|release| release.line.to_string())
        .collect();
    assert_eq!(lines, ["1.1", "1.0"]);
    // On 2025-09-10 1.0 is the newest release: the latest. 1.1 is
    // supported until the next line to come out after it, 1.0.
    assert_eq!(
        supported(&merged, "2025-09-10"),
        [pair("1.0", &[LATEST, LATEST_LTS])]
    );
    assert_eq!(supported(&merged, "2025-09-08"), [pair("1.1", &[LATEST])]);
}

#[test]
fn a_contradiction_of_facts_is_the_problem_a_file_would_have() {
    // A patch tagged before its line's release: the merged history, written
    // as a file, has the same problem at the same path.
    let facts = Facts::from_tags(
        &[tag("v1.0.0", "2025-09-09"), tag("v1.0.1", "2025-09-01")],
        None,
        LineKind::Minor,
    )
    .unwrap();
    let file = kestra_flat_with_history(serde_json::json!([
        {"line": "1.0", "released": "2025-09-09", "lts": true}
    ]));
    let merged = file.with_facts(&facts, None).unwrap_err();
    let PolicyError::Facts(problem) = &merged else {
        panic!("{merged:?}");
    };
    let FactsProblem::MergedHistory { path, problem } = problem.as_ref() else {
        panic!("{problem:?}");
    };
    let written = Policy::from_json(&kestra_flat_with(
        "history",
        serde_json::json!([
            {"line": "1.0", "released": "2025-09-09", "lts": true,
             "patches": [{"version": "1.0.1", "released": "2025-09-01"}]}
        ]),
    ))
    .unwrap_err();
    let PolicyError::InvalidPolicy {
        path: file_path,
        problem: file_problem,
    } = &written
    else {
        panic!("{written:?}");
    };
    assert_eq!(path.as_str(), file_path.as_str());
    assert_eq!(path, "history[0].patches[0].released");
    assert!(
        matches!(
            problem,
            Problem::History(HistoryProblem::PatchDateOrder { .. })
        ),
        "{problem:?}"
    );
    assert_eq!(problem.to_string(), file_problem.to_string());
}

#[test]
fn endoflife_flags_dates_and_booleans() {
    // A date for lts declares it LTS from that day. An end is the last day
    // of its phase, as endoflife.date writes it: 24's eol 2028-04-30 is
    // lts-policy's 2028-05-01. `true` says it has passed on a day not
    // given, `false` that it has not. A latest that is no plain patch of
    // its line, or is its .0, is left out.
    let answer = r#"[
        {"cycle": "24", "releaseDate": "2025-05-06", "lts": "2025-10-28", "eol": "2028-04-30",
         "latest": "24.19.0", "latestReleaseDate": "2026-08-03"},
        {"cycle": "23", "releaseDate": "2024-10-16", "lts": false, "eol": true,
         "latest": "23.11.1-rc", "latestReleaseDate": "2025-05-14"},
        {"cycle": 22, "releaseDate": "2024-04-24", "lts": true, "eol": false,
         "latest": "22.0.0", "latestReleaseDate": "2024-04-24", "extendedSupport": true}
    ]"#;
    let facts = Facts::from_endoflife(answer, Some(&Numbering::of(LineKind::Major))).unwrap();
    let node = Policy::from_json(
        r#"{"name": "node", "lines": "major", "releases": {"in_months": [4, 10]},
            "lts": {"every": 2, "support": {"months": 36}}, "branch_template": "v{major}.x",
            "history": [{"line": "22", "released": "2024-04-24"}]}"#,
    )
    .unwrap();
    let merged = node.with_facts(&facts, None).unwrap();
    // (LTS flag, end of support, end of extended support, patches)
    type Recorded = (
        Option<bool>,
        Option<RecordedEnd>,
        Option<RecordedEnd>,
        usize,
    );
    let flags: Vec<Recorded> = merged
        .history()
        .iter()
        .map(|r| (r.lts, r.eol, r.extended_until, r.patches.len()))
        .collect();
    assert_eq!(
        flags,
        [
            (
                Some(true),
                Some(RecordedEnd::NotYet),
                Some(RecordedEnd::Passed),
                0
            ),
            (Some(false), Some(RecordedEnd::Passed), None, 0),
            (
                Some(true),
                Some(RecordedEnd::On(date("2028-05-01"))),
                None,
                1
            )
        ]
    );
    // A v0 answer is complete up to its newest release or latest patch.
    assert_eq!(merged.history_as_of(), date("2026-08-03"));
    // Without a policy, the answer's cycles say how lines are numbered.
    let own = Facts::from_endoflife(answer, None).unwrap();
    assert_eq!(own.numbering(), Some(&Numbering::of(LineKind::Major)));
    // A cycle as a float would have lost its digits (1.10 reads 1.1).
    let err = Facts::from_endoflife(r#"[{"cycle": 1.10}]"#, None).unwrap_err();
    assert_eq!(
        message(&err),
        "endoflife.date answer: cycle #0 has no name that is a line: expected a string such as \
         \"1.3\" (or a whole number), got 1.1, a number whose digits may be lost (1.10 reads 1.1)"
    );
}

#[test]
fn facts_could_be_a_policys_when_they_date_one_of_its_lines_within_a_month() {
    let kestra = Policy::kestra().unwrap();
    let answer = |released: &str| {
        let json = format!(r#"[{{"cycle": "2.0", "releaseDate": "{released}", "eol": false}}]"#);
        Facts::from_endoflife(&json, None).unwrap()
    };
    // Kestra's 2.0 came on 2026-09-08: 31 days later is 2026-10-09 (22 + 9).
    assert!(answer("2026-10-09").could_be_of(&kestra));
    assert!(answer("2026-08-08").could_be_of(&kestra));
    assert!(!answer("2026-10-10").could_be_of(&kestra));
    // Quarkus's 2.0, of 2021: the same number, not the same line.
    assert!(!answer("2021-06-30").could_be_of(&kestra));
    // A line the history does not have says nothing either way: one of
    // its lines, dated as it is, is enough.
    let newer = Facts::from_endoflife(
        r#"[{"cycle": "3.0", "releaseDate": "2027-09-14", "eol": false},
            {"cycle": "2.0", "releaseDate": "2026-09-08", "eol": false}]"#,
        None,
    )
    .unwrap();
    assert!(newer.could_be_of(&kestra));
    let unrelated = Facts::from_endoflife(
        r#"[{"cycle": "3.0", "releaseDate": "2027-09-14", "eol": false}]"#,
        None,
    )
    .unwrap();
    assert!(!unrelated.could_be_of(&kestra));
}
