//! Turns answers of the policy model into text for people or JSON for machines.

mod explain;
mod findings;
mod json;
mod text;

use std::io::{self, Write};

use chrono::NaiveDate;
use lts_policy::policy::{
    Audit, BranchTemplate, Calendar, Dangling, Explanation, Line, LineInfo, Patch, PatchDay,
    Policy, PolicyError, Status, SupportedLine,
};

pub use text::dangling_message;

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

/// Writes `report` as JSON or as text.
pub fn render(report: &Report, as_json: bool, out: &mut dyn Write) -> io::Result<()> {
    if as_json {
        json::render(report, out)
    } else {
        text::render(report, out)
    }
}

#[cfg(test)]
mod tests {
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
