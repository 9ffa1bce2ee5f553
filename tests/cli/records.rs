//! Records as users bring them, through the command line (SPEC: "Records
//! as their sources write them"): ends read as last days, a version older
//! than the record, a patch record that ends, and the round trips: the
//! endoflife.date export read back, and `policy --fit` run on its own
//! output.

use serde_json::Value;

use super::{Scratch, embedded, json_of, outcome};

/// Runs a command on the embedded policy; its exit code, stdout and stderr.
fn embedded_outcome(args: &[&str]) -> (Option<i32>, String, String) {
    outcome(embedded(args).output().unwrap())
}

#[test]
fn a_version_older_than_the_record_is_not_supported_and_says_why() {
    // Kestra 0.19 is real; the embedded history starts with 1.0, released
    // 2025-09-09. A script asking gets "not supported" (exit 1), not an
    // error.
    let reason = "0.19 is older than the first line the kestra policy records, 1.0 (2025-09-09)";
    let (code, stdout, stderr) = embedded_outcome(&["status", "0.19.5", "--on", "2026-09-07"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.starts_with("0.19.5 is not supported on 2026-09-07 (policy: kestra)\n"));
    assert!(
        stdout.contains(&format!("\nwhy         {reason}\n")),
        "{stdout}"
    );
    let (_, stdout, _) = embedded_outcome(&["status", "0.19.5", "--on", "2026-09-07", "--json"]);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["state"], "before_first_line");
    assert_eq!(json["supported"], false);
    assert_eq!(json["reason"], reason);
}

#[test]
fn a_line_whose_patch_record_ends_gets_no_made_up_patch() {
    // The Node.js history, complete up to 2026-08-22, records 16.20.2
    // (2023-08-09) as 16's last: no 16.20.4* after it.
    let json = json_of(&["--policy", "examples/nodejs.json", "status", "16"], 1);
    assert_eq!(json["details"]["latest_patch"], "16.20.2");
    assert_eq!(json["details"]["source"]["latest_patch"], "history");
    // endoflife.date's last day of 16, 2023-09-11, is its eol's eve.
    assert_eq!(json["eol"], "2023-09-12");
}

#[test]
fn an_end_written_as_a_last_day_is_supported_on_that_day() {
    // Python 3.14: endoflife.date writes 2030-10-31, its last day.
    let args = ["--policy", "examples/python.json", "status", "3.14", "--on"];
    let on_the_day = json_of(&[&args[..], &["2030-10-31"]].concat(), 0);
    assert_eq!(on_the_day["supported"], true);
    assert_eq!(on_the_day["eol"], "2030-11-01");
    assert_eq!(on_the_day["days_left"], 1);
    let after = json_of(&[&args[..], &["2030-11-01"]].concat(), 1);
    assert_eq!(after["state"], "ended");
}

/// The `line`, `released`, `eol` and `latest_patch` of each line
/// `releases --format json` lists whose release is recorded.
fn recorded_lines(releases: &Value) -> Vec<[Value; 5]> {
    releases["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|line| line["source"]["released"] == "history")
        .map(|line| {
            ["line", "released", "eol", "latest_patch", "lts_from"].map(|key| line[key].clone())
        })
        .collect()
}

#[test]
fn the_endoflife_export_reads_back_with_the_record_exact() {
    let scratch = Scratch::new("export-round-trip");
    for policy in ["examples/python.json", "examples/kestra.json"] {
        let export = scratch.join("export.json");
        let export = export.to_str().unwrap();
        let (code, stdout, stderr) = embedded_outcome(&[
            "--policy",
            policy,
            "releases",
            "--on",
            "2026-09-07",
            "--format",
            "endoflife",
        ]);
        assert_eq!(code, Some(0), "{stderr}");
        let cycles: Vec<Value> = serde_json::from_str(&stdout).unwrap();
        // The projected cycles are marked, and left out when read back.
        assert!(
            cycles.iter().any(|cycle| cycle["projected"] == true),
            "{policy}"
        );
        std::fs::write(export, &stdout).unwrap();
        let asked = ["releases", "--on", "2026-09-07"];
        let before = json_of(&[&["--policy", policy][..], &asked].concat(), 0);
        let after = json_of(
            &[&["--policy", policy, "--endoflife", export][..], &asked].concat(),
            0,
        );
        assert_eq!(recorded_lines(&after), recorded_lines(&before), "{policy}");
        assert!(!recorded_lines(&before).is_empty());
    }
}

#[test]
fn an_lts_start_on_the_release_day_is_exported_as_a_date() {
    // Ember's 5.12 became LTS on its release day, 2024-09-30, as its
    // record dates it; its rule makes a line LTS on the next line's
    // release. Exported as `true`, the export read back with no policy
    // took the start from the rules fitted to it (2024-11-12): dated, it
    // reads back as the record's.
    let scratch = Scratch::new("export-lts-start");
    let export = scratch.join("ember.json");
    let export = export.to_str().unwrap();
    let asked = ["releases", "--on", "2026-09-07", "--format", "endoflife"];
    let (code, stdout, stderr) = embedded_outcome(&[&["--policy", "emberjs"][..], &asked].concat());
    assert_eq!(code, Some(0), "{stderr}");
    let cycles: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let ember_5_12 = cycles.iter().find(|cycle| cycle["releaseCycle"] == "5.12");
    assert_eq!(ember_5_12.unwrap()["lts"], "2024-09-30");
    std::fs::write(export, &stdout).unwrap();
    let status = json_of(
        &[
            "--endoflife",
            export,
            "status",
            "5.12",
            "--on",
            "2025-01-01",
        ],
        0,
    );
    assert_eq!(status["details"]["lts_from"], "2024-09-30");
    // Kestra's history declares 1.0 LTS with no day (`true`), LTS from its
    // release by its rules: `true` it stays.
    let (code, stdout, stderr) = embedded_outcome(&asked);
    assert_eq!(code, Some(0), "{stderr}");
    let cycles: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let kestra_1_0 = cycles.iter().find(|cycle| cycle["releaseCycle"] == "1.0");
    assert_eq!(kestra_1_0.unwrap()["lts"], true);
}

#[test]
fn policy_fit_on_its_own_output_changes_nothing() {
    // A real endoflife.date answer, fitted with no policy named, then the
    // file it writes fitted again: the same file, comment included.
    let scratch = Scratch::new("fit-twice");
    let first = scratch.join("first.json");
    let first = first.to_str().unwrap();
    let (code, written, stderr) = embedded_outcome(&[
        "--endoflife",
        "tests/data/endoflife/nodejs.json",
        "policy",
        "--fit",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    std::fs::write(first, &written).unwrap();
    let (code, again, stderr) = embedded_outcome(&["--policy", first, "policy", "--fit"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(again, written);
    let comment = serde_json::from_str::<Value>(&written).unwrap()["comment"].clone();
    assert_eq!(
        comment
            .as_str()
            .unwrap()
            .matches("What each rule rests on")
            .count(),
        1
    );
}

#[test]
fn an_end_the_record_does_not_date_is_said_so() {
    // Lucene 7 as endoflife.date records it, `eol: true`, in an answer
    // complete up to 8's release, 2019-03-13. The fit takes 67 months of
    // support from 8's one recorded end (2019-03-13 to 2024-10-15), which
    // keep 7 to 2023-04-19; the day after the record's, 2019-03-14, comes
    // first: 7 ended by then.
    let scratch = Scratch::new("undated-end");
    let answer = scratch.join("lucene.json");
    let answer = answer.to_str().unwrap();
    std::fs::write(
        answer,
        r#"[{"cycle": "8", "releaseDate": "2019-03-13", "eol": "2024-10-14"},
            {"cycle": "7", "releaseDate": "2017-09-19", "eol": true}]"#,
    )
    .unwrap();
    let status = |on| embedded_outcome(&["--endoflife", answer, "status", "7", "--on", on]);
    let (code, stdout, _) = status("2019-03-14");
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains(
            "\nend of support  ended on a day the history does not give, by 2019-03-14 at the \
             latest\n"
        ),
        "{stdout}"
    );
    // Before it, the record does not say; the rules keep it.
    assert_eq!(status("2019-03-13").0, Some(0));
}

/// Runs a command on the embedded policy with `answer` as the
/// endoflife.date answer on stdin; its exit code, stdout and stderr.
fn with_answer(answer: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let output = embedded(&[&["--endoflife", "-"][..], args].concat())
        .write_stdin(answer)
        .output()
        .unwrap();
    outcome(output)
}

#[test]
fn an_answer_with_no_cycle_to_read_is_refused() {
    // Not the embedded policy's answer in its place.
    let cases = [
        (
            "[]",
            "error: --endoflife -: the endoflife.date answer lists no release cycle\n",
        ),
        (
            r#"{"result": {"name": "x", "releases": []}}"#,
            "error: --endoflife -: the endoflife.date answer lists no release cycle\n",
        ),
        (
            r#"[{"releaseCycle": "2.1", "releaseDate": "2026-11-10", "eol": false, "projected": true}]"#,
            "error: --endoflife -: the endoflife.date answer lists no recorded release cycle: \
             its 1 marked \"projected\" are no facts\n",
        ),
    ];
    for (answer, expected) in cases {
        let (code, stdout, stderr) = with_answer(answer, &["supported"]);
        assert_eq!(
            (code, stdout.as_str(), stderr.as_str()),
            (Some(2), "", expected),
            "{answer}"
        );
    }
}

#[test]
fn a_cycle_name_no_output_could_show_safely_is_refused() {
    // A bidirectional override reorders what a terminal shows; `a..b` is no
    // branch git takes, and a line's name is its branch's.
    for name in ["a\u{202e}b", "a..b", "-x", "x.lock", "a*b"] {
        let answer =
            serde_json::json!([{"cycle": name, "releaseDate": "2026-01-01", "eol": false}]);
        let (code, stdout, stderr) = with_answer(&answer.to_string(), &["supported"]);
        assert_eq!(code, Some(2), "{name:?}: {stderr}");
        assert!(stdout.is_empty());
        assert_eq!(
            stderr
                .lines()
                .filter(|line| line.starts_with("error:"))
                .count(),
            1,
            "{stderr}"
        );
    }
}

#[test]
fn a_history_of_names_only_is_audited() {
    // Nothing is projected after lines known by name only: the audit looks
    // at the one line and finds nothing.
    let answer = r#"[{"cycle": "air", "releaseDate": "2020-01-01", "eol": "2026-12-31"}]"#;
    let (code, stdout, stderr) = with_answer(answer, &["audit", "--on", "2026-01-01"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("no findings"), "{stdout}");
}

#[test]
fn a_record_that_ended_every_line_says_so() {
    // No --lts was asked: not "no LTS line is maintained".
    let answer = r#"[{"cycle": "air", "releaseDate": "2020-01-01", "eol": "2024-12-31"}]"#;
    let (code, stdout, _) = with_answer(answer, &["supported", "--on", "2026-01-01"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout,
        "No line is supported on 2026-01-01 (policy: fitted): the history records the end of \
         each\n"
    );
}

#[test]
fn status_shows_the_ends_a_record_gives_besides_support() {
    // ubuntu.md, 24.04: eoas and eol 2029-05-31, eoes 2036-05-31, each a
    // last day; iphone.md, 14: discontinued 2025-02-19, still supported
    // (`eol: false`). Each shows as its first day without, as every
    // `until` does, in the text as in JSON.
    let status = |policy: &str, line: &str| {
        let args = ["--policy", policy, "status", line, "--on", "2026-08-01"];
        let (code, stdout, stderr) = embedded_outcome(&args);
        assert_eq!(code, Some(0), "{stderr}");
        stdout
    };
    let ubuntu = status("ubuntu", "24.04");
    assert!(
        ubuntu.contains(
            "\nend of support  2029-06-01 (1035 days left; announced end of LTS)\n\
             extended until  2036-06-01\n"
        ),
        "{ubuntu}"
    );
    let iphone = status("iphone", "14");
    assert!(
        iphone.contains("\nsold until      2025-02-20\n"),
        "{iphone}"
    );
    // An extended support offered with no end recorded (eslint 9, `eoes:
    // false`) says so; a device still sold says nothing.
    assert!(status("eslint", "9").contains("\nextended until  no end recorded\n"));
    assert!(!status("iphone", "17").contains("sold until"));
}
