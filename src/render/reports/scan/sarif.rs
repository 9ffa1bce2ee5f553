//! The failing components for CI: SARIF 2.1.0 for code scanning (one result
//! per failing component, located in the scanned file, the component's
//! `bom-ref` or purl its logical location) and GitHub Actions annotations.

use std::io::Write;

use anyhow::Result;
use serde_json::{Value, json};

use lts_policy::stack::Outcome;

use super::{ComponentAnswer, ScanReport, Scanned};
use crate::render::words::days_text;
use crate::session::{for_terminal, json_for_terminal};

/// A failure: the rule it breaks, the file and line it is at, what it is
/// called in the file, and what to say.
struct Failure {
    rule: &'static str,
    file: String,
    line: usize,
    logical: Option<String>,
    message: String,
}

/// The failures of the report: each failing component, then each expired
/// suppression (located in the `--ignore` file).
fn failures(report: &ScanReport) -> Vec<Failure> {
    let mut found: Vec<Failure> = report
        .known()
        .filter(|(_, answer)| answer.fails())
        .map(|(file, answer)| failure(file, answer))
        .collect();
    for expired in &report.expired {
        found.push(Failure {
            rule: "expired-suppression",
            file: report
                .ignore_file
                .as_ref()
                .map(|path| path.display().to_string())
                .unwrap_or_default(),
            line: 1,
            logical: None,
            message: format!(
                "the suppression of {}{} lapsed after {} ({}): it suppresses nothing",
                expired.product,
                expired
                    .line
                    .as_ref()
                    .map(|line| format!(" {line}"))
                    .unwrap_or_default(),
                expired.until,
                expired.reason
            ),
        });
    }
    found
}

/// A failing component's failure.
fn failure(file: &Scanned, answer: &ComponentAnswer) -> Failure {
    let component = &answer.component;
    let mut message = format!("{} {}", component.name, component.version);
    if let Outcome::Known(verdict) = &answer.outcome {
        let status = &verdict.status;
        message.push_str(&format!(
            " ({} {}) is {} on {}",
            verdict.product.name,
            status.line,
            answer.verdict_word().replace('-', " "),
            status.on
        ));
        if let Some(eol) = status.info.as_ref().and_then(|info| info.eol) {
            let projected = if verdict.projected { ", projected" } else { "" };
            message.push_str(&format!(
                ": support ends on {eol}{projected} ({})",
                days_text(status.days_left)
            ));
        }
        if let Some(patch) = &status.upgrade_to {
            message.push_str(&format!("; upgrade to {}", patch.version));
        }
    }
    Failure {
        rule: if answer.ends_soon {
            "ends-soon"
        } else {
            "unsupported"
        },
        file: file.path.display().to_string(),
        line: component.line_number.unwrap_or(1),
        logical: component
            .reference
            .clone()
            .or_else(|| component.purl.clone()),
        message,
    }
}

/// A path as a relative URI reference (RFC 3986), as SARIF's
/// `artifactLocation.uri` is: each byte outside the unreserved characters
/// and `/` percent-encoded, so that `#` and `?` in a file name are not
/// read as a fragment or a query, nor `%20` as a space.
fn uri_reference(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// Writes the SARIF 2.1.0 log.
///
/// # Errors
/// An error of the output.
pub fn sarif(report: &ScanReport, out: &mut dyn Write) -> Result<()> {
    let results: Vec<Value> = failures(report)
        .into_iter()
        .map(|failure| {
            let mut location = json!({"physicalLocation": {
                "artifactLocation": {"uri": uri_reference(&failure.file)},
                "region": {"startLine": failure.line}
            }});
            if let Some(name) = failure.logical {
                location["logicalLocations"] = json!([{"name": name, "kind": "module"}]);
            }
            json!({
                "ruleId": failure.rule,
                "level": "error",
                "message": {"text": failure.message},
                "locations": [location]
            })
        })
        .collect();
    let rule = |id: &str, text: &str| json!({"id": id, "shortDescription": {"text": text}});
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "lts-policy",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://docs.rs/lts-policy",
                "rules": [
                    rule("unsupported", "A component whose line is not supported"),
                    rule("ends-soon", "A component whose support ends within --ends-within"),
                    rule("expired-suppression", "A suppression past its until"),
                ]
            }},
            "results": results
        }]
    });
    // As the JSON answers: what a terminal acts on is a `\uXXXX` escape.
    writeln!(
        out,
        "{}",
        json_for_terminal(&serde_json::to_string_pretty(&log)?)
    )?;
    Ok(())
}

/// Writes one `::error` workflow command per failure. A property's value
/// escapes `%`, CR, LF, `:` and `,`; the message `%`, CR and LF, as the
/// runner reads them; both write what a terminal acts on (controls, bidi
/// overrides) as escapes (`\u{1b}`) first.
///
/// # Errors
/// An error of the output.
pub fn annotations(report: &ScanReport, out: &mut dyn Write) -> Result<()> {
    let message = |text: &str| {
        for_terminal(text)
            .replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let property = |text: &str| message(text).replace(':', "%3A").replace(',', "%2C");
    for failure in failures(report) {
        writeln!(
            out,
            "::error file={},line={},title={}::{}",
            property(&failure.file),
            failure.line,
            property(&format!("lts-policy {}", failure.rule)),
            message(&failure.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::uri_reference;

    #[test]
    fn a_path_is_a_uri_reference() {
        assert_eq!(
            uri_reference("tests/data/bom.cdx.json"),
            "tests/data/bom.cdx.json"
        );
        // `#` 0x23, `?` 0x3F, `%` 0x25, space 0x20, `é` 0xC3 0xA9, LF 0x0A.
        assert_eq!(
            uri_reference("sp ace#frag?q%20é\n.json"),
            "sp%20ace%23frag%3Fq%2520%C3%A9%0A.json"
        );
    }
}
