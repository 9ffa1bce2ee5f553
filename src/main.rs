//! `lts-policy`: parse the command line, answer, map the outcome to an exit code.

#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;
mod commands;
mod render;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Context, Environment};
use crate::commands::Answer;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let environment = Environment::read(&stdout);
    let mut out = BufWriter::new(stdout.lock());
    let outcome = Context::resolve(&cli, &environment)
        .and_then(|context| cli.command.run(&context, &mut out))
        .and_then(|answer| Ok(out.flush().map(|()| answer)?));
    match outcome {
        Ok(Answer::Yes) => ExitCode::SUCCESS,
        Ok(Answer::No(note)) => {
            if let Some(note) = note {
                eprintln!("{note}");
            }
            ExitCode::from(1)
        }
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // What an answer that failed half-way buffered is not written.
            drop(out.into_parts());
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
