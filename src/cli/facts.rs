//! Reading facts from outside: a repository's tags through the `git`
//! program, and an endoflife.date answer from a file or stdin. What they
//! mean is the model's part ([`Facts`]).

use std::ffi::OsStr;
use std::io::Read;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use chrono::{DateTime, NaiveDate, Utc};

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

/// What a repository says: the facts its tags record, the day it is
/// complete up to besides them, and the warnings git gave, to pass on.
pub struct Repository {
    pub facts: Facts,
    pub complete_up_to: Option<NaiveDate>,
    pub warnings: Vec<String>,
}

/// What the repository at `dir` says, for a policy of `kind` whose tags
/// start with `prefix`: one `git for-each-ref` of every tag with the type
/// of what it names and its dates, then [`complete_up_to`].
pub fn git_facts(dir: &Path, prefix: Option<&str>, kind: LineKind) -> Result<Repository> {
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
    Ok(Repository {
        facts,
        complete_up_to: complete_up_to(dir, &local_variables)?,
        warnings,
    })
}

/// The day the repository at `dir` knows of besides its tags, as a UTC
/// day: the later of its newest branch's commit (local or remote-tracking)
/// and its last fetch, the time of `FETCH_HEAD` (a fetch that brought no
/// new tag still says there was none then); `None` with neither. Branch
/// tips rather than every commit: tips stand for the history behind them,
/// and walking it (`rev-list --all`) would fail on a broken ref that the
/// tags' listing only warns of.
fn complete_up_to(dir: &Path, local_variables: &[String]) -> Result<Option<NaiveDate>> {
    let ask = |args: &[&str]| -> Result<Vec<u8>> {
        let mut full = vec![OsStr::new("-C"), dir.as_os_str()];
        full.extend(args.iter().map(OsStr::new));
        let output = git(&full, local_variables)?;
        if !output.status.success() {
            bail!(
                "cannot read the branches of {} (git: {})",
                dir.display(),
                git_said(&output.stderr)
            );
        }
        Ok(output.stdout)
    };
    let newest_branch = ask(&[
        "for-each-ref",
        "--sort=-committerdate",
        "--count=1",
        "--format=%(committerdate:unix)",
        "refs/heads",
        "refs/remotes",
    ])?;
    let committed = String::from_utf8_lossy(&newest_branch)
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
        .map(|moment| moment.date_naive());
    let fetch_head = ask(&["rev-parse", "--git-path", "FETCH_HEAD"])?;
    // Relative to `dir`, as `-C` makes it; a path that is no UTF-8 is
    // left unread, as a repository never fetched.
    let fetched = String::from_utf8(fetch_head)
        .ok()
        .and_then(|path| std::fs::metadata(dir.join(path.trim_end_matches(['\r', '\n']))).ok())
        .and_then(|metadata| metadata.modified().ok())
        .map(|moment| DateTime::<Utc>::from(moment).date_naive());
    Ok(committed.max(fetched))
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
