//! `--ignore FILE`: the suppressions a team commits, each with a reason
//! and a day it lapses after.

use std::path::Path;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use serde::Deserialize;

use lts_policy::catalogue::by_identifier;
use lts_policy::stack::{Outcome, Suppression};

use crate::render::reports::ComponentAnswer;
use crate::session::read_text;

/// One suppression, as the file writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// A package URL: the product it identifies (its version aside).
    purl: Option<String>,
    /// A product's name, or an alias of it.
    product: Option<String>,
    /// Only this line of the product; every line without it.
    line: Option<String>,
    /// Why: shown with each component it suppresses.
    reason: String,
    /// The last day it holds.
    #[serde(with = "iso_date")]
    until: NaiveDate,
}

/// The suppressions of a file.
#[derive(Debug, Default)]
pub struct Suppressions(Vec<Suppression>);

/// Dates as `YYYY-MM-DD`, read by the model's own reader.
mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, de::Error};

    pub fn deserialize<'de, D: Deserializer<'de>>(reader: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(reader)?;
        lts_policy::parse_date(&text).map_err(D::Error::custom)
    }
}

/// The suppressions of the file at `path`.
///
/// # Errors
/// A file that cannot be read, is not such a list, or names a product the
/// program does not carry.
pub fn read(path: &Path) -> Result<Suppressions> {
    let text = read_text(path, "--ignore file", "list of suppressions")?;
    let what = || format!("--ignore {}", path.display());
    let list: Vec<Entry> = serde_json::from_str(&text).with_context(what)?;
    let mut named = Vec::with_capacity(list.len());
    for (at, entry) in list.into_iter().enumerate() {
        let product = match (&entry.purl, &entry.product) {
            (Some(purl), None) => by_identifier(purl).map(|entry| entry.name),
            (None, Some(name)) => lts_policy::catalogue::entry(name).map(|entry| entry.name),
            _ => bail!(
                "{}: entry {at} names neither or both of \"purl\" and \"product\"; expected one",
                what()
            ),
        };
        let Some(product) = product else {
            bail!(
                "{}: entry {at} names no product the program carries (`lts-policy products` \
                 lists them)",
                what()
            );
        };
        named.push(Suppression {
            product,
            line: entry.line,
            reason: entry.reason,
            until: entry.until,
        });
    }
    Ok(Suppressions(named))
}

impl Suppressions {
    /// The reason of the first suppression in force on `on` that covers
    /// `answer`'s product and line.
    pub fn covering(&self, answer: &ComponentAnswer, on: NaiveDate) -> Option<String> {
        let Outcome::Known(verdict) = &answer.outcome else {
            return None;
        };
        self.0
            .iter()
            .find(|suppression| suppression.covers(verdict, on))
            .map(|suppression| suppression.reason.clone())
    }

    /// The suppressions lapsed by `on`.
    pub fn lapsed(&self, on: NaiveDate) -> Vec<Suppression> {
        self.0
            .iter()
            .filter(|suppression| suppression.lapsed(on))
            .cloned()
            .collect()
    }
}
