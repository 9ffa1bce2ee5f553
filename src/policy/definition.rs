//! A validated policy: the vendor's rules and the releases that happened.

use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use chrono::NaiveDate;

use crate::policy::error::PolicyError;
use crate::policy::forecast::TrackRecord;
use crate::policy::lines::line::{Line, LineKind, Numbering};
use crate::policy::lines::plan::Plan;
use crate::policy::lines::release::{Place, RecordedEnd, Release};
use crate::policy::rules::line_rules::{Change, LineRules, LtsRule, NewMajor, Patches, Support};
use crate::policy::rules::policy_rules::PolicyRules;
use crate::policy::rules::schedule::Schedule;
use crate::policy::rules::template::{BranchTemplate, TagTemplate};

/// What the model works out once and keeps, as far as it has needed it:
/// values whose n-th item depends on every one before it.
#[derive(Debug, Default)]
pub(crate) struct Memo<T>(Mutex<T>);

impl<T> Memo<T> {
    /// The values, to read or extend. A panic while they were held cannot
    /// leave them wrong (each value is pushed whole), so a poisoned lock
    /// is taken over.
    pub(crate) fn lock(&self) -> MutexGuard<'_, T> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T: Default> Clone for Memo<T> {
    /// A copy starts again from nothing: what it would hold follows from
    /// the policy.
    fn clone(&self) -> Self {
        Self::default()
    }
}

/// The new majors among projected lines (`new_major: {in_month}`), found
/// year by year.
#[derive(Debug, Default)]
pub(crate) struct MajorStarts {
    /// The year to look at next.
    pub next_year: Option<i32>,
    /// The projected positions (1 for the first projected line) that start
    /// a major, in order.
    pub positions: Vec<u64>,
}

/// A release policy whose values have been checked: schedules and periods
/// in range, and a non-empty history, kept in the order its lines came
/// out (two on one day in line order; a line may come out after one
/// numbered above it).
///
/// Read one with [`Policy::from_json`], or take the embedded default,
/// [`Policy::kestra`]; every query is a method.
#[derive(Debug, Clone)]
pub struct Policy {
    rules: PolicyRules,
    history: Vec<Release>,
    /// The day up to which the history is complete.
    as_of: NaiveDate,
    /// Which rules govern the projected lines, and those walked to find
    /// it; `None` when the history has no numbered line to project after.
    plan: Option<Plan>,
    /// The line the LTS choice starts from.
    anchor: LtsAnchor,
    /// The newest recorded patch's day; `None` where none is recorded.
    newest_patch: Option<NaiveDate>,
    /// Every recorded patch's date and the place of its line, in date
    /// order, sorted the first time they are asked for: only the patch
    /// calendar walks them, and Node.js's 640 cost a start 100,000
    /// instructions to sort.
    recorded_patches: OnceLock<Vec<(NaiveDate, Place)>>,
    /// The places of the history's lines in line order, sorted the first
    /// time they are asked for: an audit looks up one line per finding.
    by_line: OnceLock<Vec<Place>>,
    pub(crate) major_starts: Memo<MajorStarts>,
    /// The places of the LTS lines chosen by `every_months`, from the
    /// anchor on, for each number of months the rules give.
    pub(crate) lts_chain: Memo<Vec<(u32, Vec<Place>)>>,
    /// How far the history's releases fell from the rules' days, worked
    /// out the first time a projected release asks for its range: a
    /// question about recorded lines alone never needs it.
    pub(crate) track_record: OnceLock<TrackRecord>,
    /// How far its recorded ends fell from the rules' (`end_record`).
    pub(crate) end_record: OnceLock<TrackRecord>,
    /// The latest day the history's record of an end keeps a line
    /// supported through: its latest announced end's eve, or, where a
    /// record says an end had not come, `as_of`; `None` without either.
    recorded_support_through: Option<NaiveDate>,
    /// Whether the history records an end of active support for some line
    /// (a day, or that it has passed or not): its lines have two phases.
    records_active_ends: bool,
}

/// Two policies are equal when their rules and history are.
impl PartialEq for Policy {
    fn eq(&self, other: &Self) -> bool {
        self.rules == other.rules && self.history == other.history
    }
}

impl Eq for Policy {}

/// Whether the history's record of `release`'s end of support keeps it
/// supported after `date`, with the history complete up to `as_of`.
pub(crate) fn keeps_after(release: &Release, date: NaiveDate, as_of: NaiveDate) -> bool {
    record_keeps_through(release, as_of).is_some_and(|through| date <= through)
}

/// The last day the history's record of `release`'s end keeps it
/// supported through: the eve of an end it announces, or `as_of` where it
/// says the end had not come; `None` where it says neither.
fn record_keeps_through(release: &Release, as_of: NaiveDate) -> Option<NaiveDate> {
    match release.eol {
        Some(RecordedEnd::On(eol)) => eol.pred_opt(),
        Some(RecordedEnd::NotYet) => Some(as_of),
        Some(RecordedEnd::Passed) | None => None,
    }
}

/// The line the LTS choice counts from, worked out once: the newest line
/// declared LTS or, with none declared, the first line whose rules have LTS
/// lines.
#[derive(Debug, Clone)]
pub(crate) struct LtsAnchor {
    pub(crate) place: Place,
    pub(crate) line: Line,
    /// Whether the history declares it LTS (else the count starts at it).
    pub(crate) declared: bool,
}

impl LtsAnchor {
    /// The newest line `history` declares LTS; with none declared, the
    /// first line whose rules have LTS lines, known or walked to (a change
    /// that adds LTS lines makes none before it LTS).
    fn of(rules: &PolicyRules, history: &[Release], plan: Option<&Plan>) -> Self {
        let has_lts = |id| rules.by_id(id).lts.is_some();
        let declared = history
            .iter()
            .rposition(|release| release.lts == Some(true));
        if let Some(index) = declared {
            return Self {
                place: Place::of(index),
                line: history[index].line.clone(),
                declared: true,
            };
        }
        let known = history
            .iter()
            .position(|release| has_lts(rules.governing(&release.line)))
            .map(|index| (index, history[index].line.clone()));
        let walked = || {
            let walked = &plan?.walked;
            let at = walked.iter().position(|line| has_lts(line.rules))?;
            Some((history.len() + at, walked[at].line.clone()))
        };
        let (index, line) = known
            .or_else(walked)
            .unwrap_or_else(|| (0, history[0].line.clone()));
        Self {
            place: Place::of(index),
            line,
            declared: false,
        }
    }
}

impl Policy {
    /// Only the file reader builds a policy, after validating every value;
    /// `history` is never empty. Its lines are kept in the order they came
    /// out (two on one day in line order), which is the order the rules
    /// count them in: a maintenance line of an older major may come after
    /// a newer major's first line (Python 2.7 after 3.0).
    pub(crate) fn new(rules: PolicyRules, mut history: Vec<Release>) -> Self {
        history.sort_by(Release::release_order);
        // By default the history is complete up to its newest date.
        let newest_release = history
            .last()
            .map_or(NaiveDate::MIN, |newest| newest.released);
        let newest_patch = history
            .iter()
            .filter_map(|release| release.patches.newest_day())
            .max();
        let as_of = rules.history_as_of.unwrap_or_else(|| {
            newest_patch.map_or(newest_release, |patch| patch.max(newest_release))
        });
        let highest = history
            .iter()
            .map(|release| &release.line)
            .filter(|line| line.numbers().is_some())
            .max();
        let plan = Plan::new(&rules, highest, newest_release, as_of);
        let anchor = LtsAnchor::of(&rules, &history, plan.as_ref());
        let recorded_support_through = history
            .iter()
            .filter_map(|release| record_keeps_through(release, as_of))
            .max();
        let records_active_ends = history.iter().any(|release| release.active_until.is_some());
        Self {
            rules,
            history,
            as_of,
            plan,
            anchor,
            newest_patch,
            recorded_patches: OnceLock::new(),
            by_line: OnceLock::new(),
            major_starts: Memo::default(),
            lts_chain: Memo::default(),
            track_record: OnceLock::new(),
            end_record: OnceLock::new(),
            recorded_support_through,
            records_active_ends,
        }
    }

    /// The rules, as the file states them.
    pub(crate) fn rules(&self) -> &PolicyRules {
        &self.rules
    }

    /// The policy's name, such as `kestra`.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.rules.name
    }

    /// Where the policy comes from, as its file says.
    #[must_use]
    pub fn comment(&self) -> Option<&str> {
        self.rules.comment.as_deref()
    }

    /// How the policy numbers its lines.
    #[must_use]
    pub fn line_kind(&self) -> LineKind {
        self.rules.lines
    }

    /// How the policy numbers its lines, with their prefix: how facts from
    /// elsewhere are read for it.
    #[must_use]
    pub fn numbering(&self) -> Numbering {
        Numbering {
            kind: self.rules.lines,
            prefix: self.rules.line_prefix.clone(),
        }
    }

    /// Whether the policy has two phases of support for some line: rules
    /// with `active` or `lts.active`, or an end of active support the
    /// history records (a day, or that it has passed or not).
    #[must_use]
    pub fn has_phases(&self) -> bool {
        let phased = |rules: &LineRules| {
            rules.active.is_some() || rules.lts.is_some_and(|lts| lts.active.is_some())
        };
        phased(self.own_rules())
            || self.changes().iter().any(|change| phased(&change.rules))
            || self.records_active_ends
    }

    /// Whether the policy has LTS lines: some of its rules choose them (a
    /// history cannot record one without them).
    #[must_use]
    pub fn has_lts(&self) -> bool {
        self.rules.has_lts()
    }

    /// The policy's own rules, before any change.
    #[must_use]
    pub fn own_rules(&self) -> &LineRules {
        &self.rules.rules
    }

    /// The rules that change from a line on, in line order.
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.rules.changes
    }

    /// The rules that govern `line`, known or projected: the policy's own,
    /// or those of the last change at or before it.
    ///
    /// # Errors
    /// As [`Policy::line`].
    pub fn rules_of(&self, line: &Line) -> Result<&LineRules, PolicyError> {
        self.rules_at(self.place_of(line)?)
    }

    /// Where projected majors start, if the policy's own rules project any.
    #[must_use]
    pub fn new_major(&self) -> Option<NewMajor> {
        self.rules.rules.new_major
    }

    /// The schedule of new lines, as the policy's own rules say.
    #[must_use]
    pub fn releases_schedule(&self) -> &Schedule {
        &self.rules.rules.releases
    }

    /// When patches come out, as the policy's own rules say.
    #[must_use]
    pub fn patches_rule(&self) -> &Patches {
        &self.rules.rules.patches
    }

    /// How long a line is supported, as the policy's own rules say.
    #[must_use]
    pub fn support(&self) -> &Support {
        &self.rules.rules.support
    }

    /// The LTS rule of the policy's own rules; `None` without LTS lines.
    #[must_use]
    pub fn lts_rule(&self) -> Option<&LtsRule> {
        self.rules.rules.lts.as_ref()
    }

    /// The day up to which the history is complete: the file's
    /// `history_as_of`, or its newest release or patch date.
    #[must_use]
    pub fn history_as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Which rules govern the projected lines; `None` when no line is
    /// projected (the history's lines are all known by name only).
    pub(crate) fn plan(&self) -> Option<&Plan> {
        self.plan.as_ref()
    }

    /// What a repository's release tags start with before the version
    /// (`kestra-` for `kestra-1.3.0`), when not the version itself.
    #[must_use]
    pub fn tag_prefix(&self) -> Option<&str> {
        self.rules.tag_prefix.as_deref()
    }

    /// The `history_as_of` the file states, if it states one.
    #[must_use]
    pub fn stated_history_as_of(&self) -> Option<NaiveDate> {
        self.rules.history_as_of
    }

    /// The template of release branch names.
    #[must_use]
    pub fn branch_template(&self) -> &BranchTemplate {
        &self.rules.branch_template
    }

    /// The policy's own floating tags (its file's `tags`), besides
    /// `latest`, `latest-lts` and each line's.
    #[must_use]
    pub fn own_tags(&self) -> &[TagTemplate] {
        &self.rules.tags
    }

    /// The known releases in the order they came out (two on one day in
    /// line order); never empty.
    #[must_use]
    pub fn history(&self) -> &[Release] {
        &self.history
    }

    /// The known releases in line order, as a policy file lists them.
    pub fn history_by_line(&self) -> impl Iterator<Item = &Release> {
        self.places_by_line()
            .iter()
            .map(|place| &self.history[place.index()])
    }

    /// The places of the known lines in line order (of two equal lines,
    /// the earlier first), sorted once.
    pub(crate) fn places_by_line(&self) -> &[Place] {
        self.by_line.get_or_init(|| {
            let line = |place: &Place| &self.history[place.index()].line;
            let mut places: Vec<Place> = (0..self.history.len()).map(Place::of).collect();
            places.sort_by(|one, two| line(one).cmp(line(two)));
            places
        })
    }

    /// The first known release.
    #[must_use]
    pub fn first_release(&self) -> &Release {
        // Validation guarantees a non-empty history.
        &self.history[0]
    }

    /// The newest known release.
    #[must_use]
    pub fn newest_release(&self) -> &Release {
        &self.history[self.history.len() - 1]
    }

    /// The place of the line the LTS choice starts from.
    pub(crate) fn anchor(&self) -> &LtsAnchor {
        &self.anchor
    }

    /// The recorded patches (date, place of the line) in date order.
    pub(crate) fn recorded_patches(&self) -> &[(NaiveDate, Place)] {
        self.recorded_patches.get_or_init(|| {
            let mut recorded: Vec<(NaiveDate, Place)> = self
                .history
                .iter()
                .enumerate()
                .flat_map(|(index, release)| {
                    release
                        .patches
                        .iter()
                        .map(move |patch| (patch.released, Place::of(index)))
                })
                .collect();
            recorded.sort_unstable();
            recorded
        })
    }

    /// The newest recorded patch's day; `None` where none is recorded.
    pub(crate) fn newest_recorded_patch(&self) -> Option<NaiveDate> {
        self.newest_patch
    }

    /// The release the history records at `place`, if the line there is a
    /// known one.
    pub(crate) fn known(&self, place: Place) -> Option<&Release> {
        self.history.get(place.index())
    }

    /// Whether the history's record of a line's end of support keeps it
    /// supported after `date`, whatever its rules say: an end it announces
    /// later, or one it says had not come by its `history_as_of`, on a day
    /// up to then.
    pub(crate) fn recorded_eol_after(&self, date: NaiveDate) -> bool {
        // As `keeps_after` for each line, worked out once.
        self.recorded_support_through
            .is_some_and(|through| date <= through)
    }
}
