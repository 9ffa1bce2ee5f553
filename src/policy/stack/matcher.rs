//! Which product a component is, and its status on a day.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::component::Component;
use crate::policy::answers::{Status, SupportState};
use crate::policy::catalogue::{Entry, entries, entry, identifying_part};
use crate::policy::dates::LAST_DAY;
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::lines::line::LineKind;
use crate::policy::lines::release::Source;
use crate::policy::lines::version::VersionInput;

/// A matched component's answer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Verdict {
    /// The product the component is.
    pub product: &'static Entry,
    /// The status of its version on the day asked about.
    pub status: Status,
    /// Whether the verdict rests on a projection: its line, or its end of
    /// support, comes from the rules rather than the record.
    pub projected: bool,
}

/// What is known of a component: a closed set, which renderers match whole.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// No product the program carries has its purl, CPE or name.
    Unknown,
    /// A product the program carries, at a version that names none of its
    /// lines (`latest`, `stable`, a line it never released): why.
    NoLine {
        /// The product.
        product: &'static Entry,
        /// Why no line is found.
        reason: String,
    },
    /// A product's line, and its status (boxed: a status is large, and
    /// most components of a big SBOM are unknown).
    Known(Box<Verdict>),
}

/// Matches components to the products the program carries, keeping the
/// identifiers' index and each product's policy once decoded, so that a
/// scan costs one hash look-up per component.
#[derive(Debug)]
pub struct Matcher {
    by_identifier: HashMap<String, &'static Entry>,
    policies: HashMap<&'static str, Policy>,
}

impl Default for Matcher {
    fn default() -> Self {
        Self::new()
    }
}

impl Matcher {
    /// A matcher over every product the program carries.
    #[must_use]
    pub fn new() -> Self {
        let mut by_identifier = HashMap::new();
        for product in entries() {
            for identifier in &product.identifiers {
                // The first product listing an identifier keeps it, as
                // `catalogue::by_identifier` finds it.
                by_identifier
                    .entry(identifying_part(identifier))
                    .or_insert(product);
            }
        }
        Self {
            by_identifier,
            policies: HashMap::new(),
        }
    }

    /// The product `component` is: by its purl, else its CPE, else the
    /// product a version file names.
    #[must_use]
    pub fn product_of(&self, component: &Component) -> Option<&'static Entry> {
        let by = |identifier: &Option<String>| {
            let wanted = identifying_part(identifier.as_deref()?);
            self.by_identifier.get(&wanted).copied()
        };
        by(&component.purl)
            .or_else(|| by(&component.cpe))
            .or_else(|| entry(component.product.as_deref()?))
    }

    /// What is known of `component` on `on`.
    ///
    /// # Errors
    /// A [`PolicyError`] of the model for a day it cannot compute.
    pub fn verdict(
        &mut self,
        component: &Component,
        on: NaiveDate,
    ) -> Result<Outcome, PolicyError> {
        let Some(product) = self.product_of(component) else {
            return Ok(Outcome::Unknown);
        };
        if !self.policies.contains_key(product.name) {
            self.policies
                .insert(product.name, Policy::named(product.name)?);
        }
        let policy = &self.policies[product.name];
        let mut status = match line_status(policy, &component.version, on) {
            Ok(status) => status,
            Err(reason) => return Ok(Outcome::NoLine { product, reason }),
        };
        if let Some(end) = component.support_end {
            stated_end(&mut status, end);
        }
        let projected = status
            .info
            .as_ref()
            .is_some_and(|info| info.is_projected() || info.eol_source == Source::Rules);
        Ok(Outcome::Known(Box::new(Verdict {
            product,
            status,
            projected,
        })))
    }
}

/// The status on `on` of the version `raw` names, or why there is none to
/// give: a version that names no line, or a line the model cannot compute
/// (`20240615`, a release beyond chrono's dates) or whose dates run past
/// [`LAST_DAY`] (answers write four-digit years). One such component is
/// the component's `no_line`; it never fails the others.
fn line_status(policy: &Policy, raw: &str, on: NaiveDate) -> Result<Status, String> {
    let version = version_of(policy, raw, on).map_err(|err| err.to_string())??;
    let status = policy.status(version, on).map_err(|err| err.to_string())?;
    if let Some(info) = status
        .info
        .as_ref()
        .filter(|info| info.latest_date() > LAST_DAY)
    {
        return Err(format!(
            "{}'s dates run past {LAST_DAY} (its support ends after it), and dates have \
             four-digit years",
            info.line
        ));
    }
    Ok(status)
}

/// The version of `policy` that `raw` names on `on`, or why it names none:
/// a line's name; `lts/*` and `lts/-N` (nvm's newest LTS line, and the N-th
/// before it, among those supported on `on`); else the numbers it starts
/// with after a `v` (`9.4.18.v20190429`: `9.4.18`; `20-alpine`: `20`), at
/// most four, a major alone of a product numbered by minors being its
/// newest line (`python:3`).
fn version_of(
    policy: &Policy,
    raw: &str,
    on: NaiveDate,
) -> Result<Result<VersionInput, String>, PolicyError> {
    let raw = raw.trim();
    if let Some(back) = raw.strip_prefix("lts/") {
        return newest_lts(policy, back, on);
    }
    if let Ok(name @ VersionInput::Name(_)) = policy.read_version(raw) {
        return Ok(Ok(name));
    }
    let Some(numbers) = leading_numbers(raw) else {
        return Ok(Err(format!(
            "version {raw:?} starts with no number to find a line of {} by",
            policy.name()
        )));
    };
    let whole_major = policy.line_kind() == LineKind::Minor && !numbers.contains('.');
    let text = if whole_major {
        newest_of_major(policy, numbers, on)?.unwrap_or_else(|| numbers.to_owned())
    } else {
        numbers.to_owned()
    };
    Ok(policy.read_version(&text).map_err(|err| err.to_string()))
}

/// The newest line of `major` released on or before `on` (recorded or
/// projected: `python:3` on 2024-01-01 is 3.12, not 3.13 of October);
/// `None` when none of it is released yet.
fn newest_of_major(
    policy: &Policy,
    major: &str,
    on: NaiveDate,
) -> Result<Option<String>, PolicyError> {
    let mut newest = None;
    for info in policy.releases(None, Some(on), on)?.lines() {
        let line = info?.line;
        if line.major().map(|number| number.to_string()).as_deref() == Some(major) {
            newest = newest.max(Some(line));
        }
    }
    Ok(newest.map(|line| line.to_string()))
}

/// The numbers `raw` starts with, after a `v`: at most four, without a
/// trailing dot; `None` where it starts with none.
fn leading_numbers(raw: &str) -> Option<&str> {
    let bare = raw.strip_prefix(['v', 'V']).unwrap_or(raw);
    let end = bare
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(bare.len());
    let numbers = bare[..end].trim_end_matches('.');
    let cut = numbers
        .match_indices('.')
        .nth(3)
        .map_or(numbers.len(), |(at, _)| at);
    let numbers = &numbers[..cut];
    numbers
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some(numbers)
}

/// nvm's `lts/*` (`back` is `*`) and `lts/-N`: the newest LTS line whose
/// LTS has begun on `on`, or the N-th before it, among the lines supported
/// on `on`; its newest patch.
fn newest_lts(
    policy: &Policy,
    back: &str,
    on: NaiveDate,
) -> Result<Result<VersionInput, String>, PolicyError> {
    let places = match back {
        "*" => Some(0),
        _ => back.strip_prefix('-').and_then(|n| n.parse::<usize>().ok()),
    };
    let Some(places) = places else {
        return Ok(Err(format!(
            "lts/{back} is an LTS codename or form scan does not resolve (lts/* and lts/-N it does)"
        )));
    };
    let mut lts: Vec<_> = policy
        .supported_on(on)?
        .into_iter()
        .filter(|line| line.info.lts && line.info.lts_from.is_none_or(|from| from <= on))
        .collect();
    lts.sort_by(|a, b| b.info.line.cmp(&a.info.line));
    let Some(line) = lts.get(places) else {
        return Ok(Err(format!(
            "lts/{back}: {} LTS lines of {} are supported on {on}",
            lts.len(),
            policy.name()
        )));
    };
    Ok(match &line.latest_patch {
        Some(patch) => Ok(VersionInput::Numbers(patch.version)),
        None => policy
            .read_version(&line.info.line.to_string())
            .map_err(|err| err.to_string()),
    })
}

/// The status with the end a file states (os-release's `SUPPORT_END`),
/// used as it is: the first day without support.
fn stated_end(status: &mut Status, end: NaiveDate) {
    let on = status.on;
    if let Some(info) = status.info.as_mut() {
        info.eol = Some(end);
        info.eol_source = Source::History;
    }
    status.days_left = Some((end - on).num_days());
    let released = status.state != SupportState::Unreleased && status.info.is_some();
    status.state = match (released, on < end) {
        (true, true) => SupportState::Supported,
        (true, false) => SupportState::Ended,
        (false, _) => status.state,
    };
    if status.state == SupportState::Ended {
        status.roles.clear();
        status.phase = None;
    }
}
