//! One line with everything the rules say about it: its release, LTS flag
//! and support windows.

use chrono::NaiveDate;

use super::definition::Policy;
use super::error::PolicyError;
use super::model::{EolReason, Line, LineInfo};

impl Policy {
    /// Everything about the line at `index`.
    pub(crate) fn line_info(&self, index: usize) -> Result<LineInfo, PolicyError> {
        let line = self.line_at(index)?;
        let (released, released_source) = self.release_at(index)?;
        let (lts, lts_source) = self.lts_at(index);
        let next = index + 1;
        let (latest_until, next_source) = self.release_at(next)?;
        let mut eol = (
            latest_until,
            EolReason::NextRelease(self.line_at(next)?),
            next_source,
        );
        let lts_window = if lts {
            Some(self.lts_window(index, line, released)?)
        } else {
            None
        };
        if let Some(window) = &lts_window
            && window.until > eol.0
        {
            eol = (window.until, window.ends_by(), window.source());
        }
        Ok(LineInfo {
            index,
            line,
            released,
            released_source,
            lts,
            lts_source,
            latest_until,
            latest_until_source: next_source,
            lts_window,
            eol: eol.0,
            eol_reason: eol.1,
            eol_source: eol.2,
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
    /// use lts_policy::policy::{Line, Policy, Source};
    /// let kestra = Policy::kestra().unwrap();
    /// let line = kestra.line(Line::new(2, 1)).unwrap();
    /// // 2.0 came on 2026-09-08; 2026-11-08 is a Sunday: the next Tuesday.
    /// assert_eq!(line.released.to_string(), "2026-11-10");
    /// assert_eq!(line.released_source, Source::Rules);
    /// let unknown = kestra.line(Line::new(1, 4)).unwrap_err();
    /// assert_eq!(unknown.to_string(), "line 1.4 is not in the kestra policy: after 1.3 came 2.0");
    /// ```
    pub fn line(&self, line: Line) -> Result<LineInfo, PolicyError> {
        self.line_info(self.index_of(line)?)
    }

    /// The release date of a line: the day `backport-targets --latest` asks about.
    ///
    /// # Errors
    /// As [`Policy::line`].
    pub fn release_of(&self, line: Line) -> Result<NaiveDate, PolicyError> {
        Ok(self.release_at(self.index_of(line)?)?.0)
    }

    /// The newest line released on or before `date`; `None` before the first release.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when the line cannot be dated.
    pub fn latest_on(&self, date: NaiveDate) -> Result<Option<LineInfo>, PolicyError> {
        self.latest_index_on(date)?
            .map(|index| self.line_info(index))
            .transpose()
    }
}
