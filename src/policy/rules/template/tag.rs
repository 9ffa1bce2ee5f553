//! The policy's own floating tags, such as `lts-v{major}.{minor}`.

use super::error::{TemplateError, TemplateKind, TemplateProblem};
use super::names::Names;
use super::parts::{Part, Template};
use crate::policy::lines::line::{Line, LineKind};

/// A floating tag of the policy's own, such as `lts-v{major}.{minor}`: it
/// points to the newest version of the line it names, as the line's own tag
/// (`2.0`) does, and, when `lts_only`, names LTS lines alone, from the day
/// each becomes LTS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagTemplate {
    template: Template,
    lts_only: bool,
}

impl TagTemplate {
    /// Parses and checks a tag template: its names must be tags a container
    /// registry and git both accept, and it must name lines (`{major}`).
    ///
    /// # Errors
    /// [`TemplateError`] as for [`BranchTemplate::parse`](super::BranchTemplate::parse), for a name
    /// a registry or git refuses, or for a template without `{major}`.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::Line;
    /// use lts_policy::rules::TagTemplate;
    /// let lts = TagTemplate::parse("lts-v{major}.{minor}", true).unwrap();
    /// assert_eq!(lts.render(&Line::new(1, 0)), "lts-v1.0");
    /// assert_eq!(lts.line_named("lts-v1.10"), Some(Line::new(1, 10)));
    /// assert_eq!(lts.line_named("lts-v1.010"), None);
    /// assert!(TagTemplate::parse("lts/{major}", false).is_err());
    /// ```
    pub fn parse(template: &str, lts_only: bool) -> Result<Self, TemplateError> {
        let template = Template::parse(template, TemplateKind::Tag)?;
        if !template.uses(&Part::Major) && !template.uses(&Part::Line) {
            return Err(template.error(TemplateKind::Tag, TemplateProblem::NoMajor));
        }
        Ok(Self { template, lts_only })
    }

    /// Its names for the lines of `kind`, checked as
    /// [`BranchTemplate::check_lines`] checks a branch's, to compare with
    /// other names.
    pub(crate) fn names(&self, kind: LineKind) -> Result<Names, TemplateError> {
        self.template
            .names(kind)
            .and_then(|names| names.for_tags().map_err(TemplateProblem::Lines))
            .map_err(|problem| self.template.error(TemplateKind::Tag, problem))
    }

    /// Whether it names LTS lines alone.
    #[must_use]
    pub fn lts_only(&self) -> bool {
        self.lts_only
    }

    /// Whether the template has a `{minor}` placeholder.
    #[must_use]
    pub fn uses_minor(&self) -> bool {
        self.template.uses(&Part::Minor)
    }

    /// The tag of a line.
    #[must_use]
    pub fn render(&self, line: &Line) -> String {
        self.template.name(line).to_string()
    }

    /// The line whose tag `name` is, if it is one of this template's.
    #[must_use]
    pub fn line_named(&self, name: &str) -> Option<Line> {
        self.template.line_named(name)
    }

    /// The template as written.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.template.source
    }
}

impl serde::Serialize for TagTemplate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.source(), self.lts_only).serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for TagTemplate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (source, lts_only) = <(String, bool)>::deserialize(deserializer)?;
        Self::parse(&source, lts_only).map_err(serde::de::Error::custom)
    }
}
