//! Options several commands share, as flattened structs, and the parsing
//! of the values they take into the model's types.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use clap::builder::{PossibleValue, PossibleValuesParser, StringValueParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{ArgMatches, Args, FromArgMatches, ValueEnum};

use lts_policy::answers::Explanation;
use lts_policy::{Line, LineInfo, Policy, PolicyError, parse_date};

use super::run::Run;
use crate::session::{Format, Lookahead, for_terminal};

// `--on`, for the questions about one date. (A doc comment here would
// become the --help text of every command that flattens it.)
#[derive(Debug, Args)]
#[group(skip)]
pub struct OnDate {
    /// Answer for DATE (YYYY-MM-DD), e.g. 2026-03-01 [default: today]
    #[arg(long, value_name = "DATE", value_parser = DATE_VALUE)]
    on: Option<NaiveDate>,
}

impl OnDate {
    /// The date asked for, or `today`.
    pub fn day(&self, today: NaiveDate) -> NaiveDate {
        self.on.unwrap_or(today)
    }
}

/// An option's value, read into its type as clap parses the command line:
/// a bad value is refused there, in the words of the reader's error and
/// with the option's name (`--on: invalid date "2026-02-30": February 2026
/// has 28 days`), before a file is read or a day worked out.
#[derive(Clone, Copy)]
pub struct ReadValue<T>(fn(text: &str, option: &str) -> Result<T>);

/// A date, `YYYY-MM-DD`, its error named by its option.
pub const DATE_VALUE: ReadValue<NaiveDate> =
    ReadValue(|text, option| parse_date(text).with_context(|| option.to_owned()));

/// `--ends-within`'s period, whose error names the option itself.
pub const PERIOD_VALUE: ReadValue<Lookahead> = ReadValue(|text, _| Lookahead::parse(text));

impl<T: Clone + Send + Sync + 'static> TypedValueParser for ReadValue<T> {
    type Value = T;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let text = StringValueParser::new().parse_ref(command, arg, value)?;
        let option = arg
            .and_then(clap::Arg::get_long)
            .map_or_else(|| "VALUE".to_owned(), |long| format!("--{long}"));
        (self.0)(&text, &option).map_err(|err| {
            // Raw: clap writes `error: ` and this line alone, as every other
            // refusal of bad input is written, without its usage lines.
            let said = format!("{err:#}");
            clap::Error::raw(
                ErrorKind::ValueValidation,
                format!("{}\n", for_terminal(&said)),
            )
        })
    }
}

// `--git` and `--endoflife`, the sources of facts. Taken before the command
// and by every command that answers from the policy, rather than as clap's
// global options: clap copies those into all eleven commands at every run
// (about 80,000 instructions for four of them, a sixth of a whole answer).
#[derive(Debug, Default, Args)]
#[group(skip)]
pub struct Sources {
    /// Read the history's facts from the tags of the git repository at DIR
    /// too (VERSION, vVERSION, after the policy's tag_prefix), e.g. `--git .`
    #[arg(long, value_name = "DIR", conflicts_with = "endoflife")]
    pub git: Option<PathBuf>,

    /// Read the history's facts from an endoflife.date API answer too (`-`
    /// for stdin), e.g. `curl -s https://endoflife.date/api/quarkus.json |
    /// lts-policy supported --endoflife -`
    #[arg(long, value_name = "FILE")]
    pub endoflife: Option<PathBuf>,
}

impl Sources {
    /// The sources given here or before the command; one at most, given
    /// once.
    pub fn either<'a>(&'a self, other: Option<&'a Self>) -> Result<Source<'a>> {
        let twice = |flag: &str| {
            anyhow::anyhow!(
                "{flag} is given twice, before and after the command: one source of facts at a time"
            )
        };
        let once = |mine: Option<&'a Path>, theirs: Option<&'a Path>, flag| match (mine, theirs) {
            (Some(_), Some(_)) => Err(twice(flag)),
            (mine, theirs) => Ok(mine.or(theirs)),
        };
        let git = once(
            self.git.as_deref(),
            other.and_then(|other| other.git.as_deref()),
            "--git",
        )?;
        let endoflife = once(
            self.endoflife.as_deref(),
            other.and_then(|other| other.endoflife.as_deref()),
            "--endoflife",
        )?;
        match (git, endoflife) {
            (Some(_), Some(_)) => {
                anyhow::bail!(
                    "--git and --endoflife cannot be used together: one source of facts at a time"
                )
            }
            (Some(dir), None) => Ok(Source::Git(dir)),
            (None, Some(file)) => Ok(Source::Endoflife(file)),
            (None, None) => Ok(Source::None),
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, as NO_COLOR, CLICOLOR and CLICOLOR_FORCE allow
    Auto,
    /// Always colour, whatever the environment says
    Always,
    /// Never colour
    Never,
}

// The options of every command, taken before the command and after it, as
// the sources are. (No doc comment: it would become every command's help.)
#[derive(Debug, Default, Clone, Args)]
#[group(skip)]
pub struct CommonOptions {
    /// Policy file (JSON), or the name of a product the program carries
    /// (`lts-policy products`), instead of the embedded Kestra policy (not
    /// for scan and products, which answer each product by its own), e.g.
    /// examples/quarkus.json or nodejs
    #[arg(long, value_name = "FILE|NAME")]
    pub policy: Option<PathBuf>,

    /// Print JSON instead of text (short for --format json), e.g. `supported --json | jq`
    #[arg(long)]
    pub json: bool,

    /// Output format: text, json, ndjson, csv or plain for every query; releases
    /// also md, ics and endoflife; backport-targets github-matrix and backportrc;
    /// timeline svg. Example: --format plain
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "json")]
    pub format: Option<Format>,

    /// When to colour text: auto (a terminal, unless NO_COLOR is set or
    /// CLICOLOR=0; CLICOLOR_FORCE forces it), always or never, e.g. `--color
    /// never` [default: auto]
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
}

impl CommonOptions {
    /// These options given after the command, over those given `before`
    /// it: each one given after takes the place of the same one before, as
    /// a later clap global option would, and `--format` that of `--json`.
    #[must_use]
    pub fn over(&self, before: &Self) -> Self {
        Self {
            policy: self.policy.clone().or_else(|| before.policy.clone()),
            json: self.json || before.json,
            format: self.format.or(before.format),
            color: self.color.or(before.color),
        }
    }
}

/// A command's own arguments, then the common options, whose `--format`
/// offers the formats the command writes (to `--help` and to completion).
#[derive(Debug)]
pub struct WithCommon<A> {
    pub args: A,
    pub common: CommonOptions,
}

impl<A: Args + Run> Args for WithCommon<A> {
    fn augment_args(command: clap::Command) -> clap::Command {
        offer_formats::<A>(CommonOptions::augment_args(A::augment_args(command)))
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        offer_formats::<A>(CommonOptions::augment_args_for_update(
            A::augment_args_for_update(command),
        ))
    }
}

impl<A: FromArgMatches> FromArgMatches for WithCommon<A> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut matches.clone())
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
        Ok(Self {
            args: A::from_arg_matches_mut(matches)?,
            common: CommonOptions::from_arg_matches_mut(matches)?,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.update_from_arg_matches_mut(&mut matches.clone())
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), clap::Error> {
        self.args.update_from_arg_matches_mut(matches)?;
        self.common.update_from_arg_matches_mut(matches)
    }
}

/// `command`'s `--format`, offering the formats `A` writes.
fn offer_formats<A: Run>(command: clap::Command) -> clap::Command {
    let formats = A::FORMATS;
    let names: Vec<&str> = formats.iter().map(|format| format.name()).collect();
    let listed = match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    let example = names.last().copied().unwrap_or_default();
    command.mut_arg("format", |arg| {
        arg.value_parser(FormatChoice(formats))
            .help(format!("Output format: {listed}, e.g. --format {example}"))
    })
}

/// `--format`'s values after a command: every format is read, so that the
/// command refuses one it does not write in its own words (`--format json is
/// not available for man; it writes roff`); those it writes are the ones
/// offered, and an unknown name is refused with them.
#[derive(Clone)]
struct FormatChoice(&'static [Format]);

impl TypedValueParser for FormatChoice {
    type Value = Format;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Format, clap::Error> {
        if let Some(format) = value
            .to_str()
            .and_then(|name| Format::from_str(name, false).ok())
        {
            return Ok(format);
        }
        let offered = self.0.iter().filter_map(ValueEnum::to_possible_value);
        PossibleValuesParser::new(offered)
            .parse_ref(command, arg, value)
            .and_then(|name| {
                Format::from_str(&name, false)
                    .map_err(|_| clap::Error::new(clap::error::ErrorKind::InvalidValue))
            })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            self.0.iter().filter_map(ValueEnum::to_possible_value),
        ))
    }
}

/// Where the facts of a run come from.
pub enum Source<'a> {
    Git(&'a Path),
    Endoflife(&'a Path),
    None,
}

// The options every query shares: the day it answers for, and the sources
// of facts given after the command.
#[derive(Debug, Args)]
#[group(skip)]
pub struct Query {
    #[command(flatten)]
    pub on: OnDate,

    #[command(flatten)]
    pub sources: Sources,
}

// `--from` and `--to`, for the answers about a range of days.
#[derive(Debug, Args)]
#[group(skip)]
pub struct DateRange {
    /// First day of the range (YYYY-MM-DD), e.g. 2026-01-01 [default: releases:
    /// the first release; timeline: one LTS support period before --on]
    #[arg(long, value_name = "DATE", value_parser = DATE_VALUE)]
    pub from: Option<NaiveDate>,

    /// Last day of the range (YYYY-MM-DD), included, e.g. 2027-12-31
    /// [default: one LTS support period after --on]
    #[arg(long, value_name = "DATE", value_parser = DATE_VALUE)]
    pub to: Option<NaiveDate>,
}

// `--explain`, for the answers about support.
#[derive(Debug, Args)]
#[group(skip)]
pub struct Explain {
    /// Say, for each line, the rule that puts it in the answer or leaves it
    /// out, with the dates, e.g. `status 1.0 --explain`
    #[arg(long)]
    pub explain: bool,
}

impl Explain {
    /// The explanations `explain` gives, under `--explain`; under
    /// `--recorded` too, those of the lines the history lists.
    ///
    /// # Errors
    /// An error of the model met while the lines are explained.
    pub fn asked(
        &self,
        recorded: &Recorded,
        explain: impl FnOnce() -> Result<Vec<Explanation>, PolicyError>,
    ) -> Result<Option<Vec<Explanation>>, PolicyError> {
        if !self.explain {
            return Ok(None);
        }
        let mut explanations = explain()?;
        recorded.keep(&mut explanations, |why| &why.info);
        Ok(Some(explanations))
    }
}

// `--recorded`, for the answers that list lines.
#[derive(Debug, Args)]
#[group(skip)]
pub struct Recorded {
    /// Leave out the lines the history does not list, which only the rules
    /// project (overdue ones too); a listed line stays, with the ends and
    /// patches the rules work out for it, e.g. `--recorded --format
    /// github-matrix`
    #[arg(long)]
    recorded: bool,
}

impl Recorded {
    /// Whether `--recorded` is given.
    pub fn given(&self) -> bool {
        self.recorded
    }

    /// Under `--recorded`, leaves out of `items` those whose line (`info`)
    /// only the rules project; returns the lines left out.
    pub fn keep<T>(&self, items: &mut Vec<T>, info: impl Fn(&T) -> &LineInfo) -> Vec<Line> {
        if !self.recorded {
            return Vec::new();
        }
        let left_out = items
            .iter()
            .map(&info)
            .filter(|line| line.is_projected())
            .map(|line| line.line.clone())
            .collect();
        items.retain(|item| !info(item).is_projected());
        left_out
    }
}

/// Refuses a `format` that writes the whole answer to `flag`, which prints
/// `what` alone, for a script, as text or plain.
pub fn alone_as_text(flag: &str, what: &str, format: Format) -> Result<()> {
    if matches!(format, Format::Text | Format::Plain) {
        return Ok(());
    }
    anyhow::bail!(
        "{flag} prints {what} alone, as text; --format {} writes the whole answer, {what} \
         included",
        format.name()
    )
}

/// Parses an optional line option (`--latest`, `--since`) as a line of
/// `kind`; a patch number is accepted and ignored, as `1.3.7` belongs to
/// line 1.3.
pub fn line_option(flag: &str, value: Option<&str>, policy: &Policy) -> Result<Option<Line>> {
    value
        .map(|raw| policy.line_of(raw).with_context(|| flag.to_owned()))
        .transpose()
}

/// What `policy --from-endoflife` makes a policy of.
#[derive(Debug, Clone, Copy)]
pub struct ProductFile<'a> {
    pub file: &'a Path,
    pub release_data: Option<&'a Path>,
    /// The day the record is complete up to, where given.
    pub as_of: Option<NaiveDate>,
}
