//! One line with everything the rules say about it: its release, LTS flag
//! and support windows.

use chrono::NaiveDate;

use super::info::{ActiveEnd, LineInfo};
use super::line::{Line, LineKind};
use super::lts::LtsFlag;
use super::numbers::MAX_LINE_NUMBERS;
use super::release::{Dated, Place, RecordedEnd, Source};
use super::version::VersionInput;
use super::window::{EolReason, Successor, Window, WindowEnd, WindowRule};
use crate::policy::dates::add_months;
use crate::policy::dates::days_between;
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, LineHint, PolicyError};
use crate::policy::forecast::{Range, shift};
use crate::policy::rules::line_rules::{CountFrom, LtsStart, Support};

/// The line after a line, worked out once for all of its windows, and
/// handed on as the own line of the next one a reader in order asks for.
#[derive(Debug, Clone)]
pub(crate) struct Next {
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
    /// The line after it; `None` when none is known or projected.
    next: Option<Next>,
}

/// A line's end of support as it is worked out: the day (`None` where no
/// day is known), why, and where it comes from.
type Eol = (Option<NaiveDate>, EolReason, Source);

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
        let (line, released, released_source) = match own {
            Some(own) => (own.line, own.released, own.source),
            None => {
                let (line, released) = self.line_and_release_at(place)?;
                (line, released.date, released.source)
            }
        };
        let LtsFlag {
            lts,
            source: lts_source,
        } = self.lts_at(place)?;
        let next_place = place.next().ok_or_else(|| PolicyError::OutOfRange {
            what: Beyond::LtsEnd(line.clone()),
        })?;
        let next = self.next_at(next_place)?;
        let rules = self.rules_at(place)?;
        let base = Base {
            place,
            line: line.clone(),
            released: Dated {
                date: released,
                source: released_source,
            },
            scheduled: rules
                .counts_from_schedule()
                .then(|| self.scheduled_at(place, released))
                .transpose()?,
            next: next.clone(),
        };
        // Without a line after it, it is the latest for good.
        let (latest_until, next_source) = next
            .as_ref()
            .map_or((NaiveDate::MAX, Source::Rules), |next| {
                (next.released, next.source)
            });
        let mut eol: Eol = match &next {
            Some(next) => (
                Some(next.released),
                EolReason::NextRelease(next.line.clone()),
                next.source,
            ),
            None => (None, EolReason::NoLaterLine, Source::Rules),
        };
        let later = |eol: &Eol, until: NaiveDate| eol.0.is_some_and(|day| until > day);
        // The last minor of a major, followed by (X+1).0, has its own rule.
        let last_of_major = rules.last_of_major.as_ref().filter(|_| {
            line.minor().is_some()
                && next
                    .as_ref()
                    .is_some_and(|next| next.line.major() > line.major())
        });
        let support_window = match last_of_major {
            Some(rule) => self.window(&base, WindowRule::LastOfMajor, rule)?,
            None => self.window(&base, WindowRule::Support, &rules.support)?,
        };
        if later(&eol, support_window.until) {
            eol = window_end(&support_window);
        }
        let lts_rule = rules.lts.as_ref().filter(|_| lts);
        let lts_window = lts_rule
            .map(|rule| self.window(&base, WindowRule::Lts, &rule.support))
            .transpose()?;
        if let Some(window) = &lts_window
            && later(&eol, window.until)
        {
            eol = window_end(window);
        }
        let known = self.known(place);
        eol = self.recorded_eol(eol, known.and_then(|release| release.eol))?;
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
        let computed_active = active_end(
            [active_window.as_ref(), lts_active_window.as_ref()],
            next.as_ref()
                .map(|next| (next.released, next.line.clone(), next.source)),
            (eol.0, eol.2),
        );
        let active = self.recorded_active_end(
            computed_active,
            known.and_then(|release| release.active_until),
            eol.0,
        )?;
        // The release the eol counts from, when it is projected: its place
        // and day, both at hand already.
        let successor_of = |window: Option<&Window>| {
            window
                .and_then(|window| window.successor.as_ref())
                .map(|successor| (successor.place, successor.released))
        };
        let (counted_from, from) = match &eol.1 {
            EolReason::NextRelease(_) => next.as_ref().map(|next| (next_place, next.released)),
            EolReason::Superseded(_) => successor_of(Some(&support_window)),
            EolReason::LtsSuperseded(_) => successor_of(lts_window.as_ref()),
            _ => None,
        }
        .unwrap_or((place, released));
        // A period counted from the day the schedule has the line due does
        // not move with its release.
        let from_schedule =
            |rule: Option<&Support>| rule.is_some_and(|rule| rule.from == CountFrom::Scheduled);
        let support_rule = last_of_major.unwrap_or(&rules.support);
        let eol_range = match (&eol.1, eol.0) {
            (EolReason::SupportPeriod, _) if from_schedule(Some(support_rule)) => None,
            (EolReason::LtsSupportPeriod, _)
                if from_schedule(lts_rule.map(|rule| &rule.support)) =>
            {
                None
            }
            (
                EolReason::NextRelease(_)
                | EolReason::SupportPeriod
                | EolReason::Superseded(_)
                | EolReason::LtsSupportPeriod
                | EolReason::LtsSuperseded(_),
                Some(day),
            ) => self
                .release_range(counted_from, from)
                .and_then(|range| range.shifted(days_between(from, day))),
            _ => None,
        };
        let info = LineInfo {
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
            extended: known.and_then(|release| release.extended_until),
            discontinued: known.and_then(|release| release.discontinued),
        };
        Ok((info, next))
    }

    /// The end of support once the history's record of it is read: a day
    /// it announces replaces the rules'; an end it says has passed, on a
    /// day it does not give, leaves no day, and ends support at the latest
    /// the day after `history_as_of` (before it, the rules' end, where that
    /// comes first, is the best the record allows); an end it says has not
    /// come by `history_as_of` is [`Policy::overdue_end`].
    fn recorded_eol(&self, rules: Eol, recorded: Option<RecordedEnd>) -> Result<Eol, PolicyError> {
        Ok(match recorded {
            None => rules,
            Some(RecordedEnd::On(day)) => (Some(day), EolReason::Announced, Source::History),
            Some(RecordedEnd::Passed) => {
                let after_history = self.day_after_history()?;
                let at_latest = rules.0.map_or(after_history, |day| day.min(after_history));
                (None, EolReason::EndedUndated { at_latest }, Source::History)
            }
            Some(RecordedEnd::NotYet) => match self.overdue_end(rules.0)? {
                Some(day) => (Some(day), EolReason::Overdue, Source::Rules),
                None => rules,
            },
        })
    }

    /// The end of active support once the history's record of it is read,
    /// as [`Policy::recorded_eol`] reads the end of support: an end of
    /// active support that has passed on a day not given comes by the day
    /// after `history_as_of` at the latest, the rules' end where earlier
    /// (a day the rules give, so theirs); never after the eol.
    fn recorded_active_end(
        &self,
        rules: ActiveUntil,
        recorded: Option<RecordedEnd>,
        eol: Option<NaiveDate>,
    ) -> Result<ActiveUntil, PolicyError> {
        let capped = |day: NaiveDate| eol.map_or(day, |eol| day.min(eol));
        Ok(match recorded {
            None => rules,
            Some(RecordedEnd::On(day)) => {
                (Some(capped(day)), ActiveEnd::Announced, Source::History)
            }
            Some(RecordedEnd::Passed) => {
                let after_history = self.day_after_history()?;
                let at_latest = rules.0.map_or(after_history, |day| day.min(after_history));
                (
                    Some(capped(at_latest)),
                    ActiveEnd::EndedUndated,
                    Source::Rules,
                )
            }
            Some(RecordedEnd::NotYet) => match self.overdue_end(rules.0)? {
                Some(day) => (Some(capped(day)), ActiveEnd::Overdue, Source::Rules),
                None => rules,
            },
        })
    }

    /// For an end the history says had not come by its `history_as_of`:
    /// where the rules' end (`rules`) is on or before that day, it is
    /// overdue, projected the day after, as an overdue line is; `None`
    /// where the rules' end stands.
    fn overdue_end(&self, rules: Option<NaiveDate>) -> Result<Option<NaiveDate>, PolicyError> {
        match rules {
            Some(day) if day <= self.history_as_of() => Ok(Some(self.day_after_history()?)),
            _ => Ok(None),
        }
    }

    /// The first day after the history: where ends it says are still to
    /// come, and lines it does not list, are projected at the earliest.
    fn day_after_history(&self) -> Result<NaiveDate, PolicyError> {
        self.history_as_of()
            .succ_opt()
            .ok_or_else(|| PolicyError::OutOfRange {
                what: Beyond::DayAfter(self.history_as_of()),
            })
    }

    /// The 80% range of the release at `place`, on `released`, when it is
    /// projected and the track record says: the middle of the track record
    /// around the day, or, for a line overdue, from the day after the
    /// history to the day releases as late as it came by; never before the
    /// day after the history.
    fn release_range(&self, place: Place, released: NaiveDate) -> Option<Range> {
        let ahead = place.since(self.newest_place())?;
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
        self.line_info(self.place_of(&line)?)
    }

    /// The line of this policy that a version names, in any spelling a
    /// user types: `1.3`, `1.3.7`, `v1.3.7`, `22` where lines are majors,
    /// `24.04.1` as Ubuntu writes it, the name of a line known by name only.
    ///
    /// # Errors
    /// [`PolicyError::InvalidVersion`] for text that is no version, or a
    /// major alone where lines are `MAJOR.MINOR`;
    /// [`PolicyError::UnknownLine`] where lines are dotted and none is the
    /// version's.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Line, Policy};
    /// let kestra = Policy::kestra().unwrap();
    /// assert_eq!(kestra.line_of("v1.3.7").unwrap(), Line::new(1, 3));
    /// assert!(kestra.line_of("2").is_err());
    /// ```
    pub fn line_of(&self, version: &str) -> Result<Line, PolicyError> {
        self.line_of_version(&self.read_version(version)?)
    }

    /// A version as a user types it, read for this policy: the name of one
    /// of its lines known by name only, or numbers after the policy's
    /// `line_prefix`, if it has one and they have it.
    ///
    /// # Errors
    /// [`PolicyError::InvalidVersion`] for text that is neither.
    pub fn read_version(&self, text: &str) -> Result<VersionInput, PolicyError> {
        if self
            .history()
            .iter()
            .any(|release| release.line.name() == Some(text))
        {
            return Ok(VersionInput::Name(text.to_owned()));
        }
        let bare = self
            .rules()
            .line_prefix
            .as_deref()
            .and_then(|prefix| text.strip_prefix(prefix))
            .unwrap_or(text);
        Ok(VersionInput::parse(bare)?)
    }

    /// The line of this policy a version belongs to: the line its first
    /// numbers make (two where lines are minors, one where they are majors);
    /// where lines are dotted, the line the history records it of, else the
    /// longest line, known or projected, that it starts with (Jenkins's
    /// `2.401.3` is of `2.401`, its `2.100` of `2`, its recorded weekly
    /// `2.578` of `2`); for a name, the line known by it.
    ///
    /// # Errors
    /// [`PolicyError::InvalidVersion`] for a major alone where lines are
    /// `MAJOR.MINOR`; [`PolicyError::UnknownLine`] for a name none of its
    /// lines has, and where lines are dotted and none is the version's.
    pub fn line_of_version(&self, version: &VersionInput) -> Result<Line, PolicyError> {
        let prefix = self.rules().line_prefix.as_ref();
        let numbers = match version {
            VersionInput::Name(name) => {
                let line = Line::named(name);
                self.place_of(&line)?;
                return Ok(line);
            }
            VersionInput::Numbers(numbers) => numbers,
        };
        if self.line_kind() != LineKind::Dotted {
            let line = version.line(self.line_kind())?.with_prefix(prefix);
            return Ok(self.as_written(line));
        }
        let candidates: Vec<Line> = (1..=numbers.len().min(MAX_LINE_NUMBERS))
            .rev()
            .filter_map(|depth| numbers.truncated(depth))
            .filter_map(Line::numbered)
            .map(|line| line.with_prefix(prefix))
            .collect();
        // A version the history records is of its line: Jenkins's weekly
        // 2.578 is of line 2, whatever lines the rules number after 2.568.
        if let Some(release) = self.history().iter().find(|release| {
            release
                .patches
                .iter()
                .any(|patch| patch.version == *numbers)
        }) {
            return Ok(release.line.clone());
        }
        let mut first_error = None;
        for line in candidates {
            match self.place_of(&line) {
                Ok(_) => return Ok(self.as_written(line)),
                Err(err @ PolicyError::UnknownLine { .. }) => {
                    first_error.get_or_insert(err);
                }
                Err(err) => return Err(err),
            }
        }
        // One candidate at least: a version has one number at least.
        Err(first_error.unwrap_or_else(|| PolicyError::UnknownLine {
            line: Line::named(&version.to_string()),
            policy: self.name().to_owned(),
            hint: LineHint::NotProjected,
        }))
    }

    /// `line` as the history writes it, where the history lists it: `01.2`
    /// typed by a user is the history's `1.2`, and is named so.
    fn as_written(&self, line: Line) -> Line {
        self.history()
            .iter()
            .find(|release| release.line == line)
            .map_or(line, |release| release.line.clone())
    }

    /// The release date of a line: the day `backport-targets --latest` asks about.
    ///
    /// # Errors
    /// As [`Policy::line`].
    pub fn release_of(&self, line: Line) -> Result<NaiveDate, PolicyError> {
        Ok(self.release_at(self.place_of(&line)?)?.date)
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

/// A line's end of active support as it is worked out: the day (`None`
/// where no day is known), what ends it, and where it comes from.
type ActiveUntil = (Option<NaiveDate>, ActiveEnd, Source);

/// The end a window gives a line's support, what ends it and where that
/// comes from; `None` for a window that never ends.
fn window_end(window: &Window) -> Eol {
    let until = (window.until != NaiveDate::MAX).then_some(window.until);
    (until, window.ends_by(), window.source())
}

/// The end of active support the rules give, what ends it and where it
/// comes from: the latest of the next line's release and the active
/// windows, never after the eol; the eol itself without an active rule.
fn active_end(
    windows: [Option<&Window>; 2],
    next: Option<(NaiveDate, Line, Source)>,
    (eol, eol_source): (Option<NaiveDate>, Source),
) -> ActiveUntil {
    let mut ends = windows.into_iter().flatten().peekable();
    if ends.peek().is_none() {
        return (eol, ActiveEnd::OnePhase, eol_source);
    }
    let mut active: ActiveUntil = match next {
        Some((released, line, source)) => (Some(released), ActiveEnd::NextRelease(line), source),
        None => (None, ActiveEnd::OnePhase, Source::Rules),
    };
    for window in ends {
        if active.0.is_some_and(|day| window.until > day) {
            let until = (window.until != NaiveDate::MAX).then_some(window.until);
            active = (until, ActiveEnd::Rule(window.rule), window.source());
        }
    }
    match (active.0, eol) {
        (Some(day), Some(eol)) if day > eol => (Some(eol), ActiveEnd::Eol, eol_source),
        (None, Some(eol)) => (Some(eol), ActiveEnd::Eol, eol_source),
        _ => active,
    }
}
