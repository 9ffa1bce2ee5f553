//! A value beside where it came from, for the values a flag may give or
//! the program may choose itself: which of the two decides what is done
//! with the value, and the source names it in what is said about it.

use std::fmt;
use std::path::{Path, PathBuf};

/// A value and where it came from.
pub struct Sourced<T> {
    pub value: T,
    pub source: Origin,
}

/// Where a value came from.
#[derive(Debug)]
pub enum Origin {
    /// A flag, with the path it was given: `--git .`.
    Flag { flag: &'static str, given: PathBuf },
    /// No flag: the program's own choice (the embedded policy).
    Default,
}

impl<T> Sourced<T> {
    /// `value`, given by `flag` as `given`.
    pub fn flag(value: T, flag: &'static str, given: &Path) -> Self {
        Self {
            value,
            source: Origin::Flag {
                flag,
                given: given.to_owned(),
            },
        }
    }

    /// `value`, the program's own choice.
    pub fn default(value: T) -> Self {
        Self {
            value,
            source: Origin::Default,
        }
    }

    /// Whether a flag gave the value.
    pub fn is_given(&self) -> bool {
        matches!(self.source, Origin::Flag { .. })
    }
}

impl fmt::Display for Origin {
    /// As the command line wrote it: `--git .`, `--endoflife -`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Flag { flag, given } => write!(f, "{flag} {}", given.display()),
            Self::Default => f.write_str("the default"),
        }
    }
}
