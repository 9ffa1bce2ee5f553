//! Back-test: how well each example policy's rules foresee what really
//! happened. Each history is cut at the end of every quarter of the two
//! years before its data ends (endoflife.date's snapshot, 2026-08-22): the
//! lines released by the cut are kept with their patches and declared LTS
//! flags, but not their recorded ends of support, and `history_as_of` is
//! the cut. From each cut the model projects the next line's release and
//! the end of support of every line it supports on that day; both are
//! compared with the full history, and count as right within 7 days.
//!
//! Run by hand, not in CI: `cargo run --release --example backtest`, with
//! `-- --misses` to list every miss, or `-- FILE...` for other policies.
//!
//! Two rules the model does not have are measured beside it, as proposals:
//! a support period counted from the day the schedule had a line due
//! rather than the day it came out (`scheduled`), and the last minor of a
//! major supported longer (`last-minor`, with the periods vendors publish
//! for it in [`LAST_MINOR_MONTHS`]).

use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use lts_policy::dates::add_months;
use lts_policy::lines::EolReason;
use lts_policy::rules::Support;
use lts_policy::{Line, LineInfo, Policy, parse_date};

/// How far a forecast may be from what happened and still count as right.
const TOLERANCE_DAYS: i64 = 7;
/// The last day endoflife.date's records cover.
const SNAPSHOT: &str = "2026-08-22";
/// Months of support for the last minor of a major, for the vendors that
/// publish one: Grafana supports it 15 months instead of 9.
const LAST_MINOR_MONTHS: &[(&str, u32)] = &[("grafana", 15)];

/// Right and total forecasts of one kind.
#[derive(Default, Clone, Copy)]
struct Score {
    right: u32,
    total: u32,
}

impl Score {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += u32::from(right);
    }

    fn merge(&mut self, other: Self) {
        self.right += other.right;
        self.total += other.total;
    }

    fn percent(self) -> String {
        match self.total {
            0 => "-".to_owned(),
            total => format!("{:.0}%", f64::from(self.right) * 100.0 / f64::from(total)),
        }
    }

    fn cell(self) -> String {
        format!("{}/{} {}", self.right, self.total, self.percent())
    }
}

/// One project's scores: next releases, ends of support as the model has
/// them, and under each proposed rule.
#[derive(Default, Clone, Copy)]
struct Scores {
    releases: Score,
    eols: Score,
    scheduled: Score,
    last_minor: Score,
}

impl Scores {
    fn merge(&mut self, other: Self) {
        self.releases.merge(other.releases);
        self.eols.merge(other.eols);
        self.scheduled.merge(other.scheduled);
        self.last_minor.merge(other.last_minor);
    }
}

fn date(text: &str) -> NaiveDate {
    parse_date(text).unwrap_or(NaiveDate::MIN)
}

/// The last day of each quarter in the two years before `end`.
fn cuts(end: NaiveDate) -> Vec<NaiveDate> {
    let mut cuts = Vec::new();
    let mut year = end.year() - 2;
    let mut quarter = 0;
    loop {
        quarter += 1;
        if quarter > 4 {
            quarter = 1;
            year += 1;
        }
        let first_of_next = NaiveDate::from_ymd_opt(year, quarter * 3, 1)
            .and_then(|first| add_months(first, 1))
            .unwrap_or(NaiveDate::MAX);
        let Some(cut) = first_of_next.pred_opt() else {
            break;
        };
        if cut >= end {
            break;
        }
        if cut > end - chrono::Days::new(731) {
            cuts.push(cut);
        }
    }
    cuts
}

/// The policy file as it would have been on `cut`.
fn cut_file(file: &Value, cut: NaiveDate) -> Option<String> {
    let mut file = file.clone();
    let history = file["history"].as_array_mut()?;
    history.retain(|entry| {
        entry["released"]
            .as_str()
            .is_some_and(|day| date(day) <= cut)
    });
    if history.is_empty() {
        return None;
    }
    for entry in history.iter_mut() {
        let entry = entry.as_object_mut()?;
        entry.remove("eol");
        if let Some(Value::Array(patches)) = entry.get_mut("patches") {
            patches.retain(|patch| {
                patch["released"]
                    .as_str()
                    .is_some_and(|day| date(day) <= cut)
            });
        }
    }
    file["history_as_of"] = cut.to_string().into();
    Some(file.to_string())
}

/// The recorded end of support of a line, by name.
fn recorded_eol(file: &Value, line: Line) -> Option<NaiveDate> {
    let name = line.to_string();
    file["history"]
        .as_array()?
        .iter()
        .find(|entry| entry["line"] == name.as_str())
        .and_then(|entry| entry["eol"].as_str())
        .map(date)
}

/// The support rule whose period ends a line, if a period does.
fn period_rule(policy: &Policy, info: &LineInfo) -> Option<Support> {
    match info.eol_reason {
        EolReason::SupportPeriod => Some(*policy.support()),
        EolReason::LtsSupportPeriod => policy.lts_rule().map(|lts| lts.support),
        _ => None,
    }
}

/// Proposal `scheduled`: a support period counted from the day the
/// release schedule had the line due after the line before it.
fn scheduled_eol(policy: &Policy, previous: Option<NaiveDate>, info: &LineInfo) -> NaiveDate {
    let (Some(rule), Some(previous)) = (period_rule(policy, info), previous) else {
        return info.eol;
    };
    let due = policy.releases_schedule().nth(previous, 1);
    let months = rule.months.map(u64::from);
    due.zip(months)
        .and_then(|(due, months)| add_months(due, months))
        .and_then(|end| rule.round(end))
        .unwrap_or(info.eol)
}

/// Proposal `last-minor`: the last minor of a major (the line the model
/// has followed by an `X.0`) supported for the months its vendor states.
fn last_minor_eol(policy: &Policy, info: &LineInfo) -> NaiveDate {
    let Some(&(_, months)) = LAST_MINOR_MONTHS
        .iter()
        .find(|(name, _)| *name == policy.name())
    else {
        return info.eol;
    };
    let next = policy.latest_on(info.latest_until).ok().flatten();
    let is_last_minor =
        next.is_some_and(|next| next.line.minor == Some(0) && next.line.major > info.line.major);
    if !is_last_minor {
        return info.eol;
    }
    add_months(info.released, u64::from(months))
        .and_then(|end| policy.support().round(end))
        .map_or(info.eol, |end| end.max(info.eol))
}

fn within(forecast: NaiveDate, real: NaiveDate) -> bool {
    (forecast - real).num_days().abs() <= TOLERANCE_DAYS
}

fn backtest(path: &str, misses: bool) -> Result<Scores, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{path}: {err}"))?;
    let file: Value = serde_json::from_str(&text).map_err(|err| format!("{path}: {err}"))?;
    let full = Policy::from_json(&text).map_err(|err| format!("{path}: {err}"))?;
    let history = full.history();
    let end = date(SNAPSHOT);
    let mut scores = Scores::default();
    for cut in cuts(end) {
        let Some(json) = cut_file(&file, cut) else {
            continue;
        };
        let policy = Policy::from_json(&json).map_err(|err| format!("{path} at {cut}: {err}"))?;
        let known = policy.history().len();
        if let Some(next) = history.get(known).filter(|next| next.released <= end) {
            // The first line the model projects after the cut.
            let forecast = cut
                .succ_opt()
                .and_then(|after| policy.releases(Some(after), add_months(cut, 60), cut).ok())
                .and_then(|calendar| calendar.lines().next())
                .and_then(Result::ok)
                .map(|info| info.released);
            let right = forecast.is_some_and(|forecast| within(forecast, next.released));
            scores.releases.add(right);
            if misses && !right {
                println!(
                    "  {path} cut {cut}: next line {} came {}, projected {}",
                    next.line,
                    next.released,
                    forecast.map_or("nothing".to_owned(), |day| day.to_string())
                );
            }
        }
        let Ok(supported) = policy.supported_on(cut) else {
            continue;
        };
        for line in supported {
            let info = &line.info;
            let Some(real) = recorded_eol(&file, info.line) else {
                continue;
            };
            let index = history.iter().position(|release| release.line == info.line);
            let previous = index
                .and_then(|at| at.checked_sub(1))
                .map(|at| history[at].released);
            let right = within(info.eol, real);
            scores.eols.add(right);
            scores
                .scheduled
                .add(within(scheduled_eol(&policy, previous, info), real));
            scores
                .last_minor
                .add(within(last_minor_eol(&policy, info), real));
            if misses && !right {
                println!(
                    "  {path} cut {cut}: {} ends {real}, forecast {} ({})",
                    info.line,
                    info.eol,
                    info.eol_reason.name()
                );
            }
        }
    }
    Ok(scores)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|arg| arg == "--misses");
    let mut paths: Vec<String> = args.into_iter().filter(|arg| arg != "--misses").collect();
    if paths.is_empty() {
        let Ok(entries) = std::fs::read_dir("examples") else {
            eprintln!("error: run from the repository's root, or name policy files");
            return ExitCode::from(2);
        };
        paths = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .filter_map(|path| path.to_str().map(str::to_owned))
            .collect();
        paths.sort();
    }
    println!(
        "{:<28} {:>16} {:>16} {:>16} {:>16}",
        "policy", "next release", "eol", "eol scheduled", "eol last-minor"
    );
    let mut total = Scores::default();
    for path in &paths {
        match backtest(path, misses) {
            Ok(scores) => {
                println!(
                    "{:<28} {:>16} {:>16} {:>16} {:>16}",
                    path.trim_start_matches("examples/"),
                    scores.releases.cell(),
                    scores.eols.cell(),
                    scores.scheduled.cell(),
                    scores.last_minor.cell()
                );
                total.merge(scores);
            }
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::from(2);
            }
        }
    }
    println!(
        "{:<28} {:>16} {:>16} {:>16} {:>16}",
        "all",
        total.releases.cell(),
        total.eols.cell(),
        total.scheduled.cell(),
        total.last_minor.cell()
    );
    ExitCode::SUCCESS
}
