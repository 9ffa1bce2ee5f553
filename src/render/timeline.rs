//! `timeline` as text: one row per line, bars for its support, month ticks
//! along the top and a marker on `--on`.

use anstyle::{AnsiColor, Style};
use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use lts_policy::LineInfo;
use lts_policy::calendar::{Part, Timeline, TimelineRow};
use lts_policy::dates::days_between;
use lts_policy::lines::Phase;

use super::text::{FEATURE_COLOUR, LTS_COLOUR, TODAY_COLOUR, Text};
use crate::session::for_terminal;

/// The row label: the line, and LTS for an LTS line.
pub fn label(info: &LineInfo) -> String {
    if info.lts {
        format!("{} LTS", info.line)
    } else {
        info.line.to_string()
    }
}

/// The name over a month's tick, `Jan` to `Dec`: the years have a row of
/// their own.
pub fn month_name(month: NaiveDate) -> String {
    month.format("%b").to_string()
}

const LATEST: char = '█';
const LATEST_PROJECTED: char = '▒';
const LTS: char = '━';
const LTS_PROJECTED: char = '┅';
const MAINTAINED: char = '─';
const MAINTAINED_PROJECTED: char = '╌';
const SECURITY: char = '┈';
const TODAY: char = '│';

/// Maps days to columns of a chart `columns` wide.
struct Scale {
    from: NaiveDate,
    days: i64,
    columns: usize,
}

impl Scale {
    /// The column of a day, clamped to the chart.
    fn column(&self, date: NaiveDate) -> usize {
        let offset = days_between(self.from, date).clamp(0, self.days);
        let columns = i64::try_from(self.columns).unwrap_or(i64::MAX);
        usize::try_from(offset * columns / self.days).unwrap_or(0)
    }
}

/// A cell: a character and whether to dim it.
#[derive(Clone, Copy)]
struct Cell {
    glyph: char,
    dim: bool,
}

const BLANK: Cell = Cell {
    glyph: ' ',
    dim: false,
};

/// Writes a row of cells, coloured `colour` when colour is on.
fn paint(out: &mut Text, cells: &[Cell], colour: AnsiColor) -> Result<()> {
    if !out.color() {
        let line: String = cells.iter().map(|cell| cell.glyph).collect();
        writeln!(out.out(), "{}", line.trim_end())?;
        return Ok(());
    }
    for cell in cells {
        if cell.glyph == ' ' {
            out.out().write_all(b" ")?;
            continue;
        }
        let style = match (cell.glyph, cell.dim) {
            (TODAY, _) => Style::new().fg_color(Some(TODAY_COLOUR.into())),
            (_, true) => Style::new().fg_color(Some(colour.into())).dimmed(),
            _ => Style::new().fg_color(Some(colour.into())),
        };
        out.styled(style, cell.glyph.encode_utf8(&mut [0; 4]))?;
    }
    writeln!(out.out())?;
    Ok(())
}

/// Draws the timeline `width` columns wide.
///
/// # Errors
/// An error of the model met while the rows are read, or of the output.
pub fn write(timeline: &Timeline, policy_name: &str, width: u16, out: &mut Text) -> Result<()> {
    let mut label_width = 4;
    for row in timeline.rows()? {
        label_width = label_width.max(label(&row?.info).chars().count());
    }
    let label_width = label_width + 2;
    let columns = usize::from(width).saturating_sub(label_width).max(10);
    let scale = Scale {
        from: timeline.from,
        days: days_between(timeline.from, timeline.to) + 1,
        columns,
    };
    let today = (timeline.from..=timeline.to)
        .contains(&timeline.on)
        .then(|| scale.column(timeline.on).min(columns - 1));
    writeln!(
        out.out(),
        "{} support, {} to {}\n",
        for_terminal(policy_name),
        timeline.from,
        timeline.to
    )?;
    write_years(timeline, &scale, label_width, out)?;
    write_months(timeline, &scale, today, label_width, out)?;
    for row in timeline.rows()? {
        let row = row?;
        let cells = row_cells(timeline, &row, &scale, today);
        let colour = if row.info.lts {
            LTS_COLOUR
        } else {
            FEATURE_COLOUR
        };
        write!(out.out(), "{:label_width$}", label(&row.info))?;
        paint(out, &cells, colour)?;
    }
    let security = if timeline.has_phases() {
        format!("  {SECURITY} security fixes only")
    } else {
        String::new()
    };
    writeln!(
        out.out(),
        "\n{LATEST} latest  {LTS} maintained as LTS  {MAINTAINED} maintained{security}"
    )?;
    writeln!(
        out.out(),
        "{LATEST_PROJECTED} {LTS_PROJECTED} {MAINTAINED_PROJECTED} projected  ▼ {} (--on)",
        timeline.on
    )?;
    Ok(())
}

/// The years over the month names: each at its first column on the axis,
/// so that no month is left to guess its year. A first year too short on
/// the axis for its label has it just left of the axis, in the gutter.
fn write_years(
    timeline: &Timeline,
    scale: &Scale,
    label_width: usize,
    out: &mut Text,
) -> Result<()> {
    let mut row = vec![' '; label_width + scale.columns];
    let starts: Vec<usize> = timeline
        .year_starts()
        .map(|start| label_width + scale.column(start).min(scale.columns - 1))
        .collect();
    for (at, start) in timeline.year_starts().enumerate() {
        let name = start.year().to_string();
        let length = name.chars().count();
        let fits_before_next = starts
            .get(at + 1)
            .is_none_or(|next| starts[at] + length < *next);
        let column = if fits_before_next {
            starts[at]
        } else {
            // Only the first year can be this short: Januaries are 12
            // months apart, the axis at least 10 columns over its range.
            label_width.saturating_sub(length + 1)
        };
        for (offset, c) in name.chars().enumerate() {
            if let Some(cell) = row.get_mut(column + offset) {
                *cell = c;
            }
        }
    }
    writeln!(out.out(), "{}", row.iter().collect::<String>().trim_end())?;
    Ok(())
}

/// Month names above a row of ticks, and the marker of `--on`.
fn write_months(
    timeline: &Timeline,
    scale: &Scale,
    today: Option<usize>,
    label_width: usize,
    out: &mut Text,
) -> Result<()> {
    let columns = scale.columns;
    let mut names = vec![' '; columns];
    let mut ticks = vec![' '; columns];
    for month in timeline.month_starts() {
        let column = scale.column(month);
        if column >= columns {
            continue;
        }
        ticks[column] = '╷';
        let name = month_name(month);
        let end = column + name.chars().count();
        let free = end < columns
            && names[column..=end].iter().all(|c| *c == ' ')
            && (column == 0 || names[column - 1] == ' ');
        if free {
            for (offset, c) in name.chars().enumerate() {
                names[column + offset] = c;
            }
        }
    }
    if let Some(column) = today {
        ticks[column] = '▼';
    }
    let pad = " ".repeat(label_width);
    for line in [names, ticks] {
        writeln!(
            out.out(),
            "{pad}{}",
            line.iter().collect::<String>().trim_end()
        )?;
    }
    Ok(())
}

/// The cells of one line's row: its stretches of support, and the marker
/// of `--on` where the row is blank.
fn row_cells(
    timeline: &Timeline,
    row: &TimelineRow,
    scale: &Scale,
    today: Option<usize>,
) -> Vec<Cell> {
    let columns = scale.columns;
    let mut cells = vec![BLANK; columns];
    for segment in &row.segments {
        if !segment.overlaps(timeline.from, timeline.to) {
            continue;
        }
        let start = scale.column(segment.start);
        let end = scale.column(segment.end).max(start + 1).min(columns);
        let glyph = match (segment.part, segment.projected) {
            _ if segment.phase == Phase::Security => SECURITY,
            (Part::Latest, false) => LATEST,
            (Part::Latest, true) => LATEST_PROJECTED,
            (Part::Lts, false) => LTS,
            (Part::Lts, true) => LTS_PROJECTED,
            (_, false) => MAINTAINED,
            (_, true) => MAINTAINED_PROJECTED,
        };
        for cell in cells.iter_mut().take(end).skip(start) {
            *cell = Cell {
                glyph,
                dim: segment.projected,
            };
        }
    }
    if let Some(column) = today
        && cells[column].glyph == ' '
    {
        cells[column] = Cell {
            glyph: TODAY,
            dim: false,
        };
    }
    cells
}
