//! `timeline` as text: one row per line, bars for its support, month ticks
//! along the top and a marker on `--on`.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use lts_policy::policy::{LineInfo, Source, days_between, month_starts};

use super::Timeline;

/// One stretch of a line's support.
pub struct Segment {
    pub start: NaiveDate,
    /// Not included.
    pub end: NaiveDate,
    /// Maintained as LTS after its time as the latest.
    pub lts_part: bool,
    /// Depends on a release the rules project.
    pub projected: bool,
}

/// The stretches of a line's support: latest, then LTS maintenance.
pub fn segments(info: &LineInfo) -> Vec<Segment> {
    let released_projected = info.released_source == Source::Rules;
    let mut segments = vec![Segment {
        start: info.released,
        end: info.latest_until,
        lts_part: false,
        projected: released_projected || info.latest_until_source == Source::Rules,
    }];
    if let Some(window) = &info.lts_window
        && window.until > info.latest_until
    {
        let cut_by_projection = window.until == window.successor_released
            && !window.announced
            && window.successor_source == Source::Rules;
        segments.push(Segment {
            start: info.latest_until,
            end: window.until,
            lts_part: true,
            projected: released_projected || cut_by_projection,
        });
    }
    segments
}

/// The row label: the line, and LTS for an LTS line.
pub fn label(info: &LineInfo) -> String {
    if info.lts {
        format!("{} LTS", info.line)
    } else {
        info.line.to_string()
    }
}

const LATEST: char = '█';
const LATEST_PROJECTED: char = '▒';
const LTS: char = '━';
const LTS_PROJECTED: char = '┅';
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

fn paint(out: &mut dyn Write, cells: &[Cell], colour: Option<&str>) -> io::Result<()> {
    let line: String = cells.iter().map(|cell| cell.glyph).collect();
    match colour {
        None => writeln!(out, "{}", line.trim_end()),
        Some(code) => {
            let mut text = String::new();
            for cell in cells {
                let style = match (cell.glyph, cell.dim) {
                    (TODAY, _) => "31".to_owned(),
                    (_, true) => format!("2;{code}"),
                    _ => code.to_owned(),
                };
                text.push_str(&format!("\x1b[{style}m{}\x1b[0m", cell.glyph));
            }
            writeln!(out, "{text}")
        }
    }
}

pub fn write(timeline: &Timeline, out: &mut dyn Write) -> io::Result<()> {
    let labels: Vec<String> = timeline.lines.iter().map(label).collect();
    let label_width = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .max(4)
        + 2;
    let columns = usize::from(timeline.width)
        .saturating_sub(label_width)
        .max(10);
    let scale = Scale {
        from: timeline.from,
        days: days_between(timeline.from, timeline.to) + 1,
        columns,
    };
    let today = (timeline.from..=timeline.to)
        .contains(&timeline.on)
        .then(|| scale.column(timeline.on).min(columns - 1));
    writeln!(
        out,
        "{} support, {} to {}\n",
        timeline.policy.name(),
        timeline.from,
        timeline.to
    )?;
    // Month names (the year in January) above a row of ticks.
    let mut names = vec![' '; columns];
    let mut ticks = vec![' '; columns];
    for month in month_starts(timeline.from, timeline.to) {
        let column = scale.column(month);
        if column >= columns {
            continue;
        }
        ticks[column] = '╷';
        let name = if month.month() == 1 {
            month.year().to_string()
        } else {
            month.format("%b").to_string()
        };
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
    writeln!(out, "{pad}{}", names.iter().collect::<String>().trim_end())?;
    writeln!(out, "{pad}{}", ticks.iter().collect::<String>().trim_end())?;
    for (info, label) in timeline.lines.iter().zip(&labels) {
        let mut cells = vec![BLANK; columns];
        for segment in segments(info) {
            let start = scale.column(segment.start);
            let end = scale.column(segment.end).max(start + 1).min(columns);
            let glyph = match (segment.lts_part, segment.projected) {
                (false, false) => LATEST,
                (false, true) => LATEST_PROJECTED,
                (true, false) => LTS,
                (true, true) => LTS_PROJECTED,
            };
            let visible = segment.end > timeline.from && segment.start <= timeline.to;
            for cell in cells.iter_mut().take(end).skip(start).filter(|_| visible) {
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
        let colour = timeline.color.then_some(if info.lts { "32" } else { "34" });
        write!(out, "{label:label_width$}")?;
        paint(out, &cells, colour)?;
    }
    writeln!(out, "\n{LATEST} latest  {LTS} maintained as LTS")?;
    writeln!(
        out,
        "{LATEST_PROJECTED} {LTS_PROJECTED} projected  ▼ {} (--on)",
        timeline.on
    )
}
