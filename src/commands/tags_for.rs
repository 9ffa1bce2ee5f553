//! `tags-for VERSION`: the floating tags a newly published version takes,
//! the reverse of `tag NAME`.

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::answers::Tag;
use lts_policy::{Policy, PolicyError, Version};

use super::{ManText, Query, Run};
use crate::render::csv::Cell;
use crate::render::text::Text;
use crate::render::{self, Report, json};
use crate::session::{Answer, Context, Output};

help!(
    "The floating tags a version takes when it is published: latest, latest-lts, its line's, \
     the policy's own",
    "One tag per line, none for a version that must move no tag (an older patch than its line's \
     newest, a patch of a line past its end). The reverse of `tag`: each tag printed points to \
     VERSION on the date."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// The version published, with its patch number, e.g. 2.0.12
    version: String,

    #[command(flatten)]
    pub(super) query: Query,
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "answered, however many tags the version takes (none too)",
            None,
        ),
        examples: &[
            (
                "lts-policy tags-for 2.0.12",
                "The tags to move to 2.0.12 on publishing it today: latest when 2.0 is the latest \
                 line, latest-lts when it is the newest LTS line, and 2.0.",
            ),
            (
                "for tag in $(lts-policy tags-for \"$VERSION\"); do docker tag \"app:$VERSION\" \
                 \"app:$tag\"; done",
                "Moves each floating tag of an image to the version just built.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let input = context
            .policy
            .read_version(&self.version)
            .context("VERSION")?;
        // A whole version names more than its line: its patch number too.
        let line = context.policy.line_of_version(&input).context("VERSION")?;
        let Some(version) = input
            .numbers()
            .and_then(|numbers| numbers.exact(&line, context.policy.line_kind()))
        else {
            bail!(
                "VERSION: tags-for takes a whole version, with its patch number, like 2.0.12, not \
                 {:?}",
                self.version
            );
        };
        let on = context.on;
        let report = TagsFor {
            policy: &context.policy,
            tags: context.policy.tags_for(&version, on)?,
            version,
            on,
        };
        out.answer(Answer::yes(), |out| {
            render::query(&report, &context.settings, out)
        })
    }
}

struct TagsFor<'p> {
    policy: &'p Policy,
    version: Version,
    on: NaiveDate,
    tags: Vec<Tag>,
}

/// One tag, as ndjson shows it.
#[derive(Serialize)]
struct TagView {
    tag: String,
}

/// One tag, as CSV shows it.
#[derive(Serialize, Default)]
struct TagRow {
    tag: Cell,
}

impl Report for TagsFor<'_> {
    type Item<'a>
        = TagView
    where
        Self: 'a;

    type Row = TagRow;

    /// The tags alone, one per line, for `$(...)`.
    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        for tag in &self.tags {
            writeln!(out.out(), "{}", tag.name())?;
        }
        Ok(())
    }

    fn json(&self) -> impl Serialize {
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

    fn items(&self) -> impl Iterator<Item = Result<TagView, PolicyError>> {
        self.tags.iter().map(|tag| Ok(TagView { tag: tag.name() }))
    }

    fn row(&self, item: &TagView) -> TagRow {
        TagRow {
            tag: Cell::of(&item.tag),
        }
    }

    fn plain(&self, item: &TagView) -> Option<String> {
        Some(item.tag.clone())
    }
}
