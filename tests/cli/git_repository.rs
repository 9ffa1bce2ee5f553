//! Git repositories made for a test: commits and tags on fixed days,
//! through the `git` program, isolated from the machine's configuration.

use std::process::Command as Process;

use super::Scratch;

/// Runs git in `dir` with the author and committer (and tagger) date
/// `when`, any date git takes (`2026-03-03T12:00:00+00:00`, `@SECONDS
/// +0000`), isolated from the machine's configuration; panics, saying so,
/// when git is not installed.
pub(crate) fn git_at(dir: &str, when: &str, args: &[&str]) {
    let output = Process::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "advice.nestedTag=false",
        ])
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_DATE", when)
        .env("GIT_COMMITTER_DATE", when)
        .output()
        .unwrap_or_else(|err| {
            panic!("these tests make git repositories: install git (running it failed: {err})")
        });
    assert!(output.status.success(), "git {args:?}: {output:?}");
}

/// Runs git in `dir` on the day `day` at noon UTC, as [`git_at`].
pub(crate) fn git(dir: &str, day: &str, args: &[&str]) {
    git_at(dir, &format!("{day}T12:00:00+00:00"), args);
}

/// A repository in `scratch` with, for each `(tag, day, annotated)`, a
/// commit on that day and the tag on it.
pub(crate) fn repository(scratch: &Scratch, tags: &[(&str, &str, bool)]) -> String {
    let dir = scratch.path_to("repo");
    std::fs::create_dir_all(&dir).unwrap();
    git(&dir, "2025-01-01", &["init", "-q"]);
    for (tag, day, annotated) in tags {
        git(&dir, day, &["commit", "-q", "--allow-empty", "-m", tag]);
        if *annotated {
            git(&dir, day, &["tag", "-a", tag, "-m", tag]);
        } else {
            git(&dir, day, &["tag", tag]);
        }
    }
    dir
}

/// Kestra's lines to 1.3 as tags: annotated and lightweight, with and
/// without `v`, and tags that are no release.
pub(crate) const KESTRA_TAGS: &[(&str, &str, bool)] = &[
    ("v1.0.0", "2025-09-09", true),
    ("v1.0.1", "2025-09-16", false),
    ("v1.1.0", "2025-11-04", true),
    ("nightly", "2025-11-05", false),
    ("1.2.0", "2026-01-13", false),
    ("v1.2.1-rc1", "2026-01-14", false),
    ("v1.2.1", "2026-01-20", true),
    ("v1.3.0", "2026-03-03", true),
    ("v1.3.1", "2026-03-10", false),
];
