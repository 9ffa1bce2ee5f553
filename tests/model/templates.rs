//! Templates that would name two lines alike, refused for any lines and
//! not only a sample's: a tag's or a branch's on its own, two tags, and a
//! tag and the names `tag` reads as a line's own tag. Each refusal names
//! the two lines; the reasoning is in `src/policy/template/names.rs`.

use std::collections::HashMap;

use lts_policy::error::PolicyError;
use lts_policy::file::Problem;
use lts_policy::rules::{BranchTemplate, TagTemplate};
use lts_policy::rules::{LinesProblem, SameName, TemplateProblem};
use lts_policy::{Line, LineKind, VersionInput};
use proptest::prelude::*;
use serde_json::{Value, json};

use super::{Policy, example_with};

/// Every problem of an example policy with `field` set to `value`.
fn problems(example: &str, field: &str, value: Value) -> Vec<String> {
    match Policy::check_json(&example_with(example, field, value)) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn numbers_that_run_together_name_two_lines_alike() {
    let cases = [
        // The probe's: 1.13 and 11.3 both make t113.
        (
            "t{major}{minor}",
            "tags[0].name: invalid tag template \"t{major}{minor}\": makes \"t113\" for both \
             1.13 and 11.3, as {major} and {minor} run together; put a character that is not a \
             digit between them",
        ),
        // A digit between is no separator: 1, 0, 103 and 101, 0, 3.
        (
            "t{major}0{minor}",
            "tags[0].name: invalid tag template \"t{major}0{minor}\": makes \"t10103\" for both \
             1.103 and 101.3, as {major} and {minor} run together; put a character that is not \
             a digit between them",
        ),
        // Minor first: t, 1, 13 (line 13.1) and t, 11, 3 (line 3.11).
        (
            "t{minor}{major}",
            "tags[0].name: invalid tag template \"t{minor}{major}\": makes \"t113\" for both \
             13.1 and 3.11, as {minor} and {major} run together; put a character that is not a \
             digit between them",
        ),
        // 1.3 and 1.4 differ in their minor alone.
        (
            "lts-{major}",
            "tags[0].name: invalid tag template \"lts-{major}\": makes \"lts-1\" for both 1.3 and \
             1.4, as it has no {minor}",
        ),
        (
            "lts-{minor}.{major}.{minor}",
            "tags[0].name: invalid tag template \"lts-{minor}.{major}.{minor}\": {minor} is shown \
             twice; a name shows each number of its line once",
        ),
    ];
    for (template, expected) in cases {
        let tags = json!([{ "name": template }]);
        assert_eq!(problems("kestra", "tags", tags), [expected], "{template}");
    }
    // A separator with a character that is not a digit keeps the numbers
    // apart, whatever digits it also has: t1x0-3 is 1.3's alone.
    for template in [
        "t{major}x{minor}",
        "t{major}0-{minor}",
        "t{major}.{minor}-jdk17",
    ] {
        let tags = json!([{ "name": template }]);
        assert!(problems("kestra", "tags", tags).is_empty(), "{template}");
    }
}

#[test]
fn two_tag_templates_that_make_one_name_are_refused() {
    let cases = [
        // The probe's: 1.2 and 2.1 both make a1-2.
        (
            json!([{"name": "a{major}-{minor}"}, {"name": "a{minor}-{major}"}]),
            vec!["tags[1].name: makes \"a1-2\" for 2.1, as tags[0] does for 1.2"],
        ),
        // Different text, one name: 1 then 12, or 1 then 1 and 2.
        (
            json!([{"name": "x{major}-{minor}"}, {"name": "x{major}-1{minor}"}]),
            vec!["tags[1].name: makes \"x1-12\" for 1.2, as tags[0] does for 1.12"],
        ),
        // Only 0 is a number that starts with 0: 1.0 makes a1.00 twice.
        (
            json!([{"name": "a{major}.{minor}0"}, {"name": "a{major}.0{minor}"}]),
            vec!["tags[1].name: makes \"a1.00\" for 1.0, as tags[0] does for 1.0"],
        ),
        // Each refusal names the earlier template by its place in the file,
        // an invalid one counted.
        (
            json!([{"name": "t{major}"}, {"name": "t{major}.{minor}"}, {"name": "t{major}.{minor}", "lts_only": true}]),
            vec![
                "tags[0].name: invalid tag template \"t{major}\": makes \"t1\" for both 1.3 and \
                 1.4, as it has no {minor}",
                "tags[2].name: makes \"t1.2\" for 1.2, as tags[1] does for 1.2",
            ],
        ),
    ];
    for (tags, expected) in cases {
        assert_eq!(problems("kestra", "tags", tags.clone()), expected, "{tags}");
    }
    // "0" and then digits is never a number, and -jdk17 is not -jdk21.
    for tags in [
        json!([{"name": "a{major}.0{minor}"}, {"name": "a{major}.{minor}"}]),
        json!([{"name": "{major}.{minor}-jdk17"}, {"name": "{major}.{minor}-jdk21"}]),
        json!([{"name": "lts-{major}.{minor}", "lts_only": true}, {"name": "v{major}.{minor}"}]),
    ] {
        assert!(
            problems("kestra", "tags", tags.clone()).is_empty(),
            "{tags}"
        );
    }
}

#[test]
fn a_policy_names_at_most_100_tags_of_its_own() {
    // Each is compared with every other: a handful is what a policy has.
    let tags = |count: usize| {
        let tags: Vec<Value> = (0..count)
            .map(|at| json!({"name": format!("{{major}}.{{minor}}-base{at}")}))
            .collect();
        Value::from(tags)
    };
    assert!(problems("kestra", "tags", tags(100)).is_empty());
    assert_eq!(
        problems("kestra", "tags", tags(101)),
        ["tags: expected 0 to 100 tags, got 101"]
    );
}

#[test]
fn a_tag_that_reads_as_another_lines_own_tag_is_refused() {
    let cases = [
        // 1.2 makes 1.20, line 1.20's own tag.
        (
            "kestra",
            json!([{"name": "{major}.{minor}0"}]),
            "tags[0].name: makes \"1.20\" for 1.2, which `tag` reads as line 1.20's own tag; add \
             a word, such as lts-",
        ),
        // Node.js 1 makes 11, line 11's own tag.
        (
            "nodejs",
            json!([{"name": "1{major}"}]),
            "tags[0].name: makes \"11\" for 1, which `tag` reads as line 11's own tag; add a \
             word, such as lts-",
        ),
        // 1.0 is 1's own tag: a tag of LTS lines alone would hide it.
        (
            "nodejs",
            json!([{"name": "{major}.0", "lts_only": true}]),
            "tags[0].name: makes \"1.0\" for 1, which `tag` reads as line 1's own tag and a tag \
             of LTS lines alone would hide; add a word, such as lts-",
        ),
    ];
    for (example, tags, expected) in cases {
        assert_eq!(
            problems(example, "tags", tags.clone()),
            [expected],
            "{tags}"
        );
    }
    // A line's own tag again, spelled another way, names the same version.
    let node = Policy::from_json(&example_with(
        "nodejs",
        "tags",
        json!([{"name": "{major}.0"}]),
    ));
    assert!(node.is_ok());
    let text = example_with("kestra", "tags", json!([{"name": "v{major}.{minor}.0"}]));
    let kestra = Policy::from_json(&text).unwrap();
    let lts_policy::answers::Tag::Own { line, .. } = kestra.parse_tag("v1.3.0").unwrap() else {
        panic!("v1.3.0 is the policy's own tag of 1.3");
    };
    assert_eq!(line, Line::new(1, 3));
}

#[test]
fn a_branch_template_gives_each_line_a_branch_of_its_own() {
    // Two supported lines of one major would share release-1.x: a
    // backport target written twice (Dependabot refuses the file).
    let cases = [
        (
            "kestra",
            "release-{major}.x",
            "branch_template: invalid branch template \"release-{major}.x\": makes \
             \"release-1.x\" for both 1.3 and 1.4, as it has no {minor}",
        ),
        (
            "kestra",
            "main",
            "branch_template: invalid branch template \"main\": makes \"main\" for both 1.3 and \
             2.3, as it has no {major}",
        ),
        (
            "nodejs",
            "main",
            "branch_template: invalid branch template \"main\": makes \"main\" for both 1 and 2, \
             as it has no {major}",
        ),
        (
            "kestra",
            "release-{major}{minor}",
            "branch_template: invalid branch template \"release-{major}{minor}\": makes \
             \"release-113\" for both 1.13 and 11.3, as {major} and {minor} run together; put a \
             character that is not a digit between them",
        ),
    ];
    for (example, template, expected) in cases {
        let found = problems(example, "branch_template", json!(template));
        assert_eq!(found, [expected], "{example} {template}");
    }
    // Branches per major are right where lines are majors.
    assert!(problems("nodejs", "branch_template", json!("release-{major}.x")).is_empty());
    let per_major = BranchTemplate::parse("release-{major}.x").unwrap();
    let Err(err) = per_major.check_lines(LineKind::Minor) else {
        panic!("release-{{major}}.x names 1.3 and 1.4 alike");
    };
    let TemplateProblem::Lines(LinesProblem::Missing { placeholder, same }) = err.problem else {
        panic!("{err}");
    };
    assert_eq!(placeholder, "{minor}");
    assert_eq!(
        (same.name.as_str(), same.line.as_str(), same.other.as_str()),
        ("release-1.x", "1.3", "1.4")
    );
}

/// Where a refusal names two lines of one name: the place in `tags` of
/// the template that makes it for the first, of the one that makes it for
/// the other (`None` where `tag` reads it as the other's own tag), and the
/// name and lines.
fn refused_lines(err: &PolicyError) -> Option<(usize, Option<usize>, &SameName)> {
    let PolicyError::InvalidPolicy { path, problem } = err else {
        return None;
    };
    let at: usize = path
        .strip_prefix("tags[")?
        .strip_suffix("].name")?
        .parse()
        .ok()?;
    match &**problem {
        Problem::TagTwice { first, same } => Some((at, Some(*first), same)),
        Problem::TagReadsAsOther { same, .. } => Some((at, None, same)),
        Problem::Template(err) => match &err.problem {
            TemplateProblem::Lines(
                LinesProblem::Missing { same, .. } | LinesProblem::RunTogether { same, .. },
            ) => Some((at, Some(at), same)),
            _ => None,
        },
        _ => None,
    }
}

/// A tag template of Kestra's lines: `{major}` and `{minor}`, in either
/// order, among a few pieces of text and digits.
fn tag_template() -> impl Strategy<Value = String> {
    let text = || {
        let pieces = vec![".", "-", "0", "1", "10", "x", "v"];
        prop::collection::vec(prop::sample::select(pieces), 0..3)
    };
    (text(), text(), text(), any::<bool>()).prop_map(|(before, between, after, minor_first)| {
        let (one, two) = if minor_first {
            ("{minor}", "{major}")
        } else {
            ("{major}", "{minor}")
        };
        format!(
            "{}{one}{}{two}{}",
            before.concat(),
            between.concat(),
            after.concat()
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Two tag templates of a few pieces: each refusal's lines do make
    /// one name (or the name `tag` reads as the other's own tag); with no
    /// refusal, no two of the 1,600 lines 0.0 to 39.39 share a name, and
    /// none's name reads as another line's own tag.
    #[test]
    fn tag_refusals_are_true_and_acceptance_holds_for_small_lines(
        first in tag_template(),
        second in tag_template(),
    ) {
        let templates = [first, second];
        let tags = json!([{"name": templates[0]}, {"name": templates[1]}]);
        let text = example_with("kestra", "tags", tags);
        let parse = |at: usize| TagTemplate::parse(&templates[at], false);
        match Policy::check_json(&text) {
            Ok(_) => {
                let [one, two] = [parse(0).unwrap(), parse(1).unwrap()];
                let mut named: HashMap<String, Line> = HashMap::new();
                for (major, minor) in (0..40).flat_map(|major| (0..40).map(move |minor| (major, minor))) {
                    let line = Line::new(major, minor);
                    for name in [one.render(&line), two.render(&line)] {
                        let read = VersionInput::parse(&name).ok().and_then(|v| v.line(LineKind::Minor).ok());
                        prop_assert!(read.as_ref().is_none_or(|read| *read == line), "{} for {}", name, line);
                        let earlier = named.insert(name.clone(), line.clone());
                        prop_assert!(earlier.is_none(), "{} for {} and {:?}", name, line, earlier);
                    }
                }
            }
            Err(problems) => {
                for (at, by, same) in problems.iter().filter_map(refused_lines) {
                    let line: Line = same.line.parse().unwrap();
                    prop_assert_eq!(parse(at).unwrap().render(&line), same.name.clone());
                    let other: Line = same.other.parse().unwrap();
                    match by {
                        Some(by) => prop_assert_eq!(parse(by).unwrap().render(&other), same.name.clone()),
                        None => {
                            let read = VersionInput::parse(&same.name).unwrap().line(LineKind::Minor).unwrap();
                            prop_assert_eq!(read, other);
                        }
                    }
                }
            }
        }
    }
}

/// Jenkins's LTS lines as a dotted policy (2.387, 2.401) with `field` set
/// to `value`; its problems.
fn dotted_problems(field: &str, value: Value) -> Vec<String> {
    let mut file = json!({
        "name": "jenkins-lts",
        "lines": "dotted",
        "releases": {"every_weeks": 12, "on": "Wednesday"},
        "support": {"until_next": 1},
        "lts": {"every": 1, "support": {"until_next": 1}},
        "branch_template": "stable-{line}",
        "history": [
            {"line": "2.387", "released": "2023-03-08", "lts": true},
            {"line": "2.401", "released": "2023-05-31", "lts": true},
        ],
    });
    file[field] = value;
    match Policy::check_json(&file.to_string()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn dotted_lines_are_named_by_line_alone() {
    let refused = [
        (
            "branch_template",
            json!("stable-{major}"),
            // 2 and 2.401 have one major, so {major} is refused outright.
            "branch_template: invalid branch template \"stable-{major}\": a policy whose lines \
             are dotted names each by {line} (2 and 2.401 have one {major}), not by {major}",
        ),
        (
            "branch_template",
            json!("stable"),
            // Without {line}, 1 and 1.3 (the witnesses) share the one name.
            "branch_template: invalid branch template \"stable\": makes \"stable\" for both 1 \
             and 1.3, as it has no {line}",
        ),
        (
            "tags",
            json!([{"name": "lts-{line}-{line}"}]),
            "tags[0].name: invalid tag template \"lts-{line}-{line}\": {line} is shown twice; a \
             name shows each number of its line once",
        ),
        (
            "tags",
            json!([{"name": "java21-{line}"}]),
            // Its digits are not beside {line}, but compared with another
            // template's (`java2{line}-2`...) they could meet a line's:
            // a dotted tag's text holds none.
            "tags[0].name: invalid tag template \"java21-{line}\": where lines are dotted, a tag \
             holds no digit or dot besides {line}'s, which they would run into",
        ),
        (
            "tags",
            json!([{"name": "lts-{line}"}, {"name": "lts-{line}"}]),
            "tags[1].name: makes \"lts-1\" for 1, as tags[0] does for 1",
        ),
        (
            "tags",
            json!([{"name": "v{line}", "lts_only": true}]),
            // `tag v2.401` is line 2.401's own tag, which an LTS-only tag
            // would hide before 2.401 becomes LTS.
            "tags[0].name: makes \"v1\" for 1, which `tag` reads as line 1's own tag and a tag \
             of LTS lines alone would hide; add a word, such as lts-",
        ),
    ];
    for (field, value, expected) in refused {
        assert_eq!(dotted_problems(field, value.clone()), [expected], "{value}");
    }
    // A dot after {line} is a branch's own text: each line still has a
    // branch of its own. A tag that is the line's own, for all lines, is
    // harmless; so is text after the numbers.
    assert!(dotted_problems("branch_template", json!("releases/v{line}.x")).is_empty());
    let tags = json!([{"name": "v{line}"}, {"name": "lts-{line}", "lts_only": true}, {"name": "{line}-jdk"}]);
    assert!(dotted_problems("tags", tags).is_empty());
}

#[test]
fn line_is_major_dot_minor_where_lines_are_minors() {
    let template = BranchTemplate::parse("release-{line}.x").unwrap();
    assert!(template.check_lines(LineKind::Minor).is_ok());
    assert_eq!(template.render(&Line::new(1, 3)), "release-1.3.x");
    let beside = BranchTemplate::parse("r{line}-{minor}").unwrap();
    assert_eq!(
        beside.check_lines(LineKind::Minor).unwrap_err().to_string(),
        "invalid branch template \"r{line}-{minor}\": {line} shows {minor} already; a name \
         shows each number of its line once",
    );
    // A tag reads back as the line it names.
    let lts = TagTemplate::parse("lts-{line}", true).unwrap();
    assert_eq!(lts.line_named("lts-1.10"), Some(Line::new(1, 10)));
}
