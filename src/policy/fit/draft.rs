//! A draft: a policy that may leave rules out, with the history a fit
//! completes it from.

use crate::policy::file::history_problem::HistoryProblem;
use chrono::NaiveDate;

use super::notes::{FitBasis, FitNote, FitSubject};
use super::rules::fit_rules;
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::facts::Facts;
use crate::policy::facts::merge::{checked, merge, merged_as_of};
use crate::policy::file::problem::Problem;
use crate::policy::file::write::history_len;
use crate::policy::lines::line::{LineKind, Numbering};
use crate::policy::lines::release::Release;
use crate::policy::rules::policy_rules::DraftRules;
use crate::policy::rules::template::BranchTemplate;

/// A policy a fit completes: the rules it states (any may be left out), its
/// name, branch template and tags, and a history (which may be empty until
/// facts are merged into it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    rules: DraftRules,
    history: Vec<Release>,
}

/// A fitted policy, and what each of its rules rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fit {
    /// The policy: the draft's rules, and the others fitted.
    pub policy: Policy,
    /// One note per rule, in the file's order.
    pub notes: Vec<FitNote>,
}

impl Draft {
    pub(crate) fn new(rules: DraftRules, history: Vec<Release>) -> Self {
        Self { rules, history }
    }

    /// A draft named `name` whose lines are numbered as `numbering` says,
    /// stating no rule and with no history yet: for a history of facts
    /// alone.
    #[must_use]
    pub fn empty(name: &str, numbering: Numbering) -> Self {
        let mut rules = DraftRules::named(name, numbering.kind);
        rules.line_prefix = numbering.prefix;
        Self::new(rules, Vec::new())
    }

    /// A draft of `policy`'s history, name, branch template, tag prefix and
    /// tags, stating none of its rules: what its history alone says.
    #[must_use]
    pub fn of_history(policy: &Policy) -> Self {
        Self::new(
            DraftRules::stating_no_rule(policy.rules()),
            policy.history().to_vec(),
        )
    }

    /// Its history.
    #[must_use]
    pub fn history(&self) -> &[Release] {
        &self.history
    }

    /// How many bytes its history takes in the policy file of its fit, as
    /// [`Policy::to_json`] writes it: the least that file takes, known
    /// before the fit, so that a file too large to write is refused first.
    #[must_use]
    pub fn history_bytes(&self) -> usize {
        history_len(&self.history)
    }

    /// How its lines are numbered.
    #[must_use]
    pub fn line_kind(&self) -> LineKind {
        self.rules.lines
    }

    /// How its lines are numbered, with their prefix.
    #[must_use]
    pub fn numbering(&self) -> Numbering {
        Numbering {
            kind: self.rules.lines,
            prefix: self.rules.line_prefix.clone(),
        }
    }

    /// The tag prefix its releases' tags start with, for `--git`.
    #[must_use]
    pub fn tag_prefix(&self) -> Option<&str> {
        self.rules.tag_prefix.as_deref()
    }

    /// The draft with `facts` merged into its history as
    /// [`Policy::with_facts`] merges them (LTS flags kept: the fit makes the
    /// rule of the LTS lines they declare).
    ///
    /// # Errors
    /// As [`Policy::with_facts`].
    pub fn with_facts(
        &self,
        facts: &Facts,
        history_as_of: Option<NaiveDate>,
    ) -> Result<Self, PolicyError> {
        let merged = merge(&self.history, facts, true);
        let stated = [history_as_of.or(facts.as_of()), self.rules.history_as_of];
        let as_of = merged_as_of(&merged, facts, stated);
        let prefix = self.rules.line_prefix.clone();
        let history = checked(merged, self.rules.lines, prefix, true, as_of)?;
        let mut rules = self.rules.clone();
        rules.history_as_of = as_of;
        Ok(Self::new(rules, history))
    }

    /// The policy of the draft: the rules it states, and the others fitted
    /// to its history, with a note on each rule, which its comment repeats
    /// after the draft's own.
    ///
    /// # Errors
    /// [`PolicyError::InvalidPolicy`] (at `history`) for a draft without
    /// a history.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::fit::{Draft, FitBasis, FitSubject};
    /// // Monthly on the third Thursday, support as stated.
    /// let draft = Draft::from_json(
    ///     r#"{"name": "gl", "support": {"until_next": 3}, "history": [
    ///         {"line": "1.0", "released": "2026-01-15"},
    ///         {"line": "1.1", "released": "2026-02-19"},
    ///         {"line": "1.2", "released": "2026-03-19"},
    ///         {"line": "1.3", "released": "2026-04-16"},
    ///         {"line": "1.4", "released": "2026-05-21"}]}"#,
    /// )
    /// .unwrap();
    /// let fit = draft.fit().unwrap();
    /// let releases = fit.policy.releases_schedule();
    /// assert_eq!(releases.on.to_string(), "3rd Thursday");
    /// let note = fit.notes.iter().find(|note| note.subject == FitSubject::Releases).unwrap();
    /// assert!(matches!(note.basis, FitBasis::Fitted { hits: 4, total: 4, .. }));
    /// ```
    pub fn fit(&self) -> Result<Fit, PolicyError> {
        if self.history.is_empty() {
            return Err(PolicyError::InvalidPolicy {
                path: "history".to_owned(),
                problem: Box::new(HistoryProblem::EmptyHistory.into()),
            });
        }
        let (rules, notes) = fit_rules(&self.history, self.rules.lines, &self.rules.stated);
        let branch_template = match &self.rules.branch_template {
            Some(template) => template.clone(),
            None => {
                let default = match self.rules.lines {
                    LineKind::Minor => "releases/v{major}.{minor}.x",
                    LineKind::Major => "releases/v{major}.x",
                    LineKind::Dotted => "releases/v{line}.x",
                };
                BranchTemplate::parse(default).map_err(|err| PolicyError::InvalidPolicy {
                    path: "branch_template".to_owned(),
                    problem: Box::new(Problem::Template(err)),
                })?
            }
        };
        // A draft an earlier fit wrote states every rule: what each rested
        // on then is still what it rests on, so fitting it again changes
        // nothing.
        let (own, earlier) = split_fit_sentence(self.rules.comment.as_deref());
        let said: Vec<String> = notes
            .iter()
            .flat_map(|note| {
                // A stated section (`lts`) stands for the rules in it too.
                let name = note.subject.name();
                let within = |subject: &str| {
                    subject == name
                        || subject
                            .strip_prefix(name)
                            .is_some_and(|rest| rest.starts_with('.'))
                };
                let kept: Vec<String> = earlier
                    .iter()
                    .filter(|(subject, _)| note.basis == FitBasis::Stated && within(subject))
                    .map(|(subject, basis)| format!("{subject}: {basis}"))
                    .collect();
                if kept.is_empty() {
                    vec![note.to_string()]
                } else {
                    kept
                }
            })
            .collect();
        let fitted = format!("{FIT_SENTENCE}{}.", said.join("; "));
        let comment = match own {
            Some(comment) => format!("{comment} {fitted}"),
            None => fitted,
        };
        let policy_rules = self.rules.with(rules, branch_template, comment);
        // The history was checked as a draft's, and the fit gives an LTS
        // rule to one that declares LTS lines: it is the policy's as it is.
        Ok(Fit {
            policy: Policy::new(policy_rules, self.history.clone()),
            notes,
        })
    }
}

/// How the sentence a fit adds to the comment starts.
const FIT_SENTENCE: &str = "What each rule rests on: ";

/// A comment without the sentence an earlier fit ended it with, and that
/// sentence's notes, rule name and basis; the comment whole where it ends
/// with no such sentence.
fn split_fit_sentence(comment: Option<&str>) -> (Option<&str>, Vec<(&str, &str)>) {
    let Some(comment) = comment else {
        return (None, Vec::new());
    };
    let sentence = comment.rfind(FIT_SENTENCE).and_then(|at| {
        let notes = comment[at + FIT_SENTENCE.len()..].strip_suffix('.')?;
        let notes: Option<Vec<(&str, &str)>> = notes
            .split("; ")
            .map(|note| {
                let (name, basis) = note.split_once(": ")?;
                FitSubject::ALL
                    .iter()
                    .any(|subject| subject.name() == name)
                    .then_some((name, basis))
            })
            .collect();
        Some((at, notes?))
    });
    match sentence {
        Some((at, notes)) => {
            let own = comment[..at].trim_end();
            ((!own.is_empty()).then_some(own), notes)
        }
        None => (Some(comment), Vec::new()),
    }
}
