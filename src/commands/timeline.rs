//! `timeline`: a picture of every line's support around a date.

use anyhow::Result;

use super::{Answer, Run};
use crate::cli::{Context, DateRange, OnDate, Output, Sources};
use crate::render::text::Text;
use crate::render::{Format, svg, timeline};

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
    on: OnDate,

    /// Columns of the picture, at least 40, e.g. 100 [default: the terminal's
    /// width, or 80]
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..))]
    width: Option<u16>,

    #[command(flatten)]
    sources: Sources,
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[Format::Text, Format::Svg];

    fn sources(&self) -> Option<&Sources> {
        Some(&self.sources)
    }

    fn on_date(&self) -> Option<&OnDate> {
        Some(&self.on)
    }

    fn width(&self) -> Option<u16> {
        self.width
    }

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let policy = &context.policy;
        let on = self.on.resolve(context.today)?;
        let (from, to) = self.range.resolve()?;
        let picture = policy.timeline(on, from, to)?;
        out.answer(Answer::yes(), |out| {
            if context.format == Format::Svg {
                svg::write(&picture, policy.name(), out)
            } else {
                let mut text = Text::new(out, context.color);
                timeline::write(&picture, policy.name(), context.width, &mut text)
            }
        })
    }
}
