//! The LTS rule a history's declared LTS lines follow: which lines are LTS
//! (every so many lines, or the line nearest every so many months), from
//! when, and how long they are maintained as such, in one phase or two.

use chrono::NaiveDate;

use super::ends;
use super::ends::{Ends, Target, median};
use super::notes::{FitBasis, FitSubject, WITHIN_DAYS};
use super::schedules::{MONTH_DAYS, whole};
use super::seen::Seen;
use super::track::{Candidate, Track, choose};
use crate::policy::dates::{add_months, days_between};
use crate::policy::rules::line_rules::{LtsChoice, LtsRule, LtsStart, Support};

/// The most lines later an LTS start is tried at.
const MOST_STARTS_LATER: u32 = 3;

/// The LTS rule of a history that declares LTS lines, noting each part.
pub(super) fn lts(
    seen: &Seen,
    support: &Support,
    note: &mut dyn FnMut(FitSubject, FitBasis),
) -> LtsRule {
    let places: Vec<usize> = (0..seen.lines.len())
        .filter(|&index| seen.is_lts(index))
        .collect();
    let (choice, basis) = choice(seen, &places);
    note(FitSubject::Lts, basis);
    let (starts, basis) = starts(seen, &places);
    note(FitSubject::LtsStarts, basis);
    let lts_lines = LtsLines {
        seen,
        places: &places,
        support,
    };
    let targets: Vec<Target> = places
        .iter()
        .filter_map(|&index| {
            Some(Target {
                index,
                end: seen.lines[index].announced_eol()?,
            })
        })
        .collect();
    let (lts_support, basis) = ends::fit(seen, &targets, &lts_lines)
        .unwrap_or_else(|| ends::unended(seen, &places, |_| true));
    note(FitSubject::LtsSupport, basis);
    let targets = ends::two_phases(seen, true);
    let phased = targets.iter().any(|target| {
        seen.lines[target.index]
            .announced_eol()
            .is_none_or(|eol| target.end < eol)
    });
    let active = if phased {
        let active = LtsActive { lines: &lts_lines };
        ends::fit(seen, &targets, &active)
    } else {
        None
    };
    note(
        FitSubject::LtsActive,
        active.map_or(FitBasis::Absent, |(_, basis)| basis),
    );
    LtsRule {
        choice,
        starts,
        support: lts_support,
        active: active.map(|(rule, _)| rule),
    }
}

/// Which lines are LTS: each LTS line foreseen from the one before.
fn choice(seen: &Seen, places: &[usize]) -> (LtsChoice, FitBasis) {
    let released = |index: usize| seen.lines[index].released;
    if places.len() < 2 {
        // One LTS line: the next is at least as far as the lines seen after.
        let after = places.first().map_or(1, |&first| seen.lines.len() - first);
        let every = u32::try_from(after).unwrap_or(u32::MAX).max(1);
        return (LtsChoice::Every(every), FitBasis::TooShort { steps: 0 });
    }
    let pairs: Vec<(usize, usize)> = places.windows(2).map(|pair| (pair[0], pair[1])).collect();
    let gaps: Vec<i64> = pairs
        .iter()
        .map(|&(before, next)| i64::try_from(next - before).unwrap_or(i64::MAX))
        .collect();
    let mut everies: Vec<i64> = gaps.clone();
    everies.sort_unstable();
    everies.dedup();
    let months: Vec<i64> = pairs
        .iter()
        .map(|&(before, next)| days_between(released(before), released(next)))
        .collect();
    let months = median(&months).map_or(0, |days| whole(days as f64 / MONTH_DAYS));
    let mut rules: Vec<(LtsChoice, u32)> = everies
        .iter()
        .filter_map(|&every| Some((LtsChoice::Every(u32::try_from(every).ok()?), 0)))
        .collect();
    rules.extend(
        (months.saturating_sub(1).max(1)..=months + 1).map(|m| (LtsChoice::EveryMonths(m), 1)),
    );
    let candidates: Vec<Candidate<LtsChoice>> = rules
        .into_iter()
        .map(|(rule, complexity)| {
            let mut track = Track::default();
            for &(before, next) in &pairs {
                // Months from the LTS line before: how far the line is from
                // the day the rule aims at, which tells the months apart.
                let (chosen, aimed) = match rule {
                    LtsChoice::Every(every) => (
                        usize::try_from(every)
                            .ok()
                            .and_then(|every| before.checked_add(every)),
                        None,
                    ),
                    LtsChoice::EveryMonths(months) => (
                        nearest(seen, before, months),
                        add_months(released(before), u64::from(months)),
                    ),
                };
                let error = chosen.filter(|&at| at < seen.lines.len()).map(|at| {
                    let off = days_between(released(next), released(at));
                    match (at == next, aimed) {
                        (true, Some(aimed)) => days_between(aimed, released(next))
                            .abs()
                            .min(i64::from(WITHIN_DAYS)),
                        (true, None) => 0,
                        // Only the very line is a hit, however near its day.
                        (false, _) => off.abs().max(i64::from(WITHIN_DAYS) + 1),
                    }
                });
                track.step(seen.weight(released(next)), error, i64::from(WITHIN_DAYS));
            }
            Candidate {
                rule,
                complexity,
                track,
            }
        })
        .collect();
    choose(&candidates).map_or(
        (LtsChoice::Every(1), FitBasis::TooShort { steps: 0 }),
        |(rule, track)| (rule, FitBasis::of(track, WITHIN_DAYS)),
    )
}

/// The line after `before` released nearest to its release + `months`, as
/// the model chooses one (a tie to the earlier). The lines are in release
/// order: the nearest is the first released on or after the target, or
/// the first of those released on the last day before it.
fn nearest(seen: &Seen, before: usize, months: u32) -> Option<usize> {
    let target = add_months(seen.lines[before].released, u64::from(months))?;
    let after = seen.lines.get(before + 1..)?;
    let later = after.partition_point(|line| line.released < target);
    let earlier = later.checked_sub(1).map(|last| {
        let day = after[last].released;
        after.partition_point(|line| line.released < day)
    });
    let distance = |at: usize| days_between(target, after[at].released).abs();
    let nearest = match (earlier, later < after.len()) {
        (Some(earlier), true) if distance(earlier) > distance(later) => later,
        (Some(earlier), _) => earlier,
        (None, true) => later,
        (None, false) => return None,
    };
    Some(before + 1 + nearest)
}

/// When LTS lines become LTS, from the starts the history dates. A line
/// declared LTS with no start counts as LTS from its release: a source
/// that knows of a later start dates it (endoflife.date writes Node.js's
/// months ahead), so an undated flag is what "LTS from the start" looks
/// like (MySQL 8.4 beside 8.0's late `2023-07-18`).
fn starts(seen: &Seen, places: &[usize]) -> (LtsStart, FitBasis) {
    let targets: Vec<(usize, NaiveDate)> = places
        .iter()
        .map(|&index| {
            let line = seen.lines[index];
            (index, line.lts_from.unwrap_or(line.released))
        })
        .collect();
    let later: Vec<i64> = targets
        .iter()
        .map(|&(index, from)| days_between(seen.lines[index].released, from))
        .collect();
    if later.iter().all(|days| *days <= i64::from(WITHIN_DAYS)) {
        return (LtsStart::Release, FitBasis::Absent);
    }
    let mut rules = vec![(LtsStart::Release, 0)];
    rules.extend((1..=MOST_STARTS_LATER).map(|places| (LtsStart::AtNext(places), 1)));
    if let Some(days) = median(&later).filter(|days| *days > 0) {
        rules.push((LtsStart::Months(whole(days as f64 / MONTH_DAYS)), 1));
    }
    let candidates: Vec<Candidate<LtsStart>> = rules
        .into_iter()
        .map(|(rule, complexity)| {
            let mut track = Track::default();
            for &(index, from) in &targets {
                let released = seen.lines[index].released;
                let start = match rule {
                    LtsStart::AtNext(places) => usize::try_from(places)
                        .ok()
                        .and_then(|places| seen.lines.get(index + places))
                        .map(|line| line.released),
                    LtsStart::Months(months) => add_months(released, u64::from(months)),
                    _ => Some(released),
                };
                let error = start.map(|start| days_between(from, start));
                track.step(seen.weight(from), error, i64::from(WITHIN_DAYS));
            }
            Candidate {
                rule,
                complexity,
                track,
            }
        })
        .collect();
    choose(&candidates).map_or((LtsStart::Release, FitBasis::Absent), |(rule, track)| {
        (rule, FitBasis::of(track, WITHIN_DAYS))
    })
}

/// LTS lines counted among themselves; an LTS line is supported at least
/// as long as every line is.
struct LtsLines<'a, 's, 'h> {
    seen: &'s Seen<'h>,
    places: &'a [usize],
    support: &'a Support,
}

impl Ends for LtsLines<'_, '_, '_> {
    fn successor(&self, index: usize, places: u32) -> Option<NaiveDate> {
        // The places are in release order: found by halving, not a scan.
        let at = self.places.binary_search(&index).ok()?;
        let later = at.checked_add(usize::try_from(places).ok()?)?;
        self.places
            .get(later)
            .map(|&place| self.seen.lines[place].released)
    }

    fn end(&self, index: usize, rule_end: NaiveDate) -> Option<NaiveDate> {
        let every_line = ends::EveryLine { seen: self.seen };
        let successor = self
            .support
            .until_next
            .and_then(|places| every_line.successor(index, places));
        let released = self.seen.lines[index].released;
        let base = self.support.end(released, successor);
        Some(base.map_or(rule_end, |base| base.max(rule_end)))
    }
}

/// An LTS line's active support, counted among LTS lines, ends between
/// the next line's release and its eol.
struct LtsActive<'l, 'a, 's, 'h> {
    lines: &'l LtsLines<'a, 's, 'h>,
}

impl Ends for LtsActive<'_, '_, '_, '_> {
    fn successor(&self, index: usize, places: u32) -> Option<NaiveDate> {
        self.lines.successor(index, places)
    }

    fn end(&self, index: usize, rule_end: NaiveDate) -> Option<NaiveDate> {
        ends::Active {
            seen: self.lines.seen,
        }
        .end(index, rule_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::lines::line::Line;
    use crate::policy::lines::release::Release;

    #[test]
    fn the_nearest_line_is_the_one_a_scan_finds() {
        // Lines 9 to 40 days apart, up to three on one day: ties either
        // side of the target, and several lines on the nearest day.
        let mut day = crate::policy::dates::parse_date("2020-01-01").unwrap();
        let mut history = Vec::new();
        for n in 0..120_u64 {
            history.push(Release::new(Line::new(1, n), day));
            if n % 3 != 0 {
                day = day
                    .checked_add_days(chrono::Days::new(9 + n * 7 % 32))
                    .unwrap();
            }
        }
        let seen = Seen::new(&history);
        for months in 1..=4 {
            for before in 0..seen.lines.len() {
                let target = add_months(seen.lines[before].released, u64::from(months));
                let scanned = target.and_then(|target| {
                    (before + 1..seen.lines.len())
                        .min_by_key(|&at| days_between(target, seen.lines[at].released).abs())
                });
                assert_eq!(nearest(&seen, before, months), scanned, "{before} {months}");
            }
        }
    }
}
