//! Every example of the README that runs offline and without root, run and
//! compared with what the README shows, so that the README cannot drift
//! from the program: an example added to the README is tested with no line
//! here. An example is a `$ lts-policy ...` line in a fenced block (a line
//! ending in `\` goes on on the next), run by `sh` in the repository with
//! the program on `PATH`, then what it prints (stdout, then stderr), where
//! `...` stands for any number of lines; `$ echo $?` then gives its exit
//! code. `# on YYYY-MM-DD` after a command is the day it is run on (else
//! the tests' day, 2026-09-07). An example shown without what it prints
//! must answer (exit 0 or 1).

use chrono::NaiveDate;

use super::TESTS_TODAY;

/// The examples that need what a test does not have, by a part of their
/// command line: the network, root, a container, the build, files of
/// another repository or checkout, or files an example writes.
const NOT_RUN: &[&str] = &[
    "curl ",
    "sudo ",
    "podman ",
    "docker ",
    "cargo ",
    "> draft.json",
    "gitlab-eol.json",
    "--policy policy.json",
    "../endoflife.date/",
    // A team's own SBOM, by a name that stands for it.
    "scan bom.json",
];

/// One example: its command line, the day it is run on, what it prints and
/// its exit code, where the README says.
struct Example {
    line: usize,
    command: String,
    on: Option<NaiveDate>,
    printed: Vec<String>,
    code: Option<i32>,
}

/// The README's examples, in its order.
fn examples(readme: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    // The block's indentation (a block in a list item is indented), and
    // the first example it holds.
    let mut block: Option<(usize, usize)> = None;
    let mut expecting_code = false;
    for (at, text) in readme.lines().enumerate() {
        let trimmed = text.trim_start();
        if trimmed.starts_with("```") {
            let indent = text.len() - trimmed.len();
            block = block.xor(Some((indent, examples.len())));
            continue;
        }
        let Some((indent, first)) = block else {
            continue;
        };
        let examples_here = &mut examples[first..];
        let continued = examples_here
            .last_mut()
            .filter(|example| example.printed.is_empty() && example.command.ends_with('\\'));
        if let Some(example) = continued {
            example.command.pop();
            example.command.push_str(trimmed);
            continue;
        }
        if let Some(command) = trimmed.strip_prefix("$ ") {
            expecting_code = command == "echo $?";
            if expecting_code {
                continue;
            }
            let (command, comment) = command.split_once(" # ").unwrap_or((command, ""));
            let on = comment
                .trim()
                .strip_prefix("on ")
                .and_then(|rest| rest.get(..10))
                .and_then(|day| day.parse().ok());
            examples.push(Example {
                line: at + 1,
                command: command.trim().to_owned(),
                on,
                printed: Vec::new(),
                code: None,
            });
        } else if let Some(example) = examples_here.last_mut() {
            if expecting_code {
                example.code = trimmed.parse().ok();
                expecting_code = false;
            } else {
                example
                    .printed
                    .push(text.get(indent..).unwrap_or(trimmed).to_owned());
            }
        }
    }
    examples
}

/// Whether `actual` is what `shown` shows: line by line, a `...` line
/// standing for any number of lines.
fn matches(shown: &[String], actual: &[&str]) -> bool {
    match shown.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "..." => {
            (0..=actual.len()).any(|skipped| matches(rest, &actual[skipped..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, others)| line == first && matches(rest, others)),
    }
}

#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    // The program first on PATH, as an installed one would be.
    let program = std::path::Path::new(env!("CARGO_BIN_EXE_lts-policy"));
    let mut path = program.parent().unwrap().as_os_str().to_owned();
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    let mut drifted = Vec::new();
    for example in examples(&readme) {
        if NOT_RUN.iter().any(|part| example.command.contains(part)) {
            continue;
        }
        let mut command = std::process::Command::new("sh");
        command
            .args(["-c", &example.command])
            .env("PATH", &path)
            .env("SOURCE_DATE_EPOCH", TESTS_TODAY);
        if let Some(on) = example.on {
            let seconds = on.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp();
            command.env("SOURCE_DATE_EPOCH", seconds.to_string());
        }
        let output = command.output().unwrap();
        let text = [output.stdout, output.stderr].concat();
        let text = String::from_utf8_lossy(&text);
        let actual: Vec<&str> = text.lines().collect();
        let code = output.status.code();
        // An example shown without what it prints must answer, yes or no.
        let holds = match (example.code, example.printed.is_empty()) {
            (Some(shown), _) => code == Some(shown) && matches(&example.printed, &actual),
            (None, true) => matches!(code, Some(0 | 1)),
            (None, false) => matches(&example.printed, &actual),
        };
        if !holds {
            drifted.push(format!(
                "README.md:{}: $ {}\n--- shown (exit {:?}):\n{}\n--- printed (exit {code:?}):\n{text}",
                example.line,
                example.command,
                example.code,
                example.printed.join("\n")
            ));
        }
    }
    assert!(drifted.is_empty(), "{}", drifted.join("\n\n"));
}

#[test]
fn elided_lines_match_any_number_of_lines() {
    let shown = ["a".to_owned(), "...".to_owned(), "d".to_owned()];
    assert!(matches(&shown, &["a", "d"]));
    assert!(matches(&shown, &["a", "b", "c", "d"]));
    assert!(!matches(&shown, &["a", "b"]));
}
