//! What every subcommand's arguments are: something that runs.

use anyhow::Result;

pub use crate::render::roff::ManText;
use crate::session::{Answer, Context, Format, Output, QUERY_FORMATS};

/// What a command makes of `--policy` and the facts' sources (`--git`,
/// `--endoflife`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyUse {
    /// It answers from the policy, with the facts given.
    Answers,
    /// It describes the program (completions, the man page), whatever the
    /// policy.
    Describes,
    /// It answers from the catalogue, each product by its own policy:
    /// `--policy` and the facts' sources do not apply, and are refused.
    Catalogue,
}

/// A subcommand's arguments, and how it runs.
pub trait Run {
    /// The formats it writes; the first is its default.
    const FORMATS: &'static [Format] = QUERY_FORMATS;

    /// What it makes of `--policy` and the facts' sources.
    const POLICY: PolicyUse = PolicyUse::Answers;

    /// What its man page says beyond its options.
    const MAN: ManText;

    /// The columns it was asked to draw in, for a picture.
    fn width(&self) -> Option<u16> {
        None
    }

    /// Decides the answer, then writes it through `out`.
    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer>;
}
