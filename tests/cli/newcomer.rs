//! What a newcomer still tripped on after the larger work (issue 28): the
//! dated options before the command, suggestions for a near miss, the days
//! left as one number, and an HTML page where JSON was expected.

use super::{embedded, error_of, stdout_of};

#[test]
fn days_prints_the_days_to_each_versions_end_alone() {
    let days = |args: &[&str], code| {
        let output = embedded(args).output().unwrap();
        assert_eq!(output.status.code(), Some(code), "{args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    // 1.0's support ended on 2026-09-09: ten days before 09-19. Ended: exit
    // 1, as `status` says no.
    assert_eq!(
        days(&["status", "1.0.5", "--on", "2026-09-19", "--days"], 1),
        "-10\n"
    );
    // On 2026-09-07: 1.0 ends 09-09, 2 days on; 1.3 ends 2027-03-03, 23 + 31
    // + 30 + 31 + 31 + 28 + 3 = 177 days on; 2.1, not released yet (due
    // 11-10), ends 2027-01-12*: 23 + 31 + 30 + 31 + 12 = 127. A version
    // older than the first line has no end known. 2.1 is no: exit 1.
    assert_eq!(
        days(
            &[
                "status",
                "1.0.5",
                "1.3",
                "2.1",
                "0.19",
                "--on",
                "2026-09-07",
                "--days"
            ],
            1
        ),
        "2\n177\n127\nunknown\n"
    );
    assert_eq!(
        days(&["status", "1.3", "--on", "2026-09-07", "--days"], 0),
        "177\n"
    );
    // The last day of support: 1.0 on 2026-09-08 ends the next day.
    assert_eq!(
        days(
            &[
                "status",
                "1.0",
                "--on",
                "2026-09-08",
                "--days",
                "--format",
                "plain"
            ],
            0
        ),
        "1\n"
    );
}

#[test]
fn days_counts_to_the_end_of_security_fixes_in_two_phases() {
    // Node.js 22: active until 2025-10-22, security fixes until its end,
    // 2027-05-01 (its last day 04-30). From 2026-08-22: 9 + 30 + 31 + 30 +
    // 31 + 31 + 28 + 31 + 30 + 1 = 252 days.
    let output = stdout_of(
        &[
            "--policy",
            "examples/nodejs.json",
            "status",
            "22",
            "--on",
            "2026-08-22",
            "--days",
        ],
        0,
    );
    assert_eq!(output, "252\n");
}

#[test]
fn days_is_refused_with_a_format_of_the_whole_answer() {
    assert_eq!(
        error_of(&["status", "1.3", "--days", "--json"], None),
        "error: --days prints the days left alone, as text; --format json writes the whole \
         answer, the days left included\n"
    );
}
