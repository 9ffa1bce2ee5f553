//! A count of forecasts right out of those made, shared by the examples'
//! back-test (`backtest.rs`) and the catalogue's (`catalogue_backtest.rs`).

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
