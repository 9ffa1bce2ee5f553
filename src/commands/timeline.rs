//! `timeline`: a picture of every line's support around a date.

use anyhow::Result;

use lts_policy::dates::LAST_DAY;

use super::{DateRange, ManText, Query, Run};
use crate::render;
use crate::session::{Answer, Context, Format, Output};

help!(
    "A Gantt-style picture of every line's support, with today marked",
    "One row per line: a full bar while it is the latest, a thin one while it is \
     maintained as LTS; lighter where the dates are projections. Example: \
     `lts-policy timeline --width 100 --color never`"
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    #[command(flatten)]
    range: DateRange,

    #[command(flatten)]
    pub(super) query: Query,

    /// Columns of the picture, at least 40, e.g. 100 [default: the terminal's
    /// width, or 80]
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..))]
    width: Option<u16>,
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[Format::Text, Format::Svg];

    const MAN: ManText = ManText {
        exit: ("drawn", None),
        examples: &[
            (
                "lts-policy timeline --width 100",
                "Every line's support around today, 100 columns wide.",
            ),
            (
                "lts-policy timeline --format svg > timeline.svg",
                "The same picture as a standalone SVG file.",
            ),
        ],
    };

    fn width(&self) -> Option<u16> {
        self.width
    }

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let policy = &context.policy;
        let on = context.on;
        let mut picture = policy.timeline(on, self.range.from, self.range.to)?;
        let mut answer = Answer::yes();
        // Only a default end runs past it: one period after --on.
        if picture.to > LAST_DAY {
            picture = policy.timeline(on, Some(picture.from), Some(LAST_DAY))?;
            answer = answer.with_note(Some(format!(
                "note: the picture ends on {LAST_DAY}: dates have four-digit years"
            )));
        }
        render::check_picture_size(&picture, policy.name(), &context.settings)?;
        out.answer(answer, |out| {
            render::picture(&picture, policy.name(), &context.settings, out)
        })
    }
}
