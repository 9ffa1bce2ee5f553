//! Branch-name templates such as `releases/v{major}.{minor}.x`.

use std::fmt;

use super::error::{TemplateError, TemplateKind};
use super::parts::{BranchName, Part, Template};
use crate::policy::lines::line::{Line, LineKind};
use crate::policy::serde_form::serde_as_text;

/// A validated template: literal text with `{major}`, `{minor}` and
/// `{line}` (all the line's numbers, `2.401`, without its `line_prefix`)
/// placeholders (`{{` and `}}` stand for literal braces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchTemplate(Template);

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
    /// assert_eq!(template.render(&Line::new(1, 3)), "releases/v1.3.x");
    /// assert!(BranchTemplate::parse("release-{patch}").is_err());
    /// // One word for a shell, a name git accepts.
    /// assert_eq!(
    ///     BranchTemplate::parse("rel {minor}").unwrap_err().to_string(),
    ///     "invalid branch template \"rel {minor}\": a branch name cannot hold whitespace \
    ///      or control characters",
    /// );
    /// ```
    pub fn parse(template: &str) -> Result<Self, TemplateError> {
        Template::parse(template, TemplateKind::Branch).map(Self)
    }

    /// Whether the template has a `{minor}` placeholder.
    #[must_use]
    pub fn uses_minor(&self) -> bool {
        self.0.uses(&Part::Minor)
    }

    /// Checks that it gives each line of `kind` a branch of its own: a
    /// target written twice is refused by Dependabot
    /// (dependabot-core#8938), and a branch holds one line's fixes.
    ///
    /// # Errors
    /// [`TemplateError`] naming two lines that get one branch, or for a
    /// placeholder the lines lack or shown twice.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::LineKind;
    /// use lts_policy::rules::BranchTemplate;
    /// let per_major = BranchTemplate::parse("release-{major}.x").unwrap();
    /// assert!(per_major.check_lines(LineKind::Major).is_ok());
    /// assert_eq!(
    ///     per_major.check_lines(LineKind::Minor).unwrap_err().to_string(),
    ///     "invalid branch template \"release-{major}.x\": makes \"release-1.x\" for both \
    ///      1.3 and 1.4, as it has no {minor}",
    /// );
    /// let run_together = BranchTemplate::parse("r{major}{minor}").unwrap();
    /// assert_eq!(
    ///     run_together.check_lines(LineKind::Minor).unwrap_err().to_string(),
    ///     "invalid branch template \"r{major}{minor}\": makes \"r113\" for both 1.13 and \
    ///      11.3, as {major} and {minor} run together; put a character that is not a digit \
    ///      between them",
    /// );
    /// ```
    pub fn check_lines(&self, kind: LineKind) -> Result<(), TemplateError> {
        self.0
            .names(kind)
            .map(drop)
            .map_err(|problem| self.0.error(TemplateKind::Branch, problem))
    }

    /// The branch name of a line.
    #[must_use]
    pub fn render(&self, line: &Line) -> String {
        self.name(line).to_string()
    }

    /// The branch name of a line, written without building a string.
    #[must_use]
    pub fn name(&self, line: &Line) -> BranchName<'_> {
        self.0.name(line)
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

impl fmt::Display for BranchTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.source)
    }
}
