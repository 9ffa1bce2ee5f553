//! Branch-name templates such as `releases/v{major}.{minor}.x`.

mod names;
mod runs;
mod same_name;

use std::error::Error;
use std::fmt;

pub(crate) use names::Names;
use runs::{Number, Piece};
pub use same_name::{LinesProblem, SameName};

use crate::policy::lines::line::{Line, LineKind};
use crate::policy::lines::numbers::Version;
use crate::policy::quote::{Excerpt, Quoted, is_hidden};
use crate::policy::serde_form::serde_as_text;

/// A validated template: literal text with `{major}`, `{minor}` and
/// `{line}` (all the line's numbers, `2.401`, without its `line_prefix`)
/// placeholders (`{{` and `}}` stand for literal braces).
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
    /// All the line's numbers, `2.401`, as written.
    Line,
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
                        "line" => Part::Line,
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
        let sample = template.name(&Line::new(1, 3)).to_string();
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

    fn name(&self, line: &Line) -> BranchName<'_> {
        BranchName {
            template: self,
            line: line.clone(),
        }
    }

    /// Its names for the lines of `kind`.
    fn names(&self, kind: LineKind) -> Result<Names, TemplateProblem> {
        // Said of {line} itself, before it stands for the numbers it shows.
        if self
            .parts
            .iter()
            .filter(|part| **part == Part::Line)
            .count()
            > 1
        {
            return Err(TemplateProblem::Lines(LinesProblem::Twice("{line}")));
        }
        let beside_line = [(Part::Major, Number::Major), (Part::Minor, Number::Minor)]
            .into_iter()
            .find(|(part, _)| self.uses(&Part::Line) && self.uses(part));
        if let Some((_, number)) = beside_line {
            let problem = LinesProblem::AlongsideLine(number.placeholder());
            return Err(TemplateProblem::Lines(problem));
        }
        let line: &[Piece] = match kind {
            LineKind::Minor => &[
                Piece::Number(Number::Major),
                Piece::Text("."),
                Piece::Number(Number::Minor),
            ],
            LineKind::Major => &[Piece::Number(Number::Major)],
            LineKind::Dotted => &[Piece::Number(Number::Line)],
        };
        let pieces: Vec<Piece> = self
            .parts
            .iter()
            .flat_map(|part| match part {
                Part::Text(text) => vec![Piece::Text(text)],
                Part::Major => vec![Piece::Number(Number::Major)],
                Part::Minor => vec![Piece::Number(Number::Minor)],
                Part::Line => line.to_vec(),
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

    /// The line whose name `name` is, if any: `{major}` and `{minor}` each
    /// take the digits of a number written without a leading zero, `{line}`
    /// a whole line's numbers.
    fn line_named(&self, name: &str) -> Option<Line> {
        /// The numbers read so far: `{major}`'s, `{minor}`'s, `{line}`'s.
        #[derive(Clone, Copy, Default)]
        struct Read {
            major: Option<u64>,
            minor: Option<u64>,
            whole: Option<Version>,
        }
        fn number(digits: &str) -> Option<u64> {
            (digits == "0" || !digits.starts_with('0'))
                .then(|| digits.parse().ok())
                .flatten()
        }
        fn rest(parts: &[Part], name: &str, read: Read) -> Option<Line> {
            let Some((part, parts)) = parts.split_first() else {
                if !name.is_empty() {
                    return None;
                }
                if let Some(whole) = read.whole {
                    return Line::numbered(whole);
                }
                let major = read.major.unwrap_or(0);
                return Some(match read.minor {
                    Some(minor) => Line::new(major, minor),
                    None => Line::whole_major(major),
                });
            };
            if let Part::Text(text) = part {
                return rest(parts, name.strip_prefix(text.as_str())?, read);
            }
            let taken = |c: char| c.is_ascii_digit() || *part == Part::Line && c == '.';
            let length = name.len() - name.trim_start_matches(taken).len();
            // Adjacent placeholders split their digits every way.
            (1..=length).find_map(|end| {
                let text = &name[..end];
                let read = match part {
                    Part::Line => Read {
                        whole: Some(Version::parse_numbers(text).ok()?),
                        ..read
                    },
                    Part::Major if read.major.is_none_or(|major| Some(major) == number(text)) => {
                        Read {
                            major: Some(number(text)?),
                            ..read
                        }
                    }
                    Part::Minor if read.minor.is_none_or(|minor| Some(minor) == number(text)) => {
                        Read {
                            minor: Some(number(text)?),
                            ..read
                        }
                    }
                    _ => return None,
                };
                rest(parts, &name[end..], read)
            })
        }
        rest(&self.parts, name, Read::default())
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
pub(crate) fn branch_name_rule_broken(name: &str) -> Option<&'static str> {
    if name.chars().any(is_hidden) {
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

/// A line's name by a template, as [`BranchTemplate::name`] gives it: its
/// numbers as they are written, in place of the placeholders; a line known
/// by name only is named by its own name.
#[derive(Debug, Clone)]
pub struct BranchName<'a> {
    template: &'a Template,
    line: Line,
}

impl fmt::Display for BranchName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(numbers) = self.line.numbers() else {
            return self.line.fmt(f);
        };
        for part in &self.template.parts {
            match part {
                Part::Text(text) => f.write_str(text)?,
                Part::Major => write_number(f, &numbers, 0)?,
                // Validation keeps {minor} out of templates for other lines.
                Part::Minor => write_number(f, &numbers, 1)?,
                // The numbers alone: a template writes a line prefix as
                // text, as it writes any other.
                Part::Line => numbers.fmt(f)?,
            }
        }
        Ok(())
    }
}

/// The `at`-th number of `numbers` as written, or 0 where there is none.
fn write_number(f: &mut fmt::Formatter<'_>, numbers: &Version, at: usize) -> fmt::Result {
    match numbers.written(at) {
        Some(number) => write!(f, "{number}"),
        None => f.write_str("0"),
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
