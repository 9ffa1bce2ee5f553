//! `--recorded` beyond `tag`: the answers of `supported`, `backport-targets`
//! and `releases` without the lines only the rules project, in every format
//! those commands write.
//!
//! The embedded policy asked on 2026-12-01: its history, complete up to
//! 2026-09-18, ends with 2.0 (2026-09-08); 2.1 is due 2026-09-08 + 2 months
//! = 11-08, a Sunday, so Tuesday 2026-11-10, and 2.2 two months on,
//! 2027-01-12. Supported that day: 2.1 (latest, the rules'), 2.0
//! (latest-lts), 1.3 (previous-lts).

use serde_json::Value;

use super::catalog::{CI_RECIPES, except, formats};
use super::{LEGEND, asked_on_2026_12_01};

/// A run that must answer (exit 0) with nothing on stderr; its stdout.
#[track_caller]
fn answered(args: &[&str]) -> String {
    let output = asked_on_2026_12_01(args);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
    assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The lines (or, for the CI recipes but GitHub's matrix, the branches) an
/// answer in `format` lists, in its order.
fn listed(format: &str, stdout: &str) -> Vec<String> {
    let json = || serde_json::from_str::<Value>(stdout).unwrap();
    let field = |values: &Value, key: &str| -> Vec<String> {
        values
            .as_array()
            .unwrap()
            .iter()
            .map(|value| value[key].as_str().unwrap().to_owned())
            .collect()
    };
    let strings = |values: &Value| -> Vec<String> {
        let names = values.as_array().unwrap().iter();
        names
            .map(|name| name.as_str().unwrap().to_owned())
            .collect()
    };
    let first_words = |rows: &mut dyn Iterator<Item = &str>, separator: char| -> Vec<String> {
        rows.map(|row| row.split(separator).next().unwrap().to_owned())
            .collect()
    };
    let table = stdout.lines().any(|row| row.starts_with("LINE "));
    match format {
        // backport-targets' text is bare lines, as plain output is.
        "text" | "plain" if !table => stdout.lines().map(str::to_owned).collect(),
        // The table's rows, between its header and the blank line after it.
        "text" => first_words(
            &mut stdout
                .lines()
                .skip_while(|row| !row.starts_with("LINE "))
                .skip(1)
                .take_while(|row| !row.is_empty()),
            ' ',
        ),
        "json" => {
            let answer = json();
            let lines = if answer["targets"].is_array() {
                &answer["targets"]
            } else {
                &answer["lines"]
            };
            field(lines, "line")
        }
        "ndjson" => stdout
            .lines()
            .map(|row| {
                serde_json::from_str::<Value>(row).unwrap()["line"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect(),
        "csv" => first_words(&mut stdout.lines().skip(1), ','),
        "md" => stdout
            .lines()
            .filter(|row| row.starts_with("| ") && !row.starts_with("| Line "))
            .map(|row| {
                row.split(" | ")
                    .next()
                    .unwrap()
                    .trim_start_matches("| ")
                    .to_owned()
            })
            .collect(),
        "endoflife" => field(&json(), "releaseCycle"),
        "openeox" => field(&json(), "line"),
        "github-matrix" => field(&json()["include"], "line"),
        "backportrc" => field(&json()["targetBranchChoices"], "name"),
        "renovate" => strings(&json()["baseBranches"]),
        "dependabot" => stdout
            .lines()
            .filter_map(|row| row.trim().strip_prefix("target-branch: "))
            .map(|branch| branch.trim_matches('"').to_owned())
            .collect(),
        other => panic!("no reader for {other}"),
    }
}

#[test]
fn supported_leaves_out_the_projected_latest_in_every_format() {
    for format in formats("supported") {
        let stdout = answered(&[
            "supported",
            "--recorded",
            "--on",
            "2026-12-01",
            "--format",
            format,
        ]);
        assert_eq!(
            listed(format, &stdout),
            ["2.0", "1.3"],
            "{format}: {stdout}"
        );
    }
    // The recorded lines stay whole: 2.0 keeps the end the rules give it,
    // 2026-09-08 + 12 months = 2027-09-08 (281 days on: 30 + 31 + 28 + 31
    // + 30 + 31 + 30 + 31 + 31 + 8), and its projected patches, the 12
    // Tuesdays 09-15 to 12-01: 2.0.12. 1.3 ends on its announced
    // 2027-03-03 (30 + 31 + 28 + 3 = 92 days); its newest recorded patch is
    // 1.3.15 (04-29), then 31 Tuesdays 05-05 to 12-01: 1.3.46.
    assert_eq!(
        answered(&["supported", "--recorded", "--on", "2026-12-01"]),
        format!(
            "Supported on 2026-12-01 (policy: kestra)

LINE  ROLES         RELEASED    LTS  EOL          DAYS LEFT  LATEST PATCH
2.0   latest-lts    2026-09-08  yes  2027-09-08*  281        2.0.12*
1.3   previous-lts  2026-03-03  yes  2027-03-03   92         1.3.46*

{LEGEND}"
        )
    );
    // Only the latest line, which is the rules': nothing, and why.
    assert_eq!(
        answered(&["supported", "--recorded", "--latest", "--on", "2026-12-01"]),
        "No line the history lists is supported on 2026-12-01 (policy: kestra): the rules \
         project 2.1, which --recorded leaves out\n"
    );
    // --explain explains the lines the answer lists.
    let explained = answered(&["supported", "--recorded", "--explain", "--on", "2026-12-01"]);
    assert!(
        explained.contains("\n  2.0: supported as latest-lts;"),
        "{explained}"
    );
    assert!(!explained.contains("\n  2.1:"), "{explained}");
}

#[test]
fn backport_targets_leave_out_the_projected_branch_in_every_format() {
    // The CI recipes but GitHub's matrix list branches, the others lines.
    let branches = except(&CI_RECIPES, &["github-matrix"]);
    for format in except(formats("backport-targets"), &branches) {
        let stdout = answered(&[
            "backport-targets",
            "--recorded",
            "--on",
            "2026-12-01",
            "--format",
            format,
        ]);
        assert_eq!(
            listed(format, &stdout),
            ["2.0", "1.3"],
            "{format}: {stdout}"
        );
    }
    for format in branches {
        let mut args = vec!["backport-targets", "--recorded", "--on", "2026-12-01"];
        args.extend(["--format", format]);
        if format == "dependabot" {
            args.extend(["--ecosystem", "cargo"]);
        }
        let stdout = answered(&args);
        assert_eq!(
            listed(format, &stdout),
            ["releases/v2.0.x", "releases/v1.3.x"],
            "{format}: {stdout}"
        );
    }
    // The bare branches without --recorded name 2.1's, and say it is the
    // rules'; with it, nothing is left to say.
    let all = asked_on_2026_12_01(&["backport-targets", "--branch"]);
    assert_eq!(
        String::from_utf8(all.stdout).unwrap(),
        "releases/v2.1.x\nreleases/v2.0.x\nreleases/v1.3.x\n"
    );
    assert!(!all.stderr.is_empty());
    assert_eq!(
        answered(&["backport-targets", "--branch", "--recorded"]),
        "releases/v2.0.x\nreleases/v1.3.x\n"
    );
}

#[test]
fn releases_leave_out_the_projected_lines_in_every_format() {
    // From 2026-09-01 to 2027-01-31: 2.0 (recorded), 2.1 and 2.2 (the
    // rules').
    let range = [
        "releases",
        "--from",
        "2026-09-01",
        "--to",
        "2027-01-31",
        "--on",
        "2026-12-01",
    ];
    // The calendar's events are read below.
    for format in except(formats("releases"), &["ics"]) {
        // (Plain output notes 2.1 on stderr.)
        let all = asked_on_2026_12_01(&[&range[..], &["--format", format]].concat()).stdout;
        let all = String::from_utf8(all).unwrap();
        let mut projected = listed(format, &all);
        projected.sort();
        assert_eq!(projected, ["2.0", "2.1", "2.2"], "{format}: {all}");
        let recorded = answered(&[&range[..], &["--recorded", "--format", format]].concat());
        assert_eq!(listed(format, &recorded), ["2.0"], "{format}: {recorded}");
    }
    // The calendar: 2.0's release and end, and the patch days of the
    // recorded lines: every Tuesday from 09-01 to 01-26 ships a patch of
    // 1.3 (supported to 2027-03-03), 22 of them (5 in September, 4 in
    // October, 4 in November, 5 in December, 4 in January); 2.1's release
    // (11-10) and its patches, and 2.2's release, are not in it.
    let ics = answered(&[&range[..], &["--recorded", "--format", "ics"]].concat());
    let summaries: Vec<&str> = ics
        .lines()
        .filter_map(|line| line.strip_prefix("SUMMARY:"))
        .collect();
    assert_eq!(
        summaries
            .iter()
            .filter(|summary| summary.contains("patch day"))
            .count(),
        22
    );
    assert_eq!(
        summaries
            .iter()
            .filter(|summary| !summary.contains("patch day"))
            .collect::<Vec<_>>(),
        [
            &"kestra 2.0 LTS released",
            &"kestra 2.0 end of support (projected)"
        ]
    );
    assert!(
        !summaries
            .iter()
            .any(|summary| summary.contains(" 2.1") || summary.contains(" 2.2")),
        "{summaries:?}"
    );
}

#[test]
fn an_overdue_line_is_not_recorded_either() {
    // SPEC's example: complete up to 2026-11-20 (a Friday) without 2.1, due
    // 11-10: overdue, projected on Tuesday 2026-11-24.
    let scratch = super::Scratch::new("recorded-overdue");
    let path = scratch.join("kestra.json");
    let mut file: Value =
        serde_json::from_str(&std::fs::read_to_string("examples/kestra.json").unwrap()).unwrap();
    file["history_as_of"] = "2026-11-20".into();
    std::fs::write(&path, file.to_string()).unwrap();
    let policy = path.to_str().unwrap();
    let all = answered(&[
        "--policy",
        policy,
        "supported",
        "--on",
        "2026-12-01",
        "--json",
    ]);
    let all: Value = serde_json::from_str(&all).unwrap();
    assert_eq!(all["lines"][0]["line"], "2.1");
    assert_eq!(all["lines"][0]["overdue"], true);
    let recorded = answered(&[
        "--policy",
        policy,
        "supported",
        "--on",
        "2026-12-01",
        "--recorded",
        "--format",
        "plain",
    ]);
    assert_eq!(recorded, "2.0\n1.3\n");
}
