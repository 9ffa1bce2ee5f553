//! The most an answer that grows with its range writes, checked before a
//! byte of it is: a calendar, a timeline or an audit of a 200-byte policy
//! can ask for thousands of years.

use std::io::{self, Write};

use anyhow::Result;

/// The most such an answer writes: 256 MiB. The whole calendar the dates
/// allow, 0001 to 9999, of every example policy fits (Quarkus's, monthly
/// lines, is the largest: 247 MiB with `--remind 90,30`); an answer larger
/// than that is more than a calendar program, a browser or a person opens.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Whether `write` writes more than [`MAX_BYTES`]. It writes to a counter
/// that stops it as soon as it passes the bound, so that a refusal costs
/// the bound's time at most, and nothing is printed of an answer refused.
///
/// # Errors
/// An error of the model `write` meets below the bound.
pub fn exceeds(write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<bool> {
    let mut counter = Counter::default();
    let written = write(&mut counter);
    if counter.over {
        return Ok(true);
    }
    written.map(|()| false)
}

/// Counts the bytes written to it, and fails past [`MAX_BYTES`].
#[derive(Default)]
struct Counter {
    written: u64,
    over: bool,
}

impl Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let count = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        self.written = self.written.saturating_add(count);
        if self.written > MAX_BYTES {
            self.over = true;
            return Err(io::Error::other("the answer is over its bound"));
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_is_passed_by_one_byte_more() {
        let at_bound = |extra: u64| {
            exceeds(|out| {
                let chunk = vec![b'x'; 1024 * 1024];
                for _ in 0..256 {
                    out.write_all(&chunk)?;
                }
                out.write_all(&vec![b'x'; usize::try_from(extra).unwrap()])?;
                Ok(())
            })
            .unwrap()
        };
        assert!(!at_bound(0), "256 MiB exactly is written");
        assert!(at_bound(1));
    }
}
