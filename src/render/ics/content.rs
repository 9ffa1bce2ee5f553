//! The pieces of an iCalendar file's content lines: TEXT escaped, lines
//! folded at 75 octets, UID domains, and lines, versions and dates written
//! without a string allocated for each.

use std::io::Write;

use chrono::{Datelike, NaiveDate};

use lts_policy::{Line, Version};

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma
/// escaped, a line break (LF, CR or CRLF) written `\n`, and the other
/// control characters TEXT does not allow dropped, so that a name cannot
/// end a line and forge a property or an event.
pub fn escape(text: &str) -> String {
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
pub fn fold(line: &str, folded: &mut String) {
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
pub fn content_line(out: &mut dyn Write, line: &str) -> std::io::Result<()> {
    let mut folded = String::with_capacity(line.len() + 8);
    fold(line, &mut folded);
    out.write_all(folded.as_bytes())
}

/// A name fit for a UID's domain part: letters, digits and dashes.
pub fn uid_domain(name: &str) -> String {
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

/// Appends a line's name (`1.3`, `22`, `24.04`), escaped as TEXT where
/// a policy's prefix or a line known by name gives it more than numbers.
pub fn push_line(text: &mut String, line: &Line) {
    match line.numbers() {
        Some(numbers) if line.prefix().is_none() => push_version(text, &numbers),
        _ => text.push_str(&escape(&line.to_string())),
    }
}

/// Appends a version: its numbers, as written.
pub fn push_version(text: &mut String, version: &Version) {
    // Writing to a String cannot fail.
    let _ = std::fmt::Write::write_fmt(text, format_args!("{version}"));
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

pub fn push_ics_date(text: &mut String, date: NaiveDate) {
    push_date(text, date, "");
}

pub fn push_iso_date(text: &mut String, date: NaiveDate) {
    push_date(text, date, "-");
}
