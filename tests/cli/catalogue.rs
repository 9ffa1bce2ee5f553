//! The catalogue from the command line: `--policy NAME` for every product
//! by endoflife.date's name, its aliases and the examples' own names;
//! `products` in every format; `products --identifier`; the generator's
//! errors. Expected answers are read by hand from the product files in
//! `tests/data/endoflife/products`: endoflife.date writes an end as the
//! phase's last day, so the first day without support is the day after.

use serde_json::Value;

use super::catalog::formats;
use super::{Scratch, embedded, outcome};

/// Runs the binary with `args`, which must exit with `code` and say
/// nothing on stderr; returns its stdout.
#[track_caller]
fn answer(args: &[&str], code: i32) -> String {
    let (status, stdout, stderr) = outcome(embedded(args).output().unwrap());
    assert_eq!(status, Some(code), "{args:?}: {stderr}");
    assert_eq!(stderr, "", "{args:?}");
    stdout
}

/// The one `error:` line of a run of `args`, which must exit 2 with
/// nothing on stdout.
#[track_caller]
pub(super) fn error_line(args: &[&str]) -> String {
    let (status, stdout, stderr) = outcome(embedded(args).output().unwrap());
    assert_eq!(status, Some(2), "{args:?}");
    assert_eq!(stdout, "", "{args:?}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    stderr
}

#[test]
fn nodejs_20_is_supported_through_the_last_day_its_record_gives() {
    // nodejs.md: 20 released 2023-04-18, LTS from 2023-10-24, eoas
    // 2024-10-22 and eol 2026-04-30, each the phase's last day.
    let on = |day| ["--policy", "nodejs", "status", "20", "--on", day];
    let plain = |day| [&on(day)[..], &["--format", "plain"]].concat();
    assert_eq!(answer(&plain("2026-04-30"), 0), "supported\n");
    assert_eq!(answer(&plain("2026-05-01"), 1), "ended\n");
    let json: Value =
        serde_json::from_str(&answer(&[&on("2026-04-30")[..], &["--json"]].concat(), 0)).unwrap();
    assert_eq!(json["policy"], "nodejs");
    assert_eq!(json["line"], "20");
    // The first days without support: the day after each last day.
    assert_eq!(json["eol"], "2026-05-01");
    assert_eq!(json["active_until"], "2024-10-23");
    assert_eq!(json["days_left"], 1);
    assert_eq!(json["details"]["released"], "2023-04-18");
    assert_eq!(json["details"]["lts_from"], "2023-10-24");
    // 20.20.2, of 2026-03-24, is the newest patch the record gives.
    assert_eq!(json["details"]["latest_patch"], "20.20.2");
    assert_eq!(json["details"]["projected"], false);
}

#[test]
fn spring_framework_and_postgresql_answer_by_name() {
    let plain = |name, day| {
        answer(
            &[
                "--policy",
                name,
                "supported",
                "--on",
                day,
                "--format",
                "plain",
            ],
            0,
        )
    };
    // spring-framework.md: 6.2's OSS support ends 2026-06-30 (its last
    // day); 7.0 came out 2025-11-30; 6.1 ended 2025-06-30.
    assert_eq!(plain("spring-framework", "2026-06-30"), "7.0\n6.2\n");
    assert_eq!(plain("spring-framework", "2026-07-01"), "7.0\n");
    // postgresql.md: 13's last day is 2025-11-13; 18 came 2025-09-25; 14
    // to 17 run to 2026 and later.
    assert_eq!(
        plain("postgresql", "2025-11-13"),
        "18\n17\n16\n15\n14\n13\n"
    );
    assert_eq!(plain("postgresql", "2025-11-14"), "18\n17\n16\n15\n14\n");
}

#[test]
fn aliases_and_examples_names_are_their_products() {
    let json_of = |name| -> Value {
        let args = [
            "--policy",
            name,
            "supported",
            "--on",
            "2025-11-14",
            "--json",
        ];
        serde_json::from_str(&answer(&args, 0)).unwrap()
    };
    // postgresql.md's alternate_urls: /postgres, /pg, /psql, /pgsql;
    // nodejs.md's: /node.
    for (alias, product) in [
        ("pg", "postgresql"),
        ("pgsql", "postgresql"),
        ("node", "nodejs"),
        // The examples' own names (examples/camel.json, quarkus.json).
        ("camel", "apache-camel"),
        ("quarkus", "quarkus-framework"),
    ] {
        let by_alias = json_of(alias);
        assert_eq!(by_alias["policy"], product, "{alias}");
        assert_eq!(by_alias, json_of(product), "{alias}");
    }
}

#[test]
fn a_mistyped_name_says_which_names_are_near() {
    assert_eq!(
        error_line(&["--policy", "nodjs", "supported"]),
        "error: no policy file and no product named 'nodjs'; a similar name exists: 'nodejs'\n"
    );
    // A name of 300 characters is quoted to its first 64; an escape
    // character is shown, not sent to the terminal.
    let long = "x".repeat(300);
    assert_eq!(
        error_line(&["--policy", &long, "supported"]),
        format!(
            "error: no policy file and no product named '{}…'; `lts-policy products` lists \
             the policies it carries\n",
            "x".repeat(64)
        )
    );
    assert_eq!(
        error_line(&["--policy", "a\u{1b}[2Jb", "supported"]),
        "error: no policy file and no product named 'a\\u{1b}[2Jb'; `lts-policy products` \
         lists the policies it carries\n"
    );
}

#[test]
fn a_directory_named_as_a_product_leaves_the_name_to_the_catalogue() {
    // A checkout often holds a `nodejs/` or `go/` folder: --policy nodejs
    // is still Node.js (on 2026-01-01: 25 latest, 24 and 22 LTS, 20 in
    // its last months, to 2026-04-30 as nodejs.md records).
    let scratch = Scratch::new("product-folder");
    std::fs::create_dir(scratch.join("nodejs")).unwrap();
    let output = embedded(&["--policy", "nodejs", "supported", "--on", "2026-01-01"])
        .args(["--format", "plain"])
        .current_dir(scratch.join("."))
        .output()
        .unwrap();
    assert_eq!(
        outcome(output),
        (Some(0), "25\n24\n22\n20\n".to_owned(), String::new())
    );
}

#[test]
fn an_examples_path_outside_a_clone_is_the_example_and_no_other_missing_path_is() {
    // The README's `--policy examples/nodejs.json`, run where there is no
    // examples/ folder: the example the program carries, with a note (on
    // 2026-01-01, as above: 25, 24, 22, 20).
    let scratch = Scratch::new("outside-a-clone");
    let run = |policy: &str| {
        let output = embedded(&["--policy", policy, "supported", "--on", "2026-01-01"])
            .args(["--format", "plain"])
            .current_dir(scratch.join("."))
            .output()
            .unwrap();
        outcome(output)
    };
    assert_eq!(
        run("examples/nodejs.json"),
        (
            Some(0),
            "25\n24\n22\n20\n".to_owned(),
            "note: examples/nodejs.json: no such file; answering from the policy the program \
             carries, nodejs\n"
                .to_owned()
        )
    );
    // A custom policy's path that is not there is an error, never the
    // catalogue's product of that name.
    assert_eq!(run("./examples/nodejs.json").0, Some(0));
    // React has no example: examples/react.json is someone's own file.
    for missing in [
        "policies/nodejs.json",
        "/etc/nodejs",
        "nodejs.json",
        "examples/react.json",
    ] {
        let (status, stdout, stderr) = run(missing);
        assert_eq!((status, stdout.as_str()), (Some(2), ""), "{missing}");
        assert!(
            stderr.starts_with("error: cannot read policy file"),
            "{missing}: {stderr}"
        );
    }
}

/// nodejs.md's identifiers (its `repology` name is none of them).
const NODEJS_IDENTIFIERS: [&str; 8] = [
    "pkg:generic/node",
    "pkg:docker/circleci/node",
    "pkg:docker/library/node",
    "pkg:docker/cimg/node",
    "pkg:docker/bitnami/node",
    "pkg:rpm/redhat/nodejs",
    "pkg:rpm/redhat/nodejs24",
    "cpe:2.3:a:nodejs:node.js",
];

/// What the catalogue says of Node.js: its rules are the vendor's,
/// encoded by hand in examples/nodejs.json.
const NODEJS_RULES: [&str; 5] = ["releases", "patches", "support", "active", "lts"];

#[test]
fn products_lists_every_product_in_every_format() {
    // 445 products of the snapshot and Kestra.
    let products = 446;
    for format in formats("products") {
        let printed = answer(&["products", "--format", format], 0);
        match *format {
            "text" => check_text(&printed, products),
            "json" => {
                let json: Value = serde_json::from_str(&printed).unwrap();
                let all = json["products"].as_array().unwrap();
                assert_eq!(all.len(), products);
                check_nodejs(all.iter().find(|p| p["name"] == "nodejs").unwrap());
            }
            "ndjson" => {
                assert_eq!(printed.lines().count(), products);
                let nodejs = printed
                    .lines()
                    .find(|l| l.contains(r#""name":"nodejs""#))
                    .unwrap();
                check_nodejs(&serde_json::from_str(nodejs).unwrap());
            }
            "csv" => check_csv(&printed, products),
            "plain" => {
                let names: Vec<&str> = printed.lines().collect();
                assert_eq!(names.len(), products);
                assert!(names.contains(&"nodejs") && names.contains(&"kestra"));
                assert!(names.is_sorted());
            }
            other => panic!("products writes no {other}"),
        }
    }
}

/// `products`'s text: a header, one row per product, Node.js's row.
#[track_caller]
fn check_text(printed: &str, products: usize) {
    let mut lines = printed.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(
        header.join(" "),
        "NAME TITLE CATEGORY LINES RULES ENDS RELEASES IDENTIFIERS"
    );
    assert_eq!(lines.count(), products);
    let nodejs = printed.lines().find(|l| l.starts_with("nodejs ")).unwrap();
    let words: Vec<&str> = nodejs.split_whitespace().collect();
    // The first identifier and how many more there are.
    assert_eq!(
        words,
        [
            "nodejs",
            "Node.js",
            "framework",
            "major",
            "vendor",
            // catalogue/backtest.tsv's nodejs row: ends 14 of 14 right,
            // next releases 3 of 7.
            "14/14",
            "3/7",
            "pkg:generic/node",
            "(+7)"
        ]
    );
}

/// `products`'s CSV: a header, one record per product, Node.js's.
#[track_caller]
fn check_csv(printed: &str, products: usize) {
    let mut lines = printed.lines();
    assert_eq!(
        lines.next().unwrap(),
        "name,title,category,lines,identifiers,aliases,rules_from,releases_right,\
             releases_total,ends_right,ends_total,release_ranges_held,\
             release_ranges_total,end_ranges_held,end_ranges_total"
    );
    assert_eq!(lines.count(), products);
    let nodejs = printed.lines().find(|l| l.starts_with("nodejs,")).unwrap();
    let rules: Vec<String> = NODEJS_RULES.iter().map(|r| format!("{r}=vendor")).collect();
    let expected = format!(
        "nodejs,Node.js,framework,major,{},node,{},",
        NODEJS_IDENTIFIERS.join(" "),
        rules.join(" ")
    );
    assert!(nodejs.starts_with(&expected), "{nodejs}");
}

/// Node.js's entry in `products`'s JSON: nodejs.md's title, category,
/// identifiers and alias, and the vendor's rules.
#[track_caller]
fn check_nodejs(entry: &Value) {
    assert_eq!(entry["title"], "Node.js");
    assert_eq!(entry["category"], "framework");
    assert_eq!(entry["lines"], "major");
    assert_eq!(entry["identifiers"], serde_json::json!(NODEJS_IDENTIFIERS));
    assert_eq!(entry["aliases"], serde_json::json!(["node"]));
    let rules: Vec<Value> = NODEJS_RULES
        .iter()
        .map(|rule| serde_json::json!({"rule": rule, "from": "vendor"}))
        .collect();
    assert_eq!(entry["rules_from"], Value::Array(rules));
    // catalogue/backtest.tsv's nodejs row: every end inside its range
    // (Node.js's recorded ends fall on its rules' day or the day after).
    assert_eq!(
        entry["backtest"],
        serde_json::json!({
            "releases_right": 3, "releases_total": 7, "ends_right": 14, "ends_total": 14,
            "release_ranges_held": 3, "release_ranges_total": 7,
            "end_ranges_held": 14, "end_ranges_total": 14,
        })
    );
}

#[test]
fn an_identifier_finds_its_product() {
    // django.md: pkg:pypi/django, cpe:2.3:a:djangoproject:django; a
    // version, or a CPE's fields after the product, do not matter.
    for identifier in [
        "pkg:pypi/django",
        "pkg:pypi/Django@4.2.1",
        "cpe:2.3:a:djangoproject:django:4.2.1:*:*:*:*:*:*:*",
    ] {
        let args = ["products", "--identifier", identifier, "--format", "plain"];
        assert_eq!(answer(&args, 0), "django\n", "{identifier}");
    }
    // adonisjs.md lists pkg:npm/%40adonisjs/core; tools often write the
    // scope's `@` unencoded, and the version follows the name's `@`.
    let args = [
        "products",
        "--identifier",
        "pkg:npm/@adonisjs/core@5.0.0",
        "--format",
        "plain",
    ];
    assert_eq!(answer(&args, 0), "adonisjs\n");
    // Neither a purl nor a CPE: bad input, not "no product".
    for garbage in ["garbage", "", "pkg:npm", "cpe:2.3:a"] {
        let stderr = error_line(&["products", "--identifier", garbage]);
        assert!(
            stderr.starts_with(&format!(
                "error: --identifier \"{garbage}\": neither a package URL"
            )),
            "{stderr}"
        );
    }
    // postgresql.md's CPE.
    let args = [
        "products",
        "--identifier",
        "cpe:2.3:a:postgresql:postgresql",
    ];
    let found = answer(&[&args[..], &["--format", "plain"]].concat(), 0);
    assert_eq!(found, "postgresql\n");
    // None has it: exit 1, nothing on stdout, a note.
    let (status, stdout, stderr) = outcome(
        embedded(&["products", "--identifier", "pkg:npm/nothing-here"])
            .output()
            .unwrap(),
    );
    assert_eq!(status, Some(1));
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "note: no product the program carries has the identifier pkg:npm/nothing-here\n"
    );
}

#[test]
fn the_generator_says_what_it_cannot_read_in_one_line() {
    let scratch = Scratch::new("from-endoflife");
    let from = |file: &str| error_line(&["policy", "--from-endoflife", file]);
    let missing = scratch.path_to("no-such.md");
    assert_eq!(
        from(&missing),
        format!(
            "error: cannot read product file {missing}: No such file or directory (os error 2)\n"
        )
    );
    // Markdown, but not a product page: no front matter, or no releases.
    assert_eq!(
        from("tests/data/endoflife/README.md"),
        "error: product file tests/data/endoflife/README.md: no front matter: a product \
         file starts with a line `---`\n"
    );
    let no_releases = scratch.path_to("page.md");
    std::fs::write(&no_releases, "---\ntitle: A page\n---\n# Text\n").unwrap();
    assert_eq!(
        from(&no_releases),
        format!("error: product file {no_releases}: its front matter has no `releases` list\n")
    );
    // A product file cut short: its front matter never closes. Read as if
    // whole, its first cycle alone would make a policy.
    let cut_short = scratch.path_to("cut.md");
    let grunt = std::fs::read_to_string("tests/data/endoflife/products/grunt.md").unwrap();
    let first_lines: Vec<&str> = grunt.lines().take(30).collect();
    std::fs::write(&cut_short, first_lines.join("\n")).unwrap();
    assert_eq!(
        from(&cut_short),
        format!(
            "error: product file {cut_short}: its front matter has no closing line `---`: is the \
             file cut short?\n"
        )
    );
    // Nested YAML aliases: 261 bytes that expand to 9^5 strings, refused
    // before they are expanded.
    let aliases = scratch.path_to("aliases.md");
    let mut bomb =
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            .to_owned();
    for (name, named) in [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d")] {
        let uses = vec![format!("*{named}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{uses}]\n"));
    }
    bomb.push_str("releases: [*e]\n---\n");
    std::fs::write(&aliases, bomb).unwrap();
    assert_eq!(
        from(&aliases),
        format!(
            "error: product file {aliases}: its front matter uses a YAML alias (`*name`); a \
             product file writes each value out\n"
        )
    );
    // Release-data that is not: a number where the versions go.
    let bad = scratch.path_to("versions.json");
    std::fs::write(&bad, r#"{"versions": 3}"#).unwrap();
    let go = "tests/data/endoflife/products/go.md";
    assert_eq!(
        error_line(&["policy", "--from-endoflife", go, "--release-data", &bad]),
        format!(
            "error: release-data file {bad}: not release-data (`{{\"versions\": {{NAME: \
             {{\"date\": DAY}}}}}}`): invalid type: integer `3`, expected a map at line 1 \
             column 14\n"
        )
    );
}

#[test]
fn a_record_is_complete_up_to_a_day_that_has_come() {
    // The tests' today is 2026-09-07: a record complete up to the day
    // after would say no line comes out before it.
    let go = "tests/data/endoflife/products/go.md";
    let generate = |as_of| ["policy", "--from-endoflife", go, "--as-of", as_of];
    assert_eq!(
        error_line(&generate("2026-09-08")),
        "error: --as-of 2026-09-08 is after today, 2026-09-07: a record is complete up to a day \
         that has come\n"
    );
    assert!(answer(&generate("2026-09-07"), 0).contains(r#""history_as_of": "2026-09-07""#));
}

#[test]
fn the_generator_names_what_a_cycle_says_against_itself() {
    // 1.1's latest release (2025-02-01) is dated before its first
    // (2025-03-01), as 72 cycles of the snapshot are: left out, and said
    // in one note, as `--endoflife` says it; the policy is written.
    let scratch = Scratch::new("from-endoflife-contradiction");
    let file = scratch.path_to("demo.md");
    std::fs::write(
        &file,
        "---\ntitle: Demo\nreleases:\n\
         \x20 - releaseCycle: \"1.1\"\n    releaseDate: 2025-03-01\n    eol: false\n\
         \x20   latest: \"1.1.0\"\n    latestReleaseDate: 2025-02-01\n\
         \x20 - releaseCycle: \"1.0\"\n    releaseDate: 2025-01-01\n    eol: 2025-06-01\n---\n",
    )
    .unwrap();
    let (code, stdout, stderr) = outcome(
        embedded(&["policy", "--from-endoflife", &file, "--as-of", "2025-08-01"])
            .output()
            .unwrap(),
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains(r#"{"line": "1.1", "released": "2025-03-01""#),
        "{stdout}"
    );
    assert_eq!(
        stderr,
        format!(
            "note: product file {file}: left out what cycles say against themselves: \"1.1\" \
             (its latest release is dated before its first)\n"
        )
    );
}

#[test]
fn a_byte_order_mark_before_a_product_file_or_its_release_data_is_read() {
    // As a policy file's is: a Windows editor writes one first.
    let scratch = Scratch::new("from-endoflife-bom");
    let with_mark = |path: &str| {
        let copy = scratch.path_to(path.rsplit('/').next().unwrap());
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(&copy, format!("\u{feff}{text}")).unwrap();
        copy
    };
    let (file, versions) = (
        "tests/data/endoflife/products/go.md",
        "tests/data/endoflife/release-data/go.json",
    );
    let generated = |file: &str, versions: &str| {
        let args = [
            "policy",
            "--from-endoflife",
            file,
            "--release-data",
            versions,
        ];
        answer(&[&args[..], &["--as-of", "2026-08-22"]].concat(), 0)
    };
    let plain = generated(file, versions);
    assert!(plain.contains(r#"{"version": "1.20.14", "#), "{plain}");
    assert_eq!(generated(&with_mark(file), &with_mark(versions)), plain);
}

#[test]
fn an_examples_rules_carry_over_the_records_older_cycles_of_another_numbering() {
    // .NET's example numbers majors (5 to 10); the record's older cycles are
    // minors, 2.1 (2018-05-30 to its last day 2021-08-21), 3.0 (2019-09-23
    // to 2020-03-03) and 3.1 (2019-12-03 to 2022-12-13): on 3.0's last day
    // all three, the day after two.
    let plain = ["--format", "plain"];
    let supported = |policy, on| {
        answer(
            &[&["--policy", policy, "supported", "--on", on], &plain[..]].concat(),
            0,
        )
    };
    assert_eq!(supported("dotnet", "2020-03-03"), "3.1\n3.0\n2.1\n");
    assert_eq!(supported("dotnet", "2020-03-04"), "3.1\n2.1\n");
    // Grafana's example numbers minors; 7 (2020-05-15 to 2022-06-14) and 8
    // (2021-06-08 to 2023-06-09) are majors, beside 9.0 from 2022-06-13.
    assert_eq!(supported("grafana", "2022-06-14"), "9.0\n8\n7\n");
    assert_eq!(supported("grafana", "2022-06-15"), "9.0\n8\n");
    // The example's own lines keep their branches: release/{major}.0 is
    // release/{line}.0 for majors (and names 3.1 release/3.1.0).
    let branches = |on| {
        let asked = ["--policy", "dotnet", "backport-targets", "--security"];
        let renovate = answer(
            &[&asked[..], &["--on", on, "--format", "renovate"]].concat(),
            0,
        );
        serde_json::from_str::<Value>(&renovate).unwrap()["baseBranches"].clone()
    };
    let expected = serde_json::json!(["release/10.0", "release/9.0", "release/8.0"]);
    assert_eq!(branches("2026-09-01"), expected);
    let expected = serde_json::json!(["release/3.1.0", "release/2.1.0"]);
    assert_eq!(branches("2020-03-04"), expected);
}

#[test]
fn the_catalogues_commands_refuse_a_policy_or_facts_they_would_ignore() {
    // scan and products answer each product by its own catalogue policy: a
    // --policy (even one that does not exist) or a source of facts given
    // to them would be ignored, and the answer taken for the caller's.
    let sbom = "tests/data/sbom/juice-shop-11.1.2.cdx.json";
    for (args, flag, command) in [
        (
            &["--policy", "nosuch", "scan", sbom][..],
            "--policy",
            "scan",
        ),
        (
            &["scan", "--policy", "nodejs", sbom][..],
            "--policy",
            "scan",
        ),
        (&["--git", ".", "scan", sbom][..], "--git", "scan"),
        (
            &["--policy", "nodejs", "products"][..],
            "--policy",
            "products",
        ),
        (
            &["--endoflife", "-", "products"][..],
            "--endoflife",
            "products",
        ),
    ] {
        let line = error_line(args);
        let expected = format!("error: {flag} does not apply to {command}: it answers from");
        assert!(line.starts_with(&expected), "{args:?}: {line}");
    }
}
