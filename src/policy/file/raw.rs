//! The fields of a policy file, and the fast way to read a file that has
//! them of the right types and nothing else: straight into borrowed
//! fields, as the embedded policy is read at every start. Any other file is
//! walked field by field ([`super::shape`]) to report every problem; both
//! ways end in the same [`Rules`] and [`Entry`] values.

use std::fmt;

use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer};

use super::shape::{Field, Kind, Schema, Values};
use super::values::{
    Day, Entry, Flat, General, LtsValues, NewMajorValues, PatchesValues, Rules, ScheduleValues,
    SupportValues,
};

/// The policy file's fields: those of both forms, those of the first
/// (flat) form, those of the general form.
pub(super) static POLICY: Schema = Schema {
    fields: &[
        text("name", true),
        text("comment", false),
        text("release_weekday", false),
        count("minor_every_months"),
        count("lts_every_months"),
        count("lts_support_months"),
        count("lts_in_parallel"),
        text("lines", false),
        object("new_major", &NEW_MAJOR),
        object("releases", &SCHEDULE),
        Field {
            name: "patches",
            kind: Kind::TextOrObject(&SCHEDULE),
            required: false,
        },
        object("support", &SUPPORT),
        object("lts", &LTS),
        text("branch_template", true),
        text("tag_prefix", false),
        text("history_as_of", false),
        Field {
            name: "history",
            kind: Kind::Stream(&ENTRY),
            required: true,
        },
    ],
    names: &[
        "name",
        "comment",
        "lines",
        "new_major",
        "releases",
        "patches",
        "support",
        "lts",
        "branch_template",
        "tag_prefix",
        "history_as_of",
        "history",
        "release_weekday",
        "minor_every_months",
        "lts_every_months",
        "lts_support_months",
        "lts_in_parallel",
    ],
};

/// A schedule's fields.
static SCHEDULE: Schema = Schema {
    fields: &[
        count("every_months"),
        count("every_weeks"),
        Field {
            name: "in_months",
            kind: Kind::Counts,
            required: false,
        },
        Field {
            name: "on",
            kind: Kind::TextOrCount,
            required: false,
        },
    ],
    names: &["every_months", "every_weeks", "in_months", "on"],
};

/// A support rule's fields.
static SUPPORT: Schema = Schema {
    fields: &[
        count("months"),
        count("until_next"),
        count("grace_months"),
        text("round", false),
    ],
    names: &["months", "until_next", "grace_months", "round"],
};

/// The LTS rule's fields.
static LTS: Schema = Schema {
    fields: &[
        count("every"),
        count("every_months"),
        object("support", &SUPPORT),
    ],
    names: &["every", "every_months", "support"],
};

/// `new_major`'s fields.
static NEW_MAJOR: Schema = Schema {
    fields: &[count("after_minor"), count("in_month")],
    names: &["after_minor", "in_month"],
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
        required: false,
    }
}

const fn object(name: &'static str, schema: &'static Schema) -> Field {
    Field {
        name,
        kind: Kind::Object(schema),
        required: false,
    }
}

/// A file with every field of the right type; `None` for an optional
/// field that is absent.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPolicy<'a> {
    name: &'a str,
    comment: Option<&'a str>,
    release_weekday: Option<&'a str>,
    minor_every_months: Option<u64>,
    lts_every_months: Option<u64>,
    lts_support_months: Option<u64>,
    lts_in_parallel: Option<u64>,
    lines: Option<&'a str>,
    new_major: Option<NewMajorValues>,
    #[serde(borrow)]
    releases: Option<ScheduleValues<'a>>,
    #[serde(borrow)]
    patches: Option<PatchesValues<'a>>,
    #[serde(borrow)]
    support: Option<SupportValues<'a>>,
    #[serde(borrow)]
    lts: Option<LtsValues<'a>>,
    branch_template: &'a str,
    tag_prefix: Option<&'a str>,
    history_as_of: Option<&'a str>,
    #[serde(borrow)]
    pub history: Vec<RawEntry<'a>>,
}

impl<'a> RawPolicy<'a> {
    /// The rules, as the checks of meaning take them; the history stays.
    pub(super) fn rules(&mut self) -> Rules<'a> {
        Rules {
            wrong: Vec::new(),
            name: Some(self.name),
            comment: self.comment,
            flat: Flat {
                release_weekday: self.release_weekday,
                minor_every_months: self.minor_every_months,
                lts_every_months: self.lts_every_months,
                lts_support_months: self.lts_support_months,
                lts_in_parallel: self.lts_in_parallel,
            },
            general: General {
                lines: self.lines,
                new_major: self.new_major.take(),
                releases: self.releases.take(),
                patches: self.patches.take(),
                support: self.support.take(),
                lts: self.lts.take(),
            },
            branch_template: Some(self.branch_template),
            tag_prefix: self.tag_prefix,
            history_as_of: self.history_as_of,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry<'a> {
    line: &'a str,
    released: &'a str,
    lts: Option<bool>,
    eol: Option<&'a str>,
    #[serde(default, borrow)]
    patches: Vec<RawPatch<'a>>,
}

impl RawEntry<'_> {
    pub(super) fn values(&self) -> Entry<'_> {
        Entry {
            line: Some(self.line),
            released: Some(self.released),
            lts: self.lts,
            eol: self.eol,
            patches: self
                .patches
                .iter()
                .map(|patch| (Some(patch.version), Some(patch.released)))
                .collect(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPatch<'a> {
    version: &'a str,
    released: &'a str,
}

/// `on`: a string or a whole number.
impl<'de: 'a, 'a> Deserialize<'de> for Day<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DayVisitor;
        impl<'de> Visitor<'de> for DayVisitor {
            type Value = Day<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a whole number")
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Day<'de>, E> {
                Ok(Day::Text(text))
            }
            fn visit_u64<E: de::Error>(self, number: u64) -> Result<Day<'de>, E> {
                Ok(Day::Number(number))
            }
        }
        deserializer.deserialize_any(DayVisitor)
    }
}

/// `patches`: `"recorded"` (or another string, for the checks to reject)
/// or a schedule.
impl<'de: 'a, 'a> Deserialize<'de> for PatchesValues<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PatchesVisitor;
        impl<'de> Visitor<'de> for PatchesVisitor {
            type Value = PatchesValues<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an object")
            }
            fn visit_borrowed_str<E: de::Error>(
                self,
                text: &'de str,
            ) -> Result<PatchesValues<'de>, E> {
                Ok(PatchesValues::Text(text))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PatchesValues<'de>, A::Error> {
                ScheduleValues::deserialize(MapAccessDeserializer::new(map))
                    .map(PatchesValues::Schedule)
            }
        }
        deserializer.deserialize_any(PatchesVisitor)
    }
}

/// The rules of a file walked for its shape: its values of the right type.
pub(super) fn rules_of(top: &Values) -> Rules<'_> {
    Rules {
        wrong: top.wrong(),
        name: top.text("name"),
        comment: top.text("comment"),
        flat: Flat {
            release_weekday: top.text("release_weekday"),
            minor_every_months: top.count("minor_every_months"),
            lts_every_months: top.count("lts_every_months"),
            lts_support_months: top.count("lts_support_months"),
            lts_in_parallel: top.count("lts_in_parallel"),
        },
        general: General {
            lines: top.text("lines"),
            new_major: top.object("new_major").map(|values| NewMajorValues {
                wrong: values.wrong(),
                after_minor: values.count("after_minor"),
                in_month: values.count("in_month"),
            }),
            releases: top.object("releases").map(schedule_of),
            patches: match (top.text("patches"), top.object("patches")) {
                (Some(text), _) => Some(PatchesValues::Text(text)),
                (None, Some(values)) => Some(PatchesValues::Schedule(schedule_of(values))),
                (None, None) => None,
            },
            support: top.object("support").map(support_of),
            lts: top.object("lts").map(|values| LtsValues {
                wrong: values.wrong(),
                every: values.count("every"),
                every_months: values.count("every_months"),
                support: values.object("support").map(support_of),
            }),
        },
        branch_template: top.text("branch_template"),
        tag_prefix: top.text("tag_prefix"),
        history_as_of: top.text("history_as_of"),
    }
}

fn schedule_of(values: &Values) -> ScheduleValues<'_> {
    ScheduleValues {
        wrong: values.wrong(),
        every_months: values.count("every_months"),
        every_weeks: values.count("every_weeks"),
        in_months: values.counts("in_months").map(<[u64]>::to_vec),
        on: match (values.text("on"), values.count("on")) {
            (Some(text), _) => Some(Day::Text(text)),
            (None, Some(number)) => Some(Day::Number(number)),
            (None, None) => None,
        },
    }
}

fn support_of(values: &Values) -> SupportValues<'_> {
    SupportValues {
        wrong: values.wrong(),
        months: values.count("months"),
        until_next: values.count("until_next"),
        grace_months: values.count("grace_months"),
        round: values.text("round"),
    }
}

/// A history entry walked for its shape: its values of the right type.
pub(super) fn entry_of(values: &Values) -> Entry<'_> {
    Entry {
        line: values.text("line"),
        released: values.text("released"),
        lts: values.flag("lts"),
        eol: values.text("eol"),
        patches: values
            .list("patches")
            .iter()
            .map(|patch| (patch.text("version"), patch.text("released")))
            .collect(),
    }
}
