//! `lts-policy`: parse the command line, answer, map the outcome to an exit code.

mod cli;
mod render;
mod run;

use std::io::{self, BufWriter};
use std::process::ExitCode;

use clap::Parser;

use crate::run::Answer;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // The only place the clock is read: "today" is the current UTC date.
    let today = chrono::Utc::now().date_naive();
    let mut stdout = BufWriter::new(io::stdout().lock());
    match run::run(&cli, today, &mut stdout) {
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
