//! The model's shared vocabulary: lines, recorded releases, where a value
//! comes from, roles, and what the rules work out about a line.
//!
//! This module is the leaf of the model: it imports nothing else of it, so
//! that every other module can import it without a cycle.

use std::fmt;

use chrono::NaiveDate;
use semver::Version;

/// A release line, `MAJOR.MINOR`. Ordered by major, then minor, which is
/// also the order lines are released in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Line {
    /// The major number.
    pub major: u64,
    /// The minor number.
    pub minor: u64,
}

impl Line {
    /// The line `major.minor`.
    #[must_use]
    pub const fn new(major: u64, minor: u64) -> Self {
        Self { major, minor }
    }

    /// The `.0` release that opens the line.
    #[must_use]
    pub fn first_version(self) -> Version {
        self.version(0)
    }

    /// The version `MAJOR.MINOR.patch` of this line.
    #[must_use]
    pub fn version(self, patch: u64) -> Version {
        Version::new(self.major, self.minor, patch)
    }

    /// The line a version belongs to.
    #[must_use]
    pub fn of(version: &Version) -> Self {
        Self::new(version.major, version.minor)
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// A line that was released, as the history records it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Release {
    /// The line.
    pub line: Line,
    /// The day its `.0` came out.
    pub released: NaiveDate,
    /// `Some` when the history declares the flag; `None` leaves it to the rule.
    pub lts: Option<bool>,
    /// The end of LTS support the vendor announced, for a line declared LTS;
    /// it replaces the rules' answer.
    pub eol: Option<NaiveDate>,
    /// Known patches, in order; authoritative up to the newest one.
    pub patches: Vec<KnownPatch>,
}

/// A patch release recorded in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct KnownPatch {
    /// Its version, of the line it is recorded under.
    pub version: Version,
    /// The day it came out.
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

/// Why a line is supported on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// The newest line released.
    Latest,
    /// The newest LTS line, while it is maintained.
    LatestLts,
    /// Any older LTS line still maintained.
    PreviousLts,
}

impl Role {
    /// The name users and JSON see: `latest`, `latest-lts`, `previous-lts`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Latest => "latest",
            Self::LatestLts => "latest-lts",
            Self::PreviousLts => "previous-lts",
        }
    }

    /// Whether the role is one of an LTS line maintained as such.
    #[must_use]
    pub fn is_lts(self) -> bool {
        matches!(self, Self::LatestLts | Self::PreviousLts)
    }
}

/// What ends a line's support on its eol date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EolReason {
    /// The next line's release ends its time as `latest`.
    NextRelease(Line),
    /// Its LTS support period (`lts_support_months`) runs out.
    LtsSupportPeriod,
    /// The LTS line `lts_in_parallel` places after it is released first.
    LtsSuperseded(Line),
    /// The history records the end of its LTS support.
    Announced,
}

impl EolReason {
    /// The name JSON and CSV give it: `next_release`, `lts_support_period`,
    /// `lts_superseded` or `announced`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::NextRelease(_) => "next_release",
            Self::LtsSupportPeriod => "lts_support_period",
            Self::LtsSuperseded(_) => "lts_superseded",
            Self::Announced => "announced",
        }
    }
}

/// Why a line is LTS or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LtsReason {
    /// The history says so.
    Declared(bool),
    /// No line is declared LTS, so the first line anchors the count and is LTS.
    FirstLine,
    /// Counted in release order from the anchor (the newest line declared
    /// LTS, or the first line when none is): LTS when `places` is a multiple
    /// of `every` (`lts_every_months / minor_every_months`).
    Counted {
        /// The line the count starts from.
        anchor: Line,
        /// Whether the anchor is declared LTS (else it is the first line).
        anchor_declared: bool,
        /// How many lines after the anchor this one is.
        places: u64,
        /// How many lines apart two LTS lines are.
        every: u64,
    },
    /// An undeclared line older than the anchor.
    BeforeAnchor {
        /// The newest line declared LTS.
        anchor: Line,
    },
}

impl LtsReason {
    /// Whether the reason makes the line LTS.
    #[must_use]
    pub fn is_lts(self) -> bool {
        match self {
            Self::Declared(flag) => flag,
            Self::FirstLine => true,
            Self::Counted { places, every, .. } => places.is_multiple_of(every),
            Self::BeforeAnchor { .. } => false,
        }
    }

    /// Where the flag comes from.
    #[must_use]
    pub fn source(self) -> Source {
        match self {
            Self::Declared(_) => Source::History,
            _ => Source::Rules,
        }
    }
}

/// How long an LTS line is maintained, and the terms that decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct LtsWindow {
    /// End of LTS maintenance (not maintained on this day).
    pub until: NaiveDate,
    /// Release + `lts_support_months`: the policy's promise.
    pub promised: NaiveDate,
    /// The LTS line `lts_in_parallel` places later, whose release ends it
    /// when that comes first.
    pub successor: Line,
    /// When that successor is released.
    pub successor_released: NaiveDate,
    /// Where the successor's release date comes from.
    pub successor_source: Source,
    /// Whether `until` is the end the history announces.
    pub announced: bool,
}

impl LtsWindow {
    /// Which term ends the window.
    #[must_use]
    pub fn ends_by(&self) -> EolReason {
        if self.announced {
            EolReason::Announced
        } else if self.until == self.promised {
            EolReason::LtsSupportPeriod
        } else {
            EolReason::LtsSuperseded(self.successor)
        }
    }

    /// Whether `until` is recorded (announced, or a known release) or worked out.
    #[must_use]
    pub fn source(&self) -> Source {
        match self.ends_by() {
            EolReason::Announced => Source::History,
            EolReason::LtsSuperseded(_) => self.successor_source,
            EolReason::LtsSupportPeriod | EolReason::NextRelease(_) => Source::Rules,
        }
    }

    /// Whether the window's end depends on a release the rules project.
    #[must_use]
    pub fn cut_by_projection(&self) -> bool {
        self.until == self.successor_released
            && !self.announced
            && self.successor_source == Source::Rules
    }
}

/// One line, known or projected, with everything the rules say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LineInfo {
    /// Position in release order; only the model addresses lines by it.
    pub(crate) index: usize,
    /// The line.
    pub line: Line,
    /// The day its `.0` comes out.
    pub released: NaiveDate,
    /// Where `released` comes from.
    pub released_source: Source,
    /// Whether it is an LTS line.
    pub lts: bool,
    /// Where `lts` comes from.
    pub lts_source: Source,
    /// End of its time as `latest`: the next line's release.
    pub latest_until: NaiveDate,
    /// Where `latest_until` comes from.
    pub latest_until_source: Source,
    /// Its LTS maintenance, for an LTS line.
    pub lts_window: Option<LtsWindow>,
    /// End of support: the later of the two windows. Not supported on this day.
    pub eol: NaiveDate,
    /// What ends its support on `eol`.
    pub eol_reason: EolReason,
    /// Where `eol` comes from.
    pub eol_source: Source,
}

impl LineInfo {
    /// Whether the line is released and not yet at its end of support on `date`.
    #[must_use]
    pub fn is_supported_on(&self, date: NaiveDate) -> bool {
        self.released <= date && date < self.eol
    }

    /// End of its LTS maintenance, for an LTS line.
    #[must_use]
    pub fn lts_until(&self) -> Option<NaiveDate> {
        self.lts_window.as_ref().map(|window| window.until)
    }

    /// Whether the line is maintained as an LTS on `date`.
    #[must_use]
    pub fn is_lts_maintained_on(&self, date: NaiveDate) -> bool {
        self.lts_until()
            .is_some_and(|until| self.released <= date && date < until)
    }

    /// Whether its release date is a projection of the rules.
    #[must_use]
    pub fn is_projected(&self) -> bool {
        self.released_source == Source::Rules
    }
}

/// A released version of a line, with its date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Patch {
    /// The version, `MAJOR.MINOR.PATCH`.
    pub version: Version,
    /// The day it comes out.
    pub released: NaiveDate,
    /// Whether it is recorded or projected.
    pub source: Source,
}

impl Patch {
    /// The `.0` release that opens a line.
    #[must_use]
    pub fn opening(info: &LineInfo) -> Self {
        Self {
            version: info.line.first_version(),
            released: info.released,
            source: info.released_source,
        }
    }
}

/// A line supported on a date, with its roles and newest patch.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SupportedLine {
    /// The line and its dates.
    pub info: LineInfo,
    /// Why it is supported, in the order `latest`, then an LTS role.
    pub roles: Vec<Role>,
    /// Its newest version on the date.
    pub latest_patch: Patch,
    /// Days from the date asked about to the eol.
    pub days_left: i64,
}
