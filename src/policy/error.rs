//! The one error type of the policy model. Every variant carries the value
//! that was wrong, typed, so that a message can name it and a program can
//! match on it; an error of another crate (semver's, serde_json's) is kept
//! whole.
//!
//! Messages leave out the text of a foreign cause, which [`Error::source`]
//! returns instead: printed with its chain (`{:#}` in anyhow), an error reads
//! `invalid version "é.1": unexpected character 'é' while parsing major
//! version number`.

use std::error::Error;
use std::fmt;

use chrono::NaiveDate;
use semver::Version;

use super::model::{Line, LineKind};

/// Why the model could not answer.
#[derive(Debug)]
#[non_exhaustive]
pub enum PolicyError {
    /// A date that is not `YYYY-MM-DD` or names a day that does not exist.
    InvalidDate {
        /// The text as given.
        input: String,
        /// What is wrong with it.
        problem: DateProblem,
    },
    /// A version or line that is not `MAJOR.MINOR[.PATCH]`.
    InvalidVersion {
        /// The text as given.
        input: String,
        /// What is wrong with it.
        problem: VersionProblem,
    },
    /// A tag that is neither `latest`, `latest-lts` nor a line.
    InvalidTag {
        /// The text as given.
        input: String,
    },
    /// A well-formed line that the policy never releases.
    UnknownLine {
        /// The line asked about.
        line: Line,
        /// The policy's name.
        policy: String,
        /// The lines around it.
        hint: LineHint,
    },
    /// An answer that would need a date past what can be represented.
    OutOfRange {
        /// What could not be dated.
        what: Beyond,
    },
    /// A version number past `u64::MAX`.
    NumberOverflow {
        /// The line or version whose successor has no number.
        after: Numbered,
    },
    /// A date range whose start is after its end.
    EmptyRange {
        /// The start of the range.
        from: RangeEnd,
        /// The end of the range.
        to: RangeEnd,
    },
    /// A branch template with an unknown or unbalanced placeholder.
    InvalidTemplate {
        /// The template as given.
        template: String,
        /// What is wrong with it.
        problem: TemplateProblem,
    },
    /// A policy file that is not JSON. Its message is serde_json's, with the
    /// line and column; the error itself is kept whole here.
    NotJson(serde_json::Error),
    /// Facts from a repository's tags or an endoflife.date answer that
    /// contradict themselves or the policy, naming what says so.
    Facts(Box<FactsProblem>),
    /// A policy file whose value at `path` is missing, of the wrong type or
    /// makes no sense.
    InvalidPolicy {
        /// The JSON path of the value, such as `history[2].line`.
        path: String,
        /// What is wrong with it.
        problem: Problem,
    },
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidDate { input, problem } => {
                write!(f, "invalid date {}: {problem}", Quoted(input))
            }
            Self::InvalidVersion { input, problem } => match problem {
                VersionProblem::Semver(_) => write!(f, "invalid version {}", Quoted(input)),
                _ => write!(f, "invalid version {}: {problem}", Quoted(input)),
            },
            Self::InvalidTag { input } => write!(
                f,
                "invalid tag {}: expected latest, latest-lts or a line such as 1.3",
                Quoted(input)
            ),
            Self::UnknownLine { line, policy, hint } => {
                write!(f, "line {line} is not in the {policy} policy: {hint}")
            }
            Self::OutOfRange { what } => write!(
                f,
                "{what} is beyond the dates this tool can compute (the last is {})",
                NaiveDate::MAX
            ),
            Self::NumberOverflow { after } => {
                let what = match after {
                    Numbered::Line(_) => "line",
                    Numbered::Patch(_) => "patch",
                };
                write!(
                    f,
                    "the {what} after {after} would need a number past {}",
                    u64::MAX
                )
            }
            Self::EmptyRange { from, to } => {
                write!(f, "the range starts on {from}, after its end on {to}")
            }
            Self::InvalidTemplate { template, problem } => {
                write!(f, "invalid branch template {}: {problem}", Quoted(template))
            }
            Self::NotJson(err) => err.fmt(f),
            Self::Facts(problem) => problem.fmt(f),
            Self::InvalidPolicy { path, problem } => write!(f, "{}: {problem}", Excerpt(path)),
        }
    }
}

impl From<FactsProblem> for PolicyError {
    fn from(problem: FactsProblem) -> Self {
        Self::Facts(Box::new(problem))
    }
}

impl Error for PolicyError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::InvalidVersion {
                problem: VersionProblem::Semver(err),
                ..
            } => Some(err),
            Self::NotJson(err) => err.source(),
            Self::InvalidPolicy { problem, .. } => problem.source(),
            Self::Facts(problem) => problem.source(),
            _ => None,
        }
    }
}

/// What is wrong with a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateProblem {
    /// Not ten characters `YYYY-MM-DD` of ASCII digits and dashes.
    Shape,
    /// A month number that is not 1 to 12.
    NoSuchMonth(u32),
    /// Day `00`.
    DayZero,
    /// A day past the end of its month.
    PastMonthEnd {
        /// The first day of the month named.
        month: NaiveDate,
        /// How many days it has.
        days: i64,
    },
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Shape => f.write_str("expected YYYY-MM-DD, like 2026-03-01"),
            Self::NoSuchMonth(month) => write!(f, "there is no month {month:02}"),
            Self::DayZero => f.write_str("there is no day 00"),
            Self::PastMonthEnd { month, days } => {
                write!(f, "{} has {days} days", month.format("%B %Y"))
            }
        }
    }
}

/// What is wrong with a version or line.
#[derive(Debug)]
#[non_exhaustive]
pub enum VersionProblem {
    /// Not one or two dots.
    Shape,
    /// A pre-release or build suffix.
    Suffix,
    /// A history line given with a patch number or a `v`, or of the
    /// other kind than the policy's lines.
    NotALine(LineKind),
    /// A version without the minor number a policy of minor lines needs.
    NoMinor,
    /// Numbers semver rejects (a leading zero, past `u64::MAX`, a stray
    /// character); the error's source.
    Semver(semver::Error),
}

impl fmt::Display for VersionProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Shape => {
                f.write_str("expected MAJOR.MINOR or MAJOR.MINOR.PATCH, like 1.3 or v1.3.7")
            }
            Self::Suffix => f.write_str(
                "pre-release and build suffixes are not part of a release line; \
                 expected MAJOR.MINOR or MAJOR.MINOR.PATCH",
            ),
            Self::NotALine(LineKind::Minor) => {
                f.write_str("a history line is MAJOR.MINOR, like 1.3")
            }
            Self::NotALine(LineKind::Major) => {
                f.write_str("a history line is MAJOR, like 22, where lines are majors")
            }
            Self::NoMinor => f.write_str("the policy's lines are MAJOR.MINOR, like 1.3"),
            Self::Semver(err) => err.fmt(f),
        }
    }
}

/// Where a line that is not in a policy would have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineHint {
    /// Older than the first line.
    BeforeFirst(Line),
    /// Between two known lines.
    Between {
        /// The known line before it.
        before: Line,
        /// The known line that came next.
        next: Line,
    },
    /// A major the rules never project.
    NewMajor {
        /// The newest known line.
        newest: Line,
    },
    /// Between two lines the rules project (or the newest known line and
    /// the first projected one).
    Projected {
        /// The line before it.
        before: Line,
        /// The line the rules project after `before`.
        next: Line,
    },
}

impl fmt::Display for LineHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::BeforeFirst(first) => write!(f, "its first line is {first}"),
            Self::Between { before, next } => write!(f, "after {before} came {next}"),
            Self::NewMajor { newest } => {
                let minor = newest.minor.unwrap_or(0);
                write!(
                    f,
                    "majors are never projected; after {newest} come {}.{}, {}.{} and so on",
                    newest.major,
                    minor.saturating_add(1),
                    newest.major,
                    minor.saturating_add(2),
                )
            }
            Self::Projected { before, next } => {
                write!(f, "the rules project {next} after {before}")
            }
        }
    }
}

/// A date the model could not compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Beyond {
    /// The rules' release date of a line.
    ProjectedRelease(Line),
    /// A number of months after a date.
    MonthsAfter {
        /// How many months.
        months: u64,
        /// The date they are counted from.
        date: NaiveDate,
    },
    /// A number of months before a date.
    MonthsBefore {
        /// How many months.
        months: u64,
        /// The date they are counted back from.
        date: NaiveDate,
    },
    /// The line that is the latest on a date.
    LatestLineOn(NaiveDate),
    /// The LTS line after the last one that can be numbered.
    LtsAfterLastLine,
    /// The end of a line's LTS support.
    LtsEnd(Line),
    /// The newest patch of a line.
    NewestPatch(Line),
    /// The patch days of a line.
    PatchDays(Line),
    /// The first patch day after a date.
    PatchDayAfter(NaiveDate),
    /// The day the line after this one is due.
    DueAfter(Line),
}

impl fmt::Display for Beyond {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ProjectedRelease(line) => write!(f, "the projected release of {line}"),
            Self::MonthsAfter { months, date } => write!(f, "{months} months after {date}"),
            Self::MonthsBefore { months, date } => write!(f, "{months} months before {date}"),
            Self::LatestLineOn(date) => write!(f, "the latest line on {date}"),
            Self::LtsAfterLastLine => f.write_str("the LTS line after the last representable line"),
            Self::LtsEnd(line) => write!(f, "the end of {line}'s LTS support"),
            Self::NewestPatch(line) => write!(f, "the newest patch of {line}"),
            Self::PatchDays(line) => write!(f, "the patch days of {line}"),
            Self::PatchDayAfter(date) => write!(f, "the next patch day after {date}"),
            Self::DueAfter(line) => write!(f, "the due date of the line after {line}"),
        }
    }
}

/// A line or version whose successor has no number.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Numbered {
    /// The line after this one.
    Line(Line),
    /// The patch after this version.
    Patch(Version),
}

impl fmt::Display for Numbered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Line(line) => line.fmt(f),
            Self::Patch(version) => version.fmt(f),
        }
    }
}

/// One end of a range of days: given, or the default, and which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RangeEnd {
    /// The day asked for.
    Given(NaiveDate),
    /// The first release, a range's default start.
    FirstRelease(NaiveDate),
    /// One support period after the day asked about, a default end.
    PeriodAfter {
        /// The day it works out to.
        date: NaiveDate,
        /// The period.
        period: DefaultPeriod,
        /// The day asked about.
        on: NaiveDate,
    },
    /// One support period before the day asked about, a default start.
    PeriodBefore {
        /// The day it works out to.
        date: NaiveDate,
        /// The period.
        period: DefaultPeriod,
        /// The day asked about.
        on: NaiveDate,
    },
}

/// How far calendars look by default: the longest period of support the
/// policy promises in months, or a year when it promises none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DefaultPeriod {
    /// One LTS support period (`lts.support.months`).
    LtsSupport(u32),
    /// One support period (`support.months`).
    Support(u32),
    /// Twelve months, for a policy that counts support in lines only.
    Year,
}

impl DefaultPeriod {
    /// Its length in months.
    #[must_use]
    pub fn months(self) -> u32 {
        match self {
            Self::LtsSupport(months) | Self::Support(months) => months,
            Self::Year => 12,
        }
    }
}

impl fmt::Display for DefaultPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LtsSupport(months) => write!(f, "one LTS support period, {months} months,"),
            Self::Support(months) => write!(f, "one support period, {months} months,"),
            Self::Year => f.write_str("12 months"),
        }
    }
}

impl RangeEnd {
    /// The day.
    #[must_use]
    pub fn date(self) -> NaiveDate {
        match self {
            Self::Given(date) | Self::FirstRelease(date) => date,
            Self::PeriodAfter { date, .. } | Self::PeriodBefore { date, .. } => date,
        }
    }
}

/// The day, and for a default how it was worked out: a range that is
/// empty because of a default says so.
impl fmt::Display for RangeEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Given(date) => write!(f, "{date}"),
            Self::FirstRelease(date) => write!(f, "{date} (by default, the first release)"),
            Self::PeriodAfter { date, period, on } => {
                write!(f, "{date} (by default, {period} after {on})")
            }
            Self::PeriodBefore { date, period, on } => {
                write!(f, "{date} (by default, {period} before {on})")
            }
        }
    }
}

/// What is wrong with a branch template.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateProblem {
    /// A `{` without its `}`.
    Unclosed,
    /// A `}` without its `{`.
    LoneClose,
    /// A placeholder other than `{major}` and `{minor}`.
    UnknownPlaceholder(String),
    /// Nothing at all.
    Empty,
    /// Names that git would refuse as a branch, or a shell split: the rule
    /// broken.
    NotABranchName(&'static str),
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unclosed => f.write_str("a '{' is never closed"),
            Self::LoneClose => f.write_str("a '}' has no matching '{'"),
            Self::UnknownPlaceholder(name) => write!(
                f,
                "unknown placeholder {{{}}}; expected {{major}} or {{minor}}",
                Excerpt(name)
            ),
            Self::Empty => f.write_str("a branch name cannot be empty"),
            Self::NotABranchName(rule) => write!(f, "a branch name {rule}"),
        }
    }
}

/// What is wrong with one value of a policy file.
#[derive(Debug)]
#[non_exhaustive]
pub enum Problem {
    /// A required field is absent.
    Missing,
    /// A field the format does not have.
    UnknownField {
        /// The fields that object may have.
        expected: &'static [&'static str],
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// What the field takes.
        expected: &'static str,
        /// The value found, as JSON (an array or object by kind only).
        found: String,
    },
    /// A date, version or template that does not parse.
    Value(Box<PolicyError>),
    /// A name that is empty or only blanks.
    EmptyName,
    /// A day of the week that is not one.
    Weekday {
        /// The text found.
        found: String,
    },
    /// A number outside what the field accepts.
    OutOfBounds {
        /// The number found.
        found: u64,
        /// The smallest accepted.
        min: u64,
        /// The largest accepted.
        max: u64,
        /// What it counts: `months`, `lines`.
        unit: &'static str,
    },
    /// A cadence that is not a whole number of another.
    NotAMultiple {
        /// The field it must be a multiple of.
        of: &'static str,
        /// That field's value.
        base: u64,
        /// The value found.
        found: u64,
    },
    /// A history without lines.
    EmptyHistory,
    /// A line listed twice.
    ListedTwice(Line),
    /// A line listed after a later one.
    LineOrder {
        /// The line.
        line: Line,
        /// The line listed before it.
        previous: Line,
    },
    /// A release date before the previous line's.
    DateOrder {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// The line listed before it.
        previous: Line,
        /// That line's release.
        previous_released: NaiveDate,
    },
    /// A field of the first (flat) form in a file that uses the general form.
    MixedForms {
        /// The first field of the general form the file has.
        general: &'static str,
    },
    /// A word that is not one the field takes.
    Keyword {
        /// The words it takes.
        expected: &'static [&'static str],
        /// The text found.
        found: String,
    },
    /// None, or more than one, of fields of which exactly one is needed.
    Choice {
        /// The fields to choose from.
        expected: &'static [&'static str],
        /// Those present.
        found: Vec<&'static str>,
    },
    /// `new_major` in a policy whose lines are majors.
    NewMajorWithMajorLines,
    /// An nth weekday or a day of the month with `every_weeks`.
    DayOfMonthWithWeeks,
    /// An empty `in_months`.
    NoMonths,
    /// A month of `in_months` not after the one before it.
    MonthOrder {
        /// The month.
        month: u32,
        /// The month listed before it.
        previous: u32,
    },
    /// An `on` that is no day rule.
    DayRule {
        /// The text found.
        found: String,
    },
    /// A support rule with neither `months` nor `until_next`.
    NoSupportTerm,
    /// `grace_months` without `until_next`.
    GraceWithoutUntilNext,
    /// `{minor}` in the branch template of a policy whose lines are majors.
    MinorInTemplate,
    /// A history line declared LTS in a policy without an `lts` rule.
    LtsWithoutRule,
    /// A `tag_prefix` that is empty or holds blanks or control characters.
    TagPrefix,
    /// A date in the history after `history_as_of`.
    AfterHistoryAsOf {
        /// The date recorded.
        date: NaiveDate,
        /// The day up to which the history is said to be complete.
        as_of: NaiveDate,
    },
    /// An announced eol on or before the line's release.
    EolNotAfterRelease {
        /// The line.
        line: Line,
        /// The eol announced.
        eol: NaiveDate,
        /// The line's release.
        released: NaiveDate,
    },
    /// A patch that is not of its line, or a `.0`, or a pre-release.
    NotAPatchOf {
        /// The line it is listed under.
        line: Line,
        /// The version found.
        found: Version,
    },
    /// A patch listed after a later one.
    PatchOrder {
        /// The patch.
        version: Version,
        /// The patch listed before it.
        previous: Version,
    },
    /// A patch dated before the previous release of its line.
    PatchDateOrder {
        /// The patch.
        version: Version,
        /// Its date.
        released: NaiveDate,
        /// The previous release of the line.
        floor: NaiveDate,
        /// The line.
        line: Line,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => f.write_str("missing"),
            Self::UnknownField { expected } => {
                write!(f, "unknown field; expected one of {}", expected.join(", "))
            }
            Self::WrongType { expected, found } => {
                write!(f, "expected {expected}, got {}", Excerpt(found))
            }
            Self::Value(err) => err.fmt(f),
            Self::EmptyName => f.write_str("expected a non-empty name"),
            Self::Weekday { found } => write!(
                f,
                "expected a day of the week such as Tuesday, got {}",
                Quoted(found)
            ),
            Self::OutOfBounds {
                found,
                min,
                max,
                unit,
            } => write!(f, "expected {min} to {max} {unit}, got {found}"),
            Self::NotAMultiple { of, base, found } => {
                write!(f, "expected a multiple of {of} ({base}), got {found}")
            }
            Self::EmptyHistory => f.write_str("expected at least one released line"),
            Self::ListedTwice(line) => write!(f, "{line} is listed twice"),
            Self::LineOrder { line, previous } => write!(
                f,
                "{line} comes after {previous}; list lines in release order"
            ),
            Self::DateOrder {
                line,
                released,
                previous,
                previous_released,
            } => write!(
                f,
                "{line} on {released} is before {previous} on {previous_released}; \
                 release dates cannot go back"
            ),
            Self::MixedForms { general } => write!(
                f,
                "a field of the first (flat) form, in a file that uses the general form \
                 ({general}); write the rules in one form"
            ),
            Self::Keyword { expected, found } => {
                let expected: Vec<String> =
                    expected.iter().map(|word| format!("{word:?}")).collect();
                write!(
                    f,
                    "expected {}, got {}",
                    expected.join(" or "),
                    Quoted(found)
                )
            }
            Self::Choice { expected, found } if found.is_empty() => {
                write!(f, "expected one of {}", expected.join(", "))
            }
            Self::Choice { expected, found } => write!(
                f,
                "{} cannot be combined; give one of {}",
                found.join(" and "),
                expected.join(", ")
            ),
            Self::NewMajorWithMajorLines => {
                f.write_str("a policy whose lines are majors starts a major with every line")
            }
            Self::DayOfMonthWithWeeks => {
                f.write_str("every_weeks takes a weekday, not an nth weekday or a day of the month")
            }
            Self::NoMonths => f.write_str("expected at least one month, 1 to 12"),
            Self::MonthOrder { month, previous } => write!(
                f,
                "{month} comes after {previous}; list months in increasing order"
            ),
            Self::DayRule { found } => write!(
                f,
                "expected a weekday (Tuesday), an nth weekday (3rd Thursday, last Friday) \
                 or a day of the month (1 to 31), got {}",
                Quoted(found)
            ),
            Self::NoSupportTerm => f.write_str("expected months, until_next or both"),
            Self::GraceWithoutUntilNext => {
                f.write_str("grace months are added to until_next, which is missing")
            }
            Self::MinorInTemplate => {
                f.write_str("a policy whose lines are majors has no {minor} to fill in")
            }
            Self::TagPrefix => f.write_str(
                "expected the text release tags start with, such as \"kestra-\", without \
                 blanks or control characters",
            ),
            Self::LtsWithoutRule => {
                f.write_str("a line declared LTS needs an lts section in the policy")
            }
            Self::AfterHistoryAsOf { date, as_of } => write!(
                f,
                "{date} is after history_as_of, {as_of}; the history is complete up to that \
                 day and records nothing later"
            ),
            Self::EolNotAfterRelease {
                line,
                eol,
                released,
            } => write!(
                f,
                "{line}'s eol {eol} is not after its release on {released}"
            ),
            Self::NotAPatchOf { line, found } => {
                let first = line.first_version();
                let example = Version::new(first.major, first.minor, 1);
                write!(
                    f,
                    "expected a patch of {line} such as {example}, got {found}"
                )
            }
            Self::PatchOrder { version, previous } => {
                write!(f, "{version} comes after {previous}; list patches in order")
            }
            Self::PatchDateOrder {
                version,
                released,
                floor,
                line,
            } => write!(
                f,
                "{version} on {released} is before {floor}, the previous release of {line}"
            ),
        }
    }
}

impl Error for Problem {
    /// A value's own error is told in full by the problem; its foreign cause
    /// (semver's) comes next.
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::Value(err) => err.source(),
            _ => None,
        }
    }
}

/// Where a fact comes from, to name it in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Origin {
    /// What says it.
    pub by: Witness,
    /// The day it gives.
    pub date: NaiveDate,
}

/// What says a fact: a tag, or an endoflife.date cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Witness {
    /// A tag, by name.
    Tag(String),
    /// A cycle's release.
    Cycle(Line),
    /// A cycle's `latest`.
    CycleLatest(Line),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.by {
            Witness::Tag(name) => write!(f, "{} ({})", Excerpt(name), self.date),
            Witness::Cycle(line) => write!(f, "cycle {line} ({})", self.date),
            Witness::CycleLatest(line) => write!(f, "cycle {line}'s latest ({})", self.date),
        }
    }
}

/// A tag's date that no policy can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TagDate {
    /// Seconds since 1970-01-01 that no date can hold.
    Seconds(i64),
    /// A day past the four-digit years a policy file writes.
    Day(NaiveDate),
}

/// Why facts cannot be merged into a history.
#[derive(Debug)]
#[non_exhaustive]
pub enum FactsProblem {
    /// No tag is a release.
    NoReleaseTag {
        /// The policy's `tag_prefix`, if any.
        prefix: Option<String>,
    },
    /// One version tagged on two days.
    VersionOnTwoDays {
        /// The version.
        version: Version,
        /// One tag of it.
        first: Origin,
        /// Another, dated otherwise.
        second: Origin,
    },
    /// A line released after the next one.
    LineAfterNext {
        /// The line.
        line: Line,
        /// Its release.
        released: Origin,
        /// The next line.
        next: Line,
        /// That line's release.
        next_released: Origin,
    },
    /// A release tag dated where no policy's date can be.
    TagDateOutOfRange {
        /// The tag.
        tag: String,
        /// Its date.
        date: TagDate,
    },
    /// A line `git for-each-ref` printed that is not of the format asked for.
    Listing {
        /// The line, as printed.
        line: String,
    },
    /// An endoflife.date answer that is empty.
    EmptyAnswer,
    /// An endoflife.date answer of another shape: serde_json's error, with
    /// the line and column.
    AnswerShape(serde_json::Error),
    /// A cycle without a name that is a line.
    CycleName {
        /// The cycle's place in the answer, from 0.
        at: usize,
        /// What its name is, in words or as JSON.
        found: String,
    },
    /// A cycle whose name is not a line of the policy's kind.
    CycleNotALine {
        /// The cycle's name.
        cycle: String,
        /// How the policy numbers its lines.
        kind: LineKind,
    },
    /// A cycle's field whose value is not a date where a date is needed.
    CycleField {
        /// The cycle.
        cycle: String,
        /// The field, as the answer names it.
        field: &'static str,
        /// The value, as JSON.
        found: String,
    },
    /// A cycle without a release date.
    CycleWithoutRelease {
        /// The cycle.
        cycle: String,
    },
    /// One cycle given twice, saying different things.
    CycleTwice {
        /// The cycle.
        cycle: String,
    },
    /// The merged history breaks a rule of histories: the problem, as a
    /// file with that history would have it.
    MergedHistory(Box<PolicyError>),
}

impl fmt::Display for FactsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoReleaseTag { prefix } => {
                let prefix = prefix.as_deref().map(Excerpt).map(|p| p.to_string());
                let prefix = prefix.as_deref().unwrap_or("");
                write!(
                    f,
                    "no tag is a release: looked for tags named {prefix}MAJOR.MINOR.PATCH or \
                     {prefix}vMAJOR.MINOR.PATCH"
                )
            }
            Self::VersionOnTwoDays {
                version,
                first,
                second,
            } => write!(
                f,
                "tags {first} and {second} date version {version} differently"
            ),
            Self::LineAfterNext {
                line,
                released,
                next,
                next_released,
            } => write!(
                f,
                "{released} releases {line} after {next_released} released {next}; a line \
                 cannot come out after the next one"
            ),
            Self::TagDateOutOfRange { tag, date } => match date {
                TagDate::Seconds(seconds) => write!(
                    f,
                    "tag {} is dated {seconds} seconds after 1970-01-01, beyond any date",
                    Excerpt(tag)
                ),
                TagDate::Day(day) => write!(
                    f,
                    "tag {} is dated {day}, outside the years 0000 to 9999 that a policy's \
                     dates are written in",
                    Excerpt(tag)
                ),
            },
            Self::Listing { line } => write!(
                f,
                "git for-each-ref printed {}, which is not a tag in the format asked for",
                Quoted(line)
            ),
            Self::EmptyAnswer => f.write_str(
                "the endoflife.date answer is empty; expected a list of cycles, or {\"result\": \
                 {\"releases\": [...]}}",
            ),
            Self::AnswerShape(err) => write!(f, "endoflife.date answer: {err}"),
            Self::CycleName { at, found } => write!(
                f,
                "endoflife.date answer: cycle #{at} has no name that is a line: expected a \
                 string such as \"1.3\" (or a whole number), got {found}"
            ),
            Self::CycleNotALine { cycle, kind } => {
                let lines = match kind {
                    LineKind::Minor => "MAJOR.MINOR",
                    LineKind::Major => "MAJOR",
                };
                write!(
                    f,
                    "endoflife.date answer: cycle {} is not a line of this policy, whose lines \
                     are {lines}",
                    Quoted(cycle)
                )
            }
            Self::CycleField {
                cycle,
                field,
                found,
            } => write!(
                f,
                "endoflife.date answer: cycle {}: {field} is not a date YYYY-MM-DD: {}",
                Quoted(cycle),
                Excerpt(found)
            ),
            Self::CycleWithoutRelease { cycle } => write!(
                f,
                "endoflife.date answer: cycle {}: no releaseDate",
                Quoted(cycle)
            ),
            Self::CycleTwice { cycle } => write!(
                f,
                "endoflife.date answer: cycle {} is given twice, saying different things; an \
                 answer lists each cycle once",
                Quoted(cycle)
            ),
            Self::MergedHistory(err) => {
                write!(f, "the history the facts make is not valid: {err}")
            }
        }
    }
}

impl Error for FactsProblem {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::MergedHistory(err) => err.source(),
            _ => None,
        }
    }
}

/// How many characters of a value a message quotes: enough to recognise
/// it, few enough that a message stays one short line.
const QUOTED_CHARS: usize = 64;

/// How many characters of a path or a name a message repeats.
const EXCERPT_CHARS: usize = 200;

/// A value a message quotes from its input, as Rust quotes a string (its
/// control characters and line separators escaped), cut after
/// [`QUOTED_CHARS`] characters with `…`.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kept, cut) = cut(self.0, QUOTED_CHARS);
        write!(f, "{kept:?}")?;
        if cut { f.write_str("…") } else { Ok(()) }
    }
}

/// A path or a name a message repeats as it is, cut after
/// [`EXCERPT_CHARS`] characters with `…`; its control characters are the
/// terminal's writer's to escape.
pub(crate) struct Excerpt<'a>(pub(crate) &'a str);

impl fmt::Display for Excerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kept, cut) = cut(self.0, EXCERPT_CHARS);
        f.write_str(kept)?;
        if cut { f.write_str("…") } else { Ok(()) }
    }
}

/// The first `chars` characters of `text`, and whether any were left out.
fn cut(text: &str, chars: usize) -> (&str, bool) {
    match text.char_indices().nth(chars) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}
