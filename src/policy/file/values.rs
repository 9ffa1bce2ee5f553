//! The meaning of a policy file's values: ranges, dates, versions, order,
//! and which of the two forms the rules are written in. The history is
//! checked entry by entry, each against the one before, so that a file of
//! any length is checked without holding its problems.

use chrono::{NaiveDate, Weekday};
use serde::Deserialize;

use super::problem::Problem;
use super::problems::{Problems, join};
use crate::policy::dates::parse_date;
use crate::policy::definition::PolicyRules;
use crate::policy::model::{KnownPatch, Line, LineKind, Release};
use crate::policy::rules::{LtsChoice, LtsRule, NewMajor, Patches, Support};
use crate::policy::schedule::{Cadence, DayRule, Nth, Schedule};
use crate::policy::template::BranchTemplate;
use crate::policy::version::{parse_history_line, parse_patch_version};

/// Largest accepted cadence or support period: a century.
const MAX_MONTHS: u64 = 1200;
/// Largest accepted cadence in weeks: ten years.
const MAX_WEEKS: u64 = 520;
/// Largest accepted count of lines: for `until_next`, `every`,
/// `lts_in_parallel`.
const MAX_LINES: u64 = 100;
/// Largest accepted `lts.every`: what the first form allows, an LTS every
/// 1200 months of monthly minors.
const MAX_EVERY: u64 = MAX_MONTHS;
/// Largest accepted `after_minor`.
const MAX_MINOR: u64 = 10_000;

/// The top-level values of a file, those of the right type.
pub(super) struct Rules<'a> {
    /// The known fields present with a value of the wrong type (reported
    /// already): present, so not missing, but without a value.
    pub wrong: Vec<&'static str>,
    pub name: Option<&'a str>,
    pub comment: Option<&'a str>,
    pub flat: Flat<'a>,
    pub general: General<'a>,
    pub branch_template: Option<&'a str>,
    pub tag_prefix: Option<&'a str>,
    pub history_as_of: Option<&'a str>,
}

/// The fields of the first (flat) form.
pub(super) struct Flat<'a> {
    pub release_weekday: Option<&'a str>,
    pub minor_every_months: Option<u64>,
    pub lts_every_months: Option<u64>,
    pub lts_support_months: Option<u64>,
    pub lts_in_parallel: Option<u64>,
}

impl Flat<'_> {
    /// The names of the fields present, in the file format's order.
    fn present(&self, wrong: &[&'static str]) -> Vec<&'static str> {
        [
            ("release_weekday", self.release_weekday.is_some()),
            ("minor_every_months", self.minor_every_months.is_some()),
            ("lts_every_months", self.lts_every_months.is_some()),
            ("lts_support_months", self.lts_support_months.is_some()),
            ("lts_in_parallel", self.lts_in_parallel.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, valid)| (valid || wrong.contains(&name)).then_some(name))
        .collect()
    }
}

/// The fields of the general form.
pub(super) struct General<'a> {
    pub lines: Option<&'a str>,
    pub new_major: Option<NewMajorValues>,
    pub releases: Option<ScheduleValues<'a>>,
    pub patches: Option<PatchesValues<'a>>,
    pub support: Option<SupportValues<'a>>,
    pub lts: Option<LtsValues<'a>>,
}

impl General<'_> {
    /// The names of the fields present, in the file format's order.
    fn present(&self, wrong: &[&'static str]) -> Vec<&'static str> {
        [
            ("lines", self.lines.is_some()),
            ("new_major", self.new_major.is_some()),
            ("releases", self.releases.is_some()),
            ("patches", self.patches.is_some()),
            ("support", self.support.is_some()),
            ("lts", self.lts.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, valid)| (valid || wrong.contains(&name)).then_some(name))
        .collect()
    }
}

/// `new_major`'s values.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NewMajorValues {
    /// Fields present with a value of the wrong type.
    #[serde(skip)]
    pub wrong: Vec<&'static str>,
    pub after_minor: Option<u64>,
    pub in_month: Option<u64>,
}

/// A schedule's values.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ScheduleValues<'a> {
    /// Fields present with a value of the wrong type.
    #[serde(skip)]
    pub wrong: Vec<&'static str>,
    pub every_months: Option<u64>,
    pub every_weeks: Option<u64>,
    pub in_months: Option<Vec<u64>>,
    #[serde(borrow)]
    pub on: Option<Day<'a>>,
}

/// A schedule's `on`: a weekday or nth weekday, or a day of the month.
pub(super) enum Day<'a> {
    Text(&'a str),
    Number(u64),
}

/// `patches`: `"recorded"`, or a schedule.
pub(super) enum PatchesValues<'a> {
    Text(&'a str),
    Schedule(ScheduleValues<'a>),
}

/// A support rule's values.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SupportValues<'a> {
    /// Fields present with a value of the wrong type.
    #[serde(skip)]
    pub wrong: Vec<&'static str>,
    pub months: Option<u64>,
    pub until_next: Option<u64>,
    pub grace_months: Option<u64>,
    pub round: Option<&'a str>,
}

/// The LTS rule's values.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LtsValues<'a> {
    /// Fields present with a value of the wrong type.
    #[serde(skip)]
    pub wrong: Vec<&'static str>,
    pub every: Option<u64>,
    pub every_months: Option<u64>,
    #[serde(borrow)]
    pub support: Option<SupportValues<'a>>,
}

/// One history entry's values, those of the right type.
pub(super) struct Entry<'a> {
    pub line: Option<&'a str>,
    pub released: Option<&'a str>,
    pub lts: Option<bool>,
    pub eol: Option<&'a str>,
    /// Each recorded patch's version and date.
    pub patches: Vec<(Option<&'a str>, Option<&'a str>)>,
}

/// The rules, once checked, and how the history is to be read.
pub(super) struct Checked {
    /// `None` when a rule is missing or wrong.
    pub rules: Option<PolicyRules>,
    /// How the history's lines are numbered (minor, when `lines` is wrong).
    pub lines: LineKind,
    /// Whether the policy has an LTS rule (or a wrong one).
    pub has_lts: bool,
    /// The day up to which the history is complete, when the file says.
    pub history_as_of: Option<NaiveDate>,
}

/// The JSON path of a value inside an object at `path`, spelled out only
/// for a problem: a valid file allocates no path.
#[derive(Clone, Copy)]
struct Key<'a> {
    path: &'a str,
    key: &'a str,
    /// The index of an array's item.
    item: Option<usize>,
}

impl<'a> Key<'a> {
    fn new(path: &'a str, key: &'a str) -> Self {
        Self {
            path,
            key,
            item: None,
        }
    }

    fn item(self, at: usize) -> Self {
        Self {
            item: Some(at),
            ..self
        }
    }
}

impl From<Key<'_>> for String {
    fn from(key: Key<'_>) -> Self {
        let joined = join(key.path, key.key);
        match key.item {
            Some(at) => format!("{joined}[{at}]"),
            None => joined,
        }
    }
}

/// A number from `min` to `max`, or a problem at `path`.
fn bounded(
    problems: &mut Problems,
    path: impl Into<String>,
    found: u64,
    (min, max): (u64, u64),
    unit: &'static str,
) -> Option<u64> {
    if (min..=max).contains(&found) {
        return Some(found);
    }
    let bounds = Problem::OutOfBounds {
        found,
        min,
        max,
        unit,
    };
    problems.add(path, bounds);
    None
}

/// A bounded number that fits in 32 bits (every bound does).
fn bounded_u32(
    problems: &mut Problems,
    path: impl Into<String>,
    found: u64,
    bounds: (u64, u64),
    unit: &'static str,
) -> Option<u32> {
    bounded(problems, path, found, bounds, unit).and_then(|value| u32::try_from(value).ok())
}

/// Checks the rules; `rules` is `None` when one is missing or wrong.
pub(super) fn rules(raw: &Rules, problems: &mut Problems) -> Checked {
    if raw.name.is_some_and(|name| name.trim().is_empty()) {
        problems.add("name", Problem::EmptyName);
    }
    let history_as_of = raw
        .history_as_of
        .and_then(|text| problems.check(|| "history_as_of".to_owned(), parse_date(text)));
    let flat = raw.flat.present(&raw.wrong);
    let general = raw.general.present(&raw.wrong);
    let terms = match (flat.first(), general.first()) {
        (Some(flat_field), Some(general_field)) => {
            let problem = Problem::MixedForms {
                general: general_field,
            };
            problems.add(*flat_field, problem);
            None
        }
        (Some(_), None) => flat_rules(&raw.flat, &raw.wrong, problems),
        (None, _) => general_rules(&raw.general, &raw.wrong, problems),
    };
    let lines = terms.as_ref().map_or(
        match raw.general.lines {
            Some("major") => LineKind::Major,
            _ => LineKind::Minor,
        },
        |terms| terms.lines,
    );
    let has_lts = raw.general.lts.is_some() || !flat.is_empty();
    let branch_template = raw.branch_template.and_then(|text| {
        let template =
            problems.check(|| "branch_template".to_owned(), BranchTemplate::parse(text))?;
        if lines == LineKind::Major && template.uses_minor() {
            problems.add("branch_template", Problem::MinorInTemplate);
            return None;
        }
        Some(template)
    });
    let tag_prefix = raw.tag_prefix.filter(|prefix| {
        let refused =
            prefix.is_empty() || prefix.contains(|c: char| c.is_whitespace() || c.is_control());
        if refused {
            problems.add("tag_prefix", Problem::TagPrefix);
        }
        !refused
    });
    let rules = (|| {
        let terms = terms?;
        Some(PolicyRules {
            name: raw.name?.to_owned(),
            comment: raw.comment.map(str::to_owned),
            lines: terms.lines,
            new_major: terms.new_major,
            releases: terms.releases,
            patches: terms.patches,
            support: terms.support,
            lts: terms.lts,
            branch_template: branch_template?,
            tag_prefix: tag_prefix.map(str::to_owned),
            history_as_of,
        })
    })();
    Checked {
        rules,
        lines,
        has_lts,
        history_as_of,
    }
}

/// The rules besides name, comment, branch template and `history_as_of`.
struct Terms {
    lines: LineKind,
    new_major: Option<NewMajor>,
    releases: Schedule,
    patches: Patches,
    support: Support,
    lts: Option<LtsRule>,
}

/// The first form: `releases = {every_months: minor_every_months, on:
/// release_weekday}`, weekly patches on that day, support until the next
/// line, `lts = {every: lts_every_months / minor_every_months, support:
/// {months: lts_support_months, until_next: lts_in_parallel}}`.
fn flat_rules(flat: &Flat, wrong: &[&'static str], problems: &mut Problems) -> Option<Terms> {
    // A field of the wrong type is reported already.
    let missing = |problems: &mut Problems, name: &'static str| {
        if !wrong.contains(&name) {
            problems.add(name, Problem::Missing);
        }
    };
    let release_weekday = match flat.release_weekday {
        Some(text) => weekday(text, problems),
        None => {
            missing(problems, "release_weekday");
            None
        }
    };
    let mut months = |key: &'static str, months: Option<u64>| match months {
        Some(months) => bounded_u32(problems, key, months, (1, MAX_MONTHS), "months"),
        None => {
            missing(problems, key);
            None
        }
    };
    let minor_every_months = months("minor_every_months", flat.minor_every_months);
    let lts_every_months = months("lts_every_months", flat.lts_every_months);
    let lts_support_months = months("lts_support_months", flat.lts_support_months);
    if let (Some(minor), Some(lts)) = (minor_every_months, lts_every_months)
        && !lts.is_multiple_of(minor)
    {
        let problem = Problem::NotAMultiple {
            of: "minor_every_months",
            base: u64::from(minor),
            found: u64::from(lts),
        };
        problems.add("lts_every_months", problem);
    }
    let lts_in_parallel = match flat.lts_in_parallel {
        Some(count) => bounded_u32(problems, "lts_in_parallel", count, (1, MAX_LINES), "lines"),
        None => {
            missing(problems, "lts_in_parallel");
            None
        }
    };
    let weekday = release_weekday?;
    let (minor, lts_months) = (minor_every_months?, lts_every_months?);
    if !lts_months.is_multiple_of(minor) {
        return None;
    }
    Some(Terms {
        lines: LineKind::Minor,
        new_major: None,
        releases: Schedule::new(Cadence::EveryMonths(minor), DayRule::Weekday(weekday)),
        patches: Patches::Scheduled(Schedule::new(
            Cadence::EveryWeeks(1),
            DayRule::Weekday(weekday),
        )),
        support: Support::UNTIL_NEXT_LINE,
        lts: Some(LtsRule {
            choice: LtsChoice::Every(lts_months / minor),
            support: Support {
                months: Some(lts_support_months?),
                until_next: Some(lts_in_parallel?),
                grace_months: 0,
                month_end: false,
            },
        }),
    })
}

/// The general form.
fn general_rules(
    general: &General,
    wrong: &[&'static str],
    problems: &mut Problems,
) -> Option<Terms> {
    let lines = match general.lines {
        None | Some("minor") => Some(LineKind::Minor),
        Some("major") => Some(LineKind::Major),
        Some(other) => {
            let problem = Problem::Keyword {
                expected: &["minor", "major"],
                found: other.to_owned(),
            };
            problems.add("lines", problem);
            None
        }
    };
    let new_major = match (&general.new_major, lines) {
        (None, _) if wrong.contains(&"new_major") => None,
        (None, _) => Some(None),
        (Some(_), Some(LineKind::Major)) => {
            problems.add("new_major", Problem::NewMajorWithMajorLines);
            None
        }
        (Some(values), _) => new_major(values, problems).map(Some),
    };
    let releases = match &general.releases {
        Some(values) => schedule("releases", values, problems),
        None => {
            if !wrong.contains(&"releases") {
                problems.add("releases", Problem::Missing);
            }
            None
        }
    };
    let patches = match &general.patches {
        None if wrong.contains(&"patches") => None,
        None => releases.as_ref().map(|releases| {
            let on = releases.on.weekday().map_or(DayRule::Due, DayRule::Weekday);
            Patches::Scheduled(Schedule::new(Cadence::EveryWeeks(1), on))
        }),
        Some(PatchesValues::Text("recorded")) => Some(Patches::Recorded),
        Some(PatchesValues::Text(other)) => {
            let problem = Problem::Keyword {
                expected: &["recorded"],
                found: (*other).to_owned(),
            };
            problems.add("patches", problem);
            None
        }
        Some(PatchesValues::Schedule(values)) => {
            schedule("patches", values, problems).map(Patches::Scheduled)
        }
    };
    let support = match &general.support {
        Some(values) => support("support", values, problems),
        None if wrong.contains(&"support") => None,
        None => Some(Support::UNTIL_NEXT_LINE),
    };
    let lts = match &general.lts {
        Some(values) => lts(values, problems).map(Some),
        None if wrong.contains(&"lts") => None,
        None => Some(None),
    };
    Some(Terms {
        lines: lines?,
        new_major: new_major?,
        releases: releases?,
        patches: patches?,
        support: support?,
        lts: lts?,
    })
}

/// The names of `fields` present in an object, right or wrong.
fn present(fields: [(&'static str, bool); 2], wrong: &[&'static str]) -> Vec<&'static str> {
    fields
        .into_iter()
        .filter_map(|(name, valid)| (valid || wrong.contains(&name)).then_some(name))
        .collect()
}

fn new_major(values: &NewMajorValues, problems: &mut Problems) -> Option<NewMajor> {
    let found = present(
        [
            ("after_minor", values.after_minor.is_some()),
            ("in_month", values.in_month.is_some()),
        ],
        &values.wrong,
    );
    if found.len() != 1 {
        let problem = Problem::Choice {
            expected: &["after_minor", "in_month"],
            found,
        };
        problems.add("new_major", problem);
        return None;
    }
    match (values.after_minor, values.in_month) {
        (Some(minor), None) => bounded(
            problems,
            "new_major.after_minor",
            minor,
            (0, MAX_MINOR),
            "minors",
        )
        .map(NewMajor::AfterMinor),
        (None, Some(month)) => {
            bounded_u32(problems, "new_major.in_month", month, (1, 12), "(a month)")
                .map(NewMajor::InMonth)
        }
        // The one present is of the wrong type, and reported.
        _ => None,
    }
}

/// A schedule at `path`: one cadence and a day rule that fits it.
fn schedule(path: &str, values: &ScheduleValues, problems: &mut Problems) -> Option<Schedule> {
    let at = |key| Key::new(path, key);
    let present: Vec<&'static str> = [
        ("every_months", values.every_months.is_some()),
        ("every_weeks", values.every_weeks.is_some()),
        ("in_months", values.in_months.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, valid)| (valid || values.wrong.contains(&name)).then_some(name))
    .collect();
    let cadence = match (values.every_months, values.every_weeks, &values.in_months) {
        _ if present.len() != 1 => {
            let problem = Problem::Choice {
                expected: &["every_months", "every_weeks", "in_months"],
                found: present,
            };
            problems.add(path, problem);
            None
        }
        (Some(months), _, _) => bounded_u32(
            problems,
            at("every_months"),
            months,
            (1, MAX_MONTHS),
            "months",
        )
        .map(Cadence::EveryMonths),
        (_, Some(weeks), _) => {
            bounded_u32(problems, at("every_weeks"), weeks, (1, MAX_WEEKS), "weeks")
                .map(Cadence::EveryWeeks)
        }
        (_, _, Some(months)) => in_months(at("in_months"), months, problems),
        (None, None, None) => None,
    };
    let on = match &values.on {
        None if values.wrong.contains(&"on") => None,
        None => Some(DayRule::Due),
        Some(day) => day_rule(at("on"), day, problems),
    };
    let (cadence, on) = (cadence?, on?);
    if matches!(cadence, Cadence::EveryWeeks(_))
        && matches!(on, DayRule::NthWeekday(..) | DayRule::DayOfMonth(_))
    {
        problems.add(at("on"), Problem::DayOfMonthWithWeeks);
        return None;
    }
    Some(Schedule::new(cadence, on))
}

fn in_months(path: Key, months: &[u64], problems: &mut Problems) -> Option<Cadence> {
    if months.is_empty() {
        problems.add(path, Problem::NoMonths);
        return None;
    }
    let mut valid = Vec::with_capacity(months.len());
    let mut ok = true;
    for (at, &month) in months.iter().enumerate() {
        let path = path.item(at);
        let Some(month) = bounded_u32(problems, path, month, (1, 12), "(a month)") else {
            ok = false;
            continue;
        };
        if let Some(&previous) = valid.last()
            && month <= previous
        {
            problems.add(path, Problem::MonthOrder { month, previous });
            ok = false;
        }
        valid.push(month);
    }
    ok.then_some(Cadence::InMonths(valid))
}

/// `on`: `Tuesday`, `tue`, `3rd Thursday`, `last Friday` (any case), or
/// a day of the month.
fn day_rule(path: Key, day: &Day, problems: &mut Problems) -> Option<DayRule> {
    let text = match *day {
        Day::Number(number) => {
            return bounded_u32(problems, path, number, (1, 31), "(a day of the month)")
                .map(DayRule::DayOfMonth);
        }
        Day::Text(text) => text,
    };
    let parsed = match text.split_once(' ') {
        None => text.parse::<Weekday>().ok().map(DayRule::Weekday),
        Some((nth, weekday)) => {
            let nth = match nth.to_ascii_lowercase().as_str() {
                "1st" | "first" => Some(Nth::Number(1)),
                "2nd" | "second" => Some(Nth::Number(2)),
                "3rd" | "third" => Some(Nth::Number(3)),
                "4th" | "fourth" => Some(Nth::Number(4)),
                "last" => Some(Nth::Last),
                _ => None,
            };
            nth.zip(weekday.parse::<Weekday>().ok())
                .map(|(nth, weekday)| DayRule::NthWeekday(nth, weekday))
        }
    };
    if parsed.is_none() {
        let found = text.to_owned();
        problems.add(path, Problem::DayRule { found });
    }
    parsed
}

/// A support rule at `path`: months, until_next or both.
fn support(path: &str, values: &SupportValues, problems: &mut Problems) -> Option<Support> {
    let at = |key| Key::new(path, key);
    let mut valid = true;
    let months = values
        .months
        .map(|months| bounded_u32(problems, at("months"), months, (1, MAX_MONTHS), "months"));
    let until_next = values
        .until_next
        .map(|count| bounded_u32(problems, at("until_next"), count, (1, MAX_LINES), "lines"));
    let grace_months = values.grace_months.map(|months| {
        bounded_u32(
            problems,
            at("grace_months"),
            months,
            (0, MAX_MONTHS),
            "months",
        )
    });
    let has = |name: &'static str, valid: bool| valid || values.wrong.contains(&name);
    let has_until_next = has("until_next", until_next.is_some());
    if !has("months", months.is_some()) && !has_until_next {
        problems.add(path, Problem::NoSupportTerm);
        valid = false;
    }
    if has("grace_months", grace_months.is_some()) && !has_until_next {
        problems.add(at("grace_months"), Problem::GraceWithoutUntilNext);
        valid = false;
    }
    valid &= values.wrong.is_empty();
    let month_end = match values.round {
        None => Some(false),
        Some("month_end") => Some(true),
        Some(other) => {
            let problem = Problem::Keyword {
                expected: &["month_end"],
                found: other.to_owned(),
            };
            problems.add(at("round"), problem);
            None
        }
    };
    // Absent is fine; present but wrong is not.
    let kept = |value: Option<Option<u32>>| value.map_or(Some(None), |valid| valid.map(Some));
    let rule = Support {
        months: kept(months)?,
        until_next: kept(until_next)?,
        grace_months: kept(grace_months)?.unwrap_or(0),
        month_end: month_end?,
    };
    valid.then_some(rule)
}

fn lts(values: &LtsValues, problems: &mut Problems) -> Option<LtsRule> {
    let found = present(
        [
            ("every", values.every.is_some()),
            ("every_months", values.every_months.is_some()),
        ],
        &values.wrong,
    );
    if found.len() != 1 {
        let problem = Problem::Choice {
            expected: &["every", "every_months"],
            found,
        };
        problems.add("lts", problem);
    }
    let choice = match (values.every, values.every_months) {
        (Some(every), None) => {
            bounded_u32(problems, "lts.every", every, (1, MAX_EVERY), "lines").map(LtsChoice::Every)
        }
        (None, Some(months)) => bounded_u32(
            problems,
            "lts.every_months",
            months,
            (1, MAX_MONTHS),
            "months",
        )
        .map(LtsChoice::EveryMonths),
        // Reported above, or of the wrong type and reported.
        _ => None,
    };
    let support = match &values.support {
        Some(values) => support("lts.support", values, problems),
        None => {
            if !values.wrong.contains(&"support") {
                problems.add("lts.support", Problem::Missing);
            }
            None
        }
    };
    Some(LtsRule {
        choice: choice?,
        support: support?,
    })
}

fn weekday(text: &str, problems: &mut Problems) -> Option<Weekday> {
    let weekday = text.parse::<Weekday>().ok();
    if weekday.is_none() {
        let found = text.to_owned();
        problems.add("release_weekday", Problem::Weekday { found });
    }
    weekday
}

/// Where a value of the history is, spelled out only for a problem.
#[derive(Clone, Copy)]
enum At {
    Entry(usize),
    Patch(usize, usize),
}

impl At {
    fn field(self, key: &str) -> String {
        match self {
            Self::Entry(entry) => format!("history[{entry}].{key}"),
            Self::Patch(entry, patch) => format!("history[{entry}].patches[{patch}].{key}"),
        }
    }
}

fn date(problems: &mut Problems, at: At, key: &str, text: Option<&str>) -> Option<NaiveDate> {
    problems.check(|| at.field(key), parse_date(text?))
}

/// The history, checked entry by entry.
pub(super) struct History {
    pub(super) releases: Vec<Release>,
    /// Entries seen, valid or not.
    entries: usize,
    lines: LineKind,
    has_lts: bool,
    history_as_of: Option<NaiveDate>,
}

impl History {
    /// An empty history, to be read as the checked rules say.
    pub(super) fn new(rules: &Checked) -> Self {
        Self {
            releases: Vec::new(),
            entries: 0,
            lines: rules.lines,
            has_lts: rules.has_lts,
            history_as_of: rules.history_as_of,
        }
    }

    /// Checks the next entry against the one before, and keeps it if valid.
    pub(super) fn entry(&mut self, entry: &Entry, problems: &mut Problems) {
        let index = self.entries;
        self.entries += 1;
        let at = At::Entry(index);
        let line = entry.line.and_then(|text| {
            problems.check(|| at.field("line"), parse_history_line(text, self.lines))
        });
        let released = date(problems, at, "released", entry.released);
        let eol = date(problems, at, "eol", entry.eol);
        if entry.lts == Some(true) && !self.has_lts {
            problems.add(at.field("lts"), Problem::LtsWithoutRule);
        }
        let (Some(line), Some(released)) = (line, released) else {
            return;
        };
        if let Some(previous) = self.releases.last() {
            check_order(at, previous, line, released, problems);
        }
        if let Some(eol) = eol
            && eol <= released
        {
            let problem = Problem::EolNotAfterRelease {
                line,
                eol,
                released,
            };
            problems.add(at.field("eol"), problem);
        }
        self.check_as_of(at, released, problems);
        let patches = patches(index, line, released, &entry.patches, problems);
        for (at_patch, patch) in patches.iter().enumerate() {
            self.check_as_of(At::Patch(index, at_patch), patch.released, problems);
        }
        self.releases.push(Release {
            line,
            released,
            lts: entry.lts,
            eol,
            patches,
        });
    }

    /// A date the history records must be on or before `history_as_of`.
    fn check_as_of(&self, at: At, date: NaiveDate, problems: &mut Problems) {
        if let Some(as_of) = self.history_as_of
            && date > as_of
        {
            problems.add(
                at.field("released"),
                Problem::AfterHistoryAsOf { date, as_of },
            );
        }
    }

    /// The history once every entry is checked; a problem when it has none.
    pub(super) fn finish(self, problems: &mut Problems) -> Vec<Release> {
        if self.entries == 0 {
            problems.add("history", Problem::EmptyHistory);
        }
        self.releases
    }
}

fn check_order(
    at: At,
    previous: &Release,
    line: Line,
    released: NaiveDate,
    problems: &mut Problems,
) {
    if line == previous.line {
        problems.add(at.field("line"), Problem::ListedTwice(line));
    } else if line < previous.line {
        let previous = previous.line;
        problems.add(at.field("line"), Problem::LineOrder { line, previous });
    }
    // Two lines may come out on the same day (the later one is then the latest).
    if released < previous.released {
        let problem = Problem::DateOrder {
            line,
            released,
            previous: previous.line,
            previous_released: previous.released,
        };
        problems.add(at.field("released"), problem);
    }
}

fn patches(
    entry_index: usize,
    line: Line,
    line_released: NaiveDate,
    entries: &[(Option<&str>, Option<&str>)],
    problems: &mut Problems,
) -> Vec<KnownPatch> {
    let mut patches: Vec<KnownPatch> = Vec::with_capacity(entries.len());
    for (i, &(version, released)) in entries.iter().enumerate() {
        let at = At::Patch(entry_index, i);
        let version = version
            .and_then(|text| problems.check(|| at.field("version"), parse_patch_version(text)));
        let released = date(problems, at, "released", released);
        let (Some(version), Some(released)) = (version, released) else {
            continue;
        };
        if !line.holds(&version) || version == line.first_version() || !version.pre.is_empty() {
            let found = version.clone();
            problems.add(at.field("version"), Problem::NotAPatchOf { line, found });
        } else if let Some(previous) = patches.last()
            && version <= previous.version
        {
            let problem = Problem::PatchOrder {
                version: version.clone(),
                previous: previous.version.clone(),
            };
            problems.add(at.field("version"), problem);
        }
        let floor = patches
            .last()
            .map_or(line_released, |previous| previous.released);
        if released < floor {
            let problem = Problem::PatchDateOrder {
                version: version.clone(),
                released,
                floor,
                line,
            };
            problems.add(at.field("released"), problem);
        }
        patches.push(KnownPatch { version, released });
    }
    patches
}
