//! Each rule as a policy file writes it.

use super::format::{
    DayFile, LtsFile, LtsStartFile, NewMajorFile, PatchesFile, ScheduleFile, SupportFile,
};
use crate::policy::rules::line_rules::{
    CountFrom, LtsChoice, LtsRule, LtsStart, NewMajor, Patches, Period, Round, Support,
};
use crate::policy::rules::schedule::{Cadence, DayRule, Schedule};

pub(super) fn schedule_file(schedule: &Schedule) -> ScheduleFile<'static> {
    let mut file = ScheduleFile::default();
    match &schedule.cadence {
        Cadence::EveryMonths(months) => file.every_months = Some(u64::from(*months)),
        Cadence::EveryWeeks(weeks) => file.every_weeks = Some(u64::from(*weeks)),
        Cadence::InMonths(months) => {
            file.in_months = Some(months.iter().map(|&month| u64::from(month)).collect());
        }
    }
    file.on = match schedule.on {
        DayRule::Due => None,
        DayRule::DayOfMonth(day) => Some(DayFile::Number(u64::from(day))),
        rule => Some(DayFile::Text(rule.to_string().into())),
    };
    file
}

pub(super) fn support_file(support: &Support) -> SupportFile<'static> {
    let mut file = SupportFile {
        until_next: support.until_next.map(u64::from),
        round: match support.round {
            Round::Exact => None,
            Round::MonthEnd => Some("month_end".into()),
            Round::QuarterEnd => Some("quarter_end".into()),
            Round::YearEnd => Some("year_end".into()),
        },
        from: (support.from == CountFrom::Scheduled).then(|| "scheduled".into()),
        ..SupportFile::default()
    };
    match support.period {
        Some(Period::Months(months)) => file.months = Some(u64::from(months)),
        Some(Period::Weeks(weeks)) => file.weeks = Some(u64::from(weeks)),
        Some(Period::Days(days)) => file.days = Some(u64::from(days)),
        None => {}
    }
    match support.grace {
        Some(Period::Months(months)) => file.grace_months = Some(u64::from(months)),
        Some(Period::Weeks(weeks)) => file.grace_weeks = Some(u64::from(weeks)),
        Some(Period::Days(days)) => file.grace_days = Some(u64::from(days)),
        None => {}
    }
    file
}

/// `support`, with the rule for the last minor of a major inside it.
pub(super) fn support_rule_file(
    support: &Support,
    last_of_major: Option<&Support>,
) -> SupportFile<'static> {
    SupportFile {
        last_of_major: last_of_major.map(|rule| Box::new(support_file(rule))),
        ..support_file(support)
    }
}

pub(super) fn lts_file(lts: &LtsRule) -> LtsFile<'static> {
    let mut file = LtsFile {
        starts: match lts.starts {
            LtsStart::Release => None,
            LtsStart::AtNext(lines) => Some(LtsStartFile {
                at_next: Some(u64::from(lines)),
                months: None,
            }),
            LtsStart::Months(months) => Some(LtsStartFile {
                at_next: None,
                months: Some(u64::from(months)),
            }),
        },
        support: Some(support_file(&lts.support)),
        active: lts.active.as_ref().map(support_file),
        ..LtsFile::default()
    };
    match lts.choice {
        LtsChoice::Every(every) => file.every = Some(u64::from(every)),
        LtsChoice::EveryMonths(months) => file.every_months = Some(u64::from(months)),
    }
    file
}

pub(super) fn new_major_file(rule: NewMajor) -> NewMajorFile {
    match rule {
        NewMajor::AfterMinor(minor) => NewMajorFile {
            after_minor: Some(minor),
            in_month: None,
        },
        NewMajor::InMonth(month) => NewMajorFile {
            after_minor: None,
            in_month: Some(u64::from(month)),
        },
    }
}

pub(super) fn patches_file(patches: &Patches) -> PatchesFile<'static> {
    match patches {
        Patches::Scheduled(schedule) => PatchesFile::Schedule(schedule_file(schedule)),
        Patches::Recorded => PatchesFile::Text("recorded".into()),
    }
}
