//! `scan FILE...`: every component of the SBOMs and version files named,
//! matched to the products the program carries, and whether each is
//! supported on the day asked about.

mod ignore;

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};

use lts_policy::stack::{DocumentKind, MAX_DOCUMENT_BYTES, Matcher, read_file};

use super::{ManText, OnDate, PERIOD_VALUE, PolicyUse, Run};
use crate::render::reports::{ComponentAnswer, ScanReport, Scanned};
use crate::session::{Answer, Context, Format, Lookahead, Output, read_text_up_to};

help!(
    "Whether each component of SBOMs and version files is supported, until when",
    "Reads CycloneDX 1.2-1.6 and SPDX 2.2/2.3 JSON documents and version files (.nvmrc, \
     .node-version, .python-version, .tool-versions, Dockerfile, os-release, go.mod, \
     rust-toolchain.toml), matches each component by package URL or CPE name to a product the \
     program carries (`products` lists them), and answers for each: its line, whether it is \
     supported on the date, its phase, its end of support, the days left, what to upgrade to, and \
     whether that rests on a projection. Components of no product are counted as unknown, never \
     as failures. Exits 0 when every known component is supported (and, with --ends-within, stays \
     so past that period), 1 when one is not or a suppression has expired, 2 for bad input."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// SBOMs (CycloneDX or SPDX JSON) and version files, one or more
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,

    /// Fail a component whose support ends within PERIOD of the date:
    /// days (90 or 90d), weeks (8w), months (3m) or years (1y), e.g.
    /// `--ends-within 90d`
    #[arg(long, value_name = "PERIOD", value_parser = PERIOD_VALUE)]
    ends_within: Option<Lookahead>,

    /// Suppressions: a JSON list of {"purl" or "product", "line", "reason",
    /// "until"}; one past its `until` suppresses nothing and fails the scan,
    /// e.g. `--ignore eol-ignore.json`
    #[arg(long, value_name = "FILE")]
    ignore: Option<PathBuf>,

    #[command(flatten)]
    pub(super) on: OnDate,
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Csv,
        Format::Sarif,
        Format::Github,
        Format::Cyclonedx,
    ];
    const POLICY: PolicyUse = PolicyUse::Catalogue;

    const MAN: ManText = ManText {
        exit: (
            "every known component is supported on the date (with --ends-within PERIOD, past \
             that PERIOD), and no suppression has expired",
            Some("one is not, or a suppression of --ignore has expired"),
        ),
        examples: &[
            (
                "lts-policy scan bom.cdx.json",
                "A table of the components of known products: line, support, end, what to \
                 upgrade to; the others counted as unknown.",
            ),
            (
                "lts-policy scan .nvmrc Dockerfile go.mod --ends-within 90",
                "Fails when a runtime the files name ends within 90 days.",
            ),
            (
                "lts-policy scan bom.json --format sarif > scan.sarif",
                "One SARIF result per failing component, for code scanning.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let on = context.on;
        let within = match self.ends_within {
            Some(period) => Some(period.days_from(on)?),
            None => None,
        };
        let suppressions = match &self.ignore {
            Some(path) => ignore::read(path)?,
            None => ignore::Suppressions::default(),
        };
        if context.settings.format == Format::Cyclonedx && self.files.len() != 1 {
            bail!("--format cyclonedx writes back one CycloneDX document: give one FILE");
        }
        let mut matcher = Matcher::new();
        let mut files = Vec::with_capacity(self.files.len());
        for path in &self.files {
            let text = read_text_up_to(
                path,
                MAX_DOCUMENT_BYTES,
                "document",
                "SBOM scan holds in memory",
            )?;
            let name = path.to_string_lossy();
            let found = read_file(&name, &text).with_context(|| format!("{}", path.display()))?;
            let components = found
                .components
                .into_iter()
                .map(|component| {
                    let outcome = matcher.verdict(&component, on)?;
                    let mut answer = ComponentAnswer::new(component, outcome, within);
                    if !answer.passes() {
                        answer.suppressed_by = suppressions.covering(&answer, on);
                    }
                    Ok(answer)
                })
                .collect::<Result<Vec<_>>>()?;
            // Only `--format cyclonedx` writes the document back: for any
            // other, its tree (about 13 times the file) is dropped here,
            // not kept for every file to the end.
            let document = if context.settings.format == Format::Cyclonedx {
                found.document
            } else {
                serde_json::Value::Null
            };
            files.push(Scanned {
                path: path.clone(),
                kind: found.kind,
                document,
                components,
            });
        }
        if context.settings.format == Format::Cyclonedx
            && !matches!(files[0].kind, DocumentKind::CycloneDx(_))
        {
            bail!(
                "--format cyclonedx writes back a CycloneDX document; {} is not one",
                self.files[0].display()
            );
        }
        let report = ScanReport {
            on,
            ends_within: self.ends_within,
            expired: suppressions.lapsed(on),
            ignore_file: self.ignore.clone(),
            files,
        };
        report.check(&context.settings)?;
        let yes = report.passes();
        out.answer(Answer::from_bool(yes), |out| {
            report.write(&context.settings, out)
        })
    }
}
