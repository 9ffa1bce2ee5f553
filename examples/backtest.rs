//! Back-test: how well each example policy's rules foresee what really
//! happened. Each history is cut at the end of every quarter of the two
//! years before its data ends (endoflife.date's snapshot, 2026-08-22): the
//! lines released by the cut are kept with their patches and declared LTS
//! flags, and the ends of support and of active support that came by the
//! cut, but not the later ones (an LTS start dated after the cut becomes a
//! plain `true`), and
//! `history_as_of` is the cut. From each cut the model projects the next
//! line's release, and the end of support and of active support of every
//! line it supports on that day; each is compared with the full history,
//! and counts as right within 7 days.
//!
//! Each cut is forecast three times: by the published rules, by rules
//! fitted to the history up to the cut alone (`policy --fit`), and by the
//! published rules with the fit in the place of those the file leaves out.
//!
//! Run by hand, not in CI: `cargo run --release --example backtest`, with
//! `-- --misses` to list every miss, or `-- FILE...` for other policies.

#[path = "shared/score.rs"]
mod score;

use std::process::ExitCode;

use chrono::NaiveDate;
use serde_json::Value;

use lts_policy::fit::Draft;
use lts_policy::{Line, Policy, PolicyError, parse_date};

use score::{Score, cuts, first_projected_after};

/// How far a forecast may be from what happened and still count as right.
const TOLERANCE_DAYS: i64 = 7;
/// The last day endoflife.date's records cover.
const SNAPSHOT: &str = "2026-08-22";
/// One project's scores: next releases, ends of support, ends of active
/// support; and of the next releases' 80% ranges, how many held the real
/// release and how wide each was.
#[derive(Default, Clone)]
struct Scores {
    releases: Score,
    eols: Score,
    active: Score,
    ranges: Score,
    widths: Vec<i64>,
}

impl Scores {
    fn merge(&mut self, other: &Self) {
        self.releases.merge(other.releases);
        self.eols.merge(other.eols);
        self.active.merge(other.active);
        self.ranges.merge(other.ranges);
        self.widths.extend(&other.widths);
    }

    /// The median width of the ranges, in days.
    fn width(&self) -> String {
        let mut widths = self.widths.clone();
        widths.sort_unstable();
        widths
            .get(widths.len().saturating_sub(1) / 2)
            .map_or("-".to_owned(), |days| format!("{days} d"))
    }
}

fn date(text: &str) -> NaiveDate {
    parse_date(text).unwrap_or(NaiveDate::MIN)
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
        // An end that came by the cut is history then; a later one is the
        // forecast's to find.
        for field in ["eol", "active_until"] {
            if entry
                .get(field)
                .and_then(Value::as_str)
                .is_some_and(|day| date(day) > cut)
            {
                entry.remove(field);
            }
        }
        // An LTS start not come by the cut is the rule's to say.
        if entry
            .get("lts")
            .and_then(Value::as_str)
            .is_some_and(|day| date(day) > cut)
        {
            entry.insert("lts".to_owned(), Value::Bool(true));
        }
        if let Some(Value::Array(patches)) = entry.get_mut("patches") {
            patches.retain(|patch| {
                patch["released"]
                    .as_str()
                    .is_some_and(|day| date(day) <= cut)
            });
        }
    }
    file["history_as_of"] = cut.to_string().into();
    // A patch record complete up to a later day (Kestra's) is complete up
    // to the cut, on the day of the cut.
    if file
        .get("patches_as_of")
        .and_then(Value::as_str)
        .is_some_and(|day| date(day) > cut)
    {
        file["patches_as_of"] = cut.to_string().into();
    }
    Some(file.to_string())
}

/// A date the full history records for a line, by the line's name and the
/// entry's field (`eol`, `active_until`).
fn recorded(file: &Value, line: &Line, field: &str) -> Option<NaiveDate> {
    let name = line.to_string();
    file["history"]
        .as_array()?
        .iter()
        .find(|entry| entry["line"] == name.as_str())
        .and_then(|entry| entry[field].as_str())
        .map(date)
}

fn within(forecast: NaiveDate, real: NaiveDate) -> bool {
    (forecast - real).num_days().abs() <= TOLERANCE_DAYS
}

/// The policies forecasting from a cut: the published rules; the rules
/// fitted to the history up to the cut alone; the published rules with the
/// fit in the place of those the file leaves out.
#[derive(Clone, Copy)]
enum Rules {
    Published,
    Fitted,
    Completed,
}

impl Rules {
    const ALL: [Self; 3] = [Self::Published, Self::Fitted, Self::Completed];

    fn name(self) -> &'static str {
        match self {
            Self::Published => "published rules",
            Self::Fitted => "rules fitted to the history up to each cut",
            Self::Completed => "published rules, the fit where they leave one out",
        }
    }

    /// The policy of these rules at a cut, from the cut file's text.
    fn at_cut(self, json: &str) -> Result<Policy, PolicyError> {
        match self {
            Self::Published => Policy::from_json(json),
            Self::Fitted => Draft::of_history(&Policy::from_json(json)?)
                .fit()
                .map(|fit| fit.policy),
            // A fit completes a policy's own rules, not its changes: a file
            // with changes forecasts as published.
            Self::Completed => match Draft::from_json(json) {
                Err(PolicyError::InvalidPolicy { path, .. }) if path == "changes" => {
                    Policy::from_json(json)
                }
                draft => draft?.fit().map(|fit| fit.policy),
            },
        }
    }
}

fn backtest(path: &str, rules: Rules, misses: bool) -> Result<Scores, String> {
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
        let policy = rules
            .at_cut(&json)
            .map_err(|err| format!("{path} at {cut}: {err}"))?;
        let known = policy.history().len();
        if let Some(next) = history.get(known).filter(|next| next.released <= end) {
            let projected = first_projected_after(&policy, cut);
            let forecast = projected.as_ref().map(|info| info.released);
            let right = forecast.is_some_and(|forecast| within(forecast, next.released));
            scores.releases.add(right);
            if let Some(range) = projected.and_then(|info| info.released_range) {
                scores.ranges.add(range.contains(next.released));
                scores.widths.push(range.days());
            }
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
            for (field, forecast, score) in [
                ("eol", info.eol, &mut scores.eols),
                ("active_until", info.active_until, &mut scores.active),
            ] {
                let Some(real) = recorded(&file, &info.line, field) else {
                    continue;
                };
                let right = forecast.is_some_and(|forecast| within(forecast, real));
                score.add(right);
                if misses && !right {
                    println!(
                        "  {path} cut {cut}: {} {field} {real}, forecast {} ({})",
                        info.line,
                        forecast.map_or("none".to_owned(), |day| day.to_string()),
                        match field {
                            "eol" => info.eol_reason.name(),
                            _ => info.active_end.name(),
                        }
                    );
                }
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
    for rules in Rules::ALL {
        println!("{}:", rules.name());
        println!(
            "{:<20} {:>14} {:>14} {:>14} {:>14} {:>7}",
            "policy", "next release", "eol", "active end", "in 80% range", "width"
        );
        let mut total = Scores::default();
        for path in &paths {
            match backtest(path, rules, misses) {
                Ok(scores) => {
                    println!(
                        "{:<20} {:>14} {:>14} {:>14} {:>14} {:>7}",
                        path.trim_start_matches("examples/")
                            .trim_end_matches(".json"),
                        scores.releases.cell(),
                        scores.eols.cell(),
                        scores.active.cell(),
                        scores.ranges.cell(),
                        scores.width()
                    );
                    total.merge(&scores);
                }
                Err(err) => {
                    eprintln!("error: {err}");
                    return ExitCode::from(2);
                }
            }
        }
        println!(
            "{:<20} {:>14} {:>14} {:>14} {:>14} {:>7}\n",
            "all",
            total.releases.cell(),
            total.eols.cell(),
            total.active.cell(),
            total.ranges.cell(),
            total.width()
        );
    }
    ExitCode::SUCCESS
}
