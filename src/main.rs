//! `lts-policy`: parse the command line, answer, map the outcome to an exit code.
//!
//! The modules stand on floors, each importing only those below it:
//! cli -> commands -> render -> session (the leaf they share), over the
//! library.

// Two unsafe attributes: the stdout probe's (session/output.rs) and the
// name of C's `main` below.
#![deny(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
// On glibc the program starts from C's `main`, without Rust's runtime
// start, a sixth of a whole answer's instructions: session/start.rs.
#![cfg_attr(all(target_os = "linux", target_env = "gnu", not(test)), no_main)]

mod cli;
mod commands;
mod render;
mod session;

use crate::cli::{Cli, Environment};
use crate::session::Output;

/// C's `main`, which the C library calls with the arguments that
/// `std::env::args` reads all the same (glibc hands them to std's
/// constructor as well).
#[cfg(all(target_os = "linux", target_env = "gnu", not(test)))]
#[allow(unsafe_code)]
#[unsafe(no_mangle)]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    session::start::as_the_runtime_would();
    let code = answer();
    session::start::as_the_runtime_ends();
    std::ffi::c_int::from(code)
}

#[cfg(not(all(target_os = "linux", target_env = "gnu", not(test))))]
fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(answer())
}

/// 0: yes; 1: no; 2: bad input, usage, or an answer that could not be
/// written. Whatever happens to stdout and stderr, the code is the answer's.
fn answer() -> u8 {
    let cli = match Cli::from_args() {
        Ok(cli) => cli,
        Err(said) => return session::usage(&said),
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
            answer.exit_code()
        }
        Err(err) => {
            session::error(&err);
            2
        }
    }
}
