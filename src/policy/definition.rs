//! A validated policy: the vendor's rules and the releases that happened.

use chrono::{NaiveDate, Weekday};
use semver::Version;

use super::error::PolicyError;
use super::file::parse_policy;
use super::template::BranchTemplate;
use super::version::Line;

/// Kestra's policy, as announced with Kestra 1.0, and its known history.
const KESTRA_JSON: &str = include_str!("../../examples/kestra.json");

/// A line that was released, as the history records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub line: Line,
    pub released: NaiveDate,
    /// `Some` when the history declares the flag; `None` leaves it to the rule.
    pub lts: Option<bool>,
    /// The end of LTS support the vendor announced, for a line declared LTS;
    /// it replaces the rules' answer.
    pub eol: Option<NaiveDate>,
    /// Known patches, in order; authoritative up to the newest one.
    pub patches: Vec<KnownPatch>,
}

/// A patch release recorded in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPatch {
    pub version: Version,
    pub released: NaiveDate,
}

/// The rules of a policy, as its file states them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyRules {
    pub name: String,
    pub comment: Option<String>,
    pub release_weekday: Weekday,
    pub minor_every_months: u64,
    pub lts_every_months: u64,
    pub lts_support_months: u64,
    pub lts_in_parallel: u64,
    pub branch_template: BranchTemplate,
}

/// A release policy whose values have been checked: cadences of 1 to 1200
/// months, an LTS cadence that is a whole number of minor cadences, and a
/// non-empty history in increasing order of line, with dates that never go
/// back (two lines may come out on the same day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    rules: PolicyRules,
    history: Vec<Release>,
    /// Index of the line the LTS count starts from.
    anchor: usize,
}

impl Policy {
    /// Only the file reader builds a policy, after validating every value.
    pub(super) fn new(rules: PolicyRules, history: Vec<Release>) -> Self {
        // The newest line declared LTS; with none declared, the first line.
        let anchor = history
            .iter()
            .rposition(|release| release.lts == Some(true))
            .unwrap_or(0);
        Self {
            rules,
            history,
            anchor,
        }
    }

    /// The embedded default: Kestra's policy and history.
    ///
    /// # Errors
    /// None in practice: a test checks that the embedded file is valid.
    pub fn kestra() -> Result<Self, PolicyError> {
        parse_policy(KESTRA_JSON)
    }

    #[must_use]
    pub fn name(&self) -> &str {
        &self.rules.name
    }

    #[must_use]
    pub fn comment(&self) -> Option<&str> {
        self.rules.comment.as_deref()
    }

    #[must_use]
    pub fn release_weekday(&self) -> Weekday {
        self.rules.release_weekday
    }

    #[must_use]
    pub fn minor_every_months(&self) -> u64 {
        self.rules.minor_every_months
    }

    #[must_use]
    pub fn lts_every_months(&self) -> u64 {
        self.rules.lts_every_months
    }

    #[must_use]
    pub fn lts_support_months(&self) -> u64 {
        self.rules.lts_support_months
    }

    #[must_use]
    pub fn lts_in_parallel(&self) -> u64 {
        self.rules.lts_in_parallel
    }

    #[must_use]
    pub fn branch_template(&self) -> &BranchTemplate {
        &self.rules.branch_template
    }

    /// The known releases, oldest first; never empty.
    #[must_use]
    pub fn history(&self) -> &[Release] {
        &self.history
    }

    /// Index of the line the LTS count starts from.
    pub(super) fn anchor(&self) -> usize {
        self.anchor
    }

    /// How many lines apart two rule-made LTS lines are (Kestra: 6 / 2 = 3).
    pub(super) fn lts_every_lines(&self) -> u64 {
        self.rules.lts_every_months / self.rules.minor_every_months
    }

    /// Whether the history announces an LTS end later than `date`.
    pub(super) fn announced_eol_after(&self, date: NaiveDate) -> bool {
        self.history
            .iter()
            .any(|release| release.eol.is_some_and(|eol| eol > date))
    }

    /// The newest known release; validation guarantees there is one.
    pub(super) fn newest_known(&self) -> &Release {
        // `history` is never empty once validated; index 0 exists.
        &self.history[self.history.len() - 1]
    }
}
