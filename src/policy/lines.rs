//! One line with everything the rules say about it: its release, LTS flag
//! and support windows.

use chrono::NaiveDate;

use super::dates::add_months;
use super::definition::Policy;
use super::error::{Beyond, PolicyError};
use super::info::{EolReason, LineInfo, Successor, Window};
use super::lts::LtsFlag;
use super::model::{Dated, Line, Place, Source};
use super::rules::Support;
use super::version::VersionInput;

/// The line after a line, worked out once for both of its windows.
#[derive(Clone, Copy)]
struct Next {
    line: Line,
    released: NaiveDate,
    source: Source,
}

/// Which rule a window comes from.
#[derive(Clone, Copy)]
enum WindowRule {
    /// The support rule; the line after is known already.
    Support(Next),
    Lts,
}

impl Policy {
    /// Everything about the line at `place`.
    pub(crate) fn line_info(&self, place: Place) -> Result<LineInfo, PolicyError> {
        let line = self.line_at(place)?;
        let Dated {
            date: released,
            source: released_source,
        } = self.release_at(place)?;
        let LtsFlag {
            lts,
            source: lts_source,
        } = self.lts_at(place)?;
        let next_place = place.next().ok_or(PolicyError::OutOfRange {
            what: Beyond::LtsEnd(line),
        })?;
        let next = self.next_at(next_place)?;
        let (latest_until, next_source) = (next.released, next.source);
        let mut eol = (latest_until, EolReason::NextRelease(next.line), next_source);
        let support_window = self.window(place, line, released, WindowRule::Support(next))?;
        if support_window.until > eol.0 {
            eol = (
                support_window.until,
                support_window.ends_by,
                support_window.source(),
            );
        }
        let lts_window = if lts {
            Some(self.window(place, line, released, WindowRule::Lts)?)
        } else {
            None
        };
        if let Some(window) = &lts_window
            && window.until > eol.0
        {
            eol = (window.until, window.ends_by, window.source());
        }
        if let Some(announced) = self.known(place).and_then(|release| release.eol) {
            eol = (announced, EolReason::Announced, Source::History);
        }
        Ok(LineInfo {
            place,
            line,
            released,
            released_source,
            overdue: self.is_overdue(place),
            lts,
            lts_source,
            latest_until,
            latest_until_source: next_source,
            support_window,
            lts_window,
            eol: eol.0,
            eol_reason: eol.1,
            eol_source: eol.2,
        })
    }

    /// The line at `place` and its release, as a line after another.
    fn next_at(&self, place: Place) -> Result<Next, PolicyError> {
        let Dated { date, source } = self.release_at(place)?;
        Ok(Next {
            line: self.line_at(place)?,
            released: date,
            source,
        })
    }

    /// The window a rule gives the line at `place`: the earlier of its
    /// release plus the rule's months and the release of the line (or LTS
    /// line) `until_next` places later plus the grace months, each rounded
    /// as the rule says. An announced end replaces an LTS window's.
    fn window(
        &self,
        place: Place,
        line: Line,
        released: NaiveDate,
        rule: WindowRule,
    ) -> Result<Window, PolicyError> {
        let support: &Support = match (rule, self.lts_rule()) {
            (WindowRule::Lts, Some(lts)) => &lts.support,
            _ => self.support(),
        };
        let out_of_range = || PolicyError::OutOfRange {
            what: Beyond::LtsEnd(line),
        };
        let after_months = |date: NaiveDate, months: u32| {
            add_months(date, u64::from(months))
                .and_then(|date| support.round(date))
                .ok_or_else(out_of_range)
        };
        let promised = support
            .months
            .map(|months| after_months(released, months))
            .transpose()?;
        let successor = match support.until_next {
            None => None,
            Some(places) => {
                let next = match rule {
                    WindowRule::Support(next) if places == 1 => next,
                    WindowRule::Support(_) => {
                        self.next_at(place.after(places as usize).ok_or_else(out_of_range)?)?
                    }
                    WindowRule::Lts => self.next_at(self.lts_after(place, places)?)?,
                };
                Some(Successor {
                    line: next.line,
                    places,
                    released: next.released,
                    source: next.source,
                    ends: after_months(next.released, support.grace_months)?,
                })
            }
        };
        let (period, superseded) = match rule {
            WindowRule::Support(_) => (
                EolReason::SupportPeriod,
                EolReason::Superseded as fn(Line) -> EolReason,
            ),
            WindowRule::Lts => (
                EolReason::LtsSupportPeriod,
                EolReason::LtsSuperseded as fn(Line) -> EolReason,
            ),
        };
        // Validation requires one term at least; the period wins a tie.
        let (until, ends_by) = match (promised, successor) {
            (Some(promised), Some(successor)) if successor.ends < promised => {
                (successor.ends, superseded(successor.line))
            }
            (Some(promised), _) => (promised, period),
            (None, Some(successor)) => (successor.ends, superseded(successor.line)),
            (None, None) => (released, period),
        };
        let announced = match rule {
            WindowRule::Lts => self.known(place).and_then(|release| release.eol),
            WindowRule::Support(_) => None,
        };
        Ok(match announced {
            Some(announced) => Window {
                until: announced,
                ends_by: EolReason::Announced,
                promised,
                successor,
            },
            None => Window {
                until,
                ends_by,
                promised,
                successor,
            },
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
