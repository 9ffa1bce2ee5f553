//! Turns answers of the policy model into text for people or JSON for machines.

mod findings;
mod json;
mod text;

use std::io::{self, Write};

use chrono::NaiveDate;
use lts_policy::policy::{
    Audit, BranchTemplate, Calendar, Dangling, Line, LineInfo, Patch, PatchDay, Policy,
    PolicyError, Status, SupportedLine,
};

pub use text::dangling_message;

/// One answer, ready to print.
pub enum Report<'a> {
    Supported {
        policy: &'a Policy,
        on: NaiveDate,
        lines: Vec<SupportedLine>,
    },
    BackportTargets {
        policy: &'a Policy,
        on: NaiveDate,
        latest: Option<Line>,
        since: Option<Line>,
        targets: Vec<SupportedLine>,
        /// Set when `--branch` asks for branch names instead of lines.
        branch: Option<BranchTemplate>,
    },
    Status {
        policy: &'a Policy,
        status: Status,
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
