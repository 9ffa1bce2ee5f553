//! The shape of the repository: no source file of `src/` imports, through
//! any chain of `use`, a file that imports it back; the binary's modules
//! stand on floors, each importing only the floors below it, in the order
//! `src/main.rs` documents; and the README shows the library example that
//! compiles.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The binary's top modules, top floor first, as `src/main.rs` lists them.
const FLOORS: &[&str] = &["main", "cli", "commands", "render", "session"];

/// A source file: the crate it belongs to and its module path in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Module {
    /// `lib` or `bin`.
    krate: &'static str,
    path: Vec<String>,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The module a file is, by Rust's layout: `policy/file/mod.rs` is
/// `policy::file`, `cli/args.rs` is `cli::args`. The library is `lib.rs`,
/// `policy/` and `product_file.rs` (the reader of endoflife.date's files,
/// outside `policy/` because `build.rs` compiles `policy/` without YAML);
/// the binary everything else.
fn module_of(file: &Path) -> Module {
    let relative = file.strip_prefix(src()).unwrap();
    let mut path: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if path.last().is_some_and(|last| last == "mod") {
        path.pop();
    }
    let krate = match path.first().map(String::as_str) {
        Some("lib" | "policy" | "product_file") => "lib",
        _ => "bin",
    };
    if path == ["lib"] || path == ["main"] {
        path.clear();
    }
    Module { krate, path }
}

/// The text of a file without its comments and string literals, which may
/// hold `use` in prose.
fn code(text: &str) -> String {
    let mut code = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        code.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        _ if escaped => escaped = false,
                        '\\' => escaped = true,
                        '"' => break,
                        _ => {}
                    }
                }
                code.push_str("\"\"");
            }
            _ => code.push(c),
        }
    }
    code
}

/// The paths a `use` tree names: `a::{b, c::d}` is `a::b` and `a::c::d`.
fn expand(tree: &str) -> Vec<Vec<String>> {
    // `X as Y` names X.
    let words: Vec<&str> = tree.split_whitespace().collect();
    let mut kept = String::new();
    let mut skip = false;
    for word in &words {
        if skip {
            // The alias, and whatever punctuation follows it.
            kept.extend(
                word.chars()
                    .skip_while(|c| c.is_alphanumeric() || *c == '_'),
            );
            skip = false;
        } else if *word == "as" {
            skip = true;
        } else {
            kept.push_str(word);
        }
    }
    let tree = kept;
    let Some(open) = tree.find('{') else {
        let mut path: Vec<String> = tree.split("::").map(str::to_owned).collect();
        if path.len() > 1 && path.last().is_some_and(|last| last == "self") {
            path.pop();
        }
        return vec![path];
    };
    let prefix: Vec<String> = tree[..open]
        .trim_end_matches("::")
        .split("::")
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect();
    let inner = &tree[open + 1..tree.len() - 1];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (at, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .flat_map(expand)
        .map(|rest| prefix.iter().cloned().chain(rest).collect())
        .collect()
}

/// The `use` paths of a file's code.
fn uses(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for statement in code.split(';') {
        let statement = statement.trim();
        let Some(at) = statement
            .find("use ")
            .filter(|&at| at == 0 || statement[..at].ends_with([' ', '\n', '}', ')']))
        else {
            continue;
        };
        let before = statement[..at].trim();
        let is_use = before.is_empty()
            || before.ends_with("pub")
            || before.ends_with(')')
            || before.ends_with('}')
            || before.ends_with(']');
        if is_use {
            found.extend(expand(&statement[at + 4..]));
        }
    }
    found
}

/// The module a `use` path from `from` leads to, if it is one of the
/// crate's: the longest prefix of the path that names a module.
fn resolve(from: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    let mut absolute: Vec<String> = match path.first()?.as_str() {
        "crate" => path[1..].to_vec(),
        "super" | "self" => {
            let mut base = from.path.clone();
            let mut rest = path;
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
            base.extend(rest.iter().cloned());
            base
        }
        // A child module in scope, `use problem::Problem` beside `mod problem`.
        first => {
            let mut child = from.path.clone();
            child.push(first.to_owned());
            let child_module = Module {
                krate: from.krate,
                path: child,
            };
            if !modules.contains(&child_module) {
                return None;
            }
            from.path
                .iter()
                .cloned()
                .chain(path.iter().cloned())
                .collect()
        }
    };
    while !absolute.is_empty() {
        let module = Module {
            krate: from.krate,
            path: absolute.clone(),
        };
        if modules.contains(&module) {
            return (module != *from).then_some(module);
        }
        absolute.pop();
    }
    None
}

/// Every file's imports of the crate's other files.
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let mut found = Vec::new();
    files(&src(), &mut found);
    let modules: BTreeSet<Module> = found.iter().map(|file| module_of(file)).collect();
    let mut graph = BTreeMap::new();
    for file in &found {
        let from = module_of(file);
        let text = fs::read_to_string(file).unwrap();
        let imports: BTreeSet<Module> = uses(&code(&text))
            .iter()
            .filter_map(|path| resolve(&from, path, &modules))
            .collect();
        graph.insert(from, imports);
    }
    graph
}

fn name(module: &Module) -> String {
    format!("{}::{}", module.krate, module.path.join("::"))
}

/// A chain of imports that comes back to where it started, if any.
fn cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<String>> {
    // 0: not seen, 1: on the current chain, 2: done.
    let mut state: BTreeMap<&Module, u8> = BTreeMap::new();
    fn visit<'g>(
        module: &'g Module,
        graph: &'g BTreeMap<Module, BTreeSet<Module>>,
        state: &mut BTreeMap<&'g Module, u8>,
        chain: &mut Vec<&'g Module>,
    ) -> Option<Vec<String>> {
        state.insert(module, 1);
        chain.push(module);
        for next in graph.get(module).into_iter().flatten() {
            match state.get(next).copied().unwrap_or(0) {
                1 => {
                    let at = chain.iter().position(|m| *m == next).unwrap();
                    let mut names: Vec<String> = chain[at..].iter().map(|m| name(m)).collect();
                    names.push(name(next));
                    return Some(names);
                }
                0 => {
                    if let Some(found) = visit(next, graph, state, chain) {
                        return Some(found);
                    }
                }
                _ => {}
            }
        }
        chain.pop();
        state.insert(module, 2);
        None
    }
    for module in graph.keys() {
        if state.get(module).copied().unwrap_or(0) == 0
            && let Some(found) = visit(module, graph, &mut state, &mut Vec::new())
        {
            return Some(found);
        }
    }
    None
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let graph = graph();
    assert!(graph.len() > 60, "{} files", graph.len());
    if let Some(found) = cycle(&graph) {
        panic!("an import cycle: {}", found.join(" -> "));
    }
}

#[test]
fn the_binary_stands_on_floors_each_importing_only_those_below() {
    let graph = graph();
    let floor = |module: &Module| {
        let top = module.path.first().map_or("main", String::as_str);
        FLOORS.iter().position(|floor| *floor == top)
    };
    for (module, imports) in graph.iter().filter(|(module, _)| module.krate == "bin") {
        let from = floor(module).unwrap_or_else(|| panic!("{} is on no floor", name(module)));
        for import in imports {
            let to = floor(import).unwrap();
            assert!(
                to > from || to == from && module.path.first() == import.path.first(),
                "{} imports {}, which is not below it",
                name(module),
                name(import)
            );
        }
    }
    let main = fs::read_to_string(src().join("main.rs")).unwrap();
    let listed = FLOORS[1..].join(" -> ");
    assert!(main.contains(&listed), "main.rs documents {listed}");
}

#[test]
fn the_graph_sees_imports_of_every_form() {
    let modules: BTreeSet<Module> = ["policy", "policy::file", "policy::file::problem"]
        .iter()
        .map(|path| Module {
            krate: "lib",
            path: path.split("::").map(str::to_owned).collect(),
        })
        .collect();
    let file = Module {
        krate: "lib",
        path: vec!["policy".into(), "file".into()],
    };
    let code = code(
        "use problem::{Problem, Found};\n// use crate::x;\npub(crate) use super::{file::problem::X as Y};",
    );
    let found: Vec<String> = uses(&code)
        .iter()
        .filter_map(|path| resolve(&file, path, &modules))
        .map(|module| name(&module))
        .collect();
    assert_eq!(
        found,
        [
            "lib::policy::file::problem",
            "lib::policy::file::problem",
            "lib::policy::file::problem"
        ]
    );
}

/// The README's library example is `examples/library.rs` as it is, which
/// `cargo test` compiles.
#[test]
fn the_readme_shows_the_library_example_as_it_is() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let example = std::fs::read_to_string("examples/library.rs").unwrap();
    assert!(
        readme.contains(&format!("```rust\n{example}```\n")),
        "README.md: The library"
    );
}
