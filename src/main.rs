//! `lts-policy`: parse the command line, answer, map the outcome to an exit code.

#![deny(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;
mod commands;
mod render;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Context, Environment, Output};

/// 0: yes; 1: no; 2: bad input, usage, or an answer that could not be
/// written. Whatever happens to stdout and stderr, the code is the answer's.
fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(said) => return ExitCode::from(cli::usage(&said)),
    };
    let answer = Output::stdout().and_then(|mut out| {
        let environment = Environment::read(out.file());
        let context = Context::resolve(&cli, &environment)?;
        cli.command.run(&context, &mut out)
    });
    match answer {
        Ok(answer) => {
            if let Some(note) = answer.note() {
                cli::message(note);
            }
            ExitCode::from(answer.exit_code())
        }
        Err(err) => {
            cli::error(&err);
            ExitCode::from(2)
        }
    }
}
