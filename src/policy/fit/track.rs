//! How well a candidate rule foresaw a history, one step at a time, and
//! which candidate to choose: the one that foresaw best, recent years
//! weighing more; the simplest of those about as good; and one that has
//! foreseen the last steps in a row where the best missed them, as a
//! vendor's new rule is followed rather than averaged with its old one.

use chrono::NaiveDate;

use crate::policy::dates::days_between;

/// A step's weight halves every this many days back from the newest.
const HALF_LIFE_DAYS: i64 = 365;

/// A miss counts at most this many days in a mean error, and a step the
/// rule could not foresee at all counts as much.
const ERROR_CAP_DAYS: f64 = 90.0;

/// Two candidates foresee about as well when their weighted rates of hits
/// are this close...
const RATE_MARGIN: f64 = 0.03;

/// ...and their weighted mean errors this many days.
const ERROR_MARGIN_DAYS: f64 = 1.0;

/// The steps in a row, up to the newest, a candidate must have foreseen
/// to be followed where the best candidate missed the newest...
const RUN_TO_FOLLOW: u32 = 3;

/// ...this many in a row: one slip is no new rule.
const MISSES_TO_LEAVE: u32 = 2;

/// The weight of a step on `day`, seen from `newest`: a fit's, and a
/// track record's.
///
/// Worked out without `powf`, whose `exp2` would bring libm into every
/// start of the program (28,000 instructions of dynamic loading): halved
/// once per whole half-life, then `e^(-x ln 2)` for the rest by its series.
pub(crate) fn weight(day: NaiveDate, newest: NaiveDate) -> f64 {
    let age = days_between(day, newest).max(0);
    // Past 1,100 half-lives the weight is below the smallest f64.
    let halvings = (age / HALF_LIFE_DAYS).min(1100);
    let rest = (age % HALF_LIFE_DAYS) as f64 / HALF_LIFE_DAYS as f64 * std::f64::consts::LN_2;
    // e^-rest for rest < ln 2: eleven terms are exact to 1e-9.
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..=11 {
        term *= -rest / f64::from(k);
        sum += term;
    }
    // powi is compiled in (compiler-builtins' __powidf2), not libm's.
    sum * 0.5_f64.powi(i32::try_from(halvings).unwrap_or(i32::MAX))
}

/// One candidate's record over the steps, fed oldest first.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Track {
    weight: f64,
    hit_weight: f64,
    error_weight: f64,
    /// Steps foreseen within the tolerance.
    pub(crate) hits: u32,
    /// Steps.
    pub(crate) total: u32,
    /// Steps foreseen in a row up to the newest.
    run: u32,
    /// Steps missed in a row up to the newest.
    missed: u32,
    /// Whether it was chosen for its run, as a rule the vendor changed to.
    followed: bool,
}

impl Track {
    /// Adds a step of `weight`: the rule's day was `error` days off (`None`:
    /// it gave none), a hit within `within` days.
    pub(super) fn step(&mut self, weight: f64, error: Option<i64>, within: i64) {
        let hit = error.is_some_and(|error| error.abs() <= within);
        self.weight += weight;
        self.total += 1;
        let off = error.map_or(ERROR_CAP_DAYS, |error| {
            (error.abs() as f64).min(ERROR_CAP_DAYS)
        });
        self.error_weight += weight * off;
        if hit {
            self.hit_weight += weight;
            self.hits += 1;
            self.run += 1;
            self.missed = 0;
        } else {
            self.run = 0;
            self.missed += 1;
        }
    }

    /// For a rule chosen as the one the vendor changed to: the steps it
    /// foresaw in a row up to the newest, and the steps before them.
    pub(crate) fn followed_since(&self) -> Option<(u32, u32)> {
        self.followed.then(|| (self.run, self.total - self.run))
    }

    /// The weighted share of steps foreseen.
    fn rate(&self) -> f64 {
        if self.weight > 0.0 {
            self.hit_weight / self.weight
        } else {
            0.0
        }
    }

    /// The weighted mean of how far off the rule was, in days.
    fn mean_error(&self) -> f64 {
        if self.weight > 0.0 {
            self.error_weight / self.weight
        } else {
            ERROR_CAP_DAYS
        }
    }

    /// Whether this foresaw better than `other`: more hits by weight, then
    /// a smaller error.
    fn better_than(&self, other: &Self) -> bool {
        (self.rate(), -self.mean_error()) > (other.rate(), -other.mean_error())
    }
}

/// A candidate rule, how simple it is (0 the simplest) and its record.
pub(super) struct Candidate<R> {
    pub(super) rule: R,
    pub(super) complexity: u32,
    pub(super) track: Track,
}

/// The candidate to choose, with its record; `None` when there is none.
/// Ties go to the earlier candidate, so the choice is the same every run.
pub(super) fn choose<R: Clone>(candidates: &[Candidate<R>]) -> Option<(R, Track)> {
    let mut best = candidates.first()?;
    for candidate in candidates {
        if candidate.track.better_than(&best.track) {
            best = candidate;
        }
    }
    // A rule the vendor follows now, where the best over the years missed
    // the newest steps.
    if best.track.missed >= MISSES_TO_LEAVE {
        // The longest run; of those as long, the simplest, then the best.
        let mut follower: Option<&Candidate<R>> = None;
        for candidate in candidates.iter().filter(|c| c.track.run >= RUN_TO_FOLLOW) {
            let preferred = follower.is_none_or(|chosen| {
                let (run, other) = (candidate.track.run, chosen.track.run);
                run > other
                    || (run == other
                        && (candidate.complexity < chosen.complexity
                            || (candidate.complexity == chosen.complexity
                                && candidate.track.better_than(&chosen.track))))
            });
            if preferred {
                follower = Some(candidate);
            }
        }
        if let Some(follower) = follower {
            let track = Track {
                followed: true,
                ..follower.track
            };
            return Some((follower.rule.clone(), track));
        }
    }
    let about_as_good = |candidate: &&Candidate<R>| {
        candidate.track.rate() >= best.track.rate() - RATE_MARGIN
            && candidate.track.mean_error() <= best.track.mean_error() + ERROR_MARGIN_DAYS
    };
    let mut chosen = best;
    for candidate in candidates.iter().filter(about_as_good) {
        let simpler = candidate.complexity < chosen.complexity
            || (candidate.complexity == chosen.complexity
                && candidate.track.better_than(&chosen.track));
        if simpler {
            chosen = candidate;
        }
    }
    Some((chosen.rule.clone(), chosen.track))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weight_halves_every_year_back() {
        let day = |text| crate::policy::dates::parse_date(text).unwrap();
        let newest = day("2026-12-02");
        assert_eq!(weight(newest, newest), 1.0);
        // 365 days back: one half-life; 730: two.
        assert!((weight(day("2025-12-02"), newest) - 0.5).abs() < 1e-12);
        assert!((weight(day("2024-12-02"), newest) - 0.25).abs() < 1e-12);
        // Half a year back: 2^-0.5.
        let half = weight(day("2026-06-02"), newest);
        let expected = 0.5_f64.sqrt() * 2_f64.powf(-((183.0 - 182.5) / 365.0));
        assert!((half - expected).abs() < 1e-9, "{half} {expected}");
    }

    fn track(steps: &[Option<i64>]) -> Track {
        let mut track = Track::default();
        for error in steps {
            track.step(1.0, *error, 7);
        }
        track
    }

    #[test]
    fn the_simpler_of_two_about_as_good_is_chosen() {
        let candidates = [
            Candidate {
                rule: "precise",
                complexity: 2,
                track: track(&[Some(0), Some(0), Some(0)]),
            },
            Candidate {
                rule: "simple",
                complexity: 0,
                track: track(&[Some(0), Some(1), Some(0)]),
            },
        ];
        assert_eq!(choose(&candidates).unwrap().0, "simple");
    }

    #[test]
    fn a_rule_that_foresaw_the_newest_steps_in_a_row_is_followed() {
        // The old rule: 6 hits, then 3 misses; the new one the reverse.
        let old = [Some(0); 6].into_iter().chain([Some(30); 3]);
        let new = [Some(30); 6].into_iter().chain([Some(0); 3]);
        let candidates = [
            Candidate {
                rule: "old",
                complexity: 0,
                track: track(&old.collect::<Vec<_>>()),
            },
            Candidate {
                rule: "new",
                complexity: 0,
                track: track(&new.collect::<Vec<_>>()),
            },
        ];
        let (rule, track) = choose(&candidates).unwrap();
        assert_eq!(rule, "new");
        assert_eq!(track.followed_since(), Some((3, 6)));
    }
}
