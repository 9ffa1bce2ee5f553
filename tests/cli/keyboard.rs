//! What a new user and a CI script trip on: the day the questions are asked
//! on (SOURCE_DATE_EPOCH), `next-patch --on` and `--day`, each command's own
//! formats in its help.

use super::{embedded, stdout_of};

/// The embedded policy's plain `supported`, with SOURCE_DATE_EPOCH set to
/// `epoch` and `args` after it.
fn supported_at(epoch: &str, args: &[&str]) -> std::process::Output {
    let mut command = embedded(&["supported", "--format", "plain"]);
    command.args(args).env("SOURCE_DATE_EPOCH", epoch);
    command.output().unwrap()
}

#[test]
fn source_date_epoch_is_the_day_asked_on() {
    // 1772496000 = 20515 days * 86400: 2026-03-03 00:00 UTC (2026-01-01 is
    // day 20454; + 31 + 28 + 2), the day 1.3 comes and ends 1.2's support.
    let on_the_day = supported_at("1772496000", &[]);
    assert_eq!(String::from_utf8(on_the_day.stdout).unwrap(), "1.3\n1.0\n");
    // One second before, 2026-03-02 23:59:59 UTC: the day before.
    let the_day_before = supported_at("1772495999", &[]);
    assert_eq!(String::from_utf8(the_day_before.stdout).unwrap(), "1.2\n1.0\n");
    // An explicit --on still wins.
    let asked = supported_at("1772496000", &["--on", "2026-03-01"]);
    assert_eq!(String::from_utf8(asked.stdout).unwrap(), "1.2\n1.0\n");
    // Set and empty is unset: today.
    assert_eq!(supported_at("", &[]).status.code(), Some(0));
}

#[test]
fn a_malformed_source_date_epoch_is_an_error() {
    for epoch in ["abc", "-1", "1.5", "99999999999999999999"] {
        let output = supported_at(epoch, &[]);
        assert_eq!(output.status.code(), Some(2), "{epoch}");
        assert!(output.stdout.is_empty(), "{epoch}");
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            format!(
                "error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 \
                 UTC, not {epoch:?}\n"
            )
        );
    }
}

#[test]
fn next_patch_takes_on_as_every_query_does() {
    // Kestra's patches come every Tuesday; 2026-12-01 is one, and --on
    // counts it, as today is counted; --after looks strictly after it.
    let on = ["next-patch", "--on", "2026-12-01", "--day"];
    assert_eq!(stdout_of(&on, 0), "2026-12-01\n");
    let after = ["next-patch", "--after", "2026-12-01", "--day"];
    assert_eq!(stdout_of(&after, 0), "2026-12-08\n");
    // 1796169600: 2026-12-02 00:00 UTC, a Wednesday: the next is the 8th.
    let mut from_epoch = embedded(&["next-patch", "--day"]);
    from_epoch.env("SOURCE_DATE_EPOCH", "1796169600");
    from_epoch.assert().code(0).stdout("2026-12-08\n");
    embedded(&["next-patch", "--on", "2026-12-01", "--after", "2026-12-01"])
        .assert()
        .code(2)
        .stdout("");
    embedded(&["next-patch", "--day", "--json"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --day prints the day alone, as text; --format json writes the whole \
             answer, the day included\n",
        );
}

#[test]
fn each_command_lists_the_formats_it_writes() {
    let offered = |command: &str| {
        let help = stdout_of(&[command, "--help"], 0);
        let format = help.split_once("--format <FORMAT>").unwrap().1;
        let values = format.split_once("Possible values:\n").unwrap().1;
        values
            .lines()
            .take_while(|line| line.trim_start().starts_with("- "))
            .map(|line| {
                let value = line.trim_start().trim_start_matches("- ");
                value.split(':').next().unwrap().to_owned()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(offered("supported"), ["text", "json", "ndjson", "csv", "plain"]);
    assert_eq!(offered("timeline"), ["text", "svg"]);
    assert_eq!(offered("man"), ["roff"]);
    assert_eq!(offered("completions"), ["script"]);
    assert_eq!(
        offered("releases"),
        ["text", "json", "ndjson", "csv", "plain", "md", "ics", "endoflife"]
    );
    // Before the command every format is offered: the command decides.
    let top = stdout_of(&["--help"], 0);
    assert!(top.contains("- svg:") && top.contains("- roff:"), "{top}");
}
