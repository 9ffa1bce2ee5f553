//! `next-patch`: the next patch day and the versions it ships, in every
//! format it writes.

use std::io::Write;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use lts_policy::answers::{PatchDay, Start};
use lts_policy::lines::Patch;
use lts_policy::rules::{Patches, weekday_name};
use lts_policy::{Policy, PolicyError};

use crate::render::csv::Cell;
use crate::render::text::{self, Row, Text};
use crate::render::views::{PatchView, RoleNames};
use crate::render::{Report, json, query, words};
use crate::session::{Format, Settings, for_terminal};

/// Why no patch day comes: the policy projects none and none is recorded,
/// or none of the lines gets one before its end of support.
fn no_patch_day(policy: &Policy, start: Start) -> String {
    let after = match start {
        Start::After(date) => format!("after {date}"),
        Start::OnOrAfter(date) => format!("from {date}"),
        _ => "then".to_owned(),
    };
    match policy.patches_rule() {
        Patches::Scheduled(_) => format!(
            "no patch day {after} up to {}: no line gets a day of the patch schedule before \
             its end of support, and none is recorded",
            policy.patch_search_end(start)
        ),
        _ => {
            format!("no patch day {after}: the policy projects no patches, and records none later")
        }
    }
}

/// The next patch day, and what it ships.
pub struct NextPatch<'p> {
    pub policy: &'p Policy,
    pub start: Start,
    /// `None` when no patch day comes.
    pub day: Option<PatchDay>,
    /// With `--day`: the day alone, for a script.
    pub day_alone: bool,
}

/// A patch the day ships.
#[derive(Serialize)]
pub struct Shipped<'a> {
    version: String,
    line: String,
    branch: String,
    roles: RoleNames<'a>,
    source: &'static str,
}

/// A patch the day ships, as CSV shows it.
#[derive(Serialize, Default)]
pub struct ShippedRow {
    version: Cell,
    line: Cell,
    branch: Cell,
    roles: String,
    source: &'static str,
}

impl Report for NextPatch<'_> {
    type Item<'a>
        = Shipped<'a>
    where
        Self: 'a;

    type Row = ShippedRow;

    fn text(&self, out: &mut Text<'_>) -> Result<()> {
        let policy = self.policy;
        let Some(day) = &self.day else {
            return Ok(());
        };
        writeln!(
            out.out(),
            "Next patch day: {} {} (policy: {})\n",
            weekday_name(day.day.weekday()),
            day.day,
            for_terminal(policy.name())
        )?;
        let branch = policy.branch_template();
        let patches = day.patches.iter().map(|shipped| {
            let roles = if shipped.roles.is_empty() {
                "backport".to_owned()
            } else {
                words::roles_text(&shipped.roles, ", ")
            };
            Row::default()
                .sourced(shipped.patch.version, shipped.patch.source)
                .cell(&shipped.info.line)
                .cell(roles)
                .cell(branch.name(&shipped.info.line))
        });
        let new_lines = day.new_lines.iter().map(|info| {
            let opening = Patch::opening(info, self.policy.line_kind());
            let row = match &opening {
                Some(opening) => Row::default().sourced(opening.version, opening.source),
                None => Row::default().cell("-"),
            };
            row.cell(&info.line)
                .cell("new line")
                .cell(branch.name(&info.line))
        });
        let rows: Vec<Row> = patches.chain(new_lines).collect();
        let header = ["VERSION", "LINE", "ROLES", "BRANCH"];
        text::table(out, Some(&header), || rows.iter().cloned().map(Ok))
    }

    fn json(&self) -> impl json::Document {
        #[derive(Serialize)]
        struct View<'a> {
            day: Option<String>,
            weekday: Option<&'static str>,
            patches: Vec<Shipped<'a>>,
            new_lines: Vec<PatchView>,
            #[serde(skip_serializing_if = "Option::is_none")]
            reason: Option<String>,
        }
        let day = self.day.as_ref();
        json::envelope(
            self.policy,
            View {
                day: day.map(|day| day.day.to_string()),
                weekday: day.map(|day| weekday_name(day.day.weekday())),
                patches: self.shipped().collect(),
                new_lines: day
                    .iter()
                    .flat_map(|day| &day.new_lines)
                    .filter_map(|info| {
                        Patch::opening(info, self.policy.line_kind())
                            .as_ref()
                            .map(PatchView::new)
                    })
                    .collect(),
                reason: day.is_none().then(|| no_patch_day(self.policy, self.start)),
            },
        )
    }

    fn items(&self) -> impl Iterator<Item = Result<Shipped<'_>, PolicyError>> {
        self.shipped().map(Ok)
    }

    fn row(&self, item: &Shipped<'_>) -> ShippedRow {
        ShippedRow {
            version: Cell::of(&item.version),
            line: Cell::of(&item.line),
            branch: Cell::of(&item.branch),
            roles: item.roles.joined(),
            source: item.source,
        }
    }

    fn plain<'a>(&'a self, item: &Shipped<'a>) -> Option<String> {
        Some(item.version.clone())
    }

    fn write(&self, settings: &Settings, out: &mut dyn Write) -> Result<()> {
        if !self.day_alone {
            return query(self, settings, out);
        }
        if let Some(day) = &self.day {
            writeln!(out, "{}", day.day)?;
        }
        Ok(())
    }

    /// Text and plain print no day when none comes: the reason goes to
    /// stderr.
    fn aside(&self, format: Format, _today: NaiveDate) -> Result<Option<String>> {
        let silent = matches!(format, Format::Text | Format::Plain);
        Ok((silent && self.day.is_none()).then(|| no_patch_day(self.policy, self.start)))
    }
}

impl NextPatch<'_> {
    fn shipped(&self) -> impl Iterator<Item = Shipped<'_>> {
        let branch = self.policy.branch_template();
        let patches = self.day.iter().flat_map(|day| &day.patches);
        patches.map(move |shipped| Shipped {
            version: shipped.patch.version.to_string(),
            line: shipped.info.line.to_string(),
            branch: branch.render(&shipped.info.line),
            roles: RoleNames(&shipped.roles),
            source: shipped.patch.source.name(),
        })
    }
}
