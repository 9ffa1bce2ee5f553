//! `releases --format ics`: the calendar as an RFC 5545 iCalendar file, one
//! all-day event per release, end of support and patch day, written as the
//! calendar is read.
//!
//! The writer is ours: iCalendar crates hold the whole calendar before
//! writing it, where a range of centuries must stream, and the format's
//! rules are few (CRLF, folding at 75 octets, escaping TEXT). A test parses
//! every calendar the tool can write.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;

use lts_policy::policy::{Calendar, LineInfo, PatchDay, Policy, Source};

use super::words::ended_by_text;

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma
/// escaped, a line break (LF, CR or CRLF) written `\n`, and the other
/// control characters TEXT does not allow dropped, so that a name cannot
/// end a line and forge a property or an event.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | ';' | ',' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => escaped.push_str("\\n"),
            '\t' => escaped.push(c),
            c if c.is_control() => {}
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Writes one content line, folded at 75 octets (RFC 5545 §3.1) without
/// splitting a character, ended by CRLF. A folded line never ends in a
/// blank: parsers that trim lines before unfolding would lose it.
fn content_line(out: &mut dyn Write, line: &str) -> std::io::Result<()> {
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        while cut > 1 && rest.as_bytes()[cut - 1] == b' ' {
            cut -= 1;
        }
        out.write_all(&rest.as_bytes()[..cut])?;
        out.write_all(b"\r\n ")?;
        rest = &rest[cut..];
        // A continuation line's leading space counts.
        limit = 74;
    }
    out.write_all(rest.as_bytes())?;
    out.write_all(b"\r\n")
}

/// `YYYYMMDD`, the form of an iCalendar DATE value, for a day of a
/// four-digit year.
struct IcsDate(NaiveDate);

impl std::fmt::Display for IcsDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use chrono::Datelike as _;
        let date = self.0;
        write!(f, "{:04}{:02}{:02}", date.year(), date.month(), date.day())
    }
}

/// A name fit for a UID's domain part: letters, digits and dashes.
fn uid_domain(name: &str) -> String {
    let domain: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("{domain}.lts-policy")
}

/// `" (projected)"` for a value the rules work out.
fn projected(source: Source) -> &'static str {
    match source {
        Source::Rules => " (projected)",
        _ => "",
    }
}

fn source_words(source: Source) -> &'static str {
    match source {
        Source::Rules => "policy's rules",
        _ => "history",
    }
}

/// One event; its summary and description are TEXT values already escaped.
struct Event {
    uid: String,
    date: NaiveDate,
    summary: String,
    description: String,
    category: &'static str,
}

/// Writes the events of a calendar under one stamp, UID domain and name.
struct Writer<'o> {
    lines: Lines<'o>,
    domain: String,
    stamp: String,
    /// The policy's name, escaped once for every event.
    name: String,
}

impl Writer<'_> {
    fn release(&mut self, policy: &Policy, info: &LineInfo) -> std::io::Result<()> {
        let (name, line) = (&self.name, info.line);
        let lts = if info.lts { " LTS" } else { "" };
        let event = Event {
            uid: format!("release-{line}"),
            date: info.released,
            summary: format!(
                "{name} {line}{lts} released{}",
                projected(info.released_source)
            ),
            description: format!(
                "{name} {line} is released\\; branch {}. Release date from the {}\\, LTS flag \
                 from the {}.",
                escape(&policy.branch_template().render(line)),
                source_words(info.released_source),
                source_words(info.lts_source),
            ),
            category: "release",
        };
        self.event(&event)
    }

    fn end_of_support(&mut self, info: &LineInfo) -> std::io::Result<()> {
        let (name, line) = (&self.name, info.line);
        let event = Event {
            uid: format!("eol-{line}"),
            date: info.eol,
            summary: format!("{name} {line} end of support{}", projected(info.eol_source)),
            description: format!(
                "From this day {name} {line} is no longer supported ({}). Date from the {}.",
                escape(&ended_by_text(info)),
                source_words(info.eol_source),
            ),
            category: "end-of-support",
        };
        self.event(&event)
    }

    fn patch_day(&mut self, day: &PatchDay) -> std::io::Result<()> {
        let mut versions = String::new();
        for (at, shipped) in day.patches.iter().enumerate() {
            if at > 0 {
                versions.push_str("\\, ");
            }
            versions.push_str(&shipped.patch.version.to_string());
            versions.push_str(projected(shipped.patch.source));
        }
        let name = &self.name;
        let event = Event {
            uid: format!("patch-{}", day.day),
            date: day.day,
            summary: format!("{name} patch day: {versions}"),
            description: format!("Patch releases of {name} on this day: {versions}."),
            category: "patch",
        };
        self.event(&event)
    }

    /// Writes an event, or leaves it out when its day has more than four
    /// digits in its year (see [`left_out`]).
    fn event(&mut self, event: &Event) -> std::io::Result<()> {
        if event.date > LAST_DAY {
            return Ok(());
        }
        // An all-day event without an end lasts its one day (RFC 5545
        // §3.6.1): on the last day there is no day after to end on.
        let end = event.date.succ_opt().filter(|next| *next <= LAST_DAY);
        let lines = &mut self.lines;
        lines.write(format_args!("BEGIN:VEVENT"))?;
        lines.write(format_args!("UID:{}@{}", event.uid, self.domain))?;
        lines.write(format_args!("DTSTAMP:{}", self.stamp))?;
        lines.write(format_args!("DTSTART;VALUE=DATE:{}", IcsDate(event.date)))?;
        if let Some(end) = end {
            lines.write(format_args!("DTEND;VALUE=DATE:{}", IcsDate(end)))?;
        }
        lines.write(format_args!("SUMMARY:{}", event.summary))?;
        lines.write(format_args!("DESCRIPTION:{}", event.description))?;
        lines.write(format_args!("CATEGORIES:{}", event.category))?;
        lines.write(format_args!("TRANSP:TRANSPARENT"))?;
        lines.write(format_args!("END:VEVENT"))
    }
}

/// Content lines, written through a buffer kept from line to line.
struct Lines<'o> {
    out: &'o mut dyn Write,
    buffer: String,
}

impl Lines<'_> {
    fn write(&mut self, text: std::fmt::Arguments) -> std::io::Result<()> {
        use std::fmt::Write as _;
        self.buffer.clear();
        // Writing to a String cannot fail.
        let _ = self.buffer.write_fmt(text);
        content_line(self.out, &self.buffer)
    }
}

/// The last day an iCalendar DATE can name: its year has four digits.
const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MAX,
};

/// How many events of the calendar fall after [`LAST_DAY`] and are left
/// out of it: ends of support of the last lines, and releases and patch
/// days when the range runs past it.
///
/// # Errors
/// An error of the model met while the calendar is read.
pub fn left_out(policy: &Policy, calendar: &Calendar) -> Result<usize> {
    let mut count = 0;
    for info in calendar.lines() {
        let info = info?;
        count += usize::from(info.released > LAST_DAY) + usize::from(info.eol > LAST_DAY);
    }
    if let Some(after) = LAST_DAY.succ_opt().filter(|after| *after <= calendar.to()) {
        for day in policy.patch_days(after, calendar.to()) {
            day?;
            count += 1;
        }
    }
    Ok(count)
}

/// Writes the calendar: each line's release and end of support, then the
/// patch days. DTSTAMP is `on` at midnight UTC, so that the same query
/// gives the same file.
///
/// # Errors
/// An error of the model met while the calendar is read, or of the output.
pub fn write(
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!(
            "PRODID:-//lts-policy//lts-policy {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        &format!(
            "X-WR-CALNAME:{}",
            escape(&format!("{} releases", policy.name()))
        ),
    ] {
        content_line(out, line)?;
    }
    let mut writer = Writer {
        lines: Lines {
            out,
            buffer: String::with_capacity(128),
        },
        domain: uid_domain(policy.name()),
        stamp: format!("{}T000000Z", IcsDate(on)),
        name: escape(policy.name()),
    };
    for info in calendar.lines() {
        let info = info?;
        writer.release(policy, &info)?;
        writer.end_of_support(&info)?;
    }
    for day in calendar.patch_days() {
        writer.patch_day(&day?)?;
    }
    content_line(writer.lines.out, "END:VCALENDAR")?;
    Ok(())
}
