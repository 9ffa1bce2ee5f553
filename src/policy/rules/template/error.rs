//! What can be wrong with a template.

use std::error::Error;
use std::fmt;

use super::same_name::LinesProblem;
use crate::policy::quote::{Excerpt, Quoted};

/// What a template names, which decides the names it may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateKind {
    /// A branch: a name git accepts.
    Branch,
    /// A floating tag: a name both a container registry and git accept.
    Tag,
}

impl TemplateKind {
    fn name(self) -> &'static str {
        match self {
            Self::Branch => "branch",
            Self::Tag => "tag",
        }
    }
}

/// A template with an unknown or unbalanced placeholder, or one that makes
/// names git (or, for a tag, a container registry) refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateError {
    /// The template as given.
    pub template: String,
    /// What it names.
    pub kind: TemplateKind,
    /// What is wrong with it.
    pub problem: TemplateProblem,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = self.kind.name();
        write!(f, "invalid {kind} template {}: ", Quoted(&self.template))?;
        match self.problem {
            TemplateProblem::Empty => write!(f, "a {kind} name cannot be empty"),
            TemplateProblem::NotAName(rule) => write!(f, "a {kind} name {rule}"),
            _ => self.problem.fmt(f),
        }
    }
}

impl Error for TemplateError {}

/// What is wrong with a template.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateProblem {
    /// A `{` without its `}`.
    Unclosed,
    /// A `}` without its `{`.
    LoneClose,
    /// A placeholder other than `{major}`, `{minor}` and `{line}`.
    UnknownPlaceholder(String),
    /// Nothing at all.
    Empty,
    /// Names that git would refuse as a branch (a registry or git as a
    /// tag), or a shell split: the rule broken, as the end of a sentence
    /// starting "a name".
    NotAName(&'static str),
    /// A tag template without `{major}` or `{line}`, which names no line.
    NoMajor,
    /// A template that does not give each line of a kind a name of its
    /// own.
    Lines(LinesProblem),
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unclosed => f.write_str("a '{' is never closed"),
            Self::LoneClose => f.write_str("a '}' has no matching '{'"),
            Self::UnknownPlaceholder(name) => write!(
                f,
                "unknown placeholder {{{}}}; expected {{major}}, {{minor}} or {{line}}",
                Excerpt(name)
            ),
            Self::Empty => f.write_str("a name cannot be empty"),
            Self::NotAName(rule) => write!(f, "a name {rule}"),
            Self::NoMajor => f.write_str(
                "a tag template names lines: it needs {major} (and {minor} where lines are \
                 minors), or {line}",
            ),
            Self::Lines(problem) => problem.fmt(f),
        }
    }
}
