//! What the rules say about one line, known or projected: why its support
//! ends, why it is LTS or not, its windows of support, and its roles and
//! newest patch on a date.

use super::numbers::Version;
use chrono::NaiveDate;

use super::line::{Line, LineKind};
use super::release::{Place, RecordedEnd, Source};
use super::role::Role;
use crate::policy::dates::days_between;
use crate::policy::forecast::Range;

use super::window::{EolReason, Window, WindowRule};

/// Why a line is LTS or not.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LtsReason {
    /// The policy has no LTS rule, so no line is LTS.
    NoLtsRule,
    /// The history says so.
    Declared(bool),
    /// No line is declared LTS, so the first line anchors the choice and is LTS.
    FirstLine,
    /// Counted in release order from the anchor (the newest line declared
    /// LTS, or the first line when none is): LTS when `places` is a multiple
    /// of `every`.
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
    /// Chosen, or not, as the line released nearest to the previous LTS
    /// line's release + `lts.every_months`.
    Nearest {
        /// The LTS line before it (or the anchor the search starts from).
        previous: Line,
        /// That line's release + `every_months`.
        target: NaiveDate,
        /// Whether this line is the one nearest to `target`.
        chosen: bool,
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
    pub fn is_lts(&self) -> bool {
        match self {
            Self::Declared(flag) => *flag,
            Self::FirstLine => true,
            Self::Counted { places, every, .. } => places.is_multiple_of(*every),
            Self::Nearest { chosen, .. } => *chosen,
            Self::NoLtsRule | Self::BeforeAnchor { .. } => false,
        }
    }

    /// Where the flag comes from.
    #[must_use]
    pub fn source(&self) -> Source {
        match self {
            Self::Declared(_) => Source::History,
            _ => Source::Rules,
        }
    }
}

/// The phase of a line on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Phase {
    /// Bug fixes and security fixes.
    Active,
    /// Security fixes only, after the end of active support.
    Security,
    /// Extended support, after the eol (often paid): never counted as
    /// support.
    Extended,
}

impl Phase {
    /// The name JSON and CSV give it: `active`, `security` or `extended`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Security => "security",
            Self::Extended => "extended",
        }
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What ends a line's active support.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ActiveEnd {
    /// The policy has one phase for the line: active until its eol.
    OnePhase,
    /// The next line's release, later than the rules' active windows.
    NextRelease(Line),
    /// The window of `active` or `lts.active`.
    Rule(WindowRule),
    /// Its eol, which comes before what the active rules say.
    Eol,
    /// The history records the end of its active support.
    Announced,
    /// The history records that its active support ended, on a day it does
    /// not give: by the day after its `history_as_of` at the latest, the
    /// rules' end where earlier.
    EndedUndated,
    /// The history records it in active support on its `history_as_of`,
    /// after the end its rules give: the end is projected the day after.
    Overdue,
}

impl ActiveEnd {
    /// The name JSON gives it: `one_phase`, `next_release`, `active_period`
    /// (a window), `eol`, `announced`, `ended_undated` or `overdue`.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::OnePhase => "one_phase",
            Self::NextRelease(_) => "next_release",
            Self::Rule(_) => "active_period",
            Self::Eol => "eol",
            Self::Announced => "announced",
            Self::EndedUndated => "ended_undated",
            Self::Overdue => "overdue",
        }
    }
}

/// One line, known or projected, with everything the rules say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LineInfo {
    /// Its place in release order.
    pub(crate) place: Place,
    /// The line.
    pub line: Line,
    /// The day its `.0` comes out.
    pub released: NaiveDate,
    /// Where `released` comes from.
    pub released_source: Source,
    /// For a projected release, the days between which it falls with 80%
    /// confidence, from the policy's track record; `None` for a recorded
    /// one, or when the track record is too short to say.
    pub released_range: Option<Range>,
    /// A projected line the rules had due on or before the history's
    /// `history_as_of`, which lists no such line: it is late, and projected
    /// on the first release day after that date.
    pub overdue: bool,
    /// Whether it is an LTS line.
    pub lts: bool,
    /// Where `lts` comes from.
    pub lts_source: Source,
    /// For an LTS line, the day it becomes LTS: its release, unless
    /// `lts.starts` or the history says later.
    pub lts_from: Option<NaiveDate>,
    /// Where `lts_from` comes from.
    pub lts_from_source: Source,
    /// The day the release schedule had it due, when one of its rules
    /// counts from it (`from: "scheduled"`): its release for the first line
    /// and for a projected one (for an overdue one, the day it was due),
    /// else the schedule's date nearest its release.
    pub scheduled: Option<NaiveDate>,
    /// End of its time as `latest`: the next line's release;
    /// `NaiveDate::MAX` when no later line is known or projected (the
    /// history's lines are all known by name only).
    pub latest_until: NaiveDate,
    /// Where `latest_until` comes from.
    pub latest_until_source: Source,
    /// The window the policy's support rule gives every line.
    pub support_window: Window,
    /// Its LTS maintenance, for an LTS line.
    pub lts_window: Option<Window>,
    /// The window of `active`, when the rules have one.
    pub active_window: Option<Window>,
    /// The window of `lts.active`, for an LTS line whose rules have one.
    pub lts_active_window: Option<Window>,
    /// End of active support: from this day on, security fixes only. Its
    /// eol when the policy has one phase; `None` where no day is known.
    pub active_until: Option<NaiveDate>,
    /// What ends its active support.
    pub active_end: ActiveEnd,
    /// Where `active_until` comes from.
    pub active_source: Source,
    /// End of support: the end of its latest window, or the end the history
    /// announces. Not supported on this day. `None` where no day is known:
    /// the history says support ended on a day it does not give
    /// ([`EolReason::EndedUndated`]: by a day it names at the latest),
    /// or nothing ends it ([`EolReason::NoLaterLine`]: supported from its
    /// release on).
    pub eol: Option<NaiveDate>,
    /// What ends its support on `eol`.
    pub eol_reason: EolReason,
    /// Where `eol` comes from.
    pub eol_source: Source,
    /// For an end the rules count from a projected release, the days
    /// between which it falls with 80% confidence, as that release's
    /// range says; `None` otherwise.
    pub eol_range: Option<Range>,
    /// The end of its extended support, as the history records it: a phase
    /// after the eol, shown and never counted as support.
    pub extended: Option<RecordedEnd>,
    /// When it was sold no more, as the history records it (hardware):
    /// shown, and ending nothing.
    pub discontinued: Option<RecordedEnd>,
}

impl LineInfo {
    /// Whether the line is released and not yet at its end of support on
    /// `date`.
    #[must_use]
    pub fn is_supported_on(&self, date: NaiveDate) -> bool {
        self.released <= date && self.supported_until_after(date)
    }

    /// Whether its support lasts past `date`: its eol is later, or no end
    /// is known and none has passed.
    #[must_use]
    pub fn supported_until_after(&self, date: NaiveDate) -> bool {
        match self.eol {
            Some(eol) => date < eol,
            None => match self.eol_reason {
                EolReason::EndedUndated { at_latest } => date < at_latest,
                _ => true,
            },
        }
    }

    /// The latest of the days an answer about it names: its release, LTS
    /// start, the day the schedule had it due, its ends (support, active,
    /// as the latest) and the 80% ranges of the projected ones. What never
    /// comes (the release after a line no rule names a successor of,
    /// `NaiveDate::MAX`) is no day.
    #[must_use]
    pub fn latest_date(&self) -> NaiveDate {
        let ranges = [self.released_range, self.eol_range].map(|range| range.map(|range| range.to));
        [
            self.lts_from,
            self.scheduled,
            self.eol,
            self.active_until,
            Some(self.latest_until),
        ]
        .into_iter()
        .chain(ranges)
        .flatten()
        .filter(|day| *day != NaiveDate::MAX)
        .chain([self.released])
        .max()
        .unwrap_or(self.released)
    }

    /// Days from `date` to its eol, when it has one.
    #[must_use]
    pub fn days_left(&self, date: NaiveDate) -> Option<i64> {
        self.eol.map(|eol| days_between(date, eol))
    }

    /// The windows of its active rules (`active`, then `lts.active`), those
    /// it has.
    pub fn active_windows(&self) -> impl Iterator<Item = &Window> {
        [&self.active_window, &self.lts_active_window]
            .into_iter()
            .flatten()
    }

    /// End of its LTS maintenance, for an LTS line.
    #[must_use]
    pub fn lts_until(&self) -> Option<NaiveDate> {
        self.lts_window.as_ref().map(|window| window.until)
    }

    /// Whether the line is maintained as an LTS on `date`: from its LTS
    /// start to the end of its LTS window.
    #[must_use]
    pub fn is_lts_maintained_on(&self, date: NaiveDate) -> bool {
        self.lts_from
            .zip(self.lts_until())
            .is_some_and(|(from, until)| from <= date && date < until)
    }

    /// Whether the line is LTS by `date`: an LTS line whose LTS start has come.
    #[must_use]
    pub fn is_lts_by(&self, date: NaiveDate) -> bool {
        self.lts_from.is_some_and(|from| from <= date)
    }

    /// Its phase on `date`: active or security while it is supported,
    /// extended after its eol while the history records extended support;
    /// `None` otherwise.
    #[must_use]
    pub fn phase_on(&self, date: NaiveDate) -> Option<Phase> {
        if !self.is_supported_on(date) {
            return self.is_extended_on(date).then_some(Phase::Extended);
        }
        Some(if self.active_until.is_none_or(|until| date < until) {
            Phase::Active
        } else {
            Phase::Security
        })
    }

    /// Whether `date` falls in the extended support the history records,
    /// after the eol: before the end it gives, or, for one it says is still
    /// to come, on a day its record covers.
    fn is_extended_on(&self, date: NaiveDate) -> bool {
        let after_eol = self.eol.is_some_and(|eol| eol <= date);
        after_eol
            && match self.extended {
                Some(RecordedEnd::On(end)) => date < end,
                Some(RecordedEnd::NotYet) => true,
                Some(RecordedEnd::Passed) | None => false,
            }
    }

    /// Whether its release date is a projection of the rules.
    #[must_use]
    pub fn is_projected(&self) -> bool {
        self.released_source == Source::Rules
    }

    /// Whether the rules alone release it on or before `date`: a release
    /// that should have happened by then, which the history does not list.
    #[must_use]
    pub fn is_projected_by(&self, date: NaiveDate) -> bool {
        self.is_projected() && self.released <= date
    }
}

/// A released version of a line, with its date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Patch {
    /// The version, `MAJOR.MINOR.PATCH` or as its line numbers it.
    pub version: Version,
    /// The day it comes out.
    pub released: NaiveDate,
    /// Whether it is recorded or projected.
    pub source: Source,
}

impl Patch {
    /// Whether the rules alone put it out on or before `date`.
    #[must_use]
    pub fn is_projected_by(&self, date: NaiveDate) -> bool {
        self.source == Source::Rules && self.released <= date
    }

    /// The `.0` release that opens a line of a policy whose lines are
    /// `kind` ([`Line::opening`]); `None` for a line known by name only,
    /// which has no version numbers.
    #[must_use]
    pub fn opening(info: &LineInfo, kind: LineKind) -> Option<Self> {
        Some(Self {
            version: info.line.opening(kind)?,
            released: info.released,
            source: info.released_source,
        })
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
    /// Its phase on the date.
    pub phase: Phase,
    /// Its newest version on the date; `None` for a line known by name
    /// only.
    pub latest_patch: Option<Patch>,
    /// Days from the date asked about to the eol, when it has one.
    pub days_left: Option<i64>,
}
