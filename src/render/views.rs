//! The JSON shape of a release line, a patch and an audit finding, shared
//! by the answers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use lts_policy::audit::{AuditFinding, FindingDate};
use lts_policy::forecast::Range;
use lts_policy::lines::{Patch, Phase, RecordedEnd};
use lts_policy::rules::{BranchName, BranchTemplate};
use lts_policy::{Line, LineInfo, Policy, Role, SupportedLine, Version};

use super::findings;
use super::json::{Fields, IsoDate, JsonOut, Object, Shown, WriteJson, json_object, key};

/// Where each value of a line came from: `history` or `rules`.
pub struct Sources {
    pub(super) released: &'static str,
    pub(super) lts: &'static str,
    pub(super) eol: &'static str,
    pub(super) latest_patch: Option<&'static str>,
    pub(super) lts_from: Option<&'static str>,
    pub(super) active_until: &'static str,
}

impl Object for Sources {
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error> {
        fields.field(key!("released"), self.released)?;
        fields.field(key!("lts"), self.lts)?;
        fields.field(key!("eol"), self.eol)?;
        fields.some(key!("latest_patch"), &self.latest_patch)?;
        fields.field(key!("lts_from"), &self.lts_from)?;
        fields.field(key!("active_until"), self.active_until)
    }
}

/// Roles by name.
pub struct RoleNames<'a>(pub &'a [Role]);

impl Serialize for RoleNames<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|role| role.name()))
    }
}

impl WriteJson for RoleNames<'_> {
    fn write_json(&self, out: &mut JsonOut<'_>) -> anyhow::Result<()> {
        out.array(self.0.iter().map(|role| Ok(role.name())))
    }
}

impl RoleNames<'_> {
    /// The names, space-separated, for one CSV cell.
    pub fn joined(&self) -> String {
        let names: Vec<&str> = self.0.iter().map(|role| role.name()).collect();
        names.join(" ")
    }
}

/// One line, as `supported`, `backport-targets`, `releases` and `status`'s
/// `details` show it: its JSON fields, in order, are its `Object::fields`.
pub struct LineView<'a> {
    pub(super) line: Shown<Line>,
    pub(super) released: IsoDate,
    /// For a projected release, the days between which it falls with 80%
    /// confidence (`{"from", "to"}`); null for a recorded one, or where the
    /// track record is too short to say.
    released_range: Option<RangeView>,
    pub(super) lts: bool,
    /// The first day without support; null where no day is known (see
    /// `eol_by`).
    pub(super) eol: Option<IsoDate>,
    /// The same for an end counted from a projected release.
    eol_range: Option<RangeView>,
    /// What ends support on the eol: `next_release`, `support_period`,
    /// `superseded`, `lts_support_period`, `lts_superseded`, `announced`,
    /// `overdue` (supported on the history's last day, past the rules'
    /// end: the day after), `ended_undated` (ended, on a day the history
    /// does not give: eol null) or `no_later_line` (nothing ends it: eol
    /// null).
    pub(super) eol_by: &'static str,
    /// The line whose release ends support, for `next_release`,
    /// `superseded` and `lts_superseded`.
    pub(super) eol_by_line: Option<Shown<Line>>,
    pub(super) lts_until: Option<IsoDate>,
    /// The day an LTS line becomes LTS; null for a line that is not LTS.
    pub(super) lts_from: Option<IsoDate>,
    /// The end of active support: security fixes only from then on; null
    /// where no day is known.
    pub(super) active_until: Option<IsoDate>,
    /// The end of extended support (after the eol, never counted as
    /// support), where the history records one: its first day without it,
    /// or `true` (passed) or `false` (not by the history's last day).
    extended_until: Option<EndView>,
    /// When it was sold no more (hardware), where the history says, as
    /// `extended_until` is written.
    discontinued: Option<EndView>,
    /// The phase on the date asked about (`active` or `security`), for a
    /// supported line; null when it is not supported.
    pub(super) phase: Phased,
    pub(super) branch: Shown<BranchName<'a>>,
    pub(super) roles: Option<RoleNames<'a>>,
    pub(super) latest_patch: Option<Shown<&'a Version>>,
    pub(super) days_left: Option<i64>,
    pub(super) projected: bool,
    /// Due on or before the history's `history_as_of`, and not in it.
    pub(super) overdue: bool,
    pub(super) source: Sources,
}

/// An end the history records, in JSON: its day, or whether it has passed.
struct EndView(RecordedEnd);

impl Serialize for EndView {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            RecordedEnd::On(day) => IsoDate(day).serialize(serializer),
            RecordedEnd::Passed => serializer.serialize_bool(true),
            _ => serializer.serialize_bool(false),
        }
    }
}

impl WriteJson for EndView {
    fn write_json(&self, out: &mut JsonOut<'_>) -> anyhow::Result<()> {
        match self.0 {
            RecordedEnd::On(day) => out.date(day),
            RecordedEnd::Passed => out.bool(true),
            _ => out.bool(false),
        }
    }
}

/// An 80% range in JSON.
struct RangeView {
    from: IsoDate,
    to: IsoDate,
}

impl Object for RangeView {
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error> {
        fields.field(key!("from"), &self.from)?;
        fields.field(key!("to"), &self.to)
    }
}

impl RangeView {
    fn of(range: Range) -> Self {
        Self {
            from: IsoDate(range.from),
            to: IsoDate(range.to),
        }
    }
}

impl Object for LineView<'_> {
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error> {
        fields.field(key!("line"), &self.line)?;
        fields.field(key!("released"), &self.released)?;
        fields.field(key!("released_range"), &self.released_range)?;
        fields.field(key!("lts"), &self.lts)?;
        fields.field(key!("eol"), &self.eol)?;
        fields.field(key!("eol_range"), &self.eol_range)?;
        fields.field(key!("eol_by"), self.eol_by)?;
        fields.some(key!("eol_by_line"), &self.eol_by_line)?;
        fields.field(key!("lts_until"), &self.lts_until)?;
        fields.field(key!("lts_from"), &self.lts_from)?;
        fields.field(key!("active_until"), &self.active_until)?;
        fields.some(key!("extended_until"), &self.extended_until)?;
        fields.some(key!("discontinued"), &self.discontinued)?;
        // Left out of a calendar, which is about no one day; null on a day
        // the line is not supported.
        match self.phase {
            Phased::Undated => fields.skip(key!("phase"))?,
            Phased::On(_) => fields.field(key!("phase"), &self.phase)?,
        }
        fields.field(key!("branch"), &self.branch)?;
        fields.some(key!("roles"), &self.roles)?;
        fields.some(key!("latest_patch"), &self.latest_patch)?;
        fields.some(key!("days_left"), &self.days_left)?;
        fields.field(key!("projected"), &self.projected)?;
        fields.field(key!("overdue"), &self.overdue)?;
        fields.field(key!("source"), &self.source)
    }
}

json_object!(LineView<'_> => "LineView", Sources => "Sources", RangeView => "RangeView");

impl<'a> LineView<'a> {
    pub fn new(info: &LineInfo, branch: &'a BranchTemplate) -> Self {
        let eol_by_line = info.eol_reason.line().cloned().map(Shown);
        Self {
            line: Shown(info.line.clone()),
            released: IsoDate(info.released),
            released_range: info.released_range.map(RangeView::of),
            lts: info.lts,
            eol: info.eol.map(IsoDate),
            eol_range: info.eol_range.map(RangeView::of),
            eol_by: info.eol_reason.name(),
            eol_by_line,
            lts_until: info.lts_until().map(IsoDate),
            lts_from: info.lts_from.map(IsoDate),
            active_until: info.active_until.map(IsoDate),
            extended_until: info.extended.map(EndView),
            discontinued: info.discontinued.map(EndView),
            phase: Phased::Undated,
            branch: Shown(branch.name(&info.line)),
            roles: None,
            latest_patch: None,
            days_left: None,
            projected: info.is_projected(),
            overdue: info.overdue,
            source: Sources {
                released: info.released_source.name(),
                lts: info.lts_source.name(),
                eol: info.eol_source.name(),
                latest_patch: None,
                lts_from: info.lts_from.map(|_| info.lts_from_source.name()),
                active_until: info.active_source.name(),
            },
        }
    }

    pub fn supported(line: &'a SupportedLine, branch: &'a BranchTemplate) -> Self {
        let mut view = Self::new(&line.info, branch);
        view.roles = Some(RoleNames(&line.roles));
        view.days_left = line.days_left;
        view.phase = Phased::On(Some(line.phase));
        view.with_patch(line.latest_patch.as_ref())
    }

    /// The view of a line asked about on a date: its phase then, if supported.
    pub fn on_date(mut self, phase: Option<Phase>) -> Self {
        self.phase = Phased::On(phase);
        self
    }

    pub fn with_patch(mut self, patch: Option<&'a Patch>) -> Self {
        self.latest_patch = patch.map(|patch| Shown(&patch.version));
        self.source.latest_patch = patch.map(|patch| patch.source.name());
        self
    }

    /// The line's name.
    pub fn line(&self) -> &Line {
        &self.line.0
    }

    /// Its branch name.
    pub fn branch(&self) -> String {
        self.branch.0.to_string()
    }
}

/// A line's phase in an answer about a date, or none for a calendar.
pub(super) enum Phased {
    /// The answer is not about one date.
    Undated,
    /// The phase on the date, `None` when the line is not supported then.
    On(Option<Phase>),
}

impl Phased {
    pub(super) fn name(&self) -> Option<&'static str> {
        match self {
            Self::On(Some(phase)) => Some(phase.name()),
            _ => None,
        }
    }
}

impl Serialize for Phased {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.name().serialize(serializer)
    }
}

impl WriteJson for Phased {
    fn write_json(&self, out: &mut JsonOut<'_>) -> anyhow::Result<()> {
        self.name().write_json(out)
    }
}

/// A version with its date and source.
#[derive(Serialize)]
pub struct PatchView {
    version: String,
    released: String,
    source: &'static str,
}

impl PatchView {
    pub fn new(patch: &Patch) -> Self {
        Self {
            version: patch.version.to_string(),
            released: patch.released.to_string(),
            source: patch.source.name(),
        }
    }
}

/// One audit finding: its kind, the lines and dates involved, and a message.
#[derive(Serialize)]
pub struct FindingView {
    pub(super) kind: &'static str,
    pub(super) lines: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) version: Option<String>,
    pub(super) dates: FindingDates,
    /// Days late (negative: early), short, or long, as the kind says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) days: Option<i64>,
    /// For an end off a stated rule, the phase it ends (`support`,
    /// `active`) and the rule as the record states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) phase: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) rule: Option<String>,
    pub(super) projected: bool,
    pub(super) message: String,
}

impl FindingView {
    pub fn new(found: &AuditFinding, policy: &Policy) -> Self {
        let finding = &found.finding;
        let subject = finding.subject();
        Self {
            kind: finding.kind(),
            lines: subject.lines.iter().map(ToString::to_string).collect(),
            version: subject.version.map(ToString::to_string),
            dates: FindingDates(subject.dates),
            days: finding.days(),
            phase: finding.stated_rule().map(|(phase, _)| phase.name()),
            rule: finding.stated_rule().map(|(_, rule)| rule.to_owned()),
            projected: found.projected,
            message: findings::message(finding, policy),
        }
    }

    /// The message, for `--format plain`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The dates a finding names, as JSON writes them: an object from each
/// date's name to the date, the names in alphabetical order.
pub struct FindingDates(pub(super) Vec<(FindingDate, NaiveDate)>);

impl Serialize for FindingDates {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let by_name: BTreeMap<&str, IsoDate> = self
            .0
            .iter()
            .map(|&(name, date)| (name.name(), IsoDate(date)))
            .collect();
        serializer.collect_map(by_name)
    }
}

/// One `--explain` paragraph.
#[derive(Serialize)]
pub struct ExplanationView {
    pub line: String,
    pub supported: bool,
    pub explanation: String,
}
