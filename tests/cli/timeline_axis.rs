//! `timeline`'s axis thinned to what fits, and its legend: which tick labels
//! stand where over short and long ranges, in text and SVG, and that every
//! kind of mark drawn is named.
//!
//! The SVG's chart is 900 pixels wide from x = 90, a label starts 2 pixels
//! right of its tick, and a character is taken to be 8 pixels wide: a day
//! d days into a range of n days has its label at 92 + d * 900 / n. Labels
//! stand clear when one ends a character (8 pixels) before the next starts.

use super::kestra_flat;

const PYTHON: &str = "examples/python.json";
const CHAR_WIDTH: f64 = 8.0;

/// The picture of `args` on Python's policy; stderr may carry notes of
/// projections for days that have come.
fn python(args: &[&str]) -> String {
    let mut all = vec!["--policy", PYTHON, "timeline"];
    all.extend(args);
    let output = kestra_flat(&all).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Python's picture from `from` to `to` as SVG.
fn python_svg(from: &str, to: &str) -> String {
    python(&["--from", from, "--to", to, "--format", "svg"])
}

/// Python's picture from `from` to `to` as text `width` columns wide.
fn python_text(from: &str, to: &str, width: &str) -> String {
    python(&[
        "--from", from, "--to", to, "--width", width, "--color", "never",
    ])
}

/// The SVG's tick labels: where each starts, and its text.
fn tick_labels(svg: &str) -> Vec<(f64, String)> {
    let document = roxmltree::Document::parse(svg).unwrap();
    document
        .descendants()
        .filter(|node| node.attribute("class") == Some("tick-label"))
        .map(|node| {
            let x = node.attribute("x").unwrap().parse().unwrap();
            (x, node.text().unwrap().to_owned())
        })
        .collect()
}

/// Asserts the labels' texts and their x, each at 92 + d * 900 / `days`
/// for its day d (to the tenth of a pixel the SVG writes), and that each
/// ends a character's width before the next starts and within the picture.
fn assert_svg_labels(svg: &str, days: f64, expected: &[(f64, &str)]) {
    let labels = tick_labels(svg);
    let texts: Vec<&str> = labels.iter().map(|(_, text)| text.as_str()).collect();
    let expected_texts: Vec<&str> = expected.iter().map(|(_, text)| *text).collect();
    assert_eq!(texts, expected_texts);
    for ((x, text), (day, _)) in labels.iter().zip(expected) {
        let at = 92.0 + day * 900.0 / days;
        assert!((x - at).abs() < 0.06, "{text}: {x} against {at}");
    }
    let right_edge = |(x, text): &(f64, String)| x + text.chars().count() as f64 * CHAR_WIDTH;
    for pair in labels.windows(2) {
        assert!(right_edge(&pair[0]) + CHAR_WIDTH <= pair[1].0, "{pair:?}");
    }
    assert!(labels.iter().all(|label| right_edge(label) <= 1000.0));
}

#[test]
fn svg_over_ten_years_names_the_years() {
    // 2016-01-01 to 2026-01-01: 3654 days (3 leap years). Each January is
    // about 90 pixels after the last, room for "2016" (32) and a space (8);
    // quarters, 22 apart, are too close for "Jan 2016" (64). 2026's label
    // would start at 992 and end at 1024, past the picture's 1000: left out.
    let svg = python_svg("2016-01-01", "2026-01-01");
    let januaries = [0, 366, 731, 1096, 1461, 1827, 2192, 2557, 2922, 3288];
    let years = [
        "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025",
    ];
    let expected: Vec<(f64, &str)> = januaries.into_iter().map(f64::from).zip(years).collect();
    assert_svg_labels(&svg, 3654.0, &expected);
}

#[test]
fn svg_over_thirty_years_names_the_decades() {
    // 1996-01-01 to 2026-01-01: 10959 days (8 leap years). A year is 30
    // pixels, too few for "1997" and a space (40): the decades are named,
    // 2000 on day 1461 (366 + 3 * 365), 2010 on 5114 (+ 3653: 3 leap years), 2020 on
    // 8766 (+ 3652: 2).
    let svg = python_svg("1996-01-01", "2026-01-01");
    let expected = [(1461.0, "2000"), (5114.0, "2010"), (8766.0, "2020")];
    assert_svg_labels(&svg, 10959.0, &expected);
}

#[test]
fn svg_over_six_months_names_each_month() {
    // 2025-11-01 to 2026-04-30: 181 days. Months are 28 to 31 days, 139
    // pixels or more: every month is named, the first and January with
    // their year.
    let svg = python_svg("2025-11-01", "2026-04-30");
    let expected = [
        (0.0, "Nov 2025"),
        (30.0, "Dec"),
        (61.0, "Jan 2026"),
        (92.0, "Feb"),
        (120.0, "Mar"),
        (151.0, "Apr"),
    ];
    assert_svg_labels(&svg, 181.0, &expected);
}

/// The columns at which `row` has a character other than a space.
fn columns_of(row: &str, wanted: impl Fn(char) -> bool) -> Vec<usize> {
    row.chars()
        .enumerate()
        .filter(|(_, c)| wanted(*c))
        .map(|(column, _)| column)
        .collect()
}

#[test]
fn text_over_ten_years_names_the_years() {
    // 100 columns: Python's labels ("3.10") and two spaces take 6, the axis
    // 94 over 3654 days; January of each year d days in is in column
    // 6 + floor(d * 94 / 3654): 6, 15, 24, 34, 43, 53, 62, 71, 81, 90, 99.
    // Nine columns a year leave room for "2016" and a space, not for four
    // quarters; 2026's label, at 99, would end past the axis. No month row.
    let text = python_text("2016-01-01", "2026-01-01", "100");
    let rows: Vec<&str> = text.lines().collect();
    let years: Vec<&str> = rows[2].split_whitespace().collect();
    assert_eq!(
        years,
        [
            "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"
        ],
        "{text}"
    );
    let januaries = [6, 15, 24, 34, 43, 53, 62, 71, 81, 90];
    let starts: Vec<usize> = years
        .iter()
        .map(|year| rows[2].find(year).unwrap())
        .collect();
    assert_eq!(starts, januaries, "{text}");
    // The 2026 tick stands at the last column, 99: --on (2026-09-07) is
    // after the range, unmarked.
    let mut ticks = januaries.to_vec();
    ticks.push(99);
    assert_eq!(columns_of(rows[3], |c| c == '╷'), ticks, "{text}");
    assert!(rows[4].starts_with("3.2 "), "{text}");
}

#[test]
fn text_over_thirty_years_names_the_decades() {
    // 94 columns over 10959 days: a year is 3 columns, too few for "1997"
    // and a space, so decades: 2000 (day 1461) in column 6 + 12, 2010
    // (5114) in 6 + 43, 2020 (8766) in 6 + 75. The first year, 1996, stands
    // where the axis starts, 4 columns and a space before 2000's.
    let text = python_text("1996-01-01", "2026-01-01", "100");
    let rows: Vec<&str> = text.lines().collect();
    let years: Vec<(usize, &str)> = ["1996", "2000", "2010", "2020"]
        .into_iter()
        .map(|year| (rows[2].find(year).unwrap(), year))
        .collect();
    assert_eq!(
        years,
        [(6, "1996"), (18, "2000"), (49, "2010"), (81, "2020")],
        "{text}"
    );
    assert_eq!(rows[2].split_whitespace().count(), 4, "{text}");
    assert_eq!(columns_of(rows[3], |c| c == '╷'), [18, 49, 81], "{text}");
}

#[test]
fn text_over_six_months_names_each_month() {
    // 60 columns: 54 of axis over 181 days; months start on days 0, 30, 61,
    // 92, 120 and 151, in columns 6 + 0, 8, 18, 27, 35 and 45: 8 or more
    // apart, room for "Nov" and a space.
    let text = python_text("2025-11-01", "2026-04-30", "60");
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[2], "      2025              2026", "{text}");
    assert_eq!(
        rows[3], "      Nov     Dec       Jan      Feb     Mar       Apr",
        "{text}"
    );
    assert_eq!(
        columns_of(rows[4], |c| c == '╷'),
        [6, 14, 24, 33, 41, 51],
        "{text}"
    );
}

/// The SVG's legend, its lines joined, and the classes of everything drawn.
fn legend_and_marks(svg: &str) -> (String, Vec<String>) {
    let document = roxmltree::Document::parse(svg).unwrap();
    let legend: Vec<&str> = document
        .descendants()
        .filter(|node| node.attribute("class") == Some("legend"))
        .map(|node| node.text().unwrap())
        .collect();
    for line in &legend {
        // Within the picture at 8 pixels a character, from x = 4.
        assert!(
            4.0 + line.chars().count() as f64 * CHAR_WIDTH <= 1000.0,
            "{line}"
        );
    }
    let marks = document
        .descendants()
        .filter_map(|node| node.attribute("class"))
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect();
    (legend.join(" "), marks)
}

/// Each class of mark and the words the legend names it with.
const MARKS: [(&str, &str); 8] = [
    ("latest-part", "Full bars: latest"),
    ("lts-part", "thin bars: maintained as LTS"),
    ("maintained-part", "lines: maintained"),
    ("security", "dotted: security fixes only"),
    ("projected", "pale and dashed: projected"),
    ("today", "red: the day asked (--on)"),
    ("lts", "Green: LTS lines"),
    ("feature", "blue: feature lines"),
];

#[test]
fn the_svg_legend_names_every_mark_drawn() {
    // Python's ten years: latest, maintained, security-only and projected
    // stretches of feature lines. Kestra's default range: LTS and feature
    // lines, projections and --on.
    let python = python_svg("2016-01-01", "2026-01-01");
    let kestra = super::stdout_of(&["timeline", "--on", "2026-11-25", "--format", "svg"], 0);
    for (svg, drawn) in [
        (&python, ["security", "maintained-part", "projected"]),
        (&kestra, ["lts-part", "today", "lts"]),
    ] {
        let (legend, marks) = legend_and_marks(svg);
        for kind in drawn {
            assert!(marks.iter().any(|mark| mark == kind), "{kind}: {svg}");
        }
        for (kind, words) in MARKS {
            if marks.iter().any(|mark| mark == kind) {
                assert!(legend.contains(words), "{kind}: {legend}");
            }
        }
    }
}

#[test]
fn security_fixes_are_named_only_where_the_policy_has_them() {
    // Kestra has one phase: no stretch is dotted, and neither legend
    // names one; Python has two, and both do.
    let kestra_svg = super::stdout_of(&["timeline", "--on", "2026-11-25", "--format", "svg"], 0);
    let (legend, marks) = legend_and_marks(&kestra_svg);
    assert!(!marks.iter().any(|mark| mark == "security"), "{kestra_svg}");
    assert!(!legend.contains("security"), "{legend}");
    let kestra_text = super::stdout_of(&["timeline", "--on", "2026-11-25", "--color", "never"], 0);
    assert!(!kestra_text.contains("security"), "{kestra_text}");
    let python_svg = python_svg("2016-01-01", "2026-01-01");
    assert!(
        legend_and_marks(&python_svg)
            .0
            .contains("dotted: security fixes only")
    );
    let python_text = python_text("2016-01-01", "2026-01-01", "80");
    assert!(
        python_text.contains("┈ security fixes only"),
        "{python_text}"
    );
}
