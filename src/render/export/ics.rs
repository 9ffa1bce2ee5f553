//! The calendar as an RFC 5545 iCalendar file: one all-day event per
//! release, end of support and patch day.

use std::io::{self, Write};

use chrono::NaiveDate;

use lts_policy::policy::{Calendar, LineInfo, PatchDay, Policy, Source};

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

/// Writes one content line, folded at 75 octets (RFC 5545 §3.1), ended by CRLF.
fn content_line(out: &mut dyn Write, line: &str) -> io::Result<()> {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.write_all(b"\r\n ")?;
            width = 1;
        }
        write!(out, "{c}")?;
        width += c.len_utf8();
    }
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
        Source::History => "",
        Source::Rules => " (projected)",
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
            super::ended_by_text(info),
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

fn source_words(source: Source) -> &'static str {
    match source {
        Source::History => "history",
        Source::Rules => "policy's rules",
    }
}

/// Writes the calendar; DTSTAMP is `on` at midnight UTC, so that the same
/// query gives the same file.
pub fn ics(
    policy: &Policy,
    on: NaiveDate,
    calendar: &Calendar,
    patch_days: &[PatchDay],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut events: Vec<Event> = Vec::new();
    for info in &calendar.lines {
        events.push(release_event(policy, info));
        events.push(eol_event(policy, info));
    }
    events.extend(patch_days.iter().map(|day| patch_event(policy, day)));
    events.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    let domain = uid_domain(policy.name());
    let stamp = format!("{}T000000Z", ics_date(on));
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
    for event in events {
        let next_day = event.date.succ_opt().unwrap_or(event.date);
        for line in [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}@{domain}", event.uid),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", ics_date(event.date)),
            format!("DTEND;VALUE=DATE:{}", ics_date(next_day)),
            format!("SUMMARY:{}", escape(&event.summary)),
            format!("DESCRIPTION:{}", escape(&event.description)),
            format!("CATEGORIES:{}", event.category),
            "TRANSP:TRANSPARENT".to_owned(),
            "END:VEVENT".to_owned(),
        ] {
            content_line(out, &line)?;
        }
    }
    content_line(out, "END:VCALENDAR")
}
