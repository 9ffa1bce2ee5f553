//! OpenEoX Core 1.0: `status --format openeox` and `releases --format
//! openeox`, each document valid against the published schema
//! (tests/data/standards/openeox/eox-core.json) with formats checked: its
//! `oneOf` of a `date-time` and `"tba"` needs that to tell them apart.

use serde_json::Value;

use super::embedded;

/// The Core schema, as a validator that checks formats. The schema names
/// OASIS's own meta-schema, which is not at hand offline; it is JSON Schema
/// 2020-12, so the validator is told that draft instead.
fn core_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string("tests/data/standards/openeox/eox-core.json").unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema".into();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn stdout_json(args: &[&str]) -> Value {
    let output = embedded(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(1).filter(|_| args.contains(&"status")).or(Some(0))
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Grunt 1.2.1's status on 2026-12-07, as an OpenEoX document.
const GRUNT_1_2_1: [&str; 8] = [
    "--policy",
    "grunt",
    "status",
    "1.2.1",
    "--on",
    "2026-12-07",
    "--format",
    "openeox",
];

#[test]
fn status_writes_one_valid_core_document_with_last_days() {
    let validator = core_validator();
    let document = stdout_json(&GRUNT_1_2_1);
    assert!(validator.is_valid(&document), "{document}");
    // Grunt 1.2: EOL 2020-08-19, so its last day 2020-08-18, as the record
    // writes it; extended support not over in the record (eoes: false), so
    // the end of any support is to be announced.
    assert_eq!(document["end_of_security_support"], "2020-08-18T00:00:00Z");
    assert_eq!(document["end_of_life"], "tba");
    assert_eq!(document["general_availability"], "2020-07-03T00:00:00Z");
    // The day the record is complete up to: the snapshot's, 2026-08-22.
    assert_eq!(document["last_updated"], "2026-08-22T00:00:00Z");
}

#[test]
fn a_device_writes_its_last_day_on_sale() {
    // iphone.md: 14 discontinued 2025-02-19 (its last day sold, as
    // endoflife.date writes it), still supported; 17 still sold: to be
    // announced. Each a valid Core document.
    let validator = core_validator();
    let document = |line: &str| -> Value {
        let args = ["--policy", "iphone", "status", line, "--on", "2026-08-01"];
        let output = embedded(&[&args[..], &["--format", "openeox"]].concat())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let document = serde_json::from_slice(&output.stdout).unwrap();
        assert!(validator.is_valid(&document), "{document}");
        document
    };
    assert_eq!(document("14")["end_of_sales"], "2025-02-19T00:00:00Z");
    assert_eq!(document("17")["end_of_sales"], "tba");
    // Software the record says nothing of selling has no end of sales.
    assert_eq!(stdout_json(&GRUNT_1_2_1).get("end_of_sales"), None);
}

#[test]
fn a_mistyped_end_is_refused_by_the_schema_with_formats_checked() {
    let validator = core_validator();
    let mut document = stdout_json(&GRUNT_1_2_1);
    document["end_of_security_support"] = "2020-08-18".into();
    assert!(!validator.is_valid(&document));
}

#[test]
fn releases_writes_each_line_wrapped_with_product_line_and_projection() {
    let validator = core_validator();
    let lines = stdout_json(&[
        "--policy",
        "eclipse-jetty",
        "releases",
        "--from",
        "2016-01-01",
        "--to",
        "2030-12-31",
        "--format",
        "openeox",
    ]);
    let lines = lines.as_array().unwrap();
    for line in lines {
        assert!(validator.is_valid(&line["eox"]), "{line}");
        assert_eq!(line["product"], "eclipse-jetty");
    }
    // 9.4's record: eol 2025-08-14, its last day, written as it is.
    let jetty_9_4 = lines.iter().find(|line| line["line"] == "9.4").unwrap();
    assert_eq!(
        jetty_9_4["eox"]["end_of_security_support"],
        "2025-08-14T00:00:00Z"
    );
    assert_eq!(jetty_9_4["projected"], false);
    assert!(lines.iter().any(|line| line["projected"] == true));
}

#[test]
fn a_name_a_policy_controls_is_escaped_as_every_document_escapes_it() {
    // A line separator, a bidirectional override, NEL and DEL in the
    // policy's name: a terminal acts on each, so each is written \uXXXX,
    // and the document reads back to the same name.
    let scratch = super::Scratch::new("openeox-escapes");
    let policy = scratch.join("bidi.json");
    let name = "n\u{2028}x\u{202e}y\u{85}z\u{7f}";
    let file = serde_json::json!({
        "name": name, "releases": {"every_months": 2}, "branch_template": "r{major}.{minor}",
        "history": [{"line": "1.0", "released": "2025-09-09"}]
    });
    std::fs::write(&policy, file.to_string()).unwrap();
    let args = [
        "--policy",
        policy.to_str().unwrap(),
        "releases",
        "--to",
        "2026-01-01",
        "--on",
        "2025-09-09",
        "--format",
        "openeox",
    ];
    let output = embedded(&args).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(r#""product": "n\u2028x\u202ey\u0085z\u007f""#),
        "{text}"
    );
    let lines: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(lines[0]["product"], name);
}
