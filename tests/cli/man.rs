//! The man pages: one for the program and one per command, each with the
//! sections a man page has, rendered by `man -l` without a warning.

use std::process::Command;

use super::catalog::commands;
use super::{Scratch, stdout_of};

/// The pages `man --dir` writes: the program's and each command's.
fn pages() -> Vec<String> {
    let mut pages: Vec<String> = commands()
        .map(|command| format!("lts-policy-{command}.1"))
        .collect();
    pages.sort();
    pages.insert(0, "lts-policy.1".to_owned());
    pages
}

/// A page as `man -l` renders it, 100 columns wide; `None` (said on
/// stderr) where man is not installed. Fails on any warning.
fn rendered(page: &std::path::Path) -> Option<String> {
    let output = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(page)
        .env("MANWIDTH", "100")
        .output();
    let Ok(output) = output else {
        eprintln!("skipped: man is not installed, so the pages are not rendered");
        return None;
    };
    assert!(output.status.success(), "{page:?}: {output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{page:?}");
    // Off a terminal, bold and underline are still overstruck (X, backspace,
    // X): the text alone.
    let mut text = String::new();
    for char in String::from_utf8(output.stdout).unwrap().chars() {
        if char == '\u{8}' {
            text.pop();
        } else {
            text.push(char);
        }
    }
    Some(text)
}

#[test]
fn every_page_renders_with_every_section() {
    let scratch = Scratch::new("man");
    let dir = scratch.join("man1");
    std::fs::create_dir(&dir).unwrap();
    let written = stdout_of(&["man", "--dir", dir.to_str().unwrap()], 0);
    let mut listed: Vec<&str> = written
        .lines()
        .map(|path| path.rsplit('/').next().unwrap())
        .collect();
    listed.sort_unstable();
    let pages = pages();
    let mut sorted = pages.clone();
    sorted.sort_unstable();
    assert_eq!(listed, sorted);
    for name in &pages {
        let Some(text) = rendered(&dir.join(name)) else {
            return;
        };
        for section in [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "EXIT STATUS",
            "ENVIRONMENT",
            "FILES",
            "EXAMPLES",
            "SEE ALSO",
        ] {
            assert!(
                text.contains(&format!("\n{section}\n")),
                "{name}: no {section}"
            );
        }
        // Every page SEE ALSO names is one of those written.
        let see_also = text.split_once("\nSEE ALSO\n").unwrap().1;
        let see_also = see_also.split_once("\nVERSION\n").unwrap().0;
        let joined: String = see_also.split_whitespace().collect::<Vec<_>>().join(" ");
        for named in joined.replace("‐ ", "").replace("- ", "-").split(", ") {
            let named = named.trim().trim_end_matches(',');
            if named == "distro-info(1)" {
                continue;
            }
            let file = named.replace("(1)", ".1");
            assert!(pages.contains(&file), "{name}: SEE ALSO {named}");
        }
    }
}

/// `command`'s page as `man -l` renders it, word by word (the text is
/// justified), and its EXIT STATUS section; `None` where man is not
/// installed.
fn page_of(command: &str) -> Option<(String, String)> {
    let scratch = Scratch::new(&format!("man-{command}"));
    let page = scratch.join(&format!("lts-policy-{command}.1"));
    std::fs::write(&page, stdout_of(&["man", command], 0)).unwrap();
    let text = rendered(&page)?;
    assert!(
        text.starts_with(&format!("lts-policy-{command}(1)")),
        "{text}"
    );
    let page = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let exit = page.split_once("EXIT STATUS ").unwrap().1;
    let exit = exit.split_once(" ENVIRONMENT ").unwrap().0.to_owned();
    Some((page, exit))
}

#[test]
fn a_commands_page_has_its_own_options_and_exit_codes() {
    let Some((page, exit)) = page_of("status") else {
        return;
    };
    // Each option with its value's name, the versions repeatable.
    assert!(
        page.contains(
            "SYNOPSIS lts-policy status [--ends-within PERIOD] [--days] [--on DATE] [--git DIR] \
             [--endoflife FILE] [--explain] [--policy FILE|NAME]"
        ),
        "{page}"
    );
    assert!(
        page.contains("[-h|--help] VERSION... DESCRIPTION"),
        "{page}"
    );
    // The help's quoted code is in bold, its backticks gone.
    assert!(!page.contains('`'), "{page}");
    assert!(page.contains("e.g. --ends-within 60 --days"), "{page}");
    assert!(
        page.contains("--explain Say, for each line, the rule"),
        "{page}"
    );
    // status says what its own 1 means.
    for code in [
        "0 Every version's line is supported on the date",
        "1 One is not: its support has ended, it is not released yet, or it ends within",
        "2 An error: bad input or usage",
    ] {
        assert!(exit.contains(code), "{exit}");
    }
    // The top page lists the commands and their pages.
    let top = stdout_of(&["man"], 0);
    assert!(top.contains("lts\\-policy\\-supported(1)"), "{top}");
}

#[test]
fn the_products_page_says_what_its_1_means() {
    let Some((page, exit)) = page_of("products") else {
        return;
    };
    assert!(
        page.contains("SYNOPSIS lts-policy products [--identifier PURL|CPE]"),
        "{page}"
    );
    assert!(exit.contains("0 Listed."), "{exit}");
    assert!(
        exit.contains("1 --identifier names no product the program carries."),
        "{exit}"
    );
}

#[test]
fn a_page_for_no_command_is_an_error() {
    super::kestra_flat(&["man", "nothing"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: man: there is no command \"nothing\"; the commands are supported, \
             backport-targets, status, releases, tag, tags-for, next-patch, audit, timeline, \
             completions, man, policy, products, scan\n",
        );
}

#[test]
fn man_page_is_roff() {
    let page = stdout_of(&["man"], 0);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq") || page.contains(".TH lts-policy"),
        "{page}"
    );
    assert!(page.contains(".TH lts-policy"));
    assert!(page.contains("backport\\-targets"));
}

#[test]
fn the_synopsis_names_each_options_value_and_code_is_bold() {
    // In the roff itself, whether or not man is installed: `--on DATE`, a
    // value that may be left out in brackets, the commands of the program.
    let backports = stdout_of(&["man", "backport-targets"], 0);
    assert!(
        backports.contains(
            "\\fBlts\\-policy backport\\-targets\\fR [\\fB\\-\\-latest\\fR \\fILINE\\fR] \
             [\\fB\\-\\-on\\fR \\fIDATE\\fR]"
        ),
        "{backports}"
    );
    assert!(
        backports.contains("[\\fB\\-\\-branch\\fR [\\fITEMPLATE\\fR]]"),
        "{backports}"
    );
    let program = stdout_of(&["man"], 0);
    assert!(
        program.contains("[\\fB\\-V\\fR|\\fB\\-\\-version\\fR] \\fICOMMAND\\fR\n"),
        "{program}"
    );
    // `supported --lts --format plain`, quoted in the help, is bold.
    let supported = stdout_of(&["man", "supported"], 0);
    assert!(
        supported
            .contains("Example: \\fBlts\\-policy supported \\-\\-lts \\-\\-format plain\\fR lists"),
        "{supported}"
    );
    for page in [backports, program, supported] {
        assert!(!page.contains('`'), "{page}");
    }
}
