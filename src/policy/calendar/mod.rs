//! Ranges of days: the calendar of releases between two dates, and the
//! timeline of support around a date, each worked out as it is read.
//!
//! ```
//! use lts_policy::{Policy, parse_date};
//! let kestra = Policy::kestra()?;
//! let (from, to) = (parse_date("2026-09-01")?, parse_date("2027-01-31")?);
//! let calendar = kestra.releases(Some(from), Some(to), from)?;
//! let lines: Vec<String> = calendar.lines().map(|l| l.map(|l| l.line.to_string())).collect::<Result<_, _>>()?;
//! assert_eq!(lines, ["2.0", "2.1", "2.2"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod past;
pub(crate) mod range;
pub(crate) mod releases;
pub(crate) mod timeline;

pub use range::{DefaultPeriod, RangeEnd};
pub use releases::{Calendar, Lines};
pub use timeline::{Part, Rows, Segment, Timeline, TimelineRow};
