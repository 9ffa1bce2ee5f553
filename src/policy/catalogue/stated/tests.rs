//! The common forms of endoflife.date's stated rules, and a rule checked
//! against recorded ends.

use super::*;

fn read(text: &str) -> Option<(Vec<StatedField>, StatedLines, StatedTerm)> {
    StatedRule::read(text).map(|rule| (rule.fields, rule.lines, rule.term))
}

#[test]
fn the_common_forms_of_endoflife_dates_files_read() {
    use StatedField::{Active, Support};
    use StatedLines::{All, Lts, NonLts};
    use StatedTerm::{Months, UntilNext, Weeks};
    for (comment, expected) in [
        (
            "# eol(x) = releaseDate(x+1)",
            (vec![Support], All, UntilNext(1)),
        ),
        (
            "    # eoas(x) = releaseDate(x+2)",
            (vec![Active], All, UntilNext(2)),
        ),
        (
            "# eol(x) = releaseDate(x + 1)",
            (vec![Support], All, UntilNext(1)),
        ),
        (
            "# eol(x) = release(x+3)",
            (vec![Support], All, UntilNext(3)),
        ),
        (
            "# eol(x) = releaseDate(x+1).",
            (vec![Support], All, UntilNext(1)),
        ),
        (
            "# - eoas(x) = releaseDate(x+1)",
            (vec![Active], All, UntilNext(1)),
        ),
        (
            "# eol(x) = releaseDate(x) + 18 months",
            (vec![Support], All, Months(18)),
        ),
        (
            "# eol(x) = releaseDate(x) + 1 year",
            (vec![Support], All, Months(12)),
        ),
        (
            "# eoas(x) = releaseDate(x) + 6m",
            (vec![Active], All, Months(6)),
        ),
        (
            "# eol(x) = releaseDate(x) + 12 weeks",
            (vec![Support], All, Weeks(12)),
        ),
        (
            "# LTS : eol(x) = releaseDate(x) + 1 year",
            (vec![Support], Lts, Months(12)),
        ),
        (
            "# For non-LTS, eol(x) = releaseDate(x+1).",
            (vec![Support], NonLts, UntilNext(1)),
        ),
        (
            "# For Non-LTS (Innovation): eoas(x)/eol(x) = releaseDate(x+1)",
            (vec![Active, Support], NonLts, UntilNext(1)),
        ),
        (
            "# eoas(x) = eol(x) = releaseDate(x+1)",
            (vec![Active, Support], All, UntilNext(1)),
        ),
        (
            "# eol(x) = releaseDate(x+5) (or false if not yet released)",
            (vec![Support], All, UntilNext(5)),
        ),
    ] {
        assert_eq!(read(comment), Some(expected), "{comment}");
    }
}

#[test]
fn other_shapes_are_no_rule() {
    for comment in [
        "# eol(x) = releaseDate(x+1) + 3 months",
        "# eol(x) = max(releaseDate(x+1), latestReleaseDate(x))",
        "# EOL(x) = releaseDate(x) + 2 year + 1 day",
        "# eol(x) = releaseDate(x+2), except for the last minor of a major.",
        "# eol(x) = releaseDate(x) + 18 months (rounded to the end of the month).",
        "# - for C line: eol(x) = releaseDate(x) + 2 years",
        "# eoas(x) = releaseDate(x)",
        "# eol(x) = end of security support",
        "eol: 2025-06-14 # estimated releaseDate(x) + 2 years",
        "# eoes(x) = releaseDate(x+6)",
        // Quarkus's: two days, either of which may be the end.
        "# - eol(x) = releaseDate(x+1) for non-LTS OR releaseDate(X)+5w",
        "# eol(x) = releaseDate(x) + 1y for 3.x lines",
        // Beyond what a policy file's support says (100 lines, 5,218
        // weeks, 1,200 months): the generator stopped on it.
        "# eol(x) = releaseDate(x+101)",
        "# eol(x) = releaseDate(x) + 5219 weeks",
        "# eol(x) = releaseDate(x) + 101 years",
    ] {
        assert_eq!(read(comment), None, "{comment}");
    }
    // The bounds themselves are rules.
    for (comment, term) in [
        ("# eol(x) = releaseDate(x+100)", StatedTerm::UntilNext(100)),
        (
            "# eol(x) = releaseDate(x) + 520 weeks",
            StatedTerm::Weeks(520),
        ),
        (
            "# eol(x) = releaseDate(x) + 100 years",
            StatedTerm::Months(1200),
        ),
    ] {
        assert_eq!(
            read(comment).map(|(_, _, term)| term),
            Some(term),
            "{comment}"
        );
    }
}

#[test]
fn a_qualifier_after_the_rule_or_in_a_heading_above_it_names_its_lines() {
    use StatedLines::{All, Lts, NonLts};
    // Quarkus's file: the qualifier after the rule.
    assert_eq!(
        read("# - eol(x) = releaseDate(x)+1y for LTS"),
        Some((vec![StatedField::Support], Lts, StatedTerm::Months(12)))
    );
    // Symfony's file: headings, each over the rules of its group; a blank
    // comment line keeps the group, the end of the comment closes it.
    let file = "# For LTS:\n\
                # - eoas(x) = releaseDate(x) + 36 months\n\
                # - eol(x) = releaseDate(x) + 48 months\n\
                #\n\
                # For non-LTS:\n\
                # - eol(x) = releaseDate(x) + 8 months\n\
                releases:\n\
                # eol(x) = releaseDate(x+1)\n";
    let rules = StatedRule::all_in(file);
    let read: Vec<(StatedLines, StatedTerm)> =
        rules.iter().map(|rule| (rule.lines, rule.term)).collect();
    assert_eq!(
        read,
        [
            (Lts, StatedTerm::Months(36)),
            (Lts, StatedTerm::Months(48)),
            (NonLts, StatedTerm::Months(8)),
            (All, StatedTerm::UntilNext(1)),
        ]
    );
    // Its text carries the heading, and reads again as it did under it.
    assert_eq!(
        rules[0].text,
        "For LTS: eoas(x) = releaseDate(x) + 36 months"
    );
    assert_eq!(
        StatedRule::read(&format!("# {}", rules[2].text))
            .unwrap()
            .lines,
        NonLts
    );
}

#[test]
fn a_rule_is_checked_against_the_ends_its_file_records() {
    let day = |text: &str| crate::policy::dates::parse_date(text).unwrap();
    let release = |line: &str, released: &str, eol: Option<&str>| {
        let mut release = Release::new(
            crate::policy::lines::version::read_line(
                line,
                crate::policy::lines::line::LineKind::Minor,
                None,
            )
            .unwrap(),
            day(released),
        );
        // The record's last day; the history keeps the day after.
        release.eol = eol.map(|last| RecordedEnd::On(day(last).succ_opt().unwrap()));
        release
    };
    let history = [
        release("1.0", "2024-01-10", Some("2024-04-10")),
        release("1.1", "2024-04-10", Some("2024-09-01")),
        release("1.2", "2024-07-10", None),
    ];
    let by_line: Vec<&Release> = history.iter().collect();
    let rule = StatedRule::read("# eol(x) = releaseDate(x+1)").unwrap();
    let compared = rule.against(&by_line);
    // 1.0 ends the day 1.1 came; 1.1 should have ended 2024-07-10, the
    // record says 2024-09-01: 53 days later. 1.2 records no end.
    assert_eq!(compared.len(), 2);
    assert!(compared[0].agrees());
    assert_eq!(compared[1].days_off(), 53);
    assert!(!compared[1].agrees());
}
