//! Back-test of the catalogue: how well the generator (`policy
//! --from-endoflife`) foresees what came, product by product, as
//! `examples/backtest.rs` does for the example policies. Each product's
//! record is cut at the end of every quarter of the two years before
//! endoflife.date's snapshot (2026-08-22), as its file and release-data
//! would have been on that day; the generator rebuilds the policy from the
//! cut record (with the vendor's rules cut the same way, for the products
//! the program carries them for), and the model projects the next line's
//! release and the end of support of every line it supports on the cut
//! day. Each is compared with the full record: right within 7 days, and
//! held when its 80% range contains the real day.
//!
//! Run by hand, not in CI: `cargo run --release --example
//! catalogue_backtest`, with `-- --misses` to list every miss, `-- NAME...`
//! for some products; it writes `catalogue/backtest.tsv` when run on all.

#[path = "catalogue_backtest/cut.rs"]
mod cut;
#[path = "catalogue_backtest/score.rs"]
mod score;
#[path = "shared/score.rs"]
mod shared_score;

use std::fmt::Write as _;
use std::process::ExitCode;

use lts_policy::catalogue::vendor_rules;
use lts_policy::product_file::{read_product_file, read_release_data};

use score::{Outcome, Scores, backtest};

const PRODUCTS: &str = "tests/data/endoflife/products";
const RELEASE_DATA: &str = "/work/shared/data/endoflife/release-data";
const TSV: &str = "catalogue/backtest.tsv";

/// Each product named, or every product file's, in order.
fn product_names(named: Vec<String>) -> Result<Vec<String>, String> {
    if !named.is_empty() {
        return Ok(named);
    }
    let entries = std::fs::read_dir(PRODUCTS)
        .map_err(|err| format!("{PRODUCTS}: {err} (run from the repository's root)"))?;
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .filter_map(|path| Some(path.file_stem()?.to_str()?.to_owned()))
        .collect();
    names.sort();
    Ok(names)
}

/// The product's back-test, from its file and its release-data (where
/// there is one).
fn backtest_product(name: &str, misses: bool) -> Result<Outcome, String> {
    let path = format!("{PRODUCTS}/{name}.md");
    let text = std::fs::read_to_string(&path).map_err(|err| format!("{path}: {err}"))?;
    let mut record = read_product_file(name, &text).map_err(|err| format!("{path}: {err}"))?;
    if let Ok(json) = std::fs::read_to_string(format!("{RELEASE_DATA}/{name}.json")) {
        record.versions = read_release_data(&json).map_err(|err| format!("{name}: {err}"))?;
    }
    backtest(&record, vendor_rules(name), misses)
}

fn row(name: &str, scores: &Scores) -> String {
    format!(
        "{name:<28} {:>14} {:>14} {:>14} {:>14} {:>7} {:>7}",
        scores.releases.cell(),
        scores.eols.cell(),
        scores.release_ranges.cell(),
        scores.eol_ranges.cell(),
        score::median(&scores.release_widths),
        score::median(&scores.eol_widths),
    )
}

fn tsv_line(name: &str, scores: &Scores) -> String {
    let cells = [
        scores.releases,
        scores.eols,
        scores.release_ranges,
        scores.eol_ranges,
    ]
    .map(|score| format!("{}\t{}", score.right, score.total));
    format!("{name}\t{}\n", cells.join("\t"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|arg| arg == "--misses");
    let named: Vec<String> = args.into_iter().filter(|arg| arg != "--misses").collect();
    let every_product = named.is_empty();
    let names = match product_names(named) {
        Ok(names) => names,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    println!(
        "{:<28} {:>14} {:>14} {:>14} {:>14} {:>7} {:>7}",
        "product", "next release", "eol", "release range", "eol range", "r width", "e width"
    );
    let mut total = Scores::default();
    let mut tsv = String::from(
        "product\treleases_right\treleases_total\tends_right\tends_total\t\
         release_ranges_held\trelease_ranges_total\tend_ranges_held\tend_ranges_total\n",
    );
    let (mut by_name, mut unreadable, mut failed_cuts) = (Vec::new(), Vec::new(), 0);
    for name in &names {
        match backtest_product(name, misses) {
            Ok(Outcome::NamedLines) => by_name.push(name.as_str()),
            Ok(Outcome::Scored(scores)) => {
                println!("{}", row(name, &scores));
                tsv.push_str(&tsv_line(name, &scores));
                failed_cuts += scores.failed_cuts;
                total.merge(&scores);
            }
            Err(err) => unreadable.push(format!("{name}: {err}")),
        }
    }
    println!("{}", row("all", &total));
    let mut summary = format!(
        "{} products scored; {} known by name only, skipped",
        names.len() - by_name.len() - unreadable.len(),
        by_name.len()
    );
    let _ = write!(
        summary,
        "; {failed_cuts} cuts the generator could not rebuild (their forecasts count as missed)"
    );
    println!("{summary}");
    println!(
        "next releases a simple estimate from the release days came within 7 days of, the \
         nearest chosen after the fact: {}",
        total.simple_estimates.cell()
    );
    println!("known by name only: {}", by_name.join(" "));
    for err in &unreadable {
        eprintln!("error: {err}");
    }
    if every_product && let Err(err) = std::fs::write(TSV, tsv) {
        eprintln!("error: {TSV}: {err}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
