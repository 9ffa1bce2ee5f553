//! The model's modules form a tree: each imports only modules listed before
//! it in `src/policy/mod.rs`'s documented order, so there is no cycle.

use std::fs;
use std::path::Path;

/// The order `src/policy/mod.rs` documents, leaf first.
const ORDER: &[&str] = &[
    "model",
    "error",
    "dates",
    "schedule",
    "rules",
    "version",
    "template",
    "definition",
    "projection",
    "lts",
    "lines",
    "patches",
    "roles",
    "patch_days",
    "answers",
    "calendar",
    "timeline",
    "audit",
    "explain",
    "file",
    "facts",
];

/// The modules of the model a file imports with `use super::` or
/// `use crate::policy::`.
fn imports(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for statement in text.split(';') {
        let Some(path) = ["use super::", "use crate::policy::"]
            .iter()
            .find_map(|prefix| {
                statement
                    .find(prefix)
                    .map(|at| &statement[at + prefix.len()..])
            })
        else {
            continue;
        };
        let names = path.trim_start_matches('{');
        for name in names.split(|c: char| !(c.is_ascii_lowercase() || c == '_')) {
            if ORDER.contains(&name) {
                found.push(name.to_owned());
            }
        }
    }
    found
}

#[test]
fn each_module_imports_only_the_modules_before_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/policy");
    for (position, module) in ORDER.iter().enumerate() {
        let file = if root.join(module).is_dir() {
            root.join(module).join("mod.rs")
        } else {
            root.join(format!("{module}.rs"))
        };
        let text = fs::read_to_string(&file).unwrap();
        for import in imports(&text) {
            let at = ORDER.iter().position(|name| *name == import).unwrap();
            assert!(
                at < position,
                "{module} imports {import}, which comes after it"
            );
        }
    }
    let listed = fs::read_to_string(root.join("mod.rs")).unwrap();
    for module in ORDER {
        assert!(listed.contains(&format!("mod {module};")), "{module}");
    }
}
