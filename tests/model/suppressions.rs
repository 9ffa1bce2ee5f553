//! A suppression covers a matched component's product and line up to its
//! last day (`stack::Suppression`).

use lts_policy::parse_date;
use lts_policy::stack::{Matcher, Outcome, Suppression, read_file};

fn waiver(line: Option<&str>, until: &str) -> Suppression {
    Suppression {
        product: "nodejs",
        line: line.map(str::to_owned),
        reason: "upgrade planned".to_owned(),
        until: parse_date(until).unwrap(),
    }
}

#[test]
fn a_suppression_covers_its_product_and_line_through_its_last_day() {
    // An .nvmrc of 18.20.4 is Node.js's line 18.
    let found = read_file(".nvmrc", "18.20.4\n").unwrap();
    let on = parse_date("2026-06-30").unwrap();
    let Outcome::Known(verdict) = Matcher::new().verdict(&found.components[0], on).unwrap() else {
        panic!("Node.js is a product the program carries");
    };
    assert!(waiver(Some("18"), "2026-06-30").covers(&verdict, on));
    assert!(
        waiver(None, "2026-06-30").covers(&verdict, on),
        "every line"
    );
    assert!(
        !waiver(Some("20"), "2026-06-30").covers(&verdict, on),
        "another line"
    );
    // The day before is its last: lapsed, it covers nothing.
    let lapsed = waiver(Some("18"), "2026-06-29");
    assert!(lapsed.lapsed(on));
    assert!(!lapsed.covers(&verdict, on));
    let other = Suppression {
        product: "python",
        ..waiver(None, "2026-06-30")
    };
    assert!(!other.covers(&verdict, on), "another product");
}
