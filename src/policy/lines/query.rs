//! A line by what a user names it by: a line, any version of it, or the
//! day it is asked about.

use chrono::NaiveDate;

use super::info::LineInfo;
use super::line::{Line, LineKind};
use super::numbers::MAX_LINE_NUMBERS;
use super::version::VersionInput;
use crate::policy::definition::Policy;
use crate::policy::error::{LineHint, PolicyError};

impl Policy {
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
