//! The audit: the history (and, on request, the projection) against the
//! policy's promises, in one pass over the lines for the findings about
//! each (`finding.rs`), then a sweep of the LTS windows for the periods
//! (`periods.rs`); a catalogue policy's recorded ends are also held to the
//! rules its record states (`stated.rs`).
//!
//! ```
//! use lts_policy::audit::AuditScope;
//! use lts_policy::{Policy, parse_date};
//! let kestra = Policy::kestra()?;
//! let audit = kestra.audit(parse_date("2026-11-25")?, AuditScope::History)?;
//! // 2.0 came 126 days after it was due.
//! assert_eq!(audit.findings[0].finding.kind(), "off-cadence");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod finding;
mod periods;
mod stated;

use chrono::{Datelike, NaiveDate};

use crate::policy::dates::days_between;
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, PolicyError};
use crate::policy::lines::info::{ActiveEnd, LineInfo};
use crate::policy::lines::line::Line;
use crate::policy::lines::release::{Place, Source};
use crate::policy::lines::window::{EolReason, Window as LineWindow};
use crate::policy::rules::line_rules::Patches;
use crate::policy::rules::schedule::DayRule;

pub use finding::{Finding, FindingDate, Subject};

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
    /// The day the checked history is complete up to: its as-of day, or
    /// `until` when that is earlier, whatever day was asked.
    pub history_until: NaiveDate,
    /// Whether projected lines were checked too.
    pub projected: bool,
    /// How many lines were checked.
    pub lines_checked: usize,
    /// What departs from the policy, in the order: cadence and overdue
    /// lines, days and patches, ends of support, ends off the rules the
    /// record states, periods.
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
pub(super) struct Window {
    pub(super) line: Line,
    pub(super) projected: bool,
    pub(super) start: NaiveDate,
    pub(super) end: NaiveDate,
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
    /// use lts_policy::{Policy, parse_date};
    /// use lts_policy::audit::{AuditScope, Finding};
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
        // Each line's next, worked out with it, is the next line's own.
        let mut ahead = None;
        let mut lines_checked = 0;
        for place in (0..).map(Place::of) {
            // A history of lines known by name only has none after it.
            if !self.has_line_at(place) {
                break;
            }
            let released = self.release_at(place)?;
            let overdue = self.is_overdue(place);
            if overdue {
                // Late whatever the scope: the history should list it.
                cadence.extend(self.overdue_finding(place, until)?.map(fact));
            }
            if released.date > until || released.source == Source::Rules && !projected {
                break;
            }
            let is_known = place.index() < known;
            let (info, next) = self.line_info_then(place, ahead.take())?;
            ahead = next;
            lines_checked += 1;
            if let Some(previous) = previous.as_ref().filter(|_| !overdue) {
                cadence.extend(self.cadence_finding(previous, &info)?.map(fact));
            }
            if is_known {
                days.extend(self.day_finding(&info)?.map(fact));
                days.extend(self.patch_findings(&info)?.into_iter().map(fact));
                short.extend(self.early_eol_finding(&info)?.map(fact));
                short.extend(early_active_end(&info).map(fact));
            }
            if let Some(window) = &info.lts_window {
                let (finding, lts) = lts_window_of(&info, window, is_known, projected, until);
                short.extend(finding);
                windows.extend(lts);
            }
            previous = Some(info);
        }
        // In the order of the kinds; moved, not copied, into one list.
        let mut findings = cadence;
        findings.append(&mut days);
        findings.append(&mut short);
        // Recorded ends against the record's own words: facts whatever the
        // scope, about the lines released by the day asked.
        findings.extend(self.stated_rule_findings(on).into_iter().map(fact));
        findings.extend(
            self.period_findings(&windows, until)
                .into_iter()
                .map(|(finding, projected)| AuditFinding { finding, projected }),
        );
        Ok(Audit {
            until,
            history_until: until.min(self.history_as_of()),
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
        // Each line against its own rules.
        let due = self
            .rules_at(info.place)?
            .releases
            .nth(previous.released, 1)
            .ok_or_else(|| PolicyError::OutOfRange {
                what: Beyond::DueAfter(previous.line.clone()),
            })?;
        let days_late = days_between(due, info.released);
        Ok((days_late.abs() > GRACE_DAYS).then(|| Finding::OffCadence {
            line: info.line.clone(),
            released: info.released,
            previous: previous.line.clone(),
            previous_released: previous.released,
            due,
            days_late,
        }))
    }

    /// The overdue line at `place`, due on or before `history_as_of`, if
    /// it was due by `until`.
    fn overdue_finding(
        &self,
        place: Place,
        until: NaiveDate,
    ) -> Result<Option<Finding>, PolicyError> {
        let newest = self.newest_release();
        let due = self
            .rules_at(place)?
            .releases
            .nth(newest.released, 1)
            .ok_or_else(|| PolicyError::OutOfRange {
                what: Beyond::DueAfter(newest.line.clone()),
            })?;
        Ok((due <= until).then_some(Finding::Overdue {
            line: self.line_at(place)?,
            due,
            history_as_of: self.history_as_of(),
        }))
    }

    /// A known line released on a day the release schedule does not name.
    fn day_finding(&self, info: &LineInfo) -> Result<Option<Finding>, PolicyError> {
        let rule = self.rules_at(info.place)?.releases.on;
        if rule.allows(info.released) {
            return Ok(None);
        }
        Ok(Some(match rule {
            DayRule::Weekday(_) => Finding::OffWeekday {
                line: info.line.clone(),
                released: info.released,
                weekday: info.released.weekday(),
            },
            _ => Finding::OffDay {
                line: info.line.clone(),
                released: info.released,
                expected: rule,
            },
        }))
    }

    /// A known line whose announced end comes before the rules' end.
    fn early_eol_finding(&self, info: &LineInfo) -> Result<Option<Finding>, PolicyError> {
        let (EolReason::Announced, Some(announced)) = (&info.eol_reason, info.eol) else {
            return Ok(None);
        };
        let mut promised = info.latest_until.max(info.support_window.until);
        if let Some(window) = &info.lts_window {
            promised = promised.max(window.rule_until());
        }
        // Only a promise the history bears out: one cut by a projected
        // release may still move.
        let depends_on_projection = info.latest_until_source == Source::Rules
            || info.support_window.cut_by_projection()
            || info.lts_window.as_ref().is_some_and(|window| {
                window
                    .successor
                    .as_ref()
                    .is_some_and(|successor| successor.source == Source::Rules)
            });
        Ok(
            (announced < promised && !depends_on_projection).then(|| Finding::EarlyEol {
                line: info.line.clone(),
                announced,
                promised,
            }),
        )
    }

    fn patch_findings(&self, info: &LineInfo) -> Result<Vec<Finding>, PolicyError> {
        let mut findings = Vec::new();
        let rule = match &self.rules_at(info.place)?.patches {
            Patches::Scheduled(schedule) => Some(schedule.on),
            Patches::Recorded => None,
        };
        for patch in self.known_patches(info) {
            if let Some(rule) = rule
                && !rule.allows(patch.released)
            {
                findings.push(Finding::PatchOffDay {
                    line: info.line.clone(),
                    version: patch.version,
                    released: patch.released,
                    weekday: patch.released.weekday(),
                    expected: rule,
                });
            }
            if let Some(eol) = info.eol
                && patch.released >= eol
            {
                findings.push(Finding::PatchAfterEol {
                    line: info.line.clone(),
                    version: patch.version,
                    released: patch.released,
                    eol,
                });
            }
        }
        Ok(findings)
    }
}

/// A known line whose announced end of active support comes before the
/// rules' (the latest of the next release and its active windows, never
/// after its eol). Only a promise the history bears out counts.
fn early_active_end(info: &LineInfo) -> Option<Finding> {
    let (ActiveEnd::Announced, Some(announced), Some(eol)) =
        (&info.active_end, info.active_until, info.eol)
    else {
        return None;
    };
    let mut promised: Option<NaiveDate> = None;
    for window in info.active_windows() {
        if window.cut_by_projection() {
            return None;
        }
        promised = Some(promised.map_or(window.rule_until(), |end| end.max(window.rule_until())));
    }
    let promised = promised?.max(info.latest_until).min(eol);
    (announced < promised && info.latest_until_source == Source::History).then(|| {
        Finding::EarlyActiveEnd {
            line: info.line.clone(),
            announced,
            promised,
        }
    })
}

/// What the LTS `window` of `info` says: a finding when it is shorter than
/// promised (with a projection in it only when the audit is `projected`),
/// and the part of it before `until`, from the line's LTS start, for the
/// sweep of the periods.
fn lts_window_of(
    info: &LineInfo,
    window: &LineWindow,
    is_known: bool,
    projected: bool,
    until: NaiveDate,
) -> (Option<AuditFinding>, Option<Window>) {
    let cut_by = (!window.announced())
        .then(|| {
            window
                .successor
                .as_ref()
                .map(|successor| successor.line.clone())
        })
        .flatten();
    let involves_projection = !is_known || window.cut_by_projection();
    let finding = window
        .promised
        .filter(|promised| window.until < *promised && (projected || !involves_projection))
        .map(|promised| AuditFinding {
            finding: Finding::ShortLtsSupport {
                line: info.line.clone(),
                released: info.released,
                promised,
                until: window.until,
                cut_by,
            },
            projected: involves_projection,
        });
    // LTS from its LTS start.
    let start = info.lts_from.unwrap_or(info.released);
    let lts = (start < until && start < window.until).then(|| Window {
        line: info.line.clone(),
        projected: !is_known,
        start,
        end: window.until.min(until),
    });
    (finding, lts)
}
