//! An LTS window that counts LTS lines ends with the release of the one it
//! counts to: the n-th line after it whose own flag says LTS, however the
//! model finds it (past the lines walked, by counting from the anchor).

use chrono::Days;
use proptest::prelude::*;

use super::properties::general_strategy;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn an_lts_window_counts_to_the_lts_lines_after_it(policy in general_strategy()) {
        let first = policy.first_release().released;
        let to = policy.newest_release().released + Days::new(4000);
        let calendar = policy.releases(Some(first), Some(to), first).unwrap();
        let lines: Vec<_> = calendar.lines().take(80).map(Result::unwrap).collect();
        for (at, info) in lines.iter().enumerate() {
            let windows = [&info.lts_window, &info.lts_active_window];
            for successor in windows.into_iter().flatten().filter_map(|window| window.successor.as_ref()) {
                let places = successor.places as usize;
                let counted = lines[at + 1..].iter().filter(|later| later.lts).nth(places - 1);
                if let Some(counted) = counted {
                    prop_assert_eq!(&counted.line, &successor.line, "after {}", info.line);
                }
            }
        }
    }
}
