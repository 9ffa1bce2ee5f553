//! The JSON shape of one release line and of one patch, shared by the answers.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use semver::Version;
use serde::{Serialize, Serializer};

use lts_policy::policy::{
    AuditFinding, BranchName, BranchTemplate, EolReason, Finding, Line, LineInfo, Patch, Policy,
    Role, Source, SupportedLine,
};

use crate::render::{eol_by_name, findings, source_name};

/// Where each value of a line came from: `history` or `rules`.
#[derive(Serialize)]
pub struct Sources {
    released: &'static str,
    lts: &'static str,
    eol: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest_patch: Option<&'static str>,
}

/// A value written through its `Display`: dates, lines, versions and branch
/// names become JSON strings without a string allocated for each.
pub struct Shown<T>(pub T);

impl<T: fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Formatted on the stack, then written in one piece: serde_json's
        // collect_str escapes each fragment as it comes, which is slower.
        let mut buffer = StackText::default();
        match fmt::write(&mut buffer, format_args!("{}", self.0)) {
            Ok(()) => serializer.serialize_str(buffer.as_str()),
            Err(_) => serializer.collect_str(&self.0),
        }
    }
}

/// Up to 64 bytes of text; longer text makes `write_str` fail.
struct StackText {
    bytes: [u8; 64],
    len: usize,
}

impl Default for StackText {
    fn default() -> Self {
        Self {
            bytes: [0; 64],
            len: 0,
        }
    }
}

impl StackText {
    fn as_str(&self) -> &str {
        // Only whole `&str`s are ever copied in, so the bytes are UTF-8.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for StackText {
    // Byte by byte: the pieces are a few bytes long (dates come a digit at a
    // time), shorter than a call to memcpy is worth.
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for &byte in text.as_bytes() {
            *self.bytes.get_mut(self.len).ok_or(fmt::Error)? = byte;
            self.len += 1;
        }
        Ok(())
    }
}

/// A date as `YYYY-MM-DD`, written without the formatting machinery: a
/// calendar of 48,000 lines writes 150,000 of them.
pub struct IsoDate(pub NaiveDate);

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let date = self.0;
        let Ok(year) = u32::try_from(date.year()) else {
            return serializer.collect_str(&date);
        };
        if year > 9999 {
            // ISO 8601's expanded form, +10000-01-11, as Display writes it.
            return serializer.collect_str(&date);
        }
        let digit = |value: u32| b'0' + u8::try_from(value % 10).unwrap_or(0);
        let (month, day) = (date.month(), date.day());
        let text = [
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(month / 10),
            digit(month),
            b'-',
            digit(day / 10),
            digit(day),
        ];
        serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default())
    }
}

/// Roles by name.
pub struct RoleNames<'a>(&'a [Role]);

impl Serialize for RoleNames<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|role| role.name()))
    }
}

#[derive(Serialize)]
pub struct LineView<'a> {
    line: Shown<Line>,
    released: IsoDate,
    lts: bool,
    eol: IsoDate,
    /// What ends support on the eol: `next_release`, `lts_support_period`,
    /// `lts_superseded` or `announced`.
    eol_by: &'static str,
    /// The line whose release is the eol, for `next_release` and `lts_superseded`.
    #[serde(skip_serializing_if = "Option::is_none")]
    eol_by_line: Option<Shown<Line>>,
    lts_until: Option<IsoDate>,
    branch: Shown<BranchName<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<RoleNames<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest_patch: Option<Shown<&'a Version>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    days_left: Option<i64>,
    projected: bool,
    source: Sources,
}

pub fn role_names(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|role| role.name()).collect()
}

impl<'a> LineView<'a> {
    pub fn new(info: &LineInfo, branch: &'a BranchTemplate) -> Self {
        let eol_by_line = match info.eol_reason {
            EolReason::NextRelease(line) | EolReason::LtsSuperseded(line) => Some(Shown(line)),
            EolReason::LtsSupportPeriod | EolReason::Announced => None,
        };
        Self {
            line: Shown(info.line),
            released: IsoDate(info.released),
            lts: info.lts,
            eol: IsoDate(info.eol),
            eol_by: eol_by_name(info.eol_reason),
            eol_by_line,
            lts_until: info.lts_until().map(IsoDate),
            branch: Shown(branch.name(info.line)),
            roles: None,
            latest_patch: None,
            days_left: None,
            projected: info.released_source == Source::Rules,
            source: Sources {
                released: source_name(info.released_source),
                lts: source_name(info.lts_source),
                eol: source_name(info.eol_source),
                latest_patch: None,
            },
        }
    }

    pub fn supported(line: &'a SupportedLine, branch: &'a BranchTemplate) -> Self {
        let mut view = Self::new(&line.info, branch);
        view.roles = Some(RoleNames(&line.roles));
        view.days_left = Some(line.days_left);
        view.with_patch(Some(&line.latest_patch))
    }

    pub fn with_patch(mut self, patch: Option<&'a Patch>) -> Self {
        self.latest_patch = patch.map(|patch| Shown(&patch.version));
        self.source.latest_patch = patch.map(|patch| source_name(patch.source));
        self
    }
}

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
            source: source_name(patch.source),
        }
    }
}

/// One audit finding: its kind, the lines and dates involved, and a message.
#[derive(Serialize)]
pub struct FindingView {
    kind: &'static str,
    lines: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<String>,
    dates: BTreeMap<&'static str, String>,
    /// Days late (negative: early), short, or long, as the kind says.
    #[serde(skip_serializing_if = "Option::is_none")]
    days: Option<i64>,
    projected: bool,
    message: String,
}

impl FindingView {
    pub fn new(found: &AuditFinding, policy: &Policy) -> Self {
        let finding = &found.finding;
        let mut lines = Vec::new();
        let mut version = None;
        let mut dates = BTreeMap::new();
        match finding {
            Finding::OffCadence {
                line,
                released,
                previous,
                previous_released,
                due,
                ..
            } => {
                lines = vec![line.to_string(), previous.to_string()];
                dates.extend([
                    ("released", released),
                    ("previous_released", previous_released),
                    ("due", due),
                ]);
            }
            Finding::OffWeekday { line, released, .. } => {
                lines.push(line.to_string());
                dates.insert("released", released);
            }
            Finding::ShortLtsSupport {
                line,
                released,
                promised,
                until,
                cut_by,
            } => {
                lines.push(line.to_string());
                lines.extend(cut_by.map(|successor| successor.to_string()));
                dates.extend([
                    ("released", released),
                    ("promised", promised),
                    ("until", until),
                ]);
            }
            Finding::TooManyLts {
                from,
                to,
                lines: maintained,
                ..
            }
            | Finding::LtsGap {
                from,
                to,
                lines: maintained,
                ..
            } => {
                lines = maintained.iter().map(ToString::to_string).collect();
                dates.extend([("from", from), ("to", to)]);
            }
            Finding::PatchOffDay {
                version: patch,
                released,
                ..
            } => {
                version = Some(patch);
                dates.insert("released", released);
            }
            Finding::PatchAfterEol {
                version: patch,
                released,
                eol,
            } => {
                version = Some(patch);
                dates.extend([("released", released), ("eol", eol)]);
            }
        }
        if let Some(patch) = version {
            lines.push(format!("{}.{}", patch.major, patch.minor));
        }
        Self {
            kind: findings::kind(finding),
            lines,
            version: version.map(ToString::to_string),
            dates: dates
                .into_iter()
                .map(|(name, date)| (name, date.to_string()))
                .collect(),
            days: finding.days(),
            projected: found.projected,
            message: findings::message(finding, policy),
        }
    }
}
