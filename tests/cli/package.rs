//! The crate as `cargo publish` would ship it: what a user builds from,
//! and not the tests' data, the fuzz corpus or the benchmarks' scripts.

use std::process::Command;

#[test]
fn the_package_holds_what_a_build_needs_and_nothing_of_the_tests() {
    let output = Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let listed = String::from_utf8(output.stdout).unwrap();
    let files: Vec<&str> = listed.lines().collect();
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "src/lib.rs",
        "src/main.rs",
        "src/model.md",
        // build.rs checks them and the library embeds them: the catalogue
        // works after `cargo install`, which has no data directory.
        "examples/kestra.json",
        "examples/nodejs.json",
        "catalogue/products/nodejs.json",
        "catalogue/products/spring-framework.json",
        "catalogue/LICENSE",
        "README.md",
        "LICENSE",
    ] {
        assert!(files.contains(&needed), "{needed} not in {files:?}");
    }
    for left_out in [
        "fuzz/", "tests/", "bench/", "benches/", "target/", "action/", ".ci/",
    ] {
        assert!(
            !files.iter().any(|file| file.starts_with(left_out)),
            "{left_out} shipped: {files:?}"
        );
    }
}

#[test]
fn the_metadata_crates_io_shows_is_filled_in_as_it_takes_it() {
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--no-deps",
            "--offline",
            "--format-version",
            "1",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let package = &metadata["packages"][0];
    assert_eq!(package["documentation"], "https://docs.rs/lts-policy");
    assert_eq!(package["readme"], "README.md");
    assert_eq!(package["rust_version"], "1.88");
    // crates.io takes at most five keywords of at most 20 ASCII characters
    // each, and categories by their slugs (crates.io/category_slugs).
    let keywords = package["keywords"].as_array().unwrap();
    assert!((1..=5).contains(&keywords.len()), "{keywords:?}");
    for keyword in keywords {
        let keyword = keyword.as_str().unwrap();
        assert!(
            keyword.len() <= 20
                && keyword
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{keyword}"
        );
    }
    let slugs = [
        "command-line-utilities",
        "development-tools",
        "date-and-time",
    ];
    assert_eq!(package["categories"], serde_json::json!(slugs));
    // docs.rs documents the library alone, without the command line.
    let docs_rs = &package["metadata"]["docs"]["rs"];
    assert_eq!(docs_rs["no-default-features"], true);
    // cargo binstall finds the release's static binary.
    assert!(package["metadata"]["binstall"]["pkg-url"].is_string());
}
