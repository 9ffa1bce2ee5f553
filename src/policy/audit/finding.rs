//! What an audit finds: each way the history (or projection) departs from
//! the policy, with the lines, versions and dates it is about.

use crate::policy::lines::numbers::Version;
use chrono::{NaiveDate, Weekday};

use crate::policy::catalogue::StatedField;
use crate::policy::dates::days_between;
use crate::policy::lines::line::Line;
use crate::policy::rules::schedule::DayRule;

/// One way the history (or projection) departs from the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// A line released more than [`GRACE_DAYS`](super::GRACE_DAYS) from the day the release
    /// schedule had it due after the previous one.
    OffCadence {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// The line before it.
        previous: Line,
        /// That line's release.
        previous_released: NaiveDate,
        /// When the policy says it was due.
        due: NaiveDate,
        /// Positive when late, negative when early.
        days_late: i64,
    },
    /// A line released on another day than the release weekday.
    OffWeekday {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// The day of the week it came out on.
        weekday: Weekday,
    },
    /// A line released on another day than the release schedule's nth
    /// weekday or day of the month.
    OffDay {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// The day the schedule names.
        expected: DayRule,
    },
    /// A line the rules had due on or before `history_as_of`, which the
    /// history does not list: it is late.
    Overdue {
        /// The line.
        line: Line,
        /// When the release schedule had it due.
        due: NaiveDate,
        /// The day up to which the history is complete.
        history_as_of: NaiveDate,
    },
    /// A line whose announced end of support comes before the end the
    /// rules promise.
    EarlyEol {
        /// The line.
        line: Line,
        /// The end announced in the history.
        announced: NaiveDate,
        /// The end the rules give.
        promised: NaiveDate,
    },
    /// A line whose announced end of active support comes before the end
    /// the rules' `active` (or `lts.active`) promise.
    EarlyActiveEnd {
        /// The line.
        line: Line,
        /// The end of active support announced in the history.
        announced: NaiveDate,
        /// The end the rules give.
        promised: NaiveDate,
    },
    /// An LTS line maintained for less than `lts.support.months`.
    ShortLtsSupport {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
        /// Release + `lts.support.months`.
        promised: NaiveDate,
        /// The end of its LTS maintenance.
        until: NaiveDate,
        /// The line whose release cut it short; `None` for an announced end.
        cut_by: Option<Line>,
    },
    /// A period with more than `lts.support.until_next` LTS lines maintained.
    TooManyLts {
        /// The first day of the period.
        from: NaiveDate,
        /// The day after its last day.
        to: NaiveDate,
        /// The LTS lines maintained.
        lines: Vec<Line>,
        /// How many the policy allows.
        allowed: u64,
    },
    /// A period of more than [`GRACE_DAYS`](super::GRACE_DAYS) with fewer LTS lines maintained
    /// than the policy keeps once running (as many as one LTS support
    /// period spans, at most `lts.support.until_next`), or than were
    /// released by then.
    LtsGap {
        /// The first day of the period.
        from: NaiveDate,
        /// The day after its last day.
        to: NaiveDate,
        /// The LTS lines maintained.
        lines: Vec<Line>,
        /// How many the policy keeps.
        expected: u64,
    },
    /// A known patch released on another day than the patch schedule names.
    PatchOffDay {
        /// Its line.
        line: Line,
        /// The patch.
        version: Version,
        /// Its date.
        released: NaiveDate,
        /// The day of the week it came out on.
        weekday: Weekday,
        /// The day the patch schedule names.
        expected: DayRule,
    },
    /// A known patch released on or after its line's end of support.
    PatchAfterEol {
        /// Its line.
        line: Line,
        /// The patch.
        version: Version,
        /// Its date.
        released: NaiveDate,
        /// Its line's end of support.
        eol: NaiveDate,
    },
    /// A recorded end more than [`AGREE_DAYS`](crate::catalogue::AGREE_DAYS)
    /// from the day a rule the product's record states gives it (one its
    /// `product.stated` lists, whether the policy uses it or not): a day
    /// typed wrong, or a rule that changed or never held.
    OffStatedRule {
        /// The line.
        line: Line,
        /// The phase the end is of: support, or active support.
        phase: StatedField,
        /// The last day of the phase, as the record writes it.
        recorded: NaiveDate,
        /// The last day the stated rule gives.
        stated: NaiveDate,
        /// Days from the rule's day to the record's (negative: earlier).
        days_off: i64,
        /// The rule, as the record states it (`eol(x) = releaseDate(x+1)`).
        rule: String,
    },
}

impl Finding {
    /// The finding's kind, as text and JSON name it: `off-cadence`,
    /// `off-weekday`, `off-day`, `overdue`, `early-eol`, `early-active-end`,
    /// `short-lts-support`, `too-many-lts`, `lts-gap`, `patch-off-day`,
    /// `patch-after-eol`, `off-stated-rule`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::OffCadence { .. } => "off-cadence",
            Self::OffWeekday { .. } => "off-weekday",
            Self::OffDay { .. } => "off-day",
            Self::Overdue { .. } => "overdue",
            Self::EarlyEol { .. } => "early-eol",
            Self::EarlyActiveEnd { .. } => "early-active-end",
            Self::ShortLtsSupport { .. } => "short-lts-support",
            Self::TooManyLts { .. } => "too-many-lts",
            Self::LtsGap { .. } => "lts-gap",
            Self::PatchOffDay { .. } => "patch-off-day",
            Self::PatchAfterEol { .. } => "patch-after-eol",
            Self::OffStatedRule { .. } => "off-stated-rule",
        }
    }

    /// The count of days the finding is about: days late (negative: early),
    /// days short of the promised support, the length of a period, or the
    /// days a recorded end is off its stated rule (negative: earlier).
    #[must_use]
    pub fn days(&self) -> Option<i64> {
        match self {
            Self::OffCadence { days_late, .. } => Some(*days_late),
            Self::OffStatedRule { days_off, .. } => Some(*days_off),
            Self::Overdue {
                due, history_as_of, ..
            } => Some(days_between(*due, *history_as_of)),
            Self::EarlyEol {
                announced,
                promised,
                ..
            }
            | Self::EarlyActiveEnd {
                announced,
                promised,
                ..
            } => Some(days_between(*announced, *promised)),
            Self::ShortLtsSupport {
                until, promised, ..
            } => Some(days_between(*until, *promised)),
            Self::TooManyLts { from, to, .. } | Self::LtsGap { from, to, .. } => {
                Some(days_between(*from, *to))
            }
            Self::OffWeekday { .. }
            | Self::OffDay { .. }
            | Self::PatchOffDay { .. }
            | Self::PatchAfterEol { .. } => None,
        }
    }

    /// For `OffCadence`, the days between the previous release and this one.
    #[must_use]
    pub fn days_after_previous(&self) -> Option<i64> {
        match self {
            Self::OffCadence {
                released,
                previous_released,
                ..
            } => Some(days_between(*previous_released, *released)),
            _ => None,
        }
    }

    /// For `OffStatedRule`, the phase and the rule's text, as the record
    /// states it.
    #[must_use]
    pub fn stated_rule(&self) -> Option<(StatedField, &str)> {
        match self {
            Self::OffStatedRule { phase, rule, .. } => Some((*phase, rule)),
            _ => None,
        }
    }
}

/// A date a finding names, by what it is to the finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FindingDate {
    /// A line's or a patch's release.
    Released,
    /// The release of the line before.
    PreviousReleased,
    /// When the schedule had a line due.
    Due,
    /// The end of support the rules promise.
    Promised,
    /// The end the finding is about: of LTS maintenance, or of the
    /// history's completeness.
    Until,
    /// The first day of a period.
    From,
    /// The day after a period's last day.
    To,
    /// An end of support.
    Eol,
    /// The last day of a phase, as a record writes it.
    Recorded,
    /// The last day a rule the record states gives a phase.
    Stated,
}

impl FindingDate {
    /// The name JSON and CSV give it: `released`, `previous_released`,
    /// `due`, `promised`, `until`, `from`, `to`, `eol`, `recorded`, `stated`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Released => "released",
            Self::PreviousReleased => "previous_released",
            Self::Due => "due",
            Self::Promised => "promised",
            Self::Until => "until",
            Self::From => "from",
            Self::To => "to",
            Self::Eol => "eol",
            Self::Recorded => "recorded",
            Self::Stated => "stated",
        }
    }
}

/// What a finding is about: its lines, its version, its dates.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Subject<'f> {
    /// The lines involved, the one found first.
    pub lines: Vec<Line>,
    /// The patch, for a finding about one.
    pub version: Option<&'f Version>,
    /// The dates it names, in the order of [`FindingDate`].
    pub dates: Vec<(FindingDate, NaiveDate)>,
}

impl Finding {
    /// The lines, version and dates the finding is about.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// use lts_policy::audit::{AuditScope, FindingDate};
    /// let kestra = Policy::kestra().unwrap();
    /// let audit = kestra.audit(parse_date("2026-11-25").unwrap(), AuditScope::History).unwrap();
    /// // 2.0 came 27 weeks after 1.3, due two months after it.
    /// let subject = audit.findings[0].finding.subject();
    /// let lines: Vec<String> = subject.lines.iter().map(ToString::to_string).collect();
    /// assert_eq!(lines, ["2.0", "1.3"]);
    /// assert_eq!(subject.dates[2], (FindingDate::Due, parse_date("2026-05-05").unwrap()));
    /// ```
    #[must_use]
    pub fn subject(&self) -> Subject<'_> {
        let mut dates = self.dates();
        dates.sort_by_key(|(kind, _)| *kind);
        Subject {
            lines: self.lines(),
            version: self.version(),
            dates,
        }
    }

    /// The lines it is about, the one it is of first.
    fn lines(&self) -> Vec<Line> {
        match self {
            Self::OffCadence { line, previous, .. } => vec![line.clone(), previous.clone()],
            Self::ShortLtsSupport { line, cut_by, .. } => std::iter::once(line.clone())
                .chain(cut_by.clone())
                .collect(),
            Self::TooManyLts { lines, .. } | Self::LtsGap { lines, .. } => lines.clone(),
            Self::OffWeekday { line, .. }
            | Self::OffDay { line, .. }
            | Self::Overdue { line, .. }
            | Self::EarlyEol { line, .. }
            | Self::EarlyActiveEnd { line, .. }
            | Self::PatchOffDay { line, .. }
            | Self::PatchAfterEol { line, .. }
            | Self::OffStatedRule { line, .. } => vec![line.clone()],
        }
    }

    /// The patch it is about, if it is about one.
    fn version(&self) -> Option<&Version> {
        match self {
            Self::PatchOffDay { version, .. } | Self::PatchAfterEol { version, .. } => {
                Some(version)
            }
            _ => None,
        }
    }

    /// The dates it names, each with what it is.
    fn dates(&self) -> Vec<(FindingDate, NaiveDate)> {
        use FindingDate::{
            Due, Eol, From, PreviousReleased, Promised, Recorded, Released, Stated, To, Until,
        };
        match self {
            Self::OffCadence {
                released,
                previous_released,
                due,
                ..
            } => vec![
                (Released, *released),
                (PreviousReleased, *previous_released),
                (Due, *due),
            ],
            Self::OffWeekday { released, .. }
            | Self::OffDay { released, .. }
            | Self::PatchOffDay { released, .. } => vec![(Released, *released)],
            Self::Overdue {
                due, history_as_of, ..
            } => vec![(Due, *due), (Until, *history_as_of)],
            Self::EarlyEol {
                announced,
                promised,
                ..
            } => vec![(Eol, *announced), (Promised, *promised)],
            Self::EarlyActiveEnd {
                announced,
                promised,
                ..
            } => vec![(Until, *announced), (Promised, *promised)],
            Self::ShortLtsSupport {
                released,
                promised,
                until,
                ..
            } => vec![
                (Released, *released),
                (Promised, *promised),
                (Until, *until),
            ],
            Self::TooManyLts { from, to, .. } | Self::LtsGap { from, to, .. } => {
                vec![(From, *from), (To, *to)]
            }
            Self::PatchAfterEol { released, eol, .. } => vec![(Released, *released), (Eol, *eol)],
            Self::OffStatedRule {
                recorded, stated, ..
            } => vec![(Recorded, *recorded), (Stated, *stated)],
        }
    }
}
