//! Branch-name templates such as `releases/v{major}.{minor}.x`.

mod names;
mod runs;
mod same_name;

use std::error::Error;
use std::fmt;

pub(crate) use names::Names;
use runs::{Number, Piece};
pub use same_name::{LinesProblem, SameName};

use super::model::{Line, LineKind};
use super::quote::{Excerpt, Quoted};
use super::serde_form::serde_as_text;

/// A validated template: literal text with `{major}` and `{minor}` placeholders
/// (`{{` and `}}` stand for literal braces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchTemplate(Template);

/// The text and placeholders of a template, branch or tag.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Template {
    source: String,
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Major,
    Minor,
}

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

impl Template {
    fn parse(template: &str, kind: TemplateKind) -> Result<Self, TemplateError> {
        let invalid = |problem| TemplateError {
            template: template.to_owned(),
            kind,
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
        // Placeholders become digits: a name accepted for one line is
        // accepted for every line.
        let sample = template.name(Line::new(1, 3)).to_string();
        let broken = match kind {
            TemplateKind::Branch => branch_name_rule_broken(&sample),
            TemplateKind::Tag => tag_name_rule_broken(&sample),
        };
        broken.map_or(Ok(template), |rule| {
            Err(invalid(TemplateProblem::NotAName(rule)))
        })
    }

    fn uses(&self, placeholder: &Part) -> bool {
        self.parts.contains(placeholder)
    }

    fn name(&self, line: Line) -> BranchName<'_> {
        BranchName {
            template: self,
            line,
        }
    }

    /// Its names for the lines of `kind`.
    fn names(&self, kind: LineKind) -> Result<Names, TemplateProblem> {
        let pieces: Vec<Piece> = self
            .parts
            .iter()
            .map(|part| match part {
                Part::Text(text) => Piece::Text(text),
                Part::Major => Piece::Number(Number::Major),
                Part::Minor => Piece::Number(Number::Minor),
            })
            .collect();
        Names::of(&pieces, kind).map_err(TemplateProblem::Lines)
    }

    fn error(&self, kind: TemplateKind, problem: TemplateProblem) -> TemplateError {
        TemplateError {
            template: self.source.clone(),
            kind,
            problem,
        }
    }

    /// The line whose name `name` is, if any: each placeholder takes the
    /// digits of a number written without a leading zero.
    fn line_named(&self, name: &str) -> Option<Line> {
        fn number(digits: &str) -> Option<u64> {
            (digits == "0" || !digits.starts_with('0'))
                .then(|| digits.parse().ok())
                .flatten()
        }
        fn rest(
            parts: &[Part],
            name: &str,
            major: Option<u64>,
            minor: Option<u64>,
        ) -> Option<Line> {
            let Some((part, parts)) = parts.split_first() else {
                return name.is_empty().then(|| Line {
                    major: major.unwrap_or(0),
                    minor,
                });
            };
            if let Part::Text(text) = part {
                return rest(parts, name.strip_prefix(text.as_str())?, major, minor);
            }
            let digits = name.len() - name.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            // Adjacent placeholders split their digits every way.
            (1..=digits).find_map(|end| {
                let value = number(&name[..end])?;
                let (major, minor) = match part {
                    Part::Major if major.is_none_or(|major| major == value) => (Some(value), minor),
                    Part::Minor if minor.is_none_or(|minor| minor == value) => (major, Some(value)),
                    _ => return None,
                };
                rest(parts, &name[end..], major, minor)
            })
        }
        rest(&self.parts, name, None, None)
    }
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
    pub fn render(&self, line: Line) -> String {
        self.name(line).to_string()
    }

    /// The branch name of a line, written without building a string.
    #[must_use]
    pub fn name(&self, line: Line) -> BranchName<'_> {
        self.0.name(line)
    }
}

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
    /// [`TemplateError`] as for [`BranchTemplate::parse`], for a name
    /// a registry or git refuses, or for a template without `{major}`.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::Line;
    /// use lts_policy::rules::TagTemplate;
    /// let lts = TagTemplate::parse("lts-v{major}.{minor}", true).unwrap();
    /// assert_eq!(lts.render(Line::new(1, 0)), "lts-v1.0");
    /// assert_eq!(lts.line_named("lts-v1.10"), Some(Line::new(1, 10)));
    /// assert_eq!(lts.line_named("lts-v1.010"), None);
    /// assert!(TagTemplate::parse("lts/{major}", false).is_err());
    /// ```
    pub fn parse(template: &str, lts_only: bool) -> Result<Self, TemplateError> {
        let template = Template::parse(template, TemplateKind::Tag)?;
        if !template.uses(&Part::Major) {
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
    pub fn render(&self, line: Line) -> String {
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

impl std::str::FromStr for BranchTemplate {
    type Err = TemplateError;

    /// As [`BranchTemplate::parse`].
    fn from_str(template: &str) -> Result<Self, TemplateError> {
        Self::parse(template)
    }
}

serde_as_text!(BranchTemplate);

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

/// The first rule for container image tags (the OCI distribution
/// specification's `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`) or git's that `name`
/// breaks, as the end of a sentence starting "a tag name".
fn tag_name_rule_broken(name: &str) -> Option<&'static str> {
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    {
        Some("can hold only ASCII letters, digits, _ . and - (a container image tag)")
    } else if name.starts_with(['.', '-']) {
        Some("cannot start with . or -")
    } else if name.len() > 128 {
        Some("cannot be longer than 128 characters")
    } else {
        branch_name_rule_broken(name)
    }
}

/// A line's name by a template, as [`BranchTemplate::name`] gives it.
#[derive(Debug, Clone, Copy)]
pub struct BranchName<'a> {
    template: &'a Template,
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
        f.write_str(&self.0.source)
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
    /// A placeholder other than `{major}` and `{minor}`.
    UnknownPlaceholder(String),
    /// Nothing at all.
    Empty,
    /// Names that git would refuse as a branch (a registry or git as a
    /// tag), or a shell split: the rule broken, as the end of a sentence
    /// starting "a name".
    NotAName(&'static str),
    /// A tag template without `{major}`, which names no line.
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
                "unknown placeholder {{{}}}; expected {{major}} or {{minor}}",
                Excerpt(name)
            ),
            Self::Empty => f.write_str("a name cannot be empty"),
            Self::NotAName(rule) => write!(f, "a name {rule}"),
            Self::NoMajor => f.write_str(
                "a tag template names lines: it needs {major} (and {minor} where lines are minors)",
            ),
            Self::Lines(problem) => problem.fmt(f),
        }
    }
}
