//! What the rules say about one line, known or projected: why its support
//! ends, why it is LTS or not, its windows of support, and its roles and
//! newest patch on a date.

use chrono::NaiveDate;
use semver::Version;

use super::forecast::Range;
use super::model::{Line, Place, Role, Source};

/// What ends a line's support, or one of its windows, on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EolReason {
    /// The next line's release ends its time as `latest`.
    NextRelease(Line),
    /// The support rule's period (`support.months`) runs out.
    SupportPeriod,
    /// The line `support.until_next` places later is released (plus the
    /// grace months).
    Superseded(Line),
    /// Its LTS support period (`lts.support.months`) runs out.
    LtsSupportPeriod,
    /// The LTS line `lts.support.until_next` places later is released
    /// (plus the grace months).
    LtsSuperseded(Line),
    /// The history records the end of its support.
    Announced,
}

impl EolReason {
    /// The name JSON and CSV give it: `next_release`, `support_period`,
    /// `superseded`, `lts_support_period`, `lts_superseded` or `announced`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::NextRelease(_) => "next_release",
            Self::SupportPeriod => "support_period",
            Self::Superseded(_) => "superseded",
            Self::LtsSupportPeriod => "lts_support_period",
            Self::LtsSuperseded(_) => "lts_superseded",
            Self::Announced => "announced",
        }
    }

    /// The line whose release ends the support, when one does.
    #[must_use]
    pub fn line(self) -> Option<Line> {
        match self {
            Self::NextRelease(line) | Self::Superseded(line) | Self::LtsSuperseded(line) => {
                Some(line)
            }
            Self::SupportPeriod | Self::LtsSupportPeriod | Self::Announced => None,
        }
    }
}

/// Why a line is LTS or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    pub fn is_lts(self) -> bool {
        match self {
            Self::Declared(flag) => flag,
            Self::FirstLine => true,
            Self::Counted { places, every, .. } => places.is_multiple_of(every),
            Self::Nearest { chosen, .. } => chosen,
            Self::NoLtsRule | Self::BeforeAnchor { .. } => false,
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

/// The line whose release ends a window that counts lines, `until_next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Successor {
    /// The line.
    pub line: Line,
    /// How many lines (or LTS lines) later it is.
    pub places: u32,
    /// Its place in release order.
    pub(crate) place: Place,
    /// Its release.
    pub released: NaiveDate,
    /// Where its release date comes from.
    pub source: Source,
    /// Its release + the grace months, rounded as the rule says: the end it
    /// gives the window.
    pub ends: NaiveDate,
}

/// Which rule gives a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WindowRule {
    /// `support`, for every line.
    Support,
    /// `support.last_of_major`, for the last minor of a major instead.
    LastOfMajor,
    /// `lts.support`, for an LTS line.
    Lts,
    /// `active`: more than security fixes.
    Active,
    /// `lts.active`: more than security fixes, for an LTS line.
    LtsActive,
}

impl WindowRule {
    /// Whether it counts LTS lines for `until_next`.
    #[must_use]
    pub fn counts_lts_lines(self) -> bool {
        matches!(self, Self::Lts | Self::LtsActive)
    }
}

/// A window a rule gives a line (of support, of LTS maintenance or of
/// active support), and the terms that decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Window {
    /// The rule that gives it.
    pub rule: WindowRule,
    /// The end of the window (not supported on this day).
    pub until: NaiveDate,
    /// Which of its terms ends it.
    pub ends: WindowEnd,
    /// The day the rule's period counts from: the release, or the day the
    /// release schedule had the line due (`from: "scheduled"`).
    pub counted_from: NaiveDate,
    /// That day + the rule's period, rounded as it says: the period promised.
    pub promised: Option<NaiveDate>,
    /// The line whose release ends it, for a rule that counts lines.
    pub successor: Option<Successor>,
}

/// Which term of its rule ends a window. (The line is in
/// [`Window::successor`]; [`Window::ends_by`] gives both as an
/// [`EolReason`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WindowEnd {
    /// The rule's period.
    Period,
    /// The release of the successor, plus the grace.
    Successor,
    /// The end the history announces.
    Announced,
}

impl Window {
    /// What ends it, as a line's end of support names it.
    #[must_use]
    pub fn ends_by(&self) -> EolReason {
        let lts = self.rule.counts_lts_lines();
        match (self.ends, self.successor) {
            (WindowEnd::Announced, _) => EolReason::Announced,
            (WindowEnd::Successor, Some(successor)) if lts => {
                EolReason::LtsSuperseded(successor.line)
            }
            (WindowEnd::Successor, Some(successor)) => EolReason::Superseded(successor.line),
            _ if lts => EolReason::LtsSupportPeriod,
            _ => EolReason::SupportPeriod,
        }
    }

    /// Whether `until` is recorded (announced, or a known release) or worked out.
    #[must_use]
    pub fn source(&self) -> Source {
        match (self.ends, self.successor) {
            (WindowEnd::Announced, _) => Source::History,
            // A release date itself, not one moved by grace months or rounding.
            (WindowEnd::Successor, Some(successor)) if successor.ends == successor.released => {
                successor.source
            }
            _ => Source::Rules,
        }
    }

    /// Whether the window's end depends on a release the rules project.
    #[must_use]
    pub fn cut_by_projection(&self) -> bool {
        self.ends == WindowEnd::Successor
            && self
                .successor
                .is_some_and(|successor| successor.source == Source::Rules)
    }

    /// The end the rule alone gives, announced or not: the earlier of its
    /// period and its successor's release.
    #[must_use]
    pub fn rule_until(&self) -> NaiveDate {
        match (self.promised, self.successor) {
            (Some(promised), Some(successor)) => promised.min(successor.ends),
            (Some(promised), None) => promised,
            (None, Some(successor)) => successor.ends,
            (None, None) => self.until,
        }
    }

    /// Whether the end is the one the history announces.
    #[must_use]
    pub fn announced(&self) -> bool {
        self.ends == WindowEnd::Announced
    }
}

/// The phase of a supported line on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Phase {
    /// Bug fixes and security fixes.
    Active,
    /// Security fixes only, after the end of active support.
    Security,
}

impl Phase {
    /// The name JSON and CSV give it: `active` or `security`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Security => "security",
        }
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What ends a line's active support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

impl ActiveEnd {
    /// The name JSON gives it: `one_phase`, `next_release`, `active_period`
    /// (a window), `eol` or `announced`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::OnePhase => "one_phase",
            Self::NextRelease(_) => "next_release",
            Self::Rule(_) => "active_period",
            Self::Eol => "eol",
            Self::Announced => "announced",
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
    /// End of its time as `latest`: the next line's release.
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
    /// eol when the policy has one phase.
    pub active_until: NaiveDate,
    /// What ends its active support.
    pub active_end: ActiveEnd,
    /// Where `active_until` comes from.
    pub active_source: Source,
    /// End of support: the end of its latest window, or the end the history
    /// announces. Not supported on this day.
    pub eol: NaiveDate,
    /// What ends its support on `eol`.
    pub eol_reason: EolReason,
    /// Where `eol` comes from.
    pub eol_source: Source,
    /// For an end the rules count from a projected release, the days
    /// between which it falls with 80% confidence, as that release's
    /// range says; `None` otherwise.
    pub eol_range: Option<Range>,
}

impl LineInfo {
    /// Whether the line is released and not yet at its end of support on `date`.
    #[must_use]
    pub fn is_supported_on(&self, date: NaiveDate) -> bool {
        self.released <= date && date < self.eol
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

    /// Its phase on `date`, when it is supported then.
    #[must_use]
    pub fn phase_on(&self, date: NaiveDate) -> Option<Phase> {
        if !self.is_supported_on(date) {
            return None;
        }
        Some(if date < self.active_until {
            Phase::Active
        } else {
            Phase::Security
        })
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
    /// The version, `MAJOR.MINOR.PATCH`.
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
    /// Its phase on the date.
    pub phase: Phase,
    /// Its newest version on the date.
    pub latest_patch: Patch,
    /// Days from the date asked about to the eol.
    pub days_left: i64,
}
