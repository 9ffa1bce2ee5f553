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
    /// Policy file (JSON) to use instead of the embedded Kestra policy
    #[arg(long, global = true, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    /// Print JSON instead of text (short for --format json)
    #[arg(long, global = true)]
    pub json: bool,

    /// Output format; releases also writes csv, md (a Markdown table), ics
    /// (an iCalendar file) and endoflife (endoflife.date's release cycles)
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

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people
    Text,
    /// JSON for programs
    Json,
    /// Comma-separated values, one row per line (releases)
    Csv,
    /// A Markdown table (releases)
    Md,
    /// An iCalendar file of releases, ends of support and patch days (releases)
    Ics,
    /// endoflife.date's release-cycle JSON (releases)
    Endoflife,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Md => "md",
            Self::Ics => "ics",
            Self::Endoflife => "endoflife",
        }
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
    /// Lines supported on a date, with roles, release date, eol and newest patch
    Supported {
        #[command(flatten)]
        on: OnDate,

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

        /// Answer for DATE (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,

        /// Drop lines older than LINE, where the bug first appeared, e.g. 1.2
        #[arg(long, value_name = "LINE")]
        since: Option<String>,

        /// Print branch names: the policy's template, or TEMPLATE such as
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
        /// First release date to list (YYYY-MM-DD) [default: the first release]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,

        /// Last release date to list (YYYY-MM-DD) [default: one LTS support
        /// period after --on]
        #[arg(long, value_name = "DATE")]
        to: Option<String>,

        #[command(flatten)]
        on: OnDate,
    },

    /// The version a floating tag points to: latest, latest-lts or a line such as 1.3
    ///
    /// Exits 1, printing nothing, when the tag points to no version yet.
    Tag {
        /// latest, latest-lts, or a line such as 1.3
        name: String,

        #[command(flatten)]
        on: OnDate,
    },

    /// The next patch day and the versions it ships
    NextPatch {
        /// Look strictly after DATE (YYYY-MM-DD) [default: from today on,
        /// today included]
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

        /// Also check the lines the rules project, up to --to
        #[arg(long)]
        projected: bool,

        /// With --projected, check up to DATE (YYYY-MM-DD) [default: one LTS
        /// support period after --on]
        #[arg(long, value_name = "DATE", requires = "projected")]
        to: Option<String>,
    },

    /// Print the effective policy as JSON, a starting point for a custom file
    Policy {
        /// Check FILE instead: list every problem with its JSON path; exits 1
        /// when there is any
        #[arg(long, value_name = "FILE")]
        check: Option<PathBuf>,
    },
}

/// The `--explain` flag of the answers about support.
#[derive(Debug, Args)]
pub struct Explain {
    /// Say, for each line, the rule that puts it in the answer or leaves it
    /// out, with the dates
    #[arg(long)]
    pub explain: bool,
}

/// The `--on` option shared by the queries that answer for one date.
#[derive(Debug, Args)]
pub struct OnDate {
    /// Answer for DATE (YYYY-MM-DD) [default: today]
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
