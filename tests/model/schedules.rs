//! Schedules: each cadence with each day rule, month ends, leap years.

use chrono::Weekday;
use lts_policy::rules::{Cadence, DayRule, Nth, Schedule};

use super::{Policy, date};

fn dates(schedule: &Schedule, anchor: &str, count: u64) -> Vec<String> {
    (1..=count)
        .map(|k| schedule.nth(date(anchor), k).unwrap().to_string())
        .collect()
}

#[test]
fn every_months_counts_from_the_anchor_so_clamping_never_compounds() {
    let schedule = Schedule::new(Cadence::EveryMonths(2), DayRule::Due);
    // 08-31 + 2, 4, 6, 8 months: October 31, December 31, February 28 (2026
    // is not a leap year), April 30; never 28 after February.
    assert_eq!(
        dates(&schedule, "2025-08-31", 4),
        ["2025-10-31", "2025-12-31", "2026-02-28", "2026-04-30"]
    );
}

#[test]
fn a_day_of_the_month_is_clamped_to_the_months_end_leap_years_included() {
    let schedule = Schedule::new(Cadence::EveryMonths(1), DayRule::DayOfMonth(31));
    // 2024 is a leap year: February 29; then March 31, April 30.
    assert_eq!(
        dates(&schedule, "2024-01-31", 3),
        ["2024-02-29", "2024-03-31", "2024-04-30"]
    );
    assert_eq!(dates(&schedule, "2026-01-15", 1), ["2026-02-28"]);
}

#[test]
fn nth_weekdays_of_the_due_month() {
    // GitLab: the 3rd Thursday. 2026-09-01 is a Tuesday: Thursdays 3, 10,
    // 17; 2026-10-01 is a Thursday: 1, 8, 15.
    let third_thursday = Schedule::new(
        Cadence::EveryMonths(1),
        DayRule::NthWeekday(Nth::Number(3), Weekday::Thu),
    );
    assert_eq!(
        dates(&third_thursday, "2026-08-20", 2),
        ["2026-09-17", "2026-10-15"]
    );
    // The last Friday: 2026-02-28 is a Saturday, so the 27th; 2026-03-31 is
    // a Tuesday, so the 27th again.
    let last_friday = Schedule::new(
        Cadence::EveryMonths(1),
        DayRule::NthWeekday(Nth::Last, Weekday::Fri),
    );
    assert_eq!(
        dates(&last_friday, "2026-01-10", 2),
        ["2026-02-27", "2026-03-27"]
    );
}

#[test]
fn in_months_wraps_into_the_following_years() {
    // Kubernetes: April, August, December, on the 3rd Wednesday. After
    // 2025-12-17: 2026-04-01 is a Wednesday (1, 8, 15); 2026-08-01 a
    // Saturday (5, 12, 19); 2026-12-01 a Tuesday (2, 9, 16); 2027-04-01 a
    // Thursday (7, 14, 21).
    let kubernetes = Schedule::new(
        Cadence::InMonths(vec![4, 8, 12]),
        DayRule::NthWeekday(Nth::Number(3), Weekday::Wed),
    );
    assert_eq!(
        dates(&kubernetes, "2025-12-17", 4),
        ["2026-04-15", "2026-08-19", "2026-12-16", "2027-04-21"]
    );
    // Due on the first of the month without a day rule; the anchor's own
    // month is never listed again (strictly after it).
    let yearly = Schedule::new(Cadence::InMonths(vec![11]), DayRule::Due);
    assert_eq!(
        dates(&yearly, "2025-11-11", 2),
        ["2026-11-01", "2027-11-01"]
    );
}

#[test]
fn every_weeks_on_a_weekday_counts_that_weekday_after_the_anchor() {
    // Every 2 weeks on Tuesday after Wednesday 2026-08-19: the Tuesdays
    // after it are 08-25, 09-01, 09-08, 09-15: the 2nd and the 4th.
    let fortnightly = Schedule::new(Cadence::EveryWeeks(2), DayRule::Weekday(Weekday::Tue));
    assert_eq!(
        dates(&fortnightly, "2026-08-19", 2),
        ["2026-09-01", "2026-09-15"]
    );
    // Without a weekday, 7 days from the anchor, whatever day it is.
    let weekly = Schedule::new(Cadence::EveryWeeks(1), DayRule::Due);
    assert_eq!(
        dates(&weekly, "2026-03-03", 2),
        ["2026-03-10", "2026-03-17"]
    );
}

#[test]
fn counts_and_next_dates_agree_with_the_dates() {
    let schedules = [
        Schedule::new(Cadence::EveryMonths(2), DayRule::Weekday(Weekday::Tue)),
        Schedule::new(
            Cadence::InMonths(vec![4, 10]),
            DayRule::NthWeekday(Nth::Number(3), Weekday::Tue),
        ),
        Schedule::new(Cadence::EveryWeeks(8), DayRule::Weekday(Weekday::Tue)),
        Schedule::new(Cadence::EveryMonths(1), DayRule::DayOfMonth(15)),
    ];
    let anchor = date("2024-04-24");
    for schedule in &schedules {
        for k in 1..40 {
            let day = schedule.nth(anchor, k).unwrap();
            assert_eq!(schedule.count_until(anchor, day), k, "{schedule:?} {day}");
            let eve = day.pred_opt().unwrap();
            assert_eq!(
                schedule.count_until(anchor, eve),
                k - 1,
                "{schedule:?} {eve}"
            );
            assert_eq!(schedule.next_after(anchor, eve), Some(day));
        }
    }
}

#[test]
fn a_timelines_axis_has_every_month_start_and_year_start_it_shows() {
    let kestra = Policy::kestra().unwrap();
    let axis = |from: &str, to: &str| {
        kestra
            .timeline(date(from), Some(date(from)), Some(date(to)))
            .unwrap()
    };
    // Both ends included; a month starting after the first day is not shown
    // before it (2024 is a leap year: February's 29 days change nothing).
    let months: Vec<String> = axis("2024-01-31", "2024-04-01")
        .month_starts()
        .map(|month| month.to_string())
        .collect();
    assert_eq!(months, ["2024-02-01", "2024-03-01", "2024-04-01"]);
    // The first year starts with the axis, each later one on January 1st.
    let years: Vec<String> = axis("2025-11-25", "2027-11-25")
        .year_starts()
        .map(|start| start.to_string())
        .collect();
    assert_eq!(years, ["2025-11-25", "2026-01-01", "2027-01-01"]);
    let one: Vec<String> = axis("2026-01-01", "2026-06-30")
        .year_starts()
        .map(|start| start.to_string())
        .collect();
    assert_eq!(one, ["2026-01-01"]);
}
