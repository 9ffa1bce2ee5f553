//! `tag NAME`: where a floating tag points, in every format it writes.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::answers::TagTarget;
use lts_policy::{Policy, PolicyError};

use crate::render::csv::Cell;
use crate::render::json::{self, IsoDate};
use crate::render::text::Text;
use crate::render::{Report, words};
use crate::session::Format;

/// Where a floating tag points on a day.
pub struct TagReport<'a> {
    pub policy: &'a Policy,
    /// The tag's name, as given.
    pub name: &'a str,
    pub on: NaiveDate,
    pub target: TagTarget,
}

/// Where the tag points, as JSON and ndjson show it.
#[derive(Serialize)]
pub struct View<'a> {
    tag: &'a str,
    on: String,
    version: Option<String>,
    line: Option<String>,
    released: Option<String>,
    source: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

/// Where the tag points, as CSV shows it.
#[derive(Serialize, Default)]
pub struct TagRow {
    tag: Cell,
    on: IsoDate,
    version: Option<Cell>,
    line: Option<Cell>,
    released: Option<String>,
    source: Option<&'static str>,
    reason: Option<Cell>,
}

impl TagReport<'_> {
    fn view(&self) -> View<'_> {
        let mut view = View {
            tag: self.name,
            on: self.on.to_string(),
            version: None,
            line: None,
            released: None,
            source: None,
            reason: None,
        };
        match &self.target {
            TagTarget::Version { info, patch } => {
                view.version = Some(patch.version.to_string());
                view.line = Some(info.line.to_string());
                view.released = Some(patch.released.to_string());
                view.source = Some(patch.source.name());
            }
            TagTarget::Nowhere(dangling) => {
                view.reason = Some(words::dangling_message(self.name, self.on, dangling));
            }
            _ => {}
        }
        view
    }
}

impl Report for TagReport<'_> {
    type Item<'a>
        = json::Envelope<'a, View<'a>>
    where
        Self: 'a;

    type Row = TagRow;

    /// The version alone, for `docker pull "image:$(lts-policy tag latest-lts)"`.
    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        if let Some(version) = self.view().version {
            writeln!(out.out(), "{version}")?;
        }
        Ok(())
    }

    fn json(&self) -> impl json::Document {
        json::envelope(self.policy, self.view())
    }

    fn items(&self) -> impl Iterator<Item = Result<Self::Item<'_>, PolicyError>> {
        std::iter::once(Ok(json::envelope(self.policy, self.view())))
    }

    fn row<'a>(&'a self, item: &Self::Item<'a>) -> TagRow {
        let view = item.body();
        TagRow {
            tag: Cell::of(view.tag),
            on: IsoDate(self.on),
            version: view.version.as_ref().map(Cell::of),
            line: view.line.as_ref().map(Cell::of),
            released: view.released.clone(),
            source: view.source,
            reason: view.reason.as_ref().map(Cell::of),
        }
    }

    fn plain<'a>(&'a self, _item: &Self::Item<'a>) -> Option<String> {
        self.view().version
    }

    /// Text and plain print the version alone: what it cannot say (why
    /// there is none, that it is a projection) goes to stderr; the other
    /// formats carry it.
    fn aside(&self, format: Format, today: NaiveDate) -> Result<Option<String>> {
        if !matches!(format, Format::Text | Format::Plain) {
            return Ok(None);
        }
        Ok(match &self.target {
            TagTarget::Nowhere(dangling) => {
                Some(words::dangling_message(self.name, self.on, dangling))
            }
            TagTarget::Version { info, patch } => {
                let mut projected = words::projected_lines([info], today);
                if patch.is_projected_by(today) {
                    projected.push(format!("{} (due {})", patch.version, patch.released));
                }
                words::projected_note(self.policy, &projected)
                    .map(|note| format!("{note}, and --recorded the newest recorded version"))
            }
            _ => None,
        })
    }
}
