//! The release and patch schedules a history follows: every cadence of
//! the vocabulary, each with the day rules the history's own days suggest
//! (its two commonest weekdays, at every place in the month, and its
//! commonest day of the month).

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::notes::{FEWEST_STEPS, FitBasis, PATCH_WITHIN_DAYS, WITHIN_DAYS};
use super::seen::Seen;
use super::track::{Candidate, Track, choose};
use crate::policy::dates::days_between;
use crate::policy::rules::line_rules::Patches;
use crate::policy::rules::schedule::{Cadence, DayRule, Nth, Schedule};

/// The month cadences tried: every 1 to 12 months, and every 18, 24, 36.
const MONTHS: [u32; 15] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 18, 24, 36];

/// The week cadences tried for releases.
const RELEASE_WEEKS: u32 = 8;

/// The week cadences tried for patches.
const PATCH_WEEKS: u32 = 4;

/// The places in a month a weekday rule is tried at.
const NTHS: [Nth; 5] = [
    Nth::Number(1),
    Nth::Number(2),
    Nth::Number(3),
    Nth::Number(4),
    Nth::Last,
];

/// The share of dates (by weight) on one weekday from which the rule
/// names it.
const ONE_WEEKDAY_SHARE: f64 = 0.5;

/// A month is this many days on average (the Gregorian mean).
pub(super) const MONTH_DAYS: f64 = 30.436_875;

/// The schedule of the history's releases: the one that best foresees each
/// release from the one before, or, where none foresees any, the mean
/// interval between them (the least complex of rules that all miss, every
/// week, would project a line a week). The schedule numbers new lines, so the
/// lines known by name only (phone models, which come several a day) are
/// not its steps.
pub(super) fn releases(seen: &Seen) -> (Schedule, FitBasis) {
    let dates: Vec<NaiveDate> = seen
        .lines
        .iter()
        .filter(|line| line.line.numbers().is_some())
        .map(|line| line.released)
        .collect();
    let steps = u32::try_from(dates.len().saturating_sub(1)).unwrap_or(u32::MAX);
    if steps < FEWEST_STEPS {
        return (simplest(&dates), FitBasis::TooShort { steps });
    }
    let days = DayHabits::of(&dates, seen);
    let mut cadences: Vec<(Cadence, u32)> = (1..=RELEASE_WEEKS)
        .map(|weeks| (Cadence::EveryWeeks(weeks), 0))
        .chain(
            MONTHS
                .iter()
                .map(|&months| (Cadence::EveryMonths(months), 0)),
        )
        .collect();
    cadences.extend(listed_months(&dates, seen).map(|months| (Cadence::InMonths(months), 1)));
    let weights: Vec<f64> = dates[1..].iter().map(|day| seen.weight(*day)).collect();
    let mut candidates = Vec::new();
    for (cadence, cadence_cost) in cadences {
        for (on, day_cost) in days.rules(&cadence) {
            let schedule = Schedule::new(cadence.clone(), on);
            let mut track = Track::default();
            for (pair, weight) in dates.windows(2).zip(&weights) {
                let error = schedule
                    .nth(pair[0], 1)
                    .map(|due| days_between(pair[1], due));
                track.step(*weight, error, i64::from(WITHIN_DAYS));
            }
            candidates.push(Candidate {
                rule: schedule,
                complexity: cadence_cost + day_cost,
                track,
            });
        }
    }
    match choose(&candidates).map(|(rule, track)| (rule, FitBasis::of(track, WITHIN_DAYS))) {
        Some((_, basis @ FitBasis::Irregular { hits: 0, .. })) => (simplest(&dates), basis),
        Some((rule, basis)) => (rule, basis),
        None => (simplest(&dates), FitBasis::TooShort { steps }),
    }
}

/// The patch schedule of the history: the one that best foresees each
/// patch from the one before it (a line's first from its release), or
/// `"recorded"` when none foresees half of them.
pub(super) fn patches(seen: &Seen) -> (Patches, FitBasis) {
    // (line's release, the day before, the patch's day), oldest first.
    let mut steps: Vec<(NaiveDate, NaiveDate, NaiveDate)> = Vec::new();
    for line in &seen.lines {
        let mut before = line.released;
        let mut days: Vec<NaiveDate> = line.patches.iter().map(|patch| patch.released).collect();
        days.sort_unstable();
        for day in days {
            steps.push((line.released, before, day));
            before = day;
        }
    }
    steps.sort_by_key(|&(_, _, day)| day);
    let count = u32::try_from(steps.len()).unwrap_or(u32::MAX);
    if count < FEWEST_STEPS {
        return (Patches::Recorded, FitBasis::TooShort { steps: count });
    }
    let dates: Vec<NaiveDate> = steps.iter().map(|&(_, _, day)| day).collect();
    let days = DayHabits::of(&dates, seen);
    let cadences = (1..=PATCH_WEEKS)
        .map(Cadence::EveryWeeks)
        .chain([Cadence::EveryMonths(1)]);
    let weights: Vec<f64> = dates.iter().map(|day| seen.weight(*day)).collect();
    let mut candidates = Vec::new();
    for cadence in cadences {
        for (on, complexity) in days.rules(&cadence) {
            let schedule = Schedule::new(cadence.clone(), on);
            let mut track = Track::default();
            for (&(anchor, before, day), weight) in steps.iter().zip(&weights) {
                let error = schedule
                    .next_after(anchor, before)
                    .map(|due| days_between(day, due));
                track.step(*weight, error, i64::from(PATCH_WITHIN_DAYS));
            }
            candidates.push(Candidate {
                rule: schedule,
                complexity,
                track,
            });
        }
    }
    let Some((rule, track)) = choose(&candidates) else {
        return (Patches::Recorded, FitBasis::TooShort { steps: count });
    };
    match FitBasis::of(track, PATCH_WITHIN_DAYS) {
        basis @ FitBasis::Fitted { .. } => (Patches::Scheduled(rule), basis),
        basis => (Patches::Recorded, basis),
    }
}

/// The simplest schedule for a history too short, or too irregular, to
/// fit: its mean interval in whole months (in weeks, under a month), on the
/// day it comes due; monthly for a single line.
fn simplest(dates: &[NaiveDate]) -> Schedule {
    let cadence = match (dates.first(), dates.last()) {
        (Some(first), Some(last)) if dates.len() > 1 => {
            let mean = days_between(*first, *last) as f64 / (dates.len() - 1) as f64;
            if mean >= MONTH_DAYS - 3.0 {
                Cadence::EveryMonths(whole(mean / MONTH_DAYS))
            } else {
                Cadence::EveryWeeks(whole(mean / 7.0))
            }
        }
        _ => Cadence::EveryMonths(1),
    };
    Schedule::new(cadence, DayRule::Due)
}

/// `value` rounded, at least 1 and at most 1,200.
pub(super) fn whole(value: f64) -> u32 {
    // Clamped first: the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = value.round().clamp(1.0, 1200.0) as u32;
    whole
}

/// The months releases came in over the history's last three years, when
/// they are two to six of the twelve and each came in two years at least:
/// a yearly calendar such as April, August and December.
fn listed_months(dates: &[NaiveDate], seen: &Seen) -> Option<Vec<u32>> {
    let since = seen.newest.checked_sub_days(Days::new(3 * 365))?;
    let mut years: BTreeMap<u32, Vec<i32>> = BTreeMap::new();
    for day in dates.iter().filter(|day| **day >= since) {
        years.entry(day.month()).or_default().push(day.year());
    }
    // A month of one year alone is a slip (Node.js 24 in May), not the
    // calendar.
    let months: Vec<u32> = years
        .into_iter()
        .filter(|(_, in_years)| {
            let mut in_years = in_years.clone();
            in_years.dedup();
            in_years.len() >= 2
        })
        .map(|(month, _)| month)
        .collect();
    (2..=6).contains(&months.len()).then_some(months)
}

/// The days a history's dates fall on, weighted by recency.
struct DayHabits {
    /// Its two commonest weekdays, the commonest first.
    weekdays: Vec<Weekday>,
    /// Whether nearly every date (by weight) falls on the commonest: then
    /// naming it is the simplest rule, as it says what the history shows.
    one_weekday: bool,
    /// Its commonest day of the month.
    day: Option<u32>,
}

impl DayHabits {
    fn of(dates: &[NaiveDate], seen: &Seen) -> Self {
        let commonest = |counts: BTreeMap<u32, f64>| -> Vec<u32> {
            let mut counts: Vec<(u32, f64)> = counts.into_iter().collect();
            // By weight, then by key: the same order every run.
            counts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            counts.into_iter().map(|(key, _)| key).collect()
        };
        let mut weekdays = BTreeMap::new();
        let mut days = BTreeMap::new();
        for date in dates {
            let weight = seen.weight(*date);
            *weekdays
                .entry(date.weekday().num_days_from_monday())
                .or_insert(0.0) += weight;
            *days.entry(date.day()).or_insert(0.0) += weight;
        }
        let total: f64 = weekdays.values().sum();
        let top = weekdays.values().copied().fold(0.0, f64::max);
        let one_weekday = total > 0.0 && top >= ONE_WEEKDAY_SHARE * total;
        let weekdays: Vec<Weekday> = commonest(weekdays)
            .into_iter()
            .take(2)
            .filter_map(|day| Weekday::try_from(u8::try_from(day).ok()?).ok())
            .collect();
        Self {
            weekdays,
            one_weekday,
            day: commonest(days).first().copied(),
        }
    }

    /// The day rules to try with `cadence`, each with how complex it is.
    fn rules(&self, cadence: &Cadence) -> Vec<(DayRule, u32)> {
        let (due, first) = if self.one_weekday { (1, 0) } else { (0, 1) };
        let mut rules = vec![(DayRule::Due, due)];
        rules.extend(
            self.weekdays
                .iter()
                .enumerate()
                .map(|(at, &day)| (DayRule::Weekday(day), if at == 0 { first } else { 1 })),
        );
        if !matches!(cadence, Cadence::EveryWeeks(_)) {
            // Every place in the month of the two commonest weekdays: a
            // vendor's "3rd Wednesday" may fall 4th where its month starts
            // late, and the commonest place need not be the rule.
            for &weekday in &self.weekdays {
                for nth in NTHS {
                    rules.push((DayRule::NthWeekday(nth, weekday), 2));
                }
            }
            rules.extend(self.day.map(|day| (DayRule::DayOfMonth(day), 2)));
        }
        rules
    }
}
