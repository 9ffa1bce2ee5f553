//! --format on every query: ndjson, csv and plain, the CI recipes
//! (github-matrix, backportrc), each format only where its command writes
//! it, fixed CSV headers, and the distro-info style filters.

use serde_json::{Value, json};

use super::catalog::QUERY_FORMATS;
use super::{kestra_flat, stdout_of, with_format};

/// Every query, with a fixed date.
const QUERIES: &[&[&str]] = &[
    &["supported", "--on", "2026-03-01"],
    &["backport-targets", "--latest", "1.3"],
    &["status", "1.3.7", "--on", "2026-11-25"],
    &["releases", "--on", "2026-01-01"],
    &["tag", "latest", "--on", "2026-11-25"],
    // 1.3's newest version then: released Tuesday 2026-03-03 with no patch
    // recorded, one a Tuesday after: 2026-03-03 to 2026-11-24 is 266 days,
    // 38 weeks, so 1.3.38.
    &["tags-for", "1.3.38", "--on", "2026-11-25"],
    &["next-patch", "--after", "2026-11-25"],
];

#[test]
fn every_query_writes_every_format() {
    for query in QUERIES {
        for format in QUERY_FORMATS {
            let output = stdout_of(&with_format(query, format), 0);
            assert!(!output.is_empty(), "{query:?} {format}");
        }
        for line in stdout_of(&with_format(query, "ndjson"), 0).lines() {
            let item: Value = serde_json::from_str(line).unwrap();
            assert!(item.is_object(), "{query:?}: {line}");
        }
    }
}

#[test]
fn ndjson_writes_one_object_per_item() {
    let ndjson = stdout_of(
        &["supported", "--on", "2026-03-01", "--format", "ndjson"],
        0,
    );
    let lines: Vec<Value> = ndjson
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0]["line"].clone(), lines[1]["line"].clone()),
        (json!("1.2"), json!("1.0"))
    );
    assert_eq!(lines[1]["roles"], json!(["latest-lts"]));
}

#[test]
fn csv_flattens_the_json_fields() {
    let csv = stdout_of(&["supported", "--on", "2026-03-01", "--format", "csv"], 0);
    let mut rows = csv.lines();
    assert_eq!(
        rows.next().unwrap(),
        "line,released,lts,eol,eol_by,eol_by_line,lts_until,branch,roles,latest_patch,days_left,\
         projected,overdue,source_released,source_lts,source_eol,source_latest_patch,lts_from,\
         active_until,phase,source_lts_from,source_active_until"
    );
    // 1.2 is no LTS line, and active until its eol: the policy has one phase.
    assert_eq!(
        rows.next().unwrap(),
        "1.2,2026-01-13,false,2026-03-03,next_release,1.3,,releases/v1.2.x,latest,1.2.6,2,false,\
         false,history,rules,history,rules,,2026-03-03,active,,history"
    );
    // A message with commas is quoted.
    let audit = stdout_of(&["audit", "--on", "2026-11-25", "--format", "csv"], 1);
    assert!(
        audit
            .lines()
            .nth(1)
            .unwrap()
            .contains(",\"2.0 came on 2026-09-08, 189 days"),
        "{audit}"
    );
}

#[test]
fn plain_prints_bare_values() {
    assert_eq!(
        stdout_of(&["supported", "--on", "2026-03-01", "--format", "plain"], 0),
        "1.2\n1.0\n"
    );
    assert_eq!(
        stdout_of(
            &[
                "backport-targets",
                "--latest",
                "1.3",
                "--branch",
                "--format",
                "plain"
            ],
            0
        ),
        "releases/v1.3.x\nreleases/v1.0.x\n"
    );
    assert_eq!(
        stdout_of(
            &["status", "1.0", "--on", "2026-11-25", "--format", "plain"],
            1
        ),
        "ended\n"
    );
    assert_eq!(
        stdout_of(
            &[
                "tag",
                "latest-lts",
                "--on",
                "2026-11-25",
                "--format",
                "plain"
            ],
            0
        ),
        "1.3.38\n"
    );
    assert_eq!(
        stdout_of(
            &["next-patch", "--after", "2026-11-25", "--format", "plain"],
            0
        ),
        "2.1.3\n1.3.39\n"
    );
    assert_eq!(
        stdout_of(
            &[
                "releases",
                "--from",
                "2026-09-01",
                "--to",
                "2027-01-31",
                "--format",
                "plain"
            ],
            0
        ),
        "2.0\n2.1\n2.2\n"
    );
}

#[test]
fn github_matrix_feeds_from_json() {
    assert_eq!(
        stdout_of(
            &[
                "backport-targets",
                "--latest",
                "1.3",
                "--format",
                "github-matrix"
            ],
            0
        ),
        "{\"include\":[{\"line\":\"1.3\",\"branch\":\"releases/v1.3.x\"},{\"line\":\"1.0\",\"branch\":\"releases/v1.0.x\"}]}\n"
    );
}

#[test]
fn backportrc_maps_version_labels_to_branches() {
    let fragment: Value = serde_json::from_str(&stdout_of(
        &[
            "backport-targets",
            "--latest",
            "1.3",
            "--format",
            "backportrc",
        ],
        0,
    ))
    .unwrap();
    assert_eq!(
        fragment,
        json!({
            "targetBranchChoices": [
                {"name": "releases/v1.3.x", "checked": true},
                {"name": "releases/v1.0.x", "checked": true}
            ],
            "branchLabelMapping": {
                "^v1\\.3(\\.\\d+)?$": "releases/v1.3.x",
                "^v1\\.0(\\.\\d+)?$": "releases/v1.0.x"
            }
        })
    );
}

#[test]
fn formats_belong_to_their_commands() {
    kestra_flat(&["status", "1.3", "--format", "github-matrix"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --format github-matrix is not available for status; it writes text, json, \
             ndjson, csv, plain\n",
        );
    kestra_flat(&["timeline", "--format", "json"])
        .assert()
        .code(2);
    kestra_flat(&["supported", "--format", "yaml"])
        .assert()
        .code(2);
}

#[test]
fn distro_info_style_filters() {
    // On 2026-09-08: 2.0 latest, 1.3 latest-lts, 1.0 previous-lts (until 09-09).
    assert_eq!(
        stdout_of(
            &[
                "supported",
                "--on",
                "2026-09-08",
                "--lts",
                "--format",
                "plain"
            ],
            0
        ),
        "1.3\n1.0\n"
    );
    assert_eq!(
        stdout_of(
            &[
                "supported",
                "--on",
                "2026-09-08",
                "--latest",
                "--format",
                "plain"
            ],
            0
        ),
        "2.0\n"
    );
    kestra_flat(&["supported", "--lts", "--latest"])
        .assert()
        .code(2);
}

/// The header line of a command's CSV.
fn csv_header(args: &[&str], code: i32) -> String {
    let csv = stdout_of(&with_format(args, "csv"), code);
    csv.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn csv_headers_are_fixed_whatever_the_answer() {
    let supported = csv_header(&["supported", "--on", "2026-03-01"], 0);
    // --lts keeps only 1.0 (its eol_by_line is empty): the columns stay.
    assert_eq!(
        csv_header(&["supported", "--on", "2026-03-01", "--lts"], 0),
        supported
    );
    // Before the first release the answer is empty, the header is there.
    assert_eq!(
        stdout_of(&["supported", "--on", "2025-01-01", "--format", "csv"], 0),
        format!("{supported}\n")
    );
    assert_eq!(
        csv_header(&["backport-targets", "--on", "2025-01-01"], 0),
        supported
    );
    // A line cut by its LTS period and one cut by the next release.
    assert_eq!(
        csv_header(
            &["releases", "--from", "2025-09-09", "--to", "2025-09-09"],
            0
        ),
        csv_header(
            &["releases", "--from", "2025-11-04", "--to", "2025-11-04"],
            0
        ),
    );
    // An audit without findings still names every column a finding may fill.
    let clean = stdout_of(&["audit", "--on", "2025-09-10", "--format", "csv"], 0);
    assert_eq!(
        clean,
        "kind,lines,version,released,previous_released,due,promised,until,from,to,eol,recorded,\
         stated,days,phase,rule,projected,message\n"
    );
    assert_eq!(
        csv_header(&["status", "1.0", "--on", "2026-11-25"], 1),
        "version,line,on,supported,state,roles,eol,days_left,upgrade_to,released,lts,\
         latest_patch,eol_by,phase,active_until,lts_from,ends_soon"
    );
    assert_eq!(
        csv_header(&["tag", "latest", "--on", "2025-01-01"], 1),
        "tag,on,version,line,released,source,reason"
    );
    assert_eq!(
        csv_header(&["next-patch", "--after", "2026-11-25"], 0),
        "version,line,branch,roles,source"
    );
}

#[test]
fn every_csv_row_has_its_headers_column_count() {
    for query in QUERIES {
        let csv = stdout_of(&with_format(query, "csv"), 0);
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        let columns = reader.headers().unwrap().len();
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), columns, "{query:?}");
        }
    }
}

#[test]
fn generated_text_has_no_other_format() {
    for args in [
        &["man", "--json"][..],
        &["completions", "bash", "--format", "csv"],
    ] {
        let output = kestra_flat(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    kestra_flat(&["man", "--json"])
        .assert()
        .stderr("error: --format json is not available for man; it writes roff\n");
    kestra_flat(&["completions", "bash", "--format", "script"])
        .assert()
        .success();
}
