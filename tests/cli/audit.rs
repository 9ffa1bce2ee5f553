//! `audit` and `policy --check`.

use serde_json::json;

use super::{LEGEND, Scratch, json_of, kestra_flat, kestra_flat_file, stdout_of, with_format};

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
fn an_lts_grace_keeps_a_line_beside_the_next_two_without_a_finding() {
    // An LTS line every 3 months, each until the 2nd LTS line after and a
    // month more: 1.0 (2026-01-06) runs to 1.2's release (07-06) plus a
    // month, 08-06, beside 1.1 and 1.2: three at once for that month, as
    // the rule says, and two the rest of the time. No finding either way.
    let scratch = Scratch::new("lts-grace");
    let policy = scratch.join("grace.json");
    std::fs::write(
        &policy,
        r#"{"name": "grace", "releases": {"every_months": 3},
            "lts": {"every": 1, "support": {"until_next": 2, "grace_months": 1}},
            "branch_template": "{major}.{minor}",
            "history": [{"line": "1.0", "released": "2026-01-06", "lts": true}]}"#,
    )
    .unwrap();
    let args = [
        "--policy",
        policy.to_str().unwrap(),
        "audit",
        "--projected",
        "--to",
        "2027-06-01",
        "--on",
        "2026-01-06",
    ];
    assert_eq!(
        stdout_of(&args, 0),
        "Audit of policy grace, known history up to 2026-01-06 and projection up to \
         2027-06-01, 6 lines: no findings, the policy is kept\n"
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

/// Rust's catalogue policy, audited on the snapshot's day.
const RUST_AUDIT: [&str; 5] = [
    "--policy",
    "catalogue/products/rust.json",
    "audit",
    "--on",
    "2026-08-22",
];

/// The lines of `output` that are about an end off a stated rule.
fn off_stated_lines(output: &str) -> Vec<&str> {
    output
        .lines()
        .filter(|line| line.contains("stated rule"))
        .collect()
}

#[test]
fn audit_says_where_a_record_strays_from_its_stated_rule_in_every_format() {
    // Rust's record states eol(x) = releaseDate(x+1). 1.62's record ends
    // 2022-09-12, where 1.63 came on 2022-08-11: 20 days to 08-31, then 12,
    // 32 days after.
    let message = "1.62: the record ends support 2022-09-12, 32 days after its stated rule \
                   \"eol(x) = releaseDate(x+1)\" gives (2022-08-11)";
    let text = stdout_of(&RUST_AUDIT, 1);
    assert_eq!(
        off_stated_lines(&text),
        [format!("off-stated-rule  {message}")]
    );
    assert_eq!(
        off_stated_lines(&stdout_of(&with_format(&RUST_AUDIT, "plain"), 1)),
        [message]
    );
    let json = json_of(&RUST_AUDIT, 1);
    let found: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| finding["kind"] == "off-stated-rule")
        .collect();
    assert_eq!(
        found,
        [&json!({
            "kind": "off-stated-rule",
            "lines": ["1.62"],
            "dates": {"recorded": "2022-09-12", "stated": "2022-08-11"},
            "days": 32,
            "phase": "support",
            "rule": "eol(x) = releaseDate(x+1)",
            "projected": false,
            "message": message,
        })]
    );
    let ndjson = stdout_of(&with_format(&RUST_AUDIT, "ndjson"), 1);
    let row: Vec<serde_json::Value> = off_stated_lines(&ndjson)
        .into_iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(row, [found[0].clone()]);
    // CSV: the record's and the rule's days in columns of their own.
    let csv = stdout_of(&with_format(&RUST_AUDIT, "csv"), 1);
    assert!(csv.starts_with(
        "kind,lines,version,released,previous_released,due,promised,until,from,to,eol,recorded,\
         stated,days,phase,rule,projected,message\n"
    ));
    assert_eq!(
        off_stated_lines(&csv),
        [format!(
            "off-stated-rule,1.62,,,,,,,,,,2022-09-12,2022-08-11,32,support,\
             eol(x) = releaseDate(x+1),false,\"{}\"",
            message.replace('"', "\"\"")
        )]
    );
}

#[test]
fn a_stated_rule_is_quoted_with_what_a_terminal_acts_on_escaped() {
    // A rule the reader takes (nothing after its term changes the day)
    // that would clear the screen: 1.1 ends 2025-12-31 by the record,
    // where 1.2 came 2026-01-13: 13 days before.
    let scratch = Scratch::new("stated-escape");
    let mut file = kestra_flat_file();
    file["product"] = json!({"stated": [
        {"rule": "eol(x) = releaseDate(x+1)\u{1b}[2J", "agree": 0, "of": 1, "used": false}
    ]});
    file["history"] = json!([
        {"line": "1.0", "released": "2025-09-09", "lts": true},
        {"line": "1.1", "released": "2025-11-04", "eol": "2026-01-01"},
        {"line": "1.2", "released": "2026-01-13"}
    ]);
    let path = scratch.path_to("stated.json");
    std::fs::write(&path, file.to_string()).unwrap();
    let args = ["--policy", &path, "audit", "--on", "2026-02-01"];
    let expected = "1.1: the record ends support 2025-12-31, 13 days before its stated rule \
                    \"eol(x) = releaseDate(x+1)\\u{1b}[2J\" gives (2026-01-13)";
    for format in ["text", "plain"] {
        let output = stdout_of(&with_format(&args, format), 1);
        assert!(!output.contains('\u{1b}'), "{format}: {output:?}");
        let lines = off_stated_lines(&output);
        assert_eq!(lines.len(), 1, "{format}: {output}");
        assert!(lines[0].ends_with(expected), "{format}: {output}");
    }
}
