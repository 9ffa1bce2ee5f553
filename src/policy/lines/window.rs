//! A rule's window of a line (of support, of LTS maintenance or of active
//! support), the rule that gives it and the term that ends it, and what
//! ends a line's support.

use chrono::NaiveDate;

use super::line::Line;
use super::release::{Place, Source};

/// What ends a line's support, or one of its windows, on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The history records that its support ended, on a day it does not
    /// give: after its `history_as_of` at the latest.
    EndedUndated {
        /// The latest day its support can have ended on: the day after
        /// `history_as_of`, or the end its rules give where that is
        /// earlier (the best estimate the record allows before it).
        at_latest: NaiveDate,
    },
    /// The history records it supported on its `history_as_of`, after the
    /// end its rules give: the end is projected the day after.
    Overdue,
    /// No later line is known or projected (the history's lines are all
    /// known by name only), and no period of its rules ends it: no end is
    /// known.
    NoLaterLine,
}

impl EolReason {
    /// The name JSON and CSV give it: `next_release`, `support_period`,
    /// `superseded`, `lts_support_period`, `lts_superseded`, `announced`,
    /// `ended_undated`, `overdue` or `no_later_line`.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::NextRelease(_) => "next_release",
            Self::SupportPeriod => "support_period",
            Self::Superseded(_) => "superseded",
            Self::LtsSupportPeriod => "lts_support_period",
            Self::LtsSuperseded(_) => "lts_superseded",
            Self::Announced => "announced",
            Self::EndedUndated { .. } => "ended_undated",
            Self::Overdue => "overdue",
            Self::NoLaterLine => "no_later_line",
        }
    }

    /// The line whose release ends the support, when one does.
    #[must_use]
    pub fn line(&self) -> Option<&Line> {
        match self {
            Self::NextRelease(line) | Self::Superseded(line) | Self::LtsSuperseded(line) => {
                Some(line)
            }
            Self::SupportPeriod
            | Self::LtsSupportPeriod
            | Self::Announced
            | Self::EndedUndated { .. }
            | Self::Overdue
            | Self::NoLaterLine => None,
        }
    }
}

/// The line whose release ends a window that counts lines, `until_next`.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Window {
    /// The rule that gives it.
    pub rule: WindowRule,
    /// The end of the window (not supported on this day);
    /// `NaiveDate::MAX` for a window that never ends (its rule counts to a
    /// line that never comes).
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
        match (self.ends, &self.successor) {
            (WindowEnd::Announced, _) => EolReason::Announced,
            (WindowEnd::Successor, Some(successor)) if lts => {
                EolReason::LtsSuperseded(successor.line.clone())
            }
            (WindowEnd::Successor, Some(successor)) => {
                EolReason::Superseded(successor.line.clone())
            }
            _ if lts => EolReason::LtsSupportPeriod,
            _ => EolReason::SupportPeriod,
        }
    }

    /// Whether `until` is recorded (announced, or a known release) or worked out.
    #[must_use]
    pub fn source(&self) -> Source {
        match (self.ends, &self.successor) {
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
                .as_ref()
                .is_some_and(|successor| successor.source == Source::Rules)
    }

    /// The end the rule alone gives, announced or not: the earlier of its
    /// period and its successor's release.
    #[must_use]
    pub fn rule_until(&self) -> NaiveDate {
        match (self.promised, &self.successor) {
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
