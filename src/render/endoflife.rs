//! `releases --format endoflife`: endoflife.date's release cycles, newest
//! first, with its dates as endoflife.date writes them: an end is the last
//! day of its phase, the day before lts-policy's. A cycle the rules
//! project says so (`"projected": true`, a field endoflife.date ignores),
//! and `--endoflife` reads the export back without taking it for a fact.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use lts_policy::calendar::Calendar;
use lts_policy::lines::{ActiveEnd, EolReason, RecordedEnd};
use lts_policy::{LineInfo, Policy, PolicyError, Source};

use super::json::{self, IsoDate, Shown, Stream};

/// endoflife.date's release-cycle shape, as its product files name it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Cycle {
    release_cycle: Shown<lts_policy::Line>,
    release_date: IsoDate,
    lts: Lts,
    /// End of active support, for a policy of two phases; endoflife.date
    /// gives none for a product of one.
    #[serde(skip_serializing_if = "Option::is_none")]
    support: Option<End>,
    eol: End,
    #[serde(skip_serializing_if = "Option::is_none")]
    extended_support: Option<End>,
    #[serde(skip_serializing_if = "Option::is_none")]
    discontinued: Option<End>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest_release_date: Option<IsoDate>,
    /// A cycle the rules project, not one the history records.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    projected: bool,
}

/// `lts` as endoflife.date writes it: a flag, or the day a line becomes LTS.
#[derive(Serialize)]
#[serde(untagged)]
enum Lts {
    Flag(bool),
    From(IsoDate),
}

/// An end as endoflife.date writes it: the last day of the phase, or
/// whether it has passed (`true`) or not (`false`).
enum End {
    LastDay(NaiveDate),
    Passed(bool),
}

impl Serialize for End {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::LastDay(day) => IsoDate(*day).serialize(serializer),
            Self::Passed(passed) => serializer.serialize_bool(*passed),
        }
    }
}

impl End {
    /// The end lts-policy gives (its first day without the phase), from
    /// `source`, for a line released on or before `as_of`, the day the
    /// history is complete up to: its last day where the history records
    /// it, or where it has come by `as_of`; `false` (not passed) where only
    /// the rules put it later, which a record states no day for. A
    /// projected cycle's ends are all the rules'.
    fn of(day: Option<NaiveDate>, source: Source, projected: bool, as_of: NaiveDate) -> Self {
        match day {
            Some(day) if projected || source == Source::History || day <= as_of => {
                day.pred_opt().map_or(Self::Passed(true), Self::LastDay)
            }
            _ => Self::Passed(false),
        }
    }

    /// An end the history records.
    fn recorded(end: RecordedEnd) -> Self {
        match end {
            RecordedEnd::On(day) => day.pred_opt().map_or(Self::Passed(true), Self::LastDay),
            RecordedEnd::Passed => Self::Passed(true),
            _ => Self::Passed(false),
        }
    }
}

/// The LTS starts the history dates, by line: dated in the export even on
/// the release day, as the record wrote them.
type DatedStarts<'p> = HashMap<&'p lts_policy::Line, NaiveDate>;

fn cycle(
    policy: &Policy,
    dated_starts: &DatedStarts,
    info: &LineInfo,
    on: NaiveDate,
) -> Result<Cycle, PolicyError> {
    let projected = info.is_projected();
    let as_of = policy.history_as_of();
    // A recorded line's newest version is its newest recorded one: a patch
    // the rules project is no release to record.
    let latest = if projected {
        policy.newest_or_first_version(info, on)?
    } else {
        policy.newest_recorded_version(info, on.max(info.released))
    };
    let eol = match (info.eol, &info.eol_reason) {
        (None, EolReason::EndedUndated { .. }) => End::Passed(true),
        (eol, _) => End::of(eol, info.eol_source, projected, as_of),
    };
    Ok(Cycle {
        release_cycle: Shown(info.line.clone()),
        release_date: IsoDate(info.released),
        // `true` reads back as the day the rules say: a start the history
        // dates on the release day (Ember 5.12) is written as dated.
        lts: match info.lts_from {
            Some(from) if from > info.released || dated_starts.get(&info.line) == Some(&from) => {
                Lts::From(IsoDate(from))
            }
            _ => Lts::Flag(info.lts),
        },
        support: policy.has_phases().then(|| match info.active_end {
            ActiveEnd::EndedUndated => End::Passed(true),
            _ => End::of(info.active_until, info.active_source, projected, as_of),
        }),
        eol,
        extended_support: info.extended.map(End::recorded),
        discontinued: info.discontinued.map(End::recorded),
        latest_release_date: latest.as_ref().map(|patch| IsoDate(patch.released)),
        latest: latest.map(|patch| patch.version.to_string()),
        projected,
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
    let dated_starts: DatedStarts = policy
        .history()
        .iter()
        .filter_map(|release| Some((&release.line, release.lts_from?)))
        .collect();
    let cycles = calendar
        .lines()
        .rev()
        .map(|info| cycle(policy, &dated_starts, &info?, on));
    json::write(&Stream::new(cycles), true, out)
}
