//! One renderer per format. A command hands its answer over as one of the
//! [`reports`], each a [`Report`]; the query formats (text, json, ndjson,
//! csv, plain) read any report, and each other format is written by its
//! own module from the answers that have it.

mod axis;
pub mod bound;
mod csv;
mod endoflife;
mod explain;
mod findings;
pub mod fit;
mod github;
mod ics;
mod json;
mod markdown;
mod ndjson;
pub mod openeox;
mod plain;
mod range_words;
pub mod reports;
pub mod roff;
mod rows;
mod rule_words;
pub mod script;
mod svg;
mod text;
mod timeline;
mod views;
pub mod words;

use std::io::Write;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::PolicyError;
use lts_policy::calendar::Timeline;

use crate::session::{Format, Settings};

/// A command's answer, in the shape the query formats read.
pub trait Report {
    /// One item of the answer (a line, a target, a finding), or the answer
    /// itself when it is about one thing; the JSON object ndjson writes.
    type Item<'a>: Serialize
    where
        Self: 'a;

    /// An item as CSV writes it: a struct whose fields are the columns,
    /// the same in the same order whatever the answer.
    type Row: Serialize + Default;

    /// The answer for people.
    fn text(&self, out: &mut text::Text<'_>) -> Result<()>;

    /// The whole JSON document.
    fn json(&self) -> impl json::Document;

    /// The items, in order, worked out as they are read.
    fn items(&self) -> impl Iterator<Item = Result<Self::Item<'_>, PolicyError>>;

    /// An item's CSV row.
    fn row<'a>(&'a self, item: &Self::Item<'a>) -> Self::Row;

    /// An item as one bare value, or nothing.
    fn plain<'a>(&'a self, item: &Self::Item<'a>) -> Option<String>;

    /// Writes the answer in the settings' format: a query format, or one
    /// of the formats of the answer's own.
    ///
    /// # Errors
    /// An error of the model met while the answer is read, or of the output.
    fn write(&self, settings: &Settings, out: &mut dyn Write) -> Result<()>
    where
        Self: Sized,
    {
        query(self, settings, out)
    }

    /// What the answer in `format` cannot carry, for stderr: why it is
    /// empty, that it rests on what the rules project for days that have
    /// come by `today`, the explanations of an answer of one bare value per
    /// line.
    ///
    /// # Errors
    /// An error of the model met while the answer is read.
    fn aside(&self, _format: Format, _today: NaiveDate) -> Result<Option<String>> {
        Ok(None)
    }
}

/// Writes `report` in the settings' format, one of the query formats.
///
/// # Errors
/// An error of the model met while the answer is read, or of the output.
pub fn query(report: &impl Report, settings: &Settings, out: &mut dyn Write) -> Result<()> {
    match settings.format {
        Format::Text => report.text(&mut text::Text::new(out, settings.color)),
        Format::Json => json::write(&report.json(), settings.pretty_json, out),
        Format::Ndjson => ndjson::write(report, out),
        Format::Csv => csv::write(report, out),
        Format::Plain => plain::write(report, out),
        // The context refuses a format the command does not write.
        other => bail!("--format {} is not a query format", other.name()),
    }
}

/// Writes `timeline`, the picture of `policy_name`'s lines, in the
/// settings' format: SVG, or text as wide as the settings say.
///
/// # Errors
/// An error of the model met while the rows are read, or of the output.
pub fn picture(
    timeline: &Timeline,
    policy_name: &str,
    settings: &Settings,
    out: &mut dyn Write,
) -> Result<()> {
    if settings.format == Format::Svg {
        svg::write(timeline, policy_name, out)
    } else {
        let mut text = text::Text::new(out, settings.color);
        timeline::write(timeline, policy_name, settings.width, &mut text)
    }
}

/// Refuses, before a byte is written, a picture larger than
/// [`bound::MAX_BYTES`].
///
/// # Errors
/// A picture over the bound, or an error of the model met drawing it.
pub fn check_picture_size(
    timeline: &Timeline,
    policy_name: &str,
    settings: &Settings,
) -> Result<()> {
    if bound::exceeds(|out| picture(timeline, policy_name, settings, out))? {
        bail!(
            "the timeline from {} to {} would be larger than {} MiB, the most it draws: ask for \
             a shorter range with --from and --to{}",
            timeline.from,
            timeline.to,
            bound::MAX_BYTES / 1024 / 1024,
            if settings.format == Format::Svg {
                ""
            } else {
                ", or a narrower --width"
            }
        );
    }
    Ok(())
}
