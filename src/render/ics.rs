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

/// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' => escaped.push_str("\\n"),
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

/// `YYYYMMDD`, the form of an iCalendar DATE value.
fn ics_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
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

struct Event {
    uid: String,
    date: NaiveDate,
    summary: String,
    description: String,
    category: &'static str,
}

fn release_event(policy: &Policy, info: &LineInfo) -> Event {
    let lts = if info.lts { " LTS" } else { "" };
    Event {
        uid: format!("release-{}", info.line),
        date: info.released,
        summary: format!(
            "{} {}{lts} released{}",
            policy.name(),
            info.line,
            projected(info.released_source)
        ),
        description: format!(
            "{} {} is released; branch {}. Release date from the {}, LTS flag from the {}.",
            policy.name(),
            info.line,
            policy.branch_template().render(info.line),
            source_words(info.released_source),
            source_words(info.lts_source),
        ),
        category: "release",
    }
}

fn eol_event(policy: &Policy, info: &LineInfo) -> Event {
    Event {
        uid: format!("eol-{}", info.line),
        date: info.eol,
        summary: format!(
            "{} {} end of support{}",
            policy.name(),
            info.line,
            projected(info.eol_source)
        ),
        description: format!(
            "From this day {} {} is no longer supported ({}). Date from the {}.",
            policy.name(),
            info.line,
            ended_by_text(info),
            source_words(info.eol_source),
        ),
        category: "end-of-support",
    }
}

fn patch_event(policy: &Policy, day: &PatchDay) -> Event {
    let versions: Vec<String> = day
        .patches
        .iter()
        .map(|line| {
            format!(
                "{}{}",
                line.latest_patch.version,
                projected(line.latest_patch.source)
            )
        })
        .collect();
    Event {
        uid: format!("patch-{}", day.day),
        date: day.day,
        summary: format!("{} patch day: {}", policy.name(), versions.join(", ")),
        description: format!(
            "Patch releases of {} on this day: {}.",
            policy.name(),
            versions.join(", ")
        ),
        category: "patch",
    }
}

/// Writes the events of a calendar under one stamp and UID domain.
struct Writer<'o> {
    out: &'o mut dyn Write,
    domain: String,
    stamp: String,
}

impl Writer<'_> {
    fn event(&mut self, event: &Event) -> std::io::Result<()> {
        let next_day = event.date.succ_opt().unwrap_or(event.date);
        for line in [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}@{}", event.uid, self.domain),
            format!("DTSTAMP:{}", self.stamp),
            format!("DTSTART;VALUE=DATE:{}", ics_date(event.date)),
            format!("DTEND;VALUE=DATE:{}", ics_date(next_day)),
            format!("SUMMARY:{}", escape(&event.summary)),
            format!("DESCRIPTION:{}", escape(&event.description)),
            format!("CATEGORIES:{}", event.category),
            "TRANSP:TRANSPARENT".to_owned(),
            "END:VEVENT".to_owned(),
        ] {
            content_line(self.out, &line)?;
        }
        Ok(())
    }
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
        out,
        domain: uid_domain(policy.name()),
        stamp: format!("{}T000000Z", ics_date(on)),
    };
    for info in calendar.lines() {
        let info = info?;
        writer.event(&release_event(policy, &info))?;
        writer.event(&eol_event(policy, &info))?;
    }
    for day in calendar.patch_days() {
        writer.event(&patch_event(policy, &day?))?;
    }
    content_line(writer.out, "END:VCALENDAR")?;
    Ok(())
}
