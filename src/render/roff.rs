//! Man pages (roff), one for the program and one per command
//! (`lts-policy-supported(1)` ...), from clap_mangen's sections and what
//! each command's [`ManText`] says, with the sections a man page has: EXIT
//! STATUS, ENVIRONMENT, FILES, EXAMPLES, SEE ALSO.

use anyhow::Result;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

/// What a command's man page says beyond its options: what its exit codes
/// mean and how it is used.
pub struct ManText {
    /// What exit code 0 means for it, and 1 (`None` when it never exits 1;
    /// 2 is always an error).
    pub exit: (&'static str, Option<&'static str>),
    /// Command lines, each with what it answers.
    pub examples: &'static [(&'static str, &'static str)],
}

/// The page of `command`, which `text` says more of: the program's when
/// `name` is `None`, else that of the command `name`; `names` are every
/// command's, for SEE ALSO.
///
/// # Errors
/// An error of clap_mangen's writing.
pub fn page(
    command: &clap::Command,
    text: &ManText,
    name: Option<&str>,
    names: &[String],
) -> Result<Vec<u8>> {
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
