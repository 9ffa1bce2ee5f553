//! Integration tests of the `lts-policy` binary: every command in text and
//! JSON, exit codes and bad input. One test binary; expected values are
//! worked out by hand from the model (`src/model.md`; arithmetic in comments).

mod action;
mod audit;
mod catalog;
mod catalogue;
mod catalogue_rebuild;
mod commands;
mod completion;
mod custom;
mod endoflife_answers;
mod errors;
mod examples;
mod explain;
mod exports;
mod facts;
mod far_dates;
mod fit;
mod formats;
mod fuzz;
mod general;
mod git_policy;
mod git_repository;
mod git_tags;
mod global_options;
mod help;
mod hostile;
mod integrations;
mod json_fields;
mod keyboard;
mod man;
mod newcomer;
mod openeox;
mod package;
mod phases;
mod pipes;
mod readme;
mod recorded;
mod records;
mod running_git;
mod scan;
mod scan_odd;
mod snapshots;
mod timeline;
mod timeline_axis;
mod write;

use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// Kestra's policy as the first version embedded it: the flat form, with
/// the history known then. The tests written for it run on it, with the
/// answers they always had; those of the embedded policy, the real
/// history, call [`embedded`].
const KESTRA_FLAT: &str = "tests/data/kestra-flat.json";

/// The binary with the given arguments, on [`KESTRA_FLAT`] unless they
/// name a policy.
fn kestra_flat(args: &[&str]) -> Command {
    let names_policy = args
        .iter()
        .any(|arg| *arg == "--policy" || arg.starts_with("--policy="));
    let mut command = embedded(args);
    if !names_policy {
        command.args(["--policy", KESTRA_FLAT]);
    }
    command
}

/// The day the tests ask on, whatever the clock says: 2026-09-07, the day
/// before the test policy's history ends (1788739200 = 20703 days * 86400;
/// 2026-01-01 is day 20454, 243 days later September 1st), so that its
/// answers about later days are about the future, as the tests were written.
/// A projection for a day that has come is noted on stderr.
pub(crate) const TESTS_TODAY: &str = "1788739200";

/// The binary with the given arguments, on the embedded policy by default.
fn embedded(args: &[&str]) -> Command {
    let mut command = Command::cargo_bin("lts-policy").unwrap();
    command.args(args).env("SOURCE_DATE_EPOCH", TESTS_TODAY);
    command
}

/// The embedded policy asked on 2026-12-01 (1796083200 = 20788 days *
/// 86400), 74 days after its history ends on 2026-09-18 (12 + 31 + 30 + 1):
/// 2.1, due 2026-11-10, is a projection for a day that has come.
fn asked_on_2026_12_01(args: &[&str]) -> std::process::Output {
    let mut command = embedded(args);
    command.env("SOURCE_DATE_EPOCH", "1796083200");
    command.output().unwrap()
}

/// Runs [`kestra_flat`] with `args`, which must exit with `code` and print
/// nothing on stderr; returns its stdout.
#[track_caller]
fn stdout_of(args: &[&str], code: i32) -> String {
    let output = kestra_flat(args).output().unwrap();
    assert_eq!(output.status.code(), Some(code), "{args:?}: {output:?}");
    assert!(
        output.stderr.is_empty(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// As [`stdout_of`], for a bare answer that rests on projections for days
/// that have come by the tests' day (a history that ends years before it):
/// stderr holds the one note that says so, and nothing else.
#[track_caller]
fn stdout_projected(args: &[&str], code: i32) -> String {
    let output = kestra_flat(args).output().unwrap();
    assert_eq!(output.status.code(), Some(code), "{args:?}: {output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(is_projection_note(&stderr), "{args:?}: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// Runs `sh -c script` with the binary as `$0` and `args` as `$1`, `$2`,
/// ...: for what only a shell sets up around it (limits, a umask, closed
/// or redirected descriptors).
fn in_sh(script: &str, args: &[&str]) -> Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_lts-policy"))
        .args(args)
        .output()
        .unwrap()
}

/// Whether `stderr` is the one line that notes a projection.
fn is_projection_note(stderr: &str) -> bool {
    stderr.starts_with("note: ")
        && stderr.contains(" projected by the policy's rules, not recorded: ")
        && stderr.contains("--git DIR or --endoflife FILE gives the facts")
        && stderr.lines().count() == 1
}

/// As [`stdout_of`], for a policy whose facts look old on the day asked
/// about (a history that ends long before it): stderr holds the one note
/// that says so, and nothing else.
#[track_caller]
fn stdout_noting_old_facts(args: &[&str], code: i32) -> String {
    let output = kestra_flat(args).output().unwrap();
    assert_eq!(output.status.code(), Some(code), "{args:?}: {output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("note: the facts look old: the newest release the history records ")
            && stderr.lines().count() == 1,
        "{args:?}: {stderr}"
    );
    String::from_utf8(output.stdout).unwrap()
}

/// `args` with `--format format` after them.
fn with_format<'a>(args: &[&'a str], format: &'a str) -> Vec<&'a str> {
    let mut args = args.to_vec();
    args.extend(["--format", format]);
    args
}

/// Runs [`kestra_flat`] with `args` and `--json`, and parses what it prints.
#[track_caller]
fn json_of(args: &[&str], code: i32) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    serde_json::from_str(&stdout_of(&args, code)).unwrap()
}

/// The policy file [`KESTRA_FLAT`], read as JSON to change a field of.
fn kestra_flat_file() -> Value {
    serde_json::from_str(&std::fs::read_to_string(KESTRA_FLAT).unwrap()).unwrap()
}

/// [`KESTRA_FLAT`]'s rules over a history of `history`, with `extra`
/// fields, written to `name` in `scratch`; its path.
fn kestra_flat_rules(scratch: &Scratch, name: &str, history: Value, extra: Value) -> String {
    let mut file = kestra_flat_file();
    file["history"] = history;
    for (key, value) in extra.as_object().unwrap() {
        file[key] = value.clone();
    }
    let path = scratch.path_to(name);
    std::fs::write(&path, file.to_string()).unwrap();
    path
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

/// The exit code, stdout and stderr of a run.
fn outcome(output: Output) -> (Option<i32>, String, String) {
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The stdout and stderr of the run of `args` that gave `output`, which
/// must be a yes (exit 0).
#[track_caller]
fn printed_by_yes(args: &[&str], output: Output) -> (String, String) {
    assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
    let (_, stdout, stderr) = outcome(output);
    (stdout, stderr)
}

/// The merged policy `policy` prints with `args` (exit 0), on
/// [`kestra_flat`], and what it says on stderr of the facts it left out.
#[track_caller]
fn merged(args: &[&str]) -> (String, String) {
    let mut all = vec!["policy"];
    all.extend(args);
    printed_by_yes(&all, kestra_flat(&all).output().unwrap())
}

/// The draft `policy --fit --git repo` fits to the tags alone, with no
/// policy file (exit 0), as the program writes it, and its notes of the fit.
#[track_caller]
fn fit_of_tags(repo: &str) -> (String, String) {
    let args = ["policy", "--fit", "--git", repo];
    printed_by_yes(&args, embedded(&args).output().unwrap())
}

/// The lines a policy file's history lists, in its order.
fn history_lines(file: &Value) -> Vec<String> {
    file["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["line"].as_str().unwrap().to_owned())
        .collect()
}

/// The one error line of [`kestra_flat`] with `args` (and `PATH` set to
/// `path`), which must exit 2 with nothing on stdout.
#[track_caller]
fn error_of(args: &[&str], path: Option<&str>) -> String {
    let mut command = kestra_flat(args);
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

const LEGEND: &str =
    "* worked out from the policy's rules; unmarked values are recorded in the history\n";

/// The line before the 80% ranges of projected dates, under a table.
const RANGES_LEGEND: &str = "80% ranges, from how far the history's releases and ends fell \
     from the days its rules gave:";

/// A directory of its own for a test, removed at its end.
struct Scratch(std::path::PathBuf);

impl Scratch {
    /// A new, empty directory named after `name`, the process and the
    /// thread: tests run at once, and a name may come back in another.
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "lts-policy-test-{name}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    /// The directory, as an argument to the program or to git.
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }

    fn join(&self, name: &str) -> std::path::PathBuf {
        self.0.join(name)
    }

    /// [`Scratch::join`] as text, for an argument list.
    fn path_to(&self, name: &str) -> String {
        self.join(name).to_str().unwrap().to_owned()
    }

    /// The names in the directory, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
