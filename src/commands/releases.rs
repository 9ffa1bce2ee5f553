//! `releases`: the calendar of every line released in a range.

use anyhow::{Result, bail};

use super::{DateRange, ManText, Query, Recorded, Run, last_day};
use crate::render::Report;
use crate::render::reports::Releases;
use crate::session::{Answer, Context, Format, Output};

help!("The calendar: every line released in a range, with LTS flag and eol");

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    #[command(flatten)]
    range: DateRange,

    /// With --format ics, an alarm DAYS before each end of support, several
    /// comma-separated, e.g. `--format ics --remind 90,30`
    #[arg(long, value_name = "DAYS", value_delimiter = ',', value_parser = clap::value_parser!(u32).range(0..=36_600))]
    remind: Vec<u32>,

    #[command(flatten)]
    recorded: Recorded,

    #[command(flatten)]
    pub(super) query: Query,
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Ndjson,
        Format::Csv,
        Format::Plain,
        Format::Md,
        Format::Ics,
        Format::Endoflife,
    ];

    const MAN: ManText = ManText {
        exit: ("answered", None),
        examples: &[
            (
                "lts-policy releases --from 2026-01-01 --to 2027-12-31",
                "Every line released in 2026 and 2027, with its LTS flag and end of support.",
            ),
            (
                "lts-policy releases --format ics --remind 90,30 > releases.ics",
                "A calendar of releases, ends of support and patch days, to subscribe to, with an \
                 alarm 90 and 30 days before each end of support.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let policy = &context.policy;
        if !self.remind.is_empty() && context.settings.format != Format::Ics {
            bail!("--remind adds alarms to the iCalendar export: use it with --format ics");
        }
        let on = context.on;
        let calendar = policy.releases(self.range.from, self.range.to, on)?;
        let calendar = if self.recorded.given() {
            calendar.recorded()
        } else {
            calendar
        };
        let (calendar, ended) = last_day::fitting(policy, calendar, on)?;
        let report = Releases {
            policy,
            calendar,
            on,
            reminders: &self.remind,
        };
        let answer = Answer::yes()
            .with_note(report.aside(context.settings.format, context.today)?)
            .and_note(ended);
        out.answer(answer, |out| report.write(&context.settings, out))
    }
}
