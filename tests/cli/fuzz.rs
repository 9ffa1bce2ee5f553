//! No argument vector makes the program panic, print a multi-line error of
//! its own, or write a partial answer before an error: random vectors of
//! commands, flags and values (valid, malformed, far, huge, empty or not
//! ASCII), run through the binary. Bounded for CI; `LTS_POLICY_FUZZ_CASES`
//! runs more. Run with `--nocapture` to see the count.

use std::process::Output;

use super::lts_policy;

/// Words an argument vector is made of.
const WORDS: &[&str] = &[
    "supported",
    "backport-targets",
    "status",
    "releases",
    "tag",
    "next-patch",
    "audit",
    "timeline",
    "policy",
    "completions",
    "man",
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
    "text",
    "json",
    "ndjson",
    "csv",
    "plain",
    "md",
    "ics",
    "endoflife",
    "github-matrix",
    "backportrc",
    "svg",
    "roff",
    "script",
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
    "examples/camel.json",
    "tests/data/monthly.json",
    "tests/data/not-json.json",
    "/nonexistent",
    "--",
    "-",
];

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
                            .map(|_| WORDS[random.below(WORDS.len())])
                            .collect();
                        let output = lts_policy(&words).output().unwrap();
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
