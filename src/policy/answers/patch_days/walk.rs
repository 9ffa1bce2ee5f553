//! The walk through the days that finds patch days: the lines that may be
//! supported, kept as the days go by, each looked at on its own days only.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::NaiveDate;

use crate::policy::answers::roles::roles_on;
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::lines::info::{LineInfo, Patch};
use crate::policy::lines::release::Place;
use crate::policy::lines::role::Role;
use crate::policy::lines::window::EolReason;
use crate::policy::rules::line_rules::Patches;

impl Policy {
    /// The first day of a line's patch schedule after `after` on which a
    /// patch it has not recorded comes out while it is supported.
    fn next_patch_day_of(
        &self,
        kept: &Kept,
        after: NaiveDate,
    ) -> Result<Option<NaiveDate>, PolicyError> {
        // Each line's patches follow its own rules, from its own `.0`.
        let Patches::Scheduled(schedule) = &self.rules_at(kept.info.place)?.patches else {
            return Ok(None);
        };
        let from = kept.projected_after.max(after);
        Ok(schedule
            .next_after(kept.info.released, from)
            .filter(|day| kept.info.supported_until_after(*day)))
    }

    /// The line after `place` (the first line after none) and the day it
    /// comes out; `None` when no later line comes, or none on a day there
    /// is.
    fn line_after(&self, place: Option<Place>) -> Result<Option<(Place, NaiveDate)>, PolicyError> {
        let Some(place) = place.map_or(Some(Place::FIRST), Place::next) else {
            return Ok(None);
        };
        if !self.has_line_at(place) {
            return Ok(None);
        }
        match self.release_at(place) {
            Ok(release) => Ok(Some((place, release.date))),
            Err(PolicyError::OutOfRange { .. }) => Ok(None),
            Err(err) => Err(err),
        }
    }
}

/// A scheduled patch that ships: its line, the patch, the line's roles.
pub(super) type Shipped = (LineInfo, Patch, Vec<Role>);

/// Days the walk looks at, earliest first, each with the line it concerns.
type Days = BinaryHeap<Reverse<(NaiveDate, Place)>>;

/// A line the walk keeps, and the day after which its patches are
/// projected.
#[derive(Debug, Clone)]
pub(super) struct Kept {
    pub(super) info: LineInfo,
    projected_after: NaiveDate,
}

/// The lines that may be supported, kept as a walk goes forward through
/// the days. Each line is looked at on the days that concern it only: its
/// release (it joins), its next patch day, the start of its LTS, the end of
/// its last role (it leaves). A calendar of centuries with thousands of
/// lines supported at once costs, for each day, what changes that day,
/// not a look at every line: the walk is linear in the range.
#[derive(Debug, Clone, Default)]
pub(super) struct Walk {
    /// The day up to which every day has been looked at; `None` before the
    /// walk starts.
    pub(super) through: Option<NaiveDate>,
    /// The lines released by then whose roles have not all ended.
    pub(super) lines: BTreeMap<Place, Kept>,
    /// The newest line released by then.
    latest: Option<Place>,
    /// The next line to come out, and its day.
    next: Option<(Place, NaiveDate)>,
    /// The newest line that is LTS by then: the LTS lines older than it
    /// are previous LTS lines.
    newest_lts: Option<Place>,
    /// The kept lines by their next patch day: the lines of one day come
    /// out together, as many lines share their patch days.
    patch_days: BTreeMap<NaiveDate, Vec<Place>>,
    /// The LTS starts still to come.
    lts_starts: Days,
    /// The days from which lines have no role.
    leaves: Days,
}

impl Walk {
    /// Starts the walk after `cursor`, from the lines supported that day.
    pub(super) fn start(&mut self, policy: &Policy, cursor: NaiveDate) -> Result<(), PolicyError> {
        *self = Self {
            through: Some(cursor),
            latest: policy.latest_place_on(cursor)?,
            ..Self::default()
        };
        for line in policy.supported_on(cursor)? {
            self.keep(policy, line.info, cursor)?;
        }
        self.next = policy.line_after(self.latest)?;
        let Some(latest) = self.latest.filter(|_| policy.rules().has_lts()) else {
            return Ok(());
        };
        // The newest line LTS by then, and the newer ones whose LTS starts
        // later; the older ones make no difference.
        for place in latest.up_to().rev() {
            if !policy.lts_at(place)?.lts {
                continue;
            }
            let lts_from = match self.lines.get(&place) {
                Some(kept) => kept.info.lts_from,
                None => policy.line_info(place)?.lts_from,
            };
            match lts_from {
                Some(from) if from <= cursor => {
                    self.newest_lts = Some(place);
                    break;
                }
                Some(from) => self.lts_starts.push(Reverse((from, place))),
                None => {}
            }
        }
        Ok(())
    }

    /// Keeps a line from `after` on.
    fn keep(
        &mut self,
        policy: &Policy,
        info: LineInfo,
        after: NaiveDate,
    ) -> Result<(), PolicyError> {
        let place = info.place;
        if let Some(day) = roles_end(&info) {
            self.leaves.push(Reverse((day, place)));
        }
        let kept = Kept {
            projected_after: policy.patches_projected_after(&info),
            info,
        };
        if let Some(day) = policy.next_patch_day_of(&kept, after)? {
            self.patch_days.entry(day).or_default().push(place);
        }
        self.lines.insert(place, kept);
        Ok(())
    }

    /// Moves the walk to `day`: the lines released by then join, and the
    /// LTS starts and ends of roles up to then are taken in.
    fn reach(&mut self, policy: &Policy, day: NaiveDate) -> Result<(), PolicyError> {
        while let Some((place, released)) = self.next.filter(|(_, released)| *released <= day) {
            let info = policy.line_info(place)?;
            if let Some(from) = info.lts_from.filter(|_| info.lts) {
                self.lts_starts.push(Reverse((from, place)));
            }
            self.latest = Some(place);
            self.keep(policy, info, released)?;
            self.next = policy.line_after(Some(place))?;
        }
        while let Some(place) = due(&mut self.lts_starts, day) {
            self.newest_lts = self.newest_lts.max(Some(place));
        }
        while let Some(place) = due(&mut self.leaves, day) {
            self.lines.remove(&place);
        }
        Ok(())
    }

    /// The roles on `day` of the line kept at `place`.
    pub(super) fn roles(&self, place: Place, kept: &Kept, day: NaiveDate) -> Vec<Role> {
        let newer_lts = self.newest_lts.is_some_and(|newest| newest > place);
        roles_on(&kept.info, day, self.latest == Some(place), newer_lts)
    }

    /// The first day after the walk's and before `before` on which a
    /// supported line ships a scheduled patch, and those patches.
    pub(super) fn next_scheduled(
        &mut self,
        policy: &Policy,
        before: Option<NaiveDate>,
    ) -> Result<Option<(NaiveDate, Vec<Shipped>)>, PolicyError> {
        // A release comes before a patch day only to add its line's patch
        // days: the days are taken in order.
        loop {
            let patch_day = self.patch_days.keys().next().copied();
            let release = self.next.map(|(_, day)| day);
            let Some(day) = patch_day.into_iter().chain(release).min() else {
                return Ok(None);
            };
            if before.is_some_and(|before| day >= before) {
                return Ok(None);
            }
            let shipped = self.ships_on(policy, day)?;
            if !shipped.is_empty() {
                return Ok(Some((day, shipped)));
            }
        }
    }

    /// Moves the walk to `day` and gives the scheduled patches that ship
    /// then: those of the lines with a role that day whose newest version
    /// comes out that day (its `.0` is a release, not a patch).
    pub(super) fn ships_on(
        &mut self,
        policy: &Policy,
        day: NaiveDate,
    ) -> Result<Vec<Shipped>, PolicyError> {
        self.reach(policy, day)?;
        self.through = Some(day);
        let mut shipped = Vec::new();
        while let Some(first) = self.patch_days.first_entry()
            && *first.key() <= day
        {
            for place in first.remove() {
                self.ship(policy, place, day, &mut shipped)?;
            }
        }
        Ok(shipped)
    }

    /// Adds to `shipped` the patch the line at `place`, whose patch day
    /// `day` is, ships then, if it ships one, and notes its next patch day.
    fn ship(
        &mut self,
        policy: &Policy,
        place: Place,
        day: NaiveDate,
        shipped: &mut Vec<Shipped>,
    ) -> Result<(), PolicyError> {
        let Some(kept) = self.lines.get(&place) else {
            return Ok(());
        };
        if let Some(next) = policy.next_patch_day_of(kept, day)? {
            self.patch_days.entry(next).or_default().push(place);
        }
        let roles = self.roles(place, kept, day);
        if roles.is_empty() || kept.info.released == day {
            return Ok(());
        }
        if let Some(patch) = policy.newest_patch(&kept.info, day)?
            && patch.released == day
        {
            shipped.push((kept.info.clone(), patch, roles));
        }
        Ok(())
    }
}

/// Takes the line of the earliest of `days` when it comes by `day`.
fn due(days: &mut Days, day: NaiveDate) -> Option<Place> {
    let Reverse((first, place)) = *days.peek()?;
    (first <= day).then(|| {
        days.pop();
        place
    })
}

/// The day from which a line has no role: the later of the end of its
/// support and of its LTS maintenance; `None` for a line nothing ends.
fn roles_end(info: &LineInfo) -> Option<NaiveDate> {
    let support_end = match (info.eol, &info.eol_reason) {
        (Some(eol), _) => eol,
        (None, EolReason::EndedUndated { at_latest }) => *at_latest,
        (None, _) => return None,
    };
    Some(
        info.lts_until()
            .map_or(support_end, |until| support_end.max(until)),
    )
}
