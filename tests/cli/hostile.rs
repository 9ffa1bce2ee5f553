//! Whatever a policy file controls is escaped or refused for each place it
//! reaches: the terminal, error lines, iCalendar, CSV, Markdown, SVG and
//! shell loops; and files that never end or start with a byte-order mark.

use std::io::BufReader;

use serde_json::Value;

use super::{KESTRA_FLAT, kestra_flat, kestra_flat_file, stdout_of};

/// A policy file written to a temporary file that lives as long as the
/// guard.
struct PolicyFile(std::path::PathBuf);

impl PolicyFile {
    /// [`KESTRA_FLAT`] with `key` set to `value`.
    fn kestra_flat_with(key: &str, value: Value) -> Self {
        let mut policy = kestra_flat_file();
        policy[key] = value;
        Self::text(&policy.to_string(), key)
    }

    fn text(text: &str, tag: &str) -> Self {
        // One name per file: tests run in parallel, and two may write files
        // of one tag and length.
        static WRITTEN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let serial = WRITTEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "lts-policy-hostile-{}-{tag}-{serial}.json",
            std::process::id(),
        ));
        std::fs::write(&path, text).unwrap();
        Self(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for PolicyFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A name that retitles the window, clears the screen, rings, returns the
/// cursor, ends a string and holds a C1 control sequence introducer.
const HOSTILE_NAME: &str = "evil\u{1b}]0;owned\u{7}\u{1b}[2J\r\0\u{9b}31m";

#[test]
fn text_output_shows_control_characters_escaped() {
    let file = PolicyFile::kestra_flat_with("name", HOSTILE_NAME.into());
    for args in [
        &["supported", "--on", "2026-03-01"][..],
        &["status", "1.3", "--on", "2026-03-01"],
        &["releases", "--on", "2026-03-01"],
        &["next-patch", "--after", "2026-03-01"],
        &["audit", "--on", "2026-11-25"],
        &["timeline", "--on", "2026-03-01", "--color", "never"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--policy", file.path()]);
        let output = kestra_flat(&args).output().unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {text:?}"
        );
        assert!(
            text.contains("evil\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{d}\\u{0}\\u{9b}31m"),
            "{args:?}: {text}"
        );
    }
}

#[test]
fn an_error_line_stays_one_line_whatever_a_file_says() {
    // An unknown key that would forge a second error line and clear the screen.
    let forged = PolicyFile::text(
        "{\"name\": \"x\", \"\\nerror: all is fine\\u001b[2J\": 1}",
        "forged",
    );
    let output = kestra_flat(&["supported", "--policy", forged.path()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(
        stderr.contains("\\u{a}error: all is fine\\u{1b}[2J: unknown field"),
        "{stderr}"
    );
    let check = stdout_of(&["policy", "--check", forged.path()], 1);
    assert!(
        !check.chars().any(|c| c.is_control() && c != '\n'),
        "{check:?}"
    );
}

/// The events of a calendar, parsed.
fn events(ics: &str) -> Vec<ical::parser::ical::component::IcalEvent> {
    let mut calendars = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = calendars.next().unwrap().unwrap();
    assert!(calendars.next().is_none());
    calendar.events
}

#[test]
fn a_name_cannot_forge_a_calendar_event() {
    let forged = "kestra\rBEGIN:VEVENT\rUID:forged\rSUMMARY:Forged\rEND:VEVENT\r\n\u{1}\u{7f}";
    let file = PolicyFile::kestra_flat_with("name", forged.into());
    let range = [
        "releases",
        "--from",
        "2026-09-01",
        "--to",
        "2027-01-31",
        "--on",
        "2026-11-25",
        "--format",
        "ics",
    ];
    let mut args = range.to_vec();
    args.extend(["--policy", file.path()]);
    let ics = stdout_of(&args, 0);
    let plain = stdout_of(&range, 0);
    assert_eq!(events(&ics).len(), events(&plain).len());
    assert!(
        !ics.lines().any(|line| line.starts_with("UID:forged")),
        "{ics}"
    );
    // Every CR ends a line; no other control character is left.
    assert!(!ics.replace("\r\n", "\n").contains('\r'));
    assert!(
        !ics.chars()
            .any(|c| c.is_control() && c != '\r' && c != '\n')
    );
}

#[test]
fn ics_dates_keep_four_digit_years() {
    // Lines released up to 9999 end their support in 10000: the calendar
    // ends before the first of them, with a note, and the file parses.
    let output = kestra_flat(&[
        "releases",
        "--from",
        "9998-01-01",
        "--to",
        "9999-12-31",
        "--on",
        "2026-11-25",
        "--format",
        "ics",
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let ics = String::from_utf8(output.stdout).unwrap();
    assert!(!ics.contains(":+"), "no expanded year: {ics}");
    assert!(!events(&ics).is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("note: the calendar ends on 9999-")
            && stderr
                .ends_with("whose support runs past 9999-12-31: dates have four-digit years\n"),
        "{stderr}"
    );
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    for template in [
        "={major}.{minor}+1",
        "@x{major}.{minor}",
        "+A1+{major}.{minor}",
    ] {
        let file = PolicyFile::kestra_flat_with("branch_template", template.into());
        let csv = stdout_of(
            &[
                "supported",
                "--on",
                "2026-03-01",
                "--format",
                "csv",
                "--policy",
                file.path(),
            ],
            0,
        );
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let branch = reader
            .headers()
            .unwrap()
            .iter()
            .position(|column| column == "branch")
            .unwrap();
        for row in reader.records() {
            let cell = row.unwrap()[branch].to_owned();
            assert!(cell.starts_with('\''), "{template}: {cell}");
        }
    }
    // A negative number is a number: days left after the end of support.
    let csv = stdout_of(
        &["status", "1.0", "--on", "2026-11-25", "--format", "csv"],
        1,
    );
    assert!(csv.lines().nth(1).unwrap().contains(",-77,"), "{csv}");
}

#[test]
fn markdown_keeps_a_name_in_its_line() {
    let file = PolicyFile::kestra_flat_with("name", "a|b\n# <b>heading</b> [x](y) *z*".into());
    let md = stdout_of(
        &[
            "releases",
            "--from",
            "2026-09-01",
            "--to",
            "2026-12-31",
            "--format",
            "md",
            "--policy",
            file.path(),
        ],
        0,
    );
    let first = md.lines().next().unwrap();
    assert_eq!(
        first,
        "a\\|b \\# \\<b\\>heading\\<\\/b\\> \\[x\\]\\(y\\) \\*z\\* releases from 2026-09-01 to 2026-12-31"
    );
    // Every table row has the header's five cells.
    for row in md.lines().filter(|line| line.starts_with("| ")) {
        assert_eq!(row.matches(" | ").count(), 4, "{row}");
    }
    // The supported lines' table, a CI job's summary, keeps the name in
    // its line too, and a branch its cell.
    let supported = stdout_of(
        &[
            "supported",
            "--on",
            "2026-10-01",
            "--format",
            "md",
            "--policy",
            file.path(),
        ],
        0,
    );
    assert_eq!(
        supported.lines().next().unwrap(),
        "a\\|b \\# \\<b\\>heading\\<\\/b\\> \\[x\\]\\(y\\) \\*z\\* lines supported on 2026-10-01"
    );
    for row in supported.lines().filter(|line| line.starts_with("| ")) {
        assert_eq!(row.matches(" | ").count(), 6, "{row}");
    }
}

#[test]
fn svg_stays_well_formed_with_characters_xml_forbids() {
    let file = PolicyFile::kestra_flat_with("name", "a\u{1}b\u{fffe}c\u{ffff}d'".into());
    let svg = stdout_of(
        &[
            "timeline",
            "--on",
            "2026-11-25",
            "--format",
            "svg",
            "--policy",
            file.path(),
        ],
        0,
    );
    let document = roxmltree::Document::parse(&svg).unwrap();
    let title = document
        .descendants()
        .find(|node| node.has_tag_name("title"))
        .unwrap();
    assert!(
        title
            .text()
            .unwrap()
            .starts_with("a\u{fffd}b\u{fffd}c\u{fffd}d'")
    );
}

#[test]
fn branch_templates_are_one_word_git_accepts() {
    for (template, rule) in [
        (
            "rel {minor}",
            "cannot hold whitespace or control characters",
        ),
        (
            "rel\t{minor}",
            "cannot hold whitespace or control characters",
        ),
        (
            "r\u{a0}{minor}",
            "cannot hold whitespace or control characters",
        ),
        ("v{major}..{minor}", "cannot hold .."),
        ("x~{minor}", "cannot hold ~ ^ : ? * [ or \\"),
        ("x:{minor}", "cannot hold ~ ^ : ? * [ or \\"),
        ("-{minor}", "cannot start with - or /"),
        ("/x{minor}", "cannot start with - or /"),
        ("x{minor}.lock", "cannot end with /, . or .lock"),
        ("x{minor}/", "cannot end with /, . or .lock"),
        ("x//{minor}", "cannot hold //"),
        (
            "x/.{minor}",
            "cannot have a part that starts with . or ends with .lock",
        ),
        ("x@{{{minor}", "cannot hold @{ or be @"),
    ] {
        let file = PolicyFile::kestra_flat_with("branch_template", template.into());
        let expected = format!(
            "error: policy file {}: branch_template: invalid branch template {template:?}: a \
             branch name {rule}\n",
            file.path()
        );
        kestra_flat(&["supported", "--policy", file.path()])
            .assert()
            .code(2)
            .stdout("")
            .stderr(expected);
        let expected = format!(
            "error: --branch: invalid branch template {template:?}: a branch name {rule}\n"
        );
        kestra_flat(&["backport-targets", &format!("--branch={template}")])
            .assert()
            .code(2)
            .stdout("")
            .stderr(expected);
    }
}

#[test]
fn templates_that_name_two_lines_alike_are_refused() {
    // Every problem listed by `policy --check`, exit 1.
    let tags = serde_json::json!([
        {"name": "t{major}{minor}"},
        {"name": "a{major}-{minor}"},
        {"name": "a{minor}-{major}"},
    ]);
    let file = PolicyFile::kestra_flat_with("tags", tags);
    let path = file.path();
    assert_eq!(
        stdout_of(&["policy", "--check", path], 1),
        format!(
            "{path}: tags[0].name: invalid tag template \"t{{major}}{{minor}}\": makes \"t113\" \
             for both 1.13 and 11.3, as {{major}} and {{minor}} run together; put a character \
             that is not a digit between them\n\
             {path}: tags[2].name: makes \"a1-2\" for 2.1, as tags[1] does for 1.2\n"
        )
    );
    // Any other command reading the file: the first, one line, exit 2.
    kestra_flat(&["supported", "--policy", path])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: policy file {path}: tags[0].name: invalid tag template \
             \"t{{major}}{{minor}}\": makes \"t113\" for both 1.13 and 11.3, as {{major}} and \
             {{minor}} run together; put a character that is not a digit between them\n"
        ));
    // Two supported lines of major 1, one branch: a target written twice.
    let file = PolicyFile::kestra_flat_with("branch_template", "release-{major}.x".into());
    let path = file.path();
    kestra_flat(&["backport-targets", "--branch", "--policy", path])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: policy file {path}: branch_template: invalid branch template \
             \"release-{{major}}.x\": makes \"release-1.x\" for both 1.3 and 1.4, as it has no \
             {{minor}}\n"
        ));
    kestra_flat(&["backport-targets", "--branch", "release-{major}.x"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --branch: invalid branch template \"release-{major}.x\": makes \
             \"release-1.x\" for both 1.3 and 1.4, as it has no {minor}\n",
        );
    // Node.js's lines are majors: no {minor} to fill in.
    kestra_flat(&[
        "backport-targets",
        "--branch",
        "v{major}.{minor}.x",
        "--policy",
        "examples/nodejs.json",
    ])
    .assert()
    .code(2)
    .stdout("")
    .stderr(
        "error: --branch: invalid branch template \"v{major}.{minor}.x\": a policy whose lines \
         are majors has no {minor} to fill in\n",
    );
}

#[test]
fn a_policy_file_is_read_up_to_a_stated_size() {
    let output = kestra_flat(&["supported", "--policy", "/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: policy file /dev/zero is larger than 8 MiB, far beyond any policy\n"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn a_policy_is_read_from_a_pipe_and_a_directory_is_refused() {
    // `--policy <(jq ...)` names a pipe, no regular file: read as a file
    // is, bounded as /dev/zero is above. /dev/stdin stands in for it.
    let asked = ["supported", "--on", "2026-03-01"];
    let piped = kestra_flat(&[&asked[..], &["--policy", "/dev/stdin"]].concat())
        .write_stdin(std::fs::read_to_string(KESTRA_FLAT).unwrap())
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0), "{piped:?}");
    assert_eq!(
        String::from_utf8(piped.stdout).unwrap(),
        stdout_of(&asked, 0)
    );
    kestra_flat(&[&asked[..], &["--policy", "tests/data"]].concat())
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: policy file tests/data is a directory\n");
}

#[test]
fn a_byte_order_mark_is_read() {
    let text = std::fs::read_to_string(KESTRA_FLAT).unwrap();
    let file = PolicyFile::text(&format!("\u{feff}{text}"), "bom");
    assert_eq!(
        stdout_of(
            &["supported", "--on", "2026-03-01", "--policy", file.path()],
            0
        ),
        stdout_of(&["supported", "--on", "2026-03-01"], 0)
    );
}

#[test]
fn json_shows_the_controls_it_may_let_through_as_escapes() {
    // JSON escapes C0 controls; DEL, C1 and bidirectional controls it allows
    // raw, and a terminal would act on them.
    let file = PolicyFile::kestra_flat_with("name", "a\u{7f}b\u{9b}c\u{202e}d\u{1b}".into());
    for args in [
        &["supported", "--on", "2026-03-01", "--json"][..],
        &["releases", "--on", "2026-03-01", "--format", "ndjson"],
        &["policy", "--json"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--policy", file.path()]);
        let json = stdout_of(&args, 0);
        assert!(
            !json.chars().any(|c| c.is_control() && c != '\n'),
            "{json:?}"
        );
        if args[0] != "releases" {
            assert!(json.contains(r"a\u007fb\u009bc\u202ed\u001b"), "{json}");
            let value: Value = serde_json::from_str(&json).unwrap();
            let name = value.get("policy").or_else(|| value.get("name")).unwrap();
            assert_eq!(name, "a\u{7f}b\u{9b}c\u{202e}d\u{1b}");
        }
    }
}
