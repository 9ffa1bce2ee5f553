//! Checks the policies the program carries when the crate is built, and
//! keeps them decoded (`src/policy/catalogue/embedded.rs`): the library's
//! own file reader, compiled into this script, reads the embedded default
//! (`examples/kestra.json`) and every catalogue policy
//! (`catalogue/products/*.json`, made by `policy --from-endoflife`); any
//! problem fails the build, listed with its JSON path. Each is kept as
//! postcard bytes, one after another, with an index of names, aliases and
//! what `products` lists, so that a start decodes one product, not all.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs};

// The whole model, of which this script calls the reader and the keeping.
#[allow(dead_code, unused_imports)]
#[path = "src/policy/mod.rs"]
mod policy;

use policy::definition::Policy;

const EMBEDDED: &str = "examples/kestra.json";
const CATALOGUE: &str = "catalogue/products";
const BACKTEST: &str = "catalogue/backtest.tsv";

fn main() -> ExitCode {
    for watched in [EMBEDDED, CATALOGUE, BACKTEST, "src/policy", "examples"] {
        println!("cargo::rerun-if-changed={watched}");
    }
    match keep() {
        Ok(()) => {
            println!("cargo::rustc-cfg=embedded_policy");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in problems {
                eprintln!("error: {problem}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The policy files to keep: Kestra's, then the catalogue's by name.
fn policy_files() -> Result<Vec<PathBuf>, Vec<String>> {
    let mut files: Vec<PathBuf> = fs::read_dir(CATALOGUE)
        .map_err(|err| vec![format!("{CATALOGUE}: {err}")])?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files.insert(0, PathBuf::from(EMBEDDED));
    Ok(files)
}

/// Reads and checks every policy, and writes what the library decodes.
fn keep() -> Result<(), Vec<String>> {
    let out_dir = env::var_os("OUT_DIR").ok_or_else(|| vec!["OUT_DIR is not set".to_owned()])?;
    let out_dir = PathBuf::from(out_dir);
    let backtest = backtest_rows()?;
    let mut bytes = Vec::new();
    let mut index = Index::default();
    let mut entries = Vec::new();
    let mut aliases = Vec::new();
    for path in policy_files()? {
        let policy = checked(&path)?;
        let start = bytes.len();
        bytes.extend(postcard::to_allocvec(&policy.kept()).map_err(|err| vec![err.to_string()])?);
        let name = policy.name().to_owned();
        if let Some(product) = policy.product() {
            aliases.extend(
                product
                    .aliases
                    .iter()
                    .map(|alias| (alias.clone(), name.clone())),
            );
        }
        entries.push((name, policy, start..bytes.len()));
    }
    // The library finds a name, and an alias, by binary search.
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    aliases.sort();
    aliases.dedup_by(|a, b| a.0 == b.0);
    let mut source = String::from(
        "/// Every policy carried, by name: spans of `TEXT`, ranges of the lists.\n\
         const INDEX: &[Indexed] = &[\n",
    );
    for (name, policy, kept) in &entries {
        index.entry(policy, kept.clone(), backtest.get(name), &mut source);
    }
    source.push_str("];\n/// Other names, each with its policy's place in `INDEX`, sorted.\n");
    source.push_str("const ALIASES: &[(Span, u16)] = &[");
    for (alias, name) in &aliases {
        let at = entries
            .iter()
            .position(|entry| entry.0 == *name)
            .unwrap_or_default();
        let _ = write!(source, "({:?}, {at}), ", index.span(alias));
    }
    source.push_str("];\n");
    index.write_tables(&mut source);
    write(&out_dir.join("catalogue.postcard"), &bytes)?;
    write(&out_dir.join("catalogue.rs"), source.as_bytes())
}

/// The index's text and lists as `build.rs` gathers them: every string
/// once in `text`, named by its span.
#[derive(Default)]
struct Index {
    text: String,
    spans: std::collections::HashMap<String, (usize, usize)>,
    lists: Vec<(usize, usize)>,
    rules_from: Vec<((usize, usize), (usize, usize))>,
}

impl Index {
    /// The span of `text` in the index's text, added the first time.
    fn span(&mut self, text: &str) -> (usize, usize) {
        if let Some(&span) = self.spans.get(text) {
            return span;
        }
        let span = (self.text.len(), self.text.len() + text.len());
        self.text.push_str(text);
        self.spans.insert(text.to_owned(), span);
        span
    }

    /// The range of `LISTS` that holds `items`.
    fn list(&mut self, items: &[String]) -> std::ops::Range<usize> {
        let start = self.lists.len();
        for item in items {
            let span = self.span(item);
            self.lists.push(span);
        }
        start..self.lists.len()
    }

    /// Writes the index entry of `policy`, kept at `bytes` of the catalogue.
    fn entry(
        &mut self,
        policy: &Policy,
        bytes: std::ops::Range<usize>,
        backtest: Option<&String>,
        out: &mut String,
    ) {
        let product = policy.product().cloned().unwrap_or_default();
        let name = self.span(policy.name());
        let title = self.span(product.title.as_deref().unwrap_or(policy.name()));
        let category = self.span(product.category.as_deref().unwrap_or(""));
        let lines = self.span(lines_kind(policy));
        let identifiers = self.list(&product.identifiers);
        let aliases = self.list(&product.aliases);
        let start = self.rules_from.len();
        for rule in &product.rules_from {
            let pair = (self.span(&rule.rule), self.span(rule.from.name()));
            self.rules_from.push(pair);
        }
        let _ = writeln!(
            out,
            "  Indexed {{ name: {name:?}, title: {title:?}, category: {category:?}, \
             lines: {lines:?}, identifiers: {identifiers:?}, aliases: {aliases:?}, \
             rules_from: {start}..{}, backtest: {}, bytes: {bytes:?} }},",
            self.rules_from.len(),
            backtest.map_or("None", String::as_str),
        );
    }

    /// Writes `TEXT`, `LISTS` and `RULES_FROM`.
    fn write_tables(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "/// Every string the index names, once.\nconst TEXT: &str = {:?};",
            self.text
        );
        let _ = writeln!(
            out,
            "/// Identifiers and aliases, by entry.\nconst LISTS: &[Span] = &{:?};",
            self.lists
        );
        let _ = writeln!(
            out,
            "/// Each rule and where it comes from, by entry.\n\
             const RULES_FROM: &[(Span, Span)] = &{:?};",
            self.rules_from
        );
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Vec<String>> {
    fs::write(path, bytes).map_err(|err| vec![format!("{}: {err}", path.display())])
}

fn checked(path: &Path) -> Result<Policy, Vec<String>> {
    let shown = path.display();
    let json = fs::read_to_string(path).map_err(|err| vec![format!("{shown}: {err}")])?;
    Policy::check_json(&json).map_err(|problems| {
        problems
            .iter()
            .map(|problem| format!("{shown}: {problem}"))
            .collect()
    })
}

/// The columns of `catalogue/backtest.tsv` after the product's name, the
/// fields of the library's `BackTest`.
const BACKTEST_FIELDS: [&str; 8] = [
    "releases_right",
    "releases_total",
    "ends_right",
    "ends_total",
    "release_ranges_held",
    "release_ranges_total",
    "end_ranges_held",
    "end_ranges_total",
];

/// The back-test's figures of each product, by name, as the row of
/// numbers `catalogue/backtest.tsv` gives after it.
fn backtest_rows() -> Result<std::collections::HashMap<String, String>, Vec<String>> {
    let Ok(text) = fs::read_to_string(BACKTEST) else {
        return Ok(std::collections::HashMap::new());
    };
    let mut rows = std::collections::HashMap::new();
    for line in text.lines().skip(1).filter(|line| !line.trim().is_empty()) {
        let mut cells = line.split('\t');
        let name = cells.next().unwrap_or_default().to_owned();
        let numbers: Result<Vec<u32>, _> = cells.map(str::parse::<u32>).collect();
        match numbers {
            Ok(numbers) if numbers.len() == 8 => {
                let fields: Vec<String> = BACKTEST_FIELDS
                    .iter()
                    .zip(&numbers)
                    .map(|(field, number)| format!("{field}: {number}"))
                    .collect();
                rows.insert(name, format!("Some(BackTest {{ {} }})", fields.join(", ")));
            }
            _ => {
                return Err(vec![format!(
                    "{BACKTEST}: a row is not a name and 8 counts: {line}"
                )]);
            }
        }
    }
    Ok(rows)
}

/// The kind of lines, as `products` shows it: `name` where no line is a
/// number (devices, editions), else the numbering.
fn lines_kind(policy: &Policy) -> &'static str {
    if policy
        .history()
        .iter()
        .all(|release| release.line.name().is_some())
    {
        "name"
    } else {
        policy.line_kind().name()
    }
}
