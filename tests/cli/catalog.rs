//! The program's commands and the formats each writes, declared once for
//! the tests that go through them: a command or a format the program gains
//! is one line here. keyboard.rs holds the formats up against the commands'
//! `--help`, man.rs the commands against the pages `man --dir` writes.

/// The commands that answer from a policy, in the order the tests go
/// through them (`--help` lists `policy` last).
pub(crate) const POLICY_COMMANDS: [&str; 10] = [
    "supported",
    "backport-targets",
    "status",
    "releases",
    "tag",
    "tags-for",
    "next-patch",
    "audit",
    "timeline",
    "policy",
];

/// The commands that write the program's own files and read no policy.
pub(crate) const GENERATOR_COMMANDS: [&str; 2] = ["completions", "man"];

/// The commands that read the catalogue the program carries, not one
/// policy: `--help` lists them after `policy`.
pub(crate) const CATALOGUE_COMMANDS: [&str; 1] = ["products"];

/// Every command: those that answer from a policy, the generators, then
/// those that read the catalogue.
pub(crate) fn commands() -> impl Iterator<Item = &'static str> {
    POLICY_COMMANDS
        .into_iter()
        .chain(GENERATOR_COMMANDS)
        .chain(CATALOGUE_COMMANDS)
}

/// Every format `--format` takes, in the order the program's `--help`
/// lists them.
pub(crate) const ALL_FORMATS: [&str; 15] = [
    "text",
    "json",
    "ndjson",
    "csv",
    "plain",
    "md",
    "ics",
    "endoflife",
    "github-matrix",
    "backportrc",
    "renovate",
    "dependabot",
    "svg",
    "roff",
    "script",
];

/// The formats every query writes: `status`, `tag`, `tags-for`,
/// `next-patch` and `audit` write these alone.
pub(crate) const QUERY_FORMATS: [&str; 5] = ["text", "json", "ndjson", "csv", "plain"];

/// The formats `backport-targets` writes for CI tools beside the query
/// formats (`dependabot` needs `--ecosystem` as well).
pub(crate) const CI_RECIPES: [&str; 4] = ["github-matrix", "backportrc", "renovate", "dependabot"];

const SUPPORTED_FORMATS: [&str; 7] = query_formats_and(["md", "github-matrix"]);
const BACKPORT_TARGETS_FORMATS: [&str; 9] = query_formats_and(CI_RECIPES);
const RELEASES_FORMATS: [&str; 8] = query_formats_and(["md", "ics", "endoflife"]);

/// The formats `command` writes, in the order its `--help` lists them.
pub(crate) fn formats(command: &str) -> &'static [&'static str] {
    match command {
        "supported" => &SUPPORTED_FORMATS,
        "backport-targets" => &BACKPORT_TARGETS_FORMATS,
        "releases" => &RELEASES_FORMATS,
        "timeline" => &["text", "svg"],
        "policy" => &["text", "json"],
        "products" => &QUERY_FORMATS,
        "completions" => &["script"],
        "man" => &["roff"],
        "status" | "tag" | "tags-for" | "next-patch" | "audit" => &QUERY_FORMATS,
        other => panic!("no command {other} in the catalog"),
    }
}

/// The formats `command` wrote before `supported` gained md and
/// github-matrix, and `backport-targets` renovate and dependabot: those the
/// tests written before then go through (examples.rs, fuzz.rs), which
/// assert no more than they did.
pub(crate) fn older_formats(command: &str) -> Vec<&'static str> {
    let newer: &[&str] = match command {
        "supported" => &["md", "github-matrix"],
        "backport-targets" => &["renovate", "dependabot"],
        _ => &[],
    };
    except(formats(command), newer)
}

/// `formats` without those `left_out`, in their order.
pub(crate) fn except(formats: &[&'static str], left_out: &[&str]) -> Vec<&'static str> {
    formats
        .iter()
        .copied()
        .filter(|format| !left_out.contains(format))
        .collect()
}

/// The query formats, then `more`.
const fn query_formats_and<const MORE: usize, const ALL: usize>(
    more: [&'static str; MORE],
) -> [&'static str; ALL] {
    assert!(ALL == QUERY_FORMATS.len() + MORE);
    let mut all = [""; ALL];
    let mut at = 0;
    while at < ALL {
        all[at] = if at < QUERY_FORMATS.len() {
            QUERY_FORMATS[at]
        } else {
            more[at - QUERY_FORMATS.len()]
        };
        at += 1;
    }
    all
}
