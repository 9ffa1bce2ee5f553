//! `tags-for VERSION`: the floating tags a version takes, in every format
//! it writes.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::answers::Tag;
use lts_policy::{Policy, PolicyError, Version};

use crate::render::csv::Cell;
use crate::render::text::Text;
use crate::render::{Report, json};

/// The floating tags a version takes on a day.
pub struct TagsFor<'p> {
    pub policy: &'p Policy,
    pub version: Version,
    pub on: NaiveDate,
    pub tags: Vec<Tag>,
}

/// One tag, as ndjson shows it.
#[derive(Serialize)]
pub struct TagNameView {
    tag: String,
}

/// One tag, as CSV shows it.
#[derive(Serialize, Default)]
pub struct TagNameRow {
    tag: Cell,
}

impl Report for TagsFor<'_> {
    type Item<'a>
        = TagNameView
    where
        Self: 'a;

    type Row = TagNameRow;

    /// The tags alone, one per line, for `$(...)`.
    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        for tag in &self.tags {
            writeln!(out.out(), "{}", tag.name())?;
        }
        Ok(())
    }

    fn json(&self) -> impl json::Document {
        #[derive(Serialize)]
        struct View {
            version: String,
            on: String,
            tags: Vec<String>,
        }
        json::envelope(
            self.policy,
            View {
                version: self.version.to_string(),
                on: self.on.to_string(),
                tags: self.tags.iter().map(|tag| tag.name()).collect(),
            },
        )
    }

    fn items(&self) -> impl Iterator<Item = Result<TagNameView, PolicyError>> {
        self.tags
            .iter()
            .map(|tag| Ok(TagNameView { tag: tag.name() }))
    }

    fn row(&self, item: &TagNameView) -> TagNameRow {
        TagNameRow {
            tag: Cell::of(&item.tag),
        }
    }

    fn plain(&self, item: &TagNameView) -> Option<String> {
        Some(item.tag.clone())
    }
}
