//! `audit` and `policy --check`.

use serde_json::json;

use super::{LEGEND, json_of, kestra_flat, stdout_of};

#[test]
fn audit_of_kestra_reports_the_late_2_0_and_the_gap_and_exits_1() {
    // 2.0 was due 2026-03-03 + 2 months -> Tuesday 2026-05-05 and came on
    // 2026-09-08: 126 days late, 189 days = 27 weeks after 1.3. 1.0's LTS
    // ended 2026-09-09; since then 1.3 alone, 77 days by 2026-11-25.
    let expected = "Audit of policy kestra, known history up to 2026-09-08, 5 lines: 2 findings

KIND         FINDING
off-cadence  2.0 came on 2026-09-08, 189 days (27 weeks) after 1.3 (2026-03-03), where the policy says 2 months: 126 days late (due 2026-05-05)
lts-gap      from 2026-09-09 to 2026-11-25 (77 days) only 1 LTS line is maintained (1.3) where the policy keeps 2
";
    assert_eq!(stdout_of(&["audit", "--on", "2026-11-25"], 1), expected);
}

#[test]
fn audit_json_lists_kind_lines_dates_and_message() {
    let json = json_of(&["audit", "--on", "2026-11-25"], 1);
    assert_eq!(json["until"], "2026-11-25");
    assert_eq!(json["lines_checked"], 5);
    assert_eq!(
        json["findings"][0],
        json!({
            "kind": "off-cadence",
            "lines": ["2.0", "1.3"],
            "dates": {"released": "2026-09-08", "previous_released": "2026-03-03", "due": "2026-05-05"},
            "days": 126,
            "projected": false,
            "message": "2.0 came on 2026-09-08, 189 days (27 weeks) after 1.3 (2026-03-03), where \
                        the policy says 2 months: 126 days late (due 2026-05-05)"
        })
    );
}

#[test]
fn audit_with_projections_marks_what_depends_on_them() {
    let text = stdout_of(
        &[
            "audit",
            "--on",
            "2026-11-25",
            "--projected",
            "--to",
            "2027-09-01",
        ],
        1,
    );
    // 2.2: released 2027-01-12 + 12 months = 2028-01-12, cut by 2.8 on 2028-01-11.
    assert!(text.contains(
        "short-lts-support*  2.2 is maintained as LTS until 2028-01-11, 1 day short of 2028-01-12 \
         = released 2027-01-12 + 12 months: cut by the release of 2.8, the 2nd LTS line after it\n"
    ), "{text}");
    assert!(text.ends_with(&format!("\n{LEGEND}")), "{text}");
}

#[test]
fn a_clean_history_exits_0() {
    assert_eq!(
        stdout_of(&["audit", "--on", "2026-01-01"], 0),
        "Audit of policy kestra, known history up to 2026-01-01, 2 lines: no findings, the policy is kept\n"
    );
}

#[test]
fn to_needs_projected() {
    kestra_flat(&["audit", "--to", "2027-01-01"])
        .assert()
        .code(2);
}

#[test]
fn policy_check_lists_every_problem() {
    assert_eq!(
        stdout_of(&["policy", "--check", "tests/data/unsorted.json"], 1),
        "tests/data/unsorted.json: history[2].line: 1.1 comes after 1.2; list lines in the order of their numbers
"
    );
    assert_eq!(
        stdout_of(&["policy", "--check", "tests/data/monthly.json"], 0),
        // What the file means, in words: Thursdays, a minor every month, an LTS
        // every 4 lines kept 18 months or until the 4th LTS line after it.
        "tests/data/monthly.json: a valid policy
  lines are MAJOR.MINOR; the rules project no new major
  releases: every month, on the first Thursday on or after the due date
  patches: every week on Thursdays, counted from each line's release
  support: until the next line comes out
  LTS: every 4th line, maintained as such 18 months, or until the 4th LTS line after it comes out if earlier
  history complete up to 2023-02-10
"
    );
    assert_eq!(
        json_of(&["policy", "--check", "tests/data/nonsense.json"], 1)["problems"],
        json!([{"path": "minor_every_months", "problem": "expected 1 to 1200 months, got 0"}])
    );
    kestra_flat(&["policy", "--check", "tests/data/missing.json"])
        .assert()
        .code(2)
        .stderr("error: cannot read policy file tests/data/missing.json: No such file or directory (os error 2)\n");
}

#[test]
fn audit_says_the_day_the_history_is_complete_up_to() {
    // The embedded history is complete up to 2026-09-18 (history_as_of),
    // whatever the day asked; before that day, up to the day asked.
    for (on, until) in [
        ("2026-12-01", "2026-09-18"),
        ("2030-01-01", "2026-09-18"),
        ("2026-01-01", "2026-01-01"),
    ] {
        let output = super::embedded(&["audit", "--on", on]).output().unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        let header = format!("Audit of policy kestra, known history up to {until}, ");
        assert!(text.starts_with(&header), "{on}: {text}");
        let json = super::embedded(&["audit", "--on", on, "--json"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(json["history_until"], until, "{on}");
        assert_eq!(json["until"], on, "{on}");
    }
}
