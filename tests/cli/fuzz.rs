//! No argument vector makes the program panic, print a multi-line error of
//! its own, or write a partial answer before an error: random vectors of
//! commands, flags and values (valid, malformed, far, huge, empty or not
//! ASCII), run through the binary. Bounded for CI; `LTS_POLICY_FUZZ_CASES`
//! runs more. Run with `--nocapture` to see the count.

use std::process::Output;

use super::catalog::{ALL_FORMATS, commands, older_formats};
use super::{kestra_flat, kestra_flat_file};

/// Options and the values they take: dates, versions and tags, sound and
/// not.
const OPTIONS_AND_VALUES: &[&str] = &[
    "--on",
    "--from",
    "--to",
    "--after",
    "--latest",
    "--since",
    "--branch",
    "--explain",
    "--lts",
    "--json",
    "--format",
    "--projected",
    "--width",
    "--color",
    "--check",
    "--policy",
    "--help",
    "-h",
    "--version",
    "2026-03-01",
    "2025-09-09",
    "2026-02-30",
    "2024-02-29",
    "0000-01-01",
    "9999-12-31",
    "1999-12-31",
    "+2026-01-01",
    "2026-13-01",
    "26-1-1",
    "",
    " ",
    "1.3",
    "1.4",
    "v2.2",
    "1.3.7",
    "2.99999999",
    "18446744073709551615.0",
    "1.18446744073709551615",
    "-1",
    "0",
    "1.x",
    "latest",
    "latest-lts",
    "é.ü",
    "２.２",
];

/// More values: colours, widths, shells, templates and files.
const MORE_VALUES: &[&str] = &[
    "always",
    "never",
    "auto",
    "40",
    "65535",
    "bash",
    "zsh",
    "{major}-{minor}",
    "{patch}",
    "}{",
    "examples/quarkus.json",
    "examples/nodejs.json",
    "examples/gitlab.json",
    "tests/data/monthly.json",
    "tests/data/not-json.json",
    "/nonexistent",
    "--",
    "-",
];

/// Words an argument vector is made of: every command, the options and
/// their values, the formats and more values. The formats are those the
/// commands wrote when the fuzz was written: a case number names the same
/// vector only over the same words.
fn vocabulary() -> Vec<&'static str> {
    let formats = ALL_FORMATS
        .into_iter()
        .filter(|format| commands().any(|command| older_formats(command).contains(format)));
    commands()
        .chain(OPTIONS_AND_VALUES.iter().copied())
        .chain(formats)
        .chain(MORE_VALUES.iter().copied())
        .collect()
}

/// A small deterministic generator (xorshift64*), so that a failure names
/// its seed and repeats.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// `Err` describes a broken promise.
fn check(words: &[&str], output: &Output) -> Result<(), String> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(0 | 1) => Ok(()),
        Some(2) if !output.stdout.is_empty() => {
            Err(format!("partial output before an error on {words:?}"))
        }
        // clap's usage errors come with a usage block; ours are one line.
        Some(2) if stderr.contains("\nUsage:") || stderr.contains("For more information") => Ok(()),
        Some(2) if stderr.starts_with("error: ") && stderr.lines().count() == 1 => Ok(()),
        Some(2) => Err(format!("not one error line on {words:?}: {stderr}")),
        other => Err(format!("exit {other:?} on {words:?}: {stderr}")),
    }
}

#[test]
fn random_argument_vectors_never_panic() {
    let cases: usize = std::env::var("LTS_POLICY_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(3_000);
    let words = &vocabulary();
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|worker| {
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    for case in (worker..cases).step_by(threads) {
                        let mut random = Random(0x9e37_79b9_7f4a_7c15 ^ (case as u64 + 1));
                        let length = random.below(7);
                        let words: Vec<&str> = (0..length)
                            .map(|_| words[random.below(words.len())])
                            .collect();
                        let output = kestra_flat(&words).output().unwrap();
                        if let Err(failure) = check(&words, &output) {
                            failures.push(format!("case {case}: {failure}"));
                        }
                    }
                    failures
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap())
            .collect()
    });
    assert!(failures.is_empty(), "{failures:#?}");
    eprintln!("fuzz: {cases} argument vectors through the binary, 0 broken promises");
}

/// Characters a hostile policy name is made of: controls of every kind,
/// markup of every format, and text.
const PIECES: &[&str] = &[
    "\u{1b}[2J",
    "\u{7}",
    "\r",
    "\n",
    "\0",
    "\u{9b}",
    "\u{7f}",
    "\t",
    "\u{fffe}",
    "\u{ffff}",
    "\u{202e}",
    "<",
    ">",
    "&",
    "\"",
    "'",
    "|",
    ",",
    ";",
    "\\",
    "=",
    "+",
    "@",
    "-",
    "#",
    "*",
    "]]>",
    "BEGIN:VEVENT",
    "é",
    "𝄞",
    "kestra",
    " ",
];

/// Every query and export, each written in the formats of its command
/// the fuzz was written with.
const ANSWERS: &[&[&str]] = &[
    &["supported", "--on", "2026-11-25"],
    &["backport-targets", "--on", "2026-11-25", "--branch"],
    &["status", "1.3", "--on", "2026-11-25"],
    &[
        "releases",
        "--from",
        "2026-01-01",
        "--to",
        "2027-12-31",
        "--on",
        "2026-11-25",
    ],
    &["tag", "latest-lts", "--on", "2026-11-25"],
    &["next-patch", "--after", "2026-11-25"],
    &["audit", "--on", "2026-11-25", "--projected"],
    &["timeline", "--on", "2026-11-25"],
    &["policy"],
];

/// `Err` says how a format's output is broken.
fn well_formed(format: &str, output: &str) -> Result<(), String> {
    let control = |c: char| c.is_control() && c != '\n';
    match format {
        "json" | "endoflife" | "github-matrix" | "backportrc" => {
            serde_json::from_str::<serde_json::Value>(output)
                .map(drop)
                .map_err(|err| err.to_string())
        }
        "ndjson" => output
            .lines()
            .try_for_each(|line| serde_json::from_str::<serde_json::Value>(line).map(drop))
            .map_err(|err| err.to_string()),
        "svg" => roxmltree::Document::parse(output)
            .map(drop)
            .map_err(|err| err.to_string()),
        "ics" => {
            let mut calendars = ical::IcalParser::new(std::io::BufReader::new(output.as_bytes()));
            match calendars.next() {
                Some(Ok(_)) if calendars.next().is_none() => Ok(()),
                other => Err(format!("{other:?}")),
            }
        }
        "csv" => {
            let mut reader = csv::Reader::from_reader(output.as_bytes());
            let columns = reader.headers().map_err(|err| err.to_string())?.len();
            reader.records().try_for_each(|row| match row {
                Ok(row) if row.len() == columns => Ok(()),
                other => Err(format!("{other:?} in {columns} columns")),
            })
        }
        _ if output.contains(control) => Err("a raw control character".to_owned()),
        _ => Ok(()),
    }
}

#[test]
fn hostile_names_leave_every_format_well_formed() {
    let policies: usize = std::env::var("LTS_POLICY_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse::<usize>().ok())
        .map_or(12, |cases| cases / 100);
    let original = kestra_flat_file();
    let mut failures = Vec::new();
    for case in 0..policies {
        let mut random = Random(0x51_7cc1_b727_220a ^ (case as u64 + 1));
        let name: String = (0..1 + random.below(8))
            .map(|_| PIECES[random.below(PIECES.len())])
            .collect();
        let mut policy = original.clone();
        policy["name"] = name.clone().into();
        policy["comment"] = name.clone().into();
        let file = std::env::temp_dir().join(format!(
            "lts-policy-fuzz-{}-{case}.json",
            std::process::id()
        ));
        std::fs::write(&file, policy.to_string()).unwrap();
        for args in ANSWERS {
            for format in older_formats(args[0]) {
                let mut args = args.to_vec();
                args.extend(["--format", format, "--policy", file.to_str().unwrap()]);
                let output = kestra_flat(&args).output().unwrap();
                let stdout = String::from_utf8_lossy(&output.stdout);
                if !matches!(output.status.code(), Some(0 | 1)) {
                    failures.push(format!("{name:?} {args:?}: {output:?}"));
                } else if let Err(broken) = well_formed(format, &stdout) {
                    failures.push(format!("{name:?} {args:?}: {broken}"));
                }
            }
        }
        std::fs::remove_file(&file).unwrap();
    }
    assert!(failures.is_empty(), "{failures:#?}");
    eprintln!("fuzz: {policies} hostile names through every format, all well-formed");
}
