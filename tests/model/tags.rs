//! `tags_for`, the reverse of `tag`: the floating tags a published version
//! takes, checked against `tag` day after day on real vendors' policies.

use chrono::Days;
use lts_policy::answers::{Tag, TagTarget};

use super::{Policy, date};

fn example(name: &str) -> Policy {
    Policy::from_json(&std::fs::read_to_string(format!("examples/{name}.json")).unwrap()).unwrap()
}

#[test]
fn each_tag_given_points_to_the_version_and_no_other_tag_does() {
    for policy in [
        Policy::kestra().unwrap(),
        example("nodejs"),
        example("gitlab"),
    ] {
        let mut on = date("2025-01-01");
        while on <= date("2027-12-31") {
            // The versions the tags point to that day: each takes exactly the
            // tags that point to it; any other patch of its line takes none.
            let tags = [Tag::Latest, Tag::LatestLts];
            let mut versions: Vec<_> = tags
                .iter()
                .filter_map(|tag| match policy.tag(*tag, on).unwrap() {
                    TagTarget::Version { patch, .. } => Some(patch.version),
                    _ => None,
                })
                .collect();
            versions.extend(
                policy
                    .supported_on(on)
                    .unwrap()
                    .into_iter()
                    .map(|line| line.latest_patch.version),
            );
            for version in versions {
                let given = policy.tags_for(&version, on).unwrap();
                for tag in [Tag::Latest, Tag::LatestLts] {
                    let points = matches!(
                        policy.tag(tag, on).unwrap(),
                        TagTarget::Version { patch, .. } if patch.version == version
                    );
                    assert_eq!(
                        given.contains(&tag),
                        points,
                        "{} {on} {version}",
                        policy.name()
                    );
                }
                // The line's own tag always points to its newest version.
                assert!(
                    given.iter().any(|tag| matches!(tag, Tag::Line(_))),
                    "{} {on} {version}: {given:?}",
                    policy.name()
                );
                if version.patch > 0 {
                    let mut older = version.clone();
                    older.patch -= 1;
                    assert!(
                        policy.tags_for(&older, on).unwrap().is_empty(),
                        "{older} {on}"
                    );
                }
            }
            on = on.checked_add_days(Days::new(7)).unwrap();
        }
    }
}

#[test]
fn kestra_on_the_day_2_1_comes() {
    let kestra = Policy::kestra().unwrap();
    let names = |version: &str, on: &str| -> Vec<String> {
        kestra
            .tags_for(&version.parse().unwrap(), date(on))
            .unwrap()
            .into_iter()
            .map(Tag::name)
            .collect()
    };
    // 2026-11-09: 2.0 is still latest and the newest LTS line; weekly
    // Tuesday patches after its release on 2026-09-08 (none recorded) make
    // 2026-11-03 its 8th: 2.0.8.
    assert_eq!(
        names("2.0.8", "2026-11-09"),
        ["latest", "latest-lts", "2.0"]
    );
    // 2026-11-10: 2.1 comes (due 2026-09-08 + 2 months, the next Tuesday),
    // not LTS (1 line after 2.0, every 3rd): latest moves to 2.1.0, and
    // 2.0's 9th patch day is that Tuesday: 2.0.9 keeps latest-lts and 2.0.
    assert_eq!(names("2.1.0", "2026-11-10"), ["latest", "2.1"]);
    assert_eq!(names("2.0.9", "2026-11-10"), ["latest-lts", "2.0"]);
    // 1.0's support ended on 2026-09-09: no tag moves to a 1.0 patch.
    assert!(names("1.0.60", "2026-11-10").is_empty());
    // A line the policy never releases is an error naming it.
    let unknown = kestra.tags_for(&"1.4.0".parse().unwrap(), date("2026-11-10"));
    assert!(unknown.is_err());
}
