//! The version files people keep, each naming a product and its version:
//! `.nvmrc` and `.node-version` (Node.js), `.python-version`,
//! `.tool-versions` (asdf, mise), a Dockerfile's `FROM` images,
//! `os-release`, `go.mod` and `rust-toolchain.toml`.

use serde_json::Value;

use super::component::{Component, DocumentKind, Found};
use super::error::ReadError;
use crate::policy::dates::parse_date;

/// The components of a version file, when `file_name` names one.
///
/// # Errors
/// A line of the file that says what it cannot: an os-release's
/// `SUPPORT_END` that is no date, a `rust-toolchain.toml` that is no TOML.
pub fn read(file_name: &str, text: &str) -> Option<Result<Found, ReadError>> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let node = |version| ("node", "nodejs", version);
    let (kind, components): (&'static str, _) = match base {
        ".nvmrc" => (".nvmrc", Ok(each_line(text, node))),
        ".node-version" => (".node-version", Ok(each_line(text, node))),
        ".python-version" => (
            ".python-version",
            Ok(each_line(text, |version| ("python", "python", version))),
        ),
        ".tool-versions" => (".tool-versions", Ok(tool_versions(text))),
        "os-release" => ("os-release", os_release(text)),
        "go.mod" => ("go.mod", Ok(go_mod(text))),
        "rust-toolchain.toml" => ("rust-toolchain.toml", rust_toolchain(text, true)),
        "rust-toolchain" => ("rust-toolchain", rust_toolchain(text, false)),
        _ if is_dockerfile(base) => ("Dockerfile", Ok(dockerfile(text))),
        _ => return None,
    };
    Some(components.map(|components| Found {
        kind: DocumentKind::VersionFile(kind),
        components,
        document: Value::Null,
    }))
}

/// `Dockerfile`, `Containerfile`, `Dockerfile.prod`, `api.Dockerfile`.
fn is_dockerfile(base: &str) -> bool {
    let lower = base.to_ascii_lowercase();
    ["dockerfile", "containerfile"]
        .iter()
        .any(|name| lower == *name || lower.starts_with(&format!("{name}.")))
        || lower.ends_with(".dockerfile")
}

/// The lines of `text` with what they say, numbered from 1: comments
/// (`#` to the end) and blank lines left out.
fn meaningful_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(at, line)| {
        let said = line.split('#').next().unwrap_or_default().trim();
        (!said.is_empty()).then_some((at + 1, said))
    })
}

/// A component of `product`, called `name`, at `version` on line `line_number`.
fn named(name: &str, product: &str, version: &str, line_number: usize) -> Component {
    Component {
        name: name.to_owned(),
        version: version.to_owned(),
        product: Some(product.to_owned()),
        line_number: Some(line_number),
        ..Component::default()
    }
}

/// A file of one version a line (pyenv reads several).
fn each_line<'t>(
    text: &'t str,
    what: impl Fn(&'t str) -> (&'static str, &'static str, &'t str),
) -> Vec<Component> {
    meaningful_lines(text)
        .map(|(number, said)| {
            let (name, product, version) = what(said);
            named(name, product, version, number)
        })
        .collect()
}

/// `.tool-versions`: `TOOL VERSION [FALLBACK...]`; every version listed
/// (but `system`, `ref:` and `path:`, which name no release), since `asdf
/// install` installs each and a fallback runs where the first is missing. The tool's name (`nodejs`, `golang`) is the product's or an
/// alias of it.
fn tool_versions(text: &str) -> Vec<Component> {
    let mut found = Vec::new();
    for (number, said) in meaningful_lines(text) {
        let mut words = said.split_whitespace();
        let Some(tool) = words.next() else { continue };
        let mut versions = words.peekable();
        if versions.peek().is_none() {
            found.push(named(tool, tool, "", number));
        }
        // `system`, `ref:...` and `path:...` name no release to look up.
        let released = |version: &&str| {
            *version != "system" && !version.starts_with("ref:") && !version.starts_with("path:")
        };
        found.extend(
            versions
                .filter(released)
                .map(|version| named(tool, tool, version, number)),
        );
    }
    found
}

/// The catalogue's product an os-release `ID` names, where the ID is no
/// name or alias of it (`amzn` is Amazon Linux).
fn os_release_product(id: &str) -> &str {
    match id {
        "amzn" => "amazon-linux",
        "ol" => "oracle-linux",
        "opensuse-leap" => "opensuse",
        "sle-micro" => "suse-linux-micro",
        "photon" => "vmware-photon",
        other => other,
    }
}

/// `/etc/os-release`: `ID` and `VERSION_ID` name the product and line;
/// `SUPPORT_END` is the day support ends.
fn os_release(text: &str) -> Result<Vec<Component>, ReadError> {
    let mut id = None;
    let mut version = "";
    let mut pretty = None;
    let mut support_end = None;
    for (number, said) in meaningful_lines(text) {
        let Some((key, value)) = said.split_once('=') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']);
        match key.trim() {
            "ID" => id = Some((number, value)),
            "VERSION_ID" => version = value,
            "PRETTY_NAME" => pretty = Some(value),
            // Empty: no end given.
            "SUPPORT_END" if value.is_empty() => {}
            "SUPPORT_END" => {
                support_end = Some(parse_date(value).map_err(|_| ReadError::BadLine {
                    line: number,
                    said: value.to_owned(),
                    expected: "a date, YYYY-MM-DD, as SUPPORT_END",
                })?);
            }
            _ => {}
        }
    }
    Ok(id
        .map(|(number, id)| Component {
            support_end,
            ..named(
                pretty.unwrap_or(id),
                os_release_product(id),
                version,
                number,
            )
        })
        .into_iter()
        .collect())
}

/// `go.mod`'s `go 1.22.3` directive (spaces or tabs between, a `//`
/// comment after): the Go the module needs.
fn go_mod(text: &str) -> Vec<Component> {
    meaningful_lines(text)
        .filter_map(|(number, said)| {
            let said = said.split("//").next().unwrap_or_default();
            let mut words = said.split_whitespace();
            let version = match (words.next(), words.next()) {
                (Some("go"), Some(version)) => version,
                _ => return None,
            };
            Some(named("go", "go", version, number))
        })
        .take(1)
        .collect()
}

/// `rust-toolchain.toml`'s `channel = "1.78.0"` (or `'1.78.0'`, a TOML
/// literal string) in its `[toolchain]` table (`stable` and `nightly` name
/// no line), or the older `rust-toolchain`'s bare channel before any table
/// (`toml` false: the file may be either).
fn rust_toolchain(text: &str, toml: bool) -> Result<Vec<Component>, ReadError> {
    let bad = |line, said: &str, expected| ReadError::BadLine {
        line,
        said: said.to_owned(),
        expected,
    };
    let mut table = None;
    for (number, said) in meaningful_lines(text) {
        if let Some(header) = said.strip_prefix('[') {
            let name = header
                .strip_suffix(']')
                .ok_or_else(|| bad(number, said, "a TOML table header, as [toolchain]"))?;
            table = Some(name.trim().to_owned());
            continue;
        }
        let channel = match (said.split_once('='), table.as_deref()) {
            (Some((key, value)), Some("toolchain")) if key.trim() == "channel" => {
                toml_string(value.trim())
                    .ok_or_else(|| bad(number, value.trim(), "a TOML string, as \"1.78.0\""))?
            }
            (None, None) if !toml => said,
            // Other keys, and the lines of a multi-line array.
            _ => continue,
        };
        return Ok(vec![named("rust", "rust", channel, number)]);
    }
    Ok(Vec::new())
}

/// A TOML string's text: a basic (`"1.70"`) or literal (`'1.70'`) one
/// without its quotes.
fn toml_string(value: &str) -> Option<&str> {
    ['"', '\'']
        .iter()
        .find_map(|quote| value.strip_prefix(*quote)?.strip_suffix(*quote))
}

/// A Dockerfile's `FROM` images, each a `pkg:docker` component with its
/// tag as version (`node:20-alpine`: `pkg:docker/library/node`, `20-alpine`).
/// `scratch`, an earlier stage's name and an image named by a build
/// argument (`$BASE`) are no components.
fn dockerfile(text: &str) -> Vec<Component> {
    let mut stages: Vec<String> = Vec::new();
    let mut found = Vec::new();
    for (number, said) in instructions(text) {
        let said = said.as_str();
        let mut words = said.split_whitespace();
        if !words
            .next()
            .is_some_and(|word| word.eq_ignore_ascii_case("from"))
        {
            continue;
        }
        let words: Vec<&str> = words.filter(|word| !word.starts_with("--")).collect();
        let Some(image) = words.first() else { continue };
        if let [_, as_word, stage, ..] = words.as_slice()
            && as_word.eq_ignore_ascii_case("as")
        {
            stages.push(stage.to_ascii_lowercase());
        }
        let lower = image.to_ascii_lowercase();
        if lower == "scratch" || lower.contains('$') || stages[..].contains(&lower) {
            continue;
        }
        found.push(image_component(image, number));
    }
    found
}

/// A Dockerfile's instructions, each numbered by its first line: a line
/// that ends in `\\` goes on on the next (`FROM --platform=$P \\` then
/// `python:3.7 AS build`), comment lines between left out.
fn instructions(text: &str) -> Vec<(usize, String)> {
    let mut instructions: Vec<(usize, String)> = Vec::new();
    let mut continued = false;
    for (number, said) in meaningful_lines(text) {
        let (said, goes_on) = match said.strip_suffix('\\') {
            Some(start) => (start.trim_end(), true),
            None => (said, false),
        };
        match instructions.last_mut() {
            Some((_, instruction)) if continued => {
                instruction.push(' ');
                instruction.push_str(said);
            }
            _ => instructions.push((number, said.to_owned())),
        }
        continued = goes_on;
    }
    instructions
}

/// An image reference as a component: `[REGISTRY/]NAME[:TAG][@DIGEST]`,
/// Docker Hub's official images under `library/`.
fn image_component(image: &str, number: usize) -> Component {
    let without_digest = image.split('@').next().unwrap_or(image);
    let (name, tag) = match without_digest.rsplit_once(':') {
        Some((name, tag)) if !tag.contains('/') => (name, tag),
        _ => (without_digest, ""),
    };
    let mut parts: Vec<&str> = name.split('/').collect();
    let has_registry =
        parts.len() > 1 && (parts[0].contains(['.', ':']) || parts[0] == "localhost");
    if has_registry && matches!(parts[0], "docker.io" | "index.docker.io") {
        parts.remove(0);
    }
    let path = match parts.as_slice() {
        [one] => format!("library/{one}"),
        _ => parts.join("/"),
    };
    let official = path.strip_prefix("library/").map(str::to_owned);
    Component {
        name: name.to_owned(),
        version: tag.to_owned(),
        purl: Some(format!("pkg:docker/{}", path.to_ascii_lowercase())),
        // An official image's name is its product's name or an alias
        // (`node`, `python`, `ubuntu`), where no identifier lists the image.
        product: official,
        line_number: Some(number),
        ..Component::default()
    }
}
