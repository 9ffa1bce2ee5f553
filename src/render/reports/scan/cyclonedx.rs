//! The scanned CycloneDX document written back with each matched
//! component's lifecycle as properties of the CycloneDX taxonomy
//! (`cdx:lifecycle:milestone:*`), as CycloneDX 1.5 where it was older:
//! component properties exist from 1.3.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{Value, json};

use lts_policy::lines::RecordedEnd;
use lts_policy::stack::Outcome;

use super::ScanReport;

/// The versions properties are written in as they are; older ones become 1.5.
const KEPT_VERSIONS: &[&str] = &["1.5", "1.6"];

/// Writes the first file's document with the properties.
///
/// # Errors
/// An error of the output.
pub fn write(report: &ScanReport, pretty: bool, out: &mut dyn Write) -> Result<()> {
    let Some(file) = report.files.first() else {
        return Ok(());
    };
    let mut document = file.document.clone();
    let version = document["specVersion"].as_str().unwrap_or_default();
    if !KEPT_VERSIONS.contains(&version) {
        document["specVersion"] = json!("1.5");
        if document.get("$schema").is_some() {
            document["$schema"] = json!("http://cyclonedx.org/schema/bom-1.5.schema.json");
        }
    }
    for answer in &file.components {
        let (Outcome::Known(verdict), Some(pointer)) = (&answer.outcome, &answer.component.pointer)
        else {
            continue;
        };
        let Some(info) = &verdict.status.info else {
            continue;
        };
        let Some(component) = document.pointer_mut(pointer) else {
            continue;
        };
        let last_day = |day: Option<NaiveDate>| day.and_then(|day| day.pred_opt());
        // Ends are written as their last day, as OpenEoX and endoflife.date
        // write them: the day before lts-policy's first day without support.
        let end_of_support = last_day(info.eol);
        let milestones = [
            ("generalAvailability", Some(info.released)),
            ("endOfDevelopment", last_day(info.active_until)),
            ("endOfSupport", end_of_support),
            (
                "endOfLife",
                match info.extended {
                    Some(RecordedEnd::On(end)) => last_day(Some(end)),
                    _ => end_of_support,
                },
            ),
        ];
        let properties = component
            .as_object_mut()
            .map(|object| object.entry("properties").or_insert_with(|| json!([])));
        let Some(Value::Array(properties)) = properties else {
            continue;
        };
        for (milestone, day) in milestones {
            if let Some(day) = day {
                properties.push(json!({
                    "name": format!("cdx:lifecycle:milestone:{milestone}"),
                    "value": day.to_string()
                }));
            }
        }
    }
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &document)?;
    } else {
        serde_json::to_writer(&mut *out, &document)?;
    }
    writeln!(out)?;
    Ok(())
}
