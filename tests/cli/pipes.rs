//! Exit codes never lie: whatever happens to stdout and stderr, the code is
//! the answer's (0 yes, 1 no) or 2 for an error, never a crash, and a write
//! that fails is an error unless the reader simply left.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use super::catalog::{CI_RECIPES, except, formats};
use super::in_sh;

/// The binary, as a plain `std` command (for its own stdio).
fn binary(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lts-policy"));
    command.args(args);
    command
}

fn full() -> File {
    OpenOptions::new().write(true).open("/dev/full").unwrap()
}

/// Runs the binary through `sh`, with `redirection` applied to it.
fn through_shell(args: &str, redirection: &str) -> std::process::Output {
    in_sh(&format!("exec \"$0\" {args} {redirection}"), &[])
}

#[test]
fn an_error_with_stderr_unwritable_still_exits_2() {
    for (args, code) in [
        (&["supported", "--on", "2026-02-30"][..], 2),
        (&["frobnicate"], 2),
        // A "no" whose note cannot be written stays a no.
        (&["tag", "2.2", "--on", "2026-11-25"], 1),
        (&["status", "1.0", "--on", "2030-01-01"], 1),
    ] {
        let status = binary(args)
            .stdout(Stdio::null())
            .stderr(full())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(code), "{args:?} 2>/dev/full");
        // A pipe on stderr whose reader is gone.
        let mut child = binary(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        assert_eq!(
            child.wait().unwrap().code(),
            Some(code),
            "{args:?} 2>|closed"
        );
    }
}

#[test]
fn a_reader_that_leaves_does_not_turn_a_no_into_a_yes() {
    // Findings from 2026 to 9999: far more than one line, exit 1.
    let mut child = binary(&[
        "audit",
        "--projected",
        "--on",
        "2026-11-25",
        "--to",
        "9999-12-31",
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("Audit of policy kestra"), "{first}");
    assert_eq!(child.wait().unwrap().code(), Some(1), "| head -1");
    // `| true`: the reader is gone before anything is written, or after.
    for _ in 0..20 {
        let mut child = binary(&["status", "1.0", "--on", "2030-01-01"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        assert_eq!(child.wait().unwrap().code(), Some(1), "| true");
    }
    let mut child = binary(&["releases", "--to", "9999-12-31", "--format", "ics"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0), "a yes stays a yes");
}

#[test]
fn an_answer_that_cannot_be_written_is_an_error() {
    for args in ["--help", "--version", "supported", "releases --format ics"] {
        let output = binary(&args.split(' ').collect::<Vec<_>>())
            .stdout(full())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args} >/dev/full");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with("error: ") && stderr.contains("No space left on device"),
            "{args}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    for args in ["supported", "--help"] {
        let closed = through_shell(args, ">&-");
        assert_eq!(closed.status.code(), Some(2), "{args} >&-");
        assert_eq!(
            String::from_utf8_lossy(&closed.stderr),
            "error: cannot write the answer: standard output is closed\n"
        );
    }
    // Help to a reader that leaves is not an error.
    let mut child = binary(&["--help"]).stdout(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

/// The answers of the exit-code matrix: one that writes a yes, one that
/// writes a no, one that says no on stderr alone, and an error.
const ANSWERS: [(&str, &str); 4] = [
    ("yes", "supported --on 2026-03-01"),
    ("no", "status 1.0.5 --on 2026-11-25"),
    ("silent no", "tag 2.5 --on 2026-03-01"),
    ("error", "supported --on 2026-02-30"),
];

/// For each way a caller may set up stdout and stderr, the code of each
/// of [`ANSWERS`]: the answer's own (0, 1; 2 for the error) unless an
/// answer with something to write cannot write it (a closed stdout, a full
/// disk), which is 2. A reader who leaves after one byte changes nothing.
const MATRIX: [(&str, [i32; 4]); 7] = [
    (">/dev/null", [0, 1, 1, 2]),
    // What Python's subprocess.DEVNULL, Node's "ignore" and systemd's
    // StandardOutput=null give: /dev/null opened read-write.
    ("1<>/dev/null", [0, 1, 1, 2]),
    (">&-", [2, 2, 1, 2]),
    (">/dev/full", [2, 2, 1, 2]),
    ("| head -c1 >/dev/null", [0, 1, 1, 2]),
    (">/dev/null 2>/dev/full", [0, 1, 1, 2]),
    (">/dev/null 2>&-", [0, 1, 1, 2]),
];

#[test]
fn exit_codes_are_the_answers_whatever_the_caller_gives_the_program() {
    for (redirection, codes) in MATRIX {
        for ((answer, args), code) in ANSWERS.iter().zip(codes) {
            // bash, for the code of the first command of a pipeline.
            let output = Command::new("bash")
                .args(["-o", "pipefail", "-c"])
                .arg(format!("\"$0\" {args} {redirection}"))
                .arg(env!("CARGO_BIN_EXE_lts-policy"))
                .output()
                .unwrap();
            assert_eq!(
                output.status.code(),
                Some(code),
                "{answer}: {args} {redirection}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}

#[test]
fn a_python_caller_that_wants_only_the_code_gets_it() {
    let script = "import subprocess, sys\n\
                  run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, \
                  stderr=subprocess.DEVNULL)\n\
                  print(run.returncode)";
    for ((answer, args), code) in ANSWERS.iter().zip([0, 1, 1, 2]) {
        let output = match Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_lts-policy"))
            .args(args.split(' '))
            .output()
        {
            Ok(output) => output,
            Err(err) => {
                eprintln!("skipped: python3 cannot be run here ({err})");
                return;
            }
        };
        assert!(output.status.success(), "{output:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout).trim(),
            code.to_string(),
            "{answer}: {args} under subprocess.DEVNULL"
        );
    }
}

/// Runs the binary with its address space limited to 64 MiB: an answer
/// held whole instead of written as it is worked out would not fit.
fn within_64_mib(args: &str) -> std::process::Output {
    in_sh(
        &format!("ulimit -v 65536 && exec \"$0\" {args} >/dev/null"),
        &[],
    )
}

#[test]
fn centuries_of_calendar_in_every_format_fit_in_64_mib() {
    // Three thousand years of weekly patch days: 156,000 events the
    // calendar once held whole.
    let ics = within_64_mib("releases --from 0001-01-01 --to 5025-12-31 --format ics");
    assert_eq!(ics.status.code(), Some(0), "{ics:?}");
    let range = "--from 0001-01-01 --to 3025-12-31 --on 2026-11-25";
    for format in except(formats("releases"), &["ics"]) {
        let output = within_64_mib(&format!("releases {range} --format {format}"));
        assert_eq!(output.status.code(), Some(0), "{format}: {output:?}");
    }
    for format in formats("timeline") {
        let output = within_64_mib(&format!("timeline {range} --format {format}"));
        assert_eq!(
            output.status.code(),
            Some(0),
            "timeline {format}: {output:?}"
        );
    }
    let audit = within_64_mib("audit --projected --on 2026-11-25 --to 3025-12-31 --json");
    assert_eq!(audit.status.code(), Some(1), "{audit:?}");
}

/// A policy of weekly releases, each supported for a century, on long
/// branch names: on a day decades after its first release, thousands of
/// lines are supported, so that every format of `supported` and
/// `backport-targets` runs long.
const WEEKLY_CENTURIES: &str = r#"{"name": "weekly", "releases": {"every_weeks": 1},
    "support": {"months": 1200},
    "branch_template": "maintenance/weekly-product/releases/v{major}.{minor}.x",
    "history": [{"line": "1.0", "released": "2026-01-06"}]}"#;

/// How many bytes the binary writes for `args`, read to the end.
fn bytes_written(args: &[&str]) -> usize {
    let output = binary(args).stderr(Stdio::null()).output().unwrap();
    output.stdout.len()
}

#[test]
fn a_reader_that_leaves_early_changes_no_code_in_any_format() {
    let scratch = super::Scratch::new("pipes");
    let weekly = scratch.join("weekly.json");
    std::fs::write(&weekly, WEEKLY_CENTURIES).unwrap();
    let weekly = weekly.to_str().unwrap();
    let versions: Vec<String> = (1..=3000).map(|patch| format!("1.0.{patch}")).collect();
    let mut cases: Vec<(Vec<&str>, i32)> = Vec::new();
    let calendar = ["releases", "--on", "2026-11-25", "--to", "9000-12-31"];
    for format in except(formats("releases"), &["ics"]) {
        cases.push(([&calendar[..], &["--format", format]].concat(), 0));
    }
    cases.push((vec!["releases", "--to", "2500-12-31", "--format", "ics"], 0));
    for format in formats("audit") {
        let audit = ["audit", "--projected", "--on", "2026-11-25"];
        cases.push((
            [&audit[..], &["--to", "9000-12-31", "--format", format]].concat(),
            1,
        ));
    }
    for format in formats("timeline") {
        cases.push((
            vec!["timeline", "--to", "3000-12-31", "--format", format],
            0,
        ));
    }
    // Plain, bare line names, stays under the buffers.
    for format in except(formats("supported"), &["plain", "md"]) {
        cases.push((
            vec![
                "--policy",
                weekly,
                "supported",
                "--on",
                "2120-01-01",
                "--format",
                format,
            ],
            0,
        ));
    }
    // The bare branches and the CI recipes; dependabot, which needs
    // --ecosystem, after.
    for format in ["plain"]
        .into_iter()
        .chain(except(&CI_RECIPES, &["dependabot"]))
    {
        cases.push((
            vec![
                "--policy",
                weekly,
                "backport-targets",
                "--on",
                "2120-01-01",
                "--branch",
                "--format",
                format,
            ],
            0,
        ));
    }
    cases.push((
        vec![
            "--policy",
            weekly,
            "backport-targets",
            "--on",
            "2120-01-01",
            "--format",
            "dependabot",
            "--ecosystem",
            "cargo",
        ],
        0,
    ));
    // Plain, bare versions, stays under the buffers (as for status below).
    for format in except(formats("next-patch"), &["plain"]) {
        cases.push((
            vec![
                "--policy",
                weekly,
                "next-patch",
                "--after",
                "2120-01-01",
                "--format",
                format,
            ],
            0,
        ));
    }
    // 1.0's support ended on 2026-09-09: each of 3,000 versions is a no.
    for format in except(formats("status"), &["plain"]) {
        let mut args = vec!["status"];
        args.extend(versions.iter().map(String::as_str));
        args.extend(["--on", "2030-01-01", "--format", format]);
        cases.push((args, 1));
    }
    for (args, code) in cases {
        // More than our buffer and the pipe's (64 KiB each) take: the
        // reader leaves while the answer is still being written.
        let written = bytes_written(&args);
        assert!(written > 192 << 10, "{args:?}: only {written} bytes");
        let mut child = binary(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0_u8; 1];
        std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?} | head -c1: {stderr}"
        );
        assert!(!stderr.contains("error:"), "{args:?} | head -c1: {stderr}");
    }
}

#[test]
fn an_ics_over_256_mib_is_refused_before_a_byte_is_written() {
    // A name of a million bytes, which each event says at least twice
    // (SUMMARY and DESCRIPTION). Weekly lines from Tuesday 2026-01-06 to
    // Tuesday 2027-12-28 (721 days, 103 weeks, later): 104 releases, each
    // ended by the next release, and no patch day (a line's first, a week
    // after its release, is its end). 208 events of at least 2,000,000
    // bytes: over 416,000,000, more than 256 MiB (268,435,456).
    let scratch = super::Scratch::new("ics-bound");
    let policy = scratch.join("long-name.json");
    let name = "x".repeat(1_000_000);
    let text = format!(
        r#"{{"name": "{name}", "releases": {{"every_weeks": 1}},
            "branch_template": "{{major}}.{{minor}}",
            "history": [{{"line": "1.0", "released": "2026-01-06"}}]}}"#
    );
    std::fs::write(&policy, text).unwrap();
    let range = [
        "--from",
        "2026-01-01",
        "--to",
        "2027-12-31",
        "--on",
        "2026-01-01",
    ];
    let mut args = vec!["--policy", policy.to_str().unwrap(), "releases"];
    args.extend(range.iter().chain(&["--format", "ics"]));
    let output = binary(&args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: the iCalendar export from 2026-01-01 to 2027-12-31 would be larger than 256 \
         MiB, the most it writes: ask for a shorter range with --from and --to\n"
    );
    // The help says the same bound, however its lines are wrapped.
    let help = binary(&["releases", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let words = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("a calendar larger than 256 MiB is refused"),
        "{help}"
    );
}

#[test]
fn a_timeline_past_its_bound_is_refused_before_a_byte_is_written() {
    // Kestra's lines to 9999, 65,535 columns wide: some 47,000 rows of up
    // to three bytes a column, far past 256 MiB. The SVG of the same range
    // draws a row in a few hundred bytes, and is written (18 MB).
    let args = [
        "timeline",
        "--from",
        "2026-01-01",
        "--to",
        "9999-12-31",
        "--on",
        "2026-01-01",
    ];
    let output = binary(&[&args[..], &["--width", "65535"]].concat())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: the timeline from 2026-01-01 to 9999-12-31 would be larger than 256 MiB, the \
         most it draws: ask for a shorter range with --from and --to, or a narrower --width\n"
    );
    let output = binary(&[&args[..], &["--format", "svg"]].concat())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stdout.ends_with(b"</svg>\n"));
}

#[test]
fn a_file_written_with_the_standard_descriptors_closed_holds_only_its_own_bytes() {
    // A descriptor the caller closed is filled with /dev/null before the
    // program opens anything: otherwise the file `--write` makes would take
    // the lowest free number, 0, 1 or 2, and the fit's notes (stderr) would
    // land in it. The file must be the one written with everything open.
    let scratch = super::Scratch::new("closed-descriptors");
    let (open, closed) = (scratch.join("open.json"), scratch.join("closed.json"));
    let nodejs = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/endoflife/nodejs.json"
    );
    for (file, redirection) in [(&open, ""), (&closed, "0<&- 1>&- 2>&-")] {
        let script =
            format!("exec \"$0\" --endoflife \"$1\" policy --fit --write \"$2\" {redirection}");
        let output = super::in_sh(&script, &[nodejs, file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(0), "{redirection}: {output:?}");
    }
    let open = std::fs::read_to_string(open).unwrap();
    assert!(open.starts_with('{'), "{open}");
    assert_eq!(std::fs::read_to_string(closed).unwrap(), open);
}
