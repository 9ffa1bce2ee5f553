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
use chrono::{Datelike, NaiveDate};

use lts_policy::answers::PatchDay;
use lts_policy::calendar::Calendar;
use lts_policy::{Line, LineInfo, Policy, Source};

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

/// Appends one content line to `folded`, folded at 75 octets (RFC 5545
/// §3.1) without splitting a character, and ended by CRLF. A folded line
/// never ends in a blank: parsers that trim lines before unfolding would
/// lose it.
fn fold(line: &str, folded: &mut String) {
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
        folded.push_str(&rest[..cut]);
        folded.push_str("\r\n ");
        rest = &rest[cut..];
        // A continuation line's leading space counts.
        limit = 74;
    }
    folded.push_str(rest);
    folded.push_str("\r\n");
}

/// Writes one content line.
fn content_line(out: &mut dyn Write, line: &str) -> std::io::Result<()> {
    let mut folded = String::with_capacity(line.len() + 8);
    fold(line, &mut folded);
    out.write_all(folded.as_bytes())
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

/// What an event is about, as its UID says.
#[derive(Clone, Copy)]
enum About {
    Release(Line),
    EndOfSupport(Line),
    PatchDay(NaiveDate),
}

/// Appends a TEXT value's part to a content line.
type Part<'a> = &'a dyn Fn(&mut String, &str);

/// Writes the events of a calendar under one stamp, UID domain and name,
/// each content line built in one buffer kept from line to line: a
/// calendar of centuries is written without an allocation per event.
struct Writer<'o> {
    out: &'o mut dyn Write,
    line: String,
    /// The event's content lines, folded.
    event: String,
    domain: String,
    stamp: String,
    /// The policy's name, escaped once for every event.
    name: String,
}

impl Writer<'_> {
    fn release(&mut self, branch: &str, info: &LineInfo) -> std::io::Result<()> {
        let line = info.line;
        let summary = |text: &mut String, name: &str| {
            text.push_str(name);
            text.push(' ');
            push_line(text, line);
            text.push_str(if info.lts {
                " LTS released"
            } else {
                " released"
            });
            text.push_str(projected(info.released_source));
        };
        let description = |text: &mut String, name: &str| {
            text.push_str(name);
            text.push(' ');
            push_line(text, line);
            text.push_str(" is released\\; branch ");
            text.push_str(branch);
            text.push_str(". Release date from the ");
            text.push_str(source_words(info.released_source));
            text.push_str("\\, LTS flag from the ");
            text.push_str(source_words(info.lts_source));
            text.push('.');
        };
        let about = About::Release(line);
        self.event(about, info.released, "release", &summary, &description)
    }

    fn end_of_support(&mut self, info: &LineInfo) -> std::io::Result<()> {
        let line = info.line;
        let summary = |text: &mut String, name: &str| {
            text.push_str(name);
            text.push(' ');
            push_line(text, line);
            text.push_str(" end of support");
            text.push_str(projected(info.eol_source));
        };
        let description = |text: &mut String, name: &str| {
            text.push_str("From this day ");
            text.push_str(name);
            text.push(' ');
            push_line(text, line);
            text.push_str(" is no longer supported (");
            text.push_str(&escape(&ended_by_text(info)));
            text.push_str("). Date from the ");
            text.push_str(source_words(info.eol_source));
            text.push('.');
        };
        let about = About::EndOfSupport(line);
        self.event(about, info.eol, "end-of-support", &summary, &description)
    }

    fn patch_day(&mut self, day: &PatchDay) -> std::io::Result<()> {
        let versions = |text: &mut String| {
            for (at, shipped) in day.patches.iter().enumerate() {
                if at > 0 {
                    text.push_str("\\, ");
                }
                push_version(text, &shipped.patch.version);
                text.push_str(projected(shipped.patch.source));
            }
        };
        let summary = |text: &mut String, name: &str| {
            text.push_str(name);
            text.push_str(" patch day: ");
            versions(text);
        };
        let description = |text: &mut String, name: &str| {
            text.push_str("Patch releases of ");
            text.push_str(name);
            text.push_str(" on this day: ");
            versions(text);
            text.push('.');
        };
        let about = About::PatchDay(day.day);
        self.event(about, day.day, "patch", &summary, &description)
    }

    /// Writes an event, or leaves it out when its day has more than four
    /// digits in its year (see [`left_out`]).
    fn event(
        &mut self,
        about: About,
        date: NaiveDate,
        category: &str,
        summary: Part,
        description: Part,
    ) -> std::io::Result<()> {
        if date > LAST_DAY {
            return Ok(());
        }
        self.put(|line, _| line.push_str("BEGIN:VEVENT"))?;
        self.put(|line, domain| {
            line.push_str("UID:");
            match about {
                About::Release(of) => {
                    line.push_str("release-");
                    push_line(line, of);
                }
                About::EndOfSupport(of) => {
                    line.push_str("eol-");
                    push_line(line, of);
                }
                About::PatchDay(day) => {
                    line.push_str("patch-");
                    push_iso_date(line, day);
                }
            }
            line.push('@');
            line.push_str(domain);
        })?;
        let stamp = std::mem::take(&mut self.stamp);
        let stamped = self.put(|line, _| {
            line.push_str("DTSTAMP:");
            line.push_str(&stamp);
        });
        self.stamp = stamp;
        stamped?;
        self.put(|line, _| {
            line.push_str("DTSTART;VALUE=DATE:");
            push_ics_date(line, date);
        })?;
        // An all-day event without an end lasts its one day (RFC 5545
        // §3.6.1): on the last day there is no day after to end on.
        if let Some(end) = date.succ_opt().filter(|next| *next <= LAST_DAY) {
            self.put(|line, _| {
                line.push_str("DTEND;VALUE=DATE:");
                push_ics_date(line, end);
            })?;
        }
        let name = std::mem::take(&mut self.name);
        let texts = self
            .put(|line, _| {
                line.push_str("SUMMARY:");
                summary(line, &name);
            })
            .and_then(|()| {
                self.put(|line, _| {
                    line.push_str("DESCRIPTION:");
                    description(line, &name);
                })
            });
        self.name = name;
        texts?;
        self.put(|line, _| {
            line.push_str("CATEGORIES:");
            line.push_str(category);
        })?;
        self.put(|line, _| line.push_str("TRANSP:TRANSPARENT"))?;
        self.put(|line, _| line.push_str("END:VEVENT"))?;
        let written = self.out.write_all(self.event.as_bytes());
        self.event.clear();
        written
    }

    /// Builds one content line in the buffer (given the UID domain) and
    /// adds it to the event, written whole at its end.
    fn put(&mut self, build: impl FnOnce(&mut String, &str)) -> std::io::Result<()> {
        self.line.clear();
        build(&mut self.line, &self.domain);
        fold(&self.line, &mut self.event);
        Ok(())
    }
}

/// Appends `MAJOR.MINOR`, or `MAJOR` for a line that is a whole major.
fn push_line(text: &mut String, line: Line) {
    let mut digits = itoa::Buffer::new();
    text.push_str(digits.format(line.major));
    if let Some(minor) = line.minor {
        text.push('.');
        text.push_str(digits.format(minor));
    }
}

/// Appends a version: its numbers and build metadata (a pre-release is
/// never a patch).
fn push_version(text: &mut String, version: &semver::Version) {
    let mut digits = itoa::Buffer::new();
    for (at, number) in [version.major, version.minor, version.patch]
        .into_iter()
        .enumerate()
    {
        if at > 0 {
            text.push('.');
        }
        text.push_str(digits.format(number));
    }
    if !version.build.is_empty() {
        text.push('+');
        text.push_str(version.build.as_str());
    }
}

/// Appends `YYYYMMDD` (an iCalendar DATE) or `YYYY-MM-DD`, for a day of a
/// four-digit year.
fn push_date(text: &mut String, date: NaiveDate, separator: &str) {
    let year = u32::try_from(date.year()).unwrap_or(0);
    let (month, day) = (date.month(), date.day());
    let digit = |value: u32| char::from(b'0' + u8::try_from(value % 10).unwrap_or(0));
    text.extend([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
    ]);
    text.push_str(separator);
    text.extend([digit(month / 10), digit(month)]);
    text.push_str(separator);
    text.extend([digit(day / 10), digit(day)]);
}

fn push_ics_date(text: &mut String, date: NaiveDate) {
    push_date(text, date, "");
}

fn push_iso_date(text: &mut String, date: NaiveDate) {
    push_date(text, date, "-");
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
    let mut stamp = String::new();
    push_ics_date(&mut stamp, on);
    stamp.push_str("T000000Z");
    let mut writer = Writer {
        out,
        line: String::with_capacity(128),
        event: String::with_capacity(1024),
        domain: uid_domain(policy.name()),
        stamp,
        name: escape(policy.name()),
    };
    for info in calendar.lines() {
        let info = info?;
        let branch = escape(&policy.branch_template().render(info.line));
        writer.release(&branch, &info)?;
        writer.end_of_support(&info)?;
    }
    for day in calendar.patch_days() {
        writer.patch_day(&day?)?;
    }
    content_line(writer.out, "END:VCALENDAR")?;
    Ok(())
}
