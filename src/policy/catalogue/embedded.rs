//! The policies the program carries, checked when the crate is built:
//! Kestra's, the embedded default, and one for every product of
//! endoflife.date's snapshot (`catalogue/products`). `build.rs` reads each
//! with the file reader, fails the build on any problem, and keeps its
//! checked rules and history as postcard bytes, one after another, with an
//! index (names, aliases, what `products` lists). A start finds the name
//! in the index and decodes that product's bytes alone, and of them a
//! line's patches only when they are read (`lines/known_patches.rs`):
//! Node.js's history in a tenth of what reading its file takes.

use std::ops::Range;

use crate::policy::catalogue::product::Product;
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::lines::release::Release;
use crate::policy::rules::policy_rules::PolicyRules;
#[cfg(embedded_policy)]
use crate::policy::similar::{edit_distance, is_near};

/// One policy the program carries, as its index describes it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Entry {
    /// Its name: endoflife.date's for its product (`nodejs`), `kestra`.
    pub name: &'static str,
    /// The product's name for people (`Node.js`).
    pub title: &'static str,
    /// endoflife.date's category (`framework`, `os`, ...); empty for none.
    pub category: &'static str,
    /// How its lines are numbered (`major`, `minor`, `dotted`), or `name`
    /// where no line is a number.
    pub lines: &'static str,
    /// The package URLs and CPE names that identify it.
    pub identifiers: Vec<&'static str>,
    /// The other names it goes by.
    pub aliases: Vec<&'static str>,
    /// Where each rule comes from: the rule and `stated`, `vendor` or
    /// `fitted`.
    pub rules_from: Vec<(&'static str, &'static str)>,
    /// How its forecasts fared in the back-test, where it was back-tested.
    pub backtest: Option<BackTest>,
}

/// A stretch of the index's text (`TEXT`), by byte offsets.
#[cfg(embedded_policy)]
type Span = (u32, u32);

/// One policy's index entry as `build.rs` writes it: spans of `TEXT` and
/// ranges of the lists, integers alone. A table of `&str`s would be
/// pointers the dynamic loader relocates at every start, some 7,000 of
/// them for the catalogue (about 45,000 instructions), whatever the
/// question; offsets cost nothing until read.
#[cfg(embedded_policy)]
struct Indexed {
    name: Span,
    title: Span,
    category: Span,
    lines: Span,
    /// Identifiers, then aliases, in `LISTS`.
    identifiers: Range<u16>,
    aliases: Range<u16>,
    /// Rule and provenance, in `RULES_FROM`.
    rules_from: Range<u16>,
    backtest: Option<BackTest>,
    bytes: Range<usize>,
}

/// How one product's forecasts fared in the back-test
/// (`examples/catalogue_backtest.rs`): of the next releases and the ends
/// forecast from each cut, how many came within 7 days, and how many
/// fell inside their 80% range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // Each count is named for what it counts.
pub struct BackTest {
    pub releases_right: u32,
    pub releases_total: u32,
    pub ends_right: u32,
    pub ends_total: u32,
    pub release_ranges_held: u32,
    pub release_ranges_total: u32,
    pub end_ranges_held: u32,
    pub end_ranges_total: u32,
}

#[cfg(embedded_policy)]
include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// Every policy's bytes, as `build.rs` kept them.
#[cfg(embedded_policy)]
const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalogue.postcard"));

/// What `build.rs` keeps of a checked policy: its rules and its history,
/// from which [`Policy::new`] works out the rest.
#[cfg(not(embedded_policy))]
type Kept<'p> = (&'p PolicyRules, &'p [Release]);

/// The same, decoded.
type Decoded = (PolicyRules, Vec<Release>);

impl Policy {
    /// What `build.rs` keeps of the policy. (Only `build.rs`, compiled
    /// before the bytes exist, has no `embedded_policy`.)
    #[cfg(not(embedded_policy))]
    pub(crate) fn kept(&self) -> Kept<'_> {
        (self.rules(), self.history())
    }

    /// The policy `build.rs` kept as `bytes`; `None` for bytes it did not
    /// write.
    fn from_kept(bytes: &[u8]) -> Option<Self> {
        let (rules, history): Decoded = postcard::from_bytes(bytes).ok()?;
        // A kept history was checked, so it is never empty; bytes from
        // elsewhere are refused rather than trusted on that.
        (!history.is_empty()).then(|| Self::new(rules, history))
    }
}

impl Policy {
    /// The `product` section: what describes the product rather than its
    /// rules, where the policy has one (every catalogue policy does).
    #[must_use]
    pub fn product(&self) -> Option<&Product> {
        self.rules().product.as_deref()
    }

    /// The policy under the name `name`, with `comment` and `product`.
    pub(crate) fn renamed(&self, name: &str, comment: String, product: Product) -> Self {
        let mut rules = self.rules().clone();
        name.clone_into(&mut rules.name);
        rules.comment = Some(comment);
        rules.product = Some(Box::new(product));
        Self::new(rules, self.history().to_vec())
    }
}

#[cfg(embedded_policy)]
impl Policy {
    /// The embedded default: Kestra's policy and history.
    ///
    /// # Errors
    /// None in practice: the build checks the embedded file.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::Policy;
    /// let kestra = Policy::kestra().unwrap();
    /// assert_eq!(kestra.name(), "kestra");
    /// assert_eq!(kestra.first_release().line.to_string(), "1.0");
    /// ```
    pub fn kestra() -> Result<Self, PolicyError> {
        Self::named("kestra")
    }

    /// The policy the program carries under `name`, or one of its aliases
    /// (`node`, an example's own name such as `camel`).
    ///
    /// # Errors
    /// [`PolicyError::UnknownProduct`] for a name it does not carry, with
    /// the names nearest it.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, PolicyError};
    /// assert_eq!(Policy::named("camel")?.name(), "apache-camel");
    /// let Err(PolicyError::UnknownProduct { similar, .. }) = Policy::named("nodjs") else {
    ///     panic!("no product is named nodjs");
    /// };
    /// assert_eq!(similar[0], "nodejs");
    /// # Ok::<(), PolicyError>(())
    /// ```
    pub fn named(name: &str) -> Result<Self, PolicyError> {
        let entry = place(name).and_then(|at| INDEX.get(at)).ok_or_else(|| {
            PolicyError::UnknownProduct {
                name: name.to_owned(),
                similar: similar_names(name).into_iter().map(str::to_owned).collect(),
            }
        })?;
        BYTES
            .get(entry.bytes.clone())
            .and_then(Self::from_kept)
            .ok_or_else(|| PolicyError::UnknownProduct {
                name: name.to_owned(),
                similar: Vec::new(),
            })
    }
}

/// The text of `span`, as `build.rs` cut it.
#[cfg(embedded_policy)]
fn text(span: Span) -> &'static str {
    TEXT.get(span.0 as usize..span.1 as usize)
        .unwrap_or_default()
}

#[cfg(embedded_policy)]
impl Indexed {
    fn entry(&self) -> Entry {
        let list = |range: &Range<u16>| -> Vec<&'static str> {
            LISTS
                .get(usize::from(range.start)..usize::from(range.end))
                .unwrap_or_default()
                .iter()
                .map(|&span| text(span))
                .collect()
        };
        Entry {
            name: text(self.name),
            title: text(self.title),
            category: text(self.category),
            lines: text(self.lines),
            identifiers: list(&self.identifiers),
            aliases: list(&self.aliases),
            rules_from: RULES_FROM
                .get(usize::from(self.rules_from.start)..usize::from(self.rules_from.end))
                .unwrap_or_default()
                .iter()
                .map(|&(rule, from)| (text(rule), text(from)))
                .collect(),
            backtest: self.backtest,
        }
    }
}

/// Every policy the program carries, by name.
#[cfg(embedded_policy)]
#[must_use]
pub fn entries() -> &'static [Entry] {
    // Made from the index the first time a caller lists or looks up
    // entries (`products`, a scan), never on the way to one policy.
    static ENTRIES: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
    ENTRIES.get_or_init(|| INDEX.iter().map(Indexed::entry).collect())
}

/// The place in the index of the policy carried under `name` or an alias
/// of it.
#[cfg(embedded_policy)]
fn place(name: &str) -> Option<usize> {
    INDEX
        .binary_search_by(|entry| text(entry.name).cmp(name))
        .ok()
        .or_else(|| {
            let at = ALIASES
                .binary_search_by(|&(alias, _)| text(alias).cmp(name))
                .ok()?;
            Some(usize::from(ALIASES.get(at)?.1))
        })
}

/// The policy carried under `name` or an alias of it.
#[cfg(embedded_policy)]
#[must_use]
pub fn entry(name: &str) -> Option<&'static Entry> {
    entries().get(place(name)?)
}

/// The policy carried for the product an identifier names: a package URL
/// (`pkg:pypi/django@4.2.1`, its version, qualifiers and subpath aside) or
/// a CPE name (`cpe:2.3:a:djangoproject:django:4.2.1:...`, from its
/// vendor and product on), compared without regard to case.
///
/// # Examples
/// ```
/// use lts_policy::catalogue::by_identifier;
/// assert_eq!(by_identifier("pkg:pypi/Django@4.2.1").unwrap().name, "django");
/// assert!(by_identifier("pkg:pypi/no-such-package").is_none());
/// ```
#[cfg(embedded_policy)]
#[must_use]
pub fn by_identifier(identifier: &str) -> Option<&'static Entry> {
    let wanted = identifying_part(identifier);
    entries().iter().find(|entry| {
        entry
            .identifiers
            .iter()
            .any(|known| identifying_part(known) == wanted)
    })
}

/// What identifies a product in a package URL or CPE name, lower-case:
/// `pkg:type/namespace/name` without version, qualifiers or subpath,
/// percent-decoded (`pkg:npm/%40angular/core` is `pkg:npm/@angular/core`);
/// `cpe:2.3:part:vendor:product` without the version and what follows.
pub(crate) fn identifying_part(identifier: &str) -> String {
    let mut lower = identifier.trim().to_ascii_lowercase();
    // A CPE 2.2 URI (`cpe:/a:vendor:product`) names what a 2.3 name does.
    if let Some(rest) = lower.strip_prefix("cpe:/") {
        lower = format!("cpe:2.3:{rest}");
    }
    if lower.starts_with("cpe:") {
        let fields: Vec<&str> = lower.split(':').collect();
        return fields[..fields.len().min(5)].join(":");
    }
    percent_decoded(purl_parts(&lower).0)
}

/// The version a package URL carries (`pkg:npm/grunt@1.2.1`: `1.2.1`),
/// percent-decoded; `None` where it has none.
pub(crate) fn purl_version(purl: &str) -> Option<String> {
    let version = purl_parts(purl.trim()).1?;
    (!version.is_empty()).then(|| percent_decoded(version))
}

/// A package URL's type, namespace and name, and its version: qualifiers
/// (`?`) and subpath (`#`) aside, the version follows the `@` after the
/// name's last `/`. A scoped npm name's `@` is the namespace's, whether
/// encoded (`pkg:npm/%40angular/core@17.0.0`, as the spec writes it) or
/// not (`pkg:npm/@angular/core@17.0.0`, as tools often do).
fn purl_parts(purl: &str) -> (&str, Option<&str>) {
    let before = purl.split(['?', '#']).next().unwrap_or_default();
    let name_from = before.rfind('/').map_or(0, |slash| slash + 1);
    match before[name_from..].find('@') {
        Some(at) => (
            &before[..name_from + at],
            Some(&before[name_from + at + 1..]),
        ),
        None => (before, None),
    }
}

/// `text` with each `%XX` written as the byte it encodes; a `%` not
/// followed by two hex digits, or bytes that are no UTF-8, kept as written.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                at += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| text.to_owned())
}

/// The names (and aliases) nearest `name`, nearest first: those within
/// a third of its length in edits, and those it starts or is part of;
/// at most five.
#[cfg(embedded_policy)]
#[must_use]
pub fn similar_names(name: &str) -> Vec<&'static str> {
    let wanted = name.to_ascii_lowercase();
    let names = INDEX
        .iter()
        .map(|entry| (text(entry.name), text(entry.name)))
        .chain(ALIASES.iter().filter_map(|&(alias, at)| {
            Some((text(alias), text(INDEX.get(usize::from(at))?.name)))
        }));
    let mut near: Vec<(usize, &'static str)> = names
        .filter_map(|(known, policy)| {
            let part =
                wanted.len() >= 3 && (known.starts_with(&*wanted) || known.contains(&*wanted));
            (is_near(&wanted, known) || part).then(|| (edit_distance(&wanted, known), policy))
        })
        .collect();
    near.sort_unstable();
    let mut seen = Vec::new();
    for (_, policy) in near {
        if !seen.contains(&policy) {
            seen.push(policy);
        }
    }
    seen.truncate(5);
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_compare_by_the_product_they_name() {
        assert_eq!(
            identifying_part("pkg:PyPI/Django@4.2?x=1"),
            "pkg:pypi/django"
        );
        assert_eq!(
            identifying_part("cpe:2.3:a:djangoproject:django:4.2.1:*:*:*:*:*:*:*"),
            "cpe:2.3:a:djangoproject:django"
        );
        assert_eq!(
            identifying_part("cpe:/a:djangoproject:django:4.2"),
            "cpe:2.3:a:djangoproject:django"
        );
        assert_eq!(
            identifying_part("pkg:npm/%40adonisjs/core@6.1.0"),
            "pkg:npm/@adonisjs/core"
        );
        assert_eq!(identifying_part("pkg:npm/100%zz"), "pkg:npm/100%zz");
        // The scope's `@` unencoded, as tools often write it: the version
        // follows the name's `@`, after the last `/`.
        assert_eq!(
            identifying_part("pkg:npm/@adonisjs/core@5.0.0?x=y@z#a/b"),
            "pkg:npm/@adonisjs/core"
        );
        assert_eq!(
            purl_version("pkg:npm/@adonisjs/core@5.0.0").as_deref(),
            Some("5.0.0")
        );
        assert_eq!(purl_version("pkg:npm/@adonisjs/core"), None);
        assert_eq!(
            purl_version("pkg:npm/%40angular/core@17.0.0%2Bb?x=1").as_deref(),
            Some("17.0.0+b")
        );
    }
}
