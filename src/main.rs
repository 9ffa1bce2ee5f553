//! `lts-policy`: parse the command line, answer, map the outcome to an exit code.

#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod cli;
#[cfg(test)]
mod fuzz;
mod render;
mod run;

use std::io::{self, BufWriter, IsTerminal};
use std::process::ExitCode;

use clap::Parser;

use crate::run::{Answer, Environment};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // The only place the clock, the environment and the terminal are read.
    let stdout = io::stdout();
    let environment = Environment {
        today: chrono::Utc::now().date_naive(),
        stdout_is_terminal: stdout.is_terminal(),
        terminal_width: terminal_size::terminal_size_of(&stdout).map(|(width, _)| width.0),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()),
    };
    let mut stdout = BufWriter::new(stdout.lock());
    match run::run(&cli, &environment, &mut stdout) {
        Ok(Answer::Yes) => ExitCode::SUCCESS,
        Ok(Answer::No(note)) => {
            if let Some(note) = note {
                eprintln!("{note}");
            }
            ExitCode::from(1)
        }
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that stopped early (`| head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
