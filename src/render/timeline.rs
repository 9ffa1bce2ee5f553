//! `timeline` as text: one row per line, bars for its support, month ticks
//! along the top and a marker on `--on`.

use anstyle::{AnsiColor, Style};
use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use lts_policy::LineInfo;
use lts_policy::calendar::{Part, Timeline, TimelineRow};
use lts_policy::dates::days_between;
use lts_policy::lines::Phase;

use super::axis::{Label, Ruler, Step};
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
    write_axis(timeline, &scale, today, label_width, out)?;
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

/// The axis over the rows, at the finest step whose labels fit: the years
/// (or decades, ...), the month names while the step names months, and a
/// row of ticks with the marker of `--on`.
fn write_axis(
    timeline: &Timeline,
    scale: &Scale,
    today: Option<usize>,
    label_width: usize,
    out: &mut Text,
) -> Result<()> {
    let ruler = Ruler {
        char_width: 1.0,
        end: scale.columns as f64,
    };
    let step = Step::finest(|step| {
        ruler.fits(&year_labels(timeline, scale, &ruler, step))
            && ruler.fits(&month_labels(timeline, scale, step))
    });
    let years = ruler.keep(year_labels(timeline, scale, &ruler, step));
    write_labels(&years, label_width, out)?;
    if step.names_months() {
        write_labels(
            &ruler.keep(month_labels(timeline, scale, step)),
            label_width,
            out,
        )?;
    }
    let mut ticks = vec![' '; scale.columns];
    for start in step.starts(timeline) {
        if let Some(tick) = ticks.get_mut(scale.column(start)) {
            *tick = '╷';
        }
    }
    if let Some(column) = today {
        ticks[column] = '▼';
    }
    let ticks: String = ticks.into_iter().collect();
    let row = format!("{:label_width$}{ticks}", "");
    writeln!(out.out(), "{}", row.trim_end())?;
    Ok(())
}

/// The years over the month names: the first one's where the axis starts,
/// then each at its January's column (each decade's, ..., over longer
/// ranges), so that no stretch is left to guess its year. A first year too
/// short on the axis for its label has it just left of the axis, in the
/// gutter.
fn year_labels(timeline: &Timeline, scale: &Scale, ruler: &Ruler, step: Step) -> Vec<Label> {
    let at = |start: NaiveDate| Label {
        start: scale.column(start) as f64,
        text: start.year().to_string(),
    };
    let later = step
        .max(Step::Year)
        .starts(timeline)
        .filter(|start| *start > timeline.from);
    let mut labels: Vec<Label> = std::iter::once(timeline.from)
        .chain(later)
        .map(at)
        .collect();
    if let [first, second, ..] = labels.as_mut_slice()
        && !ruler.clear_of(first, second)
    {
        // The gutter is at least six columns: "2025" and a space.
        first.start = -(first.text.chars().count() as f64 + 1.0);
    }
    labels
}

/// The month names at the ticks of a step that names months; none else.
fn month_labels(timeline: &Timeline, scale: &Scale, step: Step) -> Vec<Label> {
    if !step.names_months() {
        return Vec::new();
    }
    step.starts(timeline)
        .map(|month| Label {
            start: scale.column(month) as f64,
            text: month_name(month),
        })
        .collect()
}

/// A row of labels, each at its column of the axis (a negative one in the
/// gutter, left of the axis).
fn write_labels(labels: &[Label], label_width: usize, out: &mut Text) -> Result<()> {
    let mut row: Vec<char> = Vec::new();
    for label in labels {
        let column = (label_width as f64 + label.start) as usize;
        let end = column + label.text.chars().count();
        if row.len() < end {
            row.resize(end, ' ');
        }
        for (cell, c) in row[column..end].iter_mut().zip(label.text.chars()) {
            *cell = c;
        }
    }
    writeln!(out.out(), "{}", row.into_iter().collect::<String>())?;
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
