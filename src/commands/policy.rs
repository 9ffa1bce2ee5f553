//! `policy`: the effective policy as a file, or the problems of a file.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use lts_policy::Policy;

use super::{DATE_VALUE, ManText, ProductFile, Run, Sources};
use crate::render::fit;
use crate::render::reports::{PolicyCheck, PolicyFile};
use crate::session::{Answer, Context, Format, Output, message, read_policy_file, replace_file};

help!(
    "Print the effective policy as JSON, a starting point for a custom file",
    "Print the effective policy as JSON (the general form, every rule stated), a starting point \
     for a custom file; with --git or --endoflife, its history merged with those facts, ready to \
     replace the file (--write FILE). With --fit, the rules the policy leaves out (all of them \
     without --policy) fitted to its history, each saying how well it foresees it. With --check \
     FILE, list every problem of FILE with its JSON path, or say in words what its rules mean."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// Check FILE instead: list every problem with its JSON path; exits 1
    /// when there is any, e.g. `policy --check mine.json`
    #[arg(long, value_name = "FILE")]
    check: Option<PathBuf>,

    /// Write the policy to FILE instead of printing it, replacing FILE at
    /// once or not at all, e.g. `--git . policy --write policy.json`
    #[arg(long, value_name = "FILE", conflicts_with = "check")]
    write: Option<PathBuf>,

    /// Fit the rules the policy leaves out to its history (from --policy,
    /// --git or --endoflife), keeping those it states; each rule's fit goes
    /// to standard error and into the comment, e.g. `policy --fit --git .`
    #[arg(long, conflicts_with = "check")]
    fit: bool,

    /// Make the policy of an endoflife.date product file: its history from
    /// the cycles, and the rules the vendor publishes (as --policy FILE, or
    /// the examples', built in), else those its comments state where its
    /// ends bear them out, else fitted, e.g. `policy --from-endoflife
    /// products/nodejs.md --release-data release-data/nodejs.json`
    #[arg(long, value_name = "PRODUCT.md", conflicts_with_all = ["check", "fit"])]
    from_endoflife: Option<PathBuf>,

    /// With --from-endoflife: endoflife.date's release-data file of the
    /// product, whose dated versions become the lines' patches, e.g.
    /// `--release-data release-data/releases/nodejs.json`
    #[arg(long, value_name = "VERSIONS.json", requires = "from_endoflife")]
    release_data: Option<PathBuf>,

    /// With --from-endoflife: the day the product file's record is complete
    /// up to, the day of the endoflife.date checkout it comes from (without
    /// it, the newest day the record gives, as for an API answer of the
    /// first version), e.g. `--as-of 2026-08-22`
    #[arg(long, value_name = "DATE", value_parser = DATE_VALUE, requires = "from_endoflife")]
    as_of: Option<NaiveDate>,

    #[command(flatten)]
    pub(super) sources: Sources,
}

impl Args {
    /// Whether it is `policy --fit`.
    pub fn fits(&self) -> bool {
        self.fit
    }

    /// The product file (with its release-data and the day its record is
    /// complete up to) `policy --from-endoflife` makes a policy of.
    pub fn generates(&self) -> Option<ProductFile<'_>> {
        self.from_endoflife.as_deref().map(|file| ProductFile {
            file,
            release_data: self.release_data.as_deref(),
            as_of: self.as_of,
        })
    }
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[Format::Text, Format::Json];

    const MAN: ManText = ManText {
        exit: (
            "printed, written, or checked without a problem",
            Some("--check found problems in the file: each is listed with its JSON path"),
        ),
        examples: &[
            (
                "lts-policy policy > my-policy.json",
                "The embedded policy in the general form, a starting point for another vendor's.",
            ),
            (
                "lts-policy policy --check my-policy.json",
                "Lists every problem of my-policy.json, or says in words what its rules mean.",
            ),
            (
                "lts-policy --policy my-policy.json policy --git . --write my-policy.json",
                "Merges the repository's release tags into the file's history and replaces the file.",
            ),
            (
                "lts-policy --policy draft.json policy --fit --git . --write policy.json",
                "Completes draft.json, which states the rules the vendor publishes, with the rules \
                 its repository's release tags follow.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        for note in &context.fit_notes {
            message(&fit::note_line(&context.policy, note));
        }
        if let Some(path) = &self.write {
            replace_file(path, PolicyFile::of(&context.policy)?.text.as_bytes())?;
            return Ok(Answer::yes());
        }
        let Some(path) = &self.check else {
            let report = PolicyFile::of(&context.policy)?;
            return out.answer(Answer::yes(), |out| report.write(&context.settings, out));
        };
        let text = read_policy_file(path)?;
        // Checked twice: once to decide the answer, once to write the
        // problems as they are found, never holding them all.
        let mut problems = 0_usize;
        let valid = Policy::check_json_with(&text, &mut |_| problems += 1);
        let report = PolicyCheck {
            file: path.display().to_string(),
            text: &text,
            valid: valid.filter(|_| problems == 0),
        };
        out.answer(Answer::from_bool(problems == 0), |out| {
            report.write(&context.settings, out)
        })
    }
}
