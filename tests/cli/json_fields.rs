//! The field names of each JSON answer, in their order: JSON is a
//! contract, and a field is renamed or removed only with a new
//! `schema_version`.

use serde_json::Value;

use super::{stdout_of, with_format};

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
