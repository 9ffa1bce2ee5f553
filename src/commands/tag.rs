//! `tag NAME`: the version a floating tag points to.

use std::ffi::OsStr;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use serde::Serialize;

use lts_policy::answers::{Tag, TagTarget};
use lts_policy::{Policy, PolicyError};

use super::{ManText, Query, Run};
use crate::render::csv::Cell;
use crate::render::json::IsoDate;
use crate::render::text::Text;
use crate::render::{self, Report, json, words};
use crate::session::{Answer, Context, Format, Output};

help!(
    "The version a floating tag points to: latest, latest-lts or a line such as 1.3",
    "Exits 1, printing nothing, when the tag points to no version yet."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// latest, latest-lts, a line, e.g. 1.3, or one of the policy's own tags
    #[arg(value_parser = TagName, hide_possible_values = true)]
    name: String,

    /// Answer from the recorded history alone: the newest recorded version,
    /// never a projected one (exit 1 when none is recorded), e.g. `docker
    /// pull "kestra/kestra:$(lts-policy tag latest --recorded)"`
    #[arg(long)]
    recorded: bool,

    #[command(flatten)]
    pub(super) query: Query,
}

/// A tag's name: any text, read by [`Tag::parse`] with the policy at hand;
/// the names that are not lines are offered to completion.
#[derive(Clone)]
struct TagName;

impl TypedValueParser for TagName {
    type Value = String;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Tag::NAMES.iter().map(|name| PossibleValue::new(*name)),
        ))
    }
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "the tag points to a version, printed",
            Some(
                "it points to no version yet; nothing is printed, the reason goes to standard error",
            ),
        ),
        examples: &[
            (
                "lts-policy tag latest-lts",
                "The version the latest-lts tag points to today.",
            ),
            (
                "docker pull \"kestra/kestra:$(lts-policy tag latest-lts)\"",
                "Pulls the image of that version.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let tag = context.policy.parse_tag(&self.name).context("NAME")?;
        if let Tag::Line(version) = &tag {
            context.policy.line_of_version(version).context("NAME")?;
        }
        let on = context.on;
        let policy = &context.policy;
        let target = if self.recorded {
            policy.recorded_tag(tag, on)?
        } else {
            policy.tag(tag, on)?
        };
        let report = TagReport {
            policy,
            name: &self.name,
            on,
            target,
        };
        // Text and plain print the version alone: what it cannot say (why
        // there is none, that it is a projection) goes to stderr; the other
        // formats carry it.
        let bare = matches!(context.settings.format, Format::Text | Format::Plain);
        let answer = match &report.target {
            TagTarget::Nowhere(dangling) => Answer::from_bool(false)
                .with_note(bare.then(|| words::dangling_message(&self.name, on, dangling))),
            TagTarget::Version { info, patch } => {
                let today = context.today;
                let mut projected = words::projected_lines([info], today);
                if patch.is_projected_by(today) {
                    projected.push(format!("{} (due {})", patch.version, patch.released));
                }
                let note = bare
                    .then(|| words::projected_note(policy, &projected))
                    .flatten()
                    .map(|note| format!("{note}, and --recorded the newest recorded version"));
                Answer::yes().with_note(note)
            }
            _ => Answer::yes(),
        };
        out.answer(answer, |out| render::query(&report, &context.settings, out))
    }
}

struct TagReport<'a> {
    policy: &'a Policy,
    name: &'a str,
    on: NaiveDate,
    target: TagTarget,
}

#[derive(Serialize)]
struct View<'a> {
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
struct TagRow {
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

    fn json(&self) -> impl Serialize {
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
}
