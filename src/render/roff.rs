//! Man pages (roff), one for the program and one per command
//! (`lts-policy-supported(1)` ...), from clap_mangen's sections and what
//! each command's [`ManText`] says, with the sections a man page has: EXIT
//! STATUS, ENVIRONMENT, FILES, EXAMPLES, SEE ALSO.

use anyhow::Result;
use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

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
    let mut roff = Roff::new();
    synopsis(&mut roff, command);
    roff.to_writer(&mut page)?;
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
    Ok(code_in_bold(&String::from_utf8(page)?).into_bytes())
}

/// The SYNOPSIS: the command's name, its options each with the name of
/// its value (`[--on DATE]`, which clap_mangen's leaves out), its
/// arguments, and the commands after the program's own options.
fn synopsis(roff: &mut Roff, command: &clap::Command) {
    roff.control("SH", ["SYNOPSIS"]);
    let name = command.get_bin_name().unwrap_or_else(|| command.get_name());
    let mut line = vec![bold(name)];
    let shown = command.get_arguments().filter(|arg| !arg.is_hide_set());
    let (positionals, options): (Vec<_>, Vec<_>) = shown.partition(|arg| arg.is_positional());
    for arg in options.into_iter().chain(positionals) {
        let (open, close) = if arg.is_required_set() {
            ("", "")
        } else {
            ("[", "]")
        };
        line.push(roman(format!(" {open}")));
        line.extend(synopsis_arg(arg));
        line.push(roman(close));
    }
    if command.has_subcommands() {
        line.extend([roman(" "), italic("COMMAND")]);
    }
    roff.text(line);
}

/// One argument in the SYNOPSIS: `--on DATE`, `-h|--help`, `--branch
/// [TEMPLATE]` (a value that may be left out), `VERSION...`.
fn synopsis_arg(arg: &clap::Arg) -> Vec<Inline> {
    let value = arg
        .get_value_names()
        .map_or_else(|| arg.get_id().to_string(), |names| names.join(" "));
    let many = arg
        .get_num_args()
        .is_some_and(|count| count.max_values() > 1);
    let repeated = if many { "..." } else { "" };
    if arg.is_positional() {
        return vec![italic(value), roman(repeated)];
    }
    let mut inline = match (arg.get_short(), arg.get_long()) {
        (Some(short), Some(long)) => vec![
            bold(format!("-{short}")),
            roman("|"),
            bold(format!("--{long}")),
        ],
        (Some(short), None) => vec![bold(format!("-{short}"))],
        (None, Some(long)) => vec![bold(format!("--{long}"))],
        (None, None) => Vec::new(),
    };
    if arg.get_action().takes_values() {
        let optional = arg
            .get_num_args()
            .is_some_and(|count| count.min_values() == 0);
        let (open, close) = if optional { (" [", "]") } else { (" ", "") };
        inline.extend([roman(open), italic(value), roman(close), roman(repeated)]);
    }
    inline
}

/// `page` with the code its help texts quote between backticks (`` `supported
/// --lts` ``) set in bold, as a man page shows what is typed, rather than
/// with the backticks. Only the help texts write backticks, in pairs on one
/// line; a line with an odd number is left as it is.
fn code_in_bold(page: &str) -> String {
    let mut written = String::with_capacity(page.len());
    for line in page.split_inclusive('\n') {
        let parts: Vec<&str> = line.split('`').collect();
        if parts.len().is_multiple_of(2) {
            written.push_str(line);
            continue;
        }
        for (at, part) in parts.iter().enumerate() {
            if at > 0 {
                written.push_str(if at % 2 == 1 { "\\fB" } else { "\\fR" });
            }
            written.push_str(part);
        }
    }
    written
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
