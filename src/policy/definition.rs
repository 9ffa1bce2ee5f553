//! A validated policy: the vendor's rules and the releases that happened.

use chrono::{NaiveDate, Weekday};

use super::model::Release;
use super::template::BranchTemplate;

/// The rules of a policy, as its file states them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PolicyRules {
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
///
/// Read one with [`Policy::from_json`], or take the embedded default,
/// [`Policy::kestra`]; every query is a method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    rules: PolicyRules,
    history: Vec<Release>,
    /// Index of the line the LTS count starts from.
    anchor: usize,
    /// Every recorded patch's date and line index, in date order.
    recorded_patches: Vec<(NaiveDate, usize)>,
}

impl Policy {
    /// Only the file reader builds a policy, after validating every value;
    /// `history` is never empty.
    pub(crate) fn new(rules: PolicyRules, history: Vec<Release>) -> Self {
        // The newest line declared LTS; with none declared, the first line.
        let anchor = history
            .iter()
            .rposition(|release| release.lts == Some(true))
            .unwrap_or(0);
        let mut recorded_patches: Vec<(NaiveDate, usize)> = history
            .iter()
            .enumerate()
            .flat_map(|(index, release)| {
                release
                    .patches
                    .iter()
                    .map(move |patch| (patch.released, index))
            })
            .collect();
        recorded_patches.sort_unstable();
        Self {
            rules,
            history,
            anchor,
            recorded_patches,
        }
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

    /// The day of the week releases and patches come out.
    #[must_use]
    pub fn release_weekday(&self) -> Weekday {
        self.rules.release_weekday
    }

    /// Months between two minor releases.
    #[must_use]
    pub fn minor_every_months(&self) -> u64 {
        self.rules.minor_every_months
    }

    /// Months between two LTS releases.
    #[must_use]
    pub fn lts_every_months(&self) -> u64 {
        self.rules.lts_every_months
    }

    /// Months an LTS line is promised support for.
    #[must_use]
    pub fn lts_support_months(&self) -> u64 {
        self.rules.lts_support_months
    }

    /// How many LTS lines are maintained side by side at most.
    #[must_use]
    pub fn lts_in_parallel(&self) -> u64 {
        self.rules.lts_in_parallel
    }

    /// The template of release branch names.
    #[must_use]
    pub fn branch_template(&self) -> &BranchTemplate {
        &self.rules.branch_template
    }

    /// The known releases, oldest first; never empty.
    #[must_use]
    pub fn history(&self) -> &[Release] {
        &self.history
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

    /// Index of the line the LTS count starts from.
    pub(crate) fn anchor(&self) -> usize {
        self.anchor
    }

    /// How many lines apart two rule-made LTS lines are (Kestra: 6 / 2 = 3).
    pub(crate) fn lts_every_lines(&self) -> u64 {
        self.rules.lts_every_months / self.rules.minor_every_months
    }

    /// The recorded patches (date, line index) in date order.
    pub(crate) fn recorded_patches(&self) -> &[(NaiveDate, usize)] {
        &self.recorded_patches
    }

    /// Whether the history announces an LTS end later than `date`.
    pub(crate) fn announced_eol_after(&self, date: NaiveDate) -> bool {
        self.history
            .iter()
            .any(|release| release.eol.is_some_and(|eol| eol > date))
    }
}
