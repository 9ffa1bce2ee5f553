//! The support windows of the lines around a date, for a picture: which
//! stretch of each line's support it spends as the latest or as an LTS, and
//! which stretches depend on projected releases.

use chrono::{Datelike, NaiveDate};

use super::range::RangeEnd;
use super::releases::Lines;
use crate::policy::dates::add_months;
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::lines::info::{LineInfo, Phase};
use crate::policy::lines::release::Source;
use crate::policy::lines::window::EolReason;

/// The lines whose support overlaps a range of days, as [`Policy::timeline`]
/// gives them.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Timeline<'p> {
    /// The date the picture marks.
    pub on: NaiveDate,
    /// The first day shown.
    pub from: NaiveDate,
    /// The last day shown.
    pub to: NaiveDate,
    policy: &'p Policy,
}

impl Timeline<'_> {
    /// Whether the policy has two phases of support, so that a picture
    /// tells the security stretches apart.
    #[must_use]
    pub fn has_phases(&self) -> bool {
        self.policy.has_phases()
    }

    /// The first day of every month shown, `from` and `to` included: the
    /// ticks of its axis.
    pub fn month_starts(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let (from, to) = (self.from, self.to);
        let first = from.with_day(1).unwrap_or(from);
        (0..)
            .map_while(move |month| add_months(first, month))
            .skip_while(move |date| *date < from)
            .take_while(move |date| *date <= to)
    }

    /// Where each year shown starts: `from` for the first, then each
    /// January 1st.
    pub fn year_starts(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let later = (self.from.year() + 1..=self.to.year())
            .filter_map(|year| NaiveDate::from_ymd_opt(year, 1, 1));
        std::iter::once(self.from).chain(later)
    }
}

/// One line of a timeline and the stretches of its support.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimelineRow {
    /// The line.
    pub info: LineInfo,
    /// Its support: the stretch as latest, then the LTS stretch and the
    /// stretch maintained otherwise, if any.
    pub segments: Vec<Segment>,
}

/// One stretch of a line's support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Segment {
    /// The first day.
    pub start: NaiveDate,
    /// The day after the last one.
    pub end: NaiveDate,
    /// What the line is during the stretch.
    pub part: Part,
    /// Its phase during the stretch: active, or security fixes only.
    pub phase: Phase,
    /// Depends on a release the rules project.
    pub projected: bool,
}

/// What a line is during a stretch of its support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Part {
    /// The latest line.
    Latest,
    /// Maintained as LTS, after its time as the latest.
    Lts,
    /// Maintained otherwise, until its eol.
    Maintained,
}

impl Segment {
    /// Whether any day of the stretch falls from `from` to `to`, both included.
    #[must_use]
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.end > from && self.start <= to
    }
}

/// The stretches of a line's support: latest, then LTS maintenance (from
/// its LTS start), then any support left until its eol; each split where
/// its active support ends.
fn segments(info: &LineInfo) -> Vec<Segment> {
    // An end the history records without a day is drawn at the latest day
    // it can be; without any end, support goes on.
    let eol = match (info.eol, &info.eol_reason) {
        (Some(eol), _) => eol,
        (None, EolReason::EndedUndated { at_latest }) => *at_latest,
        (None, _) => NaiveDate::MAX,
    };
    let released_projected = info.is_projected();
    let latest_until = info.latest_until.min(eol);
    let mut stretches = vec![(
        info.released,
        latest_until,
        Part::Latest,
        released_projected || info.latest_until_source == Source::Rules,
    )];
    let mut covered = latest_until;
    let maintained_projected = || {
        released_projected
            || matches!(info.eol_reason, EolReason::Superseded(_))
                && info.support_window.cut_by_projection()
    };
    if let Some(window) = &info.lts_window {
        let until = window.until.min(eol);
        let start = info.lts_from.unwrap_or(info.released).max(covered);
        if start > covered && start < until {
            // Supported, not LTS yet.
            stretches.push((covered, start, Part::Maintained, maintained_projected()));
            covered = start;
        }
        if until > covered {
            let projected = released_projected || window.cut_by_projection();
            stretches.push((covered, until, Part::Lts, projected));
            covered = until;
        }
    }
    if eol > covered {
        stretches.push((covered, eol, Part::Maintained, maintained_projected()));
    }
    let active_until = info.active_until.unwrap_or(eol);
    let mut segments = Vec::with_capacity(stretches.len() + 1);
    for (start, end, part, projected) in stretches {
        let cut = active_until.clamp(start, end);
        for (start, end, phase) in [(start, cut, Phase::Active), (cut, end, Phase::Security)] {
            if start < end {
                segments.push(Segment {
                    start,
                    end,
                    part,
                    phase,
                    projected,
                });
            }
        }
    }
    segments
}

impl Policy {
    /// The lines supported from `from` to `to` and their support windows, for
    /// a picture marking `on`. `from` defaults to one support period (the
    /// LTS one where there is one) before `on`, `to` to one after.
    ///
    /// # Errors
    /// [`PolicyError::EmptyRange`] when `from` is after `to`;
    /// [`PolicyError::OutOfRange`] when a date cannot be represented.
    pub fn timeline(
        &self,
        on: NaiveDate,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Timeline<'_>, PolicyError> {
        let from = match from {
            Some(from) => RangeEnd::Given(from),
            None => self.default_start(on)?,
        };
        let to = match to {
            Some(to) => RangeEnd::Given(to),
            None => self.default_end(on)?,
        };
        self.calendar_between(from, to)?;
        Ok(Timeline {
            on,
            from: from.date(),
            to: to.date(),
            policy: self,
        })
    }
}

impl<'p> Timeline<'p> {
    /// The rows, oldest line first: the lines supported on `from`, then
    /// those released after it, each worked out as the iteration reaches it.
    ///
    /// # Errors
    /// As [`Policy::supported_on`], before the first row.
    pub fn rows(&self) -> Result<Rows<'p>, PolicyError> {
        let mut supported: Vec<LineInfo> = self
            .policy
            .supported_on(self.from)?
            .into_iter()
            .map(|line| line.info)
            .collect();
        supported.reverse();
        let later = match self.from.succ_opt().filter(|after| *after <= self.to) {
            Some(after) => Some(self.policy.calendar(after, self.to)?.lines()),
            None => None,
        };
        Ok(Rows {
            supported: supported.into_iter(),
            later,
        })
    }
}

/// The rows of a [`Timeline`].
#[derive(Debug)]
pub struct Rows<'p> {
    supported: std::vec::IntoIter<LineInfo>,
    later: Option<Lines<'p>>,
}

impl Iterator for Rows<'_> {
    type Item = Result<TimelineRow, PolicyError>;

    fn next(&mut self) -> Option<Self::Item> {
        let info = match self.supported.next() {
            Some(info) => Ok(info),
            None => self.later.as_mut()?.next()?,
        };
        Some(info.map(|info| TimelineRow {
            segments: segments(&info),
            info,
        }))
    }
}
