//! Facts from endoflife.date (`--endoflife`): answers made from its real
//! records (tests/data/endoflife, both API forms), from a file or stdin,
//! read in bounded memory, with one short error line for one that cannot
//! be read; and one source of facts at a time, `--git` or `--endoflife`.

use serde_json::{Value, json};

use super::git_repository::repository;
use super::{Scratch, error_of, fields, in_sh, json_of, kestra_flat, merged};

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
    let output = kestra_flat(&[
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

/// A file in `scratch` holding `text`.
fn answer_file(scratch: &Scratch, name: &str, text: &str) -> String {
    let path = scratch.path_to(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs the binary on an endoflife.date answer in a shell whose address
/// space is limited to `kib` KiB; its exit code and stderr.
fn endoflife_within(kib: u64, answer: &str, rules: &str) -> (Option<i32>, String) {
    let output = in_sh(
        &format!(
            "ulimit -v {kib} && exec \"$0\" --policy \"$1\" --endoflife \"$2\" supported \
             --on 2026-08-22 >/dev/null"
        ),
        &[rules, answer],
    );
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
        let output = kestra_flat(&["supported", "--endoflife", "-"])
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: --endoflife -: standard input is empty; expected an endoflife.date answer\n"
        );
    }
    let closed = in_sh("exec \"$0\" supported --endoflife - <&-", &[]);
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
fn an_html_page_where_an_answer_goes_says_so() {
    // What `curl -s https://endoflife.date/api/quarkuss.json` pipes on: the
    // site's page for an address it does not know, not JSON.
    let not_found = "\n<!DOCTYPE html>\n<html lang=\"en\"><head><title>404 Not Found</title></head>\
                     <body><h1>Page not found</h1></body></html>\n";
    let html = "error: --endoflife -: the endoflife.date answer is an HTML page, not JSON: check \
                the product's name in the address (https://endoflife.date/api/PRODUCT.json; \
                `lts-policy products` lists those it knows), and give curl --fail so that an \
                error page fails there\n";
    for page in [not_found, "<html><body>502 Bad Gateway</body></html>"] {
        let output = kestra_flat(&["supported", "--endoflife", "-"])
            .write_stdin(page)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        assert_eq!(String::from_utf8_lossy(&output.stderr), html);
    }
    // Other text that is not JSON keeps serde_json's line and column.
    let output = kestra_flat(&["supported", "--endoflife", "-"])
        .write_stdin("Not Found")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: --endoflife -: expected value at line 1 column 1\n"
    );
}
