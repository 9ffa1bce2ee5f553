//! The rule fields, declared once: `new_major`, `releases`, `patches`,
//! `support` (with its `last_of_major`), `active` and `lts`.
//!
//! Each field is a type ([`Rule`]) naming its rule; a [`RuleSet`] holds one
//! value of each, in the order a policy file lists them, and a [`Form`]
//! says what that value is: the rule itself or nothing (what a policy
//! states, [`Stated`]), two forms side by side ([`Both`]), and, in the
//! file's reader, the rule once checked and whether it is given. Whatever
//! reads or turns every field goes through [`RuleSet::each`],
//! [`RuleSet::map`] or [`RuleSet::zip`], which name the fields once; what
//! differs from one field to the next (how the file writes it, how it is
//! checked) is written on its type (`file/fields.rs`), where the compiler
//! asks for it. What builds the model's [`LineRules`] (a file's defaults,
//! a change laid over the rules before, the fit) names each field, as each
//! field's arithmetic differs.

use std::fmt::Debug;
use std::marker::PhantomData;

use super::line_rules::{LineRules, LtsRule, NewMajor, Patches, Support};
use super::schedule::Schedule;

/// A rule field of a policy, as `changes` name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RuleField {
    /// `new_major`.
    NewMajor,
    /// `releases`.
    Releases,
    /// `patches`.
    Patches,
    /// `support`, with its `last_of_major`.
    Support,
    /// `active`.
    Active,
    /// `lts`.
    Lts,
}

impl RuleField {
    /// Every field, in the order a policy file lists them.
    pub const ALL: [Self; 6] = [
        Self::NewMajor,
        Self::Releases,
        Self::Patches,
        Self::Support,
        Self::Active,
        Self::Lts,
    ];

    /// Its key in a policy file.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::NewMajor => "new_major",
            Self::Releases => "releases",
            Self::Patches => "patches",
            Self::Support => "support",
            Self::Active => "active",
            Self::Lts => "lts",
        }
    }
}

/// One rule field: which it is, and the rule it holds.
pub(crate) trait Rule {
    /// The field.
    const FIELD: RuleField;
    /// Its rule.
    type Value: Debug + Clone + PartialEq + Eq;
}

/// `new_major`: where projected majors start.
pub(crate) struct NewMajorField;
/// `releases`: when lines come out.
pub(crate) struct ReleasesField;
/// `patches`: when patches come out.
pub(crate) struct PatchesField;
/// `support`: how long a line is supported, and the last minor of a major.
pub(crate) struct SupportField;
/// `active`: how long a line gets more than security fixes.
pub(crate) struct ActiveField;
/// `lts`: which lines are LTS, and for how long.
pub(crate) struct LtsField;

impl Rule for NewMajorField {
    const FIELD: RuleField = RuleField::NewMajor;
    type Value = NewMajor;
}

impl Rule for ReleasesField {
    const FIELD: RuleField = RuleField::Releases;
    type Value = Schedule;
}

impl Rule for PatchesField {
    const FIELD: RuleField = RuleField::Patches;
    type Value = Patches;
}

impl Rule for SupportField {
    const FIELD: RuleField = RuleField::Support;
    type Value = (Support, Option<Support>);
}

impl Rule for ActiveField {
    const FIELD: RuleField = RuleField::Active;
    type Value = Support;
}

impl Rule for LtsField {
    const FIELD: RuleField = RuleField::Lts;
    type Value = LtsRule;
}

/// What a form of the rules keeps of each field.
pub(crate) trait Form {
    /// What it keeps of the field `R`.
    type Of<R: Rule>: Debug + Clone + PartialEq + Eq + Default;
}

/// One value of each rule field, in the order a policy file lists them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct RuleSet<F: Form> {
    pub(crate) new_major: F::Of<NewMajorField>,
    pub(crate) releases: F::Of<ReleasesField>,
    pub(crate) patches: F::Of<PatchesField>,
    pub(crate) support: F::Of<SupportField>,
    pub(crate) active: F::Of<ActiveField>,
    pub(crate) lts: F::Of<LtsField>,
}

/// What reads each field of a rule set, whatever its rule.
pub(crate) trait EachField<F: Form> {
    /// Reads the field `R`.
    fn field<R: Rule>(&mut self, value: &F::Of<R>);
}

/// What turns each field of one form into the same field of another.
pub(crate) trait MapField<F: Form, G: Form> {
    /// Turns the field `R`.
    fn field<R: Rule>(&mut self, value: F::Of<R>) -> G::Of<R>;
}

impl<F: Form> RuleSet<F> {
    /// Reads every field, in the file's order.
    pub(crate) fn each(&self, reader: &mut impl EachField<F>) {
        reader.field::<NewMajorField>(&self.new_major);
        reader.field::<ReleasesField>(&self.releases);
        reader.field::<PatchesField>(&self.patches);
        reader.field::<SupportField>(&self.support);
        reader.field::<ActiveField>(&self.active);
        reader.field::<LtsField>(&self.lts);
    }

    /// Every field turned into the form `G`.
    pub(crate) fn map<G: Form>(self, turn: &mut impl MapField<F, G>) -> RuleSet<G> {
        RuleSet {
            new_major: turn.field::<NewMajorField>(self.new_major),
            releases: turn.field::<ReleasesField>(self.releases),
            patches: turn.field::<PatchesField>(self.patches),
            support: turn.field::<SupportField>(self.support),
            active: turn.field::<ActiveField>(self.active),
            lts: turn.field::<LtsField>(self.lts),
        }
    }

    /// Each field beside the same field of `other`.
    pub(crate) fn zip<G: Form>(self, other: RuleSet<G>) -> RuleSet<Both<F, G>> {
        RuleSet {
            new_major: (self.new_major, other.new_major),
            releases: (self.releases, other.releases),
            patches: (self.patches, other.patches),
            support: (self.support, other.support),
            active: (self.active, other.active),
            lts: (self.lts, other.lts),
        }
    }
}

/// The form of two forms side by side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Both<F, G>(PhantomData<(F, G)>);

impl<F: Form, G: Form> Form for Both<F, G> {
    type Of<R: Rule> = (F::Of<R>, G::Of<R>);
}

/// The form of what a policy states: each rule, or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Stating;

impl Form for Stating {
    type Of<R: Rule> = Option<R::Value>;
}

/// The rule fields a policy states, each kept as it is by a fit.
pub(crate) type Stated = RuleSet<Stating>;

impl Stated {
    /// Every rule of `rules` stated.
    pub(crate) fn all(rules: &LineRules) -> Self {
        Self {
            new_major: rules.new_major,
            releases: Some(rules.releases.clone()),
            patches: Some(rules.patches.clone()),
            support: Some((rules.support, rules.last_of_major)),
            active: rules.active,
            lts: rules.lts,
        }
    }

    /// The rules it states of `fields` alone.
    pub(crate) fn only(self, fields: &[RuleField]) -> Self {
        struct Only<'f>(&'f [RuleField]);
        impl MapField<Stating, Stating> for Only<'_> {
            fn field<R: Rule>(&mut self, rule: Option<R::Value>) -> Option<R::Value> {
                rule.filter(|_| self.0.contains(&R::FIELD))
            }
        }
        self.map(&mut Only(fields))
    }
}

impl LineRules {
    /// The fields in which these rules differ from `before`, in the order
    /// a policy file lists them.
    #[must_use]
    pub fn changed_from(&self, before: &Self) -> Vec<RuleField> {
        /// The fields whose two sides differ.
        struct Changed(Vec<RuleField>);
        impl EachField<Both<Stating, Stating>> for Changed {
            fn field<R: Rule>(&mut self, (after, before): &(Option<R::Value>, Option<R::Value>)) {
                if after != before {
                    self.0.push(R::FIELD);
                }
            }
        }
        let mut changed = Changed(Vec::new());
        Stated::all(self)
            .zip(Stated::all(before))
            .each(&mut changed);
        changed.0
    }
}
