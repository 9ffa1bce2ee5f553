//! Roles on a date, the lines they make supported, and backport targets.

use chrono::NaiveDate;

use super::dates::days_between;
use super::definition::Policy;
use super::error::{Beyond, PolicyError};
use super::info::{Phase, SupportedLine};
use super::model::{Line, Place, Role};

/// Which supported lines an answer keeps, as `ubuntu-distro-info --lts`
/// and `--latest` do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Selection {
    /// Every supported line.
    #[default]
    All,
    /// The lines maintained as LTS (`latest-lts`, `previous-lts`).
    Lts,
    /// The latest line.
    Latest,
}

impl Selection {
    fn keeps(self, roles: &[Role]) -> bool {
        match self {
            Self::All => true,
            Self::Lts => roles.iter().any(|role| role.is_lts()),
            Self::Latest => roles.contains(&Role::Latest),
        }
    }
}

/// What a fix is: it decides the supported lines it goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Fix {
    /// A bug fix: the lines in active support.
    #[default]
    Bug,
    /// A security fix: every supported line.
    Security,
}

impl Fix {
    /// Whether the fix goes to a line in `phase`.
    #[must_use]
    pub fn goes_to(self, phase: Phase) -> bool {
        self == Self::Security || phase == Phase::Active
    }
}

impl Policy {
    /// The lines supported on `date`, newest first, each with its roles,
    /// newest patch and days left; empty before the first release.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when a date the answer needs cannot be represented.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// let kestra = Policy::kestra().unwrap();
    /// let supported = kestra.supported_on(parse_date("2026-03-01").unwrap()).unwrap();
    /// let lines: Vec<String> = supported.iter().map(|s| s.info.line.to_string()).collect();
    /// // 1.2 is the latest until 1.3 comes on 2026-03-03; 1.0 is the LTS line.
    /// assert_eq!(lines, ["1.2", "1.0"]);
    /// assert_eq!(supported[1].roles[0].name(), "latest-lts");
    /// assert_eq!(supported[1].info.eol.to_string(), "2026-09-09");
    /// // Before the first release nothing is supported.
    /// assert!(kestra.supported_on(parse_date("2025-01-01").unwrap()).unwrap().is_empty());
    /// ```
    pub fn supported_on(&self, date: NaiveDate) -> Result<Vec<SupportedLine>, PolicyError> {
        let Some(latest) = self.latest_place_on(date)? else {
            return Ok(Vec::new());
        };
        let announced_after = |place: Place| {
            self.known(place)
                .and_then(|release| release.eol)
                .is_some_and(|eol| eol > date)
        };
        let mut supported = Vec::new();
        let mut newer_lts_seen = false;
        // The ends the rules give (all but announced ones) never decrease
        // along release order, for the support windows and for the LTS
        // windows: once one has passed, so have all older ones.
        let mut support_ended = false;
        let mut lts_ended = !self.rules().has_lts();
        // Under rules that change, the lines before those the last rules
        // govern (the history's and those walked) are each looked at: their
        // ends need not follow release order.
        let varied_below = if self.changes().is_empty() {
            0
        } else {
            self.history().len() + self.plan().walked.len()
        };
        // Past the point where the ends have all passed, the lines left to
        // look at: none, or those of the history that announce an end, or
        // those whose rules vary.
        let mut the_rest = false;
        let mut candidates = latest.up_to().rev();
        while let Some(place) = candidates.next() {
            let may_be_supported = place == latest
                || place.index() < varied_below
                || !support_ended
                || !lts_ended && self.lts_at(place)?.lts
                || announced_after(place);
            if !may_be_supported {
                continue;
            }
            let info = self.line_info(place)?;
            let mut roles = Vec::new();
            if place == latest {
                roles.push(Role::Latest);
            }
            if info.lts {
                if info.is_lts_maintained_on(date) {
                    roles.push(if newer_lts_seen {
                        Role::PreviousLts
                    } else {
                        Role::LatestLts
                    });
                }
                // A line not LTS yet leaves the LTS roles to older lines.
                newer_lts_seen |= info.is_lts_by(date);
                if info
                    .lts_window
                    .is_some_and(|window| window.rule_until() <= date)
                {
                    lts_ended = true;
                }
            }
            if roles.is_empty() && info.is_supported_on(date) {
                roles.push(Role::Maintained);
            }
            if info.latest_until.max(info.support_window.until) <= date {
                support_ended = true;
            }
            if !roles.is_empty() {
                let latest_patch =
                    self.newest_patch(&info, date)?
                        .ok_or_else(|| PolicyError::OutOfRange {
                            what: Beyond::NewestPatch(info.line),
                        })?;
                supported.push(SupportedLine {
                    days_left: days_between(date, info.eol),
                    phase: info.phase_on(date).unwrap_or(Phase::Active),
                    info,
                    roles,
                    latest_patch,
                });
            }
            // Only an announced end, or other rules, can keep an older line
            // supported now.
            if support_ended && lts_ended && !the_rest {
                let rest = if varied_below > 0 {
                    Place::of(varied_below)
                } else if self.announced_eol_after(date) {
                    Place::of(self.history().len())
                } else {
                    break;
                };
                the_rest = true;
                let Some(older) = place.min(rest).previous() else {
                    break;
                };
                candidates = older.up_to().rev();
            }
        }
        Ok(supported)
    }

    /// The supported lines on `date` that `selection` keeps, newest first.
    ///
    /// # Errors
    /// As [`Policy::supported_on`].
    pub fn supported_selected(
        &self,
        date: NaiveDate,
        selection: Selection,
    ) -> Result<Vec<SupportedLine>, PolicyError> {
        let mut lines = self.supported_on(date)?;
        lines.retain(|line| selection.keeps(&line.roles));
        Ok(lines)
    }

    /// The lines `fix` goes to on `date` (for a bug fix, those in active
    /// support; for a security fix, every supported line), dropping lines
    /// older than `since` (the line the bug appeared in).
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] when `since` is not a line of the policy.
    pub fn backport_targets(
        &self,
        date: NaiveDate,
        since: Option<Line>,
        fix: Fix,
    ) -> Result<Vec<SupportedLine>, PolicyError> {
        let oldest = since
            .map(|line| self.place_of(line))
            .transpose()?
            .unwrap_or(Place::FIRST);
        let mut targets = self.supported_on(date)?;
        targets.retain(|target| target.info.place >= oldest && fix.goes_to(target.phase));
        Ok(targets)
    }
}
