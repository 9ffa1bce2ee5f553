//! The periods an audit sweeps: days with too many LTS lines maintained,
//! or (for longer than the grace) too few.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::finding::Finding;
use super::{GRACE_DAYS, Window};
use crate::policy::dates::days_between;
use crate::policy::definition::Policy;
use crate::policy::lines::line::Line;
use crate::policy::rules::line_rules;
use crate::policy::rules::line_rules::{LtsChoice, LtsStart};
use crate::policy::rules::schedule::Cadence;

impl Policy {
    /// Sweeps the LTS windows (in release order, clipped to `until`) for
    /// periods with too many or too few LTS lines maintained: the windows
    /// open and close in date order, so that the cost is in the number of
    /// windows, not its square.
    pub(super) fn period_findings(
        &self,
        windows: &[Window],
        until: NaiveDate,
    ) -> Vec<(Finding, bool)> {
        let mut points: Vec<NaiveDate> = windows
            .iter()
            .flat_map(|window| [window.start, window.end])
            .chain([until])
            .collect();
        points.sort_unstable();
        points.dedup();
        let mut by_end: Vec<usize> = (0..windows.len()).collect();
        by_end.sort_by_key(|&at| windows[at].end);
        let projected_starts: Vec<NaiveDate> = windows
            .iter()
            .filter(|window| window.projected)
            .map(|window| window.start)
            .collect();
        let Some((allowed, steady)) = self.lts_counts() else {
            return Vec::new();
        };
        let mut maintained = BTreeSet::new();
        let (mut started, mut ended) = (0, 0);
        let mut findings = Vec::new();
        let mut open: Option<Period> = None;
        for pair in points.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            // Windows are in release order, so they start in date order.
            while started < windows.len() && windows[started].start <= from {
                maintained.insert(started);
                started += 1;
            }
            while ended < by_end.len() && windows[by_end[ended]].end <= from {
                maintained.remove(&by_end[ended]);
                ended += 1;
            }
            let released = started as u64;
            let count = maintained.len() as u64;
            let kind = if count > allowed {
                Some(PeriodKind::TooMany)
            } else if count < released.min(steady) {
                Some(PeriodKind::Gap {
                    expected: released.min(steady),
                })
            } else {
                None
            };
            let lines: Vec<Line> = maintained
                .iter()
                .map(|&at| windows[at].line.clone())
                .collect();
            // A period that ends with a projected release depends on it.
            let projected = maintained.iter().any(|&at| windows[at].projected)
                || projected_starts.binary_search(&to).is_ok();
            match (&mut open, kind) {
                (Some(period), Some(kind)) if period.kind == kind && period.lines == lines => {
                    period.projected |= projected;
                }
                _ => {
                    findings.extend(open.take().and_then(|period| period.close(from, allowed)));
                    open = kind.map(|kind| Period {
                        from,
                        lines,
                        kind,
                        projected,
                    });
                }
            }
        }
        findings.extend(open.and_then(|period| period.close(until, allowed)));
        findings
    }

    /// How many LTS lines the policy allows side by side (`u64::MAX` when
    /// its LTS support does not count lines; with a grace after the Nth
    /// LTS line, N and those that come out within the grace), and how many
    /// it keeps once running: as many as one LTS window (its support period less the
    /// time before it becomes LTS) spans, at most the allowed. The rules
    /// are those of the newest lines, which the projection follows. `None`
    /// without an LTS rule.
    fn lts_counts(&self) -> Option<(u64, u64)> {
        let rules = self.last_rules();
        let lts = rules.lts.as_ref()?;
        let spacing_of_lines = release_spacing_months(&rules.releases.cadence);
        // Months between two LTS lines, on average.
        let spacing = match lts.choice {
            LtsChoice::EveryMonths(every) => f64::from(every),
            LtsChoice::Every(every) => f64::from(every) * spacing_of_lines,
        };
        // Until the Nth LTS line after, and a grace after it: the LTS lines
        // that come out within the grace are maintained beside it too.
        let in_grace = lts.support.grace.map_or(0, |grace| {
            let lines = (grace.in_months() / spacing - 1e-9).ceil();
            if lines.is_finite() && lines > 0.0 {
                lines as u64
            } else {
                0
            }
        });
        let kept = lts.support.until_next.map_or(u64::MAX, u64::from);
        let allowed = kept.saturating_add(in_grace);
        let Some(months) = lts.support.period.map(line_rules::Period::in_months) else {
            return Some((allowed, kept));
        };
        let before_lts = match lts.starts {
            LtsStart::Release => 0.0,
            LtsStart::AtNext(lines) => f64::from(lines) * spacing_of_lines,
            LtsStart::Months(months) => f64::from(months),
        };
        // A window spans ceil(months / spacing) LTS lines when it starts on
        // the release (a hair under a whole number is that number, not the
        // next); one that starts later keeps only its whole number all the
        // time (30 months every 12: 2, and 3 half of the time).
        let ratio = (months - before_lts) / spacing;
        let spans = if before_lts > 0.0 {
            (ratio + 1e-9).floor()
        } else {
            (ratio - 1e-9).ceil()
        };
        Some((allowed, kept.min(spans.max(1.0) as u64)))
    }
}

/// Months between two releases of a cadence, on average.
fn release_spacing_months(cadence: &Cadence) -> f64 {
    match cadence {
        Cadence::EveryMonths(months) => f64::from(*months),
        Cadence::EveryWeeks(weeks) => f64::from(*weeks) * 7.0 * 12.0 / 365.2425,
        Cadence::InMonths(months) => 12.0 / months.len() as f64,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodKind {
    TooMany,
    Gap { expected: u64 },
}

/// A run of days with the same LTS lines maintained and the same problem.
struct Period {
    from: NaiveDate,
    lines: Vec<Line>,
    kind: PeriodKind,
    projected: bool,
}

impl Period {
    /// The finding of a period ending on `to`: always for too many lines, for
    /// a gap only past the grace period.
    fn close(self, to: NaiveDate, allowed: u64) -> Option<(Finding, bool)> {
        let Self {
            from,
            lines,
            kind,
            projected,
        } = self;
        let finding = match kind {
            PeriodKind::TooMany => Finding::TooManyLts {
                from,
                to,
                lines,
                allowed,
            },
            PeriodKind::Gap { expected } if days_between(from, to) > GRACE_DAYS => {
                Finding::LtsGap {
                    from,
                    to,
                    lines,
                    expected,
                }
            }
            PeriodKind::Gap { .. } => return None,
        };
        Some((finding, projected))
    }
}
