//! `Draft::fit`: rules fitted to small histories invented for one shape
//! each, worked out by hand, and to real vendors' histories.

use lts_policy::fit::{Draft, Fit, FitBasis, FitNote, FitSubject};

use super::{Policy, date, example, example_file, info, message};

/// The fit of a draft written as JSON.
fn fit(json: &str) -> (Policy, Vec<FitNote>) {
    let fit = Draft::from_json(json).unwrap().fit().unwrap();
    (fit.policy, fit.notes)
}

/// A draft of `history` (lines `1.0`, `1.1`, ... released on `days`), with
/// `rules` (JSON fields, or nothing) stated.
fn draft(rules: &str, days: &[&str], entry: impl Fn(usize) -> String) -> String {
    let history: Vec<String> = days
        .iter()
        .enumerate()
        .map(|(at, day)| format!(r#"{{"line": "1.{at}", "released": "{day}"{}}}"#, entry(at)))
        .collect();
    let rules = if rules.is_empty() {
        String::new()
    } else {
        format!("{rules}, ")
    };
    format!(
        r#"{{"name": "x", {rules}"history": [{}]}}"#,
        history.join(", ")
    )
}

/// The line of a rule field in the policy as `policy` writes it:
/// `"releases": {"every_months": 1, "on": "3rd Thursday"}`.
fn rule(policy: &Policy, field: &str) -> String {
    let key = format!("\"{field}\": ");
    policy
        .to_json()
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with(&key))
        .map(|line| line.trim_end_matches(',').to_owned())
        .unwrap_or_default()
}

/// Fitted: `hits` of `total` steps within 7 days.
fn fitted(hits: u32, total: u32) -> FitBasis {
    FitBasis::Fitted {
        hits,
        total,
        within_days: 7,
    }
}

fn basis(notes: &[FitNote], subject: FitSubject) -> FitBasis {
    notes
        .iter()
        .find(|note| note.subject == subject)
        .map(|note| note.basis)
        .unwrap()
}

/// The third Thursdays of 2026 (January 1st is a Thursday: the 15th; then
/// each month from its first Thursday, two weeks on).
const THIRD_THURSDAYS: [&str; 12] = [
    "2026-01-15",
    "2026-02-19",
    "2026-03-19",
    "2026-04-16",
    "2026-05-21",
    "2026-06-18",
    "2026-07-16",
    "2026-08-20",
    "2026-09-17",
    "2026-10-15",
    "2026-11-19",
    "2026-12-17",
];

#[test]
fn a_clean_monthly_cadence_on_the_third_thursday() {
    let (policy, notes) = fit(&draft("", &THIRD_THURSDAYS, |_| String::new()));
    assert_eq!(
        rule(&policy, "releases"),
        r#""releases": {"every_months": 1, "on": "3rd Thursday"}"#
    );
    // "Thursday" alone (a month on, the next Thursday) also comes within 7
    // days, but misses by a week where a month starts late (05-21 + 1
    // month = 06-21, a Sunday: 06-25, not 06-18): the 3rd Thursday is
    // never off.
    assert_eq!(basis(&notes, FitSubject::Releases), fitted(11, 11));
    let said = notes
        .iter()
        .find(|note| note.subject == FitSubject::Releases)
        .unwrap();
    assert_eq!(
        said.to_string(),
        "releases: 11 of 11 releases within 7 days"
    );
}

#[test]
fn a_weekly_tuesday_cadence_with_two_holidays() {
    // Every Tuesday from 2026-01-06 to 05-19, but 02-17 and 04-07: 18
    // releases, 17 steps. After each holiday the release comes 14 days
    // after the one before, 7 after the Tuesday the rule had due: within.
    let tuesdays: Vec<String> = (0..20)
        .map(|week| {
            let day = lts_policy::parse_date("2026-01-06").unwrap() + chrono::Days::new(7 * week);
            day.to_string()
        })
        .filter(|day| day != "2026-02-17" && day != "2026-04-07")
        .collect();
    let days: Vec<&str> = tuesdays.iter().map(String::as_str).collect();
    let (policy, notes) = fit(&draft("", &days, |_| String::new()));
    // Every 2 weeks would be 7 days off at every step but two, and every
    // week is off only after the holidays: its mean error is lower. Every
    // release is a Tuesday: the rule names the day.
    assert_eq!(
        rule(&policy, "releases"),
        r#""releases": {"every_weeks": 1, "on": "Tuesday"}"#
    );
    assert_eq!(basis(&notes, FitSubject::Releases), fitted(17, 17));
}

#[test]
fn every_third_line_lts() {
    // Ten monthly lines, 1.0, 1.3, 1.6 and 1.9 declared LTS: three gaps of
    // three lines.
    let lts = |at: usize| format!(r#", "lts": {}"#, at.is_multiple_of(3));
    let days = &THIRD_THURSDAYS[..10];
    let (policy, notes) = fit(&draft("", days, lts));
    assert!(rule(&policy, "lts").starts_with(r#""lts": {"every": 3, "#));
    assert_eq!(basis(&notes, FitSubject::Lts), fitted(3, 3));
    // Nothing records how long LTS lines last: the simplest rule, until the
    // next LTS line, and it says so.
    assert!(rule(&policy, "lts").ends_with(r#""support": {"until_next": 1}}"#));
    assert_eq!(
        basis(&notes, FitSubject::LtsSupport),
        FitBasis::TooShort { steps: 0 }
    );
}

#[test]
fn an_lts_line_with_no_start_counts_as_lts_from_its_release() {
    // MySQL's shape: 1.0 became LTS long after its release (dated
    // 2026-06-18), 1.4 and 1.8 are declared LTS with no start, as
    // endoflife.date writes an LTS from the start. LTS from release
    // foresees 1.4 and 1.8 (2 of 3); "5 months after" (the dated delay)
    // foresees 1.0 alone (06-15, 3 days off); "at the next line" (1.1 on
    // 02-19, 1.5 on 06-18, 1.9 on 10-15) and two or three lines on, none.
    // The release wins. Before, 1.0 alone was counted, and every LTS line
    // waited five months for its LTS.
    let lts = |at: usize| match at {
        0 => r#", "lts": "2026-06-18""#.to_owned(),
        4 | 8 => r#", "lts": true"#.to_owned(),
        _ => r#", "lts": false"#.to_owned(),
    };
    let (policy, notes) = fit(&draft("", &THIRD_THURSDAYS[..10], lts));
    let lts_rule = rule(&policy, "lts");
    assert!(
        lts_rule.starts_with(r#""lts": {"every": 4, "#),
        "{lts_rule}"
    );
    assert!(!lts_rule.contains("starts"), "{lts_rule}");
    assert_eq!(basis(&notes, FitSubject::LtsStarts), fitted(2, 3));
    assert_eq!(info(&policy, "1.4").lts_from, Some(date("2026-05-21")));
    // 1.0 keeps the start its record dates.
    assert_eq!(info(&policy, "1.0").lts_from, Some(date("2026-06-18")));
}
#[test]
fn no_end_recorded_keeps_every_line_the_history_still_supports() {
    // React's shape: five lines, none ended, each still supported
    // (`"eol": false`). The oldest, 1.0, has four lines after it: the
    // rule that keeps it supported is until the 5th line after, not the
    // simplest, which would end four lines the record calls maintained.
    let days = &THIRD_THURSDAYS[..5];
    let (policy, notes) = fit(&draft("", days, |_| r#", "eol": false"#.to_owned()));
    assert_eq!(rule(&policy, "support"), r#""support": {"until_next": 5}"#);
    assert_eq!(
        basis(&notes, FitSubject::Support),
        FitBasis::StillSupported { lines: 5 }
    );
    // 1.0 ended on a day not recorded (`true`): 1.1, three lines after it,
    // is the oldest kept: until the 4th line after.
    let ended_first = |at: usize| format!(r#", "eol": {}"#, at == 0);
    let (policy, notes) = fit(&draft("", days, ended_first));
    assert_eq!(rule(&policy, "support"), r#""support": {"until_next": 4}"#);
    assert_eq!(
        basis(&notes, FitSubject::Support),
        FitBasis::StillSupported { lines: 4 }
    );
    // An LTS line's end recorded (1.0, to 2026-03-01), the others running:
    // the record has an end to go by, and the lines not LTS are kept only
    // until the next, as before (Jenkins: its weekly line "2" beside LTS
    // lines whose ends the LTS rule is fitted to).
    let lts_ended = |at: usize| match at {
        0 => r#", "lts": true, "eol": "2026-03-01""#.to_owned(),
        _ => r#", "eol": false"#.to_owned(),
    };
    let (policy, notes) = fit(&draft("", days, lts_ended));
    assert_eq!(rule(&policy, "support"), r#""support": {"until_next": 1}"#);
    assert_eq!(
        basis(&notes, FitSubject::Support),
        FitBasis::TooShort { steps: 0 }
    );
    // Only the newest still supported: the simplest rule, as before.
    let newest_only = |at: usize| format!(r#", "eol": {}"#, at < 4);
    let (policy, notes) = fit(&draft("", days, newest_only));
    assert_eq!(rule(&policy, "support"), r#""support": {"until_next": 1}"#);
    assert_eq!(
        basis(&notes, FitSubject::Support),
        FitBasis::TooShort { steps: 0 }
    );
}

#[test]
fn support_until_the_second_line_after() {
    // The third Thursdays, each line supported until the release of the
    // second line after it: 1.0 (01-15) until 1.2 (03-19), ... 1.5 (06-18)
    // until 1.7 (08-20); 1.6 and 1.7 record no end yet.
    let eol = |at: usize| match THIRD_THURSDAYS.get(at + 2) {
        Some(day) if at < 6 => format!(r#", "eol": "{day}""#),
        _ => String::new(),
    };
    let (policy, notes) = fit(&draft("", &THIRD_THURSDAYS[..8], eol));
    // "2 months" comes within 7 days too (01-15 + 2 months = 03-15, 4 days
    // early; 05-21 + 2 = 07-21, 5 late), but never on the day.
    assert_eq!(rule(&policy, "support"), r#""support": {"until_next": 2}"#);
    assert_eq!(basis(&notes, FitSubject::Support), fitted(6, 6));
}

#[test]
fn a_support_period_that_grew_from_18_to_24_months_is_followed() {
    // Quarterly lines from 2020-01-01 (1.0) to 2022-10-01 (1.11). 1.0 to
    // 1.7 lasted 18 months (the last end 2022-10-01 + ... : 1.7, released
    // 2021-10-01, until 2023-04-01); 1.8 to 1.10 lasted 24 (2022-01-01 ..
    // 2022-07-01 released, 2024-01-01 .. 2024-07-01 ended), the newest
    // three ends. An average would be wrong for both.
    let days: Vec<String> = (0..12)
        .map(|quarter| {
            let first = lts_policy::parse_date("2020-01-01").unwrap();
            lts_policy::dates::add_months(first, 3 * quarter)
                .unwrap()
                .to_string()
        })
        .collect();
    let eol = |at: usize| {
        let months = match at {
            0..=7 => 18,
            8..=10 => 24,
            _ => return String::new(),
        };
        let released = lts_policy::parse_date(&days[at]).unwrap();
        let end = lts_policy::dates::add_months(released, months).unwrap();
        format!(r#", "eol": "{end}""#)
    };
    let refs: Vec<&str> = days.iter().map(String::as_str).collect();
    let (policy, notes) = fit(&draft("", &refs, eol));
    assert_eq!(rule(&policy, "support"), r#""support": {"months": 24}"#);
    assert_eq!(
        basis(&notes, FitSubject::Support),
        FitBasis::Changed {
            hits: 3,
            before: 8,
            within_days: 7
        }
    );
}

#[test]
fn a_history_of_two_lines_is_too_short_to_say() {
    // One step, 56 days (01-06 to 03-03): 1.84 months, the simplest rule
    // of whole months: every 2, on the day due.
    let (policy, notes) = fit(&draft("", &["2026-01-06", "2026-03-03"], |_| String::new()));
    assert_eq!(
        rule(&policy, "releases"),
        r#""releases": {"every_months": 2}"#
    );
    assert_eq!(
        basis(&notes, FitSubject::Releases),
        FitBasis::TooShort { steps: 1 }
    );
    let said = notes
        .iter()
        .find(|note| note.subject == FitSubject::Releases)
        .unwrap();
    assert_eq!(
        said.to_string(),
        "releases: the history has 1 release, too few to say: the simplest rule"
    );
}

#[test]
fn a_stated_rule_is_kept_and_only_the_others_are_fitted() {
    // The draft states support (as the vendor publishes it) and names its
    // branches; the history's third Thursdays give the schedule.
    let rules = r#""support": {"months": 6}, "branch_template": "stable-{major}-{minor}""#;
    let (policy, notes) = fit(&draft(rules, &THIRD_THURSDAYS, |_| String::new()));
    assert_eq!(rule(&policy, "support"), r#""support": {"months": 6}"#);
    assert_eq!(basis(&notes, FitSubject::Support), FitBasis::Stated);
    assert_eq!(
        rule(&policy, "branch_template"),
        r#""branch_template": "stable-{major}-{minor}""#
    );
    assert_eq!(
        rule(&policy, "releases"),
        r#""releases": {"every_months": 1, "on": "3rd Thursday"}"#
    );
    // The fitted policy reads back as it was written.
    assert_eq!(Policy::from_json(&policy.to_json()).unwrap(), policy);
}

#[test]
fn a_draft_is_checked_as_a_policy_file_is() {
    let problem = |json: &str| message(&Draft::from_json(json).unwrap_err());
    assert_eq!(
        problem(r#"{"name": "x", "support": {"months": 0}}"#),
        "support.months: expected 1 to 1200 months, got 0"
    );
    assert_eq!(
        problem(r#"{"name": "x", "changes": [{"from": "1.2", "support": {"months": 6}}]}"#),
        "changes: a draft's own rules are fitted to its whole history: leave changes out, and \
         add them to the fitted policy"
    );
    assert_eq!(problem(r#"{"support": {"months": 6}}"#), "name: missing");
    // A draft needs a history to be fitted, from its file or from facts.
    let empty = Draft::from_json(r#"{"name": "x"}"#).unwrap();
    assert_eq!(
        message(&empty.fit().unwrap_err()),
        "history: expected at least one released line"
    );
}

/// A draft, no rule stated, of the first `lines` lines of Kestra's example
/// history.
fn kestras_first_lines(lines: usize) -> String {
    let kestra: serde_json::Value = serde_json::from_str(&example_file("kestra")).unwrap();
    let mut draft = serde_json::json!({"name": "kestra"});
    draft["history"] =
        serde_json::Value::Array(kestra["history"].as_array().unwrap()[..lines].to_vec());
    draft.to_string()
}

/// The fit of an example's whole history, no rule stated.
fn fit_of_example(name: &str) -> Fit {
    Draft::of_history(&example(name)).fit().unwrap()
}

#[test]
fn gitlabs_history_gives_its_monthly_lines_its_majors_in_may_and_its_ends() {
    // endoflife.date's GitLab: a line every month (on the 3rd Thursday
    // since 2023, the 22nd before), majors starting in May, each line
    // supported while the next two come out: a rule foresees every step.
    let fit = fit_of_example("gitlab");
    assert_eq!(
        rule(&fit.policy, "new_major"),
        r#""new_major": {"in_month": 5}"#
    );
    for subject in [FitSubject::Releases, FitSubject::Support] {
        assert!(matches!(
            basis(&fit.notes, subject),
            FitBasis::Fitted { hits, total, .. } if hits == total
        ));
    }
}

#[test]
fn electrons_history_gives_support_until_the_third_major_after() {
    // Electron supports its three newest majors: a line until the third one
    // after it comes out, as the published rule says. endoflife.date writes
    // that day as the line's last (eol(x) = releaseDate(x+3)): read one day
    // on, the end is the day after, as exactly a day's grace says.
    let fit = fit_of_example("electron");
    assert_eq!(
        rule(&fit.policy, "support"),
        r#""support": {"until_next": 3, "grace_days": 1}"#
    );
}

#[test]
fn djangos_history_gives_an_lts_every_third_line() {
    // Django: X.2 is LTS (1.8, 1.11, 2.2, 3.2, 4.2, 5.2): every 3rd line.
    let fit = fit_of_example("django");
    assert!(rule(&fit.policy, "lts").starts_with(r#""lts": {"every": 3, "#));
}

#[test]
fn the_last_minor_of_each_major_keeps_its_own_support() {
    // Three minors a major (1.0 .. 3.2, then 4.0), one a month on the third
    // Thursdays: each line supported until the next comes, but the last of
    // a major (1.2, 2.2, 3.2) for 12 months.
    let names = [
        "1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "3.0", "3.1", "3.2", "4.0",
    ];
    let history: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(at, line)| {
            let released = THIRD_THURSDAYS[at];
            let eol = match (line.ends_with(".2"), THIRD_THURSDAYS.get(at + 1)) {
                (true, _) => released.replacen("2026", "2027", 1),
                (false, Some(next)) if at + 1 < names.len() => (*next).to_owned(),
                _ => return format!(r#"{{"line": "{line}", "released": "{released}"}}"#),
            };
            format!(r#"{{"line": "{line}", "released": "{released}", "eol": "{eol}"}}"#)
        })
        .collect();
    let json = format!(r#"{{"name": "x", "history": [{}]}}"#, history.join(", "));
    let (policy, notes) = fit(&json);
    // The others' rule foresees 6 of the 9 ends and none of the three last
    // minors': those have their own, 12 months, and the rest 6 of 6.
    assert_eq!(
        rule(&policy, "support"),
        r#""support": {"until_next": 1, "last_of_major": {"months": 12}}"#
    );
    assert_eq!(basis(&notes, FitSubject::LastOfMajor), fitted(3, 3));
    assert_eq!(
        rule(&policy, "new_major"),
        r#""new_major": {"after_minor": 2}"#
    );
}

#[test]
fn grafanas_history_gives_nine_months_and_fifteen_for_a_majors_last_minor() {
    // Grafana publishes 9 months of support, 15 for the last minor of a
    // major: its history's last minors, 10.4 (2024-03-05 to 2025-06-05),
    // 11.6 (2025-03-21 to 2026-06-25) and 12.4 (2026-02-25 to 2027-05-24),
    // each about 15 months, which 9 months misses by half a year.
    let fit = fit_of_example("grafana");
    assert_eq!(
        rule(&fit.policy, "support"),
        r#""support": {"months": 9, "last_of_major": {"months": 15}}"#
    );
    assert_eq!(basis(&fit.notes, FitSubject::LastOfMajor), fitted(3, 3));
}

#[test]
fn every_fitted_policy_is_a_valid_file_that_reads_back() {
    // Every example's whole history, and every prefix of Kestra's (one line
    // to five): the fit writes only what the file format accepts.
    let mut drafts: Vec<Draft> = Vec::new();
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            drafts.push(Draft::of_history(&Policy::from_json(&text).unwrap()));
        }
    }
    for lines in 1..=5 {
        drafts.push(Draft::from_json(&kestras_first_lines(lines)).unwrap());
    }
    for draft in drafts {
        let fit = draft.fit().unwrap();
        let json = fit.policy.to_json();
        assert_eq!(Policy::from_json(&json).unwrap(), fit.policy, "{json}");
    }
}

#[test]
fn kestras_first_two_lines_are_too_few_and_its_patches_come_weekly() {
    // 1.0 (2025-09-09) and 1.1 (2025-11-04): one step of 56 days, 1.84
    // months: every 2 months, Kestra's own cadence, and too few to say.
    let (policy, notes) = fit(&kestras_first_lines(2));
    assert_eq!(
        rule(&policy, "releases"),
        r#""releases": {"every_months": 2}"#
    );
    assert_eq!(
        basis(&notes, FitSubject::Releases),
        FitBasis::TooShort { steps: 1 }
    );
    // Its whole history: patches about weekly from each line's Tuesday
    // release (1.0.1 09-16, 1.0.2 09-24 a day late, ...), twice some weeks.
    let fit = fit_of_example("kestra");
    assert!(
        rule(&fit.policy, "patches").starts_with(r#""patches": {"every_weeks": 1"#),
        "{}",
        rule(&fit.policy, "patches")
    );
    assert!(matches!(
        basis(&fit.notes, FitSubject::Patches),
        FitBasis::Fitted { hits, total: 41, within_days: 2 } if hits * 2 >= 41
    ));
}
