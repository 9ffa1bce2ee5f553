//! Each command's `--help`: every option has its help, and in the long
//! help an example.

use super::catalog::{CATALOGUE_COMMANDS, POLICY_COMMANDS};
use super::stdout_of;

#[test]
fn every_flag_has_help() {
    for command in POLICY_COMMANDS.into_iter().chain(CATALOGUE_COMMANDS) {
        let help = stdout_of(&[command, "-h"], 0);
        let options = help.split_once("Options:\n").unwrap().1;
        // Option lines are indented at most 6 spaces; wrapped help text more.
        let is_option = |line: &&str| {
            line.len() - line.trim_start().len() <= 6 && line.trim_start().starts_with('-')
        };
        for line in options.lines().filter(is_option) {
            let words = line
                .split("  ")
                .filter(|part| !part.trim().is_empty())
                .count();
            assert!(words >= 2, "{command}: no help for {line:?}");
        }
    }
}

#[test]
fn every_flag_help_gives_an_example() {
    for command in POLICY_COMMANDS
        .into_iter()
        .chain(["completions"])
        .chain(CATALOGUE_COMMANDS)
    {
        let help = stdout_of(&[command, "--help"], 0);
        let options = help.split_once("Options:\n").unwrap().1;
        // In long help each option starts a block at 6 spaces or less; its
        // description follows, indented further, up to the next option.
        let mut blocks: Vec<String> = Vec::new();
        for line in options.lines() {
            let indent = line.len() - line.trim_start().len();
            if indent <= 6 && line.trim_start().starts_with('-') {
                blocks.push(String::new());
            }
            if let Some(block) = blocks.last_mut() {
                block.push_str(line);
                block.push('\n');
            }
        }
        for block in blocks
            .iter()
            .filter(|b| !b.trim_start().starts_with("-h") && !b.trim_start().starts_with("-V"))
        {
            assert!(
                block.contains("e.g.") || block.contains("Example"),
                "{command}: {block}"
            );
        }
    }
}
