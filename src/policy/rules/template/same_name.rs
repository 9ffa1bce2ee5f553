//! How a template that names two lines alike is reported: the name and
//! the lines.

use std::fmt;

use crate::policy::lines::line::LineKind;
use crate::policy::quote::{Excerpt, Quoted};

/// A name made for two lines: by one template, by two, or by a template
/// and as `tag` reads it. The lines are written out, as numbers with no
/// bound: two lines may share a name only past what a [`crate::Line`]
/// holds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SameName {
    /// The name.
    pub name: String,
    /// The line it is made for.
    pub line: String,
    /// The other line it names.
    pub other: String,
}

/// What keeps a template from giving each line of a kind a name of its
/// own.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinesProblem {
    /// A placeholder the lines do not have: `{minor}` where lines are
    /// majors, `{major}` or `{minor}` where they are dotted (`{major}`
    /// would name `2` and `2.401` alike).
    NotOfLines {
        /// The placeholder.
        placeholder: &'static str,
        /// The policy's lines.
        lines: LineKind,
    },
    /// A placeholder shown twice.
    Twice(&'static str),
    /// `{major}` or `{minor}` beside `{line}`, which shows it already.
    AlongsideLine(&'static str),
    /// A tag template for dotted lines with a digit or dot besides
    /// `{line}`'s, which would run into the line's numbers.
    BesideLine,
    /// A number of the line left out, so that lines that differ in it
    /// alone share a name.
    Missing {
        /// Its placeholder.
        placeholder: &'static str,
        /// Two such lines and their name.
        same: Box<SameName>,
    },
    /// Two placeholders with only digits between them, whose numbers run
    /// together so that two lines share a name (`t{major}{minor}`).
    RunTogether {
        /// The first placeholder.
        first: &'static str,
        /// The second.
        second: &'static str,
        /// Two such lines and their name.
        same: Box<SameName>,
    },
}

impl fmt::Display for LinesProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let both = |same: &SameName| {
            format!(
                "makes {} for both {} and {}",
                Quoted(&same.name),
                Excerpt(&same.line),
                Excerpt(&same.other)
            )
        };
        match self {
            Self::NotOfLines {
                placeholder,
                lines: LineKind::Dotted,
            } => write!(
                f,
                "a policy whose lines are dotted names each by {{line}} (2 and 2.401 have one \
                 {placeholder}), not by {placeholder}"
            ),
            Self::NotOfLines { placeholder, .. } => write!(
                f,
                "a policy whose lines are majors has no {placeholder} to fill in"
            ),
            Self::Twice(placeholder) => write!(
                f,
                "{placeholder} is shown twice; a name shows each number of its line once"
            ),
            Self::AlongsideLine(placeholder) => write!(
                f,
                "{{line}} shows {placeholder} already; a name shows each number of its line once"
            ),
            Self::BesideLine => f.write_str(
                "where lines are dotted, a tag holds no digit or dot besides {line}'s, which \
                 they would run into",
            ),
            Self::Missing { placeholder, same } => {
                write!(f, "{}, as it has no {placeholder}", both(same))
            }
            Self::RunTogether {
                first,
                second,
                same,
            } => write!(
                f,
                "{}, as {first} and {second} run together; put a character that is not a digit \
                 between them",
                both(same)
            ),
        }
    }
}
