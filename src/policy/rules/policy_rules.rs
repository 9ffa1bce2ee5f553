//! The rules of a policy as its file states them, and which of them
//! govern a line: the policy's own, or those of the last change at or
//! before it.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::fields::Stated;
use super::line_rules::{Change, LineRules};
use super::template::{BranchTemplate, TagTemplate};
use crate::policy::catalogue::product::Product;
use crate::policy::lines::line::{Line, LineKind};
use crate::policy::serde_form::date_form;

/// The rules of a policy, as its file states them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PolicyRules {
    pub name: String,
    pub comment: Option<String>,
    pub lines: LineKind,
    /// The text before every line's numbers (`cos-` of `cos-129`).
    #[serde(with = "arc_text")]
    pub line_prefix: Option<Arc<str>>,
    /// The rules before any change.
    pub rules: LineRules,
    /// The rules that change from a line on, in line order.
    pub changes: Vec<Change>,
    pub branch_template: BranchTemplate,
    pub tag_prefix: Option<String>,
    /// The policy's own floating tags, besides `latest`, `latest-lts` and
    /// each line's.
    pub tags: Vec<TagTemplate>,
    #[serde(with = "date_form::option")]
    pub history_as_of: Option<NaiveDate>,
    /// The day up to which the history's record of patches is complete.
    #[serde(with = "date_form::option")]
    pub patches_as_of: Option<NaiveDate>,
    /// What describes the product rather than its rules.
    pub product: Option<Box<Product>>,
}

/// The form of a shared text in serde: as a string.
mod arc_text {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[allow(clippy::ref_option)] // serde hands `with` a reference to the field
    pub(super) fn serialize<S: Serializer>(
        text: &Option<Arc<str>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        text.as_deref().serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Arc<str>>, D::Error> {
        Ok(Option::<String>::deserialize(deserializer)?.map(Arc::from))
    }
}

/// The rules of a policy by number: 0 for its own, n for its n-th change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct RulesId(usize);

impl RulesId {
    /// The policy's own rules, before any change.
    pub(crate) const OWN: Self = Self(0);

    /// The change this is, counted from 0; `None` for the policy's own rules.
    pub(crate) fn change(self) -> Option<usize> {
        self.0.checked_sub(1)
    }
}

impl PolicyRules {
    /// The rules numbered `id`.
    pub(crate) fn by_id(&self, id: RulesId) -> &LineRules {
        match id.change() {
            Some(change) => &self.changes[change].rules,
            None => &self.rules,
        }
    }

    /// Whether any rules have LTS lines.
    pub(crate) fn has_lts(&self) -> bool {
        self.rules.lts.is_some() || self.changes.iter().any(|change| change.rules.lts.is_some())
    }

    /// The number of the last rules: the last change's, or the policy's own.
    pub(crate) fn last_rules_id(&self) -> RulesId {
        RulesId(self.changes.len())
    }

    /// The rules governing `line`: those of the last change at or before it.
    pub(crate) fn governing(&self, line: &Line) -> RulesId {
        RulesId(self.changes.partition_point(|change| change.from <= *line))
    }
}

/// What a draft states besides its history: what a [`PolicyRules`] holds,
/// with the rules it gives, and without a branch template when it gives
/// none. A field of one is a field of the other: the functions below
/// are where both meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DraftRules {
    pub(crate) name: String,
    pub(crate) comment: Option<String>,
    pub(crate) lines: LineKind,
    pub(crate) line_prefix: Option<Arc<str>>,
    pub(crate) stated: Stated,
    pub(crate) branch_template: Option<BranchTemplate>,
    pub(crate) tag_prefix: Option<String>,
    pub(crate) tags: Vec<TagTemplate>,
    pub(crate) history_as_of: Option<NaiveDate>,
    pub(crate) patches_as_of: Option<NaiveDate>,
    pub(crate) product: Option<Box<Product>>,
}

impl DraftRules {
    /// A draft named `name` whose lines are `lines`, stating nothing else.
    pub(crate) fn named(name: &str, lines: LineKind) -> Self {
        Self {
            name: name.to_owned(),
            comment: None,
            lines,
            line_prefix: None,
            stated: Stated::default(),
            branch_template: None,
            tag_prefix: None,
            tags: Vec::new(),
            history_as_of: None,
            patches_as_of: None,
            product: None,
        }
    }

    /// A draft of the policy `rules` are, stating none of its rules.
    pub(crate) fn stating_no_rule(rules: &PolicyRules) -> Self {
        Self {
            name: rules.name.clone(),
            comment: None,
            lines: rules.lines,
            line_prefix: rules.line_prefix.clone(),
            stated: Stated::default(),
            branch_template: Some(rules.branch_template.clone()),
            tag_prefix: rules.tag_prefix.clone(),
            tags: rules.tags.clone(),
            history_as_of: rules.history_as_of,
            patches_as_of: rules.patches_as_of,
            product: rules.product.clone(),
        }
    }

    /// The policy's rules: the draft's, with `rules` for its own, the
    /// branch template it takes and `comment`.
    pub(crate) fn with(
        &self,
        rules: LineRules,
        branch_template: BranchTemplate,
        comment: String,
    ) -> PolicyRules {
        PolicyRules {
            name: self.name.clone(),
            comment: Some(comment),
            lines: self.lines,
            line_prefix: self.line_prefix.clone(),
            rules,
            changes: Vec::new(),
            branch_template,
            tag_prefix: self.tag_prefix.clone(),
            tags: self.tags.clone(),
            history_as_of: self.history_as_of,
            patches_as_of: self.patches_as_of,
            product: self.product.clone(),
        }
    }
}
