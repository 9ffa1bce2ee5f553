//! Micro-benchmarks of the policy model's hot paths (divan):
//! `cargo bench --bench policy`.

use chrono::NaiveDate;
use divan::black_box;
use lts_policy::policy::{Policy, parse_date};

fn main() {
    divan::main();
}

fn kestra() -> Policy {
    Policy::kestra().unwrap()
}

fn date(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

/// Reading the embedded policy, as every run does.
#[divan::bench]
fn parse_embedded_policy() -> Policy {
    kestra()
}

/// Roles on a date near the history.
#[divan::bench]
fn supported_on_a_known_date(bencher: divan::Bencher) {
    let policy = kestra();
    let on = date("2026-03-01");
    bencher.bench(|| policy.supported_on(black_box(on)).unwrap());
}

/// Roles on a date 8,000 years of projections away.
#[divan::bench]
fn supported_on_a_far_date(bencher: divan::Bencher) {
    let policy = kestra();
    let on = date("9999-12-31");
    bencher.bench(|| policy.supported_on(black_box(on)).unwrap());
}

/// Finding the latest line on a far date: one step, not one per line.
#[divan::bench]
fn latest_line_on_a_far_date(bencher: divan::Bencher) {
    let policy = kestra();
    let on = date("9999-12-31");
    bencher.bench(|| policy.latest_on(black_box(on)).unwrap());
}

/// The calendar over 1x, 10x and 100x as many lines (480, 4,800, 48,000).
#[divan::bench(args = ["2105-12-31", "2825-12-31", "9999-12-31"])]
fn releases_to(bencher: divan::Bencher, to: &str) {
    let policy = kestra();
    let (from, to, on) = (date("2025-01-01"), date(to), date("2026-03-01"));
    bencher.bench(|| {
        let calendar = policy
            .releases(Some(from), Some(black_box(to)), on)
            .unwrap();
        calendar.lines().map(Result::unwrap).count()
    });
}
