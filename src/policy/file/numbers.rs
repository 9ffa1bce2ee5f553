//! The numbers of a file checked against their bounds, and which of a
//! set of fields are given: what every checker of rule terms shares.

use super::found::Unit;
use super::problem::Problem;
use super::problems::{Given, Path, Problems};

/// Largest accepted cadence or support period: a century.
pub(crate) const MAX_MONTHS: u64 = 1200;
/// Largest accepted cadence in weeks: ten years.
pub(super) const MAX_WEEKS: u64 = 520;
/// Largest accepted support period in weeks: a century.
pub(crate) const MAX_PERIOD_WEEKS: u64 = 5_218;
/// Largest accepted count of lines: for `until_next`, `lts_in_parallel`.
pub(crate) const MAX_LINES: u64 = 100;
/// Largest accepted `lts.every`: what the first form allows, an LTS every
/// 1200 months of monthly minors.
pub(super) const MAX_EVERY: u64 = MAX_MONTHS;
/// Largest accepted `after_minor`.
pub(super) const MAX_MINOR: u64 = 10_000;

/// A number from `min` to `max` that fits in 32 bits (every bound does),
/// or a problem at `path`.
pub(super) fn bounded(
    problems: &mut Problems,
    path: &Path,
    found: u64,
    (min, max): (u64, u64),
    unit: Unit,
) -> Option<u32> {
    if (min..=max).contains(&found) {
        return u32::try_from(found).ok();
    }
    let problem = Problem::OutOfBounds {
        found,
        min,
        max,
        unit,
    };
    problems.add(path, problem);
    None
}

/// The names of the fields of `names` that are given, valid or not.
pub(super) fn given_names(fields: &[(&'static str, bool)]) -> Vec<&'static str> {
    fields
        .iter()
        .filter_map(|&(name, given)| given.then_some(name))
        .collect()
}

/// A number field: `Some(Some(n))` valid, `Some(None)` given but wrong,
/// `None` absent.
pub(super) fn number(
    problems: &mut Problems,
    value: &Option<u64>,
    path: &Path,
    bounds: (u64, u64),
    unit: Unit,
) -> Option<Option<u32>> {
    match problems.given(value, path) {
        Given::Absent => None,
        Given::Invalid => Some(None),
        Given::Value(&found) => Some(bounded(problems, path, found, bounds, unit)),
    }
}
