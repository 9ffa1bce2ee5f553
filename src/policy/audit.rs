//! The audit: the history (and, on request, the projection) against the
//! policy's promises.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use semver::Version;

use super::dates::days_between;
use super::definition::Policy;
use super::error::{Beyond, PolicyError};
use super::model::{EolReason, Line, LineInfo, Source};
use super::rules::{LtsChoice, Patches};
use super::schedule::{Cadence, DayRule};

/// How far a release may stray from its due date, or a gap in LTS
/// maintenance last, before it is a finding: two weeks.
pub const GRACE_DAYS: i64 = 14;

/// What an audit checks: the history up to a date, or the projection too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuditScope {
    /// The lines released up to the date asked about.
    History,
    /// The lines the rules project as well, up to a date: by default one
    /// support period (the LTS one where there is one) after the date asked about.
    Projected {
        /// The last day checked, when not the default.
        to: Option<NaiveDate>,
    },
}

/// One way the history (or projection) departs from the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// A line released more than [`GRACE_DAYS`] from the day the release
    /// schedule had it due after the previous one.
    OffCadence {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// The line before it.
        previous: Line,
        /// That line's release.
        previous_released: NaiveDate,
        /// When the policy says it was due.
        due: NaiveDate,
        /// Positive when late, negative when early.
        days_late: i64,
    },
    /// A line released on another day than the release weekday.
    OffWeekday {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// The day of the week it came out on.
        weekday: Weekday,
    },
    /// A line released on another day than the release schedule's nth
    /// weekday or day of the month.
    OffDay {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// The day the schedule names.
        expected: DayRule,
    },
    /// A line the rules had due on or before `history_as_of`, which the
    /// history does not list: it is late.
    Overdue {
        /// The line.
        line: Line,
        /// When the release schedule had it due.
        due: NaiveDate,
        /// The day up to which the history is complete.
        history_as_of: NaiveDate,
    },
    /// A line whose announced end of support comes before the end the
    /// rules promise.
    EarlyEol {
        /// The line.
        line: Line,
        /// The end announced in the history.
        announced: NaiveDate,
        /// The end the rules give.
        promised: NaiveDate,
    },
    /// An LTS line maintained for less than `lts.support.months`.
    ShortLtsSupport {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// Release + `lts.support.months`.
        promised: NaiveDate,
        /// The end of its LTS maintenance.
        until: NaiveDate,
        /// The line whose release cut it short; `None` for an announced end.
        cut_by: Option<Line>,
    },
    /// A period with more than `lts.support.until_next` LTS lines maintained.
    TooManyLts {
        /// The first day of the period.
        from: NaiveDate,
        /// The day after its last day.
        to: NaiveDate,
        /// The LTS lines maintained.
        lines: Vec<Line>,
        /// How many the policy allows.
        allowed: u64,
    },
    /// A period of more than [`GRACE_DAYS`] with fewer LTS lines maintained
    /// than the policy keeps once running (as many as one LTS support
    /// period spans, at most `lts.support.until_next`), or than were
    /// released by then.
    LtsGap {
        /// The first day of the period.
        from: NaiveDate,
        /// The day after its last day.
        to: NaiveDate,
        /// The LTS lines maintained.
        lines: Vec<Line>,
        /// How many the policy keeps.
        expected: u64,
    },
    /// A known patch released on another day than the patch schedule names.
    PatchOffDay {
        /// The patch.
        version: Version,
        /// Its date.
        released: NaiveDate,
        /// The day of the week it came out on.
        weekday: Weekday,
        /// The day the patch schedule names.
        expected: DayRule,
    },
    /// A known patch released on or after its line's end of support.
    PatchAfterEol {
        /// The patch.
        version: Version,
        /// Its date.
        released: NaiveDate,
        /// Its line's end of support.
        eol: NaiveDate,
    },
}

impl Finding {
    /// The finding's kind, as text and JSON name it: `off-cadence`,
    /// `off-weekday`, `off-day`, `overdue`, `early-eol`,
    /// `short-lts-support`, `too-many-lts`, `lts-gap`, `patch-off-day`,
    /// `patch-after-eol`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::OffCadence { .. } => "off-cadence",
            Self::OffWeekday { .. } => "off-weekday",
            Self::OffDay { .. } => "off-day",
            Self::Overdue { .. } => "overdue",
            Self::EarlyEol { .. } => "early-eol",
            Self::ShortLtsSupport { .. } => "short-lts-support",
            Self::TooManyLts { .. } => "too-many-lts",
            Self::LtsGap { .. } => "lts-gap",
            Self::PatchOffDay { .. } => "patch-off-day",
            Self::PatchAfterEol { .. } => "patch-after-eol",
        }
    }

    /// The count of days the finding is about: days late (negative: early),
    /// days short of the promised support, or the length of a period.
    #[must_use]
    pub fn days(&self) -> Option<i64> {
        match self {
            Self::OffCadence { days_late, .. } => Some(*days_late),
            Self::Overdue {
                due, history_as_of, ..
            } => Some(days_between(*due, *history_as_of)),
            Self::EarlyEol {
                announced,
                promised,
                ..
            } => Some(days_between(*announced, *promised)),
            Self::ShortLtsSupport {
                until, promised, ..
            } => Some(days_between(*until, *promised)),
            Self::TooManyLts { from, to, .. } | Self::LtsGap { from, to, .. } => {
                Some(days_between(*from, *to))
            }
            Self::OffWeekday { .. }
            | Self::OffDay { .. }
            | Self::PatchOffDay { .. }
            | Self::PatchAfterEol { .. } => None,
        }
    }

    /// For `OffCadence`, the days between the previous release and this one.
    #[must_use]
    pub fn days_after_previous(&self) -> Option<i64> {
        match self {
            Self::OffCadence {
                released,
                previous_released,
                ..
            } => Some(days_between(*previous_released, *released)),
            _ => None,
        }
    }
}

/// A finding, and whether it involves a projected line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuditFinding {
    /// What departs from the policy.
    pub finding: Finding,
    /// Whether it depends on a line the rules project.
    pub projected: bool,
}

/// The result of [`Policy::audit`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Audit {
    /// Lines released up to this day are checked, and periods before it.
    pub until: NaiveDate,
    /// Whether projected lines were checked too.
    pub projected: bool,
    /// How many lines were checked.
    pub lines_checked: usize,
    /// What departs from the policy, in the order: cadence and overdue
    /// lines, days and patches, ends of support, periods.
    pub findings: Vec<AuditFinding>,
}

/// A finding about recorded facts alone.
fn fact(finding: Finding) -> AuditFinding {
    AuditFinding {
        finding,
        projected: false,
    }
}

/// The LTS maintenance of one line, clipped to the audited period.
struct Window {
    line: Line,
    projected: bool,
    start: NaiveDate,
    end: NaiveDate,
}

impl Policy {
    /// Checks the lines released up to `on` (included) against the policy,
    /// and the periods before it. With [`AuditScope::Projected`], lines the
    /// rules project are checked as well (their releases keep the cadence by
    /// construction, but their LTS windows may not keep the promises).
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when a date cannot be represented.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::{AuditScope, Finding, Policy, parse_date};
    /// let kestra = Policy::kestra().unwrap();
    /// let audit = kestra.audit(parse_date("2026-11-25").unwrap(), AuditScope::History).unwrap();
    /// // 2.0 came 27 weeks after 1.3, where the policy says 2 months.
    /// let Finding::OffCadence { line, days_late, .. } = &audit.findings[0].finding else {
    ///     panic!("the first finding is about the cadence");
    /// };
    /// assert_eq!((line.to_string(), *days_late), ("2.0".to_owned(), 126));
    /// ```
    pub fn audit(&self, on: NaiveDate, scope: AuditScope) -> Result<Audit, PolicyError> {
        let (until, projected) = match scope {
            AuditScope::History => (on, false),
            AuditScope::Projected { to: Some(to) } => (to, true),
            AuditScope::Projected { to: None } => (self.default_horizon(on)?, true),
        };
        let known = self.history().len();
        // One pass over the lines, holding only the LTS windows for the sweep.
        let (mut cadence, mut days, mut short) = (Vec::new(), Vec::new(), Vec::new());
        let mut windows = Vec::new();
        let mut previous: Option<LineInfo> = None;
        let mut lines_checked = 0;
        for index in 0.. {
            let (released, source) = self.release_at(index)?;
            let overdue = self.is_overdue(index);
            if overdue {
                // Late whatever the scope: the history should list it.
                cadence.extend(self.overdue_finding(index, until)?.map(fact));
            }
            if released > until || source == Source::Rules && !projected {
                break;
            }
            let info = self.line_info(index)?;
            lines_checked += 1;
            if let Some(previous) = previous.as_ref().filter(|_| !overdue) {
                cadence.extend(self.cadence_finding(previous, &info)?.map(fact));
            }
            if index < known {
                days.extend(self.day_finding(&info).map(fact));
                days.extend(self.patch_findings(&info).into_iter().map(fact));
                short.extend(self.early_eol_finding(index, &info)?.map(fact));
            }
            if let Some(window) = info.lts_window {
                let cut_by = (!window.announced())
                    .then_some(window.successor.map(|successor| successor.line))
                    .flatten();
                let involves_projection = index >= known || window.cut_by_projection();
                if let Some(promised) = window.promised
                    && window.until < promised
                    && (projected || !involves_projection)
                {
                    let finding = Finding::ShortLtsSupport {
                        line: info.line,
                        released: info.released,
                        promised,
                        until: window.until,
                        cut_by,
                    };
                    short.push(AuditFinding {
                        finding,
                        projected: involves_projection,
                    });
                }
                if info.released < until {
                    windows.push(Window {
                        line: info.line,
                        projected: index >= known,
                        start: info.released,
                        end: window.until.min(until),
                    });
                }
            }
            previous = Some(info);
        }
        // In the order of the kinds; moved, not copied, into one list.
        let mut findings = cadence;
        findings.append(&mut days);
        findings.append(&mut short);
        findings.extend(
            self.period_findings(&windows, until)
                .into_iter()
                .map(|(finding, projected)| AuditFinding { finding, projected }),
        );
        Ok(Audit {
            until,
            projected,
            lines_checked,
            findings,
        })
    }

    fn cadence_finding(
        &self,
        previous: &LineInfo,
        info: &LineInfo,
    ) -> Result<Option<Finding>, PolicyError> {
        let due = self
            .releases_schedule()
            .nth(previous.released, 1)
            .ok_or_else(|| PolicyError::OutOfRange {
                what: Beyond::DueAfter(previous.line),
            })?;
        let days_late = days_between(due, info.released);
        Ok(
            (days_late.abs() > GRACE_DAYS).then_some(Finding::OffCadence {
                line: info.line,
                released: info.released,
                previous: previous.line,
                previous_released: previous.released,
                due,
                days_late,
            }),
        )
    }

    /// The overdue line at `index`, due on or before `history_as_of`, if
    /// it was due by `until`.
    fn overdue_finding(
        &self,
        index: usize,
        until: NaiveDate,
    ) -> Result<Option<Finding>, PolicyError> {
        let newest = self.newest_release();
        let due = self
            .releases_schedule()
            .nth(newest.released, 1)
            .ok_or_else(|| PolicyError::OutOfRange {
                what: Beyond::DueAfter(newest.line),
            })?;
        Ok((due <= until).then_some(Finding::Overdue {
            line: self.line_at(index)?,
            due,
            history_as_of: self.history_as_of(),
        }))
    }

    /// A known line released on a day the release schedule does not name.
    fn day_finding(&self, info: &LineInfo) -> Option<Finding> {
        let rule = self.releases_schedule().on;
        if rule.allows(info.released) {
            return None;
        }
        Some(match rule {
            DayRule::Weekday(_) => Finding::OffWeekday {
                line: info.line,
                released: info.released,
                weekday: info.released.weekday(),
            },
            _ => Finding::OffDay {
                line: info.line,
                released: info.released,
                expected: rule,
            },
        })
    }

    /// A known line whose announced end comes before the rules' end.
    fn early_eol_finding(
        &self,
        index: usize,
        info: &LineInfo,
    ) -> Result<Option<Finding>, PolicyError> {
        if info.eol_reason != EolReason::Announced {
            return Ok(None);
        }
        let mut promised = info.latest_until.max(info.support_window.until);
        if let Some(window) = &info.lts_window {
            promised = promised.max(window.rule_until());
        }
        // Only a promise the history bears out: one cut by a projected
        // release may still move.
        let (_, next_source) = self.release_at(index + 1)?;
        let depends_on_projection = next_source == Source::Rules
            || info.support_window.cut_by_projection()
            || info.lts_window.is_some_and(|window| {
                window
                    .successor
                    .is_some_and(|successor| successor.source == Source::Rules)
            });
        Ok(
            (info.eol < promised && !depends_on_projection).then_some(Finding::EarlyEol {
                line: info.line,
                announced: info.eol,
                promised,
            }),
        )
    }

    fn patch_findings(&self, info: &LineInfo) -> Vec<Finding> {
        let mut findings = Vec::new();
        let rule = match self.patches_rule() {
            Patches::Scheduled(schedule) => Some(schedule.on),
            Patches::Recorded => None,
        };
        for patch in self.known_patches(info) {
            if let Some(rule) = rule
                && !rule.allows(patch.released)
            {
                findings.push(Finding::PatchOffDay {
                    version: patch.version.clone(),
                    released: patch.released,
                    weekday: patch.released.weekday(),
                    expected: rule,
                });
            }
            if patch.released >= info.eol {
                findings.push(Finding::PatchAfterEol {
                    version: patch.version.clone(),
                    released: patch.released,
                    eol: info.eol,
                });
            }
        }
        findings
    }

    /// Sweeps the LTS windows (in release order, clipped to `until`) for
    /// periods with too many or too few LTS lines maintained: the windows
    /// open and close in date order, so that the cost is in the number of
    /// windows, not its square.
    fn period_findings(&self, windows: &[Window], until: NaiveDate) -> Vec<(Finding, bool)> {
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
            let lines: Vec<Line> = maintained.iter().map(|&at| windows[at].line).collect();
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
}

impl Policy {
    /// How many LTS lines the policy allows side by side (`u64::MAX` when
    /// its LTS support does not count lines), and how many it keeps once
    /// running: as many as one LTS support period spans, at most the
    /// allowed. `None` without an LTS rule.
    fn lts_counts(&self) -> Option<(u64, u64)> {
        let lts = self.lts_rule()?;
        let allowed = lts.support.until_next.map_or(u64::MAX, u64::from);
        let Some(months) = lts.support.months else {
            return Some((allowed, allowed));
        };
        // Months between two LTS lines, on average.
        let spacing = match lts.choice {
            LtsChoice::EveryMonths(every) => f64::from(every),
            LtsChoice::Every(every) => f64::from(every) * self.release_spacing_months(),
        };
        // A period spans ceil(months / spacing) LTS lines; a hair under a
        // whole number is that number, not the next.
        let spans = (f64::from(months) / spacing - 1e-9).ceil().max(1.0);
        Some((allowed, allowed.min(spans as u64)))
    }

    /// Months between two releases, on average.
    fn release_spacing_months(&self) -> f64 {
        match &self.releases_schedule().cadence {
            Cadence::EveryMonths(months) => f64::from(*months),
            Cadence::EveryWeeks(weeks) => f64::from(*weeks) * 7.0 * 12.0 / 365.2425,
            Cadence::InMonths(months) => 12.0 / months.len() as f64,
        }
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
