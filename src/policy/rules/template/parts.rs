//! A template's text and placeholders, and the name it makes for a line.

use std::fmt;

use super::error::{TemplateError, TemplateKind, TemplateProblem};
use super::name_rules::{branch_name_rule_broken, tag_name_rule_broken};
use super::names::Names;
use super::runs::{Number, Piece};
use super::same_name::LinesProblem;
use crate::policy::lines::line::{Line, LineKind};
use crate::policy::lines::numbers::Version;

/// The text and placeholders of a template, branch or tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Template {
    pub(super) source: String,
    pub(super) parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Part {
    Text(String),
    Major,
    Minor,
    /// All the line's numbers, `2.401`, as written.
    Line,
}

impl Template {
    pub(super) fn parse(template: &str, kind: TemplateKind) -> Result<Self, TemplateError> {
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

    pub(super) fn uses(&self, placeholder: &Part) -> bool {
        self.parts.contains(placeholder)
    }

    pub(super) fn name(&self, line: &Line) -> BranchName<'_> {
        BranchName {
            template: self,
            line: line.clone(),
        }
    }

    /// Its names for the lines of `kind`.
    pub(super) fn names(&self, kind: LineKind) -> Result<Names, TemplateProblem> {
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

    pub(super) fn error(&self, kind: TemplateKind, problem: TemplateProblem) -> TemplateError {
        TemplateError {
            template: self.source.clone(),
            kind,
            problem,
        }
    }

    /// The line whose name `name` is, if any: `{major}` and `{minor}` each
    /// take the digits of a number written without a leading zero, `{line}`
    /// a whole line's numbers.
    pub(super) fn line_named(&self, name: &str) -> Option<Line> {
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

/// A line's name by a template, as [`BranchTemplate::name`](super::BranchTemplate::name) gives it: its
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
