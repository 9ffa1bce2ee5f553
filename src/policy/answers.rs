//! Answers about one version: `status`.

use chrono::NaiveDate;

use super::dates::days_between;
use super::definition::Policy;
use super::error::PolicyError;
use super::info::{LineInfo, Patch, Phase};
use super::model::Role;
use super::version::VersionInput;

/// Where a version stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SupportState {
    /// Its line is not released yet.
    Unreleased,
    /// Its line is supported.
    Supported,
    /// Its line's support has ended.
    Ended,
}

impl SupportState {
    /// The name JSON and `--format plain` give it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Unreleased => "unreleased",
            Self::Supported => "supported",
            Self::Ended => "ended",
        }
    }
}

/// The answer to `status VERSION`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Status {
    /// The version asked about.
    pub version: VersionInput,
    /// The date asked about.
    pub on: NaiveDate,
    /// Its line.
    pub info: LineInfo,
    /// Where it stands.
    pub state: SupportState,
    /// Its line's roles on the date; empty when it is not supported.
    pub roles: Vec<Role>,
    /// Its line's phase on the date, when it is supported.
    pub phase: Option<Phase>,
    /// Days from `on` to the eol; zero or negative once support has ended.
    pub days_left: i64,
    /// The newest patch of the line on `on`, once released.
    pub latest_patch: Option<Patch>,
    /// The smallest upgrade that is supported: the newest patch of the
    /// version's own line while it is supported, else of the oldest
    /// supported line newer than it. `None` when already there.
    pub upgrade_to: Option<Patch>,
}

impl Status {
    /// Whether the version is supported on the date but its support ends
    /// within `days` days of it: support is half-open, so the end, `days_left`
    /// days later, falls within them when `days_left <= days`.
    #[must_use]
    pub fn ends_within(&self, days: u32) -> bool {
        self.state == SupportState::Supported && self.days_left <= i64::from(days)
    }
}

impl Policy {
    /// Whether `version` is supported on `date`, until when, and what to upgrade to.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] for a version of a line the policy never releases.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, VersionInput, parse_date};
    /// use lts_policy::answers::SupportState;
    /// let kestra = Policy::kestra().unwrap();
    /// let version = VersionInput::parse("1.0.5").unwrap();
    /// let status = kestra.status(version, parse_date("2026-11-25").unwrap()).unwrap();
    /// // 1.0's LTS support ended on 2026-09-09, 77 days before.
    /// assert_eq!(status.state, SupportState::Ended);
    /// assert_eq!(status.days_left, -77);
    /// // The oldest line still supported is 1.3: its newest recorded patch is
    /// // 1.3.15 (2026-04-29), then 30 Tuesdays, 05-05 to 11-24.
    /// assert_eq!(status.upgrade_to.unwrap().version.to_string(), "1.3.45");
    /// ```
    pub fn status(&self, version: VersionInput, date: NaiveDate) -> Result<Status, PolicyError> {
        let info = self.line_info(self.place_of(version.line(self.line_kind())?)?)?;
        let supported = self.supported_on(date)?;
        let mine = supported.iter().find(|line| line.info.place == info.place);
        let state = match mine {
            Some(_) => SupportState::Supported,
            None if date < info.released => SupportState::Unreleased,
            None => SupportState::Ended,
        };
        let upgrade_to = match (state, mine) {
            (SupportState::Supported, Some(mine)) => version
                .exact(self.line_kind())
                .filter(|exact| *exact < mine.latest_patch.version)
                .map(|_| mine.latest_patch.clone()),
            (SupportState::Ended, _) => supported
                .iter()
                .rev()
                .find(|line| line.info.place > info.place)
                .map(|line| line.latest_patch.clone()),
            _ => None,
        };
        Ok(Status {
            version,
            on: date,
            days_left: days_between(date, info.eol),
            roles: mine.map(|line| line.roles.clone()).unwrap_or_default(),
            phase: mine.map(|line| line.phase),
            latest_patch: self.newest_patch(&info, date)?,
            info,
            state,
            upgrade_to,
        })
    }
}
