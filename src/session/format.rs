//! The output formats, and the settings a renderer is handed.

use clap::ValueEnum;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people
    Text,
    /// One JSON document
    Json,
    /// One JSON object per line: each line, target, patch or finding
    Ndjson,
    /// Comma-separated values with a fixed header, one row per item
    Csv,
    /// One bare value per line, no header, for shell loops
    Plain,
    /// A Markdown table (releases, supported)
    Md,
    /// An iCalendar file of releases, ends of support and patch days (releases)
    Ics,
    /// endoflife.date's release cycles (releases)
    Endoflife,
    /// A GitHub Actions matrix, {"include": [...]} (backport-targets, supported)
    GithubMatrix,
    /// A .backportrc.json fragment for sorenlouv/backport (backport-targets)
    Backportrc,
    /// A renovate.json fragment: the target branches as baseBranches (backport-targets)
    Renovate,
    /// A .github/dependabot.yml: one update per target branch (backport-targets, with --ecosystem)
    Dependabot,
    /// A standalone SVG picture (timeline)
    Svg,
    /// A roff man page (man)
    Roff,
    /// A shell script (completions)
    Script,
    /// SARIF 2.1.0, one result per failing component, for code scanning (scan)
    Sarif,
    /// GitHub Actions annotations, one per failing component (scan)
    Github,
    /// The scanned CycloneDX document with lifecycle properties, as CycloneDX 1.5 or later (scan)
    Cyclonedx,
    /// OpenEoX Core 1.0: one document (status), an array with product and line (releases)
    Openeox,
}

/// The formats every query writes.
pub const QUERY_FORMATS: &[Format] = &[
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
            Self::Renovate => "renovate",
            Self::Dependabot => "dependabot",
            Self::Svg => "svg",
            Self::Roff => "roff",
            Self::Script => "script",
            Self::Sarif => "sarif",
            Self::Github => "github",
            Self::Cyclonedx => "cyclonedx",
            Self::Openeox => "openeox",
        }
    }
}

/// What a renderer needs to know of the run: the format, and how text and
/// JSON are laid out for where they go.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The output format, one the command writes.
    pub format: Format,
    /// Whether text may use ANSI colours.
    pub color: bool,
    /// Columns of a text picture.
    pub width: u16,
    /// Whether JSON is indented, for a person at a terminal.
    pub pretty_json: bool,
}
