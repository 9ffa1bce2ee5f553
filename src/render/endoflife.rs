//! `releases --format endoflife`: endoflife.date's release cycles, newest
//! first.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use lts_policy::calendar::Calendar;
use lts_policy::{LineInfo, Policy, PolicyError};

use super::json::{self, IsoDate, Shown, Stream};

/// endoflife.date's release-cycle shape.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Cycle {
    release_cycle: Shown<lts_policy::Line>,
    release_date: IsoDate,
    lts: bool,
    /// End of active support: the day the line stops being the latest.
    support: IsoDate,
    eol: IsoDate,
    latest: String,
    latest_release_date: IsoDate,
}

fn cycle(policy: &Policy, info: &LineInfo, on: NaiveDate) -> Result<Cycle, PolicyError> {
    let latest = policy.newest_or_first_version(info, on)?;
    Ok(Cycle {
        release_cycle: Shown(info.line),
        release_date: IsoDate(info.released),
        lts: info.lts,
        support: IsoDate(info.latest_until),
        eol: IsoDate(info.eol),
        latest: latest.version.to_string(),
        latest_release_date: IsoDate(latest.released),
    })
}

/// Writes each line with its newest version on `on` (its `.0` when it comes later).
///
/// # Errors
/// An error of the model met while the calendar is read, or of the output.
pub fn write(
    policy: &Policy,
    calendar: &Calendar,
    on: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    let cycles = calendar.lines().rev().map(|info| cycle(policy, &info?, on));
    json::write(&Stream::new(cycles), true, out)
}
