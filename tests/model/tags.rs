//! `tags_for`, the reverse of `tag`: the floating tags a published version
//! takes, checked against `tag` day after day on real vendors' policies.

use chrono::Days;
use lts_policy::Line;
use lts_policy::answers::{Dangling, Tag, TagTarget};

use super::{Policy, date, example, example_with, message};

/// An example policy with `tags` set to `tags`.
fn example_with_tags(name: &str, tags: serde_json::Value) -> Policy {
    Policy::from_json(&example_with(name, "tags", tags)).unwrap()
}

/// The problem `Policy::from_json` finds in an example with `tags`.
fn example_tags_problem(name: &str, tags: serde_json::Value) -> String {
    message(&Policy::from_json(&example_with(name, "tags", tags)).unwrap_err())
}

fn names_for(policy: &Policy, version: &str, on: &str) -> Vec<String> {
    policy
        .tags_for(&version.parse().unwrap(), date(on))
        .unwrap()
        .iter()
        .map(Tag::name)
        .collect()
}

#[test]
fn each_tag_given_points_to_the_version_and_no_other_tag_does() {
    let lts_tag = |name| serde_json::json!([{"name": name, "lts_only": true}]);
    for policy in [
        Policy::kestra().unwrap(),
        example_with_tags("kestra", lts_tag("lts-v{major}.{minor}")),
        example_with_tags("nodejs", lts_tag("lts-{major}")),
        example("gitlab"),
    ] {
        let mut on = date("2025-01-01");
        while on <= date("2027-12-31") {
            // The versions the tags point to that day: each takes exactly the
            // tags that point to it; any other patch of its line takes none.
            let tags = [Tag::Latest, Tag::LatestLts];
            let mut versions: Vec<_> = tags
                .iter()
                .filter_map(|tag| match policy.tag(tag.clone(), on).unwrap() {
                    TagTarget::Version { patch, .. } => Some(patch.version),
                    _ => None,
                })
                .collect();
            versions.extend(
                policy
                    .supported_on(on)
                    .unwrap()
                    .into_iter()
                    .map(|line| line.latest_patch.unwrap().version),
            );
            for version in versions {
                let given = policy.tags_for(&version, on).unwrap();
                for tag in [Tag::Latest, Tag::LatestLts] {
                    let points = matches!(
                        policy.tag(tag.clone(), on).unwrap(),
                        TagTarget::Version { patch, .. } if patch.version == version
                    );
                    assert_eq!(
                        given.contains(&tag),
                        points,
                        "{} {on} {version}",
                        policy.name()
                    );
                }
                // Every tag given, read back by its name, points to it.
                for tag in &given {
                    let read = policy.parse_tag(&tag.name()).unwrap();
                    assert!(
                        matches!(
                            policy.tag(read, on).unwrap(),
                            TagTarget::Version { patch, .. } if patch.version == version
                        ),
                        "{} {on} {version}: {}",
                        policy.name(),
                        tag.name()
                    );
                }
                // The line's own tag always points to its newest version.
                assert!(
                    given.iter().any(|tag| matches!(tag, Tag::Line(_))),
                    "{} {on} {version}: {given:?}",
                    policy.name()
                );
                if let Some(patch) = version.number(2).filter(|patch| *patch > 0) {
                    let older = version.restarted(2, patch - 1).unwrap();
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
    let names = |version: &str, on: &str| names_for(&kestra, version, on);
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

#[test]
fn a_policy_tag_of_lts_lines_follows_kestras_lts_lines() {
    // kestra-io/kestra#12999 asks for `lts-v1.0`-style tags on LTS lines.
    let kestra = example_with_tags(
        "kestra",
        serde_json::json!([{"name": "lts-v{major}.{minor}", "lts_only": true}]),
    );
    // As in kestra_on_the_day_2_1_comes: 2.0 (LTS, every 3rd line from
    // 1.0) keeps its tags, and takes lts-v2.0 too; 2.1 is no LTS line.
    assert_eq!(
        names_for(&kestra, "2.0.9", "2026-11-10"),
        ["latest-lts", "2.0", "lts-v2.0"]
    );
    assert_eq!(names_for(&kestra, "2.1.0", "2026-11-10"), ["latest", "2.1"]);
    let target = |name: &str, on: &str| kestra.tag(kestra.parse_tag(name).unwrap(), date(on));
    // 1.3 is LTS from its release, 2026-03-03 (due 2026-03-02, a Monday in
    // 1.0's 2025-09-09 + 6 months: the next Tuesday).
    assert!(matches!(
        target("lts-v1.1", "2026-01-01").unwrap(),
        TagTarget::Nowhere(Dangling::NotLts { line }) if line == Line::new(1, 1)
    ));
    assert!(matches!(
        target("lts-v1.3", "2026-03-02").unwrap(),
        TagTarget::Nowhere(Dangling::LineNotYetReleased { .. })
    ));
    let TagTarget::Version { patch, .. } = target("lts-v1.3", "2026-03-03").unwrap() else {
        panic!("1.3 is out and LTS");
    };
    assert_eq!(patch.version.to_string(), "1.3.0");
    // Not one of its names: a leading zero, another shape.
    assert!(kestra.parse_tag("lts-v1.03").is_err());
    assert!(kestra.parse_tag("lts-1.3").is_err());
}

#[test]
fn a_node_lts_tag_waits_for_the_line_to_become_lts() {
    // Node.js 24: released 2025-05-06, LTS from 2025-10-28 (its history).
    let node = example_with_tags(
        "nodejs",
        serde_json::json!([{"name": "lts-{major}", "lts_only": true}]),
    );
    // 2025-06-20: 24.2.0 (06-09) is 24's newest, and latest; not LTS yet.
    assert_eq!(names_for(&node, "24.2.0", "2025-06-20"), ["latest", "24"]);
    assert!(matches!(
        node.tag(node.parse_tag("lts-24").unwrap(), date("2025-06-20")).unwrap(),
        TagTarget::Nowhere(Dangling::NotLtsYet { from, .. }) if from == date("2025-10-28")
    ));
    // 2025-11-12: 24.11.1 (11-11) is 24's newest; 24 is the newest LTS
    // line, and 25 (2025-10-15) the latest.
    assert_eq!(
        names_for(&node, "24.11.1", "2025-11-12"),
        ["latest-lts", "24", "lts-24"]
    );
}

#[test]
fn a_policy_tag_is_a_name_registries_and_git_take_for_one_line() {
    use serde_json::json;
    let cases = [
        (
            "kestra",
            json!([{"name": "lts/v{major}.{minor}"}]),
            "tags[0].name: invalid tag template \"lts/v{major}.{minor}\": a tag name can hold \
             only ASCII letters, digits, _ . and - (a container image tag)",
        ),
        (
            "kestra",
            json!([{"name": ".v{major}.{minor}"}]),
            "tags[0].name: invalid tag template \".v{major}.{minor}\": a tag name cannot start \
             with . or -",
        ),
        (
            "kestra",
            json!([{"name": "lts-latest"}]),
            "tags[0].name: invalid tag template \"lts-latest\": a tag template names lines: it \
             needs {major} (and {minor} where lines are minors), or {line}",
        ),
        (
            "kestra",
            // 1.3 and 1.4 differ in their minor alone.
            json!([{"name": "lts-v{major}"}]),
            "tags[0].name: invalid tag template \"lts-v{major}\": makes \"lts-v1\" for both 1.3 \
             and 1.4, as it has no {minor}",
        ),
        (
            "nodejs",
            json!([{"name": "lts-{major}.{minor}"}]),
            "tags[0].name: invalid tag template \"lts-{major}.{minor}\": a policy whose lines are \
             majors has no {minor} to fill in",
        ),
        (
            // 2.1's name, "1.2", is line 1.2's own tag.
            "kestra",
            json!([{"name": "{minor}.{major}"}]),
            "tags[0].name: makes \"1.2\" for 2.1, which `tag` reads as line 1.2's own tag; add a \
             word, such as lts-",
        ),
        (
            // Of LTS lines alone, "v1.2" would hide the line's own tag.
            "kestra",
            json!([{"name": "v{major}.{minor}", "lts_only": true}]),
            "tags[0].name: makes \"v1.2\" for 1.2, which `tag` reads as line 1.2's own tag and a \
             tag of LTS lines alone would hide; add a word, such as lts-",
        ),
        (
            "kestra",
            json!([{"name": "lts-{major}.{minor}"}, {"name": "lts-{major}.{minor}", "lts_only": true}]),
            "tags[1].name: makes \"lts-1.2\" for 1.2, as tags[0] does for 1.2",
        ),
        (
            "gitlab",
            json!([{"name": "lts-{major}.{minor}", "lts_only": true}]),
            "tags[0].name: an lts_only tag needs an lts section in the policy",
        ),
        (
            "kestra",
            json!([{"lts_only": true}]),
            "tags[0].name: missing",
        ),
        (
            // A tag naming one version moves nowhere: no floating tag.
            "kestra",
            json!([{"name": "lts-{major}.{minor}.{patch}"}]),
            "tags[0].name: invalid tag template \"lts-{major}.{minor}.{patch}\": unknown \
             placeholder {patch}; expected {major}, {minor} or {line}",
        ),
    ];
    for (example, tags, expected) in cases {
        assert_eq!(
            example_tags_problem(example, tags.clone()),
            expected,
            "{tags}"
        );
    }
    // Line 1.3's own spelling, on every line, is no other tag's.
    let docker = example_with_tags("kestra", json!([{"name": "v{major}.{minor}"}]));
    let again = Policy::from_json(&docker.to_json()).unwrap();
    assert_eq!(again, docker);
    assert_eq!(again.own_tags()[0].source(), "v{major}.{minor}");
}
