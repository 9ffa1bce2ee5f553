//! The meaning of a policy file's values: ranges, dates, versions, order.
//! The history is checked entry by entry, each against the one before, so
//! that a file of any length is checked without holding its problems.

use chrono::{NaiveDate, Weekday};

use super::problems::Problems;
use crate::policy::dates::parse_date;
use crate::policy::definition::PolicyRules;
use crate::policy::error::Problem;
use crate::policy::model::{KnownPatch, Line, Release};
use crate::policy::template::BranchTemplate;
use crate::policy::version::{parse_history_line, parse_patch_version};

/// Largest accepted cadence or support period: a century.
const MAX_MONTHS: u64 = 1200;
/// Largest accepted number of LTS lines maintained side by side.
const MAX_IN_PARALLEL: u64 = 100;

/// The top-level values of a file, those of the right type.
pub(super) struct Rules<'a> {
    pub name: Option<&'a str>,
    pub comment: Option<&'a str>,
    pub release_weekday: Option<&'a str>,
    pub minor_every_months: Option<u64>,
    pub lts_every_months: Option<u64>,
    pub lts_support_months: Option<u64>,
    pub lts_in_parallel: Option<u64>,
    pub branch_template: Option<&'a str>,
}

/// One history entry's values, those of the right type.
pub(super) struct Entry<'a> {
    pub line: Option<&'a str>,
    pub released: Option<&'a str>,
    pub lts: Option<bool>,
    pub eol: Option<&'a str>,
    /// Each recorded patch's version and date.
    pub patches: Vec<(Option<&'a str>, Option<&'a str>)>,
}

/// Checks the rules; `None` when one is missing or wrong.
pub(super) fn rules(raw: &Rules, problems: &mut Problems) -> Option<PolicyRules> {
    if raw.name.is_some_and(|name| name.trim().is_empty()) {
        problems.add("name", Problem::EmptyName);
    }
    let release_weekday = raw.release_weekday.and_then(|text| weekday(text, problems));
    let mut months = |key, months: Option<u64>| {
        let months = months?;
        if (1..=MAX_MONTHS).contains(&months) {
            Some(months)
        } else {
            let bounds = Problem::OutOfBounds {
                found: months,
                min: 1,
                max: MAX_MONTHS,
                unit: "months",
            };
            problems.add(key, bounds);
            None
        }
    };
    let minor_every_months = months("minor_every_months", raw.minor_every_months);
    let lts_every_months = months("lts_every_months", raw.lts_every_months);
    let lts_support_months = months("lts_support_months", raw.lts_support_months);
    if let (Some(minor), Some(lts)) = (minor_every_months, lts_every_months)
        && !lts.is_multiple_of(minor)
    {
        let problem = Problem::NotAMultiple {
            of: "minor_every_months",
            base: minor,
            found: lts,
        };
        problems.add("lts_every_months", problem);
    }
    let lts_in_parallel = raw.lts_in_parallel.filter(|&count| {
        let valid = (1..=MAX_IN_PARALLEL).contains(&count);
        if !valid {
            let bounds = Problem::OutOfBounds {
                found: count,
                min: 1,
                max: MAX_IN_PARALLEL,
                unit: "lines",
            };
            problems.add("lts_in_parallel", bounds);
        }
        valid
    });
    let branch_template = raw.branch_template.and_then(|text| {
        problems.check(|| "branch_template".to_owned(), BranchTemplate::parse(text))
    });
    Some(PolicyRules {
        name: raw.name?.to_owned(),
        comment: raw.comment.map(str::to_owned),
        release_weekday: release_weekday?,
        minor_every_months: minor_every_months?,
        lts_every_months: lts_every_months?,
        lts_support_months: lts_support_months?,
        lts_in_parallel: lts_in_parallel?,
        branch_template: branch_template?,
    })
}

fn weekday(text: &str, problems: &mut Problems) -> Option<Weekday> {
    let weekday = text.parse::<Weekday>().ok();
    if weekday.is_none() {
        let found = text.to_owned();
        problems.add("release_weekday", Problem::Weekday { found });
    }
    weekday
}

/// Where a value of the history is, spelled out only for a problem.
#[derive(Clone, Copy)]
enum At {
    Entry(usize),
    Patch(usize, usize),
}

impl At {
    fn field(self, key: &str) -> String {
        match self {
            Self::Entry(entry) => format!("history[{entry}].{key}"),
            Self::Patch(entry, patch) => format!("history[{entry}].patches[{patch}].{key}"),
        }
    }
}

fn date(problems: &mut Problems, at: At, key: &str, text: Option<&str>) -> Option<NaiveDate> {
    problems.check(|| at.field(key), parse_date(text?))
}

/// The history, checked entry by entry.
#[derive(Default)]
pub(super) struct History {
    pub(super) releases: Vec<Release>,
    /// Entries seen, valid or not.
    entries: usize,
}

impl History {
    /// Checks the next entry against the one before, and keeps it if valid.
    pub(super) fn entry(&mut self, entry: &Entry, problems: &mut Problems) {
        let index = self.entries;
        self.entries += 1;
        let at = At::Entry(index);
        let line = entry
            .line
            .and_then(|text| problems.check(|| at.field("line"), parse_history_line(text)));
        let released = date(problems, at, "released", entry.released);
        let eol = date(problems, at, "eol", entry.eol);
        let (Some(line), Some(released)) = (line, released) else {
            return;
        };
        if let Some(previous) = self.releases.last() {
            check_order(at, previous, line, released, problems);
        }
        if let Some(eol) = eol {
            check_announced_eol(at, line, released, entry.lts, eol, problems);
        }
        let patches = patches(index, line, released, &entry.patches, problems);
        self.releases.push(Release {
            line,
            released,
            lts: entry.lts,
            eol,
            patches,
        });
    }

    /// The history once every entry is checked; a problem when it has none.
    pub(super) fn finish(self, problems: &mut Problems) -> Vec<Release> {
        if self.entries == 0 {
            problems.add("history", Problem::EmptyHistory);
        }
        self.releases
    }
}

fn check_order(
    at: At,
    previous: &Release,
    line: Line,
    released: NaiveDate,
    problems: &mut Problems,
) {
    if line == previous.line {
        problems.add(at.field("line"), Problem::ListedTwice(line));
    } else if line < previous.line {
        let previous = previous.line;
        problems.add(at.field("line"), Problem::LineOrder { line, previous });
    }
    // Two lines may come out on the same day (the later one is then the latest).
    if released < previous.released {
        let problem = Problem::DateOrder {
            line,
            released,
            previous: previous.line,
            previous_released: previous.released,
        };
        problems.add(at.field("released"), problem);
    }
}

fn check_announced_eol(
    at: At,
    line: Line,
    released: NaiveDate,
    lts: Option<bool>,
    eol: NaiveDate,
    problems: &mut Problems,
) {
    if lts != Some(true) {
        problems.add(at.field("eol"), Problem::EolWithoutLts(line));
    } else if eol <= released {
        let problem = Problem::EolNotAfterRelease {
            line,
            eol,
            released,
        };
        problems.add(at.field("eol"), problem);
    }
}

fn patches(
    entry_index: usize,
    line: Line,
    line_released: NaiveDate,
    entries: &[(Option<&str>, Option<&str>)],
    problems: &mut Problems,
) -> Vec<KnownPatch> {
    let mut patches: Vec<KnownPatch> = Vec::with_capacity(entries.len());
    for (i, &(version, released)) in entries.iter().enumerate() {
        let at = At::Patch(entry_index, i);
        let version = version
            .and_then(|text| problems.check(|| at.field("version"), parse_patch_version(text)));
        let released = date(problems, at, "released", released);
        let (Some(version), Some(released)) = (version, released) else {
            continue;
        };
        if Line::of(&version) != line || version.patch == 0 || !version.pre.is_empty() {
            let found = version.clone();
            problems.add(at.field("version"), Problem::NotAPatchOf { line, found });
        } else if let Some(previous) = patches.last()
            && version <= previous.version
        {
            let problem = Problem::PatchOrder {
                version: version.clone(),
                previous: previous.version.clone(),
            };
            problems.add(at.field("version"), problem);
        }
        let floor = patches
            .last()
            .map_or(line_released, |previous| previous.released);
        if released < floor {
            let problem = Problem::PatchDateOrder {
                version: version.clone(),
                released,
                floor,
                line,
            };
            problems.add(at.field("released"), problem);
        }
        patches.push(KnownPatch { version, released });
    }
    patches
}
