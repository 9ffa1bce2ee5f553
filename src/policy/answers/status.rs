//! Answers about one version: `status`.

use chrono::NaiveDate;

use crate::policy::definition::Policy;
use crate::policy::error::{LineHint, PolicyError};
use crate::policy::lines::info::{LineInfo, Patch, Phase};
use crate::policy::lines::line::Line;
use crate::policy::lines::role::Role;
use crate::policy::lines::version::VersionInput;

/// Where a version stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SupportState {
    /// Its line is not released yet.
    Unreleased,
    /// Its line is supported.
    Supported,
    /// Its line's support has ended (on a day the history may not give).
    Ended,
    /// Its line is older than the first line the policy records: not
    /// supported.
    BeforeFirstLine,
}

impl SupportState {
    /// The name JSON and `--format plain` give it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Unreleased => "unreleased",
            Self::Supported => "supported",
            Self::Ended => "ended",
            Self::BeforeFirstLine => "before_first_line",
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
    pub line: Line,
    /// Its line's dates; `None` for a line older than the policy's first.
    pub info: Option<LineInfo>,
    /// Where it stands.
    pub state: SupportState,
    /// Its line's roles on the date; empty when it is not supported.
    pub roles: Vec<Role>,
    /// Its line's phase on the date, when it is supported (or in extended
    /// support).
    pub phase: Option<Phase>,
    /// Days from `on` to the eol, when its line has one; zero or negative
    /// once support has ended.
    pub days_left: Option<i64>,
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
        self.state == SupportState::Supported
            && self.days_left.is_some_and(|left| left <= i64::from(days))
    }
}

impl Policy {
    /// Whether `version` is supported on `date`, until when, and what to
    /// upgrade to. A version of a line older than the policy's first is
    /// not supported ([`SupportState::BeforeFirstLine`]), not an error.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] for a version of a line the policy
    /// never releases, between or after its lines.
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
    /// assert_eq!(status.days_left, Some(-77));
    /// // The oldest line still supported is 1.3: its newest recorded patch is
    /// // 1.3.15 (2026-04-29), then 30 Tuesdays, 05-05 to 11-24.
    /// assert_eq!(status.upgrade_to.unwrap().version.to_string(), "1.3.45");
    /// // Kestra 0.19 came before the policy's first line, 1.0.
    /// let old = kestra.status(VersionInput::parse("0.19.5").unwrap(), status.on).unwrap();
    /// assert_eq!(old.state, SupportState::BeforeFirstLine);
    /// ```
    pub fn status(&self, version: VersionInput, date: NaiveDate) -> Result<Status, PolicyError> {
        let supported = self.supported_on(date)?;
        // The upgrade from a line no longer supported: the oldest supported
        // line numbered after it.
        let oldest_after = |line: &Line| {
            line.numbers()?;
            supported
                .iter()
                .filter(|candidate| candidate.info.line > *line)
                .min_by(|a, b| a.info.line.cmp(&b.info.line))
                .and_then(|candidate| candidate.latest_patch.clone())
        };
        let found = self
            .line_of_version(&version)
            .and_then(|line| Ok((self.place_of(&line)?, line)));
        let (place, line) = match found {
            Ok(found) => found,
            Err(PolicyError::UnknownLine {
                line,
                hint: LineHint::BeforeFirst(_),
                ..
            }) => {
                return Ok(Status {
                    upgrade_to: oldest_after(&line),
                    version,
                    on: date,
                    line,
                    info: None,
                    state: SupportState::BeforeFirstLine,
                    roles: Vec::new(),
                    phase: None,
                    days_left: None,
                    latest_patch: None,
                });
            }
            Err(err) => return Err(err),
        };
        let info = self.line_info(place)?;
        let mine = supported.iter().find(|line| line.info.place == info.place);
        let state = match mine {
            Some(_) => SupportState::Supported,
            None if date < info.released => SupportState::Unreleased,
            None => SupportState::Ended,
        };
        let upgrade_to = match (state, mine) {
            (SupportState::Supported, Some(mine)) => {
                let newest = mine.latest_patch.as_ref();
                version
                    .numbers()
                    .and_then(|numbers| numbers.exact(&info.line, self.line_kind()))
                    .filter(|exact| newest.is_some_and(|newest| *exact < newest.version))
                    .and(newest.cloned())
            }
            (SupportState::Ended, _) => oldest_after(&info.line),
            _ => None,
        };
        Ok(Status {
            version,
            on: date,
            line,
            days_left: info.days_left(date),
            roles: mine.map(|line| line.roles.clone()).unwrap_or_default(),
            phase: info.phase_on(date),
            latest_patch: self.newest_patch(&info, date)?,
            info: Some(info),
            state,
            upgrade_to,
        })
    }
}
