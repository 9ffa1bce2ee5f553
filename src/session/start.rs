//! The program's start on Linux with glibc, without Rust's runtime start.
//!
//! Rust's `fn main` runs after the runtime's start, which on glibc costs
//! some 97,000 instructions of the ~530,000 a whole `supported` took: it
//! asks `pthread_getattr_np` for the main thread's stack, and glibc reads
//! and `sscanf`s `/proc/self/maps` to answer, so that a stack overflow can
//! be reported as one rather than as a plain SIGSEGV. The program recurses
//! no deeper than serde_json's limit of 128, so `main.rs` starts it from
//! C's `main` and this module does the three things of the runtime's start
//! (and end) the program relies on: standard descriptors that are open (a
//! file the program opens must never become descriptor 1 or 2), a write to
//! a pipe whose reader left that fails with `EPIPE` rather than killing the
//! process (the exit code stays the answer's), and standard output flushed
//! at the end. Elsewhere (musl, whose start is cheap; macOS; Windows) the
//! runtime starts as usual.

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use rustix::fs::{Mode, OFlags};

/// What the runtime's start would have done that the program relies on:
/// `/dev/null` opened in place of a closed standard descriptor, and
/// SIGPIPE caught.
pub fn as_the_runtime_would() {
    let (stdin, stdout, stderr) = (io::stdin(), io::stdout(), io::stderr());
    // In order, so that each `/dev/null` takes the lowest free number: the
    // closed descriptor's own.
    for (descriptor, access) in [
        (stdin.as_fd(), OFlags::RDONLY),
        (stdout.as_fd(), OFlags::WRONLY),
        (stderr.as_fd(), OFlags::WRONLY),
    ] {
        if rustix::io::fcntl_getfd(descriptor).is_err() {
            match rustix::fs::open("/dev/null", access, Mode::empty()) {
                // Open for the process's life, as the runtime leaves it.
                Ok(null) => std::mem::forget(null),
                // Going on would let the next file opened take the number;
                // the runtime aborts too.
                Err(_) => std::process::abort(),
            }
        }
    }
    // A handler, where the runtime sets SIG_IGN (which signal-hook's safe
    // calls cannot): a write fails with EPIPE all the same, and `git`
    // starts with the default, as exec resets a handler.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGPIPE,
        Arc::new(AtomicBool::new(false)),
    );
}

/// What the runtime's end would have done: standard output's buffer
/// (clap's help and version go there) written out.
pub fn as_the_runtime_ends() {
    let _ = io::stdout().flush();
}
