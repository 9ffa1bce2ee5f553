//! The labelled ticks along a timeline's axis, for the text picture and the
//! SVG alike: every month where the names fit, else every quarter, year,
//! decade, century or millennium, the finest step at which no label runs
//! into the next one.

use chrono::{Datelike, NaiveDate};

use lts_policy::calendar::Timeline;

/// How far apart the ticks of an axis are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Step {
    /// Every step, the finest first: the order they are tried in.
    const FINEST_FIRST: [Self; 6] = [
        Self::Month,
        Self::Quarter,
        Self::Year,
        Self::Decade,
        Self::Century,
        Self::Millennium,
    ];

    /// The finest step for which `fits` holds; the coarsest when none does
    /// (thousands of years over a few columns), whose crowded labels
    /// [`Ruler::keep`] then thins one by one.
    pub fn finest(fits: impl Fn(Self) -> bool) -> Self {
        Self::FINEST_FIRST
            .into_iter()
            .find(|step| fits(*step))
            .unwrap_or(Self::Millennium)
    }

    /// Whether the ticks name months, a year's worth or less apart, rather
    /// than years.
    pub fn names_months(self) -> bool {
        self < Self::Year
    }

    /// The first day of each of the step's periods shown: its ticks.
    pub fn starts(self, timeline: &Timeline) -> impl Iterator<Item = NaiveDate> + use<> {
        timeline
            .month_starts()
            .filter(move |month| self.begins(*month))
    }

    /// Whether a period of this step begins with `month`, a month's first
    /// day: decades and longer begin with the years their length divides,
    /// as 2020 and 2000 do.
    fn begins(self, month: NaiveDate) -> bool {
        let every_years = |years: i32| month.month() == 1 && month.year() % years == 0;
        match self {
            Self::Month => true,
            Self::Quarter => month.month() % 3 == 1,
            Self::Year => every_years(1),
            Self::Decade => every_years(10),
            Self::Century => every_years(100),
            Self::Millennium => every_years(1000),
        }
    }
}

/// A label's text and where it starts along the axis, in the renderer's
/// unit (columns, or pixels).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub start: f64,
    pub text: String,
}

/// How wide labels are and where the axis ends, in the renderer's unit.
pub struct Ruler {
    /// The width of a character: one column, or the SVG's estimate.
    pub char_width: f64,
    /// The last position a label may reach.
    pub end: f64,
}

impl Ruler {
    fn right_edge(&self, label: &Label) -> f64 {
        label.start + label.text.chars().count() as f64 * self.char_width
    }

    /// Whether `next` starts at least a character's width after `label`
    /// ends: "Jan 2016Apr" is the crowding this keeps out.
    pub fn clear_of(&self, label: &Label, next: &Label) -> bool {
        self.right_edge(label) + self.char_width <= next.start
    }

    /// Whether every label that ends within the axis stands clear of the
    /// one before it. A label past the end (a year begun on the last day)
    /// is left out by [`Ruler::keep`], not counted as crowding.
    pub fn fits(&self, labels: &[Label]) -> bool {
        let within: Vec<&Label> = labels
            .iter()
            .filter(|label| self.right_edge(label) <= self.end)
            .collect();
        within
            .windows(2)
            .all(|pair| self.clear_of(pair[0], pair[1]))
    }

    /// The labels to draw: those within the axis, each clear of the last
    /// one kept (all of them within the axis, when they fit).
    pub fn keep(&self, labels: Vec<Label>) -> Vec<Label> {
        let mut kept: Vec<Label> = Vec::with_capacity(labels.len());
        for label in labels {
            let clear = kept.last().is_none_or(|last| self.clear_of(last, &label));
            if clear && self.right_edge(&label) <= self.end {
                kept.push(label);
            }
        }
        kept
    }
}
