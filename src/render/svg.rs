//! `timeline --format svg`: the same picture as the text timeline, as a
//! standalone SVG document, written row by row. Every text node and
//! attribute the policy controls is escaped.

use std::io::Write;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use lts_policy::calendar::{Part, Segment, Timeline, TimelineRow};
use lts_policy::dates::{LAST_DAY, days_between};
use lts_policy::lines::Phase;

use super::axis::{Label, Ruler, Step};
use super::timeline::{label, month_name};

/// The column of the rows' labels: as wide as the longest needs, from
/// 90 pixels to 360 (44 characters); a longer label is cut short with an
/// ellipsis, so that no label runs over the bars.
const LABEL_WIDTH: (f64, f64) = (90.0, 360.0);
/// The space between a label and the column's right edge.
const LABEL_MARGIN: f64 = 8.0;
const CHART_WIDTH: f64 = 900.0;
/// How wide a character of the 12-pixel font is taken to be: two thirds
/// of its size, as wide as a sans-serif capital or digit runs, so that
/// labels found clear of each other stay clear in whatever font draws them.
const CHAR_WIDTH: f64 = 8.0;
/// How far right of its tick a tick's label starts.
const LABEL_OFFSET: f64 = 2.0;
const HEADER: f64 = 56.0;
const ROW: f64 = 24.0;
const FOOTER: f64 = 48.0;
const LTS_COLOUR: &str = "#2e7d32";
const FEATURE_COLOUR: &str = "#1565c0";
const TODAY_COLOUR: &str = "#c62828";

/// Text for an XML text node or attribute: markup characters as entities,
/// and the characters XML 1.0 does not allow at all (C0 controls but tab
/// and line breaks, U+FFFE, U+FFFF) as U+FFFD, so that any name leaves the
/// file well-formed.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => escaped.push('\u{fffd}'),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Writes the picture; the rows are counted first, for its height.
///
/// # Errors
/// An error of the model met while the rows are read, or of the output.
pub fn write(timeline: &Timeline, policy_name: &str, out: &mut dyn Write) -> Result<()> {
    let (mut rows, mut longest) = (0_u32, 0);
    for row in timeline.rows()? {
        longest = longest.max(label(&row?.info).chars().count());
        rows += 1;
    }
    let axis = Axis::of(timeline, rows, longest);
    write_head(timeline, policy_name, &axis, out)?;
    write_ticks(timeline, &axis, out)?;
    for (row, line) in timeline.rows()?.enumerate() {
        write_row(timeline, &line?, &axis, HEADER + ROW * row as f64, out)?;
    }
    if (timeline.from..=timeline.to).contains(&timeline.on) {
        let at = axis.x(timeline.on);
        // The day's label, YYYY-MM-DD, right of the line; left of it where
        // it would run past the picture's right edge.
        let label_width = CHAR_WIDTH * 10.0;
        let (label_x, anchor) = if at + 3.0 + label_width > axis.width() {
            (at - 3.0, r#" text-anchor="end""#)
        } else {
            (at + 3.0, "")
        };
        writeln!(
            out,
            r#"<line class="today" x1="{at:.1}" y1="{}" x2="{at:.1}" y2="{}" stroke="{TODAY_COLOUR}" stroke-width="2"/>
<text x="{label_x:.1}" y="{}" fill="{TODAY_COLOUR}"{anchor}>{}</text>"#,
            HEADER - 24.0,
            axis.bottom,
            HEADER - 26.0,
            timeline.on
        )?;
    }
    write_legend(timeline, axis.bottom, out)?;
    writeln!(out, "</svg>")?;
    Ok(())
}

/// What each kind of mark means, under the rows: the bars' shapes on one
/// line, their colours and styles on the next. The dotted security-only
/// stretches are named when the policy has two phases, as in the text
/// picture: only then can a stretch be drawn so.
fn write_legend(timeline: &Timeline, bottom: f64, out: &mut dyn Write) -> Result<()> {
    let security = if timeline.has_phases() {
        "; dotted: security fixes only"
    } else {
        ""
    };
    writeln!(
        out,
        r#"<text class="legend" x="4" y="{:.1}">Full bars: latest; thin bars: maintained as LTS; lines: maintained{security}.</text>
<text class="legend" x="4" y="{:.1}">Green: LTS lines; blue: feature lines; pale and dashed: projected; red: the day asked (--on).</text>"#,
        bottom + 20.0,
        bottom + 36.0
    )?;
    Ok(())
}

/// Where days fall across the chart, and where its rows end.
struct Axis {
    from: NaiveDate,
    days: f64,
    /// The bottom of the last row.
    bottom: f64,
    /// The width of the labels' column, where the chart starts.
    labels: f64,
}

impl Axis {
    /// The axis of `rows` rows whose longest label is `longest` characters.
    fn of(timeline: &Timeline, rows: u32, longest: usize) -> Self {
        let (narrowest, widest) = LABEL_WIDTH;
        Self {
            from: timeline.from,
            days: (days_between(timeline.from, timeline.to) + 1) as f64,
            bottom: HEADER + ROW * f64::from(rows),
            labels: (longest as f64 * CHAR_WIDTH + LABEL_MARGIN).clamp(narrowest, widest),
        }
    }

    /// The x of a day, clamped to the chart.
    fn x(&self, date: NaiveDate) -> f64 {
        let offset = days_between(self.from, date).clamp(0, self.days as i64) as f64;
        self.labels + offset * CHART_WIDTH / self.days
    }

    /// The picture's width.
    fn width(&self) -> f64 {
        self.labels + CHART_WIDTH + 10.0
    }

    /// A row's label as it fits its column: cut short with an ellipsis
    /// where it would run over the bars.
    fn fitted(&self, label: &str) -> String {
        // Whole characters: the column is at least 90 pixels wide.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let fits = ((self.labels - LABEL_MARGIN) / CHAR_WIDTH) as usize;
        if label.chars().count() <= fits {
            return label.to_owned();
        }
        let mut cut: String = label.chars().take(fits.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// The document's start: its size, its title and the background.
fn write_head(
    timeline: &Timeline,
    policy_name: &str,
    axis: &Axis,
    out: &mut dyn Write,
) -> Result<()> {
    let width = axis.width();
    let height = axis.bottom + FOOTER;
    let name = escape(policy_name);
    writeln!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">"#
    )?;
    writeln!(
        out,
        r#"<title>{name} support from {} to {}</title>
<rect width="100%" height="100%" fill="white"/>
<text x="4" y="18" font-size="14" font-weight="bold">{name} support from {} to {}</text>"#,
        timeline.from, timeline.to, timeline.from, timeline.to
    )?;
    Ok(())
}

/// A tick at the start of each period of the finest step whose labels
/// fit (months, quarters, years, decades, ...), each with its label. The
/// first label and each January's carry the year while months are named.
fn write_ticks(timeline: &Timeline, axis: &Axis, out: &mut dyn Write) -> Result<()> {
    let ruler = Ruler {
        char_width: CHAR_WIDTH,
        end: axis.width(),
    };
    let step = Step::finest(|step| ruler.fits(&tick_labels(timeline, axis, step)));
    for start in step.starts(timeline) {
        let at = axis.x(start);
        writeln!(
            out,
            r##"<line class="tick" x1="{at:.1}" y1="{}" x2="{at:.1}" y2="{}" stroke="#ddd"/>"##,
            HEADER - 8.0,
            axis.bottom
        )?;
    }
    for label in ruler.keep(tick_labels(timeline, axis, step)) {
        writeln!(
            out,
            r#"<text class="tick-label" x="{:.1}" y="{}">{}</text>"#,
            label.start,
            HEADER - 12.0,
            label.text
        )?;
    }
    Ok(())
}

/// The label of each tick of `step`, just right of its tick.
fn tick_labels(timeline: &Timeline, axis: &Axis, step: Step) -> Vec<Label> {
    let mut year_named = None;
    step.starts(timeline)
        .map(|start| {
            let text = if !step.names_months() {
                start.year().to_string()
            } else if year_named == Some(start.year()) {
                month_name(start)
            } else {
                year_named = Some(start.year());
                format!("{} {}", month_name(start), start.year())
            };
            Label {
                start: axis.x(start) + LABEL_OFFSET,
                text,
            }
        })
        .collect()
}

/// One line's row, at `top`: its label, then a bar for each stretch of its
/// support within the picture.
fn write_row(
    timeline: &Timeline,
    line: &TimelineRow,
    axis: &Axis,
    top: f64,
    out: &mut dyn Write,
) -> Result<()> {
    let info = &line.info;
    let kind = if info.lts { "lts" } else { "feature" };
    // A line's name is the record's text: a phone's, a prefixed one.
    let name = escape(&info.line.to_string());
    writeln!(
        out,
        r#"<g class="line {kind}" data-line="{name}"><text x="4" y="{:.1}">{}</text>"#,
        top + 16.0,
        escape(&axis.fitted(&label(info)))
    )?;
    let colour = if info.lts { LTS_COLOUR } else { FEATURE_COLOUR };
    for segment in &line.segments {
        if segment.overlaps(timeline.from, timeline.to) {
            write_segment(segment, &name, colour, axis, top, out)?;
        }
    }
    writeln!(out, "</g>")?;
    Ok(())
}

/// A bar: full while the line is the latest, thinner while maintained;
/// pale and dashed where projected, dotted where security fixes only.
fn write_segment(
    segment: &Segment,
    name: &str,
    colour: &str,
    axis: &Axis,
    top: f64,
    out: &mut dyn Write,
) -> Result<()> {
    let (start, end) = (
        axis.x(segment.start),
        axis.x(segment.end).max(axis.x(segment.start) + 1.0),
    );
    let (y, height, part, role) = match segment.part {
        Part::Latest => (top + 5.0, 14.0, "latest-part", "latest"),
        Part::Lts => (top + 9.0, 6.0, "lts-part", "maintained as LTS"),
        _ => (top + 11.0, 2.0, "maintained-part", "maintained"),
    };
    let security = segment.phase == Phase::Security;
    let role = if security {
        format!("{role}, security fixes only")
    } else {
        role.to_owned()
    };
    let (opacity, dash) = match (segment.projected, security) {
        (true, _) => ("0.35", r#" stroke-dasharray="4 2""#),
        (false, true) => ("0.6", r#" stroke-dasharray="1 2""#),
        (false, false) => ("1", ""),
    };
    writeln!(
        out,
        r#"<rect class="{part}{}{}" x="{start:.1}" y="{y:.1}" width="{:.1}" height="{height}" fill="{colour}" fill-opacity="{opacity}" stroke="{colour}"{dash}><title>{} {}: {} to {}</title></rect>"#,
        if segment.projected { " projected" } else { "" },
        if security { " security" } else { "" },
        end - start,
        name,
        role,
        segment.start,
        shown_end(segment.end)
    )?;
    Ok(())
}

/// A segment's end as its title says it: one past the last day a date
/// names, drawn beyond the picture's edge, is after that day.
fn shown_end(end: NaiveDate) -> String {
    if end > LAST_DAY {
        format!("after {LAST_DAY}")
    } else {
        end.to_string()
    }
}
