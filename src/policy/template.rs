//! Branch-name templates such as `releases/v{major}.{minor}.x`.

use std::error::Error;
use std::fmt;

use super::model::Line;
use super::quote::{Excerpt, Quoted};
use super::serde_form::serde_as_text;

/// A validated template: literal text with `{major}` and `{minor}` placeholders
/// (`{{` and `}}` stand for literal braces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchTemplate {
    source: String,
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Major,
    Minor,
}

impl BranchTemplate {
    /// Parses and checks a template.
    ///
    /// # Errors
    /// [`TemplateError`] for an unknown placeholder, an unclosed
    /// `{` or a lone `}`.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::Line;
    /// use lts_policy::rules::BranchTemplate;
    /// let template = BranchTemplate::parse("releases/v{major}.{minor}.x").unwrap();
    /// assert_eq!(template.render(Line::new(1, 3)), "releases/v1.3.x");
    /// assert!(BranchTemplate::parse("release-{patch}").is_err());
    /// // One word for a shell, a name git accepts.
    /// assert_eq!(
    ///     BranchTemplate::parse("rel {minor}").unwrap_err().to_string(),
    ///     "invalid branch template \"rel {minor}\": a branch name cannot hold whitespace \
    ///      or control characters",
    /// );
    /// ```
    pub fn parse(template: &str) -> Result<Self, TemplateError> {
        let invalid = |problem| TemplateError {
            template: template.to_owned(),
            problem,
        };
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let mut name = String::new();
                    let closed = loop {
                        match chars.next() {
                            Some('}') => break true,
                            Some(c) => name.push(c),
                            None => break false,
                        }
                    };
                    if !closed {
                        return Err(invalid(TemplateProblem::Unclosed));
                    }
                    let placeholder = match name.as_str() {
                        "major" => Part::Major,
                        "minor" => Part::Minor,
                        _ => return Err(invalid(TemplateProblem::UnknownPlaceholder(name))),
                    };
                    parts.extend((!text.is_empty()).then(|| Part::Text(std::mem::take(&mut text))));
                    parts.push(placeholder);
                }
                '}' => return Err(invalid(TemplateProblem::LoneClose)),
                _ => text.push(c),
            }
        }
        parts.extend((!text.is_empty()).then_some(Part::Text(text)));
        if parts.is_empty() {
            return Err(invalid(TemplateProblem::Empty));
        }
        let template = Self {
            source: template.to_owned(),
            parts,
        };
        // Placeholders become digits: a name that git accepts for one line
        // is accepted for every line.
        let sample = template.render(Line::new(1, 3));
        branch_name_rule_broken(&sample).map_or(Ok(template), |rule| {
            Err(invalid(TemplateProblem::NotABranchName(rule)))
        })
    }

    /// Whether the template has a `{minor}` placeholder.
    #[must_use]
    pub fn uses_minor(&self) -> bool {
        self.parts.contains(&Part::Minor)
    }

    /// The branch name of a line.
    #[must_use]
    pub fn render(&self, line: Line) -> String {
        self.name(line).to_string()
    }

    /// The branch name of a line, written without building a string.
    #[must_use]
    pub fn name(&self, line: Line) -> BranchName<'_> {
        BranchName {
            template: self,
            line,
        }
    }
}

impl std::str::FromStr for BranchTemplate {
    type Err = TemplateError;

    /// As [`BranchTemplate::parse`].
    fn from_str(template: &str) -> Result<Self, TemplateError> {
        Self::parse(template)
    }
}

serde_as_text!(BranchTemplate);

/// The first of git's rules for branch names (`git check-ref-format`) that
/// `name` breaks, as the end of a sentence starting "a branch name"; they
/// also keep a name one word for a shell.
fn branch_name_rule_broken(name: &str) -> Option<&'static str> {
    if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some("cannot hold whitespace or control characters")
    } else if name.contains(['~', '^', ':', '?', '*', '[', '\\']) {
        Some("cannot hold ~ ^ : ? * [ or \\")
    } else if name.contains("..") {
        Some("cannot hold ..")
    } else if name.contains("@{") || name == "@" {
        Some("cannot hold @{ or be @")
    } else if name.starts_with(['-', '/']) {
        Some("cannot start with - or /")
    } else if name.ends_with(['/', '.']) || name.ends_with(".lock") {
        Some("cannot end with /, . or .lock")
    } else if name.contains("//") {
        Some("cannot hold //")
    } else if name
        .split('/')
        .any(|part| part.starts_with('.') || part.ends_with(".lock"))
    {
        Some("cannot have a part that starts with . or ends with .lock")
    } else {
        None
    }
}

/// A line's branch name, as [`BranchTemplate::name`] gives it.
#[derive(Debug, Clone, Copy)]
pub struct BranchName<'a> {
    template: &'a BranchTemplate,
    line: Line,
}

impl fmt::Display for BranchName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in &self.template.parts {
            match part {
                Part::Text(text) => f.write_str(text)?,
                Part::Major => write!(f, "{}", self.line.major)?,
                // Validation keeps {minor} out of templates for major lines.
                Part::Minor => write!(f, "{}", self.line.minor.unwrap_or(0))?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for BranchTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// A branch template with an unknown or unbalanced placeholder, or one that
/// makes names git refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateError {
    /// The template as given.
    pub template: String,
    /// What is wrong with it.
    pub problem: TemplateProblem,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid branch template {}: {}",
            Quoted(&self.template),
            self.problem
        )
    }
}

impl Error for TemplateError {}

/// What is wrong with a branch template.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateProblem {
    /// A `{` without its `}`.
    Unclosed,
    /// A `}` without its `{`.
    LoneClose,
    /// A placeholder other than `{major}` and `{minor}`.
    UnknownPlaceholder(String),
    /// Nothing at all.
    Empty,
    /// Names that git would refuse as a branch, or a shell split: the rule
    /// broken.
    NotABranchName(&'static str),
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unclosed => f.write_str("a '{' is never closed"),
            Self::LoneClose => f.write_str("a '}' has no matching '{'"),
            Self::UnknownPlaceholder(name) => write!(
                f,
                "unknown placeholder {{{}}}; expected {{major}} or {{minor}}",
                Excerpt(name)
            ),
            Self::Empty => f.write_str("a branch name cannot be empty"),
            Self::NotABranchName(rule) => write!(f, "a branch name {rule}"),
        }
    }
}
