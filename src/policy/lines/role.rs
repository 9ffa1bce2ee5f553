//! The roles that make a line supported on a date.

use std::fmt;

/// Why a line is supported on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// The newest line released.
    Latest,
    /// The newest LTS line, while it is maintained as such.
    LatestLts,
    /// Any older LTS line still maintained as such.
    PreviousLts,
    /// Any other line still supported: by the support rule, past its LTS
    /// window, or until an end the history announces.
    Maintained,
}

impl Role {
    /// The name users and JSON see: `latest`, `latest-lts`, `previous-lts`,
    /// `maintained`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Latest => "latest",
            Self::LatestLts => "latest-lts",
            Self::PreviousLts => "previous-lts",
            Self::Maintained => "maintained",
        }
    }

    /// Whether the role is one of an LTS line maintained as such.
    #[must_use]
    pub fn is_lts(self) -> bool {
        matches!(self, Self::LatestLts | Self::PreviousLts)
    }
}

/// `latest`, `latest-lts`, `previous-lts`, `maintained`.
impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
