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
    lts: Lts,
    /// End of active support, for a policy of two phases; endoflife.date
    /// gives none for a product of one.
    #[serde(skip_serializing_if = "Option::is_none")]
    support: Option<IsoDate>,
    eol: IsoDate,
    latest: String,
    latest_release_date: IsoDate,
}

/// `lts` as endoflife.date writes it: a flag, or the day a line becomes LTS
/// after its release.
#[derive(Serialize)]
#[serde(untagged)]
enum Lts {
    Flag(bool),
    From(IsoDate),
}

fn cycle(policy: &Policy, info: &LineInfo, on: NaiveDate) -> Result<Cycle, PolicyError> {
    let latest = policy.newest_or_first_version(info, on)?;
    Ok(Cycle {
        release_cycle: Shown(info.line),
        release_date: IsoDate(info.released),
        lts: match info.lts_from {
            Some(from) if from > info.released => Lts::From(IsoDate(from)),
            _ => Lts::Flag(info.lts),
        },
        support: policy.has_phases().then_some(IsoDate(info.active_until)),
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
