//! The configurations the answers feed: Renovate's base branches,
//! Dependabot's updates and a GitHub Actions matrix of the supported
//! lines, each read back the way its tool reads it.

use yaml_rust2::YamlLoader;

use super::catalog::{commands, formats};
use super::{kestra_flat, stdout_of};

/// On 2026-11-01 the test policy's targets are 2.0 (latest, LTS) and 1.3
/// (LTS): 2.1 comes on 2026-11-10.
const ON: [&str; 2] = ["--on", "2026-11-01"];

fn targets(format: &[&str]) -> String {
    stdout_of(&[&["backport-targets"][..], &ON, format].concat(), 0)
}

#[test]
fn renovate_gets_the_target_branches() {
    let fragment: serde_json::Value =
        serde_json::from_str(&targets(&["--format", "renovate"])).unwrap();
    assert_eq!(
        fragment,
        serde_json::json!({"baseBranches": ["releases/v2.0.x", "releases/v1.3.x"]})
    );
}

#[test]
fn dependabot_gets_one_update_per_target_branch() {
    let file = targets(&[
        "--format",
        "dependabot",
        "--ecosystem",
        "maven",
        "--branch",
        "'{major}.{minor}'\"x",
    ]);
    let documents = YamlLoader::load_from_str(&file).unwrap();
    let config = &documents[0];
    // What Dependabot requires of version 2: version, and for each update
    // package-ecosystem, directory and schedule.interval.
    assert_eq!(config["version"].as_i64(), Some(2));
    let updates = config["updates"].as_vec().unwrap();
    let branches: Vec<&str> = updates
        .iter()
        .map(|update| {
            assert_eq!(update["package-ecosystem"].as_str(), Some("maven"));
            assert_eq!(update["directory"].as_str(), Some("/"));
            assert_eq!(update["schedule"]["interval"].as_str(), Some("weekly"));
            update["target-branch"].as_str().unwrap()
        })
        .collect();
    // A template's quotes reach the file as the branch's own characters.
    assert_eq!(branches, ["'2.0'\"x", "'1.3'\"x"]);
    // Before the first release there is no target: an empty list.
    let none = stdout_of(
        &[
            "backport-targets",
            "--on",
            "2025-01-01",
            "--format",
            "dependabot",
            "--ecosystem",
            "npm",
        ],
        0,
    );
    let documents = YamlLoader::load_from_str(&none).unwrap();
    assert!(
        documents[0]["updates"].as_vec().unwrap().is_empty(),
        "{none}"
    );
}

#[test]
fn dependabot_needs_its_ecosystem_and_only_it_takes_one() {
    for (args, message) in [
        (
            &["--format", "dependabot"][..],
            "--format dependabot needs --ecosystem, the package ecosystem of its updates (e.g. \
             maven, npm, pip, docker, github-actions)",
        ),
        (
            &["--ecosystem", "maven"],
            "--ecosystem is for --format dependabot",
        ),
        (
            &["--format", "dependabot", "--ecosystem", "Maven: x"],
            "--ecosystem \"Maven: x\": a Dependabot package ecosystem is lowercase letters, \
             digits and '-', like maven or github-actions",
        ),
    ] {
        kestra_flat(&[&["backport-targets"][..], args].concat())
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("error: {message}\n"));
    }
}

#[test]
fn the_supported_lines_as_a_test_matrix() {
    let matrix: serde_json::Value = serde_json::from_str(&stdout_of(
        &[
            "supported",
            "--on",
            "2026-11-01",
            "--format",
            "github-matrix",
        ],
        0,
    ))
    .unwrap();
    assert_eq!(
        matrix,
        serde_json::json!({"include": [
            {"line": "2.0", "branch": "releases/v2.0.x"},
            {"line": "1.3", "branch": "releases/v1.3.x"},
        ]})
    );
    let before = stdout_of(
        &[
            "supported",
            "--on",
            "2025-01-01",
            "--format",
            "github-matrix",
        ],
        0,
    );
    assert_eq!(before, "{\"include\":[]}\n");
}

/// The note every recipe gives on stderr when it lists `line`, due on
/// `due`, which the embedded history (complete up to 2026-09-18) does not.
fn projected_note(line: &str, due: &str) -> String {
    format!(
        "note: {line} (due {due}) is projected by the policy's rules, not recorded: its history \
         is complete up to 2026-09-18; --git DIR or --endoflife FILE gives the facts, and \
         --recorded leaves projected lines out\n"
    )
}

#[test]
fn a_projected_line_is_marked_where_a_recipe_can_and_noted_for_every_one() {
    // 2026-12-01: 2.1, due 2026-09-08 + 2 months = 11-08, a Sunday, so
    // Tuesday 11-10, is the latest by the rules; 2.0 and 1.3 are recorded.
    let answer = |args: &[&str]| super::printed_by_yes(args, super::asked_on_2026_12_01(args));
    let expected_matrix = serde_json::json!({"include": [
        {"line": "2.1", "branch": "releases/v2.1.x", "projected": true},
        {"line": "2.0", "branch": "releases/v2.0.x"},
        {"line": "1.3", "branch": "releases/v1.3.x"},
    ]});
    for command in commands().filter(|command| formats(command).contains(&"github-matrix")) {
        let (matrix, note) = answer(&[command, "--format", "github-matrix"]);
        let matrix: serde_json::Value = serde_json::from_str(&matrix).unwrap();
        assert_eq!(matrix, expected_matrix, "{command}");
        assert_eq!(note, projected_note("2.1", "2026-11-10"), "{command}");
    }
    // The other recipes have no field for it: stderr alone says so.
    let (backportrc, note) = answer(&["backport-targets", "--format", "backportrc"]);
    let backportrc: serde_json::Value = serde_json::from_str(&backportrc).unwrap();
    assert_eq!(
        backportrc["targetBranchChoices"][0],
        serde_json::json!({"name": "releases/v2.1.x", "checked": true})
    );
    assert_eq!(note, projected_note("2.1", "2026-11-10"));
    let (renovate, note) = answer(&["backport-targets", "--format", "renovate"]);
    assert!(renovate.contains("\"releases/v2.1.x\""), "{renovate}");
    assert_eq!(note, projected_note("2.1", "2026-11-10"));
    let (dependabot, note) = answer(&[
        "backport-targets",
        "--format",
        "dependabot",
        "--ecosystem",
        "cargo",
    ]);
    assert!(
        dependabot.contains("target-branch: \"releases/v2.1.x\""),
        "{dependabot}"
    );
    assert_eq!(note, projected_note("2.1", "2026-11-10"));
    // A day still to come too: a job checks out the branches now. On the
    // day 2.3 is due, 2027-03-09 (the third LTS line after 2.0), the
    // targets are 2.3 and 2.0 (LTS to 2027-09-08); 1.3 ended on its
    // announced 2027-03-03, 2.2 (2027-01-12) with 2.3's release.
    let (matrix, note) = answer(&[
        "backport-targets",
        "--latest",
        "2.3",
        "--format",
        "github-matrix",
    ]);
    assert_eq!(
        matrix,
        "{\"include\":[{\"line\":\"2.3\",\"branch\":\"releases/v2.3.x\",\"projected\":true},\
         {\"line\":\"2.0\",\"branch\":\"releases/v2.0.x\"}]}\n"
    );
    assert_eq!(note, projected_note("2.3", "2027-03-09"));
    // With --recorded no projected line is listed, and nothing is noted.
    let (matrix, note) = answer(&[
        "backport-targets",
        "--recorded",
        "--format",
        "github-matrix",
    ]);
    assert_eq!(
        matrix,
        "{\"include\":[{\"line\":\"2.0\",\"branch\":\"releases/v2.0.x\"},\
         {\"line\":\"1.3\",\"branch\":\"releases/v1.3.x\"}]}\n"
    );
    assert_eq!(note, "");
}

#[test]
fn tags_for_gives_the_tags_a_version_takes_and_tag_reads_them_back() {
    // The embedded policy on 2026-11-01: 2.0 latest and latest-lts, its weekly
    // patches since 2026-09-08 making 2.0.7 the newest (Sep 15 .. Oct 27).
    let args = ["tags-for", "2.0.7", "--on", "2026-11-01"];
    assert_eq!(embedded_stdout(&args), "latest\nlatest-lts\n2.0\n");
    for tag in ["latest", "latest-lts", "2.0"] {
        assert_eq!(
            embedded_stdout(&["tag", tag, "--on", "2026-11-01"]),
            "2.0.7\n"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&embedded_stdout(&[&args[..], &["--json"]].concat())).unwrap();
    assert_eq!(
        json["tags"],
        serde_json::json!(["latest", "latest-lts", "2.0"])
    );
    assert_eq!(
        embedded_stdout(&[&args[..], &["--format", "csv"]].concat()),
        "tag\nlatest\nlatest-lts\n2.0\n"
    );
    // An older patch moves no tag, and says nothing: exit 0.
    assert_eq!(
        embedded_stdout(&["tags-for", "2.0.6", "--on", "2026-11-01"]),
        ""
    );
    super::embedded(&["tags-for", "2.0", "--on", "2026-11-01"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: VERSION: tags-for takes a whole version, with its patch number, like 2.0.12, \
             not \"2.0\"\n",
        );
}

#[test]
fn a_policy_names_its_own_tags_and_tag_reads_them() {
    // Kestra's policy with the tags kestra-io/kestra#12999 asks for, and
    // the image's line tags (`v2.0`).
    let scratch = super::Scratch::new("own-tags");
    let path = scratch.join("kestra.json");
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("examples/kestra.json").unwrap()).unwrap();
    file["tags"] = serde_json::json!([
        {"name": "lts-v{major}.{minor}", "lts_only": true},
        {"name": "v{major}.{minor}"}
    ]);
    std::fs::write(&path, file.to_string()).unwrap();
    let policy = path.to_str().unwrap();
    // 2026-11-01: 2.0 (LTS) is latest, 2.0.7 its newest (as above).
    let args = [
        "--policy",
        policy,
        "tags-for",
        "2.0.7",
        "--on",
        "2026-11-01",
    ];
    assert_eq!(
        embedded_stdout(&args),
        "latest\nlatest-lts\n2.0\nlts-v2.0\nv2.0\n"
    );
    for tag in ["lts-v2.0", "v2.0"] {
        assert_eq!(
            embedded_stdout(&["--policy", policy, "tag", tag, "--on", "2026-11-01"]),
            "2.0.7\n"
        );
    }
    // 2.1, out 2026-11-10, is no LTS line: its tags are its line's alone.
    let args = [
        "--policy",
        policy,
        "tags-for",
        "2.1.0",
        "--on",
        "2026-11-10",
    ];
    assert_eq!(embedded_stdout(&args), "latest\n2.1\nv2.1\n");
    super::embedded(&["--policy", policy, "tag", "lts-v2.1", "--on", "2026-11-10"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "tag lts-v2.1 points to no version on 2026-11-10: 2.1 is not an LTS line, and this \
             tag names LTS lines alone\n",
        );
    // The policy, written back, keeps them.
    let written = embedded_stdout(&["--policy", policy, "policy"]);
    assert!(
        written.contains(
            "\"tags\": [\n    {\"name\": \"lts-v{major}.{minor}\", \"lts_only\": true},\n    \
             {\"name\": \"v{major}.{minor}\"}\n  ],"
        ),
        "{written}"
    );
}

/// stdout of the embedded policy's answer, which must be a yes with
/// nothing on stderr.
fn embedded_stdout(args: &[&str]) -> String {
    let output = super::embedded(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
    assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}
