//! Any argument vector through the whole command line, in process: NUL
//! separates the arguments. Parsing, resolving and answering never panic,
//! and an error's line, as the program writes it, is always one line.
//! Answers go to /dev/null.

#![no_main]

use std::fs::File;

use clap::Parser;
use libfuzzer_sys::fuzz_target;

#[path = "../../src/cli/mod.rs"]
#[allow(dead_code)]
mod cli;
#[path = "../../src/commands/mod.rs"]
#[allow(dead_code)]
mod commands;
#[path = "../../src/render/mod.rs"]
#[allow(dead_code)]
mod render;
#[path = "../../src/session/mod.rs"]
#[allow(dead_code, unused_imports)]
mod session;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let args: Vec<&str> = text.split('\0').collect();
    // Files that never end or wait for input are the reader's tests'.
    let unbounded = |arg: &&str| arg.starts_with("/dev/") || arg.starts_with("/proc/") || *arg == "-";
    // Writing files and running git are the tests' (tests/cli/facts_sources.rs,
    // tests/cli/man.rs): a fuzzer would overwrite the files it names.
    let outside = |arg: &&str| {
        arg.starts_with("--write") || arg.starts_with("--git") || arg.starts_with("--dir")
    };
    if args.len() > 16 || args.iter().any(|arg| unbounded(arg) || outside(arg)) {
        return;
    }
    let Ok(cli) = cli::Cli::try_parse_from(std::iter::once("lts-policy").chain(args)) else {
        return;
    };
    let environment = cli::Environment {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default(),
        stdout_is_terminal: false,
        terminal_width: None,
        wants_color: false,
    };
    let Ok(null) = File::create("/dev/null") else {
        return;
    };
    let mut out = session::Output::to(null);
    let outcome = cli::resolve(&cli, &environment)
        .and_then(|context| cli.command.run(&context, &mut out));
    if let Err(err) = outcome {
        let line = session::output::error_line(&err);
        assert!(!line.contains(['\n', '\r']), "{line}");
    }
});
