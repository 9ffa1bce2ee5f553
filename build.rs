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
    let mut entries = Vec::new();
    let mut aliases = Vec::new();
    for path in policy_files()? {
        let policy = checked(&path)?;
        let start = bytes.len();
        bytes.extend(postcard::to_allocvec(&policy.kept()).map_err(|err| vec![err.to_string()])?);
        let name = policy.name();
        if let Some(product) = policy.product() {
            aliases.extend(
                product
                    .aliases
                    .iter()
                    .map(|alias| (alias.clone(), name.to_owned())),
            );
        }
        let mut entry = String::new();
        index_entry(&policy, start..bytes.len(), backtest.get(name), &mut entry);
        entries.push((name.to_owned(), entry));
    }
    // The library finds a name by binary search.
    entries.sort();
    let mut index = String::from("[\n");
    for (_, entry) in entries {
        index.push_str(&entry);
    }
    index.push(']');
    aliases.sort();
    aliases.dedup_by(|a, b| a.0 == b.0);
    let aliases: Vec<String> = aliases
        .iter()
        .map(|(alias, name)| format!("({alias:?}, {name:?})"))
        .collect();
    let source = format!(
        "/// Every policy carried, by name.\nconst ENTRIES: &[Entry] = &{index};\n\
         /// Other names, each with the policy's, sorted.\nconst ALIASES: &[(&str, &str)] = &[{}];\n",
        aliases.join(", ")
    );
    write(&out_dir.join("catalogue.postcard"), &bytes)?;
    write(&out_dir.join("catalogue.rs"), source.as_bytes())
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

/// Writes the index entry of `policy`, kept at `bytes` of the catalogue.
fn index_entry(
    policy: &Policy,
    bytes: std::ops::Range<usize>,
    backtest: Option<&String>,
    out: &mut String,
) {
    let product = policy.product().cloned().unwrap_or_default();
    let rules_from: Vec<String> = product
        .rules_from
        .iter()
        .map(|rule| format!("({:?}, {:?})", rule.rule, rule.from.name()))
        .collect();
    let _ = writeln!(
        out,
        "  Entry {{ name: {:?}, title: {:?}, category: {:?}, lines: {:?}, identifiers: &{:?}, \
         aliases: &{:?}, rules_from: &[{}], backtest: {}, bytes: {}..{} }},",
        policy.name(),
        product.title.as_deref().unwrap_or(policy.name()),
        product.category.as_deref().unwrap_or(""),
        lines_kind(policy),
        product.identifiers,
        product.aliases,
        rules_from.join(", "),
        backtest.map_or("None", String::as_str),
        bytes.start,
        bytes.end,
    );
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
