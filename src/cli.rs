//! The command line: clap's derive types, and their conversion into the
//! plain values the policy model takes.

use std::path::PathBuf;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use lts_policy::policy::{BranchTemplate, Line, Tag, VersionInput, parse_date};

/// Answers questions about a vendor's release policy for any date: which
/// lines are supported, where backports go, what a floating tag points to.
///
/// The default policy is Kestra's (embedded); `--policy FILE` loads another.
/// Dates are YYYY-MM-DD and default to today (UTC). Versions and lines are
/// written 1.3, 1.3.0, 1.3.7 or v1.3.7. A `*` in text output marks a value
/// worked out from the policy's rules rather than recorded in its history.
#[derive(Debug, Parser)]
#[command(name = "lts-policy", version, max_term_width = 100)]
pub struct Cli {
    /// Policy file (JSON) to use instead of the embedded Kestra policy, e.g.
    /// examples/quarkus.json
    #[arg(long, global = true, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    /// Print JSON instead of text (short for --format json), e.g. `supported --json | jq`
    #[arg(long, global = true)]
    pub json: bool,

    /// Output format: text, json, ndjson, csv or plain for every query; releases
    /// also md, ics and endoflife; backport-targets github-matrix and backportrc;
    /// timeline svg. Example: --format plain
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "FORMAT",
        conflicts_with = "json"
    )]
    pub format: Option<Format>,

    #[command(subcommand)]
    pub command: Command,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    Auto,
    /// Always colour, whatever NO_COLOR says
    Always,
    /// Never colour
    Never,
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people
    Text,
    /// One JSON document
    Json,
    /// One JSON object per line: each line, target, patch or finding
    Ndjson,
    /// Comma-separated values with a header, one row per item
    Csv,
    /// One bare value per line, no header, for shell loops
    Plain,
    /// A Markdown table (releases)
    Md,
    /// An iCalendar file of releases, ends of support and patch days (releases)
    Ics,
    /// endoflife.date's release cycles (releases)
    Endoflife,
    /// A GitHub Actions matrix, {"include": [...]} (backport-targets)
    GithubMatrix,
    /// A .backportrc.json fragment for sorenlouv/backport (backport-targets)
    Backportrc,
    /// A standalone SVG picture (timeline)
    Svg,
}

/// The formats every query writes.
const QUERY_FORMATS: &[Format] = &[
    Format::Text,
    Format::Json,
    Format::Ndjson,
    Format::Csv,
    Format::Plain,
];

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Json => "json",
            Self::Ndjson => "ndjson",
            Self::Csv => "csv",
            Self::Plain => "plain",
            Self::Md => "md",
            Self::Ics => "ics",
            Self::Endoflife => "endoflife",
            Self::GithubMatrix => "github-matrix",
            Self::Backportrc => "backportrc",
            Self::Svg => "svg",
        }
    }
}

impl Command {
    /// The command's name, as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Supported { .. } => "supported",
            Self::BackportTargets { .. } => "backport-targets",
            Self::Status { .. } => "status",
            Self::Releases { .. } => "releases",
            Self::Tag { .. } => "tag",
            Self::NextPatch { .. } => "next-patch",
            Self::Audit { .. } => "audit",
            Self::Timeline { .. } => "timeline",
            Self::Policy { .. } => "policy",
            Self::Completions { .. } => "completions",
            Self::Man => "man",
        }
    }

    /// The formats the command writes.
    pub fn formats(&self) -> Vec<Format> {
        let extra: &[Format] = match self {
            Self::Releases { .. } => &[Format::Md, Format::Ics, Format::Endoflife],
            Self::BackportTargets { .. } => &[Format::GithubMatrix, Format::Backportrc],
            Self::Timeline { .. } => return vec![Format::Text, Format::Svg],
            Self::Policy { .. } | Self::Completions { .. } | Self::Man => {
                return vec![Format::Text, Format::Json];
            }
            _ => &[],
        };
        QUERY_FORMATS.iter().chain(extra).copied().collect()
    }
}

impl Cli {
    /// The format asked for: `--format`, `--json`, or text.
    pub fn format(&self) -> Format {
        match (self.format, self.json) {
            (Some(format), _) => format,
            (None, true) => Format::Json,
            (None, false) => Format::Text,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lines supported on a date, with roles, release date, eol, days left and newest patch
    ///
    /// Example: `lts-policy supported --lts --format plain` lists the LTS lines, one per line.
    Supported {
        #[command(flatten)]
        on: OnDate,

        /// Only the LTS lines (roles latest-lts and previous-lts), as ubuntu-distro-info
        /// --lts, e.g. `supported --lts --format plain`
        #[arg(long, conflicts_with = "latest")]
        lts: bool,

        /// Only the latest line, as ubuntu-distro-info --latest, e.g. `supported --latest`
        #[arg(long)]
        latest: bool,

        #[command(flatten)]
        explain: Explain,
    },

    /// Lines (or branch names) a fix must be backported to, one per line
    ///
    /// Example: `for b in $(lts-policy backport-targets --latest 1.3 --branch); do ...; done`
    BackportTargets {
        /// Answer for the day LINE was (or will be) released, e.g. 1.3
        #[arg(long, value_name = "LINE", conflicts_with = "on")]
        latest: Option<String>,

        /// Answer for DATE (YYYY-MM-DD), e.g. 2026-03-01 [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,

        /// Drop lines older than LINE, where the bug first appeared, e.g. 1.2
        #[arg(long, value_name = "LINE")]
        since: Option<String>,

        /// Print branch names: the policy's template, or TEMPLATE, e.g.
        /// 'release-{major}.{minor}'
        #[arg(long, value_name = "TEMPLATE", num_args = 0..=1)]
        branch: Option<Option<String>>,

        #[command(flatten)]
        explain: Explain,
    },

    /// Whether a version is supported, until when, and what to upgrade to
    ///
    /// Exits 0 when VERSION is supported on the date, 1 when it is not.
    Status {
        /// The version or line, e.g. 1.3.7, v1.3 or 1.3
        version: String,

        #[command(flatten)]
        on: OnDate,

        #[command(flatten)]
        explain: Explain,
    },

    /// The calendar: every line released in a range, with LTS flag and eol
    Releases {
        /// First release date to list (YYYY-MM-DD), e.g. 2026-01-01 [default: the
        /// first release]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,

        /// Last release date to list (YYYY-MM-DD), e.g. 2027-12-31 [default: one
        /// LTS support period after --on]
        #[arg(long, value_name = "DATE")]
        to: Option<String>,

        #[command(flatten)]
        on: OnDate,
    },

    /// The version a floating tag points to: latest, latest-lts or a line such as 1.3
    ///
    /// Exits 1, printing nothing, when the tag points to no version yet.
    Tag {
        /// latest, latest-lts, or a line, e.g. 1.3
        name: String,

        #[command(flatten)]
        on: OnDate,
    },

    /// The next patch day and the versions it ships
    NextPatch {
        /// Look strictly after DATE (YYYY-MM-DD), e.g. 2026-11-25 [default: from
        /// today on, today included]
        #[arg(long, value_name = "DATE")]
        after: Option<String>,
    },

    /// Check the history against the policy; exits 1 when anything is found
    ///
    /// Finds lines released more than two weeks off the cadence or on another
    /// weekday, LTS lines maintained for less than the promised period,
    /// periods with more LTS lines maintained than allowed or (for more than
    /// two weeks) fewer than the policy keeps, and patches off their weekday
    /// or after their line's end of support.
    Audit {
        #[command(flatten)]
        on: OnDate,

        /// Also check the lines the rules project, up to --to, e.g. `audit --projected`
        #[arg(long)]
        projected: bool,

        /// With --projected, check up to DATE (YYYY-MM-DD), e.g. 2028-12-31
        /// [default: one LTS support period after --on]
        #[arg(long, value_name = "DATE", requires = "projected")]
        to: Option<String>,
    },

    /// A Gantt-style picture of every line's support, with today marked
    ///
    /// One row per line: a full bar while it is the latest, a thin one while
    /// it is maintained as LTS; lighter where the dates are projections.
    /// Example: `lts-policy timeline --width 100 --color never`
    Timeline {
        /// First day shown (YYYY-MM-DD), e.g. 2026-01-01 [default: one LTS support
        /// period before --on]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,

        /// Last day shown (YYYY-MM-DD), e.g. 2027-12-31 [default: one LTS support
        /// period after --on]
        #[arg(long, value_name = "DATE")]
        to: Option<String>,

        #[command(flatten)]
        on: OnDate,

        /// Columns of the picture, at least 40, e.g. 100 [default: the terminal's
        /// width, or 80]
        #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..))]
        width: Option<u16>,

        /// When to colour: auto (a terminal, unless NO_COLOR is set), always or
        /// never, e.g. `--color never`
        #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
        color: ColorChoice,
    },

    /// Print a shell completion script, e.g. `lts-policy completions bash > /etc/bash_completion.d/lts-policy`
    Completions {
        /// The shell to complete for, e.g. bash
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff), e.g. `lts-policy man | man -l -`
    Man,

    /// Print the effective policy as JSON, a starting point for a custom file
    Policy {
        /// Check FILE instead: list every problem with its JSON path; exits 1
        /// when there is any, e.g. `policy --check mine.json`
        #[arg(long, value_name = "FILE")]
        check: Option<PathBuf>,
    },
}

/// The `--explain` flag of the answers about support.
#[derive(Debug, Args)]
pub struct Explain {
    /// Say, for each line, the rule that puts it in the answer or leaves it
    /// out, with the dates, e.g. `status 1.0 --explain`
    #[arg(long)]
    pub explain: bool,
}

/// The `--on` option shared by the queries that answer for one date.
#[derive(Debug, Args)]
pub struct OnDate {
    /// Answer for DATE (YYYY-MM-DD), e.g. 2026-03-01 [default: today]
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
}

impl OnDate {
    /// The date asked for, or `today`.
    pub fn resolve(&self, today: NaiveDate) -> Result<NaiveDate> {
        date_option("--on", self.on.as_deref(), today)
    }
}

/// Parses an optional date option, falling back to `default`.
pub fn date_option(flag: &str, value: Option<&str>, default: NaiveDate) -> Result<NaiveDate> {
    Ok(optional_date(flag, value)?.unwrap_or(default))
}

/// Parses an optional date option.
pub fn optional_date(flag: &str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    value
        .map(|raw| parse_date(raw).with_context(|| flag.to_owned()))
        .transpose()
}

/// Parses an optional line option (`--latest`, `--since`); a patch number is
/// accepted and ignored, as `1.3.7` belongs to line 1.3.
pub fn optional_line(flag: &str, value: Option<&str>) -> Result<Option<Line>> {
    value
        .map(|raw| {
            VersionInput::parse(raw)
                .map(|version| version.line)
                .with_context(|| flag.to_owned())
        })
        .transpose()
}

pub fn version_argument(raw: &str) -> Result<VersionInput> {
    VersionInput::parse(raw).context("VERSION")
}

pub fn tag_argument(raw: &str) -> Result<Tag> {
    Tag::parse(raw).context("NAME")
}

/// The template `--branch` asks for: its own value, or the policy's.
pub fn branch_template(
    flag: Option<&Option<String>>,
    policy_template: &BranchTemplate,
) -> Result<Option<BranchTemplate>> {
    match flag {
        None => Ok(None),
        Some(None) => Ok(Some(policy_template.clone())),
        Some(Some(raw)) => BranchTemplate::parse(raw).map(Some).context("--branch"),
    }
}
