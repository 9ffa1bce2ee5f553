//! Text for people: aligned columns, a `*` on every value worked out from
//! the policy's rules (explained by a legend under the answer), and colour
//! through anstyle when the context allows it.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use anyhow::Result;

use lts_policy::{LineInfo, Source};

/// Explains the `*` that marks values worked out from the rules.
pub const LEGEND: &str =
    "* worked out from the policy's rules; unmarked values are recorded in the history";

/// Explains the `!` that marks an overdue line.
pub const OVERDUE_LEGEND: &str = "! overdue: due by the rules on or before the day the history \
     is complete up to, which does not list it; projected on the first release day after";

/// Introduces the 80% ranges of projected dates, under a table.
pub const RANGES_LEGEND: &str = "80% ranges, from how far the history's releases and ends fell \
     from the days its rules gave:";

/// Headers of tables.
const HEADER: Style = Style::new().bold();

/// Where text goes, and whether it may be coloured.
pub struct Text<'o> {
    out: &'o mut dyn Write,
    color: bool,
}

impl<'o> Text<'o> {
    pub fn new(out: &'o mut dyn Write, color: bool) -> Self {
        Self { out, color }
    }

    /// The output itself, for plain lines.
    pub fn out(&mut self) -> &mut dyn Write {
        self.out
    }

    /// Whether colour is on.
    pub fn color(&self) -> bool {
        self.color
    }

    /// Writes `text` in `style` when colour is on, plainly otherwise.
    pub fn styled(&mut self, style: Style, text: &str) -> Result<()> {
        if self.color {
            write!(self.out, "{}{text}{}", style.render(), style.render_reset())?;
        } else {
            self.out.write_all(text.as_bytes())?;
        }
        Ok(())
    }
}

/// The colour of an LTS line's row in a picture.
pub const LTS_COLOUR: AnsiColor = AnsiColor::Green;
/// The colour of a feature line's row in a picture.
pub const FEATURE_COLOUR: AnsiColor = AnsiColor::Blue;
/// The colour of the `--on` marker.
pub const TODAY_COLOUR: AnsiColor = AnsiColor::Red;

/// One row of a table.
#[derive(Default, Clone)]
pub struct Row {
    cells: Vec<String>,
    /// Whether a cell carries the rules marker.
    marked: bool,
    /// Whether a line is marked overdue.
    overdue: bool,
    /// The 80% ranges of the line's projected dates, for under the table.
    ranges: Option<String>,
}

impl Row {
    /// Adds a cell.
    pub fn cell(mut self, value: impl ToString) -> Self {
        self.cells.push(value.to_string());
        self
    }

    /// Adds a line's name, marked `!` when it is overdue; the 80% ranges of
    /// its projected dates go under the table.
    pub fn line(mut self, info: &LineInfo) -> Self {
        let ranges: Vec<String> = [("released", info.released_range), ("eol", info.eol_range)]
            .into_iter()
            .filter_map(|(what, range)| {
                let range = range?;
                Some(format!("{what} {} to {}", range.from, range.to))
            })
            .collect();
        if !ranges.is_empty() {
            // At least two spaces after a long name, as a table's columns.
            self.ranges = Some(format!(
                "{:<4}  {}",
                info.line.to_string(),
                ranges.join(", ")
            ));
        }
        if info.overdue {
            self.overdue = true;
            self.cells.push(format!("{}!", info.line));
            return self;
        }
        self.cell(&info.line)
    }

    /// Adds a cell, with the rules marker when its value is not from the history.
    pub fn sourced(self, value: impl ToString, source: Source) -> Self {
        self.annotated(value, source, "")
    }

    /// Adds a cell, with the rules marker when its value is not from the
    /// history, or `-` without a value.
    pub fn sourced_or_dash(self, value: Option<impl ToString>, source: Source) -> Self {
        match value {
            Some(value) => self.sourced(value, source),
            None => self.cell("-"),
        }
    }

    /// Adds a cell: a value, its rules marker if any, then a note.
    pub fn annotated(mut self, value: impl ToString, source: Source, note: &str) -> Self {
        let mut text = value.to_string();
        if source == Source::Rules {
            text.push('*');
            self.marked = true;
        }
        text.push_str(note);
        self.cells.push(text);
        self
    }
}

/// The names of the columns `shown`, in order: a table leaves out those a
/// policy cannot fill (the phase without two phases, LTS without LTS lines).
pub fn shown_columns<'a>(columns: &[(&'a str, bool)]) -> Vec<&'a str> {
    columns
        .iter()
        .filter_map(|&(name, shown)| shown.then_some(name))
        .collect()
}

/// Writes `header` (in bold when colour is on) and the rows `rows` gives,
/// in columns padded to the widest cell, then the legends of the marks used
/// and the rows' 80% ranges. `rows` is called to measure, to write, and
/// (when a row has ranges) to write those, so that a long answer is worked
/// out again rather than held in memory.
///
/// # Errors
/// The first error of `rows`, or of the output.
pub fn table<I>(out: &mut Text, header: Option<&[&str]>, rows: impl Fn() -> I) -> Result<()>
where
    I: Iterator<Item = Result<Row>>,
{
    let header: Vec<String> = header
        .unwrap_or_default()
        .iter()
        .map(|&cell| cell.to_owned())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|cell| width(cell)).collect();
    let (mut marked, mut overdue, mut ranged) = (false, false, false);
    for row in rows() {
        let row = row?;
        marked |= row.marked;
        overdue |= row.overdue;
        ranged |= row.ranges.is_some();
        for (column, cell) in row.cells.iter().enumerate() {
            match widths.get_mut(column) {
                Some(width_so_far) => *width_so_far = (*width_so_far).max(width(cell)),
                None => widths.push(width(cell)),
            }
        }
    }
    // One line's text, kept from row to row for its allocation.
    let mut line = String::new();
    if !header.is_empty() {
        aligned(&header, &widths, &mut line);
        out.styled(HEADER, &line)?;
        writeln!(out.out())?;
    }
    for row in rows() {
        aligned(&row?.cells, &widths, &mut line);
        line.push('\n');
        out.out().write_all(line.as_bytes())?;
    }
    if marked || overdue {
        writeln!(out.out())?;
    }
    if marked {
        writeln!(out.out(), "{LEGEND}")?;
    }
    if overdue {
        writeln!(out.out(), "{OVERDUE_LEGEND}")?;
    }
    // A third pass, as the rows are never held: a calendar to 9999 has
    // tens of thousands.
    if ranged {
        writeln!(out.out(), "{RANGES_LEGEND}")?;
        for row in rows() {
            if let Some(range) = row?.ranges {
                writeln!(out.out(), "  {range}")?;
            }
        }
    }
    Ok(())
}

fn width(cell: &str) -> usize {
    cell.chars().count()
}

/// `line` made of cells padded to their column's width, two spaces apart,
/// trailing blanks trimmed.
fn aligned(cells: &[String], widths: &[usize], line: &mut String) {
    line.clear();
    for (cell, width) in cells.iter().zip(widths) {
        line.push_str(cell);
        let padding = width.saturating_sub(self::width(cell)) + 2;
        line.extend(std::iter::repeat_n(' ', padding));
    }
    line.truncate(line.trim_end().len());
}
