//! `releases`: the calendar of every line released in a range.

use anyhow::{Result, bail};
use serde::Serialize;

use lts_policy::calendar::Calendar;
use lts_policy::{Policy, PolicyError};

use super::{DateRange, ManText, Query, Recorded, Run, last_day};
use crate::render::json::{self, IsoDate, Stream};
use crate::render::text::{self, Row, Text};
use crate::render::views::{LINE_COLUMNS, LineView};
use crate::render::{self, Report, endoflife, ics, markdown, words};
use crate::session::{Answer, Context, Format, Output, for_terminal};

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
        let (from, to) = self.range.resolve()?;
        let on = self.query.on.resolve(context.today)?;
        let calendar = policy.releases(from, to, on)?;
        let calendar = if self.recorded.given() {
            calendar.recorded()
        } else {
            calendar
        };
        let (calendar, ended) = last_day::fitting(policy, calendar, on)?;
        if context.settings.format == Format::Ics {
            ics::check_size(policy, &calendar, on, &reminders)?;
        }
        let answer = match context.settings.format {
            Format::Plain => {
                // In release order: the lines past today are not looked at,
                // so that memory stays as small over any range.
                let mut projected = Vec::new();
                for info in calendar.lines() {
                    let info = info?;
                    if info.released > context.today {
                        break;
                    }
                    projected.extend(words::projected_lines([&info], context.today));
                }
                Answer::yes().with_note(words::projected_note(policy, &projected))
            }
            _ => Answer::yes(),
        }
        .and_note(ended);
        out.answer(answer, |out| match context.settings.format {
            Format::Md => markdown::write(policy, &calendar, out),
            Format::Ics => ics::write(policy, &calendar, on, &reminders, out),
            Format::Endoflife => endoflife::write(policy, &calendar, on, out),
            _ => render::query(&Releases { policy, calendar }, &context.settings, out),
        })
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

struct Releases<'p> {
    policy: &'p Policy,
    calendar: Calendar<'p>,
}

impl Report for Releases<'_> {
    type Item<'a>
        = LineView<'a>
    where
        Self: 'a;

    const COLUMNS: &'static [&'static str] = LINE_COLUMNS;

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        writeln!(
            out.out(),
            "Releases from {} to {} (policy: {})\n",
            self.calendar.from(),
            self.calendar.to(),
            for_terminal(self.policy.name())
        )?;
        let phases = self.policy.has_phases();
        let header: &[&str] = if phases {
            &["LINE", "RELEASED", "LTS", "ACTIVE UNTIL", "EOL", "ENDED BY"]
        } else {
            &["LINE", "RELEASED", "LTS", "EOL", "ENDED BY"]
        };
        text::table(out, Some(header), || {
            self.calendar.lines().map(move |info| {
                let info = info?;
                let mut row = Row::default()
                    .line(&info)
                    .sourced(info.released, info.released_source)
                    .sourced(words::lts_cell(&info, None), info.lts_source);
                if phases {
                    row = match info.active_until {
                        Some(until) => row.sourced(until, info.active_source),
                        None => row.cell("-"),
                    };
                }
                Ok(row
                    .sourced(words::eol_cell(&info), info.eol_source)
                    .cell(words::ended_by_text(&info)))
            })
        })
    }

    fn json(&self) -> impl Serialize {
        #[derive(Serialize)]
        #[serde(bound(serialize = "Stream<I>: Serialize"))]
        struct View<I> {
            from: IsoDate,
            to: IsoDate,
            lines: Stream<I>,
        }
        json::envelope(
            self.policy,
            View {
                from: IsoDate(self.calendar.from()),
                to: IsoDate(self.calendar.to()),
                lines: Stream::new(self.items()),
            },
        )
    }

    fn items(&self) -> impl Iterator<Item = Result<LineView<'_>, PolicyError>> {
        let branch = self.policy.branch_template();
        self.calendar
            .lines()
            .map(move |info| Ok(LineView::new(&info?, branch)))
    }

    fn cells<'a>(&'a self, item: &LineView<'a>) -> Vec<String> {
        Self::COLUMNS
            .iter()
            .map(|column| item.cell(column))
            .collect()
    }

    fn plain<'a>(&'a self, item: &LineView<'a>) -> Option<String> {
        Some(item.line().to_string())
    }
}
