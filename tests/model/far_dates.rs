//! The first line of a calendar with a date past a day, found without
//! working out the lines released too long before it to have one: the
//! same line a scan of every line finds, on random policies and real ones.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::properties::general_strategy;
use super::*;

/// The first line of `policy`'s calendar from its first release to `to`
/// with a date past `day`, by the skipping search and by a scan of them all.
fn found_and_scanned(
    policy: &Policy,
    to: NaiveDate,
    day: NaiveDate,
) -> (Option<LineInfo>, Option<LineInfo>) {
    let first = policy.first_release().released;
    let calendar = policy.releases(Some(first), Some(to), first).unwrap();
    let scanned = calendar
        .lines()
        .map(Result::unwrap)
        .find(|info| info.latest_date() > day);
    (calendar.first_line_past(day).unwrap(), scanned)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn the_first_line_past_a_day_is_the_one_a_scan_finds(
        policy in general_strategy(),
        after in 0..20_000u64,
        beyond in 0..2_000u64,
    ) {
        let day = policy.newest_release().released + Days::new(after);
        let (found, scanned) = found_and_scanned(&policy, day + Days::new(beyond), day);
        prop_assert_eq!(found, scanned);
    }
}

#[test]
fn real_policies_end_their_calendars_where_a_scan_does() {
    for name in [
        "kestra",
        "nodejs",
        "gitlab",
        "python",
        "kubernetes",
        "dotnet",
        "spring-boot",
    ] {
        let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let policy = Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        for day in ["2031-06-30", "2150-12-31"] {
            let (found, scanned) = found_and_scanned(&policy, date("2160-12-31"), date(day));
            assert_eq!(found, scanned, "{name} past {day}");
        }
    }
}
