//! What a history records: releases in release order, their patches and
//! ends, and whether a value was recorded or worked out from the rules.

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::known_patches::KnownPatches;
use super::line::Line;
use crate::policy::serde_form::date_form;

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
    /// The end of support, as the history records it: the day the vendor
    /// announced, which replaces the rules' answer (and, for an LTS line,
    /// the end of its LTS window), or that it has passed, or not yet, by
    /// the day the history is complete up to.
    pub eol: Option<RecordedEnd>,
    /// The end of active support (from then on, security fixes only), as
    /// the history records it; a day replaces the rules' answer.
    pub active_until: Option<RecordedEnd>,
    /// The end of extended support, a phase after the eol (often paid)
    /// that is shown and never counted as support.
    pub extended_until: Option<RecordedEnd>,
    /// When the product (hardware) was sold no more: shown, and ending
    /// nothing.
    pub discontinued: Option<RecordedEnd>,
    /// Known patches, in order; authoritative up to the newest one.
    pub patches: KnownPatches,
}

impl Release {
    /// A line released on `released`, of which the history records
    /// nothing else.
    #[must_use]
    pub fn new(line: Line, released: NaiveDate) -> Self {
        Self {
            line,
            released,
            lts: None,
            lts_from: None,
            eol: None,
            active_until: None,
            extended_until: None,
            discontinued: None,
            patches: KnownPatches::default(),
        }
    }

    /// The end of support the history dates.
    #[must_use]
    pub fn announced_eol(&self) -> Option<NaiveDate> {
        self.eol.and_then(RecordedEnd::date)
    }

    /// The end of active support the history dates.
    #[must_use]
    pub fn announced_active_until(&self) -> Option<NaiveDate> {
        self.active_until.and_then(RecordedEnd::date)
    }

    /// The order lines come out in: by release, two on one day in line
    /// order. Rules that count later lines count them in it.
    pub(crate) fn release_order(&self, other: &Self) -> Ordering {
        self.released
            .cmp(&other.released)
            .then_with(|| self.line.cmp(&other.line))
    }
}

/// What a history records of the end of a phase (support, active support,
/// extended support, sales): the first day after it, in lts-policy's
/// half-open way (endoflife.date and OpenEoX write the day before, the
/// phase's last day, and are read one day on); that it has passed on a
/// day the record does not give (endoflife.date's `true`); or that it has
/// not come by the day the history is complete up to (`false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordedEnd {
    /// The first day after the phase.
    On(NaiveDate),
    /// Over by the history's `history_as_of`, on a day it does not give.
    Passed,
    /// Not over on the history's `history_as_of`.
    NotYet,
}

/// How a recorded end is kept in a binary form (the embedded policy's).
#[derive(Serialize, Deserialize)]
enum EndForm {
    On(#[serde(with = "date_form")] NaiveDate),
    Passed,
    NotYet,
}

/// A recorded end is written as a policy file writes it in a text format
/// such as JSON: its day, or `true` (passed) or `false` (not yet).
impl Serialize for RecordedEnd {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return match self {
                Self::On(day) => serializer.collect_str(day),
                Self::Passed => serializer.serialize_bool(true),
                Self::NotYet => serializer.serialize_bool(false),
            };
        }
        match *self {
            Self::On(day) => EndForm::On(day),
            Self::Passed => EndForm::Passed,
            Self::NotYet => EndForm::NotYet,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RecordedEnd {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// A day or a flag, as a policy file writes an end.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Flag(bool),
            Day(String),
        }
        if !deserializer.is_human_readable() {
            return Ok(match EndForm::deserialize(deserializer)? {
                EndForm::On(day) => Self::On(day),
                EndForm::Passed => Self::Passed,
                EndForm::NotYet => Self::NotYet,
            });
        }
        match Written::deserialize(deserializer)? {
            Written::Flag(true) => Ok(Self::Passed),
            Written::Flag(false) => Ok(Self::NotYet),
            Written::Day(text) => text.parse().map(Self::On).map_err(serde::de::Error::custom),
        }
    }
}

impl RecordedEnd {
    /// The day, when the history gives one.
    #[must_use]
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Self::On(date) => Some(date),
            Self::Passed | Self::NotYet => None,
        }
    }
}

/// The newest day `history` records, a release's or a patch's.
pub(crate) fn newest_recorded(history: &[Release]) -> Option<NaiveDate> {
    history
        .iter()
        .flat_map(|release| [Some(release.released), release.patches.newest_day()])
        .flatten()
        .max()
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

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
