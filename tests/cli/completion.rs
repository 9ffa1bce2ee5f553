//! Shell completion: a script for every shell, and driven in a real shell,
//! as at a prompt: bash through its completion function with `COMP_WORDS`
//! and `COMP_CWORD`, fish through `complete -C`, zsh by loading the script
//! (where those are installed).

use std::collections::BTreeSet;
use std::process::Command;

use super::catalog::formats;
use super::stdout_of;

/// Whether `shell` runs here; says so on stderr when it does not.
fn installed(shell: &str) -> bool {
    let runs = Command::new(shell)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !runs {
        eprintln!("skipped: {shell} is not installed, so its completion is not driven");
    }
    runs
}

/// `shell` run with `args`, the completion script `completions SHELL`
/// writes in $SCRIPT and `env` besides.
fn with_script(shell: &str, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let script = stdout_of(&["completions", shell], 0);
    let mut command = Command::new(shell);
    command.args(args).env("SCRIPT", script);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

/// What bash offers for `words`, the command line typed so far, the last
/// being the word under the cursor (empty after a space).
fn bash_offers(words: &[&str]) -> Vec<String> {
    // bash calls the function with the command's name, the current word and
    // the one before it, COMP_WORDS and COMP_CWORD set.
    let drive = r#"eval "$SCRIPT"
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
_lts__policy "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}""#;
    let output = with_script(
        "bash",
        &[&["--norc", "-c", drive, "bash"][..], words].concat(),
        &[],
    );
    assert!(output.status.success(), "{words:?}: {output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_a_commands_flags_and_values() {
    if !installed("bash") {
        return;
    }
    assert_eq!(
        bash_offers(&["lts-policy", "supported", "--f"]),
        ["--format"]
    );
    // A command offers the formats it writes, and only those.
    assert_eq!(
        bash_offers(&["lts-policy", "supported", "--format", ""]),
        formats("supported")
    );
    assert_eq!(
        bash_offers(&["lts-policy", "timeline", "--format", "s"]),
        ["svg"]
    );
    assert_eq!(
        bash_offers(&["lts-policy", "backport-targets", "--s"]),
        ["--since", "--security"]
    );
    assert_eq!(
        bash_offers(&["lts-policy", "releases", "--re"]),
        ["--remind", "--recorded"]
    );
    // products, which reads the catalogue: its own flag and formats.
    assert_eq!(
        bash_offers(&["lts-policy", "products", "--i"]),
        ["--identifier"]
    );
    assert_eq!(
        bash_offers(&["lts-policy", "products", "--format", ""]),
        formats("products")
    );
    // The names a tag takes besides a line.
    let tag = bash_offers(&["lts-policy", "tag", "l"]);
    assert_eq!(tag, ["latest", "latest-lts"]);
    // After options before the command, as after none.
    assert_eq!(
        bash_offers(&["lts-policy", "--policy", "p.json", "status", "--o"]),
        ["--on"]
    );
    assert_eq!(
        bash_offers(&["lts-policy", "completions", ""]),
        [
            "-h",
            "--policy",
            "--json",
            "--color",
            "--format",
            "--help",
            "bash",
            "elvish",
            "fish",
            "powershell",
            "zsh"
        ]
    );
}

#[test]
fn bash_loads_the_script_in_posix_mode() {
    if !installed("bash") {
        return;
    }
    // As `sh` when it is bash: a function name with a hyphen is refused there.
    let load = r#"eval "$SCRIPT" && type _lts__policy >/dev/null"#;
    let output = with_script("bash", &["--posix", "--norc", "-c", load], &[]);
    assert!(output.status.success(), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
}

#[test]
fn fish_completes_a_commands_flags_and_values() {
    if !installed("fish") {
        return;
    }
    // fish may sort what it offers (3.6 does): the offers are compared as
    // a set.
    let offers = |line: &str| -> BTreeSet<String> {
        let complete = r#"printf '%s' "$SCRIPT" | source; complete -C "$LINE""#;
        let output = with_script("fish", &["--no-config", "-c", complete], &[("LINE", line)]);
        assert!(output.status.success(), "{line}: {output:?}");
        // Each offer is the word, a tab and its description.
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|offer| offer.split('\t').next().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        offers("lts-policy supported --format "),
        formats("supported")
            .iter()
            .map(|format| (*format).to_owned())
            .collect::<BTreeSet<_>>()
    );
    assert!(offers("lts-policy backport-targets --").contains("--security"));
}

#[test]
fn zsh_loads_the_script_and_knows_each_commands_flags() {
    if !installed("zsh") {
        return;
    }
    let script = stdout_of(&["completions", "zsh"], 0);
    // Completing needs zsh's line editor on a terminal; loading the script
    // under compinit checks that it defines the function without an error.
    let load = r#"autoload -U compinit && compinit -u && eval "$SCRIPT" && whence -w _lts-policy"#;
    let output = with_script("zsh", &["-f", "-c", load], &[]);
    assert!(output.status.success(), "{output:?}");
    // Each command's own flags, and the formats it writes.
    assert!(script.contains("'--security["));
    assert!(script.contains("--format=[Output format\\: text, json, ndjson, csv or plain, e.g."));
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell], 0);
        assert!(script.contains("backport-targets"), "{shell}");
        assert!(script.contains("products"), "{shell}");
    }
}
