//! What a source of facts says, line by line, before it is merged into a
//! history: each fact with the tag or cycle that says it.

use std::collections::BTreeMap;
use std::fmt;

use crate::policy::lines::numbers::Version;
use chrono::NaiveDate;

use super::problem::Origin;
use crate::policy::lines::line::{Line, Numbering};
use crate::policy::lines::release::RecordedEnd;
use crate::policy::quote::Quoted;

/// What the facts say of one line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct LineFacts {
    pub(super) released: Option<Origin>,
    pub(super) lts: Option<bool>,
    /// The day it became LTS, when the source dates it.
    pub(super) lts_from: Option<NaiveDate>,
    pub(super) eol: Option<RecordedEnd>,
    /// The end of its active support, when the source gives one.
    pub(super) active_until: Option<RecordedEnd>,
    /// The end of its extended support, when the source gives one.
    pub(super) extended_until: Option<RecordedEnd>,
    /// When it was sold no more, when the source says.
    pub(super) discontinued: Option<RecordedEnd>,
    /// Patches by version, with where each was found.
    pub(super) patches: BTreeMap<Version, Origin>,
}

/// What a source of facts says: the lines it knows, the newest day it
/// speaks of, and the day it is complete up to, when it says.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub(super) lines: BTreeMap<Line, LineFacts>,
    pub(super) newest: Option<NaiveDate>,
    /// The day the source says it is complete up to (an endoflife.date v1
    /// answer's `generated_at`).
    pub(super) complete_up_to: Option<NaiveDate>,
    /// How the source numbers its lines, when it is read for no policy.
    pub(super) numbering: Option<Numbering>,
    /// The tags (or cycles) left out, and why.
    pub(super) ignored: Vec<(String, Ignored)>,
    /// Facts left out because their source contradicts itself.
    pub(super) contradictions: Vec<Contradiction>,
}

impl Facts {
    /// The tags (or endoflife.date cycles) left out, each with why.
    #[must_use]
    pub fn ignored(&self) -> &[(String, Ignored)] {
        &self.ignored
    }

    /// The facts left out because their source contradicts itself (a
    /// cycle's latest release before its first): each one's cycle and what.
    #[must_use]
    pub fn contradictions(&self) -> &[Contradiction] {
        &self.contradictions
    }

    /// The lines the facts speak of, in the order of their numbers.
    pub fn lines(&self) -> impl Iterator<Item = &Line> + '_ {
        self.lines.keys()
    }

    /// The newest day the facts speak of (a release or a patch).
    #[must_use]
    pub fn newest(&self) -> Option<NaiveDate> {
        self.newest
    }

    /// The day the facts are complete up to: the day the source says (an
    /// endoflife.date v1 answer's `generated_at`), else the newest release
    /// or patch it records (ends are announcements, not releases).
    #[must_use]
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.complete_up_to.or(self.newest)
    }

    /// How the source numbers its lines, where it was read for no policy
    /// and said so by its cycles: `major` where every numbered cycle is one
    /// number, `minor` where every one is two, else `dotted`, after a text
    /// prefix all of them share.
    #[must_use]
    pub fn numbering(&self) -> Option<&Numbering> {
        self.numbering.as_ref()
    }
}

/// A fact a source gives that contradicts another it gives, left out.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Contradiction {
    /// The cycle, as the source names it.
    pub cycle: String,
    /// What contradicts what.
    pub what: &'static str,
}

impl fmt::Display for Contradiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", Quoted(&self.cycle), self.what)
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
    /// A cycle lts-policy's export marks projected: the rules', no fact.
    Projected,
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
            Self::Projected => f.write_str("projected by the rules, not recorded"),
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
