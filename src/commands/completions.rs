//! `completions SHELL`: a shell completion script, as render's scripts
//! write it.

use anyhow::Result;
use clap_complete::Shell;

use super::{ManText, PolicyUse, Run};
use crate::render::script;
use crate::session::{Answer, Context, Format, Output};

help!(
    "Print a shell completion script, e.g. `lts-policy completions bash > /etc/bash_completion.d/lts-policy`"
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// The shell to complete for, e.g. bash
    shell: Shell,
}

impl Run for Args {
    const FORMATS: &'static [Format] = &[Format::Script];
    const POLICY: PolicyUse = PolicyUse::Describes;

    const MAN: ManText = ManText {
        exit: ("printed", None),
        examples: &[
            (
                "lts-policy completions bash > /etc/bash_completion.d/lts-policy",
                "Installs bash completion for every user.",
            ),
            (
                "source <(lts-policy completions bash)",
                "Completes in the current bash session.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let script = script::completion(self.shell, &mut (context.program)())?;
        out.answer(Answer::yes(), |out| Ok(out.write_all(script.as_bytes())?))
    }
}
