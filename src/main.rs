//! `lts-policy`: parse the command line, answer, map the outcome to an exit code.
//!
//! The modules stand on floors, each importing only those below it:
//! cli -> commands -> render -> session (the leaf they share), over the
//! library.

// The one unsafe attribute is the stdout probe's (session/output.rs).
#![deny(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;
mod commands;
mod render;
mod session;

use std::process::ExitCode;

use crate::cli::{Cli, Environment};
use crate::session::Output;

/// 0: yes; 1: no; 2: bad input, usage, or an answer that could not be
/// written. Whatever happens to stdout and stderr, the code is the answer's.
fn main() -> ExitCode {
    let cli = match Cli::from_args() {
        Ok(cli) => cli,
        Err(said) => return ExitCode::from(session::usage(&said)),
    };
    let answer = Output::stdout().and_then(|mut out| {
        let environment = Environment::read(out.file())?;
        let context = cli::resolve(&cli, &environment)?;
        cli.command.run(&context, &mut out)
    });
    match answer {
        Ok(answer) => {
            for line in answer.note().into_iter().flat_map(str::lines) {
                session::message(line);
            }
            ExitCode::from(answer.exit_code())
        }
        Err(err) => {
            session::error(&err);
            ExitCode::from(2)
        }
    }
}
