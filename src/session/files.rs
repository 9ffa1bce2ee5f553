//! The files a run reads: a policy, an endoflife.date answer, each
//! bounded, so that a file that never ends (`/dev/zero`) is refused.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

/// The most of a file that is read: a real policy is a few KiB, a
/// history of 100,000 lines 6 MiB, an endoflife.date answer tens of KiB.
pub const MAX_FILE_BYTES: usize = 8 << 20;

/// The error of `what` (a policy, or what is known of it so far) that
/// would take `bytes` as a file: more than `--policy` reads.
pub fn beyond_policy_reads(what: &str, bytes: usize, lines: usize) -> anyhow::Error {
    anyhow::anyhow!(
        "{what} would take {:.1} MiB as a file, more than the {} MiB --policy reads ({lines} \
         lines in its history)",
        bytes as f64 / f64::from(1 << 20),
        MAX_FILE_BYTES >> 20,
    )
}

/// The text of a policy file, refused past [`MAX_FILE_BYTES`] (a file
/// such as `/dev/zero` never ends).
pub fn read_policy_file(path: &Path) -> Result<String> {
    read_text(path, "policy file", "policy")
}

/// The text of a file the program reads: `what` it is named in messages,
/// and `kind` what a file of that size is far beyond.
pub fn read_text(path: &Path, what: &str, kind: &str) -> Result<String> {
    read_text_up_to(path, MAX_FILE_BYTES, what, kind)
}

/// The same, refused past `limit` bytes.
pub fn read_text_up_to(path: &Path, limit: usize, what: &str, kind: &str) -> Result<String> {
    let cannot = || format!("cannot read {what} {}", path.display());
    let file = File::open(path).with_context(cannot)?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(cannot)?;
    if bytes.len() > limit {
        bail!(
            "{what} {} is larger than {} MiB, far beyond any {kind}",
            path.display(),
            limit >> 20
        );
    }
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        anyhow::anyhow!(
            "{what} {} is not UTF-8 text: byte {at} is not",
            path.display()
        )
    })?;
    // A byte order mark (an editor on Windows writes one) is no part of
    // the text, whatever the file is (`scan --ignore`'s list too).
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}
