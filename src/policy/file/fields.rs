//! The rule fields in a file: how each is checked and written ([`FileRule`],
//! one impl per field), and what turns the rule fields of a file's struct
//! into a [`RuleSet`] and back, made from the one list of them
//! ([`super::format::rule_fields_in_file`]).

use super::format::{
    ChangeFile, LtsFile, NewMajorFile, PatchesFile, PolicyFile, ScheduleFile, SupportFile,
    rule_fields_in_file,
};
use super::problem::Problem;
use super::problems::{Path, Problems};
use super::rule_problem::RuleProblem;
use super::{forms, support, terms};
use crate::policy::lines::line::LineKind;
use crate::policy::rules::fields::{
    ActiveField, EachField, Form, LtsField, NewMajorField, PatchesField, ReleasesField, Rule,
    RuleField, RuleSet, Stating, SupportField,
};
use crate::policy::rules::line_rules::Patches;

/// A rule field in a file: its form there, how the form is checked for
/// its rule, and how the rule is written.
pub(super) trait FileRule: Rule {
    /// What a file gives of it.
    type File<'a>: 'a;

    /// The rule `file` gives at `path`, in a policy of `lines` when those
    /// are known; `None` when wrong, with the problems reported.
    fn check(
        file: &Self::File<'_>,
        path: &Path,
        lines: Option<LineKind>,
        problems: &mut Problems,
    ) -> Option<Self::Value>;

    /// The rule as a file writes it.
    fn write(rule: &Self::Value) -> Self::File<'static>;
}

impl FileRule for NewMajorField {
    type File<'a> = NewMajorFile;

    fn check(
        file: &NewMajorFile,
        path: &Path,
        lines: Option<LineKind>,
        problems: &mut Problems,
    ) -> Option<Self::Value> {
        if lines == Some(LineKind::Major) {
            problems.add(path, RuleProblem::NewMajorWithMajorLines);
            return None;
        }
        terms::new_major(file, path, problems)
    }

    fn write(rule: &Self::Value) -> NewMajorFile {
        forms::new_major_file(*rule)
    }
}

impl FileRule for ReleasesField {
    type File<'a> = ScheduleFile<'a>;

    fn check(
        file: &ScheduleFile,
        path: &Path,
        _: Option<LineKind>,
        problems: &mut Problems,
    ) -> Option<Self::Value> {
        terms::schedule(file, path, problems)
    }

    fn write(rule: &Self::Value) -> ScheduleFile<'static> {
        forms::schedule_file(rule)
    }
}

impl FileRule for PatchesField {
    type File<'a> = PatchesFile<'a>;

    /// `"recorded"`, or a schedule.
    fn check(
        file: &PatchesFile,
        path: &Path,
        _: Option<LineKind>,
        problems: &mut Problems,
    ) -> Option<Self::Value> {
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

    fn write(rule: &Self::Value) -> PatchesFile<'static> {
        forms::patches_file(rule)
    }
}

impl FileRule for SupportField {
    type File<'a> = SupportFile<'a>;

    fn check(
        file: &SupportFile,
        path: &Path,
        lines: Option<LineKind>,
        problems: &mut Problems,
    ) -> Option<Self::Value> {
        support::support_rule(file, path, lines, problems)
    }

    fn write((support, last_of_major): &Self::Value) -> SupportFile<'static> {
        forms::support_rule_file(support, last_of_major.as_ref())
    }
}

impl FileRule for ActiveField {
    type File<'a> = SupportFile<'a>;

    fn check(
        file: &SupportFile,
        path: &Path,
        _: Option<LineKind>,
        problems: &mut Problems,
    ) -> Option<Self::Value> {
        support::support(file, path, problems)
    }

    fn write(rule: &Self::Value) -> SupportFile<'static> {
        forms::support_file(rule)
    }
}

impl FileRule for LtsField {
    type File<'a> = LtsFile<'a>;

    fn check(
        file: &LtsFile,
        path: &Path,
        _: Option<LineKind>,
        problems: &mut Problems,
    ) -> Option<Self::Value> {
        terms::lts(file, path, problems)
    }

    fn write(rule: &Self::Value) -> LtsFile<'static> {
        forms::lts_file(rule)
    }
}

/// What turns each rule field a file gives into a field of the form `G`.
pub(super) trait FromFile<'a, G: Form> {
    /// Turns the field `R`, as the file gives it.
    fn field<R: FileRule>(&mut self, file: Option<&R::File<'a>>) -> G::Of<R>;
}

/// What turns each rule field of the form `F` into what a file writes.
pub(super) trait ToFile<F: Form> {
    /// Turns the field `R`.
    fn field<R: FileRule>(&mut self, value: F::Of<R>) -> Option<R::File<'static>>;
}

/// Reads and writes the rule fields of a struct of the file.
macro_rules! rule_fields_of {
    (
        $name:ident;
        $($(#[$rule_attr:meta])* $rule:ident: $field:ty = $file:ty,)*
    ) => {
        impl<'a> $name<'a> {
            /// Its rule fields, each turned into the form `G`.
            pub(super) fn rule_fields<G: Form>(
                &self,
                turn: &mut impl FromFile<'a, G>,
            ) -> RuleSet<G> {
                RuleSet {
                    $($rule: turn.field::<$field>(self.$rule.as_ref()),)*
                }
            }

            /// Sets its rule fields from `rules`.
            pub(super) fn set_rule_fields<F: Form>(
                &mut self,
                rules: RuleSet<F>,
                turn: &mut impl ToFile<F>,
            ) {
                $(self.$rule = turn.field::<$field>(rules.$rule);)*
            }
        }
    };
}

rule_fields_in_file!(rule_fields_of! { PolicyFile });
rule_fields_in_file!(rule_fields_of! { ChangeFile });

/// One field once checked: absent, given but wrong, or its value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) enum Checked<T> {
    #[default]
    Absent,
    Wrong,
    Value(T),
}

/// The form of the rule fields once checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Checking;

impl Form for Checking {
    type Of<R: Rule> = Checked<R::Value>;
}

/// The rule fields a file gives, checked at `at`.
pub(super) struct Check<'p, 'r, 'k> {
    pub(super) at: &'p Path<'k>,
    pub(super) lines: Option<LineKind>,
    pub(super) problems: &'p mut Problems<'r>,
}

impl<'a> FromFile<'a, Checking> for Check<'_, '_, '_> {
    fn field<R: FileRule>(&mut self, file: Option<&R::File<'a>>) -> Checked<R::Value> {
        let path = self.at.field(R::FIELD.key());
        match file {
            None => Checked::Absent,
            Some(_) if self.problems.is_invalid(&path) => Checked::Wrong,
            Some(file) => R::check(file, &path, self.lines, self.problems)
                .map_or(Checked::Wrong, Checked::Value),
        }
    }
}

/// The form of whether each rule field is given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Presence;

impl Form for Presence {
    type Of<R: Rule> = bool;
}

/// Notes whether each rule field is given.
pub(super) struct Present;

impl<'a> FromFile<'a, Presence> for Present {
    fn field<R: FileRule>(&mut self, file: Option<&R::File<'a>>) -> bool {
        file.is_some()
    }
}

impl RuleSet<Presence> {
    /// The fields given, in the file's order.
    pub(super) fn given(&self) -> Vec<RuleField> {
        struct Given(Vec<RuleField>);
        impl EachField<Presence> for Given {
            fn field<R: Rule>(&mut self, given: &bool) {
                if *given {
                    self.0.push(R::FIELD);
                }
            }
        }
        let mut given = Given(Vec::new());
        self.each(&mut given);
        given.0
    }
}

/// Writes each rule stated.
pub(super) struct Written;

impl ToFile<Stating> for Written {
    fn field<R: FileRule>(&mut self, rule: Option<R::Value>) -> Option<R::File<'static>> {
        rule.as_ref().map(R::write)
    }
}

#[cfg(test)]
mod tests {
    use super::super::format::{ChangeFile, fields_of};
    use super::super::rule_problem::RuleProblem;
    use crate::policy::rules::fields::RuleField;

    /// The file's list declares each key as serde reads it; the table
    /// spells it again for paths and messages: the two must agree, or a
    /// wrong value is reported under a path the reader never marked.
    #[test]
    fn the_file_and_the_table_spell_each_key_alike() {
        let declared: Vec<&str> = fields_of::<ChangeFile>()
            .iter()
            .copied()
            .filter(|key| *key != "from")
            .collect();
        let keys: Vec<&str> = RuleField::ALL.iter().map(|field| field.key()).collect();
        assert_eq!(declared, keys);
    }

    /// The message of an empty change names the fields a change may
    /// replace: every one of the table's.
    #[test]
    fn an_empty_change_names_every_rule_field() {
        let message = RuleProblem::EmptyChange.to_string();
        for field in RuleField::ALL {
            assert!(message.contains(field.key()), "{message} lacks {field:?}");
        }
    }
}
