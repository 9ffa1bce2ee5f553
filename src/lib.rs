//! `lts-policy`: a release-channel calculator.
//!
//! A vendor publishes a release policy ("a minor every 2 months, patches
//! every Tuesday, an LTS every 6 months supported for a year"); a
//! [`Policy`] answers from those rules and the releases recorded so far,
//! for any date past or future, which lines are supported and in which
//! role, where a backport goes, whether a version is still maintained, what
//! a floating tag points to, and whether the history kept the promises.
//! Every answer says which of its values are recorded facts
//! ([`Source::History`]) and which are projections of the rules
//! ([`Source::Rules`]).
//!
//! The library is pure: no clock, no files, no printing. It builds without
//! the command line's crates (`default-features = false`). The main types
//! are at the root; the rest is in modules by what they are about:
//! [`rules`] (schedules, support, LTS choice), [`lines`] (what the rules
//! say of one line), [`answers`] (the queries' answers), [`calendar`]
//! (ranges of days), [`audit`], [`facts`] (git tags and endoflife.date
//! answers), [`fit`] (rules fitted to a history), [`dates`] and [`error`].
//!
//! # Example
//! ```
//! use lts_policy::{Line, Policy, Role, Source, parse_date};
//!
//! let kestra = Policy::kestra()?;
//! let supported = kestra.supported_on(parse_date("2026-10-01")?)?;
//! let lines: Vec<String> = supported.iter().map(|s| s.info.line.to_string()).collect();
//! assert_eq!(lines, ["2.0", "1.3"]);
//! // 2.0 is the newest LTS line; 1.3 the previous one, maintained until the
//! // end Kestra announced, one year after its release.
//! let one_three = &supported[1];
//! assert_eq!(one_three.roles, [Role::PreviousLts]);
//! assert_eq!(one_three.info.eol, Some(parse_date("2027-03-03")?));
//! assert_eq!(one_three.info.eol_source, Source::History);
//! // A line, or any version of it, as a user types it.
//! assert_eq!(kestra.line_of("v1.3.7")?, "1.3".parse::<Line>()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
#![doc = include_str!("model.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// A panic is a bug: fallible steps return errors, outside tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod policy;

pub use policy::dates::parse_date;
pub use policy::definition::Policy;
pub use policy::error::PolicyError;
pub use policy::info::{LineInfo, SupportedLine};
pub use policy::model::{Line, LineKind, Numbering, Role, Source};
pub use policy::numbers::Version;
pub use policy::version::VersionInput;

pub mod rules {
    //! The vocabulary of a policy's rules: schedules and their day rules,
    //! support rules, how LTS lines are chosen, where majors start, and
    //! release branch names.
    //!
    //! ```
    //! use chrono::Weekday;
    //! use lts_policy::parse_date;
    //! use lts_policy::rules::{Cadence, DayRule, Schedule};
    //! // Every 2 months, on the first Tuesday on or after the due date.
    //! let releases = Schedule::new(Cadence::EveryMonths(2), DayRule::Weekday(Weekday::Tue));
    //! let after = parse_date("2026-09-08")?;
    //! // 2026-11-08 is a Sunday: the Tuesday after.
    //! assert_eq!(releases.nth(after, 1), Some(parse_date("2026-11-10")?));
    //! # Ok::<(), lts_policy::dates::DateError>(())
    //! ```
    pub use crate::policy::rules::{
        Change, CountFrom, LineRules, LtsChoice, LtsRule, LtsStart, NewMajor, Patches, Period,
        Round, RuleField, Support,
    };
    pub use crate::policy::schedule::{Cadence, DayRule, Nth, Schedule, weekday_name};
    pub use crate::policy::template::{BranchName, BranchTemplate, TagTemplate};
}

pub mod forecast {
    //! How sure a projection is: the policy's [`TrackRecord`] (how far its
    //! history's releases fell from the days its rules had them due) and
    //! the 80% [`Range`] of each projected release and of each end counted
    //! from one.
    //!
    //! ```
    //! use lts_policy::{Line, Policy};
    //! let kestra = Policy::kestra()?;
    //! // Four releases are too few to say how far 2.1 may slip.
    //! assert_eq!(kestra.track_record().len(), 4);
    //! assert_eq!(kestra.line(Line::new(2, 1))?.released_range, None);
    //! # Ok::<(), lts_policy::PolicyError>(())
    //! ```
    pub use crate::policy::forecast::{FEWEST_SLIPS, Range, TrackRecord};
}

pub mod lines {
    //! What a policy says of one line, known or projected: its release, LTS
    //! flag and windows of support, with why each ends, and the releases
    //! and patches its history records.
    //!
    //! ```
    //! use lts_policy::lines::EolReason;
    //! use lts_policy::{Line, Policy};
    //! let kestra = Policy::kestra()?;
    //! // 2.0 is LTS: maintained until the second LTS line after it, or a
    //! // year, whichever comes first.
    //! let two = kestra.line(Line::new(2, 0))?;
    //! assert!(two.lts);
    //! assert_eq!(two.eol, Some(lts_policy::parse_date("2027-09-08")?));
    //! assert_eq!(two.eol_reason, EolReason::LtsSupportPeriod);
    //! # Ok::<(), lts_policy::PolicyError>(())
    //! ```
    pub use crate::policy::info::{
        ActiveEnd, EolReason, LineInfo, LtsReason, Patch, Phase, Successor, SupportedLine, Window,
        WindowEnd, WindowRule,
    };
    pub use crate::policy::model::{KnownPatch, RecordedEnd, Release};
    pub use crate::policy::numbers::{MAX_LINE_NUMBERS, MAX_NUMBERS};
    pub use crate::policy::version::VersionInput;
}

pub mod answers {
    //! The answers of the queries beyond the supported lines: a version's
    //! status, floating tags, patch days, explanations.
    //!
    //! ```
    //! use lts_policy::answers::{SupportState, Tag, TagTarget};
    //! use lts_policy::{Policy, VersionInput, parse_date};
    //! let kestra = Policy::kestra()?;
    //! let on = parse_date("2026-03-01")?;
    //! let status = kestra.status("1.1.4".parse::<VersionInput>()?, on)?;
    //! assert_eq!(status.state, SupportState::Ended);
    //! let TagTarget::Version { info, .. } = kestra.tag(Tag::LatestLts, on)? else {
    //!     panic!("latest-lts points to a version");
    //! };
    //! assert_eq!(info.line.to_string(), "1.0");
    //! # Ok::<(), Box<dyn std::error::Error>>(())
    //! ```
    pub use crate::policy::answers::{Status, SupportState};
    pub use crate::policy::explain::Explanation;
    pub use crate::policy::floating::{Dangling, Tag, TagTarget};
    pub use crate::policy::patch_days::{PatchDay, PatchDays, ShippedPatch, Start};
    pub use crate::policy::projection::ProjectionBasis;
    pub use crate::policy::roles::{Fix, Selection};
}

pub mod calendar {
    //! Ranges of days: the calendar of releases between two dates, and the
    //! timeline of support around a date, each worked out as it is read.
    //!
    //! ```
    //! use lts_policy::{Policy, parse_date};
    //! let kestra = Policy::kestra()?;
    //! let (from, to) = (parse_date("2026-09-01")?, parse_date("2027-01-31")?);
    //! let calendar = kestra.releases(Some(from), Some(to), from)?;
    //! let lines: Vec<String> = calendar.lines().map(|l| l.map(|l| l.line.to_string())).collect::<Result<_, _>>()?;
    //! assert_eq!(lines, ["2.0", "2.1", "2.2"]);
    //! # Ok::<(), Box<dyn std::error::Error>>(())
    //! ```
    pub use crate::policy::calendar::{Calendar, DefaultPeriod, Lines, RangeEnd};
    pub use crate::policy::timeline::{Part, Rows, Segment, Timeline, TimelineRow};
}

pub mod audit {
    //! The history (and, on request, the projection) against the policy's
    //! promises.
    //!
    //! ```
    //! use lts_policy::audit::AuditScope;
    //! use lts_policy::{Policy, parse_date};
    //! let kestra = Policy::kestra()?;
    //! let audit = kestra.audit(parse_date("2026-11-25")?, AuditScope::History)?;
    //! // 2.0 came 126 days after it was due.
    //! assert_eq!(audit.findings[0].finding.kind(), "off-cadence");
    //! # Ok::<(), Box<dyn std::error::Error>>(())
    //! ```
    pub use crate::policy::audit::{
        Audit, AuditFinding, AuditScope, Finding, FindingDate, GRACE_DAYS, Subject,
    };
}

pub mod facts {
    //! Facts from where releases are recorded, a repository's tags or an
    //! endoflife.date answer, to merge into a policy's history, and how old
    //! a history's facts look ([`OldFacts`]).
    //!
    //! ```
    //! use lts_policy::facts::{Facts, GitTag};
    //! use lts_policy::{LineKind, parse_date};
    //! let tag = GitTag::of_commit("v1.0.0", parse_date("2025-09-09")?);
    //! let facts = Facts::from_tags(&[tag], None, LineKind::Minor)?;
    //! assert_eq!(facts.newest(), Some(parse_date("2025-09-09")?));
    //! # Ok::<(), Box<dyn std::error::Error>>(())
    //! ```
    pub use crate::policy::facts::{
        Contradiction, Facts, FactsProblem, GitObject, GitTag, Ignored, OldFacts, Origin, TagDate,
        Witness,
    };
}

pub mod fit {
    //! A policy from its history: a [`Draft`] states the rules a user knows
    //! (any may be left out), and [`Draft::fit`] fits the others to the
    //! history, saying for each what it rests on.
    //!
    //! ```
    //! use lts_policy::Policy;
    //! use lts_policy::fit::Draft;
    //! // What Kestra's history alone says of its rules.
    //! let fit = Draft::of_history(&Policy::kestra()?).fit()?;
    //! assert_eq!(fit.policy.name(), "kestra");
    //! # Ok::<(), lts_policy::PolicyError>(())
    //! ```
    pub use crate::policy::fit::{
        Draft, Fit, FitBasis, FitNote, FitSubject, PATCH_WITHIN_DAYS, WITHIN_DAYS,
    };
}

pub mod dates {
    //! Calendar arithmetic on plain dates, every step checked: adding
    //! months clamps to the month's end, and nothing panics at the edge of
    //! the representable range.
    //!
    //! ```
    //! use lts_policy::dates::{add_months, parse_date};
    //! assert_eq!(add_months(parse_date("2025-12-31")?, 2), Some(parse_date("2026-02-28")?));
    //! # Ok::<(), lts_policy::dates::DateError>(())
    //! ```
    pub use crate::policy::dates::{
        DateError, DateProblem, LAST_DAY, add_months, days_between, parse_date, weekday_after,
        weekday_on_or_after,
    };
}

pub mod error {
    //! Why the model could not answer: [`PolicyError`], and the typed
    //! problems it carries, each naming the value that was wrong.
    //!
    //! ```
    //! use lts_policy::Policy;
    //! use lts_policy::error::{PolicyError, Problem};
    //! let err = Policy::from_json(r#"{"name": "x"}"#).unwrap_err();
    //! let PolicyError::InvalidPolicy { path, problem } = &err else { panic!() };
    //! assert_eq!((path.as_str(), matches!(**problem, Problem::Missing)), ("branch_template", true));
    //! ```
    pub use crate::policy::dates::{DateError, DateProblem};
    pub use crate::policy::error::{Beyond, LineHint, Numbered, PolicyError};
    pub use crate::policy::facts::FactsProblem;
    pub use crate::policy::file::found::{Expected, Found, Unit};
    pub use crate::policy::file::problem::Problem;
    pub use crate::policy::numbers::NumbersError;
    pub use crate::policy::template::{
        LinesProblem, SameName, TemplateError, TemplateKind, TemplateProblem,
    };
    pub use crate::policy::version::{VersionError, VersionProblem};
}
