//! A history as the fit reads it.

use chrono::NaiveDate;

use super::track;
use crate::policy::lines::release::{Release, newest_recorded};
use crate::policy::rules::schedule::Schedule;

/// A history as the fit reads it: the lines in the order they came out
/// (two on one day in line order), and the newest day it records, from
/// which the weights count back.
pub(super) struct Seen<'h> {
    pub(super) lines: Vec<&'h Release>,
    pub(super) newest: NaiveDate,
    /// The schedule new lines come on, once fitted (or stated): what the
    /// lines the history does not have yet are foreseen by.
    pub(super) releases: Option<Schedule>,
}

impl<'h> Seen<'h> {
    pub(super) fn new(history: &'h [Release]) -> Self {
        let newest = newest_recorded(history).unwrap_or(NaiveDate::MIN);
        let mut lines: Vec<&Release> = history.iter().collect();
        lines.sort_by(|a, b| Release::release_order(a, b));
        Self {
            lines,
            newest,
            releases: None,
        }
    }

    /// The weight of a step on `day`.
    pub(super) fn weight(&self, day: NaiveDate) -> f64 {
        track::weight(day, self.newest)
    }

    /// Whether the line at `index` is declared LTS.
    pub(super) fn is_lts(&self, index: usize) -> bool {
        self.lines[index].lts == Some(true)
    }

    /// Whether the history declares any line LTS.
    pub(super) fn has_lts(&self) -> bool {
        (0..self.lines.len()).any(|index| self.is_lts(index))
    }
}
