//! The rules a name a template makes must keep: git's for branches, and a
//! container registry's as well for tags.

use crate::policy::quote::is_hidden;

/// The first of git's rules for branch names (`git check-ref-format`) that
/// `name` breaks, as the end of a sentence starting "a branch name"; they
/// also keep a name one word for a shell.
pub(crate) fn branch_name_rule_broken(name: &str) -> Option<&'static str> {
    if name.chars().any(is_hidden) {
        Some("cannot hold whitespace or control characters")
    } else if name.contains(['~', '^', ':', '?', '*', '[', '\\']) {
        Some("cannot hold ~ ^ : ? * [ or \\")
    } else if name.contains("..") {
        Some("cannot hold ..")
    } else if name.contains("@{") || name == "@" {
        Some("cannot hold @{ or be @")
    } else if name.starts_with(['-', '/']) {
        Some("cannot start with - or /")
    } else if name.ends_with(['/', '.']) || name.ends_with(".lock") {
        Some("cannot end with /, . or .lock")
    } else if name.contains("//") {
        Some("cannot hold //")
    } else if name
        .split('/')
        .any(|part| part.starts_with('.') || part.ends_with(".lock"))
    {
        Some("cannot have a part that starts with . or ends with .lock")
    } else {
        None
    }
}

/// The first rule for container image tags (the OCI distribution
/// specification's `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`) or git's that `name`
/// breaks, as the end of a sentence starting "a tag name".
pub(super) fn tag_name_rule_broken(name: &str) -> Option<&'static str> {
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    {
        Some("can hold only ASCII letters, digits, _ . and - (a container image tag)")
    } else if name.starts_with(['.', '-']) {
        Some("cannot start with . or -")
    } else if name.len() > 128 {
        Some("cannot be longer than 128 characters")
    } else {
        branch_name_rule_broken(name)
    }
}
