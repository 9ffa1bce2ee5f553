//! One renderer per format. A command hands its answer over as a
//! [`Report`]; the query formats (text, json, ndjson, csv, plain) read any
//! report, and each other format is written by its own module from the one
//! command's answer that has it.

pub mod csv;
pub mod endoflife;
pub mod explain;
pub mod findings;
pub mod github;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod ndjson;
pub mod plain;
pub mod svg;
pub mod text;
pub mod timeline;
pub mod views;
pub mod words;

use std::io::Write;

use anyhow::{Result, bail};
use clap::ValueEnum;
use serde::Serialize;

use lts_policy::policy::PolicyError;

use crate::cli::Context;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people
    Text,
    /// One JSON document
    Json,
    /// One JSON object per line: each line, target, patch or finding
    Ndjson,
    /// Comma-separated values with a fixed header, one row per item
    Csv,
    /// One bare value per line, no header, for shell loops
    Plain,
    /// A Markdown table (releases)
    Md,
    /// An iCalendar file of releases, ends of support and patch days (releases)
    Ics,
    /// endoflife.date's release cycles (releases)
    Endoflife,
    /// A GitHub Actions matrix, {"include": [...]} (backport-targets)
    GithubMatrix,
    /// A .backportrc.json fragment for sorenlouv/backport (backport-targets)
    Backportrc,
    /// A standalone SVG picture (timeline)
    Svg,
    /// A roff man page (man)
    Roff,
    /// A shell script (completions)
    Script,
}

/// The formats every query writes.
pub const QUERY_FORMATS: &[Format] = &[
    Format::Text,
    Format::Json,
    Format::Ndjson,
    Format::Csv,
    Format::Plain,
];

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Json => "json",
            Self::Ndjson => "ndjson",
            Self::Csv => "csv",
            Self::Plain => "plain",
            Self::Md => "md",
            Self::Ics => "ics",
            Self::Endoflife => "endoflife",
            Self::GithubMatrix => "github-matrix",
            Self::Backportrc => "backportrc",
            Self::Svg => "svg",
            Self::Roff => "roff",
            Self::Script => "script",
        }
    }
}

/// A command's answer, in the shape the query formats read.
pub trait Report {
    /// One item of the answer (a line, a target, a finding), or the answer
    /// itself when it is about one thing; the JSON object ndjson writes.
    type Item<'a>: Serialize
    where
        Self: 'a;

    /// The CSV header: the same columns in the same order whatever the
    /// answer, so that a spreadsheet or a script can rely on them.
    const COLUMNS: &'static [&'static str];

    /// The answer for people.
    fn text(&self, out: &mut text::Text<'_>) -> Result<()>;

    /// The whole JSON document.
    fn json(&self) -> impl Serialize;

    /// The items, in order, worked out as they are read.
    fn items(&self) -> impl Iterator<Item = Result<Self::Item<'_>, PolicyError>>;

    /// An item's CSV cells, in [`Report::COLUMNS`] order.
    fn cells<'a>(&'a self, item: &Self::Item<'a>) -> Vec<String>;

    /// An item as one bare value, or nothing.
    fn plain<'a>(&'a self, item: &Self::Item<'a>) -> Option<String>;
}

/// Writes `report` in the context's format, one of the query formats.
///
/// # Errors
/// An error of the model met while the answer is read, or of the output.
pub fn query(report: &impl Report, context: &Context, out: &mut dyn Write) -> Result<()> {
    match context.format {
        Format::Text => report.text(&mut text::Text::new(out, context.color)),
        Format::Json => json::write(&report.json(), context.pretty_json, out),
        Format::Ndjson => ndjson::write(report, out),
        Format::Csv => csv::write(report, out),
        Format::Plain => plain::write(report, out),
        // The context refuses a format the command does not write.
        other => bail!("--format {} is not a query format", other.name()),
    }
}
