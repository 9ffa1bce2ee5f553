//! `products`: the policies the program carries, in every format it writes.

use anyhow::Result;
use serde::Serialize;

use lts_policy::PolicyError;
use lts_policy::catalogue::{BackTest, Entry};

use crate::render::Report;
use crate::render::csv::Cell;
use crate::render::json::SCHEMA_VERSION;
use crate::render::text::{Row, Text, table};

/// The policies listed.
pub struct Products {
    pub entries: Vec<&'static Entry>,
}

/// One policy, as JSON and ndjson show it.
#[derive(Serialize)]
pub struct ProductView {
    name: &'static str,
    title: &'static str,
    category: &'static str,
    lines: &'static str,
    identifiers: &'static [&'static str],
    aliases: &'static [&'static str],
    rules_from: Vec<RuleFromView>,
    backtest: Option<BackTestView>,
}

#[derive(Serialize)]
struct RuleFromView {
    rule: &'static str,
    from: &'static str,
}

/// The back-test's counts of one product.
#[derive(Serialize, Clone, Copy)]
struct BackTestView {
    releases_right: u32,
    releases_total: u32,
    ends_right: u32,
    ends_total: u32,
    release_ranges_held: u32,
    release_ranges_total: u32,
    end_ranges_held: u32,
    end_ranges_total: u32,
}

impl From<BackTest> for BackTestView {
    fn from(test: BackTest) -> Self {
        Self {
            releases_right: test.releases_right,
            releases_total: test.releases_total,
            ends_right: test.ends_right,
            ends_total: test.ends_total,
            release_ranges_held: test.release_ranges_held,
            release_ranges_total: test.release_ranges_total,
            end_ranges_held: test.end_ranges_held,
            end_ranges_total: test.end_ranges_total,
        }
    }
}

/// One policy, as CSV shows it: lists joined by spaces.
#[derive(Serialize, Default)]
pub struct ProductRow {
    name: Cell,
    title: Cell,
    category: Cell,
    lines: Cell,
    identifiers: Cell,
    aliases: Cell,
    rules_from: Cell,
    releases_right: Option<u32>,
    releases_total: Option<u32>,
    ends_right: Option<u32>,
    ends_total: Option<u32>,
    release_ranges_held: Option<u32>,
    release_ranges_total: Option<u32>,
    end_ranges_held: Option<u32>,
    end_ranges_total: Option<u32>,
}

/// The whole list, as JSON shows it.
#[derive(Serialize)]
struct Document {
    schema_version: u32,
    products: Vec<ProductView>,
}

fn view(entry: &&'static Entry) -> ProductView {
    ProductView {
        name: entry.name,
        title: entry.title,
        category: entry.category,
        lines: entry.lines,
        identifiers: &entry.identifiers,
        aliases: &entry.aliases,
        rules_from: entry
            .rules_from
            .iter()
            .map(|&(rule, from)| RuleFromView { rule, from })
            .collect(),
        backtest: entry.backtest.map(BackTestView::from),
    }
}

/// Where the rules come from, in a few words: `vendor`, `fitted`, or the
/// rules stated and the rest.
fn rules_words(entry: &Entry) -> String {
    let froms: Vec<&str> = entry.rules_from.iter().map(|(_, from)| *from).collect();
    if let Some(first) = froms.first()
        && froms.iter().all(|from| from == first)
    {
        return (*first).to_owned();
    }
    let stated: Vec<&str> = entry
        .rules_from
        .iter()
        .filter(|(_, from)| *from == "stated")
        .map(|(rule, _)| *rule)
        .collect();
    format!("{} stated, rest fitted", stated.join(", "))
}

/// `right/total` of a back-test count, `-` where there was none.
fn ratio(right: u32, total: u32) -> String {
    if total == 0 {
        "-".to_owned()
    } else {
        format!("{right}/{total}")
    }
}

impl Report for Products {
    type Item<'a> = ProductView;
    type Row = ProductRow;

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        let header = [
            "NAME",
            "TITLE",
            "CATEGORY",
            "LINES",
            "RULES",
            "ENDS",
            "RELEASES",
            "IDENTIFIERS",
        ];
        table(out, Some(&header), || {
            self.entries.iter().map(|entry| {
                let test = entry.backtest;
                let identifiers = match entry.identifiers.as_slice() {
                    [] => "-".to_owned(),
                    [one] => (*one).to_owned(),
                    [first, rest @ ..] => format!("{first} (+{})", rest.len()),
                };
                Ok(Row::default()
                    .cell(entry.name)
                    .cell(entry.title)
                    .cell(if entry.category.is_empty() {
                        "-"
                    } else {
                        entry.category
                    })
                    .cell(entry.lines)
                    .cell(rules_words(entry))
                    .cell(test.map_or("-".to_owned(), |t| ratio(t.ends_right, t.ends_total)))
                    .cell(test.map_or("-".to_owned(), |t| {
                        ratio(t.releases_right, t.releases_total)
                    }))
                    .cell(identifiers))
            })
        })
    }

    fn json(&self) -> impl crate::render::json::Document {
        Document {
            schema_version: SCHEMA_VERSION,
            products: self.entries.iter().map(view).collect(),
        }
    }

    fn items(&self) -> impl Iterator<Item = Result<ProductView, PolicyError>> {
        self.entries.iter().map(|entry| Ok(view(entry)))
    }

    fn row(&self, item: &ProductView) -> ProductRow {
        let test = item.backtest;
        ProductRow {
            name: Cell::of(item.name),
            title: Cell::of(item.title),
            category: Cell::of(item.category),
            lines: Cell::of(item.lines),
            identifiers: Cell::of(item.identifiers.join(" ")),
            aliases: Cell::of(item.aliases.join(" ")),
            rules_from: Cell::of(
                item.rules_from
                    .iter()
                    .map(|rule| format!("{}={}", rule.rule, rule.from))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            releases_right: test.map(|t| t.releases_right),
            releases_total: test.map(|t| t.releases_total),
            ends_right: test.map(|t| t.ends_right),
            ends_total: test.map(|t| t.ends_total),
            release_ranges_held: test.map(|t| t.release_ranges_held),
            release_ranges_total: test.map(|t| t.release_ranges_total),
            end_ranges_held: test.map(|t| t.end_ranges_held),
            end_ranges_total: test.map(|t| t.end_ranges_total),
        }
    }

    fn plain(&self, item: &ProductView) -> Option<String> {
        Some(item.name.to_owned())
    }
}
