//! One line with everything the rules say about it, worked out in turn:
//! its release and the line after it, its windows of support, its end of
//! support and of active support, and how sure each projected day is.

use chrono::NaiveDate;

use super::ends::{Eol, active_end, window_end};
use super::info::LineInfo;
use super::line::Line;
use super::lts::LtsFlag;
use super::release::{Dated, Place, RecordedEnd, Source};
use super::window::{EolReason, Successor, Window, WindowEnd, WindowRule};
use crate::policy::dates::add_months;
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, PolicyError};
use crate::policy::rules::line_rules::{CountFrom, LineRules, LtsRule, LtsStart, Support};

/// The line after a line, worked out once for all of its windows, and
/// handed on as the own line of the next one a reader in order asks for.
#[derive(Debug, Clone)]
pub(crate) struct Next {
    line: Line,
    pub(super) released: NaiveDate,
    source: Source,
}

/// The facts a line's windows are worked out from.
pub(super) struct Base {
    pub(super) place: Place,
    /// The place of the line after it.
    pub(super) next_place: Place,
    pub(super) line: Line,
    pub(super) released: Dated,
    /// The day the schedule had it due, when a rule counts from it.
    pub(super) scheduled: Option<NaiveDate>,
    /// The line after it; `None` when none is known or projected.
    pub(super) next: Option<Next>,
}

/// The windows of support and of LTS support of a line, with the rules
/// they follow.
pub(super) struct SupportWindows<'r> {
    pub(super) support: Window,
    /// The support rule the window follows: the last minor of a major's,
    /// or every line's.
    pub(super) support_rule: &'r Support,
    pub(super) lts: Option<Window>,
    /// The LTS rule, for an LTS line.
    pub(super) lts_rule: Option<&'r LtsRule>,
}

impl Policy {
    /// Everything about the line at `place`.
    pub(crate) fn line_info(&self, place: Place) -> Result<LineInfo, PolicyError> {
        Ok(self.line_info_then(place, None)?.0)
    }

    /// [`Policy::line_info`], from the line at `place` and its release
    /// where the caller has them (`own`, the line after the one before it,
    /// as a reader of the lines in order has it), with the line after it.
    pub(crate) fn line_info_then(
        &self,
        place: Place,
        own: Option<Next>,
    ) -> Result<(LineInfo, Option<Next>), PolicyError> {
        let (base, lts) = self.base_of(place, own)?;
        let rules = self.rules_at(place)?;
        let windows = self.support_windows(&base, rules, lts.lts)?;
        let known = self.known(place);
        let rules_eol = rules_eol(&base, &windows);
        let rules_day = rules_eol.0;
        let eol = self.recorded_eol(rules_eol, known.and_then(|release| release.eol))?;
        let (lts_from, lts_from_source) = match windows.lts_rule {
            Some(rule) => {
                let start = self.lts_start(&base, rule.starts)?;
                (Some(start.date), start.source)
            }
            None => (None, Source::Rules),
        };
        let active_window = rules
            .active
            .as_ref()
            .map(|rule| self.window(&base, WindowRule::Active, rule))
            .transpose()?;
        let lts_active_window = windows
            .lts_rule
            .and_then(|rule| rule.active.as_ref())
            .map(|rule| self.window(&base, WindowRule::LtsActive, rule))
            .transpose()?;
        let computed_active = active_end(
            [active_window.as_ref(), lts_active_window.as_ref()],
            base.next
                .as_ref()
                .map(|next| (next.released, next.line.clone(), next.source)),
            (eol.0, eol.2),
        );
        let active = self.recorded_active_end(
            computed_active,
            known.and_then(|release| release.active_until),
            eol.0,
        )?;
        let eol_range = self.eol_range(&base, &windows, &eol, rules_day);
        // Without a line after it, it is the latest for good.
        let (latest_until, latest_until_source) = base
            .next
            .as_ref()
            .map_or((NaiveDate::MAX, Source::Rules), |next| {
                (next.released, next.source)
            });
        let info = LineInfo {
            place,
            released: base.released.date,
            released_source: base.released.source,
            released_range: self.release_range(place, base.released.date),
            overdue: self.is_overdue(place),
            lts: lts.lts,
            lts_source: lts.source,
            lts_from,
            lts_from_source,
            scheduled: base.scheduled,
            latest_until,
            latest_until_source,
            support_window: windows.support,
            lts_window: windows.lts,
            active_window,
            lts_active_window,
            active_until: active.0,
            active_end: active.1,
            active_source: active.2,
            eol: eol.0,
            eol_reason: eol.1,
            eol_source: eol.2,
            eol_range,
            extended: known.and_then(|release| release.extended_until),
            discontinued: known.and_then(|release| release.discontinued),
            line: base.line,
        };
        Ok((info, base.next))
    }

    /// The facts the windows of the line at `place` are worked out from,
    /// from its line and release where the caller has them (`own`), and
    /// its LTS flag.
    fn base_of(&self, place: Place, own: Option<Next>) -> Result<(Base, LtsFlag), PolicyError> {
        let (line, released) = match own {
            Some(own) => (
                own.line,
                Dated {
                    date: own.released,
                    source: own.source,
                },
            ),
            None => self.line_and_release_at(place)?,
        };
        let lts = self.lts_at(place)?;
        let next_place = place.next().ok_or_else(|| PolicyError::OutOfRange {
            what: Beyond::LtsEnd(line.clone()),
        })?;
        let next = self.next_at(next_place)?;
        let scheduled = self
            .rules_at(place)?
            .counts_from_schedule()
            .then(|| self.scheduled_at(place, released.date))
            .transpose()?;
        let base = Base {
            place,
            next_place,
            line,
            released,
            scheduled,
            next,
        };
        Ok((base, lts))
    }

    /// The windows of support and of LTS support `rules` give the line of
    /// `base`, LTS when `lts`.
    fn support_windows<'r>(
        &self,
        base: &Base,
        rules: &'r LineRules,
        lts: bool,
    ) -> Result<SupportWindows<'r>, PolicyError> {
        let last_of_major = rules
            .last_of_major
            .as_ref()
            .filter(|_| ends_a_major(&base.line, base.next.as_ref().map(|next| &next.line)));
        let support = match last_of_major {
            Some(rule) => self.window(base, WindowRule::LastOfMajor, rule)?,
            None => self.window(base, WindowRule::Support, &rules.support)?,
        };
        let lts_rule = rules.lts.as_ref().filter(|_| lts);
        let lts_window = lts_rule
            .map(|rule| self.window(base, WindowRule::Lts, &rule.support))
            .transpose()?;
        Ok(SupportWindows {
            support,
            support_rule: last_of_major.unwrap_or(&rules.support),
            lts: lts_window,
            lts_rule,
        })
    }

    /// Whether the line at `place` has its support from
    /// `support.last_of_major`: the last minor of its major, under rules
    /// that give such a line a period of its own.
    pub(crate) fn under_last_of_major(&self, place: Place) -> Result<bool, PolicyError> {
        if self.rules_at(place)?.last_of_major.is_none() {
            return Ok(false);
        }
        let next = match place.next() {
            Some(next) if self.has_line_at(next) => Some(self.line_at(next)?),
            _ => None,
        };
        Ok(ends_a_major(&self.line_at(place)?, next.as_ref()))
    }

    /// The end of support the rules give the line at `place`, whatever
    /// the history records of it: what a recorded end is measured against.
    pub(super) fn rules_end(&self, place: Place) -> Result<Option<NaiveDate>, PolicyError> {
        let (base, lts) = self.base_of(place, None)?;
        let mut windows = self.support_windows(&base, self.rules_at(place)?, lts.lts)?;
        // An LTS window ends where the history's record does: the rule's
        // own end is what that record is measured against.
        if let Some(window) = windows.lts.as_mut() {
            window.until = window.rule_until();
        }
        Ok(rules_eol(&base, &windows).0)
    }

    /// The line at `place` and its release, as a line after another;
    /// `None` when there is no such line (the history's lines are all known
    /// by name only, and no rule names one after them).
    fn next_at(&self, place: Place) -> Result<Option<Next>, PolicyError> {
        if !self.has_line_at(place) {
            return Ok(None);
        }
        let (line, Dated { date, source }) = self.line_and_release_at(place)?;
        Ok(Some(Next {
            line,
            released: date,
            source,
        }))
    }

    /// The day an LTS line becomes LTS: the day the history gives, or the
    /// one `starts` says, counted from its release.
    fn lts_start(&self, base: &Base, starts: LtsStart) -> Result<Dated, PolicyError> {
        if let Some(from) = self.known(base.place).and_then(|release| release.lts_from) {
            return Ok(Dated {
                date: from,
                source: Source::History,
            });
        }
        let out_of_range = || PolicyError::OutOfRange {
            what: Beyond::LtsEnd(base.line.clone()),
        };
        match starts {
            LtsStart::Release => Ok(base.released),
            // The release of a line that never comes: LTS never.
            LtsStart::AtNext(1) => Ok(base.next.as_ref().map_or(
                Dated {
                    date: NaiveDate::MAX,
                    source: Source::Rules,
                },
                |next| Dated {
                    date: next.released,
                    source: next.source,
                },
            )),
            LtsStart::AtNext(places) => {
                let at = base.place.after(places as usize).ok_or_else(out_of_range)?;
                if !self.has_line_at(at) {
                    return Ok(Dated {
                        date: NaiveDate::MAX,
                        source: Source::Rules,
                    });
                }
                self.release_at(at)
            }
            LtsStart::Months(months) => Ok(Dated {
                date: add_months(base.released.date, u64::from(months)).ok_or_else(out_of_range)?,
                source: Source::Rules,
            }),
        }
    }

    /// The window `support`, of the kind `rule`, gives the line: the earlier
    /// of the day its period counts from plus the period and the release of
    /// the line (or LTS line) `until_next` places later plus the grace, each
    /// rounded as the rule says. An announced end replaces an LTS window's.
    fn window(
        &self,
        base: &Base,
        rule: WindowRule,
        support: &Support,
    ) -> Result<Window, PolicyError> {
        let out_of_range = || PolicyError::OutOfRange {
            what: Beyond::LtsEnd(base.line.clone()),
        };
        let counted_from = match (support.from, base.scheduled) {
            (CountFrom::Scheduled, Some(scheduled)) => scheduled,
            _ => base.released.date,
        };
        let promised = support
            .promised_end(counted_from)
            .ok_or_else(out_of_range)?;
        let successor = match support.until_next {
            None => None,
            Some(places) => {
                let place = if rule.counts_lts_lines() {
                    self.lts_after(base.place, places)?
                } else {
                    base.place.after(places as usize)
                };
                let next = match place {
                    _ if places == 1 && !rule.counts_lts_lines() => base.next.clone(),
                    Some(place) => self.next_at(place)?,
                    None => None,
                };
                match (place, next) {
                    (Some(place), Some(next)) => Some(Successor {
                        ends: support
                            .successor_end(next.released)
                            .ok_or_else(out_of_range)?,
                        line: next.line,
                        places,
                        place,
                        released: next.released,
                        source: next.source,
                    }),
                    _ => None,
                }
            }
        };
        // Validation requires one term at least; the period wins a tie. A
        // rule whose line never comes, and without a period, never ends.
        let (until, ends) = match (promised, &successor) {
            (Some(promised), Some(successor)) if successor.ends < promised => {
                (successor.ends, WindowEnd::Successor)
            }
            (Some(promised), _) => (promised, WindowEnd::Period),
            (None, Some(successor)) => (successor.ends, WindowEnd::Successor),
            (None, None) => (NaiveDate::MAX, WindowEnd::Successor),
        };
        // The history's end of support ends the line's LTS maintenance too;
        // one that passed on a day it does not give leaves none it vouches for.
        let recorded = match rule {
            WindowRule::Lts => match self.known(base.place).and_then(|release| release.eol) {
                Some(RecordedEnd::On(day)) => Some(day),
                Some(RecordedEnd::Passed) => Some(base.released.date),
                Some(RecordedEnd::NotYet) | None => None,
            },
            _ => None,
        };
        Ok(Window {
            rule,
            until: recorded.unwrap_or(until),
            ends: recorded.map_or(ends, |_| WindowEnd::Announced),
            counted_from,
            promised,
            successor,
        })
    }
}

/// The end of support the rules give the line of `base`: the next release,
/// or the later end its windows give.
fn rules_eol(base: &Base, windows: &SupportWindows) -> Eol {
    let mut eol: Eol = match &base.next {
        Some(next) => (
            Some(next.released),
            EolReason::NextRelease(next.line.clone()),
            next.source,
        ),
        None => (None, EolReason::NoLaterLine, Source::Rules),
    };
    let later = |eol: &Eol, until: NaiveDate| eol.0.is_some_and(|day| until > day);
    for window in [Some(&windows.support), windows.lts.as_ref()]
        .into_iter()
        .flatten()
    {
        if later(&eol, window.until) {
            eol = window_end(window);
        }
    }
    eol
}

/// Whether `line` is the last minor of its major: followed by `next`, a
/// line of a higher major (`support.last_of_major` governs it then).
fn ends_a_major(line: &Line, next: Option<&Line>) -> bool {
    line.minor().is_some() && next.is_some_and(|next| next.major() > line.major())
}
