//! The CSV rows of the tables of lines and of audit findings, made from
//! the JSON views: a row's fields are its columns, in order, and the
//! parts two tables share are declared once. A table's columns are a
//! contract (README: CSV), kept whatever the answer.

use serde::Serialize;

use lts_policy::audit::FindingDate;

use super::csv::Cell;
use super::json::IsoDate;
use super::views::{FindingView, LineView, RoleNames};

/// A line in a calendar: `releases`.
pub type CalendarRow = (LineHead, LineStanding, LineStarts, StartSources);

/// A line on the day asked about: `supported`, `backport-targets`.
pub type SupportedRow = (
    LineHead,
    OnTheDay,
    LineStanding,
    PatchSource,
    LineStarts,
    PhaseOnTheDay,
    StartSources,
);

/// `view` as a row of a calendar.
pub fn calendar_row(view: &LineView) -> CalendarRow {
    (
        LineHead::of(view),
        LineStanding::of(view),
        LineStarts::of(view),
        StartSources::of(view),
    )
}

/// `view`, a line on the day asked about, as a row.
pub fn supported_row(view: &LineView) -> SupportedRow {
    (
        LineHead::of(view),
        OnTheDay::of(view),
        LineStanding::of(view),
        PatchSource {
            source_latest_patch: view.source.latest_patch,
        },
        LineStarts::of(view),
        PhaseOnTheDay {
            phase: view.phase.name(),
        },
        StartSources::of(view),
    )
}

/// What a line is, and until when it is supported: the first columns of
/// every table of lines.
#[derive(Serialize, Default)]
pub struct LineHead {
    line: Cell,
    released: IsoDate,
    lts: bool,
    eol: Option<IsoDate>,
    eol_by: &'static str,
    eol_by_line: Option<Cell>,
    lts_until: Option<IsoDate>,
    branch: Cell,
}

impl LineHead {
    fn of(view: &LineView) -> Self {
        Self {
            line: Cell::of(&view.line.0),
            released: view.released,
            lts: view.lts,
            eol: view.eol,
            eol_by: view.eol_by,
            eol_by_line: view.eol_by_line.as_ref().map(|line| Cell::of(&line.0)),
            lts_until: view.lts_until,
            branch: Cell::of(&view.branch.0),
        }
    }
}

/// A supported line's roles, newest version and days left on the day.
#[derive(Serialize, Default)]
pub struct OnTheDay {
    roles: String,
    latest_patch: Option<Cell>,
    days_left: Option<i64>,
}

impl OnTheDay {
    fn of(view: &LineView) -> Self {
        Self {
            roles: view
                .roles
                .as_ref()
                .map(RoleNames::joined)
                .unwrap_or_default(),
            latest_patch: view.latest_patch.as_ref().map(|patch| Cell::of(patch.0)),
            days_left: view.days_left,
        }
    }
}

/// Whether only the rules give a line, and where its dates come from.
#[derive(Serialize, Default)]
pub struct LineStanding {
    projected: bool,
    overdue: bool,
    source_released: &'static str,
    source_lts: &'static str,
    source_eol: &'static str,
}

impl LineStanding {
    fn of(view: &LineView) -> Self {
        Self {
            projected: view.projected,
            overdue: view.overdue,
            source_released: view.source.released,
            source_lts: view.source.lts,
            source_eol: view.source.eol,
        }
    }
}

/// Where a supported line's newest version comes from.
#[derive(Serialize, Default)]
pub struct PatchSource {
    source_latest_patch: Option<&'static str>,
}

/// When a line becomes LTS and when its active support ends.
#[derive(Serialize, Default)]
pub struct LineStarts {
    lts_from: Option<IsoDate>,
    active_until: Option<IsoDate>,
}

impl LineStarts {
    fn of(view: &LineView) -> Self {
        Self {
            lts_from: view.lts_from,
            active_until: view.active_until,
        }
    }
}

/// A supported line's phase on the day.
#[derive(Serialize, Default)]
pub struct PhaseOnTheDay {
    phase: Option<&'static str>,
}

/// Where the days of [`LineStarts`] come from.
#[derive(Serialize, Default)]
pub struct StartSources {
    source_lts_from: Option<&'static str>,
    source_active_until: &'static str,
}

impl StartSources {
    fn of(view: &LineView) -> Self {
        Self {
            source_lts_from: view.source.lts_from,
            source_active_until: view.source.active_until,
        }
    }
}

/// An audit finding: every date a finding may name has its column, which
/// each finding fills with those it has.
#[derive(Serialize, Default)]
pub struct FindingRow {
    kind: &'static str,
    lines: Cell,
    version: Option<Cell>,
    released: Option<IsoDate>,
    previous_released: Option<IsoDate>,
    due: Option<IsoDate>,
    promised: Option<IsoDate>,
    until: Option<IsoDate>,
    from: Option<IsoDate>,
    to: Option<IsoDate>,
    eol: Option<IsoDate>,
    recorded: Option<IsoDate>,
    stated: Option<IsoDate>,
    days: Option<i64>,
    phase: Option<&'static str>,
    rule: Option<Cell>,
    projected: bool,
    message: Cell,
}

impl FindingRow {
    pub fn of(view: &FindingView) -> Self {
        let mut row = Self {
            kind: view.kind,
            lines: Cell::of(view.lines.join(" ")),
            version: view.version.as_ref().map(Cell::of),
            days: view.days,
            phase: view.phase,
            rule: view.rule.as_ref().map(Cell::of),
            projected: view.projected,
            message: Cell::of(&view.message),
            ..Self::default()
        };
        for &(name, date) in &view.dates.0 {
            let column = match name {
                FindingDate::Released => &mut row.released,
                FindingDate::PreviousReleased => &mut row.previous_released,
                FindingDate::Due => &mut row.due,
                FindingDate::Promised => &mut row.promised,
                FindingDate::Until => &mut row.until,
                FindingDate::From => &mut row.from,
                FindingDate::To => &mut row.to,
                FindingDate::Eol => &mut row.eol,
                FindingDate::Recorded => &mut row.recorded,
                FindingDate::Stated => &mut row.stated,
                // A date a later model names has no column of its own.
                _ => continue,
            };
            *column = Some(IsoDate(date));
        }
        row
    }
}
