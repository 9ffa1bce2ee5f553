//! `next-patch`: the next patch day and the versions it ships.

use anyhow::{Result, bail};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use lts_policy::answers::{PatchDay, Start};
use lts_policy::lines::Patch;
use lts_policy::rules::{Patches, weekday_name};
use lts_policy::{Policy, PolicyError};

use super::{DateValue, ManText, Query, Run, last_day};
use crate::render::csv::Cell;
use crate::render::text::{self, Row, Text};
use crate::render::views::{PatchView, RoleNames};
use crate::render::{self, Report, json, words};
use crate::session::{Answer, Context, Format, Output, for_terminal};

help!("The next patch day and the versions it ships");

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// Look strictly after DATE (YYYY-MM-DD), e.g. 2026-11-25 [default: from
    /// --on on, that day included]
    #[arg(long, value_name = "DATE", conflicts_with = "on", value_parser = DateValue)]
    after: Option<NaiveDate>,

    /// Print the day alone (YYYY-MM-DD), for a script, e.g. `day=$(lts-policy
    /// next-patch --day)`
    #[arg(long)]
    day: bool,

    #[command(flatten)]
    pub(super) query: Query,
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "a patch day comes, and is printed",
            Some("no patch day comes: the reason goes to standard error"),
        ),
        examples: &[
            (
                "lts-policy next-patch",
                "The next patch day from today, and the versions it ships.",
            ),
            (
                "lts-policy next-patch --after 2026-11-25 --json",
                "The first patch day after 25 November 2026, as JSON.",
            ),
            (
                "lts-policy next-patch --on 2026-12-01 --day",
                "The next patch day from 1 December 2026 on, that day included, alone.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let start = match self.after {
            Some(after) => Start::After(after),
            None => Start::OnOrAfter(context.on),
        };
        let format = context.settings.format;
        if self.day && !matches!(format, Format::Text | Format::Plain) {
            bail!(
                "--day prints the day alone, as text; --format {} writes the whole answer, \
                 the day included",
                format.name()
            );
        }
        let report = NextPatch {
            policy: &context.policy,
            start,
            day: context.policy.next_patch(start)?,
        };
        if let Some(day) = &report.day {
            last_day::check_day(day.day, "the next patch day")?;
            last_day::check(day.patches.iter().map(|shipped| &shipped.info))?;
        }
        let answer = match &report.day {
            Some(_) => Answer::yes(),
            None => {
                // Text and plain print no day, so the reason goes to stderr.
                let silent = matches!(format, Format::Text | Format::Plain);
                let reason = no_patch_day(&context.policy, start);
                Answer::from_bool(false).with_note(silent.then_some(reason))
            }
        };
        if self.day {
            return out.answer(answer, |out| {
                if let Some(day) = &report.day {
                    writeln!(out, "{}", day.day)?;
                }
                Ok(())
            });
        }
        out.answer(answer, |out| render::query(&report, &context.settings, out))
    }
}

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

struct NextPatch<'p> {
    policy: &'p Policy,
    start: Start,
    /// `None` when no patch day comes.
    day: Option<PatchDay>,
}

/// A patch the day ships.
#[derive(Serialize)]
struct Shipped<'a> {
    version: String,
    line: String,
    branch: String,
    roles: RoleNames<'a>,
    source: &'static str,
}

/// A patch the day ships, as CSV shows it.
#[derive(Serialize, Default)]
struct ShippedRow {
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

    fn json(&self) -> impl Serialize {
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
