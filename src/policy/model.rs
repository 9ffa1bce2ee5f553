//! The model's shared vocabulary: lines, recorded releases, where a value
//! comes from, roles, and what the rules work out about a line.
//!
//! This module is the leaf of the model: it imports nothing else of it but
//! `serde_form`, which imports nothing, so that every other module can
//! import it without a cycle.

use std::fmt;

use chrono::NaiveDate;
use semver::Version;
use serde::{Deserialize, Serialize};

use super::serde_form::{date_form, serde_as_text, version_form};

/// How a policy numbers its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum LineKind {
    /// A line is `MAJOR.MINOR`; version `MAJOR.MINOR.PATCH` belongs to it.
    #[default]
    Minor,
    /// A line is `MAJOR`; every version `MAJOR.x.y` belongs to it.
    Major,
}

impl LineKind {
    /// The name a policy file gives it: `minor` or `major`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Minor => "minor",
            Self::Major => "major",
        }
    }
}

/// A release line: `MAJOR.MINOR`, or `MAJOR` alone in a policy of major
/// lines. Ordered by major, then minor, which is also the order lines of
/// one policy are released in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Line {
    /// The major number.
    pub major: u64,
    /// The minor number; `None` for a line that is a whole major.
    pub minor: Option<u64>,
}

serde_as_text!(Line);

impl Line {
    /// The line `major.minor`.
    #[must_use]
    pub const fn new(major: u64, minor: u64) -> Self {
        Self {
            major,
            minor: Some(minor),
        }
    }

    /// The line that is the whole major `major`, as Node.js 22.
    #[must_use]
    pub const fn whole_major(major: u64) -> Self {
        Self { major, minor: None }
    }

    /// How the line is numbered.
    #[must_use]
    pub fn kind(self) -> LineKind {
        match self.minor {
            Some(_) => LineKind::Minor,
            None => LineKind::Major,
        }
    }

    /// The `.0` release that opens the line: `1.3.0`, or `22.0.0`.
    #[must_use]
    pub fn first_version(self) -> Version {
        Version::new(self.major, self.minor.unwrap_or(0), 0)
    }

    /// The line of `kind` a version belongs to.
    #[must_use]
    pub fn of(version: &Version, kind: LineKind) -> Self {
        match kind {
            LineKind::Minor => Self::new(version.major, version.minor),
            LineKind::Major => Self::whole_major(version.major),
        }
    }

    /// Whether `version` belongs to the line.
    #[must_use]
    pub fn holds(self, version: &Version) -> bool {
        Self::of(version, self.kind()) == self
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.minor {
            Some(minor) => write!(f, "{}.{minor}", self.major),
            None => write!(f, "{}", self.major),
        }
    }
}

/// A line's place in release order: the lines of the history from 0, then
/// the lines the rules project after the newest of them. Only the model
/// addresses lines by their place; users name them by [`Line`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Place(usize);

impl Place {
    /// The place of the first line.
    pub(crate) const FIRST: Self = Self(0);

    /// The place of the history's `index`-th line (from 0), or of the line
    /// that many places after the first.
    pub(crate) const fn of(index: usize) -> Self {
        Self(index)
    }

    /// Its index in the history, for the lines of the history.
    pub(crate) const fn index(self) -> usize {
        self.0
    }

    /// The place `lines` after this one.
    pub(crate) fn after(self, lines: usize) -> Option<Self> {
        self.0.checked_add(lines).map(Self)
    }

    /// The next place.
    pub(crate) fn next(self) -> Option<Self> {
        self.after(1)
    }

    /// The place before this one, unless this is the first.
    pub(crate) fn previous(self) -> Option<Self> {
        self.0.checked_sub(1).map(Self)
    }

    /// How many places this one comes after `earlier`, unless it comes before.
    pub(crate) fn since(self, earlier: Self) -> Option<usize> {
        self.0.checked_sub(earlier.0)
    }

    /// Every place from the first to this one, both included.
    pub(crate) fn up_to(self) -> impl DoubleEndedIterator<Item = Self> {
        (0..=self.0).map(Self)
    }
}

/// A date and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dated {
    pub(crate) date: NaiveDate,
    pub(crate) source: Source,
}

/// A line that was released, as the history records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Release {
    /// The line.
    pub line: Line,
    /// The day its `.0` came out.
    #[serde(with = "date_form")]
    pub released: NaiveDate,
    /// `Some` when the history declares the flag; `None` leaves it to the rule.
    pub lts: Option<bool>,
    /// The day it became (or becomes) LTS, when the history dates it
    /// (`"lts": "2025-10-28"`); then `lts` is `Some(true)`.
    #[serde(with = "date_form::option")]
    pub lts_from: Option<NaiveDate>,
    /// The end of support the vendor announced; it replaces the rules'
    /// answer (and, for an LTS line, the end of its LTS window).
    #[serde(with = "date_form::option")]
    pub eol: Option<NaiveDate>,
    /// The end of active support the vendor announced (from then on,
    /// security fixes only); it replaces the rules' answer.
    #[serde(with = "date_form::option")]
    pub active_until: Option<NaiveDate>,
    /// Known patches, in order; authoritative up to the newest one.
    pub patches: Vec<KnownPatch>,
}

/// The newest day `history` records, a release's or a patch's.
pub(crate) fn newest_recorded(history: &[Release]) -> Option<NaiveDate> {
    history
        .iter()
        .flat_map(|release| {
            std::iter::once(release.released)
                .chain(release.patches.iter().map(|patch| patch.released))
        })
        .max()
}

/// A patch release recorded in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KnownPatch {
    /// Its version, of the line it is recorded under.
    #[serde(with = "version_form")]
    pub version: Version,
    /// The day it came out.
    #[serde(with = "date_form")]
    pub released: NaiveDate,
}

/// Whether a value was recorded in the history or worked out from the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// Recorded in the policy's history.
    History,
    /// Worked out from the policy's rules: a projection.
    Rules,
}

impl Source {
    /// The name JSON and CSV give it: `history` or `rules`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::History => "history",
            Self::Rules => "rules",
        }
    }
}

impl fmt::Display for LineKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a line is supported on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// The newest line released.
    Latest,
    /// The newest LTS line, while it is maintained as such.
    LatestLts,
    /// Any older LTS line still maintained as such.
    PreviousLts,
    /// Any other line still supported: by the support rule, past its LTS
    /// window, or until an end the history announces.
    Maintained,
}

impl Role {
    /// The name users and JSON see: `latest`, `latest-lts`, `previous-lts`,
    /// `maintained`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Latest => "latest",
            Self::LatestLts => "latest-lts",
            Self::PreviousLts => "previous-lts",
            Self::Maintained => "maintained",
        }
    }

    /// Whether the role is one of an LTS line maintained as such.
    #[must_use]
    pub fn is_lts(self) -> bool {
        matches!(self, Self::LatestLts | Self::PreviousLts)
    }
}

/// `latest`, `latest-lts`, `previous-lts`, `maintained`.
impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
