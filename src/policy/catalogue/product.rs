//! A policy file's `product` section: what describes the product rather
//! than its rules (its title, category and identifiers, the names it is
//! also known by), and where each of its rules comes from.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What describes a product rather than its rules.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Its name for people (`Node.js`).
    pub title: Option<String>,
    /// endoflife.date's category (`framework`, `os`, `server-app`, ...).
    pub category: Option<String>,
    /// Other names it goes by (`node`; an example policy's own name).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Package URLs and CPE names that identify it
    /// (`pkg:pypi/django`, `cpe:2.3:a:djangoproject:django`).
    #[serde(default)]
    pub identifiers: Vec<String>,
    /// The vendor's page on its releases and their support.
    pub policy_link: Option<String>,
    /// Where each rule comes from, rule by rule, in the file's order
    /// (written as an object: `{"releases": "fitted", ...}`).
    #[serde(default, with = "rules_from_form")]
    pub rules_from: Vec<RuleFrom>,
    /// The rules the product's record states in its comments, each with
    /// how its recorded ends bear it out, whether used or not.
    #[serde(default)]
    pub stated: Vec<StatedNote>,
}

/// Where one rule of a catalogue policy comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleFrom {
    /// The rule field (`releases`, `support`, `lts`, ...).
    pub rule: String,
    /// Where it comes from.
    pub from: Provenance,
}

/// `rules_from` as an object of rule names, in order.
mod rules_from_form {
    use std::fmt;

    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};

    use crate::policy::catalogue::product::RuleFrom;

    pub(super) fn serialize<S: Serializer>(
        rules: &[RuleFrom],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(rules.len()))?;
        for rule in rules {
            map.serialize_entry(&rule.rule, &rule.from)?;
        }
        map.end()
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<RuleFrom>, D::Error> {
        struct Rules;
        impl<'de> Visitor<'de> for Rules {
            type Value = Vec<RuleFrom>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of rule names and where each comes from")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut rules = Vec::new();
                while let Some((rule, from)) = map.next_entry()? {
                    rules.push(RuleFrom { rule, from });
                }
                Ok(rules)
            }
        }
        deserializer.deserialize_map(Rules)
    }
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    /// Stated in the product's record (a comment of endoflife.date's file).
    Stated,
    /// Encoded by hand from the vendor's published policy.
    Vendor,
    /// Fitted to the product's history.
    Fitted,
}

impl Provenance {
    /// Its name, as files and tables write it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Vendor => "vendor",
            Self::Fitted => "fitted",
        }
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A rule the record states, and how its own recorded ends bear it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedNote {
    /// The comment's text (`eol(x) = releaseDate(x+1)`).
    pub rule: String,
    /// How many recorded ends agree with it within a week.
    pub agree: u32,
    /// How many recorded ends it was checked against.
    pub of: u32,
    /// Whether the policy's rules use it.
    pub used: bool,
}
