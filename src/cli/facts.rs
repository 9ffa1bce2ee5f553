//! Reading facts from outside: a repository's tags through the `git`
//! program, and an endoflife.date answer from a file or stdin. What they
//! mean is the model's part ([`Facts`]).

use std::io::{ErrorKind, Read};
use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, Result, anyhow, bail};

use lts_policy::policy::{Facts, GitTag, LineKind};

use super::context::read_text;

/// The tags of the repository at `dir`, each with its date, read by one
/// `git for-each-ref`: the tagger date of an annotated tag, else the
/// committer date of the commit it names (for an annotated tag without a
/// tagger, of the commit it points to).
pub fn read_tags(dir: &Path) -> Result<Vec<GitTag>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "for-each-ref",
            "--format=%(refname:strip=2)%00%(taggerdate:unix)%00%(committerdate:unix)%00%(*committerdate:unix)",
            "refs/tags",
        ])
        .output()
        .map_err(|err| match err.kind() {
            ErrorKind::NotFound => {
                anyhow!("git is not installed: no git program on PATH to read the tags with")
            }
            _ => anyhow!("cannot run git: {err}"),
        })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = said.lines().next().unwrap_or("").trim();
        bail!("cannot read the tags of {} (git: {said})", dir.display());
    }
    let listing = String::from_utf8_lossy(&output.stdout);
    let mut tags = Vec::new();
    for entry in listing.lines() {
        let mut fields = entry.split('\0');
        let name = fields.next().unwrap_or_default();
        // The first date given: the tagger's, the commit's, the tagged commit's.
        let seconds = fields.find_map(|field| field.parse::<i64>().ok());
        // A tag of a tree or a blob has no date, and is no release.
        if let Some(tag) = seconds.and_then(|seconds| GitTag::from_unix(name.to_owned(), seconds)) {
            tags.push(tag);
        }
    }
    Ok(tags)
}

/// The facts the tags of the repository at `dir` record, for a policy of
/// `kind` whose tags start with `prefix`.
pub fn git_facts(dir: &Path, prefix: Option<&str>, kind: LineKind) -> Result<Facts> {
    let tags = read_tags(dir)?;
    Facts::from_tags(&tags, prefix, kind).with_context(|| format!("--git {}", dir.display()))
}

/// The facts of an endoflife.date answer in `source`, a file or `-` for
/// stdin.
pub fn endoflife_facts(source: &Path, kind: LineKind) -> Result<Facts> {
    let name = if source == Path::new("-") {
        "stdin".to_owned()
    } else {
        source.display().to_string()
    };
    let text = if source == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .take(super::context::MAX_FILE_BYTES as u64 + 1)
            .read_to_string(&mut text)
            .context("cannot read the endoflife.date answer on stdin")?;
        if text.len() > super::context::MAX_FILE_BYTES {
            bail!("the endoflife.date answer on stdin is larger than 8 MiB");
        }
        text
    } else {
        read_text(source, "endoflife.date answer", "answer")?
    };
    Facts::from_endoflife(&text, kind).with_context(|| format!("--endoflife {name}"))
}
