//! Branch-name templates such as `releases/v{major}.{minor}.x`.

use std::fmt;

use super::error::PolicyError;
use super::version::Line;

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
    /// assert_eq!(template.render(Line { major: 1, minor: 3 }), "releases/v1.3.x");
    /// assert!(BranchTemplate::parse("release-{patch}").is_err());
    /// ```
    pub fn parse(template: &str) -> Result<Self, PolicyError> {
        let invalid = |reason: String| PolicyError::InvalidTemplate {
            template: template.to_owned(),
            reason,
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
                        return Err(invalid("a '{' is never closed".to_owned()));
                    }
                    let placeholder = match name.as_str() {
                        "major" => Part::Major,
                        "minor" => Part::Minor,
                        _ => {
                            return Err(invalid(format!(
                                "unknown placeholder {{{name}}}; expected {{major}} or {{minor}}"
                            )));
                        }
                    };
                    parts.extend((!text.is_empty()).then(|| Part::Text(std::mem::take(&mut text))));
                    parts.push(placeholder);
                }
                '}' => return Err(invalid("a '}' has no matching '{'".to_owned())),
                _ => text.push(c),
            }
        }
        parts.extend((!text.is_empty()).then_some(Part::Text(text)));
        if parts.is_empty() {
            return Err(invalid("a branch name cannot be empty".to_owned()));
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
