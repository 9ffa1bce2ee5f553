//! Every product of the catalogue, by name alone (`Policy::named`, no
//! `--endoflife`), asked what is supported on each day its record
//! (`tests/data/endoflife/products`) covers where an answer can change:
//! each cycle's release day, and the eve, the day and the morrow of each
//! end, up to the policy's `history_as_of`. The answer must be the
//! record's, as `replay.rs` reads it, and rest on no line projected on or
//! before that day. Three products' oldest lines are known gaps
//! ([`NOT_IN_THE_EXAMPLES_NUMBERING`]).
//!
//! The figures: `cargo test --release --test model catalogue_replay --
//! --nocapture`.

use lts_policy::Policy;

use super::replay::{Tally, compare, products, record};

/// The products whose example numbers its lines in a way that cannot name
/// the record's oldest ones, and those lines: the example's numbering
/// leaves them out of the history (`Facts::from_endoflife` drops older
/// cycles of another numbering), so the catalogue cannot answer for them.
/// .NET's examples are majors (`5`, `6`, ...) after minors (`1.0` to
/// `3.1`); Grafana's and Quarkus's are minors after majors. Each is named
/// so that the catalogue learning them (a dotted history under the
/// example's rules) is seen here: the test fails until the list loses it.
const NOT_IN_THE_EXAMPLES_NUMBERING: [(&str, &[&str]); 3] = [
    ("dotnet", &["1.0", "1.1", "2.0", "2.1", "2.2", "3.0", "3.1"]),
    ("grafana", &["6", "7", "8"]),
    ("quarkus-framework", &["0", "1"]),
];

/// The lines of `product`'s record the catalogue cannot name.
fn left_out(product: &str) -> &'static [&'static str] {
    NOT_IN_THE_EXAMPLES_NUMBERING
        .iter()
        .find(|(name, _)| *name == product)
        .map_or(&[], |(_, lines)| lines)
}

#[test]
fn every_product_answers_by_name_as_its_record_does() {
    let products = products();
    let mut tally = Tally::default();
    for product in &products {
        let policy = Policy::named(product)
            .unwrap_or_else(|err| panic!("{product}: {}", super::message(&err)));
        assert_eq!(policy.name(), product);
        let left_out = left_out(product);
        let unnamed: Vec<String> = policy
            .history()
            .iter()
            .map(|release| release.line.to_string())
            .filter(|line| left_out.contains(&line.as_str()))
            .collect();
        assert!(unnamed.is_empty(), "{product} names {unnamed:?} now");
        let mut cycles = record(product);
        cycles.retain(|cycle| !left_out.contains(&cycle.name()));
        tally.count(product, compare(&policy, &cycles));
    }
    eprintln!(
        "catalogue replay: {} products by name; {} of {} days agree with the record",
        products.len(),
        tally.agreeing,
        tally.days
    );
    tally.assert_no_failures();
}
