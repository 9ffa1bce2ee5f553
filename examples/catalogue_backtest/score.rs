//! One product's back-test: the cuts, the policy the generator rebuilds
//! from each, and its forecasts scored against the full record.

use chrono::NaiveDate;
use serde_json::Value;

use lts_policy::Policy;
use lts_policy::catalogue::ProductRecord;
use lts_policy::forecast::Range;
use lts_policy::lines::{RecordedEnd, Release};

use crate::cut::{cut_record, cut_vendor_file, date};
use crate::shared_score::{Score, cuts, first_projected_after};

/// How far a forecast may be from what happened and still count as right.
const TOLERANCE_DAYS: i64 = 7;
/// The last day endoflife.date's records cover.
const SNAPSHOT: &str = "2026-08-22";

/// One product's scores: next releases and ends of support within 7 days,
/// and of their 80% ranges, how many held the real day and how wide each
/// was.
#[derive(Default, Clone)]
pub struct Scores {
    pub releases: Score,
    pub eols: Score,
    pub release_ranges: Score,
    pub eol_ranges: Score,
    pub release_widths: Vec<i64>,
    pub eol_widths: Vec<i64>,
    /// Next releases one of the simple estimates came within 7 days of,
    /// the nearest chosen after the fact: how far the release days alone
    /// go, whatever the rules.
    pub simple_estimates: Score,
    /// Cuts whose record the generator could not make a policy of.
    pub failed_cuts: u32,
}

impl Scores {
    pub fn merge(&mut self, other: &Self) {
        self.releases.merge(other.releases);
        self.eols.merge(other.eols);
        self.release_ranges.merge(other.release_ranges);
        self.eol_ranges.merge(other.eol_ranges);
        self.release_widths.extend(&other.release_widths);
        self.eol_widths.extend(&other.eol_widths);
        self.simple_estimates.merge(other.simple_estimates);
        self.failed_cuts += other.failed_cuts;
    }

    /// Scores one forecast of `real`, and its range.
    fn add(
        &mut self,
        is_release: bool,
        forecast: Option<NaiveDate>,
        real: NaiveDate,
        range: Option<Range>,
    ) -> bool {
        let right = forecast.is_some_and(|day| (day - real).num_days().abs() <= TOLERANCE_DAYS);
        let (score, ranges, widths) = if is_release {
            (
                &mut self.releases,
                &mut self.release_ranges,
                &mut self.release_widths,
            )
        } else {
            (&mut self.eols, &mut self.eol_ranges, &mut self.eol_widths)
        };
        score.add(right);
        if let Some(range) = range {
            ranges.add(range.contains(real));
            widths.push(range.days());
        }
        right
    }
}

/// The median of `widths`, in days.
pub fn median(widths: &[i64]) -> String {
    let mut widths = widths.to_vec();
    widths.sort_unstable();
    widths
        .get(widths.len().saturating_sub(1) / 2)
        .map_or("-".to_owned(), |days| format!("{days} d"))
}

/// What a product's back-test gives.
pub enum Outcome {
    /// Most of its lines are known by name only: nothing to forecast.
    NamedLines,
    Scored(Scores),
}

/// The first day without support the full record gives `release`, when
/// it is a date that had come by the snapshot.
fn real_end(release: &Release, snapshot: NaiveDate) -> Option<NaiveDate> {
    match release.eol {
        Some(RecordedEnd::On(first_day_after)) if first_day_after.pred_opt()? <= snapshot => {
            Some(first_day_after)
        }
        _ => None,
    }
}

/// Where the policy's rule `rule` comes from (`stated`, `fitted`,
/// `vendor`), for the list of misses.
fn rule_from(policy: &Policy, rule: &str) -> String {
    policy
        .product()
        .and_then(|product| product.rules_from.iter().find(|from| from.rule == rule))
        .map_or("fitted".to_owned(), |rule| rule.from.to_string())
}

/// The full record's facts a cut's forecasts are scored against.
struct WhatCame<'h> {
    name: &'h str,
    history: &'h [Release],
    snapshot: NaiveDate,
    misses: bool,
}

impl WhatCame<'_> {
    /// The first numbered line released after `cut`, by the snapshot.
    fn next_release(&self, cut: NaiveDate) -> Option<&Release> {
        self.history
            .iter()
            .filter(|release| release.line.numbers().is_some())
            .filter(|release| release.released > cut && release.released <= self.snapshot)
            .min_by_key(|release| release.released)
    }

    /// Whether one of the simple estimates of the next release after
    /// `cut` came within 7 days of `real`: the newest release plus the
    /// median of the last 3, 5 or 10 intervals between numbered lines, or
    /// of all (the day after the cut where that has passed), or plus as
    /// many medians of the last 5 as pass the cut.
    fn simple_estimate_right(&self, cut: NaiveDate, real: NaiveDate) -> bool {
        let mut days: Vec<NaiveDate> = self
            .history
            .iter()
            .filter(|release| release.line.numbers().is_some() && release.released <= cut)
            .map(|release| release.released)
            .collect();
        days.sort_unstable();
        let intervals: Vec<i64> = days
            .windows(2)
            .map(|pair| (pair[1] - pair[0]).num_days())
            .collect();
        let (Some(&newest), Some(day_after)) = (days.last(), cut.succ_opt()) else {
            return false;
        };
        let median_of_last = |count: usize| {
            let mut last = intervals[intervals.len().saturating_sub(count)..].to_vec();
            last.sort_unstable();
            match last.len() {
                0 => None,
                len if len % 2 == 1 => Some(last[len / 2]),
                // Halfway between the middle two, in whole days.
                len => Some((last[len / 2 - 1] + last[len / 2]) / 2),
            }
        };
        let mut estimates = Vec::new();
        for count in [3, 5, 10, usize::MAX] {
            if let Some(median) = median_of_last(count) {
                estimates.push((newest + chrono::Days::new(median.unsigned_abs())).max(day_after));
            }
        }
        if let Some(median) = median_of_last(5).filter(|median| *median > 0) {
            let passed = (cut - newest).num_days() / median + 1;
            estimates.push(newest + chrono::Days::new((passed * median).unsigned_abs()));
        }
        estimates
            .iter()
            .any(|day| (*day - real).num_days().abs() <= TOLERANCE_DAYS)
    }

    fn score_next_release(&self, policy: &Policy, cut: NaiveDate, scores: &mut Scores) {
        let Some(next) = self.next_release(cut) else {
            return;
        };
        scores
            .simple_estimates
            .add(self.simple_estimate_right(cut, next.released));
        let projected = first_projected_after(policy, cut);
        let forecast = projected.as_ref().map(|info| info.released);
        let range = projected.as_ref().and_then(|info| info.released_range);
        if !scores.add(true, forecast, next.released, range) && self.misses {
            println!(
                "  {} cut {cut}: next line {} came {}, projected {} {} (releases {})",
                self.name,
                next.line,
                next.released,
                projected
                    .as_ref()
                    .map_or("nothing".to_owned(), |info| info.line.to_string()),
                forecast.map_or("-".to_owned(), |day| day.to_string()),
                rule_from(policy, "releases"),
            );
        }
    }

    /// The numbered lines out by `cut` whose end came after it (after the
    /// day after it: an end the cut record gives is no forecast) and by the
    /// snapshot, each with that end. Taken from the full record, not from
    /// the lines the forecast thinks supported on the cut day: a line the
    /// rules ended before the cut, which in fact ran on, is a miss to
    /// count, not a forecast to leave out.
    fn ends_to_come(&self, cut: NaiveDate) -> impl Iterator<Item = (&Release, NaiveDate)> {
        let after = cut.succ_opt().unwrap_or(cut);
        self.history
            .iter()
            .filter(move |release| release.line.numbers().is_some() && release.released <= cut)
            .filter_map(move |release| {
                real_end(release, self.snapshot)
                    .filter(|&real| real > after)
                    .map(|real| (release, real))
            })
    }

    fn score_ends(&self, policy: &Policy, cut: NaiveDate, scores: &mut Scores) {
        for (release, real) in self.ends_to_come(cut) {
            let info = policy.line(release.line.clone()).ok();
            let forecast = info.as_ref().and_then(|info| info.eol);
            let range = info.as_ref().and_then(|info| info.eol_range);
            if !scores.add(false, forecast, real, range) && self.misses {
                println!(
                    "  {} cut {cut}: {} eol {real}, forecast {} ({}, support {})",
                    self.name,
                    release.line,
                    forecast.map_or("none".to_owned(), |day| day.to_string()),
                    info.as_ref()
                        .map_or("no line", |info| info.eol_reason.name()),
                    rule_from(policy, "support"),
                );
            }
        }
    }

    /// A cut the generator could not rebuild foresees nothing: its next
    /// release and the ends of the lines out by then count as missed.
    fn score_failed_cut(&self, cut: NaiveDate, why: &str, scores: &mut Scores) {
        scores.failed_cuts += 1;
        if self.misses {
            println!("  {} cut {cut}: no policy: {why}", self.name);
        }
        if let Some(next) = self.next_release(cut) {
            scores.add(true, None, next.released, None);
            scores
                .simple_estimates
                .add(self.simple_estimate_right(cut, next.released));
        }
        for (_, real) in self.ends_to_come(cut) {
            scores.add(false, None, real, None);
        }
    }
}

/// The back-test of `record`, with the vendor's policy file `vendor`
/// where the program carries one for it.
pub fn backtest(
    record: &ProductRecord,
    vendor: Option<&str>,
    misses: bool,
) -> Result<Outcome, String> {
    let vendor_file: Option<Value> = vendor
        .map(serde_json::from_str)
        .transpose()
        .map_err(|err| format!("the vendor's rules: {err}"))?;
    let vendor = vendor
        .map(Policy::from_json)
        .transpose()
        .map_err(|err| format!("the vendor's rules: {err}"))?;
    let full = record
        .policy(vendor.as_ref())
        .map_err(|err| err.to_string())?;
    let history = full.history();
    let numbered = history
        .iter()
        .filter(|release| release.line.numbers().is_some())
        .count();
    if numbered * 2 <= history.len() {
        return Ok(Outcome::NamedLines);
    }
    let what_came = WhatCame {
        name: &record.name,
        history,
        snapshot: date(SNAPSHOT).ok_or("the snapshot's day")?,
        misses,
    };
    let mut scores = Scores::default();
    for cut in cuts(what_came.snapshot) {
        let Some(cut_record) = cut_record(record, cut) else {
            continue;
        };
        let cut_vendor = vendor_file
            .as_ref()
            .and_then(|file| cut_vendor_file(file, cut))
            .map(|json| Policy::from_json(&json))
            .transpose()
            .map_err(|err| format!("the vendor's rules at {cut}: {err}"))?;
        match cut_record.policy(cut_vendor.as_ref()) {
            Ok(policy) => {
                what_came.score_next_release(&policy, cut, &mut scores);
                what_came.score_ends(&policy, cut, &mut scores);
            }
            Err(err) => what_came.score_failed_cut(cut, &err.to_string(), &mut scores),
        }
    }
    Ok(Outcome::Scored(scores))
}
