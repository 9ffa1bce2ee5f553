//! Turns answers of the policy model into text for people or JSON for machines.

mod explain;
mod export;
mod findings;
mod json;
mod records;
mod svg;
mod text;
mod timeline;

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::cli::Format;

pub use export::write as write_export;
use lts_policy::policy::{
    Audit, BranchTemplate, Calendar, Dangling, EolReason, Explanation, Line, LineInfo, Patch,
    PatchDay, Policy, PolicyError, Source, Status, SupportState, SupportedLine,
};

pub use text::dangling_message;

/// Explains the `*` that marks values worked out from the rules.
const LEGEND: &str =
    "* worked out from the policy's rules; unmarked values are recorded in the history";

/// Where a value comes from, as JSON and CSV name it.
fn source_name(source: Source) -> &'static str {
    match source {
        Source::History => "history",
        Source::Rules => "rules",
    }
}

/// Where a version stands, as JSON and plain name it.
fn state_name(state: SupportState) -> &'static str {
    match state {
        SupportState::Unreleased => "unreleased",
        SupportState::Supported => "supported",
        SupportState::Ended => "ended",
    }
}

/// What ends a line's support, as JSON and CSV name it.
fn eol_by_name(reason: EolReason) -> &'static str {
    match reason {
        EolReason::NextRelease(_) => "next_release",
        EolReason::LtsSupportPeriod => "lts_support_period",
        EolReason::LtsSuperseded(_) => "lts_superseded",
        EolReason::Announced => "announced",
    }
}

/// What ends a line's support, in words.
fn ended_by_text(info: &LineInfo) -> String {
    match info.eol_reason {
        EolReason::NextRelease(line) => format!("release of {line}"),
        EolReason::LtsSupportPeriod => "LTS support period".to_owned(),
        EolReason::LtsSuperseded(line) => format!("release of LTS {line}"),
        EolReason::Announced => "announced end of LTS".to_owned(),
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, ... `11th`, `21st`.
fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The `--explain` paragraphs of an answer, each with its line and whether
/// that line is in the answer.
fn explained<'e>(
    policy: &Policy,
    explanations: &'e [Explanation],
    on: NaiveDate,
    since: Option<Line>,
) -> impl Iterator<Item = (&'e Explanation, String)> {
    explanations.iter().map(move |explanation| {
        let mut text = explain::explanation_text(policy, explanation, on);
        if let Some(since) = since
            && !explanation.roles.is_empty()
            && explanation.info.line < since
        {
            text.push_str(&format!("; left out by --since {since}"));
        }
        (explanation, text)
    })
}

/// One answer, ready to print.
pub enum Report<'a> {
    Supported {
        policy: &'a Policy,
        on: NaiveDate,
        lines: Vec<SupportedLine>,
        /// With `--explain`: every line the answer is about, newest first.
        explanations: Option<Vec<Explanation>>,
    },
    BackportTargets {
        policy: &'a Policy,
        on: NaiveDate,
        latest: Option<Line>,
        since: Option<Line>,
        targets: Vec<SupportedLine>,
        /// Set when `--branch` asks for branch names instead of lines.
        branch: Option<BranchTemplate>,
        explanations: Option<Vec<Explanation>>,
    },
    Status {
        policy: &'a Policy,
        status: Status,
        explanation: Option<Box<Explanation>>,
    },
    Releases {
        policy: &'a Policy,
        calendar: Calendar,
    },
    /// The calendar in another tool's format.
    Export(Export<'a>),
    /// `timeline`: a picture of the support windows.
    Timeline(Timeline<'a>),
    /// Text generated elsewhere (completions, the man page), written as is.
    Generated(Vec<u8>),
    Tag {
        policy: &'a Policy,
        name: &'a str,
        on: NaiveDate,
        target: Result<(LineInfo, Patch), Dangling>,
    },
    NextPatch {
        policy: &'a Policy,
        day: PatchDay,
    },
    Policy {
        json: String,
    },
    Audit {
        policy: &'a Policy,
        audit: Audit,
    },
    /// `policy --check FILE`: every problem found, none when the file is valid.
    PolicyCheck {
        file: String,
        problems: Vec<PolicyError>,
    },
}

/// `releases` in the format of another tool; each is written the same way
/// whatever `--format` names the rest.
pub enum Export<'a> {
    Markdown {
        policy: &'a Policy,
        calendar: Calendar,
    },
    /// Releases, ends of support and patch days, stamped `on`.
    Ics {
        policy: &'a Policy,
        on: NaiveDate,
        calendar: Calendar,
        patch_days: Vec<PatchDay>,
    },
    /// Each line with its newest version on `--on`.
    EndOfLife { cycles: Vec<(Patch, LineInfo)> },
}

/// The lines of a timeline and how to draw them.
pub struct Timeline<'a> {
    pub policy: &'a Policy,
    /// Marked on the picture.
    pub on: NaiveDate,
    pub from: NaiveDate,
    /// The last day shown.
    pub to: NaiveDate,
    pub lines: Vec<LineInfo>,
    /// Columns of the text picture.
    pub width: u16,
    /// Whether the text picture may use ANSI colours.
    pub color: bool,
}

/// Writes `report` in `format`; the command line has checked that the
/// command writes that format. `pretty` indents JSON, for a terminal.
pub fn render(
    report: &Report,
    format: Format,
    pretty: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match (report, format) {
        (Report::Timeline(timeline), Format::Svg) => svg::write(timeline, out),
        (Report::BackportTargets { .. }, Format::GithubMatrix) => {
            records::github_matrix(report, out)
        }
        (Report::BackportTargets { .. }, Format::Backportrc) => records::backportrc(report, out),
        (_, Format::Json) => json::render(report, pretty, out),
        (_, Format::Ndjson) => records::ndjson(report, out),
        (_, Format::Csv) => records::csv(report, out),
        (_, Format::Plain) => records::plain(report, out),
        _ => text::render(report, out),
    }
}

#[cfg(test)]
mod tests {
    use lts_policy::policy::{Policy, Tag, parse_date};

    use super::{Format, Report, render};

    #[test]
    fn json_is_indented_for_a_terminal_and_compact_for_a_program() {
        let policy = Policy::kestra().unwrap();
        let on = parse_date("2026-11-25").unwrap();
        let report = Report::Tag {
            policy: &policy,
            name: "latest",
            on,
            target: policy.tag(Tag::Latest, on).unwrap(),
        };
        let written = |pretty| {
            let mut out = Vec::new();
            render(&report, Format::Json, pretty, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert!(written(true).starts_with("{\n  \"schema_version\": 1,\n"));
        assert!(written(false).starts_with("{\"schema_version\":1,\"policy\":\"kestra\""));
        assert_eq!(written(false).lines().count(), 1);
    }

    #[test]
    fn ordinals() {
        let ordinals: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
            .map(super::ordinal)
            .into();
        assert_eq!(
            ordinals,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th"
            ]
        );
    }
}
