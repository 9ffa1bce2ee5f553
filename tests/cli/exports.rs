//! `releases --format csv|md|ics|endoflife`.

use std::collections::HashSet;
use std::io::BufReader;

use serde_json::json;

use super::{LEGEND, kestra_flat, kestra_flat_file, stdout_of};

const RANGE: [&str; 6] = [
    "releases",
    "--from",
    "2026-09-01",
    "--to",
    "2027-01-31",
    "--on",
];

fn export(format: &str) -> String {
    let mut args = RANGE.to_vec();
    args.extend(["2026-11-25", "--format", format]);
    stdout_of(&args, 0)
}

#[test]
fn csv_has_a_header_and_one_row_per_line() {
    // 2.0 (history), 2.1 (2026-11-10) and 2.2 (2027-01-12, LTS, cut by 2.8).
    // One phase: each line is active until its eol; 2.2 is LTS from its
    // release.
    assert_eq!(
        export("csv"),
        "line,released,lts,eol,eol_by,eol_by_line,lts_until,branch,projected,overdue,source_released,source_lts,source_eol,lts_from,active_until,source_lts_from,source_active_until
2.0,2026-09-08,false,2026-11-10,next_release,2.1,,releases/v2.0.x,false,false,history,rules,rules,,2026-11-10,,rules
2.1,2026-11-10,false,2027-01-12,next_release,2.2,,releases/v2.1.x,true,false,rules,rules,rules,,2027-01-12,,rules
2.2,2027-01-12,true,2028-01-11,lts_superseded,2.8,2028-01-11,releases/v2.2.x,true,false,rules,rules,rules,2027-01-12,2028-01-11,rules,rules
"
    );
}

#[test]
fn csv_quotes_a_branch_with_a_comma() {
    let policy = serde_json::json!({
        "name": "commas", "release_weekday": "Tuesday", "minor_every_months": 2,
        "lts_every_months": 6, "lts_support_months": 12, "lts_in_parallel": 2,
        "branch_template": "v{major},{minor}",
        "history": [{"line": "1.0", "released": "2025-09-09"}]
    });
    let file = std::env::temp_dir().join(format!("lts-policy-commas-{}.json", std::process::id()));
    std::fs::write(&file, policy.to_string()).unwrap();
    // Asked on 1.0's day, when its facts are new.
    let args = [
        "releases",
        "--to",
        "2025-09-09",
        "--on",
        "2025-09-09",
        "--format",
        "csv",
        "--policy",
        file.to_str().unwrap(),
    ];
    let csv = stdout_of(&args, 0);
    std::fs::remove_file(&file).unwrap();
    // 1.0: the first line, LTS by the anchor rule; until 2025-09-09 + 12
    // months. No line's release ends it: eol_by_line stays empty, in its column.
    assert_eq!(
        csv.lines().nth(1).unwrap(),
        "1.0,2025-09-09,true,2026-09-09,lts_support_period,,2026-09-09,\"v1,0\",false,false,history,rules,rules,2025-09-09,2026-09-09,history,rules"
    );
}

#[test]
fn markdown_table_escapes_the_marker() {
    let expected = format!(
        "kestra releases from 2026-09-01 to 2027-01-31

| Line | Released | LTS | End of support | Ended by |
|---|---|---|---|---|
| 2.0 | 2026-09-08 | no\\* | 2026-11-10\\* | release of 2\\.1 |
| 2.1 | 2026-11-10\\* | no\\* | 2027-01-12\\* | release of 2\\.2 |
| 2.2 | 2027-01-12\\* | yes\\* | 2028-01-11\\* | release of LTS 2\\.8 |

\\{}",
        LEGEND
    );
    assert_eq!(export("md"), expected);
}

#[test]
fn markdown_leaves_out_the_columns_a_policy_cannot_fill() {
    // GitLab's example declares no LTS line: no LTS column (its rows would
    // all read `no\*`), as the text table leaves it out; it has two
    // phases: an active-support column. 18.8 came 2026-01-14 (recorded);
    // its ends are the record's: active to 2026-02-20, support to
    // 2026-04-17 (the first days without each).
    let args = [
        "--policy",
        "examples/gitlab.json",
        "releases",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
        "--on",
        "2026-01-01",
        "--format",
        "md",
    ];
    assert_eq!(
        super::stdout_of(&args, 0),
        "gitlab releases from 2026-01-01 to 2026-01-31

| Line | Released | Active until | End of support | Ended by |
|---|---|---|---|---|
| 18.8 | 2026-01-14 | 2026-02-20 | 2026-04-17 | announced end of support |
"
    );
}

#[test]
fn endoflife_cycles_newest_first() {
    let cycles: serde_json::Value = serde_json::from_str(&export("endoflife")).unwrap();
    assert_eq!(
        cycles,
        json!([
            // Projected, and so marked. Not released by 2026-11-25: its
            // latest is the .0. An end is written as endoflife.date writes
            // it, its last day: support ends on 2028-01-11, so the last day
            // is 01-10. Kestra's policy has one phase: no `support`, as
            // endoflife.date writes none for such a product.
            {"releaseCycle": "2.2", "releaseDate": "2027-01-12", "lts": true,
             "eol": "2028-01-10", "latest": "2.2.0", "latestReleaseDate": "2027-01-12",
             "projected": true},
            // Tuesdays 11-17 and 11-24; supported until 2.2 on 2027-01-12.
            {"releaseCycle": "2.1", "releaseDate": "2026-11-10", "lts": false,
             "eol": "2027-01-11", "latest": "2.1.2", "latestReleaseDate": "2026-11-24",
             "projected": true},
            // Recorded: its end, the release of the projected 2.1, is no
            // fact, and comes after the history's last day: not passed, as
            // a record writes it. Its newest recorded version is its .0:
            // the rules' weekly patches are no releases to record.
            {"releaseCycle": "2.0", "releaseDate": "2026-09-08", "lts": false,
             "eol": false, "latest": "2.0.0", "latestReleaseDate": "2026-09-08"}
        ])
    );
}

/// The value of a property of an iCalendar component.
fn property<'a>(properties: &'a [ical::property::Property], name: &str) -> &'a str {
    let property = properties.iter().find(|p| p.name == name).unwrap();
    property.value.as_deref().unwrap()
}

#[test]
fn ics_parses_with_one_all_day_event_per_release_end_and_patch_day() {
    let text = export("ics");
    assert!(
        text.lines().all(|line| line.len() <= 76),
        "lines are folded at 75 octets"
    );
    assert!(
        text.split_inclusive('\n')
            .all(|line| line.ends_with("\r\n")),
        "CRLF line ends"
    );
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars.next().unwrap().unwrap();
    assert!(calendars.next().is_none());
    assert_eq!(property(&calendar.properties, "VERSION"), "2.0");
    // 3 lines x (release + end of support) + 22 Tuesdays from 2026-09-01 to
    // 2027-01-26 (5 + 4 + 4 + 5 + 4), each shipping a patch of 1.3.
    assert_eq!(calendar.events.len(), 3 * 2 + 22);
    let uids: HashSet<&str> = calendar
        .events
        .iter()
        .map(|e| property(&e.properties, "UID"))
        .collect();
    assert_eq!(uids.len(), calendar.events.len(), "UIDs are unique");
    let event = |uid: &str| {
        let found = calendar
            .events
            .iter()
            .find(|e| property(&e.properties, "UID") == uid);
        &found.unwrap_or_else(|| panic!("no event {uid}")).properties
    };
    let release = event("release-2.1@kestra.lts-policy");
    assert_eq!(property(release, "DTSTART"), "20261110");
    assert_eq!(property(release, "DTEND"), "20261111");
    assert_eq!(
        property(release, "SUMMARY"),
        "kestra 2.1 released (projected)"
    );
    assert_eq!(property(release, "DTSTAMP"), "20261125T000000Z");
    let dtstart = release.iter().find(|p| p.name == "DTSTART").unwrap();
    assert_eq!(
        dtstart.params,
        Some(vec![("VALUE".to_owned(), vec!["DATE".to_owned()])])
    );
    assert_eq!(
        property(event("eol-2.2@kestra.lts-policy"), "DTSTART"),
        "20280111"
    );
    // 2026-12-01: 2.1.3 and 1.3.39 (see next-patch).
    assert_eq!(
        property(event("patch-2026-12-01@kestra.lts-policy"), "SUMMARY"),
        "kestra patch day: 2.1.3 (projected)\\, 1.3.39 (projected)"
    );
    // History values carry no mark: 2.0's release is recorded.
    assert_eq!(
        property(event("release-2.0@kestra.lts-policy"), "SUMMARY"),
        "kestra 2.0 released"
    );
}

#[test]
fn ics_is_the_same_on_every_run_for_the_same_on() {
    assert_eq!(export("ics"), export("ics"));
}

#[test]
fn export_formats_are_for_releases_only() {
    kestra_flat(&["supported", "--format", "ics"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --format ics is not available for supported; it writes text, json, ndjson, \
             csv, plain, md, github-matrix\n",
        );
    kestra_flat(&["releases", "--json", "--format", "csv"])
        .assert()
        .code(2);
}

/// Every calendar the tool writes parses: each example policy and the test
/// policy, over a range of known and projected lines, with a name that
/// needs escaping and lines longer than 75 octets in characters of several
/// bytes.
#[test]
fn every_ics_the_tool_writes_parses() {
    let mut policies: Vec<String> = std::fs::read_dir("examples")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| path.display().to_string())
        .collect();
    policies.push("tests/data/monthly.json".to_owned());
    let mut named = kestra_flat_file();
    named["name"] = "Késtra; \"LTS\", \\ édition ünïcödé façade ½ ↯ 𝄞 release channels".into();
    let file = std::env::temp_dir().join(format!("lts-policy-ics-{}.json", std::process::id()));
    std::fs::write(&file, named.to_string()).unwrap();
    policies.push(file.display().to_string());
    for policy in &policies {
        // monthly.json's history ends on 2023-02-10, more than two monthly
        // intervals before the day asked (the tests' day, 2026-09-07).
        let answer = if policy.ends_with("monthly.json") {
            super::stdout_noting_old_facts
        } else {
            stdout_of
        };
        let text = answer(
            &[
                "releases",
                "--from",
                "2023-01-01",
                "--to",
                "2027-12-31",
                "--on",
                "2026-11-25",
                "--format",
                "ics",
                "--remind",
                "90,30",
                "--policy",
                policy,
            ],
            0,
        );
        for line in text.split_inclusive('\n') {
            assert!(line.ends_with("\r\n"), "{policy}: {line:?}");
            assert!(
                line.len() <= 77,
                "{policy}: {} octets: {line:?}",
                line.len()
            );
        }
        let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
        let calendar = calendars.next().unwrap().unwrap();
        assert!(calendars.next().is_none(), "{policy}");
        let plain = kestra_flat(&[
            "releases",
            "--from",
            "2023-01-01",
            "--to",
            "2027-12-31",
            "--format",
            "plain",
            "--policy",
            policy,
        ])
        .output()
        .unwrap();
        // A history that ends before the tests' day has its projected lines
        // noted on stderr, and monthly.json's, long before it, that its
        // facts look old.
        let stderr = String::from_utf8_lossy(&plain.stderr);
        let (old_facts, projection): (Vec<&str>, Vec<&str>) = stderr
            .lines()
            .partition(|line| line.starts_with("note: the facts look old: "));
        assert_eq!(
            old_facts.len(),
            usize::from(policy.ends_with("monthly.json")),
            "{policy}: {stderr}"
        );
        assert!(
            projection.is_empty() || super::is_projection_note(&format!("{}\n", projection[0])),
            "{policy}: {stderr}"
        );
        let lines = String::from_utf8(plain.stdout).unwrap().lines().count();
        let events = |category: &str| {
            calendar
                .events
                .iter()
                .filter(|event| property(&event.properties, "CATEGORIES") == category)
                .count()
        };
        let (patch_days, active_ends) = (events("patch"), events("end-of-active-support"));
        // Each line's release and end; its end of active support too, for
        // a policy of two phases, when that comes before its end.
        assert_eq!(events("release"), lines, "{policy}");
        assert_eq!(events("end-of-support"), lines, "{policy}");
        // --remind 90,30: two display alarms on each end of support, none
        // on any other event.
        for event in &calendar.events {
            let triggers: Vec<&str> = event
                .alarms
                .iter()
                .map(|alarm| {
                    assert_eq!(property(&alarm.properties, "ACTION"), "DISPLAY");
                    assert!(!property(&alarm.properties, "DESCRIPTION").is_empty());
                    property(&alarm.properties, "TRIGGER")
                })
                .collect();
            let expected: &[&str] = match property(&event.properties, "CATEGORIES") {
                "end-of-support" => &["-P90D", "-P30D"],
                _ => &[],
            };
            assert_eq!(triggers, expected, "{policy}");
        }
        assert!(active_ends <= lines, "{policy}");
        assert_eq!(
            calendar.events.len(),
            2 * lines + active_ends + patch_days,
            "{policy}"
        );
        assert!(patch_days > 0, "{policy}");
    }
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn an_ics_name_is_escaped_and_unfolds_to_itself() {
    let name = "Késtra; \"LTS\", \\ édition ünïcödé façade ½ ↯ 𝄞 release channels";
    let mut policy = kestra_flat_file();
    policy["name"] = name.into();
    let file = std::env::temp_dir().join(format!("lts-policy-name-{}.json", std::process::id()));
    std::fs::write(&file, policy.to_string()).unwrap();
    let text = stdout_of(
        &[
            "releases",
            "--from",
            "2026-09-01",
            "--to",
            "2026-09-30",
            "--on",
            "2026-11-25",
            "--format",
            "ics",
            "--policy",
            file.to_str().unwrap(),
        ],
        0,
    );
    std::fs::remove_file(&file).unwrap();
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars.next().unwrap().unwrap();
    // The parser unfolds lines and leaves TEXT escapes as they are.
    assert_eq!(
        property(&calendar.properties, "X-WR-CALNAME"),
        "Késtra\\; \"LTS\"\\, \\\\ édition ünïcödé façade ½ ↯ 𝄞 release channels releases"
    );
}

#[test]
fn remind_is_for_the_calendar_only() {
    kestra_flat(&["releases", "--remind", "30"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: --remind adds alarms to the iCalendar export: use it with --format ics\n");
    // 1.2 ends on 2026-03-03 (1.3's release): its alarm 30 days before.
    let ics = stdout_of(
        &[
            "releases",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--on",
            "2026-01-01",
            "--format",
            "ics",
            "--remind",
            "30",
        ],
        0,
    );
    let event = ics.split("UID:eol-1.2@").nth(1).unwrap();
    let event = event.split_once("END:VEVENT").unwrap().0;
    assert!(
        event.contains(
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P30D\r\nDESCRIPTION:kestra 1.2 end of \
             support in 30 days\r\nEND:VALARM\r\n"
        ),
        "{event}"
    );
}

/// The alarms on 1.2's end of support (2026-03-03, 1.3's release) in the
/// calendar of early 2026, with `remind` added to the query.
fn alarms_before_1_2_ends(remind: &[&str]) -> Vec<String> {
    let mut args = vec!["releases", "--from", "2026-01-01", "--to", "2026-03-31"];
    args.extend(["--on", "2026-01-01", "--format", "ics"]);
    args.extend(remind);
    let ics = stdout_of(&args, 0);
    let event = ics.split("UID:eol-1.2@").nth(1).unwrap();
    let event = event.split_once("END:VEVENT").unwrap().0;
    let triggers = event.lines().filter(|line| line.starts_with("TRIGGER:"));
    triggers.map(str::to_owned).collect()
}

#[test]
fn remind_gives_each_day_once_in_the_order_first_given() {
    // 30 twice and 90 once, in one flag or two: an alarm 30 days before,
    // then one 90 days before.
    let expected = ["TRIGGER:-P30D", "TRIGGER:-P90D"];
    assert_eq!(alarms_before_1_2_ends(&["--remind", "30,90,30"]), expected);
    let twice = ["--remind", "30", "--remind", "90,30"];
    assert_eq!(alarms_before_1_2_ends(&twice), expected);
    // 60,000 values, 1 and 2 by turns (119,999 bytes): two alarms.
    let many = ["1", "2"].repeat(30_000).join(",");
    assert_eq!(
        alarms_before_1_2_ends(&["--remind", &many]),
        ["TRIGGER:-P1D", "TRIGGER:-P2D"]
    );
}

#[test]
fn remind_takes_at_most_five_different_days() {
    // 1 to 5, 5 twice: five alarms; a 6 makes six different days.
    assert_eq!(
        alarms_before_1_2_ends(&["--remind", "1,2,3,4,5,5"]).len(),
        5
    );
    kestra_flat(&["releases", "--format", "ics", "--remind", "1,2,3,4,5,5,6"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --remind takes at most 5 different days (Google Calendar keeps 5 alarms on \
             an event): 1,2,3,4,5,6 are 6 already\n",
        );
}
