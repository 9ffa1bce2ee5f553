//! `releases`: the calendar of every line released in a range.

use anyhow::{Result, bail};

use super::{DateRange, ManText, Query, Recorded, Run, last_day};
use crate::render::Report;
use crate::render::reports::Releases;
use crate::session::{Answer, Context, Format, Output};

help!(
    "The calendar: every line released in a range, with LTS flag and eol",
    "With --format ics, a calendar larger than 256 MiB is refused (exit 2, nothing written): each \
     patch day names a patch of every line supported then, so thousands of lines supported at \
     once make gigabytes; ask for a shorter range."
);

/// The most alarms `--remind` gives an end of support: Google Calendar
/// keeps at most five notifications on an event, other calendars fewer.
const MAX_REMINDERS: usize = 5;

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    #[command(flatten)]
    range: DateRange,

    /// With --format ics, an alarm DAYS before each end of support, up to 5
    /// different ones comma-separated (a repeated one counts once), e.g.
    /// `--format ics --remind 90,30`
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
        Format::Openeox,
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
        let reminders = self.reminders()?;
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
            reminders: &reminders,
        };
        report.check_size(context.settings.format)?;
        let answer = Answer::yes()
            .with_note(report.aside(context.settings.format, context.today)?)
            .and_note(ended);
        out.answer(answer, |out| report.write(&context.settings, out))
    }
}

impl Args {
    /// `--remind`'s days, each once, in the order given: a day given again
    /// asks for the alarm it already has, as `--features a,a` does in cargo.
    ///
    /// # Errors
    /// More than [`MAX_REMINDERS`] different days.
    fn reminders(&self) -> Result<Vec<u32>> {
        let mut days: Vec<u32> = Vec::new();
        for &day in &self.remind {
            if days.contains(&day) {
                continue;
            }
            days.push(day);
            if days.len() > MAX_REMINDERS {
                let listed: Vec<String> = days.iter().map(u32::to_string).collect();
                bail!(
                    "--remind takes at most {MAX_REMINDERS} different days (Google Calendar keeps \
                     {MAX_REMINDERS} alarms on an event): {} are {} already",
                    listed.join(","),
                    days.len()
                );
            }
        }
        Ok(days)
    }
}
