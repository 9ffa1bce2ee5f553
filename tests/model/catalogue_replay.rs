//! Every product of the catalogue, by name alone (`Policy::named`, no
//! `--endoflife`), asked what is supported on each day its record
//! (`tests/data/endoflife/products`) covers where an answer can change:
//! each cycle's release day, and the eve, the day and the morrow of each
//! end, up to the policy's `history_as_of`, the snapshot's day (2026-08-22:
//! the catalogue is built with `--as-of`). The answer must be the
//! record's, as `replay.rs` reads it, and rest on no line projected on or
//! before that day. The products whose example numbers its lines otherwise
//! than the record's oldest cycles (.NET's majors after `1.0` to `3.1`,
//! Grafana's and Quarkus's minors after majors) carry the example's rules
//! over dotted lines, and answer for every cycle too.
//!
//! The figures: `cargo test --release --test model catalogue_replay --
//! --nocapture`.

use lts_policy::Policy;

use super::replay::{Tally, compare, products, record};

#[test]
fn every_product_answers_by_name_as_its_record_does() {
    let products = products();
    let snapshot = lts_policy::parse_date("2026-08-22").unwrap();
    let mut tally = Tally::default();
    for product in &products {
        let policy = Policy::named(product)
            .unwrap_or_else(|err| panic!("{product}: {}", super::message(&err)));
        assert_eq!(policy.name(), product);
        assert_eq!(
            policy.history_as_of(),
            snapshot,
            "{product}: the record is complete up to the snapshot's day"
        );
        tally.count(product, compare(&policy, &record(product)));
    }
    eprintln!(
        "catalogue replay: {} products by name; {} of {} days agree with the record",
        products.len(),
        tally.agreeing,
        tally.days
    );
    tally.assert_no_failures();
}

#[test]
fn every_products_patches_decode_as_its_file_records_them() {
    // A line's patches are kept as bytes and decoded the first time they
    // are read; each product's, read, are its catalogue file's, and the
    // newest day kept beside them is theirs.
    for product in products() {
        let carried = Policy::named(&product).unwrap();
        let path = format!(
            "{}/catalogue/products/{product}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let file = Policy::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (carried, written) in carried.history().iter().zip(file.history()) {
            let newest = written.patches.iter().map(|patch| patch.released).max();
            assert_eq!(
                carried.patches.newest_day(),
                newest,
                "{product} {}",
                carried.line
            );
            assert_eq!(
                carried.patches, written.patches,
                "{product} {}",
                carried.line
            );
        }
        assert_eq!(carried.history().len(), file.history().len(), "{product}");
    }
}
