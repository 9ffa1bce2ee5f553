//! Facts from where releases are recorded: real git repositories made for
//! each test (commits and tags with fixed dates, through the `git`
//! program), and endoflife.date answers made from its real records
//! (tests/data/endoflife, both API forms).

use std::path::Path;
use std::process::Command as Process;

use serde_json::{Value, json};

use super::{Scratch, json_of, lts_policy};

/// Runs git in `dir` with the date `day` at noon UTC, isolated from the
/// machine's configuration; panics, saying so, when git is not installed.
fn git(dir: &str, day: &str, args: &[&str]) {
    let at = format!("{day}T12:00:00+00:00");
    let output = Process::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false"])
        .args(["-c", "init.defaultBranch=main"])
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_DATE", &at)
        .env("GIT_COMMITTER_DATE", &at)
        .output()
        .unwrap_or_else(|err| {
            panic!("these tests make git repositories: install git (running it failed: {err})")
        });
    assert!(output.status.success(), "git {args:?}: {output:?}");
}

/// A repository in `scratch` with, for each `(tag, day, annotated)`, a
/// commit on that day and the tag on it.
fn repository(scratch: &Scratch, tags: &[(&str, &str, bool)]) -> String {
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

/// Kestra's rules (the first form) over a history of `history`, with
/// `extra` fields.
fn kestra_rules(scratch: &Scratch, name: &str, history: Value, extra: Value) -> String {
    let mut file: Value =
        serde_json::from_str(&std::fs::read_to_string(super::KESTRA_FLAT).unwrap()).unwrap();
    file["history"] = history;
    for (key, value) in extra.as_object().unwrap() {
        file[key] = value.clone();
    }
    let path = scratch.path_to(name);
    std::fs::write(&path, file.to_string()).unwrap();
    path
}

/// Kestra's lines to 1.3 as tags: annotated and lightweight, with and
/// without `v`, and tags that are no release.
const KESTRA_TAGS: &[(&str, &str, bool)] = &[
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

/// The same facts, written in a policy's history.
fn kestra_history() -> Value {
    json!([
        {"line": "1.0", "released": "2025-09-09", "lts": true,
         "patches": [{"version": "1.0.1", "released": "2025-09-16"}]},
        {"line": "1.1", "released": "2025-11-04", "lts": false},
        {"line": "1.2", "released": "2026-01-13",
         "patches": [{"version": "1.2.1", "released": "2026-01-20"}]},
        {"line": "1.3", "released": "2026-03-03",
         "patches": [{"version": "1.3.1", "released": "2026-03-10"}]}
    ])
}

#[test]
fn tags_give_the_answers_the_same_history_in_a_file_gives() {
    let scratch = Scratch::new("git-answers");
    let repo = repository(&scratch, KESTRA_TAGS);
    // The file declares the LTS flags; the tags bring the lines and patches.
    let flags = json!([
        {"line": "1.0", "released": "2025-09-09", "lts": true},
        {"line": "1.1", "released": "2025-11-04", "lts": false}
    ]);
    let rules = kestra_rules(&scratch, "rules.json", flags, json!({}));
    // The repository is complete up to its newest commit, v1.3.1's on
    // 2026-03-10, whatever day is asked about (next-patch asks about today).
    let written = kestra_rules(
        &scratch,
        "written.json",
        kestra_history(),
        json!({"history_as_of": "2026-03-10"}),
    );
    for command in [
        &["supported", "--on", "2026-03-20"][..],
        &["status", "1.1.4", "--on", "2026-03-20"],
        &["releases", "--on", "2026-03-20", "--to", "2027-12-31"],
        &["backport-targets", "--on", "2026-03-20", "--branch"],
        &["audit", "--on", "2026-03-20", "--projected"],
        &["next-patch", "--after", "2026-03-20"],
    ] {
        let from_tags = {
            let mut args = command.to_vec();
            args.extend(["--git", &repo, "--policy", &rules, "--json"]);
            lts_policy(&args).output().unwrap()
        };
        let from_file = {
            let mut args = command.to_vec();
            args.extend(["--policy", &written, "--json"]);
            lts_policy(&args).output().unwrap()
        };
        assert_eq!(
            from_tags.status.code(),
            from_file.status.code(),
            "{command:?}"
        );
        assert_eq!(
            String::from_utf8_lossy(&from_tags.stdout),
            String::from_utf8_lossy(&from_file.stdout),
            "{command:?}"
        );
    }
    // 1.3.1 is the newest tag of 1.3; the Tuesday after it, 03-17, adds 1.3.2.
    let supported = json_of(
        &[
            "supported",
            "--on",
            "2026-03-20",
            "--git",
            &repo,
            "--policy",
            &rules,
        ],
        0,
    );
    assert_eq!(supported["lines"][0]["latest_patch"], "1.3.2");
    assert_eq!(supported["lines"][0]["source"]["released"], "history");
}

/// Lines 1.3 and 1.4 as `releases --on 2026-06-01` dates them with the
/// tags of `repo` over Kestra's rules: each line's release and whether it
/// is overdue.
fn around_one_four(scratch: &Scratch, repo: &str) -> Vec<[Value; 3]> {
    let rules = kestra_rules(
        scratch,
        "rules.json",
        json!([{"line": "1.0", "released": "2025-09-09", "lts": true}]),
        json!({}),
    );
    let releases = json_of(
        &[
            "releases",
            "--on",
            "2026-06-01",
            "--from",
            "2026-03-01",
            "--to",
            "2026-07-01",
            "--git",
            repo,
            "--policy",
            &rules,
        ],
        0,
    );
    fields(&releases, ["line", "released", "overdue"])
}

/// 1.4 after 1.3 (2026-03-03), when the repository is complete up to a day
/// after 2026-05-05: due then, it did not come, so it is overdue, projected
/// on the first Tuesday after 06-01, 06-02.
fn one_four_overdue() -> Vec<[Value; 3]> {
    vec![
        [json!("1.3"), json!("2026-03-03"), json!(false)],
        [json!("1.4"), json!("2026-06-02"), json!(true)],
    ]
}

#[test]
fn the_repository_says_how_far_its_facts_go_not_the_day_asked() {
    // The tags end with v1.3.1 (2026-03-10), the newest commit: 1.4, due
    // 2026-03-03 + 2 months = 2026-05-03, a Sunday, so Tuesday 05-05, is
    // after that day: a projection, even asked about 2026-06-01.
    let scratch = Scratch::new("git-as-of");
    let repo = repository(&scratch, KESTRA_TAGS);
    assert_eq!(
        around_one_four(&scratch, &repo),
        [
            [json!("1.3"), json!("2026-03-03"), json!(false)],
            [json!("1.4"), json!("2026-05-05"), json!(false)],
        ]
    );
    // Fetched on 2026-06-01 with no new tag: the repository says there was
    // none by then.
    let fetched = Scratch::new("git-as-of-fetched");
    let clone = fetched.path_to("clone");
    git(
        fetched.path(),
        "2026-06-01",
        &["clone", "-q", &repo, &clone],
    );
    git(&clone, "2026-06-01", &["fetch", "-q", "origin"]);
    let fetch_head = format!("{clone}/.git/FETCH_HEAD");
    // 2026-06-01 at noon UTC: 20605 days after 1970-01-01, 2026-01-01 being
    // day 20454 (151 days on: 31 + 28 + 31 + 30 + 31), plus 43200 seconds.
    let noon = std::time::UNIX_EPOCH + std::time::Duration::from_secs(20_605 * 86_400 + 43_200);
    std::fs::File::options()
        .write(true)
        .open(&fetch_head)
        .unwrap()
        .set_modified(noon)
        .unwrap();
    assert_eq!(around_one_four(&fetched, &clone), one_four_overdue());
    // Or a commit on a branch that day, without a tag.
    git(
        &repo,
        "2026-06-01",
        &["commit", "-q", "--allow-empty", "-m", "work"],
    );
    assert_eq!(around_one_four(&scratch, &repo), one_four_overdue());
    // A commit dated after today (the tests' day, 2026-09-07) is a clock's
    // error: the repository is complete up to today at most.
    git(
        &repo,
        "2026-12-01",
        &["commit", "-q", "--allow-empty", "-m", "skew"],
    );
    let rules = scratch.path_to("rules.json");
    let (printed, _) = merged(&["--git", &repo, "--policy", &rules]);
    let file: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(file["history_as_of"], "2026-09-07");
}

/// A project whose tags stopped in 2024: 0.19.0 (2024-01-09), 0.20.0
/// (2024-03-12), 0.20.1 (2024-03-19).
const TAGS_OF_2024: &[(&str, &str, bool)] = &[
    ("v0.19.0", "2024-01-09", true),
    ("v0.20.0", "2024-03-12", true),
    ("v0.20.1", "2024-03-19", false),
];

/// The note that the facts of [`TAGS_OF_2024`] look old on `day`, under a
/// release every 2 months: 2024-03-19 + 2 * 2 months = 2024-07-19.
fn tags_of_2024_look_old(day: &str) -> String {
    format!(
        "note: the facts look old: the newest release the history records came out on \
         2024-03-19, more than two release intervals (4 months) before {day}\n"
    )
}

#[test]
fn tags_two_years_old_are_said_to_be_old() {
    let scratch = Scratch::new("git-old");
    let repo = repository(&scratch, TAGS_OF_2024);
    // The fit writes the repository's day, its newest commit's, not today's.
    let output = super::embedded(&["policy", "--fit", "--git", &repo])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let fitted: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(fitted["history_as_of"], "2024-03-19");
    // One step to fit the releases on, 0.19 to 0.20, 63 days: too few to
    // say, the simplest rule, every 2 months.
    assert_eq!(fitted["releases"], json!({"every_months": 2}));
    let policy = scratch.path_to("fitted.json");
    std::fs::write(&policy, &output.stdout).unwrap();
    // Asked today, the tests' day, 2026-09-07, the answer says so.
    let answer = lts_policy(&["supported", "--policy", &policy])
        .output()
        .unwrap();
    assert_eq!(answer.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(answer.stderr).unwrap(),
        tags_of_2024_look_old("2026-09-07")
    );
    // Within two intervals of 2024-03-19 nothing is said; after, the day
    // asked is named.
    let rules = kestra_rules(
        &scratch,
        "rules.json",
        json!([{"line": "0.19", "released": "2024-01-09", "lts": true}]),
        json!({}),
    );
    let on = |day: &str| {
        let args = ["supported", "--on", day, "--git", &repo, "--policy", &rules];
        String::from_utf8(lts_policy(&args).output().unwrap().stderr).unwrap()
    };
    assert_eq!(on("2024-07-19"), "");
    assert_eq!(on("2024-07-20"), tags_of_2024_look_old("2024-07-20"));
    // A day still to come is a projection by definition: the facts are
    // as old as they are today.
    assert_eq!(on("2030-01-01"), tags_of_2024_look_old("2026-09-07"));
    // A commit since, with no tag, makes the repository's facts reach that
    // day; its newest release is still two years old, and said so.
    git(
        &repo,
        "2026-09-01",
        &["commit", "-q", "--allow-empty", "-m", "work"],
    );
    let (printed, _) = merged(&["--git", &repo, "--policy", &rules]);
    let merged_file: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(merged_file["history_as_of"], "2026-09-01");
    assert_eq!(on("2026-09-07"), tags_of_2024_look_old("2026-09-07"));
}

#[test]
fn policy_with_git_writes_a_file_that_answers_alone() {
    let scratch = Scratch::new("git-policy");
    let repo = repository(&scratch, KESTRA_TAGS);
    let rules = kestra_rules(
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
            let output = lts_policy(&args).output().unwrap();
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
    let output = super::embedded(&["policy", "--fit", "--git", &repo])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let file: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(file["name"], "repo");
    // 1.0 to 1.3, as tagged: four lines, three steps to fit releases on.
    let lines: Vec<&str> = file["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["line"].as_str().unwrap())
        .collect();
    assert_eq!(lines, ["1.0", "1.1", "1.2", "1.3"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
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
    let output = lts_policy(&["policy", "--git", &repo, "--write", &target])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    let left: Vec<_> = std::fs::read_dir(scratch.path()).unwrap().collect();
    assert_eq!(left.len(), 2, "{left:?}");
    // A directory that does not exist: an error, and no file anywhere.
    let nowhere = scratch.path_to("missing/policy.json");
    let output = lts_policy(&["policy", "--write", &nowhere])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!Path::new(&nowhere).exists());
}

/// The fields `keys` of each line of a JSON answer.
fn fields(answer: &Value, keys: [&str; 3]) -> Vec<[Value; 3]> {
    answer["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| keys.map(|key| line[key].clone()))
        .collect()
}

/// The merged policy `policy` prints (exit 0), and what it says on stderr
/// of the facts it left out.
#[track_caller]
fn merged(args: &[&str]) -> (String, String) {
    let mut all = vec!["policy"];
    all.extend(args);
    let output = lts_policy(&all).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{all:?}: {output:?}");
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The one error line of a run that must exit 2 with nothing on stdout.
#[track_caller]
fn error_of(args: &[&str], path: Option<&str>) -> String {
    let mut command = lts_policy(args);
    if let Some(path) = path {
        command.env("PATH", path);
    }
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    assert!(output.stdout.is_empty(), "{args:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

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

#[test]
fn a_tag_prefix_selects_the_releases_of_one_product() {
    let scratch = Scratch::new("git-prefix");
    let repo = repository(
        &scratch,
        &[
            ("kestra-1.0.0", "2025-09-09", true),
            ("plugin-2.0.0", "2025-10-01", true),
            ("kestra-v1.1.0", "2025-11-04", false),
        ],
    );
    let rules = kestra_rules(
        &scratch,
        "rules.json",
        json!([{"line": "1.0", "released": "2025-09-09", "lts": true}]),
        json!({"tag_prefix": "kestra-"}),
    );
    let (text, left_out) = merged(&["--git", &repo, "--policy", &rules]);
    // policy says what was left out.
    assert_eq!(
        left_out,
        format!(
            "--git {repo}: left plugin-2.0.0 out: not of the policy's tag_prefix
"
        )
    );
    let file: Value = serde_json::from_str(&text).unwrap();
    let lines: Vec<&str> = file["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["line"].as_str().unwrap())
        .collect();
    assert_eq!(lines, ["1.0", "1.1"]);
    assert_eq!(file["tag_prefix"], "kestra-");
    let other = Scratch::new("git-prefix-none");
    let repo = repository(&other, &[("v1.0.0", "2025-09-09", true)]);
    assert_eq!(
        error_of(&["supported", "--git", &repo, "--policy", &rules], None),
        format!(
            "error: --git {repo}: no tag is a release: looked for tags named \
             kestra-MAJOR.MINOR.PATCH or kestra-vMAJOR.MINOR.PATCH\n"
        )
    );
}

#[test]
fn a_shallow_checkout_with_its_tags_reads_the_same() {
    let scratch = Scratch::new("git-shallow");
    let repo = repository(&scratch, KESTRA_TAGS);
    let shallow = scratch.path_to("shallow");
    let source = format!("file://{repo}");
    git(
        scratch.path(),
        "2026-03-20",
        &["clone", "-q", "--depth", "1", &source, &shallow],
    );
    git(
        &shallow,
        "2026-03-20",
        &[
            "fetch",
            "-q",
            "--depth",
            "1",
            "origin",
            "+refs/tags/*:refs/tags/*",
        ],
    );
    assert_eq!(merged(&["--git", &shallow]).0, merged(&["--git", &repo]).0);
}

#[test]
fn endoflife_answers_in_both_forms_say_the_same() {
    let rules = "tests/data/quarkus-rules.json";
    let on = "2026-08-22";
    let answer = |file: &str| {
        let args = [
            "supported",
            "--on",
            on,
            "--policy",
            rules,
            "--endoflife",
            file,
        ];
        fields(&json_of(&args, 0), ["line", "eol", "roles"])
    };
    let list = answer("tests/data/endoflife/quarkus.json");
    assert_eq!(list, answer("tests/data/endoflife/quarkus-v1.json"));
    // From the records, whose ends are their last days: 3.38 (2026-07-29)
    // until 3.39, due the last Wednesday of August, 08-26; 3.33 LTS until
    // its recorded end, 2027-03-25, so not on 03-26; 3.27 LTS until
    // 2026-09-24, so not on 09-25.
    assert_eq!(
        list,
        [
            [json!("3.38"), json!("2026-08-26"), json!(["latest"])],
            [json!("3.33"), json!("2027-03-26"), json!(["latest-lts"])],
            [json!("3.27"), json!("2026-09-25"), json!(["previous-lts"])],
        ]
    );
    // The list form is complete up to its newest date, 3.38's latest,
    // 3.38.3 (2026-08-19); the v1 form up to the day it was generated.
    let as_of = |file: &str| {
        let (text, _) = merged(&["--policy", rules, "--endoflife", file]);
        let file: Value = serde_json::from_str(&text).unwrap();
        file["history_as_of"].clone()
    };
    assert_eq!(as_of("tests/data/endoflife/quarkus.json"), "2026-08-19");
    assert_eq!(as_of("tests/data/endoflife/quarkus-v1.json"), "2026-08-22");
    // Quarkus's first cycles, 0 and 1, are no MAJOR.MINOR lines, and older.
    let (_, left_out) = merged(&[
        "--policy",
        rules,
        "--endoflife",
        "tests/data/endoflife/quarkus.json",
    ]);
    assert_eq!(
        left_out,
        "--endoflife tests/data/endoflife/quarkus.json: left 1 out: numbered otherwise than the \
         policy's lines, and older than all of them\n\
         --endoflife tests/data/endoflife/quarkus.json: left 0 out: numbered otherwise than the \
         policy's lines, and older than all of them\n"
    );
}

#[test]
fn an_endoflife_answer_on_stdin() {
    let answer = std::fs::read("tests/data/endoflife/gitlab.json").unwrap();
    let output = lts_policy(&[
        "supported",
        "--on",
        "2026-08-22",
        "--policy",
        "examples/gitlab.json",
        "--endoflife",
        "-",
        "--format",
        "plain",
    ])
    .write_stdin(answer)
    .output()
    .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "19.3\n19.2\n19.1\n"
    );
}

#[test]
fn bad_endoflife_answers_are_one_error_line() {
    // Node.js's majors are no lines of a policy of minor lines: the newest,
    // 26, is named.
    assert_eq!(
        error_of(
            &[
                "supported",
                "--policy",
                "tests/data/quarkus-rules.json",
                "--endoflife",
                "tests/data/endoflife/nodejs.json"
            ],
            None
        ),
        "error: --endoflife tests/data/endoflife/nodejs.json: endoflife.date answer: cycle \
         \"26\" is not a line of this policy, whose lines are MAJOR.MINOR\n"
    );
    assert_eq!(
        error_of(
            &["supported", "--endoflife", "tests/data/not-json.json"],
            None
        ),
        // Line 3 ends without a comma: serde_json stops at line 4's first `"`.
        "error: --endoflife tests/data/not-json.json: expected `,` or `}` at line 4 column 3\n"
    );
    assert_eq!(
        error_of(
            &["supported", "--endoflife", "tests/data/missing.json"],
            None
        ),
        "error: cannot read endoflife.date answer tests/data/missing.json: No such file or \
         directory (os error 2)\n"
    );
}

/// Runs the binary with `args` in `dir` with the environment variables
/// `vars` set; its exit code, stdout and stderr.
fn run_with(dir: &str, vars: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String, String) {
    let mut command = lts_policy(args);
    command.current_dir(dir);
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The lines of the history `policy` prints when run in `dir` with `vars`.
fn merged_lines(dir: &str, vars: &[(&str, &str)], args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.push("policy");
    let (code, stdout, stderr) = run_with(dir, vars, &all);
    assert_eq!((code, stderr.as_str()), (Some(0), ""), "{vars:?}");
    let file: Value = serde_json::from_str(&stdout).unwrap();
    file["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["line"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_callers_git_environment_does_not_replace_the_repository_asked_for() {
    let scratch = Scratch::new("git-env");
    let asked = repository(&scratch, &[("v1.0.0", "2025-09-09", true)]);
    let other_scratch = Scratch::new("git-env-other");
    let other = repository(&other_scratch, &[("v5.0.0", "2026-10-01", true)]);
    let other_git = format!("{other}/.git");
    let rules = kestra_rules(
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
fn a_source_of_facts_is_given_once() {
    let scratch = Scratch::new("git-twice");
    let repo = repository(&scratch, &[("v1.0.0", "2025-09-09", true)]);
    assert_eq!(
        error_of(
            &["--git", &repo, "tag", "1.0", "--git", "/nonexistent"],
            None
        ),
        "error: --git is given twice, before and after the command: one source of facts at a \
         time\n"
    );
    let answer = "tests/data/endoflife/quarkus.json";
    assert_eq!(
        error_of(
            &["--endoflife", answer, "supported", "--endoflife", answer],
            None
        ),
        "error: --endoflife is given twice, before and after the command: one source of facts \
         at a time\n"
    );
    assert_eq!(
        error_of(&["--git", &repo, "supported", "--endoflife", answer], None),
        "error: --git and --endoflife cannot be used together: one source of facts at a time\n"
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

/// Runs git in `dir` with the committer (and tagger) date `when`, any date
/// git takes (`@SECONDS +0000`).
fn git_at(dir: &str, when: &str, args: &[&str]) {
    let output = Process::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(["-c", "tag.gpgSign=false", "-c", "advice.nestedTag=false"])
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_COMMITTER_DATE", when)
        .output()
        .unwrap();
    assert!(output.status.success(), "git {args:?}: {output:?}");
}

#[test]
fn every_tag_left_out_is_said_and_a_date_no_policy_holds_names_its_tag() {
    let scratch = Scratch::new("git-objects");
    let repo = repository(&scratch, &[("v1.0.0", "2025-09-09", true)]);
    let noon = "@1757419200 +0000";
    git_at(&repo, noon, &["tag", "v3.0.0", "HEAD^{tree}"]);
    let blob = Process::new("git")
        .args(["-C", &repo, "hash-object", "-w", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().unwrap().write_all(b"a blob")?;
            child.wait_with_output()
        })
        .unwrap();
    let blob = String::from_utf8(blob.stdout).unwrap();
    git_at(&repo, noon, &["tag", "v3.1.0", blob.trim()]);
    git_at(
        &repo,
        noon,
        &["tag", "-a", "v4.0.0", "-m", "a tree", "HEAD^{tree}"],
    );
    let (_, left_out) = merged(&["--git", &repo]);
    assert_eq!(
        left_out,
        format!(
            "--git {repo}: left v3.0.0 out: a tag of a tree, not of a commit\n\
             --git {repo}: left v3.1.0 out: a tag of a blob, not of a commit\n\
             --git {repo}: left v4.0.0 out: an annotated tag of a tree, not of a commit\n"
        )
    );
    // A tagger date of 10000-01-01 (253402300800 seconds), and one past
    // any date: errors that name their tag.
    git_at(
        &repo,
        "@253402300800 +0000",
        &["tag", "-a", "v5.0.0", "-m", "far", "HEAD"],
    );
    assert_eq!(
        error_of(&["supported", "--git", &repo], None),
        format!(
            "error: --git {repo}: tag v5.0.0 is dated +10000-01-01, outside the years 0000 to \
             9999 that a policy's dates are written in\n"
        )
    );
    git_at(&repo, noon, &["tag", "-d", "v5.0.0"]);
    git_at(
        &repo,
        "@99999999999999999 +0000",
        &["tag", "-a", "v6.0.0", "-m", "farther", "HEAD"],
    );
    assert_eq!(
        error_of(&["supported", "--git", &repo], None),
        format!(
            "error: --git {repo}: tag v6.0.0 is dated 99999999999999999 seconds after \
             1970-01-01, beyond any date\n"
        )
    );
}

/// A file in `scratch` holding `text`.
fn answer_file(scratch: &Scratch, name: &str, text: &str) -> String {
    let path = scratch.path_to(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs the binary on an endoflife.date answer in a shell whose address
/// space is limited to `kib` KiB; its exit code and stderr.
fn endoflife_within(kib: u64, answer: &str, rules: &str) -> (Option<i32>, String) {
    let output = Process::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {kib} && exec \"$0\" --policy \"$1\" --endoflife \"$2\" supported \
             --on 2026-08-22 >/dev/null"
        ))
        .arg(env!("CARGO_BIN_EXE_lts-policy"))
        .args([rules, answer])
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn an_endoflife_answer_is_read_in_bounded_memory() {
    let scratch = Scratch::new("eol-memory");
    let rules = "tests/data/quarkus-rules.json";
    // 8 MiB of empty arrays: once 1 GB; now refused at the first.
    let arrays = format!("[{}[]]", "[],".repeat((8 << 20) / 3 - 1));
    let nested = answer_file(&scratch, "arrays.json", &arrays);
    let (code, stderr) = endoflife_within(64 << 10, &nested, rules);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "error: --endoflife {nested}: endoflife.date answer: expected a cycle, an object, \
             got an array at line 1 column 3\n"
        )
    );
    // The v1 form, with a field the tool does not use full of them:
    // skipped, not built.
    let real = std::fs::read_to_string("tests/data/endoflife/quarkus-v1.json").unwrap();
    let padded = real.replacen(
        "{",
        &format!("{{\"x\": [{}[]],", "[],".repeat((7 << 20) / 3)),
        1,
    );
    let padded = answer_file(&scratch, "padded.json", &padded);
    let (code, stderr) = endoflife_within(64 << 10, &padded, rules);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn a_cycle_given_twice_is_refused_unless_it_says_the_same() {
    let scratch = Scratch::new("eol-twice");
    let rules = "tests/data/quarkus-rules.json";
    let cycle = |released: &str| {
        format!(r#"{{"cycle": "3.20", "releaseDate": "{released}", "lts": true}}"#)
    };
    let twice = answer_file(
        &scratch,
        "twice.json",
        &format!("[{}, {}]", cycle("2025-03-26"), cycle("2025-03-27")),
    );
    assert_eq!(
        error_of(
            &["supported", "--policy", rules, "--endoflife", &twice],
            None
        ),
        format!(
            "error: --endoflife {twice}: endoflife.date answer: cycle \"3.20\" is given twice, \
             saying different things; an answer lists each cycle once\n"
        )
    );
    let same = answer_file(
        &scratch,
        "same.json",
        &format!("[{}, {}]", cycle("2025-03-26"), cycle("2025-03-26")),
    );
    let (text, _) = merged(&["--policy", rules, "--endoflife", &same]);
    let file: Value = serde_json::from_str(&text).unwrap();
    let lines = file["history"].as_array().unwrap();
    assert_eq!(
        lines.iter().filter(|entry| entry["line"] == "3.20").count(),
        1
    );
}

#[test]
fn an_error_about_an_answer_stays_one_short_line() {
    let scratch = Scratch::new("eol-short");
    // An 8 MB releaseDate.
    let long = answer_file(
        &scratch,
        "long.json",
        &format!(
            r#"[{{"cycle": "3.20", "releaseDate": "{}"}}]"#,
            "9".repeat(8_000_000)
        ),
    );
    let stderr = error_of(&["supported", "--endoflife", &long], None);
    assert!(stderr.len() < 400, "{} bytes", stderr.len());
    assert!(
        stderr.starts_with(&format!(
            "error: --endoflife {long}: endoflife.date answer: cycle \"3.20\": releaseDate is not \
             a date YYYY-MM-DD: \"9999999999"
        )) && stderr.ends_with("…\n"),
        "{stderr}"
    );
    // Line and paragraph separators are escaped as the other controls are.
    let separators = answer_file(
        &scratch,
        "separators.json",
        "[{\"cycle\": \"3.20\", \"releaseDate\": \"x\u{2028}error: forged\u{2029}\"}]",
    );
    let stderr = error_of(&["supported", "--endoflife", &separators], None);
    assert!(
        stderr.ends_with("\"x\\u{2028}error: forged\\u{2029}\"\n"),
        "{stderr:?}"
    );
    // A string where an answer goes, quoted in part only.
    let string = answer_file(
        &scratch,
        "string.json",
        &format!("\"{}\"", "a".repeat(100_000)),
    );
    let stderr = error_of(&["supported", "--endoflife", &string], None);
    assert!(stderr.len() < 400, "{stderr}");
    // Empty or closed standard input, as when curl fails before the pipe.
    for stdin in ["", " \n"] {
        let output = lts_policy(&["supported", "--endoflife", "-"])
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: --endoflife -: standard input is empty; expected an endoflife.date answer\n"
        );
    }
    let closed = Process::new("sh")
        .arg("-c")
        .arg("exec \"$0\" supported --endoflife - <&-")
        .arg(env!("CARGO_BIN_EXE_lts-policy"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&closed.stderr),
        "error: --endoflife -: standard input is empty; expected an endoflife.date answer\n"
    );
    let empty = answer_file(&scratch, "empty.json", "");
    assert_eq!(
        error_of(&["supported", "--endoflife", &empty], None),
        format!(
            "error: --endoflife {empty}: the endoflife.date answer is empty; expected a list of \
             cycles, or {{\"result\": {{\"releases\": [...]}}}}\n"
        )
    );
}
