//! What a source of facts says, line by line, before it is merged into a
//! history: each fact with the tag or cycle that says it.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use semver::Version;

use super::problem::{FactsProblem, Origin};
use crate::policy::error::PolicyError;
use crate::policy::model::Line;

/// What the facts say of one line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct LineFacts {
    pub(super) released: Option<Origin>,
    pub(super) lts: Option<bool>,
    /// The day it became LTS, when the source dates it.
    pub(super) lts_from: Option<NaiveDate>,
    pub(super) eol: Option<NaiveDate>,
    /// The end of its active support, when the source gives one.
    pub(super) active_until: Option<NaiveDate>,
    /// Patches by version, with where each was found.
    pub(super) patches: BTreeMap<Version, Origin>,
}

/// What a source of facts says: the lines it knows, and the newest day it
/// speaks of.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub(super) lines: BTreeMap<Line, LineFacts>,
    pub(super) newest: Option<NaiveDate>,
    /// The tags (or cycles) left out, and why.
    pub(super) ignored: Vec<(String, Ignored)>,
}

impl Facts {
    /// Lines come out in the order of their numbers.
    pub(super) fn check_release_order(&self) -> Result<(), PolicyError> {
        let mut previous: Option<(Line, &Origin)> = None;
        for (&line, facts) in &self.lines {
            let Some(released) = &facts.released else {
                continue;
            };
            if let Some((before, before_released)) = previous
                && released.date < before_released.date
            {
                return Err(PolicyError::from(FactsProblem::LineAfterNext {
                    line: before,
                    released: before_released.clone(),
                    next: line,
                    next_released: released.clone(),
                }));
            }
            previous = Some((line, released));
        }
        Ok(())
    }

    /// The tags (or endoflife.date cycles) left out, each with why.
    #[must_use]
    pub fn ignored(&self) -> &[(String, Ignored)] {
        &self.ignored
    }

    /// The lines the facts speak of, in the order of their numbers.
    pub fn lines(&self) -> impl Iterator<Item = Line> + '_ {
        self.lines.keys().copied()
    }

    /// The newest day the facts speak of (a release or a patch).
    #[must_use]
    pub fn newest(&self) -> Option<NaiveDate> {
        self.newest
    }
}

/// Why a tag, or an endoflife.date cycle, is not read as a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Ignored {
    /// Its name does not start with the policy's `tag_prefix`.
    OtherPrefix,
    /// Not a version at all.
    NotAVersion,
    /// A pre-release (`-rc1`) or build metadata (`+build`).
    PreRelease,
    /// A tag of something other than a commit.
    NotACommit {
        /// What it names.
        object: GitObject,
        /// Whether it is an annotated tag.
        annotated: bool,
    },
    /// A release tag without a date.
    Undated,
    /// An endoflife.date cycle numbered otherwise than the policy's lines
    /// (Quarkus's `1` among its `3.x` lines), older than all of them.
    OlderNumbering,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OtherPrefix => f.write_str("not of the policy's tag_prefix"),
            Self::NotAVersion => f.write_str("not a version MAJOR.MINOR.PATCH"),
            Self::PreRelease => f.write_str("a pre-release or a build, not a release"),
            Self::NotACommit { object, annotated } => {
                let tag = if *annotated {
                    "an annotated tag"
                } else {
                    "a tag"
                };
                let object = match object {
                    GitObject::Tag => "another tag".to_owned(),
                    other => format!("a {}", other.name()),
                };
                write!(f, "{tag} of {object}, not of a commit")
            }
            Self::Undated => f.write_str("git gives it no date"),
            Self::OlderNumbering => f.write_str(
                "numbered otherwise than the policy's lines, and older than all of them",
            ),
        }
    }
}

/// The kind of object a tag names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum GitObject {
    /// A commit: what a release tag names.
    Commit,
    /// A tree.
    Tree,
    /// A blob.
    Blob,
    /// Another annotated tag.
    Tag,
}

impl GitObject {
    /// The object type as git names it: `commit`, `tree`, `blob`, `tag`.
    pub(super) fn parse(name: &str) -> Option<Self> {
        match name {
            "commit" => Some(Self::Commit),
            "tree" => Some(Self::Tree),
            "blob" => Some(Self::Blob),
            "tag" => Some(Self::Tag),
            _ => None,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Commit => "commit",
            Self::Tree => "tree",
            Self::Blob => "blob",
            Self::Tag => "tag",
        }
    }
}
