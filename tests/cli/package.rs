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
        // build.rs checks it and the library embeds it.
        "examples/kestra.json",
        "examples/nodejs.json",
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
