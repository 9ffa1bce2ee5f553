//! No input makes the program panic: random argument vectors through the
//! whole command line, and mutated policy files through the model. Run with
//! `--nocapture` to see the counts.

use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::{Days, NaiveDate};
use clap::Parser;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use std::cell::Cell;

use lts_policy::policy::{Policy, Tag, VersionInput, parse_policy, policy_to_json};

use crate::cli::Cli;
use crate::run::{Environment, run};

/// Words an argument vector is made of: commands, flags, and values that
/// are valid, malformed, far, huge, empty or not ASCII.
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

fn environment() -> Environment {
    Environment {
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default(),
        stdout_is_terminal: false,
        terminal_width: None,
        no_color: false,
    }
}

/// Runs one argument vector; `Err` describes a broken promise.
fn run_arguments(words: &[&str]) -> Result<(), String> {
    let args = std::iter::once("lts-policy").chain(words.iter().copied());
    let Ok(cli) = Cli::try_parse_from(args) else {
        return Ok(()); // clap's usage error: exit 2.
    };
    let mut out = Vec::new();
    let outcome = catch_unwind(AssertUnwindSafe(|| run(&cli, &environment(), &mut out)));
    match outcome {
        Err(_) => Err(format!("panic on {words:?}")),
        Ok(Err(err)) if format!("{err:#}").contains('\n') => {
            Err(format!("multi-line error on {words:?}: {err:#}"))
        }
        Ok(Err(_)) if !out.is_empty() => {
            Err(format!("partial output before an error on {words:?}"))
        }
        Ok(_) => Ok(()),
    }
}

#[test]
fn ten_thousand_argument_vectors_never_panic() {
    let words = prop::collection::vec(prop::sample::select(WORDS), 0..7);
    let mut runner = TestRunner::new(Config {
        cases: 10_000,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&words, |words| {
        run_arguments(&words).map_err(TestCaseError::fail)
    });
    assert!(result.is_ok(), "{result:?}");
    eprintln!("fuzz: 10000 argument vectors, 0 panics");
}

/// Kestra's file with bytes changed, dropped or inserted, and digits changed.
fn mutated_policy() -> impl Strategy<Value = Vec<u8>> {
    let original = policy_to_json(&Policy::kestra().unwrap()).into_bytes();
    let edits = prop::collection::vec((any::<usize>(), 0..6u8, any::<u8>()), 1..6);
    edits.prop_map(move |edits| {
        let mut bytes = original.clone();
        for (at, kind, byte) in edits {
            let at = at % (bytes.len() + 1);
            match kind {
                0 if at < bytes.len() => bytes[at] = byte,
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, byte),
                3 => bytes.insert(at, b'0' + byte % 10),
                // Another digit in a number or date: often still valid JSON.
                _ => {
                    let digits: Vec<usize> = (0..bytes.len())
                        .filter(|&i| bytes[i].is_ascii_digit())
                        .collect();
                    if !digits.is_empty() {
                        bytes[digits[at % digits.len()]] = b'0' + byte % 10;
                    }
                }
            }
        }
        bytes
    })
}

/// Every query of the model, on a few dates; errors are answers, panics are not.
fn ask_everything(policy: &Policy) {
    let first = policy.history()[0].released;
    for on in [
        first,
        first + Days::new(400),
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or(first),
    ] {
        let _ = policy.supported_on(on);
        let _ = policy.backport_targets(on, None);
        let _ = policy.releases(None, None, on);
        let _ = policy.audit(on, true);
        let _ = policy.explain_on(on);
        let _ = policy.next_patch_day_after(on);
        let _ = policy.tag(Tag::LatestLts, on);
        let line = policy.history()[policy.history().len() - 1].line;
        let _ = policy.status(
            VersionInput {
                line,
                patch: Some(3),
            },
            on,
        );
        let _ = policy
            .default_lookback(on)
            .and_then(|from| policy.lines_between(from, on));
    }
}

#[test]
fn a_thousand_mutated_policy_files_never_panic() {
    let mut runner = TestRunner::new(Config {
        cases: 1_000,
        failure_persistence: None,
        ..Config::default()
    });
    let parsed = Cell::new(0);
    let result = runner.run(&mutated_policy(), |bytes| {
        let text = String::from_utf8_lossy(&bytes);
        let outcome = catch_unwind(|| {
            if let Ok(policy) = parse_policy(&text) {
                ask_everything(&policy);
                true
            } else {
                false
            }
        });
        match outcome {
            Ok(valid) => {
                parsed.set(parsed.get() + usize::from(valid));
                Ok(())
            }
            Err(_) => Err(TestCaseError::fail(format!("panic on {text}"))),
        }
    });
    assert!(result.is_ok(), "{result:?}");
    eprintln!(
        "fuzz: 1000 mutated policy files ({} still valid, all queried), 0 panics",
        parsed.get()
    );
}
