//! --format ndjson|csv|plain on every query, the CI recipes, completions,
//! the man page and the distro-info style filters.

use serde_json::{Value, json};

use super::{lts_policy, stdout_of};

/// The commands that take options.
const COMMANDS: [&str; 10] = [
    "supported",
    "backport-targets",
    "status",
    "releases",
    "tag",
    "tags-for",
    "next-patch",
    "audit",
    "timeline",
    "policy",
];

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

fn with_format<'a>(args: &[&'a str], format: &'a str) -> Vec<&'a str> {
    let mut args = args.to_vec();
    args.extend(["--format", format]);
    args
}

#[test]
fn every_query_writes_every_format() {
    for query in QUERIES {
        for format in ["text", "json", "ndjson", "csv", "plain"] {
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
    lts_policy(&["status", "1.3", "--format", "github-matrix"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --format github-matrix is not available for status; it writes text, json, \
             ndjson, csv, plain\n",
        );
    lts_policy(&["timeline", "--format", "json"])
        .assert()
        .code(2);
    lts_policy(&["supported", "--format", "yaml"])
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
    lts_policy(&["supported", "--lts", "--latest"])
        .assert()
        .code(2);
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell], 0);
        assert!(script.contains("backport-targets"), "{shell}");
    }
}

#[test]
fn man_page_is_roff() {
    let page = stdout_of(&["man"], 0);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq") || page.contains(".TH lts-policy"),
        "{page}"
    );
    assert!(page.contains(".TH lts-policy"));
    assert!(page.contains("backport\\-targets"));
}

#[test]
fn every_flag_has_help() {
    for command in COMMANDS {
        let help = stdout_of(&[command, "-h"], 0);
        let options = help.split_once("Options:\n").unwrap().1;
        // Option lines are indented at most 6 spaces; wrapped help text more.
        let is_option = |line: &&str| {
            line.len() - line.trim_start().len() <= 6 && line.trim_start().starts_with('-')
        };
        for line in options.lines().filter(is_option) {
            let words = line
                .split("  ")
                .filter(|part| !part.trim().is_empty())
                .count();
            assert!(words >= 2, "{command}: no help for {line:?}");
        }
    }
}

/// The field names of a JSON object, in order.
fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn json_field_names_do_not_change_by_accident() {
    let json = |args: &[&str], code| -> Value {
        serde_json::from_str(&stdout_of(&with_format(args, "json"), code)).unwrap()
    };
    let line_fields = [
        "line",
        "released",
        "released_range",
        "lts",
        "eol",
        "eol_range",
        "eol_by",
        "eol_by_line",
        "lts_until",
        "lts_from",
        "active_until",
        "phase",
        "branch",
        "roles",
        "latest_patch",
        "days_left",
        "projected",
        "overdue",
        "source",
    ];
    let supported = json(&["supported", "--on", "2026-03-01"], 0);
    assert_eq!(
        keys(&supported),
        ["schema_version", "policy", "on", "lines"]
    );
    assert_eq!(keys(&supported["lines"][0]), line_fields);
    assert_eq!(
        keys(&supported["lines"][0]["source"]),
        [
            "released",
            "lts",
            "eol",
            "latest_patch",
            "lts_from",
            "active_until"
        ]
    );
    let targets = json(&["backport-targets", "--latest", "1.3"], 0);
    assert_eq!(
        keys(&targets),
        [
            "schema_version",
            "policy",
            "on",
            "latest",
            "since",
            "targets"
        ]
    );
    let status = json(&["status", "1.3.7", "--on", "2026-11-25"], 0);
    assert_eq!(
        keys(&status),
        [
            "schema_version",
            "policy",
            "version",
            "line",
            "on",
            "supported",
            "state",
            "roles",
            "phase",
            "active_until",
            "eol",
            "days_left",
            "upgrade_to",
            "ends_soon",
            "details",
        ]
    );
    let releases = json(&["releases", "--on", "2026-01-01"], 0);
    assert_eq!(
        keys(&releases),
        ["schema_version", "policy", "from", "to", "lines"]
    );
    assert_eq!(
        keys(&releases["lines"][0]),
        [
            "line",
            "released",
            "released_range",
            "lts",
            "eol",
            "eol_range",
            "eol_by",
            "lts_until",
            "lts_from",
            "active_until",
            "branch",
            "projected",
            "overdue",
            "source"
        ]
    );
    let tag = json(&["tag", "latest", "--on", "2026-11-25"], 0);
    assert_eq!(
        keys(&tag),
        [
            "schema_version",
            "policy",
            "tag",
            "on",
            "version",
            "line",
            "released",
            "source"
        ]
    );
    let patch_day = json(&["next-patch", "--after", "2026-11-25"], 0);
    assert_eq!(
        keys(&patch_day),
        [
            "schema_version",
            "policy",
            "day",
            "weekday",
            "patches",
            "new_lines"
        ]
    );
    assert_eq!(
        keys(&patch_day["patches"][0]),
        ["version", "line", "branch", "roles", "source"]
    );
    let audit = json(&["audit", "--on", "2026-11-25"], 1);
    assert_eq!(
        keys(&audit),
        [
            "schema_version",
            "policy",
            "until",
            "history_until",
            "projected",
            "lines_checked",
            "findings"
        ]
    );
    assert_eq!(
        keys(&audit["findings"][0]),
        ["kind", "lines", "dates", "days", "projected", "message"]
    );
}

#[test]
fn every_flag_help_gives_an_example() {
    for command in COMMANDS.into_iter().chain(["completions"]) {
        let help = stdout_of(&[command, "--help"], 0);
        let options = help.split_once("Options:\n").unwrap().1;
        // In long help each option starts a block at 6 spaces or less; its
        // description follows, indented further, up to the next option.
        let mut blocks: Vec<String> = Vec::new();
        for line in options.lines() {
            let indent = line.len() - line.trim_start().len();
            if indent <= 6 && line.trim_start().starts_with('-') {
                blocks.push(String::new());
            }
            if let Some(block) = blocks.last_mut() {
                block.push_str(line);
                block.push('\n');
            }
        }
        for block in blocks
            .iter()
            .filter(|b| !b.trim_start().starts_with("-h") && !b.trim_start().starts_with("-V"))
        {
            assert!(
                block.contains("e.g.") || block.contains("Example"),
                "{command}: {block}"
            );
        }
    }
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
        "kind,lines,version,released,previous_released,due,promised,until,from,to,eol,days,\
         projected,message\n"
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
        let output = lts_policy(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    lts_policy(&["man", "--json"])
        .assert()
        .stderr("error: --format json is not available for man; it writes roff\n");
    lts_policy(&["completions", "bash", "--format", "script"])
        .assert()
        .success();
}

#[test]
fn colour_follows_the_environment_conventions() {
    let args = ["timeline", "--on", "2026-11-25", "--width", "60"];
    let coloured = |output: std::process::Output| {
        assert!(output.status.success());
        output.stdout.contains(&0x1b)
    };
    // Not a terminal: no colour, unless CLICOLOR_FORCE asks for it.
    assert!(!coloured(lts_policy(&args).output().unwrap()));
    assert!(coloured(
        lts_policy(&args)
            .env("CLICOLOR_FORCE", "1")
            .output()
            .unwrap()
    ));
    // NO_COLOR wins over CLICOLOR_FORCE; --color wins over both.
    let both = |color: &str| {
        let mut args = args.to_vec();
        args.extend(["--color", color]);
        lts_policy(&args)
            .env("CLICOLOR_FORCE", "1")
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    assert!(!coloured(both("auto")));
    assert!(coloured(both("always")));
    assert!(!coloured(
        lts_policy(&[&args[..], &["--color", "never"]].concat())
            .env("CLICOLOR_FORCE", "1")
            .output()
            .unwrap()
    ));
    // Tables are text too: their header is bold when colour is on.
    let table = lts_policy(&["supported", "--on", "2026-03-01", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains("\x1b[1mLINE"));
}

/// `--policy`, `--json`, `--format` and `--color` are taken before the
/// command and after it; one given after takes the place of the same one
/// given before, and `--format` that of `--json` wherever each is given
/// (README, "Usage").
#[test]
fn options_after_the_command_override_those_before() {
    let plain = |args: &[&str]| {
        let output = super::embedded(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    // Kestra on 2026-03-01: 1.3 comes on 2026-03-03, so 1.2 is the latest
    // line and 1.0 the LTS line; Node.js would answer with majors.
    let kestra = "examples/kestra.json";
    let nodejs = "examples/nodejs.json";
    let on = ["supported", "--on", "2026-03-01", "--format", "plain"];
    assert_eq!(
        plain(&[&["--policy", nodejs], &on[..], &["--policy", kestra]].concat()),
        "1.2\n1.0\n"
    );
    assert_eq!(
        plain(&[&["--policy", kestra], &on[..]].concat()),
        "1.2\n1.0\n"
    );
    let csv = plain(&[
        "--format",
        "csv",
        "supported",
        "--on",
        "2026-03-01",
        "--json",
    ]);
    assert!(csv.starts_with("line,released,"), "{csv}");
    let csv = plain(&[
        "--json",
        "supported",
        "--on",
        "2026-03-01",
        "--format",
        "csv",
    ]);
    assert!(csv.starts_with("line,released,"), "{csv}");
    let coloured = plain(&[
        "--color",
        "never",
        "supported",
        "--on",
        "2026-03-01",
        "--color",
        "always",
    ]);
    assert!(coloured.contains("\x1b[1mLINE"), "{coloured}");
    // Both on one side of the command is a usage error.
    let output = super::embedded(&["supported", "--json", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}
