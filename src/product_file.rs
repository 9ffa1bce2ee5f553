//! endoflife.date's product files (`products/NAME.md`) and release-data
//! (`release-data/NAME.json`), read into a [`ProductRecord`] for the
//! catalogue's generator. A product file's YAML front matter lists the
//! cycles and describes the product; its comments state its rules, read
//! from the raw text, since a YAML parser drops them.
//!
//! Behind the `endoflife-files` feature (on with the command line): the
//! model itself reads no YAML.

use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value};
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::{Yaml, YamlLoader};

use crate::catalogue::{Product, ProductRecord, StatedRule};
use crate::parse_date;
use crate::policy::file::without_byte_order_mark;

/// Why a product file, or a release-data file, cannot be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum ProductFileError {
    /// The file does not start with a `---` front matter.
    NoFrontMatter,
    /// The front matter has no closing `---` line: a file cut short.
    UnclosedFrontMatter,
    /// The front matter is not YAML: where and why.
    Yaml(String),
    /// The front matter has no `releases` list.
    NoReleases,
    /// A release is not a map of fields, or has no `releaseCycle`
    /// (counted from 1).
    Release(usize),
    /// A release-data file is not `{"versions": {NAME: {"date": DAY}}}`.
    ReleaseData(String),
    /// The front matter uses a YAML alias (`*name`), which no product file
    /// of endoflife.date does: the loader copies the node it names at each
    /// use, so that a few hundred bytes of nested aliases ask for gigabytes.
    Alias,
}

impl fmt::Display for ProductFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoFrontMatter => {
                f.write_str("no front matter: a product file starts with a line `---`")
            }
            Self::UnclosedFrontMatter => f.write_str(
                "its front matter has no closing line `---`: is the file cut short?",
            ),
            Self::Yaml(why) => write!(f, "its front matter is not YAML: {why}"),
            Self::NoReleases => f.write_str("its front matter has no `releases` list"),
            Self::Alias => f.write_str(
                "its front matter uses a YAML alias (`*name`); a product file writes each value out",
            ),
            Self::Release(at) => {
                write!(
                    f,
                    "release {at} of `releases` is not a map with a `releaseCycle`"
                )
            }
            Self::ReleaseData(why) => write!(
                f,
                "not release-data (`{{\"versions\": {{NAME: {{\"date\": DAY}}}}}}`): {why}"
            ),
        }
    }
}

impl std::error::Error for ProductFileError {}

/// The record of the product `name` its file `text` holds: the product's
/// title, category, aliases (`alternate_urls`), identifiers (purl and
/// CPE), policy link, its cycles, and the rules its comments state.
///
/// # Errors
/// A file with no front matter, front matter that is not YAML or lists no
/// releases, a release without its `releaseCycle`.
///
/// # Examples
/// ```
/// use lts_policy::product_file::read_product_file;
/// let file = "---\ntitle: Demo\ncategory: lang\nidentifiers:\n  - purl: pkg:generic/demo\n\
///     releases:\n  # eol(x) = releaseDate(x+1)\n  - releaseCycle: \"1.0\"\n    \
///     releaseDate: 2025-01-01\n    eol: false\n---\nText.\n";
/// let record = read_product_file("demo", file)?;
/// assert_eq!(record.product.identifiers, ["pkg:generic/demo"]);
/// assert_eq!(record.stated.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_product_file(name: &str, text: &str) -> Result<ProductRecord, ProductFileError> {
    let (front, _) = without_byte_order_mark(text)
        .strip_prefix("---")
        .ok_or(ProductFileError::NoFrontMatter)?
        .split_once("\n---")
        .ok_or(ProductFileError::UnclosedFrontMatter)?;
    refuse_aliases(front)?;
    let docs =
        YamlLoader::load_from_str(front).map_err(|err| ProductFileError::Yaml(err.to_string()))?;
    let doc = docs.first().ok_or(ProductFileError::NoReleases)?;
    let releases = doc["releases"]
        .as_vec()
        .ok_or(ProductFileError::NoReleases)?;
    let mut cycles = Vec::with_capacity(releases.len());
    for (at, release) in releases.iter().enumerate() {
        let fields: Map<String, Value> = release
            .as_hash()
            .ok_or(ProductFileError::Release(at + 1))?
            .iter()
            .filter_map(|(key, field)| Some((key.as_str()?.to_owned(), scalar(field))))
            .collect();
        if fields.get("releaseCycle").is_none_or(Value::is_null) {
            return Err(ProductFileError::Release(at + 1));
        }
        cycles.push(Value::Object(fields));
    }
    let text_of = |key: &str| doc[key].as_str().map(str::to_owned);
    let product = Product {
        title: text_of("title"),
        category: text_of("category"),
        aliases: doc["alternate_urls"]
            .as_vec()
            .into_iter()
            .flatten()
            .filter_map(Yaml::as_str)
            .map(|url| url.trim_matches('/').to_owned())
            .filter(|alias| !alias.is_empty() && alias != name)
            .collect(),
        identifiers: doc["identifiers"]
            .as_vec()
            .into_iter()
            .flatten()
            .filter_map(|identifier| {
                ["purl", "cpe"]
                    .iter()
                    .find_map(|kind| identifier[*kind].as_str())
                    .map(str::to_owned)
            })
            .collect(),
        policy_link: text_of("releasePolicyLink"),
        ..Product::default()
    };
    Ok(ProductRecord {
        name: name.to_owned(),
        product,
        cycles: Value::Array(cycles).to_string(),
        stated: StatedRule::all_in(front),
        versions: Vec::new(),
        complete_up_to: None,
    })
}

/// Refuses a front matter with an alias before it is loaded: the parser's
/// events come one at a time, linear in the text, where loading expands
/// each alias into a copy of what it names.
fn refuse_aliases(front: &str) -> Result<(), ProductFileError> {
    let mut parser = Parser::new_from_str(front);
    loop {
        match parser.next_token() {
            Ok((Event::Alias(_), _)) => return Err(ProductFileError::Alias),
            Ok((Event::StreamEnd, _)) => return Ok(()),
            Ok(_) => {}
            Err(err) => return Err(ProductFileError::Yaml(err.to_string())),
        }
    }
}

/// A scalar of the front matter as endoflife.date's API writes it: a
/// boolean stays one, any other scalar is text (`3.10` stays `3.10`).
fn scalar(yaml: &Yaml) -> Value {
    match yaml {
        Yaml::Boolean(flag) => Value::Bool(*flag),
        Yaml::String(text) | Yaml::Real(text) => Value::String(text.clone()),
        Yaml::Integer(number) => Value::String(number.to_string()),
        _ => Value::Null,
    }
}

/// A release-data file's dated versions, each a name and its day
/// (versions without a day are left out).
///
/// # Errors
/// Text that is not a release-data file.
pub fn read_release_data(json: &str) -> Result<Vec<(String, NaiveDate)>, ProductFileError> {
    #[derive(Deserialize)]
    struct ReleaseData {
        versions: Map<String, Value>,
    }
    let data: ReleaseData = serde_json::from_str(without_byte_order_mark(json))
        .map_err(|err| ProductFileError::ReleaseData(err.to_string()))?;
    let mut versions = Vec::with_capacity(data.versions.len());
    for (name, version) in data.versions {
        let Some(day) = version.get("date").and_then(Value::as_str) else {
            continue;
        };
        let day = parse_date(day)
            .map_err(|err| ProductFileError::ReleaseData(format!("{name}: {err}")))?;
        versions.push((name, day));
    }
    Ok(versions)
}
