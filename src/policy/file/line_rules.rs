//! The rule fields a policy gives, and each of its `changes`: checked the
//! same way in both places, then completed with the defaults (the
//! policy's own rules) or laid over the rules before (a change's).

use super::format::{
    ChangeFile, LtsFile, NewMajorFile, PatchesFile, PolicyFile, ScheduleFile, SupportFile,
};
use super::problem::Problem;
use super::problems::{Given, Path, Problems};
use super::{support, terms};
use crate::policy::lines::model::LineKind;
use crate::policy::rules::line_rules::{LineRules, LtsRule, NewMajor, Patches, Support};
use crate::policy::rules::policy_rules::Stated;
use crate::policy::rules::schedule::{Cadence, DayRule, Schedule};

/// The rule fields of a file, or of one of its changes.
pub(super) struct RuleFields<'f, 'a> {
    new_major: &'f Option<NewMajorFile>,
    releases: &'f Option<ScheduleFile<'a>>,
    patches: &'f Option<PatchesFile<'a>>,
    support: &'f Option<SupportFile<'a>>,
    active: &'f Option<SupportFile<'a>>,
    lts: &'f Option<LtsFile<'a>>,
}

impl<'f, 'a> RuleFields<'f, 'a> {
    /// The rule fields of a file's general form.
    pub(super) fn of_file(file: &'f PolicyFile<'a>) -> Self {
        Self {
            new_major: &file.new_major,
            releases: &file.releases,
            patches: &file.patches,
            support: &file.support,
            active: &file.active,
            lts: &file.lts,
        }
    }

    /// The rule fields a change replaces.
    pub(super) fn of_change(change: &'f ChangeFile<'a>) -> Self {
        Self {
            new_major: &change.new_major,
            releases: &change.releases,
            patches: &change.patches,
            support: &change.support,
            active: &change.active,
            lts: &change.lts,
        }
    }

    /// Whether any field is given.
    pub(super) fn any(&self) -> bool {
        self.new_major.is_some()
            || self.releases.is_some()
            || self.patches.is_some()
            || self.support.is_some()
            || self.active.is_some()
            || self.lts.is_some()
    }
}

/// One field once checked: absent, given but wrong, or its value.
enum Checked<T> {
    Absent,
    Wrong,
    Value(T),
}

impl<T> Checked<T> {
    fn of(given: Given<'_, impl Sized>, check: impl FnOnce() -> Option<T>) -> Self {
        match given {
            Given::Absent => Self::Absent,
            Given::Invalid => Self::Wrong,
            Given::Value(_) => check().map_or(Self::Wrong, Self::Value),
        }
    }

    /// The value given, or `before` when absent; `None` when wrong.
    fn or(self, before: impl FnOnce() -> T) -> Option<T> {
        match self {
            Self::Absent => Some(before()),
            Self::Wrong => None,
            Self::Value(value) => Some(value),
        }
    }
}

/// The rule fields once checked.
pub(super) struct GivenRules {
    new_major: Checked<NewMajor>,
    releases: Checked<Schedule>,
    patches: Checked<Patches>,
    support: Checked<(Support, Option<Support>)>,
    active: Checked<Support>,
    lts: Checked<LtsRule>,
}

impl GivenRules {
    /// Checks the fields at `at` (the file, or one of its changes) for a
    /// policy of `lines`, when those are known.
    pub(super) fn check(
        fields: &RuleFields,
        at: &Path,
        lines: Option<LineKind>,
        problems: &mut Problems,
    ) -> Self {
        let new_major_path = at.field("new_major");
        let new_major = match (problems.given(fields.new_major, &new_major_path), lines) {
            (Given::Value(_), Some(LineKind::Major)) => {
                problems.add(&new_major_path, Problem::NewMajorWithMajorLines);
                Checked::Wrong
            }
            (given, _) => Checked::of(given, || {
                terms::new_major(fields.new_major.as_ref()?, &new_major_path, problems)
            }),
        };
        let releases_path = at.field("releases");
        let releases = Checked::of(problems.given(fields.releases, &releases_path), || {
            terms::schedule(fields.releases.as_ref()?, &releases_path, problems)
        });
        let patches_path = at.field("patches");
        let patches = Checked::of(problems.given(fields.patches, &patches_path), || {
            patches(fields.patches.as_ref()?, &patches_path, problems)
        });
        let support_path = at.field("support");
        let support = Checked::of(problems.given(fields.support, &support_path), || {
            support::support_rule(fields.support.as_ref()?, &support_path, lines, problems)
        });
        let active_path = at.field("active");
        let active = Checked::of(problems.given(fields.active, &active_path), || {
            support::support(fields.active.as_ref()?, &active_path, problems)
        });
        let lts_path = at.field("lts");
        let lts = Checked::of(problems.given(fields.lts, &lts_path), || {
            terms::lts(fields.lts.as_ref()?, &lts_path, problems)
        });
        Self {
            new_major,
            releases,
            patches,
            support,
            active,
            lts,
        }
    }

    /// The policy's own rules: the fields given, the defaults of the
    /// others; `releases` is required. `None` when a field is wrong.
    pub(super) fn own(self, at: &Path, problems: &mut Problems) -> Option<LineRules> {
        let releases = match self.releases {
            Checked::Absent => {
                problems.missing(&at.field("releases"));
                None
            }
            Checked::Wrong => None,
            Checked::Value(releases) => Some(releases),
        };
        // Weekly by default, on the weekday releases name if they name one.
        let patches = match (self.patches, &releases) {
            (Checked::Absent, Some(releases)) => {
                let on = releases.on.weekday().map_or(DayRule::Due, DayRule::Weekday);
                Some(Patches::Scheduled(Schedule::new(
                    Cadence::EveryWeeks(1),
                    on,
                )))
            }
            (Checked::Value(patches), _) => Some(patches),
            _ => None,
        };
        let (support, last_of_major) = self.support.or(|| (Support::UNTIL_NEXT_LINE, None))?;
        Some(LineRules {
            new_major: self.new_major.or_none()?,
            releases: releases?,
            patches: patches?,
            support,
            last_of_major,
            active: self.active.or_none()?,
            lts: self.lts.or_none()?,
        })
    }

    /// The fields given, for a draft; `None` when one is wrong.
    pub(super) fn stated(self) -> Option<Stated> {
        fn given<T>(checked: Checked<T>) -> Option<Option<T>> {
            checked.or_none()
        }
        Some(Stated {
            new_major: given(self.new_major)?,
            releases: given(self.releases)?,
            patches: given(self.patches)?,
            support: given(self.support)?,
            active: given(self.active)?,
            lts: given(self.lts)?,
        })
    }

    /// A change's rules: the fields given laid over `before`; `None` when
    /// a field is wrong.
    pub(super) fn over(self, before: &LineRules) -> Option<LineRules> {
        let (support, last_of_major) =
            self.support.or(|| (before.support, before.last_of_major))?;
        Some(LineRules {
            new_major: self.new_major.or_some(before.new_major)?,
            releases: self.releases.or(|| before.releases.clone())?,
            patches: self.patches.or(|| before.patches.clone())?,
            support,
            last_of_major,
            active: self.active.or_some(before.active)?,
            lts: self.lts.or_some(before.lts)?,
        })
    }
}

impl<T> Checked<T> {
    /// An optional rule: the value given, `None` when absent.
    fn or_none(self) -> Option<Option<T>> {
        self.or_some(None)
    }

    /// An optional rule: the value given, or `before` when absent.
    fn or_some(self, before: Option<T>) -> Option<Option<T>> {
        match self {
            Self::Absent => Some(before),
            Self::Wrong => None,
            Self::Value(value) => Some(Some(value)),
        }
    }
}

/// `patches`: `"recorded"`, or a schedule.
fn patches(file: &PatchesFile, path: &Path, problems: &mut Problems) -> Option<Patches> {
    match file {
        PatchesFile::Text(text) if &**text == "recorded" => Some(Patches::Recorded),
        PatchesFile::Text(other) => {
            let problem = Problem::Keyword {
                expected: &["recorded"],
                found: other.to_string(),
            };
            problems.add(path, problem);
            None
        }
        PatchesFile::Schedule(schedule) => {
            terms::schedule(schedule, path, problems).map(Patches::Scheduled)
        }
    }
}
