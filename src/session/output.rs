//! Where answers and messages go.
//!
//! An answer goes to standard output through a buffer of our own: it is
//! written when the buffer is full or the answer complete, never on an
//! error. Answers are worked out before they are written (a calendar's
//! lines are all checked first: commands/last_day.rs), so that an error
//! leaves stdout empty whatever the format and the size. A write
//! that fails is an error, except that a reader who leaves (`| head`) ends
//! the answer early without changing it: the exit code stays the answer's.
//! An answer with nothing to write (a "no" whose reason goes to stderr,
//! `policy --write`) keeps its code whatever stdout is, closed included.
//! Messages go to standard error, and a message that cannot be written is
//! dropped: the exit code says what happened either way.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context as _, Result};

use super::answer::Answer;
use super::escape::for_terminal;

/// How much of an answer is held before it is written.
const BUFFER: usize = 1 << 16;

/// Standard output, for an answer.
pub struct Output {
    sink: Sink,
}

/// The buffered writer an answer is written to, only through
/// [`Output::answer`].
pub struct Sink {
    destination: Destination,
    buffer: Vec<u8>,
}

/// The file an answer goes to, and what writing it has shown.
struct Destination {
    file: File,
    /// Standard output was closed when the program started: the file is
    /// the `/dev/null` Rust's runtime put in its place, and a byte written
    /// there would be lost without a word.
    closed: bool,
    /// A write found the reader gone (`| head`). Noted here, where the file
    /// is written, because the renderers' errors hide the cause: the csv
    /// crate's error names no source, and serde_json's names the source of
    /// its `io::Error` rather than the error itself.
    reader_left: bool,
}

impl Output {
    /// Standard output, as the program was started with it.
    ///
    /// # Errors
    /// Its descriptor cannot be duplicated (no descriptor left).
    pub fn stdout() -> Result<Self> {
        let descriptor = io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .context("cannot write to standard output")?;
        let mut output = Self::to(File::from(descriptor));
        output.sink.destination.closed = STDOUT_CLOSED_AT_START.load(Ordering::Relaxed);
        Ok(output)
    }

    /// Answers written to `file` (the fuzz target writes to /dev/null).
    pub fn to(file: File) -> Self {
        Self {
            sink: Sink {
                destination: Destination {
                    file,
                    closed: false,
                    reader_left: false,
                },
                buffer: Vec::with_capacity(BUFFER),
            },
        }
    }

    /// The file behind standard output, for what the terminal tells.
    pub fn file(&self) -> &File {
        &self.sink.destination.file
    }

    /// Writes an answer already decided. A reader who leaves ends the
    /// writing, not the answer; any other failure to write is an error.
    ///
    /// # Errors
    /// An error of `write`, or of the output other than a closed pipe.
    pub fn answer(
        &mut self,
        answer: Answer,
        write: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<Answer> {
        let written = write(&mut self.sink).and_then(|()| Ok(self.sink.flush()?));
        match written {
            Err(_) if self.sink.destination.reader_left => Ok(answer),
            Err(err) => Err(err.context("cannot write the answer")),
            Ok(()) => Ok(answer),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.buffer.len() + bytes.len() > BUFFER {
            self.flush()?;
        }
        if bytes.len() > BUFFER {
            self.destination.write_all(bytes)?;
        } else {
            self.buffer.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let written = self.destination.write_all(&self.buffer);
        self.buffer.clear();
        written
    }
}

impl Destination {
    /// Writes `bytes` to the file, noting a reader that left. An answer
    /// with something to write has nowhere to go on a closed standard
    /// output: that is an error, as `>/dev/full` is.
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.closed {
            return Err(io::Error::other("standard output is closed"));
        }
        let written = self.file.write_all(bytes);
        if let Err(err) = &written {
            self.reader_left |= err.kind() == io::ErrorKind::BrokenPipe;
        }
        written
    }
}

/// Whether descriptor 1 was closed when the process started (`>&-`), as
/// [`PROBE_STDOUT`] saw it.
static STDOUT_CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

/// Looks at descriptor 1 before `main`: Rust's runtime opens `/dev/null`
/// read-write in place of a closed descriptor when `main` starts, which no
/// later look can tell from a caller's own `/dev/null` (Python's
/// `subprocess.DEVNULL`, Node's `"ignore"`, systemd's `StandardOutput=null`
/// open it read-write too). A constructor runs before the runtime does.
extern "C" fn probe_stdout() {
    let closed = rustix::io::fcntl_getfd(io::stdout().as_fd()).is_err();
    STDOUT_CLOSED_AT_START.store(closed, Ordering::Relaxed);
}

// One of the program's two unsafe attributes: a function pointer in the
// ELF constructor list (Mach-O's on Apple systems), which the C runtime
// calls before `main`. It only reads a descriptor's flags and stores a flag.
#[allow(unsafe_code)]
#[used]
#[cfg_attr(
    all(unix, not(target_vendor = "apple")),
    unsafe(link_section = ".init_array")
)]
#[cfg_attr(
    target_vendor = "apple",
    unsafe(link_section = "__DATA,__mod_init_func")
)]
static PROBE_STDOUT: extern "C" fn() = probe_stdout;

/// Writes one line to standard error, its control characters escaped;
/// nothing happens if it cannot be written.
pub fn message(line: &str) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{}", for_terminal(line));
}

/// The one line an error gets: `error: ` and its causes; then, for a
/// near miss, its [`Tipped`] tip, as clap writes its own.
pub fn error(err: &anyhow::Error) {
    message(&error_line(err));
    if let Some(tipped) = err.downcast_ref::<Tipped>() {
        message("");
        message(&format!("  tip: {}", tipped.tip));
    }
}

/// An error, and a tip for the next try (`a similar tag exists: 'latest'`),
/// written under the error's line.
#[derive(Debug)]
pub struct Tipped {
    pub error: anyhow::Error,
    pub tip: String,
}

impl std::fmt::Display for Tipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#}", self.error)
    }
}

impl std::error::Error for Tipped {}

/// `error: ` and the error's causes, as [`message`] writes them: one line,
/// whatever the error quotes.
pub fn error_line(err: &anyhow::Error) -> String {
    for_terminal(&format!("error: {err:#}")).into_owned()
}

/// What clap has to say when the arguments are not an answer's: help and
/// the version are answers to stdout (a failure to write them is an error);
/// usage errors go to stderr. Returns the exit code.
pub fn usage(said: &clap::Error) -> u8 {
    let rendered = said.render().ansi().to_string();
    if said.use_stderr() {
        let stderr = io::stderr();
        let choice = anstream::AutoStream::choice(&stderr);
        let mut stream = anstream::AutoStream::new(stderr.lock(), choice);
        let _ = stream.write_all(rendered.as_bytes());
        return u8::try_from(said.exit_code()).unwrap_or(2);
    }
    let written = Output::stdout().and_then(|mut out| {
        let text = if anstream::AutoStream::choice(out.file()) == anstream::ColorChoice::Never {
            anstream::adapter::strip_str(&rendered).to_string()
        } else {
            rendered
        };
        out.answer(Answer::yes(), |sink| Ok(sink.write_all(text.as_bytes())?))
    });
    match written {
        Ok(_) => 0,
        Err(err) => {
            error(&err);
            2
        }
    }
}
