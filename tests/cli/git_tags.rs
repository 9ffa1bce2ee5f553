//! Facts from a git repository's tags (`--git`): the answers a history
//! in a file gives, up to the day the repository's newest commit says its
//! facts go, with every tag that is no release of the policy left out and
//! said so.

use std::process::Command as Process;

use serde_json::{Value, json};

use super::git_repository::{KESTRA_TAGS, git, git_at, repository};
use super::{
    Scratch, error_of, fields, fit_of_tags, history_lines, json_of, kestra_flat, kestra_flat_rules,
    merged,
};

/// The same facts, written in a policy's history.
fn kestra_tags_as_history() -> Value {
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
    let rules = kestra_flat_rules(&scratch, "rules.json", flags, json!({}));
    // The repository is complete up to its newest commit, v1.3.1's on
    // 2026-03-10, whatever day is asked about (next-patch asks about today).
    let written = kestra_flat_rules(
        &scratch,
        "written.json",
        kestra_tags_as_history(),
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
            kestra_flat(&args).output().unwrap()
        };
        let from_file = {
            let mut args = command.to_vec();
            args.extend(["--policy", &written, "--json"]);
            kestra_flat(&args).output().unwrap()
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
    let rules = kestra_flat_rules(
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
    let (draft, _) = fit_of_tags(&repo);
    let fitted: Value = serde_json::from_str(&draft).unwrap();
    assert_eq!(fitted["history_as_of"], "2024-03-19");
    // One step to fit the releases on, 0.19 to 0.20, 63 days: too few to
    // say, the simplest rule, every 2 months.
    assert_eq!(fitted["releases"], json!({"every_months": 2}));
    let policy = scratch.path_to("fitted.json");
    std::fs::write(&policy, &draft).unwrap();
    // Asked today, the tests' day, 2026-09-07, the answer says so.
    let answer = kestra_flat(&["supported", "--policy", &policy])
        .output()
        .unwrap();
    assert_eq!(answer.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(answer.stderr).unwrap(),
        tags_of_2024_look_old("2026-09-07")
    );
    // Within two intervals of 2024-03-19 nothing is said; after, the day
    // asked is named.
    let rules = kestra_flat_rules(
        &scratch,
        "rules.json",
        json!([{"line": "0.19", "released": "2024-01-09", "lts": true}]),
        json!({}),
    );
    let on = |day: &str| {
        let args = ["supported", "--on", day, "--git", &repo, "--policy", &rules];
        String::from_utf8(kestra_flat(&args).output().unwrap().stderr).unwrap()
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
    let rules = kestra_flat_rules(
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
    assert_eq!(history_lines(&file), ["1.0", "1.1"]);
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
