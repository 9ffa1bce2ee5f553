//! `products`: the policies the program carries, by name.

use anyhow::{Result, bail};

use lts_policy::catalogue::{self, Entry};

use super::{ManText, PolicyUse, Run};
use crate::render::Report as _;
use crate::render::reports::Products;
use crate::session::{Answer, Context, Format, Output, for_terminal, message};

help!(
    "List the policies the program carries: Kestra's and every product of endoflife.date's records",
    "List the policies `--policy NAME` answers from: Kestra's and one for every product of \
     endoflife.date's records, with its title, category, identifiers (purl, CPE), how its lines \
     are numbered, where each rule comes from (stated in endoflife.date's file, encoded from the \
     vendor's page, fitted to the history) and how its forecasts fared in the back-test. With \
     --identifier, the product a package URL or CPE name identifies."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// The product a package URL or CPE name identifies (its version
    /// aside); exits 1 when none does, e.g. `--identifier pkg:pypi/django`
    #[arg(long, value_name = "PURL|CPE")]
    identifier: Option<String>,
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Ndjson,
        Format::Csv,
        Format::Plain,
    ];
    const POLICY: PolicyUse = PolicyUse::Catalogue;

    const MAN: ManText = ManText {
        exit: (
            "listed",
            Some("--identifier names no product the program carries"),
        ),
        examples: &[
            (
                "lts-policy products",
                "Every policy the program carries, one per line.",
            ),
            (
                "lts-policy products --identifier pkg:pypi/django@4.2.1",
                "The product a package URL names: django.",
            ),
            (
                "lts-policy --policy $(lts-policy products --identifier pkg:npm/express --format plain) supported",
                "What is supported of the product a package URL names.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        if let Some(identifier) = self.identifier.as_deref().filter(|id| !is_identifier(id)) {
            bail!(
                "--identifier \"{}\": neither a package URL (pkg:TYPE/NAME) nor a CPE name \
                 (cpe:2.3:PART:VENDOR:PRODUCT or cpe:/PART:VENDOR:PRODUCT)",
                for_terminal(identifier)
            );
        }
        let entries: Vec<&'static Entry> = match &self.identifier {
            Some(identifier) => catalogue::by_identifier(identifier).into_iter().collect(),
            None => catalogue::entries().iter().collect(),
        };
        let found = !entries.is_empty();
        if let (false, Some(identifier), Format::Text) =
            (found, &self.identifier, context.settings.format)
        {
            message(&format!(
                "note: no product the program carries has the identifier {}",
                for_terminal(identifier)
            ));
            return Ok(Answer::from_bool(false));
        }
        let report = Products { entries };
        out.answer(Answer::from_bool(found), |out| {
            report.write(&context.settings, out)
        })
    }
}

/// Whether `text` has the shape of a package URL (`pkg:TYPE/NAME`) or of a
/// CPE name (`cpe:2.3:PART:VENDOR:PRODUCT`, `cpe:/PART:VENDOR:PRODUCT`).
fn is_identifier(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("pkg:") {
        return rest
            .split_once('/')
            .is_some_and(|(kind, name)| !kind.is_empty() && !name.is_empty());
    }
    let fields = lower
        .strip_prefix("cpe:2.3:")
        .or_else(|| lower.strip_prefix("cpe:/"));
    fields.is_some_and(|fields| fields.split(':').filter(|field| !field.is_empty()).count() >= 3)
}
