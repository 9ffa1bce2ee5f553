//! The fields of a policy file, and the fast way to read a file that has
//! them all, of the right types and nothing else: straight into borrowed
//! fields, as the embedded policy is read at every start. Any other file is
//! walked field by field ([`super::shape`]) to report every problem.

use serde::Deserialize;

use super::shape::{Field, Kind, Schema};

/// The policy file's fields.
pub(super) static POLICY: Schema = Schema {
    fields: &[
        text("name", true),
        text("comment", false),
        text("release_weekday", true),
        count("minor_every_months"),
        count("lts_every_months"),
        count("lts_support_months"),
        count("lts_in_parallel"),
        text("branch_template", true),
        Field {
            name: "history",
            kind: Kind::Stream(&ENTRY),
            required: true,
        },
    ],
    names: &[
        "name",
        "comment",
        "release_weekday",
        "minor_every_months",
        "lts_every_months",
        "lts_support_months",
        "lts_in_parallel",
        "branch_template",
        "history",
    ],
};

/// A history entry's fields.
static ENTRY: Schema = Schema {
    fields: &[
        text("line", true),
        text("released", true),
        Field {
            name: "lts",
            kind: Kind::Flag,
            required: false,
        },
        text("eol", false),
        Field {
            name: "patches",
            kind: Kind::List(&PATCH),
            required: false,
        },
    ],
    names: &["line", "released", "lts", "eol", "patches"],
};

/// A recorded patch's fields.
static PATCH: Schema = Schema {
    fields: &[text("version", true), text("released", true)],
    names: &["version", "released"],
};

const fn text(name: &'static str, required: bool) -> Field {
    Field {
        name,
        kind: Kind::Text,
        required,
    }
}

const fn count(name: &'static str) -> Field {
    Field {
        name,
        kind: Kind::Count,
        required: true,
    }
}

/// A file with every field of the right type; `None` for an optional
/// field that is absent.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPolicy<'a> {
    pub name: &'a str,
    pub comment: Option<&'a str>,
    pub release_weekday: &'a str,
    pub minor_every_months: u64,
    pub lts_every_months: u64,
    pub lts_support_months: u64,
    pub lts_in_parallel: u64,
    pub branch_template: &'a str,
    #[serde(borrow)]
    pub history: Vec<RawEntry<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry<'a> {
    pub line: &'a str,
    pub released: &'a str,
    pub lts: Option<bool>,
    pub eol: Option<&'a str>,
    #[serde(default, borrow)]
    pub patches: Vec<RawPatch<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPatch<'a> {
    pub version: &'a str,
    pub released: &'a str,
}
