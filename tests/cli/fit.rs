//! `policy --fit`: a policy completed from its history, each rule saying on
//! stderr and in the comment what it rests on.

use super::{Scratch, embedded};

#[test]
fn a_draft_is_completed_from_endoflife_dates_history() {
    // The draft states what GitLab publishes of support; its releases are
    // left to endoflife.date's history: a line every month, the 3rd
    // Thursday since 2023 (65 of 65 steps within 7 days).
    let scratch = Scratch::new("fit-draft");
    let draft = scratch.join("draft.json");
    std::fs::write(
        &draft,
        r#"{"name": "gitlab", "support": {"until_next": 3}}"#,
    )
    .unwrap();
    let draft = draft.to_str().unwrap();
    let args = [
        "--policy",
        draft,
        "policy",
        "--fit",
        "--endoflife",
        "tests/data/endoflife/gitlab.json",
    ];
    let output = embedded(&args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stdout.contains("\n  \"releases\": {\"every_months\": 1, \"on\": \"3rd Thursday\"},\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n  \"support\": {\"until_next\": 3},\n"),
        "{stdout}"
    );
    assert!(
        stderr.contains(
            "fit: releases: every month, on the 3rd Thursday of the month (65 of 65 releases \
             within 7 days)\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "fit: support: until the 3rd line after it comes out (as the policy states it)\n"
        ),
        "{stderr}"
    );
    // The comment says the same, and the policy reads back.
    let policy: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let comment = policy["comment"].as_str().unwrap();
    assert!(
        comment.contains("releases: 65 of 65 releases within 7 days"),
        "{comment}"
    );
    let fitted = scratch.join("fitted.json");
    std::fs::write(&fitted, &stdout).unwrap();
    embedded(&["--policy", fitted.to_str().unwrap(), "supported"])
        .assert()
        .success();
    // --write writes the same policy.
    let written = scratch.join("written.json");
    let write = [&args[..], &["--write", written.to_str().unwrap()]].concat();
    embedded(&write).assert().success().stdout("");
    assert_eq!(std::fs::read_to_string(&written).unwrap(), stdout);
}

#[test]
fn a_draft_without_a_history_or_with_changes_is_refused() {
    let scratch = Scratch::new("fit-refused");
    let draft = scratch.join("draft.json");
    std::fs::write(&draft, r#"{"name": "x"}"#).unwrap();
    embedded(&["--policy", draft.to_str().unwrap(), "policy", "--fit"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: policy --fit: history: expected at least one released line\n");
    std::fs::write(
        &draft,
        r#"{"name": "x", "changes": [{"from": "1.1", "support": {"months": 3}}]}"#,
    )
    .unwrap();
    let path = draft.to_str().unwrap();
    embedded(&["--policy", path, "policy", "--fit"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: policy file {path}: changes: a draft's own rules are fitted to its whole \
             history: leave changes out, and add them to the fitted policy\n"
        ));
    embedded(&["policy", "--fit", "--check", path])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn without_a_policy_the_embedded_history_alone_is_fitted() {
    // Kestra's history: five lines, 1.0 (2025-09-09) to 2.0 (2026-09-08);
    // 1.4 never came, so "every 2 months" foresees 3 of the 4 releases.
    let output = embedded(&["policy", "--fit"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let releases = stderr
        .lines()
        .find(|line| line.starts_with("fit: releases: every 2 months"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        releases.ends_with("(3 of 4 releases within 7 days)"),
        "{releases}"
    );
}
