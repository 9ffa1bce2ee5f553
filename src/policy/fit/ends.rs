//! The support rules a history's recorded ends follow: until a later
//! line's release (with a grace the ends suggest), a period from the
//! release (rounded to a calendar boundary or not), or the earlier of the
//! two. Each recorded end is foreseen from the releases recorded, as the
//! model would work it out once those lines are out.

use chrono::NaiveDate;

use super::notes::{FitBasis, WITHIN_DAYS};
use super::schedules::{MONTH_DAYS, whole};
use super::seen::Seen;
use super::track::{Candidate, Track, choose};
use crate::policy::dates::days_between;
use crate::policy::lines::RecordedEnd;
use crate::policy::rules::line_rules::{Period, Round, Support};

/// The most lines later a support may last until.
const MOST_LINES_LATER: u32 = 6;

/// The most lines later a support kept for the lines a history still
/// supports may last until (as many as a policy file takes).
const MOST_LINES_KEPT: u32 = 100;

/// The newest ends a period is also taken from.
const RECENT_ENDS: usize = 3;

/// The most lines later tried with a period, as "12 months or until the
/// 2nd LTS line after".
const MOST_LINES_WITH_PERIOD: u32 = 4;

/// A recorded end a rule is fitted to: the line's place in the history,
/// and the day.
#[derive(Debug, Clone, Copy)]
pub(super) struct Target {
    pub(super) index: usize,
    pub(super) end: NaiveDate,
}

/// How a rule's end becomes the end the history records: the line, the
/// rule's end, and what the model makes of it (the later of it and the
/// support every line has, for an LTS line; between the next release and
/// the eol, for active support).
pub(super) trait Ends {
    /// The release of the line `places` lines (or LTS lines) after the one
    /// at `index`, when the history has it.
    fn successor(&self, index: usize, places: u32) -> Option<NaiveDate>;

    /// The end the model gives the line at `index` when the rule alone
    /// would end it on `rule_end`.
    fn end(&self, index: usize, rule_end: NaiveDate) -> Option<NaiveDate>;
}

/// The rule that best foresees `targets`; `None` when there is none to
/// fit.
pub(super) fn fit(seen: &Seen, targets: &[Target], ends: &dyn Ends) -> Option<(Support, FitBasis)> {
    let mut targets = targets.to_vec();
    targets.sort_by_key(|target| target.end);
    if targets.is_empty() {
        return None;
    }
    let candidates: Vec<Candidate<Support>> = rules(seen, &targets, ends)
        .into_iter()
        .map(|(rule, complexity)| Candidate {
            track: score(seen, &targets, ends, &rule),
            rule,
            complexity,
        })
        .collect();
    choose(&candidates).map(|(rule, track)| (rule, FitBasis::of(track, WITHIN_DAYS)))
}

/// How well `rule` foresees `targets`, in the order of their ends.
fn score(seen: &Seen, targets: &[Target], ends: &dyn Ends, rule: &Support) -> Track {
    let mut track = Track::default();
    for target in targets {
        let successor = rule
            .until_next
            .and_then(|places| ends.successor(target.index, places));
        let error = rule
            .end(seen.lines[target.index].released, successor)
            .and_then(|rule_end| ends.end(target.index, rule_end))
            .map(|end| days_between(target.end, end));
        track.step(seen.weight(target.end), error, i64::from(WITHIN_DAYS));
    }
    track
}

/// The candidates, each with how complex it is.
fn rules(seen: &Seen, targets: &[Target], ends: &dyn Ends) -> Vec<(Support, u32)> {
    let mut rules = Vec::new();
    for places in 1..=MOST_LINES_LATER {
        until_next_rules(places, targets, ends, &mut rules);
    }
    for period in periods_near(seen, targets) {
        for (round, complexity) in [
            (Round::Exact, 0),
            (Round::MonthEnd, 1),
            (Round::QuarterEnd, 1),
            (Round::YearEnd, 1),
        ] {
            let rule = Support {
                period: Some(period),
                until_next: None,
                round,
                ..Support::UNTIL_NEXT_LINE
            };
            rules.push((rule, complexity));
        }
        for places in 1..=MOST_LINES_WITH_PERIOD {
            let rule = Support {
                period: Some(period),
                until_next: Some(places),
                ..Support::UNTIL_NEXT_LINE
            };
            rules.push((rule, 2));
        }
    }
    rules
}

/// The candidates that end a line with the release `places` later: on it,
/// and with the grace the ends suggest, how long after the successor's
/// release they come, in the middle.
fn until_next_rules(
    places: u32,
    targets: &[Target],
    ends: &dyn Ends,
    rules: &mut Vec<(Support, u32)>,
) {
    let until = Support {
        until_next: Some(places),
        ..Support::UNTIL_NEXT_LINE
    };
    rules.push((until, 0));
    let after: Vec<i64> = targets
        .iter()
        .filter_map(|target| {
            let successor = ends.successor(target.index, places)?;
            Some(days_between(successor, target.end))
        })
        .collect();
    match median(&after) {
        // The successor's release is the last day supported: an end as
        // endoflife.date writes its `eol(x) = releaseDate(x+N)`, the day
        // after, as simple a rule as the release's own day.
        Some(1) => {
            let last_day = Support {
                grace: Some(Period::Days(1)),
                ..until
            };
            rules.push((last_day, 0));
        }
        Some(grace) if grace > i64::from(WITHIN_DAYS) / 2 => {
            let grace = Support {
                grace: Some(period_of(grace)),
                ..until
            };
            rules.push((grace, 1));
        }
        _ => {}
    }
}

/// The periods about as long as the lines lasted, over the whole history
/// and over its newest ends, which a period that grew lasts.
fn periods_near(seen: &Seen, targets: &[Target]) -> Vec<Period> {
    let lasted: Vec<i64> = targets
        .iter()
        .map(|target| days_between(seen.lines[target.index].released, target.end))
        .collect();
    let newest = &lasted[lasted.len().saturating_sub(RECENT_ENDS)..];
    let mut periods: Vec<Period> = Vec::new();
    for lasted in [median(&lasted), median(newest)].into_iter().flatten() {
        let near = match period_of(lasted) {
            _ if lasted <= 0 => Vec::new(),
            Period::Months(months) => (months.saturating_sub(1).max(1)..=months + 1)
                .map(Period::Months)
                .collect(),
            short => vec![short],
        };
        for period in near {
            if !periods.contains(&period) {
                periods.push(period);
            }
        }
    }
    periods
}

/// A length in days as a period of the largest unit that holds it about
/// whole: months from four weeks on, then weeks, then days.
fn period_of(days: i64) -> Period {
    let days_f = days as f64;
    if days_f >= MONTH_DAYS - 3.0 {
        Period::Months(whole(days_f / MONTH_DAYS))
    } else if days >= 7 {
        Period::Weeks(whole(days_f / 7.0))
    } else {
        Period::Days(u32::try_from(days.max(1)).unwrap_or(1))
    }
}

/// The middle value (the lower of the two middle ones).
pub(super) fn median(values: &[i64]) -> Option<i64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len().checked_sub(1)? / 2).copied()
}

/// Lines counted one by one: the support every line has.
pub(super) struct EveryLine<'s, 'h> {
    pub(super) seen: &'s Seen<'h>,
}

impl Ends for EveryLine<'_, '_> {
    /// A line the history has, or one it does not have yet, due as the
    /// release schedule has it after the newest: the end a record announces
    /// ahead of the release it follows (as endoflife.date's GitLab does) is
    /// foreseen as the model would foresee it.
    fn successor(&self, index: usize, places: u32) -> Option<NaiveDate> {
        let at = index.checked_add(usize::try_from(places).ok()?)?;
        if let Some(line) = self.seen.lines.get(at) {
            return Some(line.released);
        }
        let newest = self.seen.lines.last()?;
        let ahead = at - (self.seen.lines.len() - 1);
        self.seen
            .releases
            .as_ref()?
            .nth(newest.released, u64::try_from(ahead).ok()?)
    }

    fn end(&self, _index: usize, rule_end: NaiveDate) -> Option<NaiveDate> {
        Some(rule_end)
    }
}

/// The support rule of the history's lines (of those not LTS, when some
/// are), and for minor lines the rule of the last minor of each major,
/// when those ends follow a rule of their own that the rule of the others
/// misses: `(support, its basis, last of a major's, its basis)`.
pub(super) fn support(
    seen: &Seen,
    minor_lines: bool,
) -> (Support, FitBasis, Option<(Support, FitBasis)>) {
    let last_of_major = |index: usize| {
        seen.lines.get(index + 1).is_some_and(|next| {
            seen.lines[index].line.major().is_some()
                && next.line.major() > seen.lines[index].line.major()
        })
    };
    let targets = |last: Option<bool>| -> Vec<Target> {
        let mut targets: Vec<Target> = seen
            .lines
            .iter()
            .enumerate()
            .filter(|(index, _)| !seen.is_lts(*index))
            .filter(|(index, _)| last.is_none_or(|last| last_of_major(*index) == last))
            .filter_map(|(index, line)| {
                Some(Target {
                    index,
                    end: line.announced_eol()?,
                })
            })
            .collect();
        targets.sort_by_key(|target| target.end);
        targets
    };
    let every_line = EveryLine { seen };
    // Where no line has a recorded end, not even an LTS line, the lines the
    // history still supports are all there is to go by.
    let no_end_recorded = seen.lines.iter().all(|line| line.announced_eol().is_none());
    let fallback = if no_end_recorded {
        let every_place: Vec<usize> = (0..seen.lines.len()).collect();
        unended(seen, &every_place, |index| !seen.is_lts(index))
    } else {
        (Support::UNTIL_NEXT_LINE, FitBasis::TooShort { steps: 0 })
    };
    let all = || fit(seen, &targets(None), &every_line).unwrap_or(fallback);
    let lasts = targets(Some(true));
    if !minor_lines || lasts.is_empty() {
        let (support, basis) = all();
        return (support, basis, None);
    }
    // The others' rule, and whether the last minors follow one of their
    // own that it misses. (Fitted together, the last minors' later ends
    // would read as a rule the vendor changed to.) Few majors have ended:
    // a rule of their own that foresees every one of them is taken, saying
    // how few.
    let (support, basis) = fit(seen, &targets(Some(false)), &every_line).unwrap_or(fallback);
    let own = fit(seen, &lasts, &every_line).filter(|(rule, basis)| match basis {
        FitBasis::Fitted { .. } | FitBasis::Changed { .. } => true,
        FitBasis::TooShort { .. } => {
            let own = score(seen, &lasts, &every_line, rule);
            own.hits == own.total
        }
        _ => false,
    });
    let missed = score(seen, &lasts, &every_line, &support);
    match own {
        Some(own) if missed.hits * 2 < missed.total => (support, basis, Some(own)),
        _ => {
            let (support, basis) = all();
            (support, basis, None)
        }
    }
}

/// The support, where the history records no end to go by, that keeps
/// supported every line it still supports (of those `counted`): if the
/// oldest of them has N lines after it (counting `places`, the indices of
/// the lines `until_next` counts, in release order), until the (N+1)th
/// line after. React's record supports 15 to 19, none ended: until the 5th
/// line after. The simplest rule where it supports none.
pub(super) fn unended(
    seen: &Seen,
    places: &[usize],
    counted: impl Fn(usize) -> bool,
) -> (Support, FitBasis) {
    let places_to_keep: Vec<usize> = places
        .iter()
        .enumerate()
        .filter(|&(_, &index)| counted(index))
        .filter(|&(_, &index)| seen.lines[index].eol == Some(RecordedEnd::NotYet))
        .map(|(at, _)| places.len() - at)
        .collect();
    let simplest = (Support::UNTIL_NEXT_LINE, FitBasis::TooShort { steps: 0 });
    let Some(&places_needed) = places_to_keep.iter().max() else {
        return simplest;
    };
    let places_needed = u32::try_from(places_needed)
        .unwrap_or(u32::MAX)
        .min(MOST_LINES_KEPT);
    if places_needed <= 1 {
        return simplest;
    }
    let support = Support {
        until_next: Some(places_needed),
        ..Support::UNTIL_NEXT_LINE
    };
    let lines = u32::try_from(places_to_keep.len()).unwrap_or(u32::MAX);
    (support, FitBasis::StillSupported { lines })
}

/// The recorded ends of active support of the LTS lines (`lts`) or of the
/// others: what `active` and `lts.active` are fitted to, where some end
/// before their line's support does (two phases).
pub(super) fn two_phases(seen: &Seen, lts: bool) -> Vec<Target> {
    seen.lines
        .iter()
        .enumerate()
        .filter(|(index, _)| seen.is_lts(*index) == lts)
        .filter_map(|(index, line)| {
            Some(Target {
                index,
                end: line.announced_active_until()?,
            })
        })
        .collect()
}

/// Active support ends between the next line's release and the eol.
pub(super) struct Active<'s, 'h> {
    pub(super) seen: &'s Seen<'h>,
}

impl Ends for Active<'_, '_> {
    fn successor(&self, index: usize, places: u32) -> Option<NaiveDate> {
        EveryLine { seen: self.seen }.successor(index, places)
    }

    fn end(&self, index: usize, rule_end: NaiveDate) -> Option<NaiveDate> {
        let line = &self.seen.lines[index];
        let next = self.successor(index, 1).unwrap_or(rule_end);
        let end = rule_end.max(next);
        Some(line.announced_eol().map_or(end, |eol| end.min(eol)))
    }
}

/// The `active` rule, when the history records two phases for the lines
/// that are not LTS.
pub(super) fn active(seen: &Seen) -> (Option<Support>, FitBasis) {
    let targets = two_phases(seen, false);
    let phased = targets.iter().any(|target| {
        seen.lines[target.index]
            .announced_eol()
            .is_none_or(|eol| target.end < eol)
    });
    if !phased {
        return (None, FitBasis::Absent);
    }
    match fit(seen, &targets, &Active { seen }) {
        Some((rule, basis)) => (Some(rule), basis),
        None => (None, FitBasis::Absent),
    }
}
