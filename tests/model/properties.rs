//! Properties that hold for every valid policy and every date, checked on
//! random policies (any weekday, minor cadence 1 to 6 months, an LTS cadence
//! that is a multiple of it, 1 to 36 months of support, 1 to 4 in parallel,
//! random histories) and random dates.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use serde_json::json;

use super::*;
use lts_policy::policy::{SupportState, VersionInput};

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A history entry: days after the previous release, whether the next line
/// is a new major, and its declared LTS flag.
type Entry = (u16, bool, Option<bool>);

fn policy_strategy() -> impl Strategy<Value = Policy> {
    (
        0..7usize,
        1..=6u64,
        1..=4u64,
        1..=36u64,
        1..=4u64,
        0..15_000u32,
        prop::collection::vec(
            (
                0..400u16,
                prop::bool::weighted(0.2),
                prop::option::of(any::<bool>()),
            ),
            1..8,
        ),
    )
        .prop_map(
            |(weekday, minor, lts_lines, support, parallel, start, entries)| {
                random_policy(
                    weekday, minor, lts_lines, support, parallel, start, &entries,
                )
            },
        )
}

fn random_policy(
    weekday: usize,
    minor: u64,
    lts_lines: u64,
    support: u64,
    parallel: u64,
    start: u32,
    entries: &[Entry],
) -> Policy {
    let mut released = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Days::new(u64::from(start));
    let (mut major, mut minor_number) = (1u64, 0u64);
    let mut history = Vec::new();
    for (i, (gap, new_major, lts)) in entries.iter().enumerate() {
        if i > 0 {
            released = released + Days::new(u64::from(*gap));
            if *new_major {
                (major, minor_number) = (major + 1, 0);
            } else {
                minor_number += 1;
            }
        }
        let mut entry =
            json!({"line": format!("{major}.{minor_number}"), "released": released.to_string()});
        if let Some(lts) = lts {
            entry["lts"] = (*lts).into();
        }
        history.push(entry);
    }
    let file = json!({
        "name": "random", "release_weekday": WEEKDAYS[weekday], "minor_every_months": minor,
        "lts_every_months": minor * lts_lines, "lts_support_months": support,
        "lts_in_parallel": parallel, "branch_template": "b/{major}.{minor}", "history": history,
    });
    Policy::from_json(&file.to_string()).unwrap()
}

/// A date from 100 days before the first release to about 8 years after the last.
fn date_in(policy: &Policy, offset: u16) -> NaiveDate {
    let first = policy.history()[0].released;
    let last = policy.history()[policy.history().len() - 1].released;
    let span = u64::try_from((last - first).num_days()).unwrap() + 3000 + 100;
    first - Days::new(100) + Days::new(u64::from(offset) % span)
}

/// The `n`-th line of a policy, known or projected, in release order.
fn nth_line(policy: &Policy, n: usize) -> LineInfo {
    let first = policy.first_release().released;
    let far = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    let calendar = policy.releases(Some(first), Some(far), first).unwrap();
    calendar.lines().nth(n).unwrap().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_latest_line_is_supported_from_the_first_release_on(policy in policy_strategy(), offset: u16) {
        let on = date_in(&policy, offset);
        let supported = policy.supported_on(on).unwrap();
        if on < policy.history()[0].released {
            prop_assert!(supported.is_empty());
        } else {
            let latest = policy.latest_on(on).unwrap().unwrap();
            prop_assert_eq!(&supported[0].info, &latest);
            prop_assert!(supported[0].roles.contains(&Role::Latest));
        }
    }

    #[test]
    fn no_more_lts_lines_than_allowed(policy in policy_strategy(), offset: u16) {
        let on = date_in(&policy, offset);
        let lts = policy
            .supported_on(on)
            .unwrap()
            .iter()
            .filter(|line| line.roles.iter().any(|role| *role != Role::Latest))
            .count() as u64;
        let allowed = policy.lts_rule().and_then(|lts| lts.support.until_next).unwrap();
        prop_assert!(u64::from(allowed) >= lts, "{} LTS lines on {}", lts, on);
    }

    #[test]
    fn support_is_one_window_from_the_release(policy in policy_strategy(), line in 0..12usize, offsets: [u16; 8]) {
        let info = nth_line(&policy, line);
        prop_assert!(info.released < info.eol);
        for offset in offsets {
            let on = date_in(&policy, offset);
            let listed = policy.supported_on(on).unwrap().iter().any(|s| s.info.line == info.line);
            prop_assert_eq!(listed, info.released <= on && on < info.eol, "{} on {}", info.line, on);
        }
    }

    #[test]
    fn backport_targets_are_the_supported_lines_and_status_agrees(policy in policy_strategy(), offset: u16) {
        let on = date_in(&policy, offset);
        let supported = policy.supported_on(on).unwrap();
        prop_assert_eq!(&policy.backport_targets(on, None).unwrap(), &supported);
        for index in 0..policy.history().len() + 2 {
            let line = nth_line(&policy, index).line;
            let status = policy.status(VersionInput::new(line.major, line.minor, None), on).unwrap();
            let listed = supported.iter().any(|s| s.info.line == line);
            prop_assert_eq!(status.state == SupportState::Supported, listed);
        }
    }

    #[test]
    fn projected_releases_fall_on_the_weekday_in_order(policy in policy_strategy()) {
        let newest = policy.history().len() - 1;
        let mut previous = policy.newest_release().released;
        for index in newest + 1..newest + 30 {
            let released = nth_line(&policy, index).released;
            prop_assert_eq!(Some(released.weekday()), policy.releases_schedule().on.weekday());
            prop_assert!(released > previous);
            previous = released;
        }
    }

    #[test]
    fn answers_do_not_depend_on_the_order_of_queries(policy in policy_strategy(), offsets: [u16; 4]) {
        let dates: Vec<NaiveDate> = offsets.iter().map(|&offset| date_in(&policy, offset)).collect();
        let forward: Vec<_> = dates.iter().map(|&on| policy.supported_on(on).unwrap()).collect();
        let mut backward: Vec<_> = dates.iter().rev().map(|&on| policy.supported_on(on).unwrap()).collect();
        backward.reverse();
        prop_assert_eq!(forward, backward);
    }
}
