//! `--explain` on supported, status and backport-targets.

use super::{Scratch, embedded, json_of, stdout_of};

#[test]
fn supported_explains_every_known_line_and_the_next_one() {
    let text = stdout_of(&["supported", "--on", "2026-03-01", "--explain"], 0);
    let why = text
        .split_once("Why, line by line, on 2026-03-01:\n")
        .unwrap()
        .1;
    let lines: Vec<&str> = why
        .lines()
        .map(|line| line.trim_start().split(':').next().unwrap())
        .collect();
    // The known lines, newest first; 1.3 (2026-03-03) is also the next to come.
    assert_eq!(lines, ["2.0", "1.3", "1.2", "1.1", "1.0"]);
    assert!(
        why.contains(
            "  1.0: supported as latest-lts; released 2025-09-09 (history); LTS: declared in the \
         history; latest until 2025-11-04, the release of 1.1; maintained as LTS until 2026-09-09 \
         = released 2025-09-09 + 12 months, no later than the release of 2.2 on 2027-01-12, the \
         2nd LTS line after it\n"
        ),
        "{why}"
    );
    assert!(why.contains(
        "  1.2: supported as latest; released 2026-01-13 (history); not LTS: 2 lines after 1.0, \
         the newest line declared LTS, not a multiple of 3; latest until 2026-03-03, the release of 1.3\n"
    ), "{why}");
    assert!(
        why.contains("  1.1: not supported since 2026-01-13; "),
        "{why}"
    );
}

#[test]
fn status_explains_a_projected_line() {
    // 2.2: 2026-09-08 + 4 months = 2027-01-08, a Friday -> Tuesday 2027-01-12;
    // 6 lines after 1.0; cut by 2.8 (2028-01-11) a day before 2028-01-12.
    // The history's five lines give four releases to judge slips by.
    let json = json_of(&["status", "2.2", "--on", "2026-11-25", "--explain"], 1);
    assert_eq!(
        json["explanation"],
        "2.2: not released until 2027-01-12; projected for 2027-01-12: 2.0's release on \
         2026-09-08 + 4 months = 2027-01-08, and the first Tuesday on or after it; no 80% range: \
         the history has 4 releases after its first to go by, 5 are needed; LTS: 6 lines \
         after 1.0, the newest line declared LTS, a multiple of 3; latest until 2027-03-09, the \
         release of 2.3; maintained as LTS until 2028-01-11, the release of 2.8 on 2028-01-11, the \
         2nd LTS line after it, earlier than released 2027-01-12 + 12 months = 2028-01-12"
    );
}

#[test]
fn backport_targets_explain_what_since_leaves_out() {
    let json = json_of(
        &[
            "backport-targets",
            "--latest",
            "1.3",
            "--since",
            "1.3",
            "--explain",
        ],
        0,
    );
    let explanations = json["explanations"].as_array().unwrap();
    let one_oh = explanations.iter().find(|e| e["line"] == "1.0").unwrap();
    assert_eq!(one_oh["supported"], true);
    assert!(
        one_oh["explanation"]
            .as_str()
            .unwrap()
            .ends_with("; left out by --since 1.3")
    );
    // Without --explain the answer has no explanations.
    assert!(
        json_of(&["backport-targets", "--latest", "1.3"], 0)
            .get("explanations")
            .is_none()
    );
}

/// A policy of monthly lines on the 1st from 2025-01-01 (1.0) to
/// 2025-07-01 (1.6), each supported two months, whose `ends` (JSON, one
/// per line from 1.0) the history records, complete up to `as_of`.
fn ended(scratch: &Scratch, ends: &[&str], as_of: &str) -> String {
    let history: Vec<String> = (0..7)
        .map(|at| {
            let eol = ends
                .get(at)
                .map_or(String::new(), |eol| format!(r#", "eol": {eol}"#));
            format!(
                r#"{{"line": "1.{at}", "released": "2025-0{}-01"{eol}}}"#,
                at + 1
            )
        })
        .collect();
    let policy = format!(
        r#"{{"name": "x", "releases": {{"every_months": 1}}, "support": {{"months": 2}},
            "branch_template": "b/{{major}}.{{minor}}", "history_as_of": "{as_of}",
            "history": [{}]}}"#,
        history.join(", ")
    );
    let path = scratch.path_to("policy.json");
    std::fs::write(&path, policy).unwrap();
    path
}

#[test]
fn explain_says_where_a_projected_ends_range_comes_from() {
    let scratch = Scratch::new("end-ranges");
    let explained = |ends: &[&str], as_of: &str, line: &str| {
        let policy = ended(&scratch, ends, as_of);
        let args = [
            "--policy",
            &policy,
            "status",
            line,
            "--on",
            as_of,
            "--explain",
        ];
        let output = embedded(&args).output().unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    // Ends 3 days after the rules' two months (1.0's 2025-03-01 + 3 =
    // 03-04, ...), 1.4's 40 days (07-01 + 40 = 08-10), 1.5 still supported
    // on 2025-08-10, past its rules' end (08-01): overdue, projected 08-11;
    // only 1.4's 40 days is as late, so 08-01 + 40 = 09-10.
    let ends = [
        r#""2025-03-04""#,
        r#""2025-04-04""#,
        r#""2025-05-04""#,
        r#""2025-06-04""#,
    ];
    let late = [&ends[..], &[r#""2025-08-10""#, "false"]].concat();
    let text = explained(&late, "2025-08-10", "1.5");
    assert!(
        text.contains(
            "its end 80% between 2025-08-11 and 2025-09-10, from the day after the history to \
             the day the history's recorded ends as late as it came by"
        ),
        "{text}"
    );
    // Three ends are too few to widen a range: 1.7, projected on its day
    // (every release came on the 1st, so the track record of releases
    // gives the day alone, 2025-08-01), ends two months on, 10-01.
    let text = explained(&ends[..3], "2025-07-01", "1.7");
    assert!(
        text.contains(
            "its end 80% between 2025-10-01 and 2025-10-01, from the release it counts from \
             (the history's 3 recorded ends are too few to widen it, 5 are needed)"
        ),
        "{text}"
    );
    // Node.js 27's end counts from the April its schedule names: 2030-05-01,
    // the first day after the month 36 months on; its range starts there,
    // widened by the ends of the 23 lines (4 to 26) examples/nodejs.json
    // records.
    let args = [
        "--policy",
        "examples/nodejs.json",
        "status",
        "27",
        "--on",
        "2026-12-01",
    ];
    let text = stdout_of(&[&args[..], &["--explain"]].concat(), 1);
    assert!(
        text.contains("its end 80% between 2030-05-01 and "),
        "{text}"
    );
    assert!(
        text.contains("how far the history's 23 newest recorded ends fell from the rules' ends"),
        "{text}"
    );
}
