//! What every subcommand's arguments are: something that runs.

use anyhow::Result;

pub use crate::render::roff::ManText;
use crate::session::{Answer, Context, Format, Output, QUERY_FORMATS};

/// A subcommand's arguments, and how it runs.
pub trait Run {
    /// The formats it writes; the first is its default.
    const FORMATS: &'static [Format] = QUERY_FORMATS;

    /// Whether it answers from the policy; completions and the man page
    /// describe the program instead.
    const READS_POLICY: bool = true;

    /// What its man page says beyond its options.
    const MAN: ManText;

    /// The columns it was asked to draw in, for a picture.
    fn width(&self) -> Option<u16> {
        None
    }

    /// Decides the answer, then writes it through `out`.
    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer>;
}
