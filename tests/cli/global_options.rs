//! The options taken before the command and after it, and colour as the
//! environment and `--color` ask for it.

use super::kestra_flat;

#[test]
fn colour_follows_the_environment_conventions() {
    let args = ["timeline", "--on", "2026-11-25", "--width", "60"];
    let coloured = |output: std::process::Output| {
        assert!(output.status.success());
        output.stdout.contains(&0x1b)
    };
    // Not a terminal: no colour, unless CLICOLOR_FORCE asks for it.
    assert!(!coloured(kestra_flat(&args).output().unwrap()));
    assert!(coloured(
        kestra_flat(&args)
            .env("CLICOLOR_FORCE", "1")
            .output()
            .unwrap()
    ));
    // NO_COLOR wins over CLICOLOR_FORCE; --color wins over both.
    let both = |color: &str| {
        let mut args = args.to_vec();
        args.extend(["--color", color]);
        kestra_flat(&args)
            .env("CLICOLOR_FORCE", "1")
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    assert!(!coloured(both("auto")));
    assert!(coloured(both("always")));
    assert!(!coloured(
        kestra_flat(&[&args[..], &["--color", "never"]].concat())
            .env("CLICOLOR_FORCE", "1")
            .output()
            .unwrap()
    ));
    // Tables are text too: their header is bold when colour is on.
    let table = kestra_flat(&["supported", "--on", "2026-03-01", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains("\x1b[1mLINE"));
}

/// `--policy`, `--json`, `--format` and `--color` are taken before the
/// command and after it; one given after takes the place of the same one
/// given before, and `--format` that of `--json` wherever each is given
/// (README, "Usage").
#[test]
fn options_after_the_command_override_those_before() {
    let plain = |args: &[&str]| {
        let output = super::embedded(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    // Kestra on 2026-03-01: 1.3 comes on 2026-03-03, so 1.2 is the latest
    // line and 1.0 the LTS line; Node.js would answer with majors.
    let kestra = "examples/kestra.json";
    let nodejs = "examples/nodejs.json";
    let on = ["supported", "--on", "2026-03-01", "--format", "plain"];
    assert_eq!(
        plain(&[&["--policy", nodejs], &on[..], &["--policy", kestra]].concat()),
        "1.2\n1.0\n"
    );
    assert_eq!(
        plain(&[&["--policy", kestra], &on[..]].concat()),
        "1.2\n1.0\n"
    );
    let csv = plain(&[
        "--format",
        "csv",
        "supported",
        "--on",
        "2026-03-01",
        "--json",
    ]);
    assert!(csv.starts_with("line,released,"), "{csv}");
    let csv = plain(&[
        "--json",
        "supported",
        "--on",
        "2026-03-01",
        "--format",
        "csv",
    ]);
    assert!(csv.starts_with("line,released,"), "{csv}");
    let coloured = plain(&[
        "--color",
        "never",
        "supported",
        "--on",
        "2026-03-01",
        "--color",
        "always",
    ]);
    assert!(coloured.contains("\x1b[1mLINE"), "{coloured}");
    // Both on one side of the command is a usage error.
    let output = super::embedded(&["supported", "--json", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}
