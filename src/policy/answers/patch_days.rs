//! Patch days: the next day a patch ships, and what ships on it. A patch
//! day is a day with a recorded patch, whatever its weekday and whether its
//! line is still supported (backports happen), or a day of the patch
//! schedule on which a supported line's projected patch comes out.

use chrono::NaiveDate;

use crate::policy::dates::add_months;
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, PolicyError};
use crate::policy::lines::info::{LineInfo, Patch, SupportedLine};
use crate::policy::lines::role::Role;
use crate::policy::rules::line_rules::{LineRules, Patches};

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
        self.next_patch_with(start, last, &mut SupportedDays::default())
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
    /// lines supported on the days it looks at kept from one call to the
    /// next.
    fn next_patch_with(
        &self,
        start: Start,
        last: NaiveDate,
        supported: &mut SupportedDays,
    ) -> Result<Option<PatchDay>, PolicyError> {
        let after = start.after();
        let recorded = self.recorded_patches();
        let next_recorded = recorded
            .get(recorded.partition_point(|(day, _)| *day <= after))
            .map(|(day, _)| *day)
            .filter(|day| *day <= last);
        // Past `last`, as if a patch were recorded the day after it.
        let before = next_recorded.or_else(|| last.succ_opt());
        let day = match self.next_scheduled_patch_day(after, before, supported)? {
            Some(day) => day,
            None => match next_recorded {
                Some(day) => day,
                None => return Ok(None),
            },
        };
        let lines = supported.on(self, day)?;
        self.patch_day(day, lines).map(Some)
    }

    /// The first day of the patch schedule after `after`, and before
    /// `before`, on which a supported line's version changes. Each line's
    /// patch days count from its own `.0`; the lines supported change only
    /// at a release or an end of support, so the search moves from one
    /// line's next patch day, or one such change, to the next.
    fn next_scheduled_patch_day(
        &self,
        after: NaiveDate,
        before: Option<NaiveDate>,
        supported: &mut SupportedDays,
    ) -> Result<Option<NaiveDate>, PolicyError> {
        let scheduled = |rules: &LineRules| matches!(rules.patches, Patches::Scheduled(_));
        let any_scheduled = scheduled(self.own_rules())
            || self.changes().iter().any(|change| scheduled(&change.rules));
        if !any_scheduled {
            return Ok(None);
        }
        let out_of_range = || PolicyError::OutOfRange {
            what: Beyond::PatchDayAfter(after),
        };
        // No patch ships on or before the first release.
        let mut cursor = after.max(self.first_release().released);
        while before.is_none_or(|before| cursor < before) {
            let probe = cursor.succ_opt().ok_or_else(out_of_range)?;
            let mut next: Option<NaiveDate> = None;
            for line in supported.on(self, probe)? {
                // Each line's patches follow its own rules.
                let Patches::Scheduled(schedule) = &self.rules_at(line.info.place)?.patches else {
                    continue;
                };
                // Up to the newest recorded patch, and while the patch
                // record is complete, only recorded ones ship.
                let from = self.patches_projected_after(&line.info).max(cursor);
                if let Some(day) = schedule.next_after(line.info.released, from)
                    && line.info.supported_until_after(day)
                {
                    next = Some(next.map_or(day, |next| next.min(day)));
                }
            }
            let change = supported.until;
            match next {
                Some(day) if change.is_none_or(|change| day < change) => {
                    if before.is_some_and(|before| day >= before) {
                        return Ok(None);
                    }
                    // A line's newest version dated this day is a patch
                    // shipped this day (its `.0` is a release, not a patch).
                    let ships = |line: &SupportedLine| {
                        line.info.released != day
                            && line
                                .latest_patch
                                .as_ref()
                                .is_some_and(|patch| patch.released == day)
                    };
                    if supported.on(self, day)?.iter().any(ships) {
                        return Ok(Some(day));
                    }
                    cursor = day;
                }
                _ => match change {
                    Some(change) => cursor = change.pred_opt().ok_or_else(out_of_range)?,
                    None => return Ok(None),
                },
            }
        }
        Ok(None)
    }

    /// What ships on `day`: the patches of the lines supported then and of
    /// the lines with a patch recorded that day, and the lines released.
    fn patch_day(
        &self,
        day: NaiveDate,
        supported: &[SupportedLine],
    ) -> Result<PatchDay, PolicyError> {
        let mut patches: Vec<ShippedPatch> = Vec::new();
        let mut new_lines = Vec::new();
        let mut ships = |info: &LineInfo, roles: &[Role], patch: &Patch| {
            if info.released == day {
                new_lines.push(info.clone());
            } else if patch.released == day {
                patches.push(ShippedPatch {
                    info: info.clone(),
                    patch: patch.clone(),
                    roles: roles.to_vec(),
                });
            }
        };
        for line in supported {
            if let Some(patch) = &line.latest_patch {
                ships(&line.info, &line.roles, patch);
            }
        }
        let recorded = self.recorded_patches();
        let first = recorded.partition_point(|(date, _)| *date < day);
        for &(_, place) in recorded[first..]
            .iter()
            .take_while(|(date, _)| *date == day)
        {
            if !supported.iter().any(|line| line.info.place == place) {
                let info = self.line_info(place)?;
                if let Some(patch) = self.newest_patch(&info, day)? {
                    ships(&info, &[], &patch);
                }
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
            supported: SupportedDays::default(),
            recorded_lines_only: false,
        }
    }
}

/// The lines supported on successive days. Their roles and ends change
/// only with a release or an end of support or of LTS maintenance, so they
/// are worked out again only then; in between, only each line's newest
/// patch moves. A calendar of centuries walks its patch days this way.
#[derive(Debug, Clone, Default)]
struct SupportedDays {
    /// The days the lines hold for, `[from, until)`.
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    /// The day their newest patches are of.
    day: Option<NaiveDate>,
    lines: Vec<SupportedLine>,
}

impl SupportedDays {
    /// The lines supported on `day`, each with its newest patch that day.
    fn on(&mut self, policy: &Policy, day: NaiveDate) -> Result<&[SupportedLine], PolicyError> {
        if self.day == Some(day) {
            return Ok(&self.lines);
        }
        self.day = Some(day);
        let holds = self.from.is_some_and(|from| from <= day)
            && self.until.is_some_and(|until| day < until);
        if holds {
            for line in &mut self.lines {
                if let Some(patch) = policy.newest_patch(&line.info, day)? {
                    line.latest_patch = Some(patch);
                }
                line.days_left = line.info.days_left(day);
            }
        } else {
            self.lines = policy.supported_on(day)?;
            self.from = Some(day);
            // The next release, and the next end of support or of LTS
            // maintenance of a supported line.
            let ends = self.lines.iter().flat_map(|line| {
                [
                    Some(line.info.latest_until),
                    line.info.eol,
                    Some(line.info.support_window.until),
                    line.info.lts_until(),
                ]
            });
            self.until = ends.flatten().filter(|end| *end > day).min();
        }
        Ok(&self.lines)
    }
}

/// The patch days of a range, as [`Policy::patch_days`] gives them.
#[derive(Debug, Clone)]
pub struct PatchDays<'p> {
    policy: &'p Policy,
    /// Where the next search starts; `None` once done.
    next: Option<Start>,
    to: NaiveDate,
    supported: SupportedDays,
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
            match self
                .policy
                .next_patch_with(start, self.to, &mut self.supported)
            {
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
