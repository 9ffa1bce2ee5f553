//! Facts merged into a policy's history: what the file states wins where
//! both speak; the facts add the lines and patches it lacks.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::policy::lines::numbers::Version;
use chrono::NaiveDate;

use super::problem::FactsProblem;
use super::record::Facts;
use crate::policy::dates::days_between;
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::file::history::History;
use crate::policy::file::problems::Problems;
use crate::policy::lines::known_patches::KnownPatch;
use crate::policy::lines::line::{Line, LineKind};
use crate::policy::lines::release::{RecordedEnd, Release, newest_recorded};

impl Policy {
    /// The policy with `facts` merged into its history: the file's lines,
    /// dates, flags, announced ends and patches win where both speak; the
    /// facts add the lines and patches the file lacks. The history is then
    /// complete up to `history_as_of` (or the facts' own day,
    /// [`Facts::as_of`]), or up to its newest date, if later. The merged
    /// history is checked as a file's is, with the same problems and paths.
    ///
    /// # Errors
    /// [`PolicyError::Facts`] ([`FactsProblem::MergedHistory`]) when the
    /// merged history is not a valid one (a patch the facts date before
    /// the release of its line, as the file gives it).
    pub fn with_facts(
        &self,
        facts: &Facts,
        history_as_of: Option<NaiveDate>,
    ) -> Result<Self, PolicyError> {
        let merged = merge(self.history(), facts, self.rules().has_lts());
        let as_of = merged_as_of(
            &merged,
            facts,
            [history_as_of.or(facts.as_of()), self.stated_history_as_of()],
        );
        let mut rules = self.rules().clone();
        rules.history_as_of = as_of;
        let releases = checked(
            merged,
            rules.lines,
            rules.line_prefix.clone(),
            rules.has_lts(),
            as_of,
        )?;
        Ok(Self::new(rules, releases))
    }
}

impl Policy {
    /// The policy with its history's days yielding to `facts` where both
    /// speak of a line: the release day, and each end the facts give a day
    /// for or say has passed (an end they say has not come leaves the
    /// policy's announced one). A patch dated before its line's new release
    /// day is left out. The catalogue's products with hand-encoded rules
    /// answer as their record does on the days it covers: the record's day
    /// wins over the one the example gives (Electron 5: 2019-04-23 in the
    /// record, 2019-04-24 by its tag).
    ///
    /// # Errors
    /// [`PolicyError::Facts`] when the history so changed is not a valid
    /// one.
    pub(crate) fn with_days_of(&self, facts: &Facts) -> Result<Self, PolicyError> {
        let winning = |facts: Option<RecordedEnd>, own: Option<RecordedEnd>| match facts {
            Some(RecordedEnd::NotYet) | None => own,
            given => given,
        };
        let mut history = self.history().to_vec();
        for release in &mut history {
            let Some(line_facts) = facts.lines.get(&release.line) else {
                continue;
            };
            if let Some(released) = &line_facts.released {
                release.released = released.date;
                release.patches = release
                    .patches
                    .iter()
                    .filter(|patch| patch.released >= released.date)
                    .cloned()
                    .collect();
            }
            release.eol = winning(line_facts.eol, release.eol);
            release.active_until = winning(line_facts.active_until, release.active_until);
            release.extended_until = winning(line_facts.extended_until, release.extended_until);
        }
        let rules = self.rules();
        let checked = checked(
            history,
            rules.lines,
            rules.line_prefix.clone(),
            rules.has_lts(),
            rules.history_as_of,
        )?;
        Ok(Self::new(rules.clone(), checked))
    }
}

/// `history` with `facts` merged: the history's lines, dates, flags,
/// announced ends and patches win where both speak; the facts add the
/// lines and patches it lacks, and LTS flags where `lts` (the rules have
/// LTS lines).
pub(crate) fn merge(history: &[Release], facts: &Facts, lts: bool) -> Vec<Release> {
    let mut merged: BTreeMap<Line, Release> = history
        .iter()
        .map(|release| (release.line.clone(), release.clone()))
        .collect();
    for (line, line_facts) in &facts.lines {
        let Some(released) = &line_facts.released else {
            continue;
        };
        let release = merged
            .entry(line.clone())
            .or_insert_with(|| Release::new(line.clone(), released.date));
        if lts {
            release.lts = release.lts.or(line_facts.lts);
            // A day the policy does not give, for a line it does not
            // declare other than LTS.
            if release.lts == Some(true) && release.lts_from.is_none() {
                release.lts_from = line_facts.lts_from;
            }
        }
        release.eol = release.eol.or(line_facts.eol);
        release.active_until = release.active_until.or(line_facts.active_until);
        release.extended_until = release.extended_until.or(line_facts.extended_until);
        release.discontinued = release.discontinued.or(line_facts.discontinued);
        let mut patches: BTreeMap<&Version, KnownPatch> = line_facts
            .patches
            .iter()
            .map(|(version, origin)| {
                let patch = KnownPatch {
                    version: *version,
                    released: origin.date,
                };
                (version, patch)
            })
            .collect();
        // The history's own patches win.
        for patch in &release.patches {
            patches.insert(&patch.version, patch.clone());
        }
        release.patches = patches.into_values().collect();
    }
    merged.into_values().collect()
}

/// The day a merged history is complete up to: the latest of the days
/// `stated` (by the caller, the facts, the file) and the newest day the
/// merged history records.
pub(crate) fn merged_as_of(
    merged: &[Release],
    facts: &Facts,
    stated: [Option<NaiveDate>; 2],
) -> Option<NaiveDate> {
    let newest = newest_recorded(merged).max(facts.newest);
    stated.into_iter().chain([newest]).flatten().max()
}

/// A merged history, checked as a file's is, with the same problems and
/// paths.
pub(crate) fn checked(
    merged: Vec<Release>,
    lines: LineKind,
    prefix: Option<Arc<str>>,
    has_lts: bool,
    as_of: Option<NaiveDate>,
) -> Result<Vec<Release>, PolicyError> {
    let mut first = None;
    let mut report = |problem| {
        first.get_or_insert(problem);
    };
    let mut problems = Problems::first(&mut report);
    let mut history = History::new(lines, prefix, has_lts, as_of);
    for release in merged {
        history.release(release, &mut problems);
    }
    let releases = history.finish(&mut problems);
    match first {
        None => Ok(releases),
        Some(PolicyError::InvalidPolicy { path, problem }) => Err(FactsProblem::MergedHistory {
            path,
            problem: *problem,
        }
        .into()),
        Some(other) => Err(other),
    }
}

impl Facts {
    /// Whether the facts could be `policy`'s product's: they speak of no
    /// line, or of one of its history's lines, released (where they date
    /// it) within a month of the day the history has. Another product's
    /// answer shares numbers at most (Quarkus's 2.0 of 2021, Kestra's of
    /// 2026), not days.
    #[must_use]
    pub fn could_be_of(&self, policy: &Policy) -> bool {
        self.lines.is_empty()
            || self.lines.iter().any(|(line, facts)| {
                policy.history().iter().any(|release| {
                    release.line == *line
                        && facts.released.as_ref().is_none_or(|origin| {
                            days_between(release.released, origin.date).abs() <= 31
                        })
                })
            })
    }
}
