//! The rule fields a policy gives, and each of its `changes`: checked the
//! same way in both places ([`super::fields::Check`]), then completed with
//! the defaults (the policy's own rules) or laid over the rules before (a
//! change's).

use super::fields::{Checked, Checking};
use super::problems::{Path, Problems};
use crate::policy::lines::line::LineKind;
use crate::policy::rules::fields::{EachField, MapField, Rule, RuleSet, Stated, Stating};
use crate::policy::rules::line_rules::{Change, LineRules, Patches, Support};
use crate::policy::rules::schedule::{Cadence, DayRule, Schedule};

/// The rule fields once checked.
pub(super) type GivenRules = RuleSet<Checking>;

impl<T> Checked<T> {
    /// The value given, or `before` when absent; `None` when wrong.
    fn or(self, before: impl FnOnce() -> T) -> Option<T> {
        match self {
            Self::Absent => Some(before()),
            Self::Wrong => None,
            Self::Value(value) => Some(value),
        }
    }

    /// An optional rule: the value given, or `before` when absent; `None`
    /// when wrong.
    fn or_some(self, before: Option<T>) -> Option<Option<T>> {
        match self {
            Self::Absent => Some(before),
            Self::Wrong => None,
            Self::Value(value) => Some(Some(value)),
        }
    }
}

impl GivenRules {
    /// Whether a field is given but wrong.
    fn any_wrong(&self) -> bool {
        struct Wrong(bool);
        impl EachField<Checking> for Wrong {
            fn field<R: Rule>(&mut self, checked: &Checked<R::Value>) {
                self.0 |= matches!(checked, Checked::Wrong);
            }
        }
        let mut wrong = Wrong(false);
        self.each(&mut wrong);
        wrong.0
    }

    /// The fields given, for a draft; `None` when one is wrong.
    pub(super) fn stated(self) -> Option<Stated> {
        struct Given;
        impl MapField<Checking, Stating> for Given {
            fn field<R: Rule>(&mut self, checked: Checked<R::Value>) -> Option<R::Value> {
                checked.or_some(None).flatten()
            }
        }
        (!self.any_wrong()).then(|| self.map(&mut Given))
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
            new_major: self.new_major.or_some(None)?,
            releases: releases?,
            patches: patches?,
            support,
            last_of_major,
            active: self.active.or_some(None)?,
            lts: self.lts.or_some(None)?,
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

/// The rules besides name, comment, branch template and `history_as_of`:
/// a policy's own rules (`None` for a draft), and the rule fields stated.
pub(super) struct Terms {
    pub(super) lines: LineKind,
    pub(super) rules: Option<LineRules>,
    pub(super) stated: Stated,
    pub(super) changes: Vec<Change>,
}
