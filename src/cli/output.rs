//! Where answers and messages go.
//!
//! An answer goes to standard output through a buffer of our own: it is
//! written when the buffer is full or the answer complete, never on an
//! error, so that an answer that fails half-way leaves stdout empty. A write
//! that fails is an error, except that a reader who leaves (`| head`) ends
//! the answer early without changing it: the exit code stays the answer's.
//! Messages go to standard error, and a message that cannot be written is
//! dropped: the exit code says what happened either way.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::{AsFd, OwnedFd};

use rustix::fs::{FileType, OFlags};

use anyhow::{Context as _, Result};

use crate::commands::Answer;
use crate::render::text::for_terminal;

/// How much of an answer is held before it is written.
const BUFFER: usize = 1 << 16;

/// Standard output, for an answer.
pub struct Output {
    sink: Sink,
}

/// The buffered writer an answer is written to, only through
/// [`Output::answer`].
pub struct Sink {
    file: File,
    buffer: Vec<u8>,
}

impl Output {
    /// Standard output; an error when it is closed (`>&-`), which the
    /// standard library would otherwise write to silently.
    ///
    /// # Errors
    /// Standard output is not open.
    pub fn stdout() -> Result<Self> {
        let descriptor = io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .context("cannot write to standard output")?;
        if was_closed(&descriptor) {
            return Err(io::Error::from_raw_os_error(
                rustix::io::Errno::BADF.raw_os_error(),
            ))
            .context("cannot write to standard output");
        }
        Ok(Self::to(File::from(descriptor)))
    }

    /// Answers written to `file` (the fuzz target writes to /dev/null).
    pub fn to(file: File) -> Self {
        Self {
            sink: Sink {
                file,
                buffer: Vec::with_capacity(BUFFER),
            },
        }
    }

    /// The file behind standard output, for what the terminal tells.
    pub fn file(&self) -> &File {
        &self.sink.file
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
            Err(err) if reader_left(&err) => Ok(answer),
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
            return self.file.write(bytes);
        }
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = self.file.write_all(&self.buffer);
        self.buffer.clear();
        result
    }
}

/// Whether standard output was closed when the program started: Rust's
/// runtime then opens `/dev/null` in its place, read-write, where a shell's
/// `>/dev/null` opens it write-only.
fn was_closed(descriptor: &OwnedFd) -> bool {
    let read_write = || {
        rustix::fs::fcntl_getfl(descriptor)
            .is_ok_and(|flags| flags & OFlags::RWMODE == OFlags::RDWR)
    };
    // /dev/null is the character device 1:3 on Linux.
    let is_null = || {
        rustix::fs::fstat(descriptor).is_ok_and(|stat| {
            let device = stat.st_rdev;
            FileType::from_raw_mode(stat.st_mode) == FileType::CharacterDevice
                && (rustix::fs::major(device), rustix::fs::minor(device)) == (1, 3)
        })
    };
    read_write() && is_null()
}

/// Whether writing failed because the reader left (`| head`).
pub fn reader_left(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Writes one line to standard error, its control characters escaped;
/// nothing happens if it cannot be written.
pub fn message(line: &str) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{}", for_terminal(line));
}

/// The one line an error gets: `error: ` and its causes.
pub fn error(err: &anyhow::Error) {
    message(&error_line(err));
}

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
