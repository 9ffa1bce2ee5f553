//! `man [COMMAND]`: the man pages, one for the program and one per command
//! (`lts-policy-supported(1)` ...), each with its command's own
//! [`ManText`], written by render's roff pages.

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use clap_mangen::Man;

use super::{Command, ManText, PolicyUse, Run};
use crate::render::roff;
use crate::session::{Answer, Context, Format, Output, replace_file};

help!(
    "Print a man page (roff), the program's or a command's, e.g. `lts-policy man supported | man -l -`",
    "With --dir DIR, write every page into DIR (lts-policy.1, lts-policy-supported.1, ...) and \
     print their paths."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// The command whose page to print, e.g. supported [default: the program's page]
    #[arg(value_name = "COMMAND")]
    command: Option<String>,

    /// Write every page into DIR, replacing those there, and print their
    /// paths, e.g. `--dir /usr/local/share/man/man1`
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    dir: Option<PathBuf>,
}

/// What the program's own page says beyond its options.
const PROGRAM_TEXT: ManText = ManText {
    exit: (
        "answered: a line is supported, a tag points to a version, an audit finds nothing",
        Some(
            "the answer is no: a version that is not supported, a tag that points to no \
             version yet, an audit with findings, a policy file with problems",
        ),
    ),
    examples: &[
        (
            "lts-policy supported",
            "The lines of Kestra's policy supported today.",
        ),
        (
            "lts-policy --policy examples/nodejs.json status 20 --on 2026-05-01",
            "Whether Node.js 20 is supported on 1 May 2026, under the policy of examples/nodejs.json.",
        ),
        (
            "lts-policy backport-targets --branch",
            "The branches a bug fix goes to today.",
        ),
    ],
};

impl Run for Args {
    const FORMATS: &'static [Format] = &[Format::Roff];
    const POLICY: PolicyUse = PolicyUse::Describes;
    const MAN: ManText = ManText {
        exit: ("printed or written", None),
        examples: &[
            (
                "lts-policy man supported | man -l -",
                "Reads the page of supported.",
            ),
            (
                "lts-policy man --dir /usr/local/share/man/man1",
                "Writes every page where man finds them, and prints their paths.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let mut program = (context.program)().disable_help_subcommand(true);
        // Built, each command knows its name on a page (lts-policy-supported)
        // and in a synopsis (lts-policy supported).
        program.build();
        let names: Vec<String> = program
            .get_subcommands()
            .map(|command| command.get_name().to_owned())
            .collect();
        let Some(dir) = &self.dir else {
            let page = match &self.command {
                None => page(&program, None, &names)?,
                Some(name) => {
                    let Some(command) = program.find_subcommand(name) else {
                        bail!(
                            "man: there is no command {name:?}; the commands are {}",
                            names.join(", ")
                        );
                    };
                    page(command, Some(name), &names)?
                }
            };
            return out.answer(Answer::yes(), |out| Ok(out.write_all(&page)?));
        };
        let mut written = Vec::new();
        let pages = std::iter::once((&program, None)).chain(
            program
                .get_subcommands()
                .map(|command| (command, Some(command.get_name()))),
        );
        for (command, name) in pages {
            let path = dir.join(Man::new(command.clone()).get_filename());
            replace_file(&path, &page(command, name, &names)?)
                .with_context(|| format!("man --dir {}", dir.display()))?;
            written.push(path);
        }
        out.answer(Answer::yes(), |out| {
            for path in &written {
                writeln!(out, "{}", path.display())?;
            }
            Ok(())
        })
    }
}

/// The page of `command`: the program's when `name` is `None`, else that of
/// the command `name`; `names` are every command's, for SEE ALSO.
fn page(command: &clap::Command, name: Option<&str>, names: &[String]) -> Result<Vec<u8>> {
    let text = match name {
        None => &PROGRAM_TEXT,
        Some(name) => Command::man_text(name)
            .with_context(|| format!("man: no page text for the command {name}"))?,
    };
    roff::page(command, text, name, names)
}
