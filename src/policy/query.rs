//! The questions users ask of a policy on a date: roles, support, patches,
//! floating tags, backport targets and the calendar.

use chrono::NaiveDate;
use semver::Version;

use super::Policy;
use super::calendar::{LineInfo, Source};
use super::dates::{add_months, days_between, weekday_after, weekdays_between};
use super::error::PolicyError;
use super::version::{Line, VersionInput};

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

/// A released version of a line, with its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patch {
    pub version: Version,
    pub released: NaiveDate,
    pub source: Source,
}

/// A line supported on a date, with its roles and newest patch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportedLine {
    pub info: LineInfo,
    pub roles: Vec<Role>,
    pub latest_patch: Patch,
}

/// Where a version stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportState {
    Unreleased,
    Supported,
    Ended,
}

/// The answer to `status VERSION`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub version: VersionInput,
    pub on: NaiveDate,
    pub info: LineInfo,
    pub state: SupportState,
    pub roles: Vec<Role>,
    /// Days from `on` to the eol; zero or negative once support has ended.
    pub days_left: i64,
    /// The newest patch of the line on `on`, once released.
    pub latest_patch: Option<Patch>,
    /// The smallest upgrade that is supported: the newest patch of the
    /// version's own line while it is supported, else of the oldest
    /// supported line newer than it. `None` when already there.
    pub upgrade_to: Option<Patch>,
}

/// A floating tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Latest,
    LatestLts,
    Line(Line),
}

impl Tag {
    /// Parses `latest`, `latest-lts` or a line such as `1.3` or `v1.3`.
    ///
    /// # Errors
    /// [`PolicyError::InvalidTag`] for anything else.
    pub fn parse(input: &str) -> Result<Self, PolicyError> {
        match input {
            "latest" => Ok(Self::Latest),
            "latest-lts" => Ok(Self::LatestLts),
            _ => match VersionInput::parse(input) {
                Ok(VersionInput { line, patch: None }) => Ok(Self::Line(line)),
                _ => Err(PolicyError::InvalidTag {
                    input: input.to_owned(),
                }),
            },
        }
    }
}

/// Why a floating tag points to no version yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dangling {
    /// Nothing is released before the first line.
    BeforeFirstRelease { first: Line, released: NaiveDate },
    /// No LTS line is released yet.
    NoLtsYet,
    /// The named line is released later.
    LineNotYetReleased { line: Line, released: NaiveDate },
}

/// The newest patch day on or after a date and what ships on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchDay {
    pub day: NaiveDate,
    /// One patch per supported line released before the day, newest line first.
    pub patches: Vec<SupportedLine>,
    /// Lines whose `.0` comes out that same day.
    pub new_lines: Vec<LineInfo>,
}

/// The calendar between two dates, both included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lines: Vec<LineInfo>,
}

impl Policy {
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
        for index in (0..=latest).rev() {
            if index != latest && !self.lts_at(index).0 {
                continue;
            }
            let info = self.line_info(index)?;
            let mut roles = Vec::new();
            if index == latest {
                roles.push(Role::Latest);
            }
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
                // LTS ends never decrease along release order, so no older
                // LTS line is maintained once this one is not.
                if !maintained {
                    break;
                }
            }
            if !roles.is_empty() {
                let latest_patch =
                    self.newest_patch(&info, date)?
                        .ok_or_else(|| PolicyError::OutOfRange {
                            what: format!("the newest patch of {}", info.line),
                        })?;
                supported.push(SupportedLine {
                    info,
                    roles,
                    latest_patch,
                });
            }
        }
        Ok(supported)
    }

    /// The newest version of a line on `date`: known patches as recorded,
    /// then one more per release weekday after the newest known one (or
    /// after the `.0`), before the eol. `None` before the line's release.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when the patch number would pass `u64::MAX`.
    pub fn newest_patch(
        &self,
        info: &LineInfo,
        date: NaiveDate,
    ) -> Result<Option<Patch>, PolicyError> {
        if date < info.released {
            return Ok(None);
        }
        let known = self
            .history()
            .get(info.index)
            .map_or(&[][..], |release| &release.patches[..]);
        let opening = Patch {
            version: info.line.first_version(),
            released: info.released,
            source: info.released_source,
        };
        let recorded = |patch: &super::definition::KnownPatch| Patch {
            version: patch.version.clone(),
            released: patch.released,
            source: Source::History,
        };
        let base = match known.last() {
            Some(newest) if date < newest.released => {
                let newest_by_then = known.iter().rev().find(|patch| patch.released <= date);
                return Ok(Some(newest_by_then.map_or(opening, recorded)));
            }
            Some(newest) => recorded(newest),
            None => opening,
        };
        let until = date.succ_opt().map_or(info.eol, |next| next.min(info.eol));
        let weekday = self.release_weekday();
        let count = weekdays_between(base.released, until, weekday);
        if count == 0 {
            return Ok(Some(base));
        }
        let overflow = || PolicyError::OutOfRange {
            what: format!("patch {count} after {}", base.version),
        };
        let patch = base.version.patch.checked_add(count).ok_or_else(overflow)?;
        let released = weekday_after(base.released, weekday)
            .and_then(|first| first.checked_add_days(chrono::Days::new((count - 1) * 7)))
            .ok_or_else(overflow)?;
        Ok(Some(Patch {
            version: info.line.version(patch),
            released,
            source: Source::Rules,
        }))
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

    /// Whether `version` is supported on `date`, until when, and what to upgrade to.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] for a version of a line the policy never releases.
    pub fn status(&self, version: VersionInput, date: NaiveDate) -> Result<Status, PolicyError> {
        let info = self.line_info(self.index_of(version.line)?)?;
        let supported = self.supported_on(date)?;
        let mine = supported.iter().find(|line| line.info.index == info.index);
        let state = match mine {
            Some(_) => SupportState::Supported,
            None if date < info.released => SupportState::Unreleased,
            None => SupportState::Ended,
        };
        let upgrade_to = match (state, mine) {
            (SupportState::Supported, Some(mine)) => version
                .patch
                .filter(|&patch| patch < mine.latest_patch.version.patch)
                .map(|_| mine.latest_patch.clone()),
            (SupportState::Ended, _) => supported
                .iter()
                .rev()
                .find(|line| line.info.index > info.index)
                .map(|line| line.latest_patch.clone()),
            _ => None,
        };
        Ok(Status {
            version,
            on: date,
            days_left: days_between(date, info.eol),
            roles: mine.map(|line| line.roles.clone()).unwrap_or_default(),
            latest_patch: self.newest_patch(&info, date)?,
            info,
            state,
            upgrade_to,
        })
    }

    /// The line and version a floating tag points to on `date`.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] for a line the policy never releases.
    pub fn tag(
        &self,
        tag: Tag,
        date: NaiveDate,
    ) -> Result<Result<(LineInfo, Patch), Dangling>, PolicyError> {
        let named = match tag {
            Tag::Line(line) => Some(self.index_of(line)?),
            Tag::Latest | Tag::LatestLts => None,
        };
        let latest = self.latest_index_on(date)?;
        let index = match (named, latest) {
            (Some(index), _) => index,
            (None, None) => {
                let first = &self.history()[0];
                return Ok(Err(Dangling::BeforeFirstRelease {
                    first: first.line,
                    released: first.released,
                }));
            }
            (None, Some(latest)) if tag == Tag::Latest => latest,
            (None, Some(latest)) => match (0..=latest).rev().find(|&index| self.lts_at(index).0) {
                Some(index) => index,
                None => return Ok(Err(Dangling::NoLtsYet)),
            },
        };
        let info = self.line_info(index)?;
        match self.newest_patch(&info, date)? {
            Some(patch) => Ok(Ok((info, patch))),
            None => Ok(Err(Dangling::LineNotYetReleased {
                line: info.line,
                released: info.released,
            })),
        }
    }

    /// The first patch day on or after `date` on which a patch ships.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when no such day can be represented.
    pub fn next_patch_day_from(&self, date: NaiveDate) -> Result<PatchDay, PolicyError> {
        match date.pred_opt() {
            Some(previous) => self.next_patch_day_after(previous),
            None => self.next_patch_day_after(date),
        }
    }

    /// The first patch day strictly after `date` on which a patch ships.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when no such day can be represented.
    pub fn next_patch_day_after(&self, date: NaiveDate) -> Result<PatchDay, PolicyError> {
        let out_of_range = || PolicyError::OutOfRange {
            what: format!("the next patch day after {date}"),
        };
        // No patch ships on or before the first release.
        let start = date.max(self.history()[0].released);
        let mut day = weekday_after(start, self.release_weekday()).ok_or_else(out_of_range)?;
        // A day ships nothing only when the latest line comes out on it or
        // recorded patches skip it; both end within the history.
        loop {
            let eve = day.pred_opt().ok_or_else(out_of_range)?;
            let mut patches = Vec::new();
            let mut new_lines = Vec::new();
            for line in self.supported_on(day)? {
                let eve_patch = self.newest_patch(&line.info, eve)?;
                if line.info.released == day {
                    new_lines.push(line.info);
                } else if eve_patch.map(|patch| patch.version)
                    != Some(line.latest_patch.version.clone())
                {
                    patches.push(line);
                }
            }
            if !patches.is_empty() {
                return Ok(PatchDay {
                    day,
                    patches,
                    new_lines,
                });
            }
            day = day
                .checked_add_days(chrono::Days::new(7))
                .ok_or_else(out_of_range)?;
        }
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
            None => add_months(on, self.lts_support_months()).ok_or_else(|| {
                PolicyError::OutOfRange {
                    what: format!("{} months after {on}", self.lts_support_months()),
                }
            })?,
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
