//! `scan FILE...`: each component's verdict, in text, JSON, CSV, SARIF,
//! GitHub annotations, and the scanned CycloneDX document written back.

mod cyclonedx;
mod sarif;
mod text;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::answers::SupportState;
use lts_policy::lines::Phase;
use lts_policy::stack::{Component, DocumentKind, Outcome, Suppression};

use crate::render::csv::{Cell, header};
use crate::render::json::{self, IsoDate};
use crate::session::{Format, Lookahead, Settings};

/// One component and what is known of it.
pub struct ComponentAnswer {
    pub component: Component,
    pub outcome: Outcome,
    /// Whether it is supported on the day but its support ends within
    /// `--ends-within`'s period.
    pub ends_soon: bool,
    /// The reason of the suppression that keeps its failure from failing
    /// the scan.
    pub suppressed_by: Option<String>,
}

impl ComponentAnswer {
    /// The answer for `component`; `within` is `--ends-within`'s days.
    pub fn new(component: Component, outcome: Outcome, within: Option<u32>) -> Self {
        let ends_soon = match (&outcome, within) {
            (Outcome::Known(verdict), Some(days)) => verdict.status.ends_within(days),
            _ => false,
        };
        Self {
            component,
            outcome,
            ends_soon,
            suppressed_by: None,
        }
    }

    /// Whether it fails the scan: a known product's line that is not
    /// supported, or ends soon, unless a suppression covers it. Unknown
    /// components and versions of no line never fail.
    pub fn fails(&self) -> bool {
        !self.passes() && self.suppressed_by.is_none()
    }

    /// Whether it passes without a suppression.
    pub fn passes(&self) -> bool {
        match &self.outcome {
            Outcome::Known(verdict) => {
                verdict.status.state == SupportState::Supported && !self.ends_soon
            }
            _ => true,
        }
    }

    /// Its verdict in a word: `supported`, `ends-soon`, `ended`,
    /// `unreleased`, `before-first-line`, `suppressed`, `no-line`,
    /// `unknown`.
    pub fn verdict_word(&self) -> &'static str {
        match &self.outcome {
            _ if self.suppressed_by.is_some() => "suppressed",
            Outcome::Unknown => "unknown",
            Outcome::NoLine { .. } => "no-line",
            _ if self.ends_soon => "ends-soon",
            Outcome::Known(verdict) => match verdict.status.state {
                SupportState::Supported => "supported",
                SupportState::Unreleased => "unreleased",
                SupportState::BeforeFirstLine => "before-first-line",
                _ => "ended",
            },
        }
    }
}

/// One file scanned.
pub struct Scanned {
    pub path: PathBuf,
    pub kind: DocumentKind,
    /// The JSON document, for writing it back; `Null` for a version file.
    pub document: serde_json::Value,
    pub components: Vec<ComponentAnswer>,
}

/// What `scan` found.
pub struct ScanReport {
    pub on: NaiveDate,
    pub ends_within: Option<Lookahead>,
    pub files: Vec<Scanned>,
    pub expired: Vec<Suppression>,
    pub ignore_file: Option<PathBuf>,
}

/// The counts a summary gives.
#[derive(Serialize, Default)]
struct Summary {
    components: usize,
    known: usize,
    unknown: usize,
    no_line: usize,
    failing: usize,
    suppressed: usize,
    expired_suppressions: usize,
}

/// One known component, as JSON (`T`: `String`, values as they are) and
/// CSV (`T`: [`Cell`], a formula escaped) show it.
#[derive(Serialize, Default)]
pub struct ComponentRow<T> {
    file: T,
    name: T,
    version: T,
    purl: Option<T>,
    product: &'static str,
    line: Option<T>,
    verdict: &'static str,
    supported: bool,
    phase: Option<&'static str>,
    eol: Option<IsoDate>,
    days_left: Option<i64>,
    upgrade_to: Option<String>,
    projected: bool,
    fails: bool,
    reason: Option<T>,
}

impl ScanReport {
    /// Whether the scan passes: no known component fails, no suppression
    /// has expired.
    pub fn passes(&self) -> bool {
        self.expired.is_empty() && self.answers().all(|(_, answer)| !answer.fails())
    }

    /// Every component with the file it is in.
    fn answers(&self) -> impl Iterator<Item = (&Scanned, &ComponentAnswer)> {
        self.files
            .iter()
            .flat_map(|file| file.components.iter().map(move |answer| (file, answer)))
    }

    /// The components of known products, with the file each is in.
    fn known(&self) -> impl Iterator<Item = (&Scanned, &ComponentAnswer)> {
        self.answers()
            .filter(|(_, answer)| !matches!(answer.outcome, Outcome::Unknown))
    }

    fn summary(&self) -> Summary {
        let mut summary = Summary {
            expired_suppressions: self.expired.len(),
            ..Summary::default()
        };
        for (_, answer) in self.answers() {
            summary.components += 1;
            match answer.outcome {
                Outcome::Unknown => summary.unknown += 1,
                Outcome::NoLine { .. } => summary.no_line += 1,
                _ => summary.known += 1,
            }
            summary.failing += usize::from(answer.fails());
            summary.suppressed += usize::from(answer.suppressed_by.is_some());
        }
        summary
    }

    /// Writes the report in the settings' format.
    ///
    /// # Errors
    /// An error of the output.
    pub fn write(&self, settings: &Settings, out: &mut dyn Write) -> Result<()> {
        match settings.format {
            Format::Json => self.json(settings.pretty_json, out),
            Format::Csv => self.csv(out),
            Format::Sarif => sarif::sarif(self, out),
            Format::Github => sarif::annotations(self, out),
            Format::Cyclonedx => cyclonedx::write(self, settings.pretty_json, out),
            _ => text::write(self, out),
        }
    }

    /// Refuses, before anything is written, what the settings' format
    /// cannot write: a CycloneDX document with a matched component whose
    /// `properties` is not an array.
    ///
    /// # Errors
    /// That component, with its file.
    pub fn check(&self, settings: &Settings) -> Result<()> {
        match settings.format {
            Format::Cyclonedx => cyclonedx::check(self),
            _ => Ok(()),
        }
    }

    /// An expired suppression as a row: the suppressions' file, the
    /// product and line it named, and until when it held.
    fn expired_row<T: From<String> + Default>(&self, expired: &Suppression) -> ComponentRow<T> {
        let file = self
            .ignore_file
            .as_ref()
            .map(|path| path.display().to_string());
        ComponentRow {
            file: T::from(file.unwrap_or_default()),
            product: expired.product,
            line: expired.line.clone().map(T::from),
            verdict: "expired-suppression",
            fails: true,
            reason: Some(T::from(format!(
                "suppressed until {}: {}",
                expired.until, expired.reason
            ))),
            ..ComponentRow::default()
        }
    }

    fn rows<T: From<String> + Default>(&self) -> impl Iterator<Item = ComponentRow<T>> {
        self.known().map(|(file, answer)| row(file, answer))
    }

    fn json(&self, pretty: bool, out: &mut dyn Write) -> Result<()> {
        #[derive(Serialize)]
        struct Document {
            schema_version: u32,
            on: IsoDate,
            ends_within: Option<String>,
            summary: Summary,
            components: Vec<ComponentRow<String>>,
            expired_suppressions: Vec<serde_json::Value>,
        }
        let document = Document {
            schema_version: json::SCHEMA_VERSION,
            on: IsoDate(self.on),
            ends_within: self.ends_within.map(|period| period.to_string()),
            summary: self.summary(),
            components: self.rows().collect(),
            expired_suppressions: self
                .expired
                .iter()
                .map(|expired| {
                    serde_json::json!({"product": expired.product, "line": expired.line,
                        "reason": expired.reason, "until": expired.until.to_string()})
                })
                .collect(),
        };
        json::write(&document, pretty, out)
    }

    fn csv(&self, out: &mut dyn Write) -> Result<()> {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(out);
        writer.write_record(&header::<ComponentRow<Cell>>()?)?;
        for row in self.rows::<Cell>() {
            writer.serialize(row)?;
        }
        // An expired suppression fails the scan: it is a row, as in the
        // text and JSON, or the CSV would hold no reason for exit 1.
        for expired in &self.expired {
            writer.serialize(self.expired_row::<Cell>(expired))?;
        }
        writer.flush()?;
        Ok(())
    }
}

/// A known component's row.
fn row<T: From<String> + Default>(file: &Scanned, answer: &ComponentAnswer) -> ComponentRow<T> {
    let text = |value: &dyn std::fmt::Display| T::from(value.to_string());
    let component = &answer.component;
    let mut row = ComponentRow {
        file: text(&file.path.display()),
        name: text(&component.name),
        version: text(&component.version),
        purl: component.purl.as_ref().map(|value| text(value)),
        verdict: answer.verdict_word(),
        fails: answer.fails(),
        reason: answer.suppressed_by.as_ref().map(|value| text(value)),
        ..ComponentRow::default()
    };
    match &answer.outcome {
        Outcome::NoLine { product, reason } => {
            row.product = product.name;
            row.reason = Some(text(&reason));
        }
        Outcome::Known(verdict) => {
            let status = &verdict.status;
            row.product = verdict.product.name;
            row.line = Some(text(&&status.line));
            row.supported = status.state == SupportState::Supported;
            row.phase = status.phase.map(Phase::name);
            row.eol = status.info.as_ref().and_then(|info| info.eol).map(IsoDate);
            row.days_left = status.days_left;
            row.upgrade_to = status
                .upgrade_to
                .as_ref()
                .map(|patch| patch.version.to_string());
            row.projected = verdict.projected;
        }
        Outcome::Unknown => {}
    }
    row
}
