//! A count of forecasts right out of those made, the days a history is
//! cut at, and the forecast of the next release, shared by the examples'
//! back-test (`backtest.rs`) and the catalogue's (`catalogue_backtest.rs`).

use chrono::{Datelike, NaiveDate};

use lts_policy::dates::add_months;
use lts_policy::{LineInfo, Policy};

/// The last day of each quarter in the two years before `end`.
pub fn cuts(end: NaiveDate) -> Vec<NaiveDate> {
    let mut cuts = Vec::new();
    for year in end.year() - 2..=end.year() {
        for quarter in 1..=4 {
            let cut = NaiveDate::from_ymd_opt(year, quarter * 3, 1)
                .and_then(|first| add_months(first, 1))
                .and_then(|first_of_next| first_of_next.pred_opt());
            if let Some(cut) = cut.filter(|&cut| cut < end && cut > end - chrono::Days::new(731)) {
                cuts.push(cut);
            }
        }
    }
    cuts
}

/// The first line `policy` projects after the day `cut`, within five
/// years.
pub fn first_projected_after(policy: &Policy, cut: NaiveDate) -> Option<LineInfo> {
    cut.succ_opt()
        .and_then(|after| policy.releases(Some(after), add_months(cut, 60), cut).ok())
        .and_then(|calendar| calendar.lines().next())
        .and_then(Result::ok)
}

/// Right and total forecasts of one kind.
#[derive(Default, Clone, Copy)]
pub struct Score {
    pub right: u32,
    pub total: u32,
}

impl Score {
    pub fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += u32::from(right);
    }

    pub fn merge(&mut self, other: Self) {
        self.right += other.right;
        self.total += other.total;
    }

    pub fn percent(self) -> String {
        match self.total {
            0 => "-".to_owned(),
            total => format!("{:.0}%", f64::from(self.right) * 100.0 / f64::from(total)),
        }
    }

    /// `right/total percent`, as the tables show it.
    pub fn cell(self) -> String {
        format!("{}/{} {}", self.right, self.total, self.percent())
    }
}
