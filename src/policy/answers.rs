//! Answers about one version or tag: `status` and floating tags.

use chrono::NaiveDate;

use super::Policy;
use super::calendar::LineInfo;
use super::dates::days_between;
use super::error::PolicyError;
use super::patches::Patch;
use super::roles::Role;
use super::version::{Line, VersionInput};

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

impl Policy {
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
}
