//! How the program runs git: in the repository asked for, whatever the
//! caller's `GIT_*` variables say, passing git's warnings on as notes and
//! quoting it when it fails, and with one error line for a directory or
//! tags it cannot use.

use serde_json::json;

use super::git_repository::{KESTRA_TAGS, git, repository};
use super::{Scratch, error_of, history_lines, kestra_flat, kestra_flat_rules, outcome};

#[test]
fn bad_repositories_and_tags_are_one_error_line() {
    let scratch = Scratch::new("git-errors");
    let plain_dir = scratch.path_to("plain");
    std::fs::create_dir_all(&plain_dir).unwrap();
    assert!(
        error_of(&["supported", "--git", &plain_dir], None).starts_with(&format!(
            "error: cannot read the tags of {plain_dir} (git: fatal: not a git repository"
        ))
    );
    assert_eq!(
        error_of(&["supported", "--git", &plain_dir], Some("")),
        "error: git is not installed: no git program on PATH to read the tags with\n"
    );
    let duplicate = Scratch::new("git-duplicate");
    let repo = repository(
        &duplicate,
        &[
            ("v1.2.0", "2026-01-13", true),
            ("1.2.0", "2026-01-14", false),
        ],
    );
    assert_eq!(
        error_of(&["supported", "--git", &repo], None),
        format!(
            "error: --git {repo}: tags 1.2.0 (2026-01-14) and v1.2.0 (2026-01-13) date version \
             1.2.0 differently\n"
        )
    );
    let none = Scratch::new("git-none");
    let repo = repository(&none, &[("nightly", "2026-01-01", false)]);
    assert_eq!(
        error_of(&["supported", "--git", &repo], None),
        format!(
            "error: --git {repo}: no tag is a release: looked for tags named MAJOR.MINOR.PATCH \
             or vMAJOR.MINOR.PATCH\n"
        )
    );
}

/// Runs the binary with `args` in `dir` with the environment variables
/// `vars` set; its exit code, stdout and stderr.
fn run_with(dir: &str, vars: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String, String) {
    let mut command = kestra_flat(args);
    command.current_dir(dir);
    for (name, value) in vars {
        command.env(name, value);
    }
    outcome(command.output().unwrap())
}

/// The lines of the history `policy` prints when run in `dir` with `vars`.
fn merged_lines(dir: &str, vars: &[(&str, &str)], args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.push("policy");
    let (code, stdout, stderr) = run_with(dir, vars, &all);
    assert_eq!((code, stderr.as_str()), (Some(0), ""), "{vars:?}");
    history_lines(&serde_json::from_str(&stdout).unwrap())
}

#[test]
fn a_callers_git_environment_does_not_replace_the_repository_asked_for() {
    let scratch = Scratch::new("git-env");
    let asked = repository(&scratch, &[("v1.0.0", "2025-09-09", true)]);
    let other_scratch = Scratch::new("git-env-other");
    let other = repository(&other_scratch, &[("v5.0.0", "2026-10-01", true)]);
    let other_git = format!("{other}/.git");
    let rules = kestra_flat_rules(
        &scratch,
        "rules.json",
        json!([{"line": "0.9", "released": "2025-01-07"}]),
        json!({}),
    );
    let root = env!("CARGO_MANIFEST_DIR");
    for vars in [
        &[("GIT_DIR", other_git.as_str())][..],
        &[
            ("GIT_DIR", other_git.as_str()),
            ("GIT_WORK_TREE", other.as_str()),
        ],
        &[("GIT_COMMON_DIR", other_git.as_str())],
        &[("GIT_OBJECT_DIRECTORY", "/nonexistent")],
        &[("GIT_INDEX_FILE", "/nonexistent")],
    ] {
        assert_eq!(
            merged_lines(root, vars, &["--git", &asked, "--policy", &rules]),
            ["0.9", "1.0"],
            "{vars:?}"
        );
    }
    // A bare repository's hook runs in the repository with GIT_DIR=.
    let bare = scratch.path_to("bare.git");
    git(
        scratch.path(),
        "2025-09-10",
        &["clone", "-q", "--bare", &asked, &bare],
    );
    assert_eq!(
        merged_lines(
            &bare,
            &[("GIT_DIR", ".")],
            &["--git", &other, "--policy", &rules]
        ),
        ["0.9", "5.0"]
    );
}

#[test]
fn what_git_says_is_quoted_on_failure_and_passed_on_as_notes() {
    let scratch = Scratch::new("git-says");
    let repo = repository(&scratch, KESTRA_TAGS);
    // A broken ref: git warns and goes on.
    std::fs::write(format!("{repo}/.git/refs/tags/v8.0.0"), "garbage\n").unwrap();
    let (code, stdout, stderr) = run_with(
        env!("CARGO_MANIFEST_DIR"),
        &[],
        &[
            "--git",
            &repo,
            "supported",
            "--on",
            "2026-03-20",
            "--format",
            "plain",
        ],
    );
    assert_eq!((code, stdout.as_str()), (Some(0), "1.3\n1.0\n"));
    assert_eq!(
        stderr,
        format!("note: --git {repo}: git: warning: ignoring broken ref refs/tags/v8.0.0\n")
    );
    // Then a tag of an object that is not there: git fails after its warning.
    let missing = "1234567890123456789012345678901234567890";
    std::fs::write(
        format!("{repo}/.git/refs/tags/v9.0.0"),
        format!("{missing}\n"),
    )
    .unwrap();
    assert_eq!(
        error_of(&["supported", "--git", &repo], None),
        format!(
            "error: cannot read the tags of {repo} (git: warning: ignoring broken ref \
             refs/tags/v8.0.0; fatal: missing object {missing} for refs/tags/v9.0.0)\n"
        )
    );
}
