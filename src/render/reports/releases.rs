//! `releases`: the calendar of every line released in a range, in every
//! format it writes, its exports included.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;

use lts_policy::calendar::Calendar;
use lts_policy::{Policy, PolicyError};

use crate::render::json::{self, Fields, IsoDate, Object, Stream, key};
use crate::render::rows::{self, CalendarRow};
use crate::render::text::{self, Row, Text};
use crate::render::views::LineView;
use crate::render::{Report, endoflife, ics, markdown, openeox, query, words};
use crate::session::{Format, Settings, for_terminal};

/// The lines released in a range, as the calendar works them out when they
/// are read.
pub struct Releases<'p> {
    pub policy: &'p Policy,
    pub calendar: Calendar<'p>,
    /// The day asked about, which the exports give each line's newest
    /// version on.
    pub on: NaiveDate,
    /// With `--format ics`, how many days before each end of support an
    /// alarm goes off.
    pub reminders: &'p [u32],
}

impl Releases<'_> {
    /// Refuses, before a byte is written, an export in `format` larger than
    /// it writes (the iCalendar export's bound).
    ///
    /// # Errors
    /// An export over its bound, or an error of the model met counting it.
    pub fn check_size(&self, format: Format) -> Result<()> {
        match format {
            Format::Ics => ics::check_size(self.policy, &self.calendar, self.on, self.reminders),
            _ => Ok(()),
        }
    }
}

/// The calendar in JSON: written directly, the lines of a calendar to
/// 9999 being too many for serde's work on each key.
struct CalendarView<I> {
    from: IsoDate,
    to: IsoDate,
    lines: Stream<I>,
}

impl<'a, I> Object for CalendarView<I>
where
    I: Iterator<Item = Result<LineView<'a>, PolicyError>>,
{
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error> {
        fields.field(key!("from"), &self.from)?;
        fields.field(key!("to"), &self.to)?;
        fields.field(key!("lines"), &self.lines)
    }
}

impl Report for Releases<'_> {
    type Item<'a>
        = LineView<'a>
    where
        Self: 'a;

    type Row = CalendarRow;

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        writeln!(
            out.out(),
            "Releases from {} to {} (policy: {})\n",
            self.calendar.from(),
            self.calendar.to(),
            for_terminal(self.policy.name())
        )?;
        let (phases, lts) = (self.policy.has_phases(), self.policy.has_lts());
        let header = text::shown_columns(&[
            ("LINE", true),
            ("RELEASED", true),
            ("LTS", lts),
            ("ACTIVE UNTIL", phases),
            ("EOL", true),
            ("ENDED BY", true),
        ]);
        text::table(out, Some(&header), || {
            self.calendar.lines().map(move |info| {
                let info = info?;
                let mut row = Row::default()
                    .line(&info)
                    .sourced(IsoDate(info.released), info.released_source);
                if lts {
                    row = row.sourced(words::lts_cell(&info, None), info.lts_source);
                }
                if phases {
                    row = row.sourced_or_dash(info.active_until.map(IsoDate), info.active_source);
                }
                Ok(row
                    .sourced(words::eol_cell(&info), info.eol_source)
                    .cell(words::ended_by_text(&info)))
            })
        })
    }

    fn json(&self) -> impl json::Document {
        json::direct(json::envelope(
            self.policy,
            CalendarView {
                from: IsoDate(self.calendar.from()),
                to: IsoDate(self.calendar.to()),
                lines: Stream::new(self.items()),
            },
        ))
    }

    fn items(&self) -> impl Iterator<Item = Result<LineView<'_>, PolicyError>> {
        let branch = self.policy.branch_template();
        self.calendar
            .lines()
            .map(move |info| Ok(LineView::new(&info?, branch)))
    }

    fn row<'a>(&'a self, item: &LineView<'a>) -> CalendarRow {
        rows::calendar_row(item)
    }

    fn plain<'a>(&'a self, item: &LineView<'a>) -> Option<String> {
        Some(item.line().to_string())
    }

    fn write(&self, settings: &Settings, out: &mut dyn Write) -> Result<()> {
        let (policy, calendar, on) = (self.policy, &self.calendar, self.on);
        match settings.format {
            Format::Md => markdown::write(policy, calendar, out),
            Format::Ics => ics::write(policy, calendar, on, self.reminders, out),
            Format::Endoflife => endoflife::write(policy, calendar, on, out),
            Format::Openeox => openeox::write_calendar(policy, calendar, out),
            _ => query(self, settings, out),
        }
    }

    /// Plain output is bare lines: that some rest on the rules alone, for
    /// days that have come by `today`, goes to stderr.
    fn aside(&self, format: Format, today: NaiveDate) -> Result<Option<String>> {
        if format != Format::Plain {
            return Ok(None);
        }
        // In release order: the lines past today are not looked at, so that
        // memory stays as small over any range.
        let mut projected = Vec::new();
        for info in self.calendar.lines() {
            let info = info?;
            if info.released > today {
                break;
            }
            projected.extend(words::projected_lines([&info], today));
        }
        Ok(words::projected_note(self.policy, &projected))
    }
}
