//! The catalogue the program carries is its own generator's output: a
//! sample of products, one of each kind the generator makes, rebuilt by
//! `policy --from-endoflife` from the snapshot's product files (and
//! release-data where `catalogue/rebuild.sh` gives it) and compared byte
//! for byte with `catalogue/products/NAME.json`.

use super::embedded;

/// Each product of the sample, whether release-data is given for it
/// (`tests/data/endoflife/release-data/NAME.json`), and what it stands for.
const SAMPLE: [(&str, bool); 7] = [
    // Rules encoded by hand from the vendor's page (examples/nodejs.json),
    // majors, release-data's 1,000 versions as patches.
    ("nodejs", true),
    // A support rule stated in the file's comments and borne out by its
    // ends ("eol(x) = releaseDate(x+2)"), with release-data.
    ("go", true),
    // Every rule fitted, release-data.
    ("redis", true),
    // Majors, a stated rule ("eol(x) = releaseDate(x+1)"), release-data.
    ("adonisjs", true),
    // Lines of mixed depths ("9.6" beside "10"): dotted, release-data.
    ("postgresql", true),
    // Stated active and support rules ("eoas(x) = releaseDate(x) + 12
    // months", ...), the LTS rule fitted, no release-data.
    ("cisco-ios-xe", false),
    // A device whose lines are names alone (processor generations), no
    // release-data.
    ("intel-processors", false),
];

#[test]
fn the_catalogue_is_what_the_generator_writes() {
    for (product, with_release_data) in SAMPLE {
        let file = format!("tests/data/endoflife/products/{product}.md");
        let versions = format!("tests/data/endoflife/release-data/{product}.json");
        // The snapshot's day, as `catalogue/rebuild.sh` is given it.
        let mut args = vec!["policy", "--from-endoflife", &file, "--as-of", "2026-08-22"];
        if with_release_data {
            args.extend(["--release-data", &versions]);
        }
        let output = embedded(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{product}: {output:?}");
        assert!(output.stderr.is_empty(), "{product}: {output:?}");
        let carried = std::fs::read(format!("catalogue/products/{product}.json")).unwrap();
        assert!(
            output.stdout == carried,
            "{product}: the catalogue's file is not the generator's output; run \
             catalogue/rebuild.sh"
        );
    }
}

#[test]
fn the_sample_is_of_every_kind() {
    // The sample's claims about each product, checked against the
    // catalogue's own files so that it stays a sample of every kind.
    let file = |product: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(format!("catalogue/products/{product}.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let rules_from =
        |product: &str, rule: &str| file(product)["product"]["rules_from"][rule].clone();
    assert_eq!(rules_from("nodejs", "support"), "vendor");
    assert_eq!(file("nodejs")["lines"], "major");
    assert_eq!(rules_from("go", "support"), "stated");
    assert_eq!(rules_from("redis", "support"), "fitted");
    assert_eq!(file("adonisjs")["lines"], "major");
    assert_eq!(rules_from("adonisjs", "support"), "stated");
    assert_eq!(file("postgresql")["lines"], "dotted");
    assert_eq!(rules_from("cisco-ios-xe", "active"), "stated");
    // A name-only product: no line of its history is a number.
    let history = file("intel-processors")["history"].clone();
    assert!(
        history
            .as_array()
            .unwrap()
            .iter()
            .all(|release| !release["line"]
                .as_str()
                .unwrap()
                .starts_with(char::is_numeric)),
        "{history}"
    );
}
