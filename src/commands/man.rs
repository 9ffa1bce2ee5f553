//! `man [COMMAND]`: the man pages, one for the program and one per command
//! (`lts-policy-supported(1)` ...), from clap_mangen's sections and each
//! command's own [`ManText`], with the sections a man page has: EXIT
//! STATUS, ENVIRONMENT, FILES, EXAMPLES, SEE ALSO.

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use super::{Command, ManText, Run};
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
    const READS_POLICY: bool = false;
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
    // A command's page carries the program's version, in its title and its
    // VERSION section.
    let version = env!("CARGO_PKG_VERSION");
    let man = Man::new(command.clone().version(version)).source(format!("lts-policy {version}"));
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    if name.is_none() {
        man.render_subcommands_section(&mut page)?;
    }
    let mut roff = Roff::new();
    exit_status(&mut roff, text);
    environment(&mut roff);
    files(&mut roff);
    examples(&mut roff, text);
    see_also(&mut roff, name, names);
    roff.to_writer(&mut page)?;
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// A tagged paragraph: `tag` in bold, then `text`.
fn item(roff: &mut Roff, tag: &str, text: &str) {
    roff.control("TP", []);
    roff.text([bold(tag)]);
    roff.text([roman(text)]);
}

fn exit_status(roff: &mut Roff, text: &ManText) {
    roff.control("SH", ["EXIT STATUS"]);
    let (yes, no) = text.exit;
    item(roff, "0", &capitalised(yes));
    if let Some(no) = no {
        item(roff, "1", &capitalised(no));
    }
    item(
        roff,
        "2",
        "An error: bad input or usage, a file or repository that cannot be read, or an answer \
         that cannot be written. One error: line on standard error, nothing on standard output.",
    );
}

fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    item(
        roff,
        "SOURCE_DATE_EPOCH",
        "Seconds since 1970-01-01 UTC: the day it falls on is the default of --on (and of \
         next-patch's start), so that a reproducible build answers the same on any day. An \
         explicit --on still wins.",
    );
    item(
        roff,
        "NO_COLOR",
        "Set and not empty: text is not coloured (https://no-color.org).",
    );
    item(roff, "CLICOLOR", "0: text is not coloured.");
    item(
        roff,
        "CLICOLOR_FORCE",
        "Set and not 0: text is coloured even when standard output is not a terminal.",
    );
}

fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    roff.text([roman(
        "None by default: Kestra's policy is built in. The options name every file read or \
         written:",
    )]);
    item(
        roff,
        "--policy FILE",
        "A policy file (JSON) instead of the built-in one. The source's examples/ folder holds \
         the policies of sixteen vendors; lts-policy policy prints the built-in one as a \
         starting point.",
    );
    item(
        roff,
        "--endoflife FILE",
        "An endoflife.date API answer (https://endoflife.date/api/PRODUCT.json), - for standard \
         input, whose releases are merged into the policy's history.",
    );
    item(
        roff,
        "--git DIR",
        "A git repository whose release tags are merged into the history, read through the git \
         program.",
    );
}

fn examples(roff: &mut Roff, text: &ManText) {
    roff.control("SH", ["EXAMPLES"]);
    for (command_line, what) in text.examples {
        item(roff, command_line, what);
    }
}

fn see_also(roff: &mut Roff, name: Option<&str>, names: &[String]) {
    roff.control("SH", ["SEE ALSO"]);
    let mut pages: Vec<String> = Vec::new();
    if name.is_some() {
        pages.push("lts-policy(1)".to_owned());
    }
    pages.extend(
        names
            .iter()
            .filter(|other| Some(other.as_str()) != name)
            .map(|other| format!("lts-policy-{other}(1)")),
    );
    pages.push("distro-info(1)".to_owned());
    roff.text([roman(pages.join(", "))]);
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        format!("{}{}.", first.to_uppercase(), chars.as_str())
    })
}
