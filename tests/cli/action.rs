//! The GitHub Action (`action/`): its metadata as Actions reads it, and its
//! query step run here with the variables a runner sets pointing at
//! temporary files.

use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

use super::Scratch;

const INPUTS: [&str; 7] = ["policy", "git", "on", "since", "security", "tag", "scan"];

#[test]
fn the_action_is_a_composite_action_with_its_inputs_and_outputs() {
    let text = std::fs::read_to_string("action/action.yml").unwrap();
    let documents = YamlLoader::load_from_str(&text).unwrap();
    let action = &documents[0];
    // What Actions requires of action metadata: a name, a description, and
    // for a composite action its steps, each with a shell.
    assert!(action["name"].as_str().is_some());
    assert!(action["description"].as_str().is_some());
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let Yaml::Hash(inputs) = &action["inputs"] else {
        panic!("no inputs");
    };
    let names: Vec<&str> = inputs.keys().map(|key| key.as_str().unwrap()).collect();
    assert_eq!(names, INPUTS);
    for (name, input) in inputs {
        assert!(input["description"].as_str().is_some(), "{name:?}");
        assert!(input["default"].as_str().is_some(), "{name:?}");
    }
    for output in ["matrix", "supported", "version", "sarif"] {
        assert_eq!(
            action["outputs"][output]["value"].as_str(),
            Some(format!("${{{{ steps.answer.outputs.{output} }}}}").as_str())
        );
    }
    let steps = action["runs"]["steps"].as_vec().unwrap();
    for step in steps {
        assert_eq!(step["shell"].as_str(), Some("bash"), "{step:?}");
    }
    // The tool is built from the repository at the action's ref.
    assert_eq!(
        steps[0]["run"].as_str(),
        Some(
            "cargo install --locked --quiet --path \"$GITHUB_ACTION_PATH/..\" --root \
             \"$RUNNER_TEMP/lts-policy\""
        )
    );
    // The query step gets every input, and the tool just installed.
    let answer = &steps[1];
    assert_eq!(answer["id"].as_str(), Some("answer"));
    assert_eq!(
        answer["env"]["LTS_POLICY"].as_str(),
        Some("${{ runner.temp }}/lts-policy/bin/lts-policy")
    );
    for input in INPUTS {
        let variable = format!("INPUT_{}", input.to_uppercase());
        assert_eq!(
            answer["env"][variable.as_str()].as_str(),
            Some(format!("${{{{ inputs.{input} }}}}").as_str()),
            "{variable}"
        );
    }
}

/// What the query step left: its exit code, $GITHUB_OUTPUT,
/// $GITHUB_STEP_SUMMARY and its stderr, which the runner reads for
/// workflow commands.
struct Step {
    code: Option<i32>,
    output: String,
    summary: String,
    /// The SARIF file the `scan` input writes in $RUNNER_TEMP.
    sarif: String,
    stderr: String,
}

/// The query step run with `inputs`.
fn answer(name: &str, inputs: &[(&str, &str)]) -> Step {
    let scratch = Scratch::new(name);
    let (output, summary) = (scratch.join("output"), scratch.join("summary"));
    let mut step = Command::new("bash");
    step.arg("action/answer.sh")
        .env("LTS_POLICY", assert_cmd::cargo::cargo_bin("lts-policy"))
        .env("GITHUB_OUTPUT", &output)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("RUNNER_TEMP", scratch.path())
        .env("SOURCE_DATE_EPOCH", super::TESTS_TODAY);
    for (input, value) in inputs {
        step.env(format!("INPUT_{}", input.to_uppercase()), value);
    }
    let ran = step.output().unwrap();
    let read = |path| std::fs::read_to_string(path).unwrap_or_default();
    Step {
        code: ran.status.code(),
        output: read(&output),
        summary: read(&summary),
        sarif: read(&scratch.join("lts-policy.sarif")),
        stderr: String::from_utf8(ran.stderr).unwrap(),
    }
}

#[test]
fn the_query_step_writes_its_outputs_and_a_summary() {
    // On 2026-11-01 (embedded policy): 2.0 latest and latest-lts, 1.3
    // previous-lts; a bug since 1.3 goes to both; 2.0 records no patch, so
    // the tag's recorded version is 2.0.0.
    let Step {
        code,
        output,
        summary,
        ..
    } = answer("action", &[("on", "2026-11-01"), ("since", "1.3")]);
    assert_eq!(code, Some(0));
    assert_eq!(
        output,
        "matrix={\"include\":[{\"line\":\"2.0\",\"branch\":\"releases/v2.0.x\"},\
         {\"line\":\"1.3\",\"branch\":\"releases/v1.3.x\"}]}\n\
         supported=2.0 1.3\n\
         version=2.0.0\n\
         sarif=\n"
    );
    assert!(summary.starts_with("kestra lines supported on 2026-11-01\n\n| Line | Branch |"));
    assert!(summary.contains("\n| 1.3 | releases\\/v1\\.3\\.x | previous-lts | 2026-03-03 |"));
    // --since 2.0 leaves 1.3 out of the targets, not of the supported lines.
    let since = answer("action-since", &[("on", "2026-11-01"), ("since", "2.0")]).output;
    assert!(
        since.starts_with("matrix={\"include\":[{\"line\":\"2.0\""),
        "{since}"
    );
    assert!(since.contains("\nsupported=2.0 1.3\n"), "{since}");
}

#[test]
fn the_scan_input_writes_sarif_and_the_table_and_fails_the_step() {
    // Juice Shop on 2026-12-07: Express 4 and Grunt 1.2 have ended.
    let step = answer(
        "action-scan",
        &[
            ("on", "2026-12-07"),
            ("scan", "tests/data/sbom/juice-shop-11.1.2.cdx.json"),
        ],
    );
    assert_eq!(step.code, Some(1), "{}", step.stderr);
    assert!(step.output.contains("\nsarif=") && step.output.ends_with("/lts-policy.sarif\n"));
    let sarif: serde_json::Value = serde_json::from_str(&step.sarif).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
    assert!(
        step.summary
            .contains("### Components and their support\n```\nCOMPONENT")
    );
    assert!(step.summary.contains("\ngrunt "), "{}", step.summary);
}

#[test]
fn before_the_first_release_the_outputs_are_empty() {
    let early = answer("action-early", &[("on", "2025-01-01")]);
    assert_eq!(early.code, Some(0));
    assert_eq!(
        early.output,
        "matrix={\"include\":[]}\nsupported=\nversion=\nsarif=\n"
    );
}

#[test]
fn a_bad_input_fails_the_step() {
    assert_eq!(answer("action-date", &[("on", "2026-13-01")]).code, Some(2));
    let security = answer("action-security", &[("security", "yes")]);
    assert_eq!(security.code, Some(2));
    assert_eq!(
        security.stderr,
        "::error::the security input is true or false, not 'yes'\n"
    );
    let policy = answer("action-policy", &[("policy", "no/such/file.json")]);
    assert_eq!(policy.code, Some(2));
}

#[test]
fn an_input_that_looks_like_an_option_is_a_value() {
    for input in INPUTS {
        let step = answer(&format!("action-option-{input}"), &[(input, "--help")]);
        assert_eq!(step.code, Some(2), "{input}: {}", step.stderr);
        assert_eq!(step.output, "", "{input}: help went to $GITHUB_OUTPUT");
        assert!(!step.stderr.contains("Usage:"), "{input}: {}", step.stderr);
    }
    let tag = answer("action-option-tag", &[("tag", "--help")]);
    assert_eq!(
        tag.stderr,
        "error: NAME: invalid tag \"--help\": expected latest, latest-lts or a line such as 1.3\n"
    );
}

#[test]
fn an_input_cannot_write_a_workflow_command() {
    // A line break would start a command of its own in the runner's log.
    for input in INPUTS {
        for forged in [
            "yes\n::warning::forged",
            "1.3\r::add-mask::x",
            "a\u{1b}[2Jb",
        ] {
            let step = answer(&format!("action-forged-{input}"), &[(input, forged)]);
            assert_eq!(step.code, Some(2), "{input}: {forged:?}");
            assert_eq!(step.output, "", "{input}: {forged:?}");
            assert_eq!(
                step.stderr,
                format!(
                    "::error::the {input} input holds a control character (a line break, a \
                     tab, an escape); it is one line of text\n"
                ),
            );
        }
    }
    // The runner reads `%0A` in a message as a line break: a `%` quoted is
    // written `%25`, and shows as the `%` it was.
    let escaped = answer("action-percent", &[("security", "yes%0A::warning::x")]);
    assert_eq!(
        escaped.stderr,
        "::error::the security input is true or false, not 'yes%250A::warning::x'\n"
    );
}
