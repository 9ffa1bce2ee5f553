//! `timeline`: the text picture at a fixed width and date, colour, and SVG.

use super::{kestra_flat, kestra_flat_file, stdout_of};

#[test]
fn timeline_text_golden() {
    // 2026-01-01 .. 2026-06-30 is 181 days over 40 - 9 = 31 columns, so a day
    // d days in sits in column floor(d * 31 / 181): 2026-01-13 (12) -> 2,
    // 2026-03-01 (59) -> 10, 2026-03-03 (61) -> 10; months start at columns
    // 0, 5, 10, 15, 20 and 25. 1.0's LTS runs past the end; 1.1 ends in column
    // 2 and 1.2 in column 10, where --on is marked; 1.3 fills the rest.
    let expected = "kestra support, 2026-01-01 to 2026-06-30

         2026
         Jan  Feb  Mar  Apr  May  Jun
         ╷    ╷    ▼    ╷    ╷    ╷
1.0 LTS  ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
1.1      ██        │
1.2        ████████│
1.3 LTS            █████████████████████

█ latest  ━ maintained as LTS  ─ maintained
▒ ┅ ╌ projected  ▼ 2026-03-01 (--on)
";
    let args = [
        "timeline",
        "--from",
        "2026-01-01",
        "--to",
        "2026-06-30",
        "--on",
        "2026-03-01",
    ];
    let mut fixed = args.to_vec();
    fixed.extend(["--width", "40", "--color", "never"]);
    assert_eq!(stdout_of(&fixed, 0), expected);
}

#[test]
fn projected_parts_are_drawn_apart() {
    // 2.0 ends with the projected 2.1, 2.2 is projected and cut by 2.8.
    let text = stdout_of(
        &[
            "timeline",
            "--from",
            "2026-09-01",
            "--to",
            "2027-06-30",
            "--on",
            "2026-11-25",
            "--width",
            "60",
            "--color",
            "never",
        ],
        0,
    );
    let row = |name: &str| {
        text.lines()
            .find(|line| line.starts_with(name))
            .unwrap()
            .to_owned()
    };
    assert!(
        row("2.0 ").contains('▒') && !row("2.0 ").contains('█'),
        "{text}"
    );
    assert!(row("2.2 LTS").contains('┅'), "{text}");
    // 1.3's release and LTS support period are known.
    assert!(
        row("1.3 LTS").contains('█') && row("1.3 LTS").contains('━'),
        "{text}"
    );
    assert!(
        text.lines().all(|line| line.chars().count() <= 60),
        "{text}"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let args = ["timeline", "--on", "2026-11-25", "--width", "60"];
    // Not a terminal: no colour by default.
    assert!(!stdout_of(&args, 0).contains('\x1b'));
    let mut always = args.to_vec();
    always.extend(["--color", "always"]);
    let coloured = stdout_of(&always, 0);
    // LTS rows green, feature rows blue, --on red.
    assert!(coloured.contains("\x1b[32m━"), "{coloured}");
    assert!(
        coloured.contains("\x1b[34m█") || coloured.contains("\x1b[2;34m▒"),
        "{coloured}"
    );
    assert!(coloured.contains("\x1b[31m│"), "{coloured}");
    let plain = kestra_flat(&args).env("NO_COLOR", "1").output().unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
}

#[test]
fn svg_is_well_formed_and_draws_each_line() {
    let svg = stdout_of(&["timeline", "--on", "2026-11-25", "--format", "svg"], 0);
    let document = roxmltree::Document::parse(&svg).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let rows: Vec<&str> = root
        .descendants()
        .filter_map(|node| node.attribute("data-line"))
        .collect();
    // From 2025-11-25: 1.1 and 1.0 supported then, and 1.2 .. 2.7 released by 2027-11-25.
    assert_eq!(
        rows,
        [
            "1.0", "1.1", "1.2", "1.3", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"
        ]
    );
    let class_of = |line: &str| {
        root.descendants()
            .find(|node| node.attribute("data-line") == Some(line))
            .and_then(|node| node.attribute("class"))
            .unwrap()
    };
    assert_eq!(class_of("2.2"), "line lts");
    assert_eq!(class_of("2.1"), "line feature");
    let projected = root
        .descendants()
        .filter(|node| {
            node.attribute("class")
                .is_some_and(|class| class.ends_with("projected"))
        })
        .count();
    assert!(projected > 0);
    assert_eq!(
        root.descendants()
            .filter(|node| node.attribute("class") == Some("today"))
            .count(),
        1
    );
}

#[test]
fn the_days_label_stays_inside_the_picture() {
    // --to the day after --on: the line is at the right edge, x = 90 + 900
    // * 365 / 367 (from 2025-12-07, 367 days shown) = 985.1, where a label
    // of 80 px to its right would end past 1000. It goes to the left,
    // anchored at its end; a day in the middle keeps it on the right.
    let label = |to: &str| {
        let args = [
            "timeline",
            "--on",
            "2026-12-07",
            "--to",
            to,
            "--format",
            "svg",
        ];
        let svg = stdout_of(&args, 0);
        let document = roxmltree::Document::parse(&svg).unwrap();
        let text = document
            .descendants()
            .find(|node| node.text() == Some("2026-12-07"))
            .unwrap();
        let x: f64 = text.attribute("x").unwrap().parse().unwrap();
        (x, text.attribute("text-anchor").map(str::to_owned))
    };
    let (x, anchor) = label("2026-12-08");
    assert_eq!(anchor.as_deref(), Some("end"));
    assert!(x < 1000.0 && x > 900.0, "{x}");
    let (x, anchor) = label("2027-12-07");
    assert_eq!(anchor, None);
    assert!(x + 80.0 < 1000.0, "{x}");
}

#[test]
fn timeline_range_must_be_forward() {
    kestra_flat(&["timeline", "--from", "2027-01-01", "--to", "2026-01-01"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: the range starts on 2027-01-01, after its end on 2026-01-01\n");
}

#[test]
fn svg_stays_well_formed_whatever_the_policy_is_called() {
    let mut policy = kestra_flat_file();
    let name = "<script>alert('x')</script> & \"friends\" ]]> <!-- -->";
    policy["name"] = name.into();
    let file = std::env::temp_dir().join(format!("lts-policy-svg-{}.json", std::process::id()));
    std::fs::write(&file, policy.to_string()).unwrap();
    let svg = stdout_of(
        &[
            "timeline",
            "--on",
            "2026-11-25",
            "--format",
            "svg",
            "--policy",
            file.to_str().unwrap(),
        ],
        0,
    );
    std::fs::remove_file(&file).unwrap();
    let document = roxmltree::Document::parse(&svg).unwrap();
    let title = document
        .descendants()
        .find(|node| node.has_tag_name("title"))
        .unwrap();
    assert_eq!(
        title.text().unwrap(),
        format!("{name} support from 2025-11-25 to 2027-11-25")
    );
    assert!(
        !document
            .descendants()
            .any(|node| node.has_tag_name("script"))
    );
}

#[test]
fn every_year_on_the_axis_has_its_label() {
    // 2025-11-25 to 2027-11-25: 731 days. The rows' labels take 9 columns
    // ("2.3 LTS" and two spaces), the rest the axis. January 1st, 2026 is 37
    // days in (6 + 31), January 1st, 2027 402; a day d days in sits in
    // column floor(d * columns / 731) of the axis.
    for (width, columns) in [(90, 81), (100, 91)] {
        let args = [
            "timeline",
            "--on",
            "2026-11-25",
            "--width",
            width.to_string().as_str(),
            "--color",
            "never",
        ]
        .map(str::to_owned);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let picture = super::embedded(&args).output().unwrap().stdout;
        let picture = String::from_utf8(picture).unwrap();
        let rows: Vec<&str> = picture.lines().collect();
        let (years, months) = (rows[2], rows[3]);
        let at = |days: usize| 9 + days * columns / 731;
        assert_eq!(years.find("2026"), Some(at(37)), "{width}: {picture}");
        assert_eq!(years.find("2027"), Some(at(402)), "{width}: {picture}");
        // 2025 has 37 days on the axis, too few for its label before 2026's:
        // it stands just left of the axis, over nothing but the gutter.
        assert_eq!(years.find("2025"), Some(4), "{width}: {picture}");
        // The month row names months only: every quarter's, as Dec 2025
        // (day 6) and Jan 2026 (day 37) are 4 columns apart, too close for
        // "Dec" and a space, and Jan and Feb (day 68) 3 or 4.
        assert!(!months.contains("20"), "{width}: {months}");
        let quarters: Vec<usize> = [37, 127, 218, 310, 402, 492, 583, 675]
            .into_iter()
            .map(at)
            .collect();
        let names: Vec<usize> = months
            .match_indices(char::is_alphabetic)
            .map(|(at, _)| at)
            .step_by(3)
            .collect();
        assert_eq!(names, quarters, "{width}: {months}");
        assert_eq!(
            months.split_whitespace().collect::<Vec<_>>(),
            ["Jan", "Apr", "Jul", "Oct", "Jan", "Apr", "Jul", "Oct"],
            "{width}: {months}"
        );
    }
}

/// The SVG timeline of an endoflife.date `answer` (written to a file
/// named after `tag`) for each of `asks`, each of which must answer.
fn svg_of_answer(answer: &serde_json::Value, tag: &str, asks: &[&[&str]]) -> Vec<String> {
    let file =
        std::env::temp_dir().join(format!("lts-policy-svg-{tag}-{}.json", std::process::id()));
    std::fs::write(&file, answer.to_string()).unwrap();
    let file_name = file.to_str().unwrap();
    let pictures = asks
        .iter()
        .map(|asked| {
            let args = [
                &["--endoflife", file_name, "timeline", "--format", "svg"][..],
                asked,
            ];
            let output = kestra_flat(&args.concat()).output().unwrap();
            assert_eq!(output.status.code(), Some(0), "{output:?}");
            String::from_utf8(output.stdout).unwrap()
        })
        .collect();
    std::fs::remove_file(&file).unwrap();
    pictures
}

#[test]
fn svg_escapes_line_names_a_record_controls() {
    // Lines known by name come from the record's text: a hostile one must
    // reach every attribute and title of the SVG as text.
    let name = "\"><script>alert(1)</script>";
    let answer = serde_json::json!([
        {"cycle": name, "releaseDate": "2026-01-01", "eol": "2027-01-01"},
        {"cycle": "</title><script>2</script>", "releaseDate": "2026-02-01", "eol": "2027-01-01"},
    ]);
    let svg = svg_of_answer(&answer, "names", &[&["--on", "2026-06-01"]]).remove(0);
    let document = roxmltree::Document::parse(&svg).unwrap();
    assert!(
        !document
            .descendants()
            .any(|node| node.has_tag_name("script"))
    );
    let lines: Vec<&str> = document
        .descendants()
        .filter_map(|node| node.attribute("data-line"))
        .collect();
    assert!(lines.contains(&name), "{lines:?}");
}

#[test]
fn the_label_column_is_as_wide_as_its_longest_label_and_no_wider_than_44_characters() {
    // A label is 8 pixels a character and 8 of margin: "fold" keeps the
    // 90 of the narrowest column; a 51-character name needs 416, past the
    // widest, 360, where 44 characters fit (352 pixels): 43 and an
    // ellipsis. The picture is the column, the 900-pixel chart and 10.
    let answer = serde_json::json!([
        {"cycle": "fold", "releaseDate": "2025-06-01", "eol": "2026-12-31"},
        {"cycle": "galaxy-s-ultra-fold-flip-max-pro-plus-edition-2026",
         "releaseDate": "2026-01-10", "eol": false},
    ]);
    let asked = |to| ["--on", "2025-07-01", "--to", to];
    let [both, fold_alone] = <[String; 2]>::try_from(svg_of_answer(
        &answer,
        "labels",
        // Up to before the long-named line, the column is the narrowest.
        &[&asked("2026-03-01"), &asked("2025-12-31")],
    ))
    .unwrap();
    assert!(both.contains(r#"<svg xmlns="http://www.w3.org/2000/svg" width="1270" "#));
    assert!(both.contains(">galaxy-s-ultra-fold-flip-max-pro-plus-editi…</text>"));
    assert!(both.contains(r#"data-line="galaxy-s-ultra-fold-flip-max-pro-plus-edition-2026""#));
    assert!(fold_alone.contains(r#"width="1000" "#), "{fold_alone}");
}
