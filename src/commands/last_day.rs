//! Dates have four-digit years: what an answer writes ends on [`LAST_DAY`],
//! 9999-12-31. A calendar ends before the first line whose dates run past
//! it, with a note; an answer about one day that would name such a date is
//! refused. The model computes further (to chrono's year 262142); only what
//! is written is bounded.

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use lts_policy::calendar::Calendar;
use lts_policy::dates::LAST_DAY;
use lts_policy::{LineInfo, Policy};

/// Refuses an answer that would write the lines of `infos` when one of
/// their dates runs past [`LAST_DAY`].
///
/// # Errors
/// The first line with such a date.
pub fn check<'a>(infos: impl IntoIterator<Item = &'a LineInfo>) -> Result<()> {
    match infos.into_iter().find(|info| info.latest_date() > LAST_DAY) {
        Some(info) => Err(runs_past(info)),
        None => Ok(()),
    }
}

/// Refuses an answer that would write `day`, `what` it is, past
/// [`LAST_DAY`].
///
/// # Errors
/// `day`, past 9999-12-31.
pub fn check_day(day: NaiveDate, what: &str) -> Result<()> {
    if day > LAST_DAY {
        bail!(
            "{what} falls after {LAST_DAY}, and dates have four-digit years: ask about an \
             earlier day"
        );
    }
    Ok(())
}

/// The error of an answer that would write `info`, whose dates run past
/// [`LAST_DAY`].
fn runs_past(info: &LineInfo) -> anyhow::Error {
    anyhow!(
        "{}'s dates run past {LAST_DAY} (its support ends after it), and dates have four-digit \
         years: ask about an earlier day",
        info.line
    )
}

/// `calendar`, ended on [`LAST_DAY`] at the latest and before the first
/// line whose dates run past it, worked out before anything is written;
/// with a note when it ends earlier than asked.
///
/// # Errors
/// A calendar whose first line runs past 9999-12-31, or an error of the
/// model met while its lines are read.
pub fn fitting<'p>(
    policy: &'p Policy,
    calendar: Calendar<'p>,
    on: NaiveDate,
) -> Result<(Calendar<'p>, Option<String>)> {
    let first_late = calendar.first_line_past(LAST_DAY)?;
    let end = match &first_late {
        Some(late) => late.released.pred_opt().unwrap_or(late.released),
        None => calendar.to(),
    }
    .min(LAST_DAY);
    if end == calendar.to() {
        return Ok((calendar, None));
    }
    if let Some(late) = first_late.as_ref().filter(|_| end < calendar.from()) {
        return Err(runs_past(late));
    }
    let note = match &first_late {
        Some(late) => format!(
            "note: the calendar ends on {end}, before {} (released {}), whose support runs \
             past {LAST_DAY}: dates have four-digit years",
            late.line, late.released
        ),
        None => format!("note: the calendar ends on {end}: dates have four-digit years"),
    };
    let fitting = policy.releases(Some(calendar.from()), Some(end), on)?;
    Ok((fitting, Some(note)))
}
