//! Replacing a file at once or not at all, as `policy --write` does: the
//! new contents go to a temporary file beside the target, which is then
//! renamed over it.
//!
//! The temporary file is created exclusively (`O_EXCL`, never through a
//! link) under a name no one can guess (`tempfile`), short enough for any
//! target's name; it takes the old file's permission bits, and its owner
//! and group where the process may set them. A target reached through
//! symbolic links is replaced where the links lead, and the links stay. A
//! target that is not a regular file (a device, a FIFO, a socket, a
//! directory) is refused. On an error the temporary file is removed; on a
//! signal that ends the process (`SIGINT`, `SIGTERM`, `SIGHUP`, `SIGQUIT`)
//! as well, before the process ends by it as it would have.

use std::ffi::OsString;
use std::fs::{self, File, Metadata, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::{Context as _, Result, bail};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::low_level::emulate_default_handler;

/// The signals whose default action ends the process and that can be
/// caught: a write they interrupt leaves nothing behind.
const ENDING_SIGNALS: [i32; 4] = [SIGHUP, SIGINT, SIGTERM, SIGQUIT];

/// How many symbolic links are followed to the file they lead to, as
/// Linux's `MAXSYMLINKS`.
const MAX_LINKS: usize = 40;

/// How much of the target's name the temporary name repeats: with the dot,
/// the random part and `.tmp` it stays far below any file system's limit.
const NAME_BYTES: usize = 100;

/// Replaces the file at `path` with `contents`, at once or not at all.
///
/// # Errors
/// A target that is not a regular file, a directory that cannot be
/// written, or any failure to write; the old file is then as it was.
pub fn replace_file(path: &Path, contents: &[u8]) -> Result<()> {
    let cannot = || format!("cannot write {}", path.display());
    let target = resolve_links(path).with_context(cannot)?;
    let existing = match fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(err).with_context(cannot),
    };
    if let Some(kind) = existing.as_ref().and_then(not_a_regular_file) {
        bail!(
            "cannot write {}: it is {kind}, not a regular file; policy --write replaces a file",
            path.display()
        );
    }
    let signals = Signals::catch().with_context(cannot)?;
    let written = write_beside(&target, existing.as_ref(), contents, &signals);
    signals.release();
    written.with_context(cannot)
}

/// The file `path` leads to through symbolic links (itself when it is no
/// link), which may not exist yet.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) => parent.join(target),
                    None => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links lead to it"
    )))
}

/// What a file is when it is not a regular file, in words.
fn not_a_regular_file(metadata: &Metadata) -> Option<&'static str> {
    let kind = metadata.file_type();
    if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("a directory")
    } else if kind.is_char_device() || kind.is_block_device() {
        Some("a device")
    } else if kind.is_fifo() {
        Some("a FIFO")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        Some("a special file")
    }
}

/// Writes `contents` to a temporary file in `target`'s directory, gives it
/// the old file's mode and owner, and renames it over `target`.
fn write_beside(
    target: &Path,
    existing: Option<&Metadata>,
    contents: &[u8],
    signals: &Signals,
) -> io::Result<()> {
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::other("not a file name"))?;
    // A new file is created as any program creates one (0666 less the
    // umask); an old file's contents stay private until they take its mode.
    let mode = if existing.is_some() { 0o600 } else { 0o666 };
    let temporary = tempfile::Builder::new()
        .prefix(&temporary_prefix(name.as_bytes()))
        .suffix(".tmp")
        .make_in(directory, |path| create_exclusive(path, mode))?;
    signals.stop_if_caught(temporary.path());
    let mut file = temporary.as_file();
    file.write_all(contents)?;
    signals.stop_if_caught(temporary.path());
    if let Some(old) = existing {
        keep_owner_and_mode(file, old)?;
    }
    file.sync_all()?;
    signals.stop_if_caught(temporary.path());
    temporary.persist(target).map_err(|failed| failed.error)?;
    // The rename is durable once the directory is; a directory that cannot
    // be opened or synced (some file systems) leaves the file replaced.
    if let Ok(directory) = File::open(directory) {
        let _ = directory.sync_all();
    }
    Ok(())
}

/// `.NAME.` with at most [`NAME_BYTES`] of the name.
fn temporary_prefix(name: &[u8]) -> OsString {
    let mut prefix = vec![b'.'];
    prefix.extend_from_slice(&name[..name.len().min(NAME_BYTES)]);
    prefix.push(b'.');
    OsString::from_vec(prefix)
}

/// Creates `path`, which must not exist: a link planted there is never
/// followed, and a name taken makes the caller try another.
fn create_exclusive(path: &Path, mode: u32) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
}

/// Gives `file` the owner and group of `old` as far as the process may
/// (root may set both; an owner may set a group it belongs to), then its
/// permission bits (after the owner: a change of owner clears set-id bits).
fn keep_owner_and_mode(file: &File, old: &Metadata) -> io::Result<()> {
    let permitted = |result: io::Result<()>| match result {
        Err(err) if err.kind() == io::ErrorKind::PermissionDenied => Ok(false),
        other => other.map(|()| true),
    };
    let (uid, gid) = (old.uid(), old.gid());
    if !permitted(std::os::unix::fs::fchown(file, Some(uid), Some(gid)))? {
        permitted(std::os::unix::fs::fchown(file, None, Some(gid)))?;
    }
    file.set_permissions(Permissions::from_mode(old.mode() & 0o7777))
}

/// The ending signals, caught while a file is replaced: one that comes
/// removes the temporary file, then ends the process as it would have.
struct Signals {
    /// The signal caught, or 0.
    caught: Arc<AtomicUsize>,
    /// Once set, an ending signal takes its default action at once.
    released: Arc<AtomicBool>,
}

impl Signals {
    fn catch() -> io::Result<Self> {
        let signals = Self {
            caught: Arc::new(AtomicUsize::new(0)),
            released: Arc::new(AtomicBool::new(false)),
        };
        for signal in ENDING_SIGNALS {
            // In this order: once released, the default action comes first.
            signal_hook::flag::register_conditional_default(signal, Arc::clone(&signals.released))?;
            let number = usize::try_from(signal).unwrap_or_default();
            signal_hook::flag::register_usize(signal, Arc::clone(&signals.caught), number)?;
        }
        Ok(signals)
    }

    /// Ends the process by the signal caught, if any, once `temporary` is
    /// removed.
    fn stop_if_caught(&self, temporary: &Path) {
        if self.caught.load(Ordering::SeqCst) != 0 {
            let _ = fs::remove_file(temporary);
            self.release();
        }
    }

    /// Gives the signals their default action back, and takes the one
    /// caught meanwhile, if any.
    fn release(&self) {
        self.released.store(true, Ordering::SeqCst);
        let caught = self.caught.load(Ordering::SeqCst);
        if let Ok(signal) = i32::try_from(caught)
            && signal != 0
        {
            let _ = emulate_default_handler(signal);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A directory of its own for a test, removed at its end.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Self {
            let path = std::env::temp_dir()
                .join(format!("lts-policy-replace-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&path);
            fs::create_dir_all(&path).unwrap();
            Self(path)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_link_planted_at_the_temporary_name_is_never_followed() {
        let scratch = Scratch::new("planted");
        let victim = scratch.0.join("victim");
        fs::write(&victim, "secret").unwrap();
        let planted = scratch.0.join(".policy.json.abc123.tmp");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let err = create_exclusive(&planted, 0o600).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "secret");
    }

    #[test]
    fn temporary_names_cannot_be_known_and_fit_any_name() {
        let scratch = Scratch::new("names");
        // A name of 250 bytes, valid on every common file system.
        let long = "p".repeat(250);
        let names: Vec<String> = (0..2)
            .map(|_| {
                let file = tempfile::Builder::new()
                    .prefix(&temporary_prefix(long.as_bytes()))
                    .suffix(".tmp")
                    .make_in(&scratch.0, |path| create_exclusive(path, 0o600))
                    .unwrap();
                let name = file
                    .path()
                    .file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .to_owned();
                file.close().unwrap();
                name
            })
            .collect();
        assert_ne!(names[0], names[1]);
        for name in &names {
            // `.`, 100 bytes of the name, `.`, six random characters, `.tmp`.
            assert_eq!(name.len(), 1 + NAME_BYTES + 1 + 6 + 4, "{name}");
            assert!(name.starts_with(&format!(".{}.", &long[..NAME_BYTES])));
        }
        assert_eq!(fs::read_dir(&scratch.0).unwrap().count(), 0);
    }

    #[test]
    fn a_chain_of_links_leads_to_the_file_and_a_loop_is_an_error() {
        let scratch = Scratch::new("links");
        let file = scratch.0.join("real.json");
        fs::create_dir_all(scratch.0.join("sub")).unwrap();
        std::os::unix::fs::symlink("../real.json", scratch.0.join("sub/one")).unwrap();
        std::os::unix::fs::symlink("sub/one", scratch.0.join("two")).unwrap();
        assert_eq!(
            resolve_links(&scratch.0.join("two")).unwrap(),
            scratch.0.join("sub/../real.json")
        );
        // Dangling: the file the link names is to be created.
        assert!(!file.exists());
        std::os::unix::fs::symlink("loop", scratch.0.join("loop")).unwrap();
        let err = resolve_links(&scratch.0.join("loop")).unwrap_err();
        assert_eq!(err.to_string(), "more than 40 symbolic links lead to it");
    }
}
