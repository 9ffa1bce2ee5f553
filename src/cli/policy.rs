//! The policy a run answers from: the file `--policy` names or the
//! embedded one, with the facts of `--git` or `--endoflife` merged into
//! its history; for `policy --fit`, rules fitted to that history.

use std::path::Path;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use lts_policy::catalogue::vendor_rules;
use lts_policy::facts::{Contradiction, Facts};
use lts_policy::fit::{Draft, Fit};
use lts_policy::product_file::{read_product_file, read_release_data};
use lts_policy::{LineKind, Numbering, Policy, PolicyError};

use super::facts;
use super::flags::Cli;
use super::sourced::Sourced;
use crate::commands::{Command, ProductFile, Source};
use crate::session::{MAX_FILE_BYTES, beyond_policy_reads, message, read_policy_file, read_text};

/// The policy `--policy` names: the file at `path`, or, where there is no
/// such file, the policy the program carries under that name (`nodejs`,
/// `camel`, an alias); without `--policy`, the embedded default. An
/// example's own path (`examples/nodejs.json`, as the README writes it)
/// where there is no such file, outside a clone, is answered by the
/// example the program carries, and a note says so; any other path that
/// is not there is an error, so that a custom policy mistyped or missing
/// is never answered by the catalogue's.
///
/// # Errors
/// A file that cannot be read or is not a valid policy; a name no file
/// and no carried policy has, with the names nearest it.
pub fn named(path: Option<&Path>) -> Result<Sourced<Policy>> {
    let Some(path) = path else {
        return Ok(Sourced::default(Policy::kestra()?));
    };
    if path.is_file() {
        return from_file(path);
    }
    let text = path.to_string_lossy();
    // A bare name that is no file is a product's, even where a directory
    // by that name stands in the working directory (`docker/`, `go/`).
    let is_bare_name = path.components().count() == 1 && path.extension().is_none();
    if is_bare_name {
        match Policy::named(&text) {
            Ok(policy) => return Ok(Sourced::flag(policy, "--policy", path)),
            Err(err @ PolicyError::UnknownProduct { .. }) if !path.exists() => {
                bail!("no policy file and {err}")
            }
            Err(PolicyError::UnknownProduct { .. }) => {}
            Err(other) => return Err(other.into()),
        }
    }
    let parent = path
        .parent()
        .map(|parent| parent.strip_prefix(".").unwrap_or(parent));
    let is_example_path =
        parent == Some(Path::new("examples")) && path.extension().is_some_and(|ext| ext == "json");
    // Kestra's, and the products whose vendor's rules an example encodes.
    let carried = path
        .file_stem()
        .and_then(|stem| stem.to_str())
        .filter(|_| is_example_path && !path.exists())
        .and_then(|stem| Policy::named(stem).ok())
        .filter(|policy| policy.name() == "kestra" || vendor_rules(policy.name()).is_some());
    if let Some(policy) = carried {
        message(&format!(
            "note: {}: no such file; answering from the policy the program carries, {}",
            path.display(),
            policy.name()
        ));
        return Ok(Sourced::flag(policy, "--policy", path));
    }
    if path.is_dir() {
        bail!("policy file {} is a directory", path.display());
    }
    // Not there (the reader says so), or a pipe (`--policy <(jq ...)`),
    // read as a file is, bounded.
    from_file(path)
}

/// The policy in the file at `path`.
fn from_file(path: &Path) -> Result<Sourced<Policy>> {
    Ok(Sourced::flag(
        Policy::from_json(&read_policy_file(path)?)
            .with_context(|| format!("policy file {}", path.display()))?,
        "--policy",
        path,
    ))
}

/// The policy with the facts `--git` or `--endoflife` name merged into its
/// history. Without `--policy`, an endoflife.date answer that cannot be
/// Kestra's is answered by rules fitted to its own record, as `policy
/// --fit` fits them, and a note says so.
///
/// # Errors
/// Facts that cannot be read, or that contradict the policy's history.
pub fn with_facts(policy: Sourced<Policy>, cli: &Cli, today: NaiveDate) -> Result<Policy> {
    let source = cli.sources.either(cli.command.sources())?;
    let named = policy.is_given();
    let policy = policy.value;
    let numbering = named.then(|| policy.numbering());
    let Some(read) = read_facts(cli, &source, numbering.as_ref(), policy.tag_prefix(), today)?
    else {
        return Ok(policy);
    };
    if let Source::Endoflife(file) = source
        && !named
        && !read.value.facts.could_be_of(&policy)
    {
        message(&format!(
            "note: {}: no --policy names its product's rules, so they are fitted to its record \
             (policy --fit prints them; --policy FILE names others)",
            read.source
        ));
        let fit = fitted_to_facts(file, &read)?;
        return Ok(fit.policy);
    }
    policy
        .with_facts(&read.value.facts, read.value.history_as_of)
        .with_context(|| read.source.to_string())
}

/// A policy fitted to facts alone.
fn fitted_to_facts(name: &Path, read: &Sourced<FactsRead>) -> Result<Fit> {
    facts_draft(name, read)?.fit().context("policy --fit")
}

/// A draft of facts alone, named after where they come from, its lines
/// numbered as the facts number them.
fn facts_draft(name: &Path, read: &Sourced<FactsRead>) -> Result<Draft> {
    let numbering = read
        .value
        .facts
        .numbering()
        .cloned()
        .unwrap_or_else(|| Numbering::of(LineKind::Minor));
    Draft::empty(&product_name(name), numbering)
        .with_facts(&read.value.facts, read.value.history_as_of)
        .with_context(|| read.source.to_string())
}

/// The policy `policy --fit` prints: the draft `--policy` names (the rules
/// it states kept), or none, completed from its history with the facts
/// merged in; without either, the embedded policy's history alone.
///
/// # Errors
/// A draft or facts that cannot be read, or a history no rule fits.
pub fn fitted(path: Option<&Path>, cli: &Cli, today: NaiveDate) -> Result<Fit> {
    let source = cli.sources.either(cli.command.sources())?;
    let draft = match (path, &source) {
        (Some(path), _) => Some(
            Draft::from_json(&read_policy_file(path)?)
                .with_context(|| format!("policy file {}", path.display()))?,
        ),
        (None, Source::None) => Some(Draft::of_history(&Policy::kestra()?)),
        // Numbered as the facts are.
        (None, Source::Git(_) | Source::Endoflife(_)) => None,
    };
    let numbering = draft.as_ref().map(Draft::numbering);
    let prefix = draft.as_ref().and_then(Draft::tag_prefix);
    let read = read_facts(cli, &source, numbering.as_ref(), prefix, today)?;
    let draft = match (draft, read, &source) {
        (Some(draft), Some(read), _) => draft
            .with_facts(&read.value.facts, read.value.history_as_of)
            .with_context(|| read.source.to_string())?,
        (Some(draft), None, _) => draft,
        (None, Some(read), Source::Git(name) | Source::Endoflife(name)) => {
            facts_draft(name, &read)?
        }
        // Without a draft, a source of facts was named, and read.
        (None, _, _) => Draft::of_history(&Policy::kestra()?),
    };
    within_what_policy_reads(&draft)?;
    draft.fit().context("policy --fit")
}

/// Refuses a draft whose history alone is more than `--policy` reads: the
/// file `policy --fit` prints holds it, and is refused now rather than
/// after a long fit. A history of fewer lines and patches than the limit
/// has KiB is fitted in milliseconds: writing it twice would cost more
/// than the check of the file after the fit, which is left to find it.
fn within_what_policy_reads(draft: &Draft) -> Result<()> {
    let history = draft.history();
    let entries: usize = history
        .iter()
        .map(|release| 1 + release.patches.len())
        .sum();
    if entries < MAX_FILE_BYTES >> 10 {
        return Ok(());
    }
    let bytes = draft.history_bytes();
    if bytes > MAX_FILE_BYTES {
        let what = "the fitted policy's history alone";
        return Err(beyond_policy_reads(what, bytes, history.len()));
    }
    Ok(())
}

/// A product's name from where its facts come from: the repository's
/// directory, or the endoflife.date answer's file, without its extension.
fn product_name(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty() && stem != "-")
        .unwrap_or_else(|| "fitted".to_owned())
}

/// Facts read from `--git` or `--endoflife`, to merge into a history.
struct FactsRead {
    facts: Facts,
    history_as_of: Option<NaiveDate>,
}

/// The facts `source` names, for a history numbered as `numbering` says
/// (a policy's; without one, a repository's tags are read as minor lines
/// and an endoflife.date answer's cycles as it numbers them) whose tags
/// start with `prefix`; `None` without a source. With `--git` the history
/// is complete up to the repository's own day (its newest tag, branch or
/// fetch), capped at today: a line the rules expected by then without a
/// tag is overdue. What an answer's cycles contradict of themselves is
/// left out, and said in one note.
fn read_facts(
    cli: &Cli,
    source: &Source,
    numbering: Option<&Numbering>,
    prefix: Option<&str>,
    today: NaiveDate,
) -> Result<Option<Sourced<FactsRead>>> {
    let read = match *source {
        Source::Git(dir) => {
            let kind = numbering.map_or(LineKind::Minor, |numbering| numbering.kind);
            let repository = facts::git_facts(dir, prefix, kind)?;
            for warning in &repository.warnings {
                message(warning);
            }
            let read = FactsRead {
                facts: repository.facts,
                // A commit or a fetch dated after today is a clock's error.
                history_as_of: repository.complete_up_to.map(|day| day.min(today)),
            };
            Sourced::flag(read, "--git", dir)
        }
        Source::Endoflife(file) => {
            let read = FactsRead {
                facts: facts::endoflife_facts(file, numbering)?,
                history_as_of: None,
            };
            Sourced::flag(read, "--endoflife", file)
        }
        Source::None => return Ok(None),
    };
    note_contradictions(&read.source, read.value.facts.contradictions());
    // `policy`, which shows the merged history, says what was left out.
    if matches!(cli.command, Command::Policy(_)) {
        for (name, why) in read.value.facts.ignored() {
            message(&format!("{}: left {name} out: {why}", read.source));
        }
    }
    Ok(Some(read))
}

/// The note that says what `source`'s cycles say against themselves, and
/// were left out; none where they say nothing so.
fn note_contradictions(source: &dyn std::fmt::Display, contradictions: &[Contradiction]) {
    if contradictions.is_empty() {
        return;
    }
    let named: Vec<String> = contradictions.iter().map(ToString::to_string).collect();
    message(&format!(
        "note: {source}: left out what cycles say against themselves: {}",
        named.join("; ")
    ));
}

/// The policy `policy --from-endoflife` makes of the product file (its
/// name the product's), with its release-data's versions as patches and
/// its record complete up to the day given (else to its newest day): by
/// `vendor`'s rules where given, else by the vendor's rules the program
/// carries for the product, else stated and fitted.
///
/// # Errors
/// A file that cannot be read or is not a product file; a record no rule
/// fits; a record complete up to a day after `today`.
pub fn generated(
    product_file: ProductFile,
    vendor: Option<&Policy>,
    today: NaiveDate,
) -> Result<Policy> {
    let ProductFile {
        file,
        release_data,
        as_of,
    } = product_file;
    // A record complete up to a day to come would say no line comes out
    // before it: the rules could project none until then.
    if let Some(as_of) = as_of.filter(|as_of| *as_of > today) {
        bail!(
            "--as-of {as_of} is after today, {today}: a record is complete up to a day that \
             has come"
        );
    }
    let name = file
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = read_text(file, "product file", "product file")?;
    let mut record = read_product_file(&name, &text)
        .with_context(|| format!("product file {}", file.display()))?;
    if let Some(path) = release_data {
        let json = read_text(path, "release-data file", "release-data file")?;
        record.versions = read_release_data(&json)
            .with_context(|| format!("release-data file {}", path.display()))?;
    }
    record.complete_up_to = as_of;
    note_contradictions(
        &format!("product file {}", file.display()),
        &record.contradictions(),
    );
    let built_in = match (vendor, vendor_rules(&name)) {
        (None, Some(json)) => Some(Policy::from_json(json).context("the vendor's rules")?),
        _ => None,
    };
    record
        .policy(vendor.or(built_in.as_ref()))
        .with_context(|| format!("product file {}", file.display()))
}
