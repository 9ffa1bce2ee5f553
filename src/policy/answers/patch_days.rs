//! Patch days: the next day a patch ships, and what ships on it. A patch
//! day is a day with a recorded patch, whatever its weekday and whether its
//! line is still supported (backports happen), or a day of the patch
//! schedule on which a supported line's projected patch comes out.

use chrono::NaiveDate;

use crate::policy::dates::add_months;
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::lines::info::{LineInfo, Patch};
use crate::policy::lines::role::Role;
use crate::policy::rules::line_rules::{LineRules, Patches};
use walk::{Shipped, Walk};

mod walk;

/// The first day a search for a patch day may answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Start {
    /// This day or a later one.
    OnOrAfter(NaiveDate),
    /// A day strictly after this one.
    After(NaiveDate),
}

impl Start {
    /// The day the search looks strictly after.
    fn after(self) -> NaiveDate {
        match self {
            Self::After(date) => date,
            Self::OnOrAfter(date) => date.pred_opt().unwrap_or(date),
        }
    }
}

/// A patch that ships on a patch day.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ShippedPatch {
    /// Its line.
    pub info: LineInfo,
    /// The version that ships.
    pub patch: Patch,
    /// The line's roles that day; empty for a backport to a line no longer
    /// supported.
    pub roles: Vec<Role>,
}

/// A patch day and what ships on it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PatchDay {
    /// The day.
    pub day: NaiveDate,
    /// One patch per line that ships one, newest line first.
    pub patches: Vec<ShippedPatch>,
    /// Lines whose `.0` comes out that same day.
    pub new_lines: Vec<LineInfo>,
}

impl Policy {
    /// The first patch day from `start`: the first day with a recorded
    /// patch or a scheduled one; `None` when none comes (a policy that
    /// projects no patches, past its last recorded one).
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`] when no such day can be represented.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// use lts_policy::answers::Start;
    /// let kestra = Policy::kestra().unwrap();
    /// // 2026-11-25 is a Wednesday; patches come out on Tuesdays.
    /// let after = Start::After(parse_date("2026-11-25").unwrap());
    /// let next = kestra.next_patch(after).unwrap().unwrap();
    /// assert_eq!(next.day.to_string(), "2026-12-01");
    /// let versions: Vec<String> =
    ///     next.patches.iter().map(|shipped| shipped.patch.version.to_string()).collect();
    /// // 2.1 (projected, 2026-11-10): Tuesdays 11-17, 11-24, 12-01 make 2.1.3.
    /// // 2.0 (2026-09-08, no patch recorded): 12 Tuesdays to 12-01, 2.0.12.
    /// // 1.3's newest recorded patch is 1.3.15 (2026-04-29): 31 Tuesdays from
    /// // 05-05 to 12-01 make 1.3.46.
    /// assert_eq!(versions, ["2.1.3", "2.0.12", "1.3.46"]);
    /// ```
    pub fn next_patch(&self, start: Start) -> Result<Option<PatchDay>, PolicyError> {
        let last = self.patch_search_end(start);
        self.next_patch_with(start, last, &mut Walk::default())
    }

    /// The last day [`Policy::next_patch`] looks at: 400 years (a cycle of
    /// the Gregorian calendar) after the later of the start and the day the
    /// history is complete up to. Rules under which no line ever gets a
    /// patch before its end of support (patches every 31 weeks for lines
    /// supported 6 months) would otherwise be searched to the last date
    /// there is.
    #[must_use]
    pub fn patch_search_end(&self, start: Start) -> NaiveDate {
        add_months(start.after().max(self.history_as_of()), 400 * 12).unwrap_or(NaiveDate::MAX)
    }

    /// [`Policy::next_patch`], looking no further than `last`, with the
    /// walk through the days kept from one call to the next.
    fn next_patch_with(
        &self,
        start: Start,
        last: NaiveDate,
        walk: &mut Walk,
    ) -> Result<Option<PatchDay>, PolicyError> {
        let after = start.after();
        let recorded = self.recorded_patches();
        let next_recorded = recorded
            .get(recorded.partition_point(|(day, _)| *day <= after))
            .map(|(day, _)| *day)
            .filter(|day| *day <= last);
        // Past `last`, as if a patch were recorded the day after it.
        let before = next_recorded.or_else(|| last.succ_opt());
        // No patch ships on or before the first release.
        let cursor = after.max(self.first_release().released);
        if walk.through != Some(cursor) {
            walk.start(self, cursor)?;
        }
        let scheduled = |rules: &LineRules| matches!(rules.patches, Patches::Scheduled(_));
        let any_scheduled = scheduled(self.own_rules())
            || self.changes().iter().any(|change| scheduled(&change.rules));
        let found = if any_scheduled {
            walk.next_scheduled(self, before)?
        } else {
            None
        };
        let (day, shipped) = match (found, next_recorded) {
            (Some(found), _) => found,
            (None, Some(day)) => (day, walk.ships_on(self, day)?),
            (None, None) => return Ok(None),
        };
        self.patch_day(day, walk, shipped).map(Some)
    }

    /// What ships on `day`: `shipped`, the scheduled patches of the lines
    /// supported then, with the patches recorded that day and the lines
    /// released.
    fn patch_day(
        &self,
        day: NaiveDate,
        walk: &Walk,
        shipped: Vec<Shipped>,
    ) -> Result<PatchDay, PolicyError> {
        let mut patches: Vec<ShippedPatch> = shipped
            .into_iter()
            .map(|(info, patch, roles)| ShippedPatch { info, patch, roles })
            .collect();
        let mut new_lines = Vec::new();
        // The lines released that day are the newest the walk keeps.
        for (&place, kept) in walk.lines.iter().rev() {
            if kept.info.released < day {
                break;
            }
            if !walk.roles(place, kept, day).is_empty()
                && self.newest_patch(&kept.info, day)?.is_some()
            {
                new_lines.push(kept.info.clone());
            }
        }
        let recorded = self.recorded_patches();
        let first = recorded.partition_point(|(date, _)| *date < day);
        for &(_, place) in recorded[first..]
            .iter()
            .take_while(|(date, _)| *date == day)
        {
            let supported = walk
                .lines
                .get(&place)
                .map(|kept| (kept, walk.roles(place, kept, day)))
                .filter(|(_, roles)| !roles.is_empty());
            let (info, roles) = match supported {
                // Its release is among the lines released that day above.
                Some((kept, _)) if kept.info.released == day => continue,
                Some((kept, roles)) => (kept.info.clone(), roles),
                // A backport to a line no longer supported.
                None => (self.line_info(place)?, Vec::new()),
            };
            let Some(patch) = self.newest_patch(&info, day)? else {
                continue;
            };
            if info.released == day {
                new_lines.push(info);
            } else if patch.released == day {
                patches.push(ShippedPatch { info, patch, roles });
            }
        }
        // Newest line first, backports to older lines after.
        patches.sort_by(|a, b| b.info.line.cmp(&a.info.line));
        patches.dedup_by(|a, b| a.info.line == b.info.line);
        Ok(PatchDay {
            day,
            patches,
            new_lines,
        })
    }

    /// Every patch day from `from` to `to` (both included), computed as the
    /// iteration goes.
    pub fn patch_days(&self, from: NaiveDate, to: NaiveDate) -> PatchDays<'_> {
        PatchDays {
            policy: self,
            next: Some(Start::OnOrAfter(from)),
            to,
            walk: Walk::default(),
            recorded_lines_only: false,
        }
    }
}

/// The patch days of a range, as [`Policy::patch_days`] gives them.
#[derive(Debug, Clone)]
pub struct PatchDays<'p> {
    policy: &'p Policy,
    /// Where the next search starts; `None` once done.
    next: Option<Start>,
    to: NaiveDate,
    walk: Walk,
    /// Whether the patches and releases of projected lines are left out,
    /// and the days that ship nothing else.
    recorded_lines_only: bool,
}

impl PatchDays<'_> {
    /// The same days, each without the patches and releases of the lines
    /// only the rules project; a day left with nothing is skipped.
    #[must_use]
    pub fn of_recorded_lines(self) -> Self {
        Self {
            recorded_lines_only: true,
            ..self
        }
    }
}

impl Iterator for PatchDays<'_> {
    type Item = Result<PatchDay, PolicyError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let start = self.next.take()?;
            match self.policy.next_patch_with(start, self.to, &mut self.walk) {
                Ok(Some(mut day)) if day.day <= self.to => {
                    self.next = Some(Start::After(day.day));
                    if self.recorded_lines_only {
                        day.patches.retain(|shipped| !shipped.info.is_projected());
                        day.new_lines.retain(|info| !info.is_projected());
                        if day.patches.is_empty() && day.new_lines.is_empty() {
                            continue;
                        }
                    }
                    return Some(Ok(day));
                }
                Ok(_) => return None,
                Err(err) => return Some(Err(err)),
            }
        }
    }
}
