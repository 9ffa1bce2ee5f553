//! The suppressions a team commits beside its stack: a product it knows is
//! out of support (or one of its lines), why, and the last day that holds.

use chrono::NaiveDate;

use super::matcher::Verdict;

/// One suppression: it holds for `product` (every line, or `line` alone)
/// up to and including `until`, and lapses after it.
///
/// ```
/// use lts_policy::parse_date;
/// use lts_policy::stack::Suppression;
/// let waiver = Suppression {
///     product: "nodejs",
///     line: Some("18".to_owned()),
///     reason: "upgrade planned".to_owned(),
///     until: parse_date("2026-06-30").unwrap(),
/// };
/// // Its last day it still holds; the day after, it has lapsed.
/// assert!(!waiver.lapsed(parse_date("2026-06-30").unwrap()));
/// assert!(waiver.lapsed(parse_date("2026-07-01").unwrap()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The product's name in the catalogue.
    pub product: &'static str,
    /// The one line it covers; every line of the product without it.
    pub line: Option<String>,
    /// Why: shown with each component it covers.
    pub reason: String,
    /// The last day it holds.
    pub until: NaiveDate,
}

impl Suppression {
    /// Whether it covers `verdict`'s product and line on `on`.
    #[must_use]
    pub fn covers(&self, verdict: &Verdict, on: NaiveDate) -> bool {
        !self.lapsed(on)
            && self.product == verdict.product.name
            && self
                .line
                .as_ref()
                .is_none_or(|line| *line == verdict.status.line.to_string())
    }

    /// Whether it has lapsed by `on`: past its last day, it covers nothing
    /// and fails the scan.
    #[must_use]
    pub fn lapsed(&self, on: NaiveDate) -> bool {
        self.until < on
    }
}
