//! `releases --format ics`: the calendar as an RFC 5545 iCalendar file, one
//! all-day event per release, end of active support (for a policy of two
//! phases), end of support and patch day, written as the calendar is read.
//!
//! The writer is ours: iCalendar crates hold the whole calendar before
//! writing it, where a range of centuries must stream, and the format's
//! rules are few (CRLF, folding at 75 octets, escaping TEXT). A test parses
//! every calendar the tool can write.
//!
//! Its size is bounded ([`bound::MAX_BYTES`]) and counted before it is written: a
//! patch day names a patch of every line supported then, so a policy that
//! supports thousands of lines at once would otherwise write gigabytes.

use std::io::Write;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use lts_policy::answers::PatchDay;
use lts_policy::calendar::Calendar;
use lts_policy::dates::LAST_DAY;
use lts_policy::{Line, LineInfo, Policy, Source};

use super::bound;
use super::words::ended_by_text;
use content::{
    content_line, escape, fold, push_ics_date, push_iso_date, push_line, push_version, uid_domain,
};

mod content;

/// Refuses a calendar that would be larger than [`bound::MAX_BYTES`],
/// before a byte of it is written.
///
/// # Errors
/// A calendar over the bound, or an error of the model met while the
/// calendar is read.
pub fn check_size(
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    reminders: &[u32],
) -> Result<()> {
    if bound::exceeds(|out| write(policy, calendar, on, reminders, out))? {
        bail!(
            "the iCalendar export from {} to {} would be larger than {} MiB, the most it writes: \
             ask for a shorter range with --from and --to",
            calendar.from(),
            calendar.to(),
            bound::MAX_BYTES / 1024 / 1024
        );
    }
    Ok(())
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
enum About<'l> {
    Release(&'l Line),
    EndOfActiveSupport(&'l Line),
    EndOfSupport(&'l Line),
    PatchDay(NaiveDate),
}

impl About<'_> {
    /// Appends the event's UID property: what it is about, then `@domain`.
    fn push_uid(self, line: &mut String, domain: &str) {
        line.push_str("UID:");
        match self {
            Self::Release(of) => {
                line.push_str("release-");
                push_line(line, of);
            }
            Self::EndOfActiveSupport(of) => {
                line.push_str("eoas-");
                push_line(line, of);
            }
            Self::EndOfSupport(of) => {
                line.push_str("eol-");
                push_line(line, of);
            }
            Self::PatchDay(day) => {
                line.push_str("patch-");
                push_iso_date(line, day);
            }
        }
        line.push('@');
        line.push_str(domain);
    }
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
    /// How many days before an end of support its alarms go off.
    reminders: &'o [u32],
}

impl Writer<'_> {
    fn release(&mut self, branch: &str, info: &LineInfo) -> std::io::Result<()> {
        let line = &info.line;
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

    /// The day a line's support ends, where the history or the rules give
    /// one.
    fn end_of_support(&mut self, info: &LineInfo) -> std::io::Result<()> {
        let Some(eol) = info.eol else {
            return Ok(());
        };
        let line = &info.line;
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
        self.event(about, eol, "end-of-support", &summary, &description)
    }

    /// The day a line of a policy of two phases gets security fixes only.
    fn end_of_active_support(&mut self, info: &LineInfo) -> std::io::Result<()> {
        let (Some(active_until), Some(eol)) = (info.active_until, info.eol) else {
            return Ok(());
        };
        let line = &info.line;
        let summary = |text: &mut String, name: &str| {
            text.push_str(name);
            text.push(' ');
            push_line(text, line);
            text.push_str(" security fixes only");
            text.push_str(projected(info.active_source));
        };
        let description = |text: &mut String, name: &str| {
            text.push_str("From this day ");
            text.push_str(name);
            text.push(' ');
            push_line(text, line);
            text.push_str(" gets security fixes only\\, until its end of support on ");
            push_iso_date(text, eol);
            text.push_str(". Date from the ");
            text.push_str(source_words(info.active_source));
            text.push('.');
        };
        let about = About::EndOfActiveSupport(line);
        let category = "end-of-active-support";
        self.event(about, active_until, category, &summary, &description)
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

    /// Writes an event.
    fn event(
        &mut self,
        about: About,
        date: NaiveDate,
        category: &str,
        summary: Part,
        description: Part,
    ) -> std::io::Result<()> {
        self.put(|line, _| line.push_str("BEGIN:VEVENT"))?;
        self.put(|line, domain| about.push_uid(line, domain))?;
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
        if matches!(about, About::EndOfSupport(_)) {
            let reminders = self.reminders;
            for days in reminders {
                self.alarm(*days, summary)?;
            }
        }
        self.put(|line, _| line.push_str("END:VEVENT"))?;
        let written = self.out.write_all(self.event.as_bytes());
        self.event.clear();
        written
    }

    /// An alarm `days` before the event's day (RFC 5545 §3.6.6: a display
    /// alarm needs a DESCRIPTION), saying what comes in so many days.
    fn alarm(&mut self, days: u32, summary: Part) -> std::io::Result<()> {
        self.put(|line, _| line.push_str("BEGIN:VALARM"))?;
        self.put(|line, _| line.push_str("ACTION:DISPLAY"))?;
        self.put(|line, _| {
            line.push_str("TRIGGER:-P");
            line.push_str(&days.to_string());
            line.push('D');
        })?;
        let name = std::mem::take(&mut self.name);
        let described = self.put(|line, _| {
            line.push_str("DESCRIPTION:");
            summary(line, &name);
            line.push_str(" in ");
            line.push_str(&days.to_string());
            line.push_str(if days == 1 { " day" } else { " days" });
        });
        self.name = name;
        described?;
        self.put(|line, _| line.push_str("END:VALARM"))
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

/// Writes the calendar: each line's release and end of support, then the
/// patch days. DTSTAMP is `on` at midnight UTC, so that the same query
/// gives the same file. Each end of support has an alarm (VALARM) each
/// of `reminders` days before it.
///
/// # Errors
/// An error of the model met while the calendar is read, or of the output.
pub fn write(
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    reminders: &[u32],
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
        reminders,
    };
    let phases = policy.has_phases();
    for info in calendar.lines() {
        let info = info?;
        let branch = escape(&policy.branch_template().render(&info.line));
        writer.release(&branch, &info)?;
        if phases && info.active_until < info.eol {
            writer.end_of_active_support(&info)?;
        }
        writer.end_of_support(&info)?;
    }
    for day in calendar.patch_days() {
        writer.patch_day(&day?)?;
    }
    content_line(writer.out, "END:VCALENDAR")?;
    Ok(())
}
