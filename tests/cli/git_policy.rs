//! `policy` with `--git`: the tags merged into the policy's file, which
//! then answers alone, or fitted into a draft when no file is given, and
//! `--write`, which replaces a file only with a whole one.

use std::path::Path;

use serde_json::{Value, json};

use super::git_repository::{KESTRA_TAGS, repository};
use super::{Scratch, fit_of_tags, history_lines, kestra_flat, kestra_flat_rules, merged};

#[test]
fn policy_with_git_writes_a_file_that_answers_alone() {
    let scratch = Scratch::new("git-policy");
    let repo = repository(&scratch, KESTRA_TAGS);
    let rules = kestra_flat_rules(
        &scratch,
        "rules.json",
        json!([{"line": "1.0", "released": "2025-09-09", "lts": true, "eol": "2026-09-09"}]),
        json!({"comment": "kept"}),
    );
    let (printed, left_out) = merged(&["--git", &repo, "--policy", &rules]);
    assert_eq!(
        left_out,
        format!(
            "--git {repo}: left nightly out: not a version MAJOR.MINOR.PATCH\n\
             --git {repo}: left v1.2.1-rc1 out: a pre-release or a build, not a release\n"
        )
    );
    let file: Value = serde_json::from_str(&printed).unwrap();
    // Nothing the old file said is lost.
    assert_eq!(file["comment"], "kept");
    assert_eq!(file["history"][0]["eol"], "2026-09-09");
    assert_eq!(file["history"][0]["lts"], true);
    assert_eq!(file["history"].as_array().unwrap().len(), 4);
    // --write replaces the file; what it holds answers alone as with --git.
    let target = scratch.path_to("merged.json");
    std::fs::write(&target, "old").unwrap();
    merged(&["--git", &repo, "--policy", &rules, "--write", &target]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), printed);
    // Notes included: asked about 2026-12-01, on the tests' day, 2026-09-07,
    // the newest tag, v1.3.1 of 2026-03-10, is more than two intervals (4
    // months, to 07-10) old, which both say.
    for on in ["2026-03-20", "2026-12-01"] {
        let answer = |more: &[&str]| {
            let args = [&["supported", "--on", on, "--policy", &target][..], more].concat();
            let output = kestra_flat(&args).output().unwrap();
            (output.status.code(), output.stdout, output.stderr)
        };
        assert_eq!(answer(&[]), answer(&["--git", &repo]), "{on}");
    }
}

#[test]
fn policy_fit_with_git_alone_fits_the_tags() {
    // No --policy: the repository's tags are the whole history, the draft
    // is named after its directory, and every rule is fitted.
    let scratch = Scratch::new("git-fit");
    let repo = repository(&scratch, KESTRA_TAGS);
    let (draft, stderr) = fit_of_tags(&repo);
    let file: Value = serde_json::from_str(&draft).unwrap();
    assert_eq!(file["name"], "repo");
    // 1.0 to 1.3, as tagged: four lines, three steps to fit releases on.
    assert_eq!(history_lines(&file), ["1.0", "1.1", "1.2", "1.3"]);
    assert!(
        stderr.contains(" of 3 releases within 7 days)\n"),
        "{stderr}"
    );
    // Three patches (the -rc1 is left out), each a week after its line's
    // Tuesday release: 1.0.1 09-16, 1.2.1 01-20, 1.3.1 03-10.
    assert_eq!(file["patches"], json!({"every_weeks": 1, "on": "Tuesday"}));
    assert!(
        stderr.contains(
            "fit: patches: every week on Tuesdays, counted from each line's release (3 of 3 \
             patches within 2 days)\n"
        ),
        "{stderr}"
    );
}

#[test]
fn a_failed_write_leaves_the_old_file() {
    let scratch = Scratch::new("git-write");
    let repo = repository(
        &scratch,
        &[
            ("v1.0.0", "2025-09-09", true),
            ("1.0.0", "2025-09-10", false),
        ],
    );
    let target = scratch.path_to("policy.json");
    std::fs::write(&target, "old").unwrap();
    // The tags contradict each other: nothing is written.
    let output = kestra_flat(&["policy", "--git", &repo, "--write", &target])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    let left: Vec<_> = std::fs::read_dir(scratch.path()).unwrap().collect();
    assert_eq!(left.len(), 2, "{left:?}");
    // A directory that does not exist: an error, and no file anywhere.
    let nowhere = scratch.path_to("missing/policy.json");
    let output = kestra_flat(&["policy", "--write", &nowhere])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!Path::new(&nowhere).exists());
}
