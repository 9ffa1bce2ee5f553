//! Roles on a date, the lines they make supported, and backport targets.

use chrono::NaiveDate;

use crate::policy::definition::{Policy, keeps_after};
use crate::policy::error::PolicyError;
use crate::policy::lines::info::{LineInfo, Phase, SupportedLine};
use crate::policy::lines::line::Line;
use crate::policy::lines::release::Place;
use crate::policy::lines::role::Role;
use crate::policy::lines::window::Window;

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
    /// assert_eq!(supported[1].info.eol, Some(parse_date("2026-09-09").unwrap()));
    /// // Before the first release nothing is supported.
    /// assert!(kestra.supported_on(parse_date("2025-01-01").unwrap()).unwrap().is_empty());
    /// ```
    pub fn supported_on(&self, date: NaiveDate) -> Result<Vec<SupportedLine>, PolicyError> {
        let Some(latest) = self.latest_place_on(date)? else {
            return Ok(Vec::new());
        };
        let as_of = self.history_as_of();
        let recorded_keeps = |place: Place| {
            self.known(place)
                .is_some_and(|release| keeps_after(release, date, as_of))
        };
        let mut supported = Vec::new();
        let mut newer_lts_seen = false;
        let changing = !self.changes().is_empty();
        let mut run_rules = None;
        let mut passed = EndsPassed::new(self.rules().has_lts());
        // Past the point where the ends have all passed, the lines left to
        // look at: none, or those of the history whose record keeps them
        // supported.
        let mut the_rest = false;
        let mut candidates = latest.up_to().rev();
        while let Some(place) = candidates.next() {
            if changing {
                let rules = Some(self.rules_id_at(place)?);
                if rules != run_rules {
                    run_rules = rules;
                    passed = EndsPassed::new(self.rules().has_lts());
                }
            }
            let last_of_major = self.under_last_of_major(place)?;
            let may_be_supported = place == latest
                || !passed.window(last_of_major)
                || !passed.lts && self.lts_at(place)?.lts
                || recorded_keeps(place);
            if !may_be_supported {
                continue;
            }
            let info = self.line_info(place)?;
            let roles = roles_on(&info, date, place == latest, newer_lts_seen);
            if info.lts {
                // A line not LTS yet leaves the LTS roles to older lines.
                newer_lts_seen |= info.is_lts_by(date);
            }
            passed.note(&info, last_of_major, date);
            if !roles.is_empty() {
                supported.push(SupportedLine {
                    days_left: info.days_left(date),
                    phase: info.phase_on(date).unwrap_or(Phase::Active),
                    latest_patch: self.newest_patch(&info, date)?,
                    info,
                    roles,
                });
            }
            // Only the history's record of an end can keep an older line
            // under the same rules supported now; lines under other rules
            // are each looked at, cheaply where their run has ended too.
            let last_of_major_rule = self.rules_at(place)?.last_of_major.is_some();
            if passed.all(last_of_major_rule) && !the_rest && !changing {
                if !self.recorded_eol_after(date) {
                    break;
                }
                the_rest = true;
                let rest = Place::of(self.history().len());
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
        // A line the policy has; the lines numbered before it lack the bug,
        // whenever they came out. Lines known by name have no numbers to
        // tell their descent by: there, those released before it lack it.
        let since = match since {
            Some(since) => Some((self.release_of(since.clone())?, since)),
            None => None,
        };
        let has_bug = |line: &Line, released: NaiveDate| match &since {
            None => true,
            Some((_, since)) if line.numbers().is_some() && since.numbers().is_some() => {
                line >= since
            }
            Some((since_released, _)) => released >= *since_released,
        };
        let mut targets = self.supported_on(date)?;
        targets.retain(|target| {
            has_bug(&target.info.line, target.info.released) && fix.goes_to(target.phase)
        });
        Ok(targets)
    }
}

/// The roles of the line `info` on `date`: `latest` says whether it is the
/// newest line released by then, `newer_lts` whether a newer line is LTS
/// by then (which leaves it the previous LTS). Every answer that names
/// roles, on one day or walking through many, gives them by this rule.
pub(crate) fn roles_on(
    info: &LineInfo,
    date: NaiveDate,
    latest: bool,
    newer_lts: bool,
) -> Vec<Role> {
    let mut roles = Vec::new();
    // The newest line is the latest while it is supported: an end the
    // history records may come before the next release.
    if latest && info.is_supported_on(date) {
        roles.push(Role::Latest);
    }
    if info.lts && info.is_lts_maintained_on(date) {
        roles.push(if newer_lts {
            Role::PreviousLts
        } else {
            Role::LatestLts
        });
    }
    if roles.is_empty() && info.is_supported_on(date) {
        roles.push(Role::Maintained);
    }
    roles
}

/// Which windows the rules give have passed, among the lines under one
/// set of rules looked at so far, newest first. The ends the rules give
/// (all but those the history records) never decrease along release order
/// among lines under the same rule: once one has passed, so have those of
/// all older lines under it. The rules are the support window, the window
/// of the last minor of a major (`support.last_of_major`, which may outlive
/// the next major's first lines), and the LTS window.
struct EndsPassed {
    support: bool,
    last_of_major: bool,
    lts: bool,
}

impl EndsPassed {
    /// Nothing passed yet; LTS windows, under rules with none, never open.
    fn new(has_lts: bool) -> Self {
        Self {
            support: false,
            last_of_major: false,
            lts: !has_lts,
        }
    }

    /// Whether the support window of an older line has passed: one under
    /// `support.last_of_major` (`last_of_major`), or under `support`.
    fn window(&self, last_of_major: bool) -> bool {
        if last_of_major {
            self.last_of_major
        } else {
            self.support
        }
    }

    /// Notes the windows of `info`, a line under `support.last_of_major`
    /// or not, that have passed by `date`.
    fn note(&mut self, info: &LineInfo, last_of_major: bool, date: NaiveDate) {
        let passed = info.latest_until.max(info.support_window.until) <= date;
        if last_of_major {
            self.last_of_major |= passed;
        } else {
            self.support |= passed;
        }
        let rule_ended = |window: &Window| window.rule_until() <= date;
        self.lts |= info.lts && info.lts_window.as_ref().is_some_and(rule_ended);
    }

    /// Whether every older line's windows have passed, under rules with a
    /// `support.last_of_major` or without.
    fn all(&self, last_of_major_rule: bool) -> bool {
        self.support && self.lts && (self.last_of_major || !last_of_major_rule)
    }
}
