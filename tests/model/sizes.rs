//! The sizes a reader can hold: no source file over 450 lines, no function
//! over 80, no test file over 600; at most 12 files directly in
//! `src/policy/`, whose folders are the public modules; and a crate root
//! that re-exports at most 40 names.

use std::fs;
use std::path::{Path, PathBuf};

const MAX_SOURCE_LINES: usize = 450;
const MAX_FUNCTION_LINES: usize = 80;
const MAX_TEST_LINES: usize = 600;
const MAX_POLICY_FILES: usize = 12;
const MAX_ROOT_NAMES: usize = 40;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, the fuzz corpus's folder aside.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn lines_of(file: &Path) -> Vec<String> {
    fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn shown(file: &Path) -> String {
    file.strip_prefix(root()).unwrap().display().to_string()
}

/// The files of `dir` longer than `limit` lines, with their lengths.
fn longer_than(dir: &str, limit: usize) -> Vec<String> {
    rust_files(&root().join(dir))
        .iter()
        .map(|file| (shown(file), lines_of(file).len()))
        .filter(|&(_, count)| count > limit)
        .map(|(file, count)| format!("{file}: {count} lines"))
        .collect()
}

/// Each function of `lines` (a file rustfmt laid out) as its name and its
/// length, from the line of `fn` to its closing brace at the same indent.
fn functions(lines: &[String]) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(fn_at) = words.iter().position(|word| *word == "fn") else {
            continue;
        };
        let before_fn_is_signature = words[..fn_at].iter().all(|word| {
            matches!(*word, "pub" | "const" | "async" | "unsafe" | "extern")
                || word.starts_with("pub(")
        });
        // A declaration without a body (a trait's) ends its line with `;`.
        if !before_fn_is_signature || line.trim_end().ends_with(';') {
            continue;
        }
        let Some(name) = words.get(fn_at + 1) else {
            continue;
        };
        let name: String = name
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let closing = format!("{}}}", " ".repeat(indent));
        let end = lines[at..]
            .iter()
            .position(|line| line.trim_end() == closing || line.trim_end() == format!("{closing};"))
            .map_or(lines.len(), |offset| at + offset);
        found.push((name, end - at + 1));
    }
    found
}

#[test]
fn no_source_file_is_over_450_lines() {
    let long = longer_than("src", MAX_SOURCE_LINES);
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn no_test_file_is_over_600_lines() {
    let long = longer_than("tests", MAX_TEST_LINES);
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn no_function_is_over_80_lines() {
    let mut long = Vec::new();
    for dir in ["src", "benches", "examples"] {
        for file in rust_files(&root().join(dir)) {
            for (name, count) in functions(&lines_of(&file)) {
                if count > MAX_FUNCTION_LINES {
                    long.push(format!("{}: {name}: {count} lines", shown(&file)));
                }
            }
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn a_function_is_measured_from_fn_to_its_closing_brace() {
    let text = "impl A {\n    pub(crate) fn one(&self) -> u8 {\n        1\n    }\n\n    fn two();\n}\n\nfn three() {\n    let x = || {\n    };\n}\n";
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    assert_eq!(
        functions(&lines),
        [("one".to_owned(), 3), ("three".to_owned(), 4)]
    );
}

#[test]
fn the_model_is_its_folders_with_few_files_beside_them() {
    let policy = root().join("src/policy");
    let files: Vec<String> = fs::read_dir(&policy)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| shown(&path))
        .collect();
    assert!(files.len() <= MAX_POLICY_FILES, "{files:#?}");
    // Each public module of the crate is a folder or a file of the model,
    // so that a type's path leads to its file.
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let modules_line = lib
        .lines()
        .find(|line| line.starts_with("pub use policy::{"))
        .expect("lib.rs re-exports the model's modules");
    let modules = modules_line
        .trim_start_matches("pub use policy::{")
        .trim_end_matches("};")
        .split(", ");
    for module in modules {
        let folder = policy.join(module).join("mod.rs");
        let file = policy.join(format!("{module}.rs"));
        assert!(
            folder.is_file() || file.is_file(),
            "{module} is no folder or file"
        );
    }
}

#[test]
fn the_crate_root_re_exports_at_most_40_names() {
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let mut names = Vec::new();
    for statement in lib.split(';') {
        let statement = statement.trim();
        let Some(tree) = statement
            .lines()
            .find_map(|line| line.trim().strip_prefix("pub use "))
            .map(|first| {
                let rest: String = statement
                    .lines()
                    .skip_while(|line| !line.trim().starts_with("pub use "))
                    .skip(1)
                    .collect();
                format!("{first}{rest}")
            })
        else {
            continue;
        };
        match (tree.find('{'), tree.rfind('}')) {
            (Some(open), Some(close)) => names.extend(
                tree[open + 1..close]
                    .split(',')
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                    .map(str::to_owned),
            ),
            _ => names.push(tree.rsplit("::").next().unwrap_or(&tree).to_owned()),
        }
    }
    assert!(
        names.len() <= MAX_ROOT_NAMES,
        "{} names: {names:?}",
        names.len()
    );
    assert!(names.contains(&"Policy".to_owned()), "{names:?}");
}
