//! Reading facts from outside: a repository's tags through the `git`
//! program, and an endoflife.date answer from a file or stdin. What they
//! mean is the model's part ([`Facts`]).

use std::ffi::OsStr;
use std::io::Read;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use lts_policy::facts::{Facts, GitTag};
use lts_policy::{LineKind, Numbering};

use super::git::git;
use crate::session::{MAX_FILE_BYTES, read_text};

/// How much of what git says on stderr an error quotes.
const GIT_SAYS_CHARS: usize = 400;

/// How many of git's warnings are passed on, one note each.
const GIT_WARNINGS: usize = 10;

/// What git said on stderr, its lines joined with `; `, cut after
/// [`GIT_SAYS_CHARS`] characters.
fn git_said(stderr: &[u8]) -> String {
    let said = String::from_utf8_lossy(stderr);
    let joined = said
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    match joined.char_indices().nth(GIT_SAYS_CHARS) {
        Some((at, _)) => format!("{}…", &joined[..at]),
        None => joined,
    }
}

/// The facts the tags of the repository at `dir` record, for a policy of
/// `kind` whose tags start with `prefix`, and the warnings git gave, to
/// pass on: one `git for-each-ref` of every tag with the type of what it
/// names and its dates.
pub fn git_facts(dir: &Path, prefix: Option<&str>, kind: LineKind) -> Result<(Facts, Vec<String>)> {
    let listed = git(
        &[OsStr::new("rev-parse"), OsStr::new("--local-env-vars")],
        &[],
    )?;
    let local_variables: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    let format = format!("--format={}", GitTag::LISTING_FORMAT);
    let args = [
        OsStr::new("-C"),
        dir.as_os_str(),
        OsStr::new("for-each-ref"),
        OsStr::new(&format),
        OsStr::new("refs/tags"),
    ];
    let output = git(&args, &local_variables)?;
    if !output.status.success() {
        bail!(
            "cannot read the tags of {} (git: {})",
            dir.display(),
            git_said(&output.stderr)
        );
    }
    let said = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = said
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let mut warnings: Vec<String> = lines
        .iter()
        .take(GIT_WARNINGS)
        .map(|line| format!("note: --git {}: git: {}", dir.display(), line.trim()))
        .collect();
    if lines.len() > GIT_WARNINGS {
        warnings.push(format!(
            "note: --git {}: git: {} more lines",
            dir.display(),
            lines.len() - GIT_WARNINGS
        ));
    }
    let listing = String::from_utf8_lossy(&output.stdout);
    let facts = Facts::from_tag_listing(&listing, prefix, kind)
        .with_context(|| format!("--git {}", dir.display()))?;
    Ok((facts, warnings))
}

/// The facts of an endoflife.date answer in `source`, a file or `-` for
/// stdin, its lines numbered as `numbering` says (a policy's), or as its
/// own cycles are.
pub fn endoflife_facts(source: &Path, numbering: Option<&Numbering>) -> Result<Facts> {
    let from_stdin = source == Path::new("-");
    let name = if from_stdin {
        "-".to_owned()
    } else {
        source.display().to_string()
    };
    let text = if from_stdin {
        let mut text = String::new();
        std::io::stdin()
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_string(&mut text)
            .context("cannot read the endoflife.date answer on standard input")?;
        if text.len() > MAX_FILE_BYTES {
            bail!(
                "the endoflife.date answer on standard input is larger than {} MiB",
                MAX_FILE_BYTES >> 20
            );
        }
        // What a user sees when the download before the pipe failed.
        if text.trim().is_empty() {
            bail!("--endoflife -: standard input is empty; expected an endoflife.date answer");
        }
        text
    } else {
        read_text(source, "endoflife.date answer", "answer")?
    };
    Facts::from_endoflife(&text, numbering).with_context(|| format!("--endoflife {name}"))
}
