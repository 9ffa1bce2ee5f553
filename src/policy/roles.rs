//! Roles on a date, the lines they make supported, backport targets and
//! the calendar of releases.

use chrono::NaiveDate;

use super::Policy;
use super::calendar::LineInfo;
use super::dates::{add_months, days_between};
use super::error::PolicyError;
use super::patches::Patch;
use super::version::Line;

/// Why a line is supported on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The newest line released.
    Latest,
    /// The newest LTS line, while it is maintained.
    LatestLts,
    /// Any older LTS line still maintained.
    PreviousLts,
}

impl Role {
    /// The name users and JSON see.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Latest => "latest",
            Self::LatestLts => "latest-lts",
            Self::PreviousLts => "previous-lts",
        }
    }
}

/// A line supported on a date, with its roles and newest patch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportedLine {
    pub info: LineInfo,
    pub roles: Vec<Role>,
    pub latest_patch: Patch,
    /// Days from the date asked about to the eol.
    pub days_left: i64,
}

/// The calendar between two dates, both included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lines: Vec<LineInfo>,
}

impl Policy {
    /// The lines whose support overlaps `from` to `to` (both included), oldest
    /// first: those supported on `from` and those released after it.
    ///
    /// # Errors
    /// As [`Policy::releases`].
    pub fn lines_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<LineInfo>, PolicyError> {
        let mut lines: Vec<LineInfo> = self
            .supported_on(from)?
            .into_iter()
            .rev()
            .map(|line| line.info)
            .collect();
        if let Some(after) = from.succ_opt().filter(|after| *after <= to) {
            lines.extend(self.releases(Some(after), Some(to), from)?.lines);
        }
        Ok(lines)
    }

    /// How far back a timeline looks by default: one LTS support period before `on`.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when that date cannot be represented.
    pub fn default_lookback(&self, on: NaiveDate) -> Result<NaiveDate, PolicyError> {
        u32::try_from(self.lts_support_months())
            .ok()
            .and_then(|months| on.checked_sub_months(chrono::Months::new(months)))
            .ok_or_else(|| PolicyError::OutOfRange {
                what: format!("{} months before {on}", self.lts_support_months()),
            })
    }

    /// How far ahead calendars and projected audits look by default: one LTS
    /// support period after `on`.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when that date cannot be represented.
    pub fn default_horizon(&self, on: NaiveDate) -> Result<NaiveDate, PolicyError> {
        add_months(on, self.lts_support_months()).ok_or_else(|| PolicyError::OutOfRange {
            what: format!("{} months after {on}", self.lts_support_months()),
        })
    }

    /// The lines supported on `date`, newest first; empty before the first release.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when a date the answer needs cannot be represented.
    pub fn supported_on(&self, date: NaiveDate) -> Result<Vec<SupportedLine>, PolicyError> {
        let Some(latest) = self.latest_index_on(date)? else {
            return Ok(Vec::new());
        };
        let mut supported = Vec::new();
        let mut newer_lts_seen = false;
        let mut candidates = (0..=latest).rev();
        while let Some(index) = candidates.next() {
            if index != latest && !self.lts_at(index).0 {
                continue;
            }
            let info = self.line_info(index)?;
            let mut roles = Vec::new();
            if index == latest {
                roles.push(Role::Latest);
            }
            let mut all_older_ended = false;
            if info.lts {
                let maintained = info.is_lts_maintained_on(date);
                if maintained {
                    roles.push(if newer_lts_seen {
                        Role::PreviousLts
                    } else {
                        Role::LatestLts
                    });
                }
                newer_lts_seen = true;
                // LTS ends worked out by the rules never decrease along
                // release order: once one has passed, so have all older ones,
                // except an end the history announces later than that.
                if !maintained {
                    let known = self.history().len();
                    if !self.announced_eol_after(date) {
                        all_older_ended = true;
                    } else if index > known {
                        candidates = (0..=known - 1).rev();
                    }
                }
            }
            if !roles.is_empty() {
                let latest_patch =
                    self.newest_patch(&info, date)?
                        .ok_or_else(|| PolicyError::OutOfRange {
                            what: format!("the newest patch of {}", info.line),
                        })?;
                supported.push(SupportedLine {
                    days_left: days_between(date, info.eol),
                    info,
                    roles,
                    latest_patch,
                });
            }
            if all_older_ended {
                break;
            }
        }
        Ok(supported)
    }

    /// The lines a fix goes to on `date`, dropping lines older than `since`.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] when `since` is not a line of the policy.
    pub fn backport_targets(
        &self,
        date: NaiveDate,
        since: Option<Line>,
    ) -> Result<Vec<SupportedLine>, PolicyError> {
        let oldest = since
            .map(|line| self.index_of(line))
            .transpose()?
            .unwrap_or(0);
        let mut targets = self.supported_on(date)?;
        targets.retain(|target| target.info.index >= oldest);
        Ok(targets)
    }

    /// The release date of a line: the day `backport-targets --latest` asks about.
    ///
    /// # Errors
    /// As [`Policy::index_of`].
    pub fn release_of(&self, line: Line) -> Result<NaiveDate, PolicyError> {
        Ok(self.release_at(self.index_of(line)?)?.0)
    }

    /// Every line released from `from` to `to`, both included. `from`
    /// defaults to the first release; `to` to one LTS support period after `on`.
    ///
    /// # Errors
    /// [`PolicyError::EmptyRange`] when `from` is after `to`;
    /// [`PolicyError::OutOfRange`] when a date cannot be represented.
    pub fn releases(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        on: NaiveDate,
    ) -> Result<Calendar, PolicyError> {
        let from = from.unwrap_or(self.history()[0].released);
        let to = match to {
            Some(to) => to,
            None => self.default_horizon(on)?,
        };
        if from > to {
            return Err(PolicyError::EmptyRange {
                from: from.to_string(),
                to: to.to_string(),
            });
        }
        let mut index = match from.pred_opt() {
            Some(eve) => self.latest_index_on(eve)?.map_or(0, |index| index + 1),
            None => 0,
        };
        let mut lines = Vec::new();
        while self.release_at(index)?.0 <= to {
            lines.push(self.line_info(index)?);
            index += 1;
        }
        Ok(Calendar { from, to, lines })
    }
}
