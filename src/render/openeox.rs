//! OpenEoX Core 1.0 (OASIS): a line's ends as the standard writes them.
//! Its `end_of_security_support` and `end_of_life` are "the last day" of
//! support, the day before lts-policy's first day without it, written as an
//! RFC 3339 date-time at midnight UTC; `"tba"` where no end is known or
//! projected. `end_of_sales` is a device's last day on sale (endoflife.date's
//! `discontinued`). Core has no field for the product or the line and allows no
//! others: `releases` wraps each document with them.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};

use lts_policy::calendar::Calendar;
use lts_policy::lines::RecordedEnd;
use lts_policy::{LineInfo, Policy};

use super::json;

/// The schema every Core document names.
const CORE_SCHEMA: &str = "https://docs.oasis-open.org/openeox/v1.0/schema/core.json";

/// A day as an OpenEoX timestamp: midnight UTC.
fn timestamp(day: NaiveDate) -> String {
    format!("{day}T00:00:00Z")
}

/// A last day, or `"tba"`.
fn last_day_or_tba(first_day_without: Option<NaiveDate>) -> String {
    first_day_without
        .and_then(|day| day.pred_opt())
        .map_or_else(|| "tba".to_owned(), timestamp)
}

/// The Core document of `info`, a line of `policy` (`None`: a line older
/// than the policy's first, whose ends the policy does not know).
pub fn core(policy: &Policy, info: Option<&LineInfo>) -> Value {
    let mut document = json!({"$schema": CORE_SCHEMA});
    let security = last_day_or_tba(info.and_then(|info| info.eol));
    // Any support: to the end of extended support where the record has one.
    let any = match info.and_then(|info| info.extended) {
        Some(RecordedEnd::On(end)) => last_day_or_tba(Some(end)),
        Some(RecordedEnd::NotYet) => "tba".to_owned(),
        _ => security.clone(),
    };
    document["end_of_life"] = json!(any);
    document["end_of_security_support"] = json!(security);
    // Hardware's last day on sale, where the record speaks of it; still
    // sold, it is to be announced. Sold no more since a day not recorded
    // has no form in Core: left out.
    let sales = match info.and_then(|info| info.discontinued) {
        Some(RecordedEnd::On(end)) => Some(last_day_or_tba(Some(end))),
        Some(RecordedEnd::NotYet) => Some("tba".to_owned()),
        _ => None,
    };
    if let Some(sales) = sales {
        document["end_of_sales"] = json!(sales);
    }
    if let Some(info) = info {
        document["general_availability"] = json!(timestamp(info.released));
    }
    document["last_updated"] = json!(timestamp(policy.history_as_of()));
    document
}

/// Writes one document, or an array of them for several.
///
/// # Errors
/// An error of the output.
pub fn write_documents(documents: Vec<Value>, out: &mut dyn Write) -> Result<()> {
    let value = match <[Value; 1]>::try_from(documents) {
        Ok([one]) => one,
        Err(more) => Value::Array(more),
    };
    json::write_serialized(&value, out)?;
    writeln!(out)?;
    Ok(())
}

/// One line of `releases`: its product and line, whether the rules
/// project it, and its Core document.
#[derive(Serialize)]
struct Wrapped<'a> {
    product: &'a str,
    line: String,
    projected: bool,
    eox: Value,
}

/// Writes the calendar's lines as an array of wrapped Core documents, each
/// as it comes: a weekly policy's calendar to 9999 is 410,845 of them,
/// which gathered first took 569 MB; written as they come, 4.4 MB.
///
/// # Errors
/// An error of the model met while the calendar is read, or of the output.
pub fn write_calendar(policy: &Policy, calendar: &Calendar, out: &mut dyn Write) -> Result<()> {
    out.write_all(b"[")?;
    for (at, info) in calendar.lines().enumerate() {
        let info = info?;
        let line = Wrapped {
            product: policy.name(),
            line: info.line.to_string(),
            projected: info.is_projected(),
            eox: core(policy, Some(&info)),
        };
        out.write_all(if at == 0 { b"\n" } else { b",\n" })?;
        json::write_serialized(&line, out)?;
    }
    out.write_all(b"\n]\n")?;
    Ok(())
}
