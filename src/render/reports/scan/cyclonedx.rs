//! The scanned CycloneDX document written back with each matched
//! component's lifecycle as properties of the CycloneDX taxonomy
//! (`cdx:lifecycle:milestone:*`), as CycloneDX 1.5 where it was older:
//! component properties exist from 1.3.

use std::io::Write;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use serde_json::{Value, json};

use lts_policy::lines::RecordedEnd;
use lts_policy::stack::Outcome;

use super::ScanReport;

/// The prefix of the lifecycle properties written.
const MILESTONE: &str = "cdx:lifecycle:milestone:";

/// The versions properties are written in as they are; older ones become 1.5.
const KEPT_VERSIONS: &[&str] = &["1.5", "1.6"];

/// Writes the first file's document with the properties.
///
/// # Errors
/// A matched component whose `properties` is not an array, or an error of
/// the output.
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
        set_milestones(component, pointer, &milestones)
            .with_context(|| file.path.display().to_string())?;
    }
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &document)?;
    } else {
        serde_json::to_writer(&mut *out, &document)?;
    }
    writeln!(out)?;
    Ok(())
}

/// Refuses, before anything is written, a document with a matched
/// component whose `properties` is not an array (nor absent, nor null).
///
/// # Errors
/// The first such component, with its file.
pub fn check(report: &ScanReport) -> Result<()> {
    let Some(file) = report.files.first() else {
        return Ok(());
    };
    for answer in &file.components {
        let (Outcome::Known(_), Some(pointer)) = (&answer.outcome, &answer.component.pointer)
        else {
            continue;
        };
        let properties = file.document.pointer(&format!("{pointer}/properties"));
        if !matches!(properties, None | Some(Value::Null | Value::Array(_))) {
            bail!("{}: {}", file.path.display(), not_an_array(pointer));
        }
    }
    Ok(())
}

/// The error of a component at `pointer` whose `properties` is no array.
fn not_an_array(pointer: &str) -> String {
    format!("{pointer}/properties is not an array, as CycloneDX's properties are")
}

/// Sets the `cdx:lifecycle:milestone:*` properties of `component` (at
/// `pointer`) to `milestones`, replacing those it has, so that writing a
/// document back twice gives the same document; its other properties kept.
///
/// # Errors
/// A component whose `properties` is not an array.
fn set_milestones(
    component: &mut Value,
    pointer: &str,
    milestones: &[(&str, Option<NaiveDate>)],
) -> Result<()> {
    let Some(object) = component.as_object_mut() else {
        return Ok(());
    };
    let properties = object.entry("properties").or_insert_with(|| json!([]));
    if properties.is_null() {
        *properties = json!([]);
    }
    let Value::Array(properties) = properties else {
        bail!(not_an_array(pointer));
    };
    properties.retain(|property| {
        !property["name"]
            .as_str()
            .is_some_and(|name| name.starts_with(MILESTONE))
    });
    for (milestone, day) in milestones {
        if let Some(day) = day {
            properties.push(json!({
                "name": format!("{MILESTONE}{milestone}"),
                "value": day.to_string()
            }));
        }
    }
    Ok(())
}
