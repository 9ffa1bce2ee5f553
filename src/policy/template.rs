//! Branch-name templates such as `releases/v{major}.{minor}.x`.

use std::fmt;

use super::error::{PolicyError, TemplateProblem};
use super::model::Line;

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
    /// [`PolicyError::InvalidTemplate`] for an unknown placeholder, an unclosed
    /// `{` or a lone `}`.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::{BranchTemplate, Line};
    /// let template = BranchTemplate::parse("releases/v{major}.{minor}.x").unwrap();
    /// assert_eq!(template.render(Line::new(1, 3)), "releases/v1.3.x");
    /// assert!(BranchTemplate::parse("release-{patch}").is_err());
    /// ```
    pub fn parse(template: &str) -> Result<Self, PolicyError> {
        let invalid = |problem| PolicyError::InvalidTemplate {
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
        Ok(Self {
            source: template.to_owned(),
            parts,
        })
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
                Part::Minor => write!(f, "{}", self.line.minor)?,
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
