//! `--explain` on supported, status and backport-targets.

use super::{json_of, stdout_of};

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

#[test]
fn explain_says_where_a_projected_ends_range_comes_from() {
    // Node.js 27, projected: its end counts from the April its schedule
    // names, and its range comes from the ends of the 23 lines (4 to 26)
    // whose end examples/nodejs.json records; the README shows the range.
    let text = stdout_of(
        &[
            "--policy",
            "examples/nodejs.json",
            "status",
            "27",
            "--on",
            "2026-12-01",
            "--explain",
        ],
        1,
    );
    assert!(
        text.contains(
            "its end 80% between 2030-05-01 and 2030-05-02, from the release it counts from and \
             how far the history's 23 newest recorded ends fell from the rules' ends"
        ),
        "{text}"
    );
}
