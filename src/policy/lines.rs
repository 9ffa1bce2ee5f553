//! One line with everything the rules say about it: its release, LTS flag
//! and support windows.

use chrono::NaiveDate;

use super::dates::add_months;
use super::dates::days_between;
use super::definition::Policy;
use super::error::{Beyond, PolicyError};
use super::forecast::{Range, shift};
use super::info::{ActiveEnd, EolReason, LineInfo, Successor, Window, WindowEnd, WindowRule};
use super::lts::LtsFlag;
use super::model::{Dated, Line, Place, Source};
use super::rules::{CountFrom, LtsStart, Support};
use super::version::VersionInput;

/// The line after a line, worked out once for all of its windows.
#[derive(Clone, Copy)]
struct Next {
    line: Line,
    released: NaiveDate,
    source: Source,
}

/// The facts a line's windows are worked out from.
struct Base {
    place: Place,
    line: Line,
    released: Dated,
    /// The day the schedule had it due, when a rule counts from it.
    scheduled: Option<NaiveDate>,
    next: Next,
}

impl Policy {
    /// Everything about the line at `place`.
    pub(crate) fn line_info(&self, place: Place) -> Result<LineInfo, PolicyError> {
        let (
            line,
            Dated {
                date: released,
                source: released_source,
            },
        ) = self.line_and_release_at(place)?;
        let LtsFlag {
            lts,
            source: lts_source,
        } = self.lts_at(place)?;
        let next_place = place.next().ok_or(PolicyError::OutOfRange {
            what: Beyond::LtsEnd(line),
        })?;
        let next = self.next_at(next_place)?;
        let rules = self.rules_at(place)?;
        let base = Base {
            place,
            line,
            released: Dated {
                date: released,
                source: released_source,
            },
            scheduled: rules
                .counts_from_schedule()
                .then(|| self.scheduled_at(place, released))
                .transpose()?,
            next,
        };
        let (latest_until, next_source) = (next.released, next.source);
        let mut eol = (latest_until, EolReason::NextRelease(next.line), next_source);
        // The last minor of a major, followed by (X+1).0, has its own rule.
        let last_of_major = rules
            .last_of_major
            .as_ref()
            .filter(|_| line.minor.is_some() && next.line.major > line.major);
        let support_window = match last_of_major {
            Some(rule) => self.window(&base, WindowRule::LastOfMajor, rule)?,
            None => self.window(&base, WindowRule::Support, &rules.support)?,
        };
        if support_window.until > eol.0 {
            eol = (
                support_window.until,
                support_window.ends_by(),
                support_window.source(),
            );
        }
        let lts_rule = rules.lts.as_ref().filter(|_| lts);
        let lts_window = lts_rule
            .map(|rule| self.window(&base, WindowRule::Lts, &rule.support))
            .transpose()?;
        if let Some(window) = &lts_window
            && window.until > eol.0
        {
            eol = (window.until, window.ends_by(), window.source());
        }
        let known = self.known(place);
        if let Some(announced) = known.and_then(|release| release.eol) {
            eol = (announced, EolReason::Announced, Source::History);
        }
        let (lts_from, lts_from_source) = match lts_rule {
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
        let lts_active_window = lts_rule
            .and_then(|rule| rule.active.as_ref())
            .map(|rule| self.window(&base, WindowRule::LtsActive, rule))
            .transpose()?;
        let active = active_end(
            [active_window.as_ref(), lts_active_window.as_ref()],
            (latest_until, next.line, next_source),
            (eol.0, eol.2),
            known.and_then(|release| release.active_until),
        );
        // The release whose day the eol counts from, when it is projected.
        let counted_from = match eol.1 {
            EolReason::NextRelease(_) => next_place,
            EolReason::Superseded(_) => support_window.successor.map_or(place, |next| next.place),
            EolReason::LtsSuperseded(_) => lts_window
                .and_then(|window| window.successor)
                .map_or(place, |next| next.place),
            _ => place,
        };
        // A period counted from the day the schedule has the line due does
        // not move with its release.
        let from_schedule =
            |rule: Option<&Support>| rule.is_some_and(|rule| rule.from == CountFrom::Scheduled);
        let support_rule = last_of_major.unwrap_or(&rules.support);
        let eol_range = match eol.1 {
            EolReason::Announced => None,
            EolReason::SupportPeriod if from_schedule(Some(support_rule)) => None,
            EolReason::LtsSupportPeriod if from_schedule(lts_rule.map(|rule| &rule.support)) => {
                None
            }
            _ => {
                let from = self.release_at(counted_from)?.date;
                self.release_range(counted_from, from)
                    .and_then(|range| range.shifted(days_between(from, eol.0)))
            }
        };
        Ok(LineInfo {
            place,
            line,
            released,
            released_source,
            released_range: self.release_range(place, released),
            overdue: self.is_overdue(place),
            lts,
            lts_source,
            lts_from,
            lts_from_source,
            scheduled: base.scheduled,
            latest_until,
            latest_until_source: next_source,
            support_window,
            lts_window,
            active_window,
            lts_active_window,
            active_until: active.0,
            active_end: active.1,
            active_source: active.2,
            eol: eol.0,
            eol_reason: eol.1,
            eol_source: eol.2,
            eol_range,
        })
    }

    /// The 80% range of the release at `place`, on `released`, when it is
    /// projected and the track record says: the middle of the track record
    /// around the day, or, for a line overdue, from the day after the
    /// history to the day releases as late as it came by; never before the
    /// day after the history.
    fn release_range(&self, place: Place, released: NaiveDate) -> Option<Range> {
        let ahead = place.since(Place::of(self.history().len() - 1))?;
        if ahead == 0 {
            return None;
        }
        let record = self.track_record();
        let range = if self.is_overdue(place) {
            let newest = self.newest_release().released;
            let due = self.rules_at(place).ok()?.releases.nth(newest, 1)?;
            let by = record.late_by(days_between(due, released))?;
            Range {
                from: released,
                to: shift(due, by)?.max(released),
            }
        } else {
            let (low, high) = record.offsets(ahead as u64)?;
            Range {
                from: shift(released, low)?,
                to: shift(released, high)?,
            }
        };
        let first = self.history_as_of().succ_opt()?;
        Some(Range {
            from: range.from.max(first),
            to: range.to.max(first),
        })
    }

    /// The line at `place` and its release, as a line after another.
    fn next_at(&self, place: Place) -> Result<Next, PolicyError> {
        let (line, Dated { date, source }) = self.line_and_release_at(place)?;
        Ok(Next {
            line,
            released: date,
            source,
        })
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
            what: Beyond::LtsEnd(base.line),
        };
        match starts {
            LtsStart::Release => Ok(base.released),
            LtsStart::AtNext(1) => Ok(Dated {
                date: base.next.released,
                source: base.next.source,
            }),
            LtsStart::AtNext(places) => {
                let at = base.place.after(places as usize).ok_or_else(out_of_range)?;
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
            what: Beyond::LtsEnd(base.line),
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
                    base.place.after(places as usize).ok_or_else(out_of_range)?
                };
                let next = if places == 1 && !rule.counts_lts_lines() {
                    base.next
                } else {
                    self.next_at(place)?
                };
                Some(Successor {
                    line: next.line,
                    places,
                    place,
                    released: next.released,
                    source: next.source,
                    ends: support
                        .successor_end(next.released)
                        .ok_or_else(out_of_range)?,
                })
            }
        };
        // Validation requires one term at least; the period wins a tie.
        let (until, ends) = match (promised, successor) {
            (Some(promised), Some(successor)) if successor.ends < promised => {
                (successor.ends, WindowEnd::Successor)
            }
            (Some(promised), _) => (promised, WindowEnd::Period),
            (None, Some(successor)) => (successor.ends, WindowEnd::Successor),
            (None, None) => (base.released.date, WindowEnd::Period),
        };
        let announced = match rule {
            WindowRule::Lts => self.known(base.place).and_then(|release| release.eol),
            _ => None,
        };
        Ok(Window {
            rule,
            until: announced.unwrap_or(until),
            ends: announced.map_or(ends, |_| WindowEnd::Announced),
            counted_from,
            promised,
            successor,
        })
    }

    /// Everything about a line, known or projected: its release date, LTS
    /// flag and end of support, each with where it comes from.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] for a line the policy never releases,
    /// with a hint naming its neighbours; [`PolicyError::OutOfRange`] for a
    /// projected line too far away to date.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Line, Policy, Source};
    /// let kestra = Policy::kestra().unwrap();
    /// let line = kestra.line(Line::new(2, 1)).unwrap();
    /// // 2.0 came on 2026-09-08; 2026-11-08 is a Sunday: the next Tuesday.
    /// assert_eq!(line.released.to_string(), "2026-11-10");
    /// assert_eq!(line.released_source, Source::Rules);
    /// let unknown = kestra.line(Line::new(1, 4)).unwrap_err();
    /// assert_eq!(unknown.to_string(), "line 1.4 is not in the kestra policy: after 1.3 came 2.0");
    /// ```
    pub fn line(&self, line: Line) -> Result<LineInfo, PolicyError> {
        self.line_info(self.place_of(line)?)
    }

    /// The line of this policy that a version names, in any spelling a
    /// user types: `1.3`, `1.3.7`, `v1.3.7`, and `22` where lines are
    /// majors.
    ///
    /// # Errors
    /// [`PolicyError::InvalidVersion`] for text that is no version, or a
    /// major alone where lines are `MAJOR.MINOR`.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Line, Policy};
    /// let kestra = Policy::kestra().unwrap();
    /// assert_eq!(kestra.line_of("v1.3.7").unwrap(), Line::new(1, 3));
    /// assert!(kestra.line_of("2").is_err());
    /// ```
    pub fn line_of(&self, version: &str) -> Result<Line, PolicyError> {
        Ok(VersionInput::parse(version)?.line(self.line_kind())?)
    }

    /// The release date of a line: the day `backport-targets --latest` asks about.
    ///
    /// # Errors
    /// As [`Policy::line`].
    pub fn release_of(&self, line: Line) -> Result<NaiveDate, PolicyError> {
        Ok(self.release_at(self.place_of(line)?)?.date)
    }

    /// The newest line released on or before `date`; `None` before the first release.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when the line cannot be dated.
    pub fn latest_on(&self, date: NaiveDate) -> Result<Option<LineInfo>, PolicyError> {
        self.latest_place_on(date)?
            .map(|place| self.line_info(place))
            .transpose()
    }
}

/// The end of active support, what ends it and where it comes from: the
/// latest of the next line's release and the active windows, never after
/// the eol; the eol itself without an active rule; an announced end (never
/// after the eol) instead of either.
fn active_end(
    windows: [Option<&Window>; 2],
    (next_release, next_line, next_source): (NaiveDate, Line, Source),
    (eol, eol_source): (NaiveDate, Source),
    announced: Option<NaiveDate>,
) -> (NaiveDate, ActiveEnd, Source) {
    if let Some(announced) = announced {
        return (announced.min(eol), ActiveEnd::Announced, Source::History);
    }
    let mut ends = windows.into_iter().flatten().peekable();
    if ends.peek().is_none() {
        return (eol, ActiveEnd::OnePhase, eol_source);
    }
    let mut active = (next_release, ActiveEnd::NextRelease(next_line), next_source);
    for window in ends {
        if window.until > active.0 {
            active = (window.until, ActiveEnd::Rule(window.rule), window.source());
        }
    }
    if active.0 > eol {
        return (eol, ActiveEnd::Eol, eol_source);
    }
    active
}
