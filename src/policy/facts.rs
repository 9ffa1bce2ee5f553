//! Facts from where releases are recorded: a repository's tags, or
//! endoflife.date's answer for a product, merged into a policy's history.
//!
//! Reading them is the caller's part (the `git` program, a file): this
//! module takes the tag names and dates, or the answer's text, and what
//! they say about each line. What the policy file states wins where both
//! speak; the facts add the lines and patches it lacks.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, NaiveDate};
use semver::Version;
use serde_json::Value;

use super::dates::parse_date;
use super::definition::Policy;
use super::error::PolicyError;
use super::model::{Line, LineKind};

/// A tag as the repository records it: its name and the day it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitTag {
    /// The tag's name, without `refs/tags/`.
    pub name: String,
    /// The tagger date of an annotated tag, else its commit's committer
    /// date, as a UTC day.
    pub date: NaiveDate,
}

impl GitTag {
    /// A tag from its name and a Unix time, as `git for-each-ref` gives
    /// them; `None` for a time no date can hold.
    #[must_use]
    pub fn from_unix(name: String, seconds: i64) -> Option<Self> {
        let date = DateTime::from_timestamp(seconds, 0)?.date_naive();
        Some(Self { name, date })
    }
}

/// Why a tag is not read as a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Ignored {
    /// Its name does not start with the policy's `tag_prefix`.
    OtherPrefix,
    /// Not a version at all.
    NotAVersion,
    /// A pre-release (`-rc1`) or build metadata (`+build`).
    PreRelease,
    /// An endoflife.date cycle numbered otherwise than the policy's lines
    /// (Quarkus's `1` among its `3.x` lines), older than all of them.
    OlderNumbering,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::OtherPrefix => "not of the policy's tag_prefix",
            Self::NotAVersion => "not a version MAJOR.MINOR.PATCH",
            Self::PreRelease => "a pre-release or a build, not a release",
            Self::OlderNumbering => {
                "numbered otherwise than the policy's lines, and older than all of them"
            }
        })
    }
}

/// Where a fact comes from, to name it in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    /// A tag's name, or an endoflife.date cycle's.
    name: String,
    date: NaiveDate,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.date)
    }
}

/// What the facts say of one line.
#[derive(Debug, Clone, Default)]
struct LineFacts {
    released: Option<Origin>,
    lts: Option<bool>,
    eol: Option<NaiveDate>,
    /// Patches by version, with where each was found.
    patches: BTreeMap<Version, Origin>,
}

/// What a source of facts says: the lines it knows, and the newest day it
/// speaks of.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    lines: BTreeMap<Line, LineFacts>,
    newest: Option<NaiveDate>,
    /// The tags left out, and why.
    ignored: Vec<(String, Ignored)>,
}

/// A problem with the facts, naming what says it.
fn contradiction(problem: String) -> PolicyError {
    PolicyError::Facts { problem }
}

impl Facts {
    /// The releases a repository's tags record: tags `VERSION` or
    /// `vVERSION` (after `prefix`, when the policy has one) that are a plain
    /// `MAJOR.MINOR.PATCH`. A line's `.0` tag is its release; without one,
    /// its earliest tag, which is also a patch.
    ///
    /// # Errors
    /// [`PolicyError::Facts`] when no tag is a release, when one version is
    /// tagged on two days, or when a line comes out after the next one.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::{Facts, GitTag, LineKind, parse_date};
    /// let tag = |name: &str, day| GitTag { name: name.to_owned(), date: parse_date(day).unwrap() };
    /// let tags = [tag("v1.0.0", "2025-09-09"), tag("v1.0.1", "2025-09-16"), tag("v1.1.0-rc1", "2025-10-28")];
    /// let facts = Facts::from_tags(&tags, None, LineKind::Minor).unwrap();
    /// assert_eq!(facts.ignored().len(), 1);
    /// assert_eq!(facts.newest(), Some(parse_date("2025-09-16").unwrap()));
    /// ```
    pub fn from_tags(
        tags: &[GitTag],
        prefix: Option<&str>,
        kind: LineKind,
    ) -> Result<Self, PolicyError> {
        let mut facts = Self::default();
        let mut versions: BTreeMap<Version, Origin> = BTreeMap::new();
        for tag in tags {
            let version = match release_version(&tag.name, prefix) {
                Ok(version) => version,
                Err(why) => {
                    facts.ignored.push((tag.name.clone(), why));
                    continue;
                }
            };
            let origin = Origin {
                name: tag.name.clone(),
                date: tag.date,
            };
            if let Some(other) = versions.get(&version) {
                if other.date != tag.date {
                    return Err(contradiction(format!(
                        "tags {other} and {origin} date version {version} differently"
                    )));
                }
                continue;
            }
            versions.insert(version, origin);
        }
        if versions.is_empty() {
            let looked_for = match prefix {
                Some(prefix) => format!("{prefix}MAJOR.MINOR.PATCH or {prefix}vMAJOR.MINOR.PATCH"),
                None => "MAJOR.MINOR.PATCH or vMAJOR.MINOR.PATCH".to_owned(),
            };
            return Err(contradiction(format!(
                "no tag is a release: looked for tags named {looked_for}"
            )));
        }
        for (version, origin) in versions {
            facts.newest = facts.newest.max(Some(origin.date));
            let line = Line::of(&version, kind);
            let line_facts = facts.lines.entry(line).or_default();
            if version == line.first_version() {
                line_facts.released = Some(origin);
            } else {
                line_facts.patches.insert(version, origin);
            }
        }
        // A line without a `.0` tag comes out with its earliest tag.
        for line_facts in facts.lines.values_mut() {
            if line_facts.released.is_none() {
                line_facts.released = line_facts
                    .patches
                    .values()
                    .min_by_key(|patch| patch.date)
                    .cloned();
            }
        }
        facts.check_release_order()?;
        Ok(facts)
    }

    /// Lines come out in the order of their numbers.
    fn check_release_order(&self) -> Result<(), PolicyError> {
        let mut previous: Option<(Line, &Origin)> = None;
        for (&line, facts) in &self.lines {
            let Some(released) = &facts.released else {
                continue;
            };
            if let Some((before, before_released)) = previous
                && released.date < before_released.date
            {
                return Err(contradiction(format!(
                    "{before_released} releases {before} after {released} released {line}; \
                     a line cannot come out after the next one"
                )));
            }
            previous = Some((line, released));
        }
        Ok(())
    }

    /// The tags (or endoflife.date cycles) left out, each with why.
    #[must_use]
    pub fn ignored(&self) -> &[(String, Ignored)] {
        &self.ignored
    }

    /// The newest day the facts speak of (a release or a patch).
    #[must_use]
    pub fn newest(&self) -> Option<NaiveDate> {
        self.newest
    }
}

/// The version a tag names, after the prefix and an optional `v`, if it is
/// a plain `MAJOR.MINOR.PATCH`.
fn release_version(name: &str, prefix: Option<&str>) -> Result<Version, Ignored> {
    let rest = match prefix {
        Some(prefix) => name.strip_prefix(prefix).ok_or(Ignored::OtherPrefix)?,
        None => name,
    };
    let bare = rest.strip_prefix('v').unwrap_or(rest);
    let version = Version::parse(bare).map_err(|_| Ignored::NotAVersion)?;
    if !version.pre.is_empty() || !version.build.is_empty() {
        return Err(Ignored::PreRelease);
    }
    Ok(version)
}

/// One release cycle of an endoflife.date answer, in either form.
struct Cycle<'a> {
    name: String,
    released: Option<&'a Value>,
    lts: Option<&'a Value>,
    eol: Option<&'a Value>,
    latest: Option<&'a Value>,
    latest_released: Option<&'a Value>,
}

impl Facts {
    /// The releases an endoflife.date answer for one product records: its
    /// list form (`[{"cycle", "releaseDate", "lts", "eol", "latest",
    /// "latestReleaseDate", ...}]`) or its v1 form (`{"result": {"releases":
    /// [{"name", "releaseDate", "isLts", "eolFrom", "latest": {"name",
    /// "date"}}]}}`). `lts` true or a date declares a line LTS, false not;
    /// an `eol` date is an announced end (a boolean announces nothing);
    /// `latest` is a patch when it is a plain `MAJOR.MINOR.PATCH` of its
    /// line other than its `.0`. Other fields are left alone, and so are
    /// cycles numbered otherwise than the policy's lines that are older than
    /// all of them (Quarkus's `0` and `1`); any other such cycle is an error.
    ///
    /// # Errors
    /// [`PolicyError::NotJson`] for text that is not JSON;
    /// [`PolicyError::Facts`] for an answer of another shape, a date that is
    /// none, or a cycle that is not a line of `kind`, naming it.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::policy::{Facts, LineKind, parse_date};
    /// let answer = r#"[{"cycle": "3.20", "releaseDate": "2025-03-26", "lts": true,
    ///     "eol": "2026-03-26", "latest": "3.20.2", "latestReleaseDate": "2025-08-06"}]"#;
    /// let facts = Facts::from_endoflife(answer, LineKind::Minor).unwrap();
    /// assert_eq!(facts.newest(), Some(parse_date("2025-08-06").unwrap()));
    /// let err = Facts::from_endoflife(r#"[{"cycle": "3"}]"#, LineKind::Minor).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "endoflife.date answer: cycle \"3\" is not a line of this policy, whose lines are \
    ///      MAJOR.MINOR",
    /// );
    /// ```
    pub fn from_endoflife(json: &str, kind: LineKind) -> Result<Self, PolicyError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let answer: Value = serde_json::from_str(json).map_err(PolicyError::NotJson)?;
        let shape = || {
            contradiction(
                "endoflife.date answer: expected a list of cycles, or {\"result\": {\"releases\": \
                 [...]}}"
                    .to_owned(),
            )
        };
        let cycles: Vec<Cycle> = match &answer {
            Value::Array(items) => items
                .iter()
                .map(|item| list_cycle(item).ok_or_else(shape))
                .collect::<Result<_, _>>()?,
            Value::Object(_) => answer["result"]["releases"]
                .as_array()
                .ok_or_else(shape)?
                .iter()
                .map(|item| v1_cycle(item).ok_or_else(shape))
                .collect::<Result<_, _>>()?,
            _ => return Err(shape()),
        };
        // Cycles numbered otherwise than the policy's lines are left out
        // when they are older than all of its lines: a product renumbered
        // (Quarkus 0 and 1, .NET Core 3.1) is still the product.
        let fits = |cycle: &Cycle| parse_line(&cycle.name, kind).is_some();
        let first_fitting = cycles
            .iter()
            .filter(|cycle| fits(cycle))
            .filter_map(|cycle| cycle.released.and_then(Value::as_str))
            .filter_map(|text| parse_date(text).ok())
            .min();
        let mut facts = Self::default();
        for cycle in cycles {
            let older = cycle
                .released
                .and_then(Value::as_str)
                .and_then(|text| parse_date(text).ok())
                .zip(first_fitting)
                .is_some_and(|(released, first)| released < first);
            if !fits(&cycle) && older {
                facts.ignored.push((cycle.name, Ignored::OlderNumbering));
                continue;
            }
            facts.cycle(&cycle, kind)?;
        }
        facts.check_release_order()?;
        Ok(facts)
    }

    /// Adds what one cycle says.
    fn cycle(&mut self, cycle: &Cycle, kind: LineKind) -> Result<(), PolicyError> {
        let problem = |what: &str| {
            contradiction(format!(
                "endoflife.date answer: cycle {:?}: {what}",
                cycle.name
            ))
        };
        let line = parse_line(&cycle.name, kind).ok_or_else(|| {
            let lines = match kind {
                LineKind::Minor => "MAJOR.MINOR",
                LineKind::Major => "MAJOR",
            };
            contradiction(format!(
                "endoflife.date answer: cycle {:?} is not a line of this policy, whose lines \
                 are {lines}",
                cycle.name
            ))
        })?;
        let day = |value: &Value, field: &str| -> Result<NaiveDate, PolicyError> {
            value
                .as_str()
                .and_then(|text| parse_date(text).ok())
                .ok_or_else(|| problem(&format!("{field} is not a date YYYY-MM-DD: {value}")))
        };
        let mut facts = LineFacts::default();
        if let Some(released) = cycle.released.filter(|value| !value.is_null()) {
            let date = day(released, "releaseDate")?;
            facts.released = Some(Origin {
                name: format!("cycle {}", cycle.name),
                date,
            });
            self.newest = self.newest.max(Some(date));
        }
        facts.lts = match cycle.lts {
            None | Some(Value::Null) => None,
            Some(Value::Bool(flag)) => Some(*flag),
            Some(value) => {
                day(value, "lts")?;
                Some(true)
            }
        };
        facts.eol = match cycle.eol {
            None | Some(Value::Null | Value::Bool(_)) => None,
            Some(value) => Some(day(value, "eol")?),
        };
        let latest = cycle
            .latest
            .and_then(Value::as_str)
            .and_then(|latest| Version::parse(latest).ok())
            .filter(|version| {
                version.pre.is_empty()
                    && version.build.is_empty()
                    && line.holds(version)
                    && *version != line.first_version()
            });
        if let (Some(version), Some(date)) = (latest, cycle.latest_released) {
            let date = day(date, "latestReleaseDate")?;
            self.newest = self.newest.max(Some(date));
            let origin = Origin {
                name: format!("cycle {} latest", cycle.name),
                date,
            };
            facts.patches.insert(version, origin);
        }
        if facts.released.is_none() {
            return Err(problem("no releaseDate"));
        }
        self.lines.insert(line, facts);
        Ok(())
    }
}

/// A cycle of the list form.
fn list_cycle(item: &Value) -> Option<Cycle<'_>> {
    let name = cycle_name(item.get("cycle")?)?;
    Some(Cycle {
        name,
        released: item.get("releaseDate"),
        lts: item.get("lts"),
        eol: item.get("eol"),
        latest: item.get("latest"),
        latest_released: item.get("latestReleaseDate"),
    })
}

/// A release of the v1 form.
fn v1_cycle(item: &Value) -> Option<Cycle<'_>> {
    let name = cycle_name(item.get("name")?)?;
    let latest = item.get("latest").filter(|latest| latest.is_object());
    Some(Cycle {
        name,
        released: item.get("releaseDate"),
        lts: item.get("isLts"),
        eol: item.get("eolFrom"),
        latest: latest.and_then(|latest| latest.get("name")),
        latest_released: latest.and_then(|latest| latest.get("date")),
    })
}

/// A cycle's name: a string, or a whole number (a float would have lost
/// its digits: `1.10` reads as 1.1).
fn cycle_name(value: &Value) -> Option<String> {
    match value {
        Value::String(name) => Some(name.clone()),
        Value::Number(number) if number.is_u64() => Some(number.to_string()),
        _ => None,
    }
}

/// A line of `kind`, written exactly: `1.3`, or `22` for major lines.
fn parse_line(name: &str, kind: LineKind) -> Option<Line> {
    super::version::parse_history_line(name, kind).ok()
}

impl Policy {
    /// The policy with `facts` merged into its history: the file's lines,
    /// dates, flags, announced ends and patches win where both speak; the
    /// facts add the lines and patches the file lacks. The history is then
    /// complete up to `history_as_of` (or the newest day the facts speak
    /// of), or up to its newest date, if later.
    ///
    /// # Errors
    /// [`PolicyError::Facts`] when the merged history is not a valid one
    /// (a line from the facts dated before one the file lists earlier).
    pub fn with_facts(
        &self,
        facts: &Facts,
        history_as_of: Option<NaiveDate>,
    ) -> Result<Self, PolicyError> {
        let kind = self.line_kind();
        let mut file: Value =
            serde_json::from_str(&self.to_json()).map_err(PolicyError::NotJson)?;
        let entries = file["history"]
            .as_array_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        let mut history: BTreeMap<Line, Value> = BTreeMap::new();
        for entry in entries {
            if let Some(line) = entry["line"]
                .as_str()
                .and_then(|name| parse_line(name, kind))
            {
                history.insert(line, entry);
            }
        }
        // The newest day the file or the facts record.
        let newest = self
            .history()
            .iter()
            .flat_map(|release| {
                std::iter::once(release.released)
                    .chain(release.patches.iter().map(|patch| patch.released))
            })
            .max()
            .max(facts.newest);
        for (&line, line_facts) in &facts.lines {
            let Some(released) = &line_facts.released else {
                continue;
            };
            let entry = history.entry(line).or_insert_with(|| {
                serde_json::json!({"line": line.to_string(), "released": released.date.to_string()})
            });
            let Some(fields) = entry.as_object_mut() else {
                continue;
            };
            if let Some(lts) = line_facts.lts.filter(|_| self.lts_rule().is_some()) {
                fields.entry("lts").or_insert(lts.into());
            }
            if let Some(eol) = line_facts.eol {
                fields.entry("eol").or_insert(eol.to_string().into());
            }
            let mut patches: BTreeMap<Version, Value> = BTreeMap::new();
            for (version, origin) in &line_facts.patches {
                patches.insert(
                    version.clone(),
                    serde_json::json!({"version": version.to_string(), "released": origin.date.to_string()}),
                );
            }
            // The file's own patches win.
            if let Some(Value::Array(known)) = fields.get("patches") {
                for patch in known {
                    if let Some(version) = patch["version"]
                        .as_str()
                        .and_then(|v| Version::parse(v).ok())
                    {
                        patches.insert(version, patch.clone());
                    }
                }
            }
            if !patches.is_empty() {
                fields.insert("patches".to_owned(), patches.into_values().collect());
            }
        }
        let as_of = [
            history_as_of.or(facts.newest),
            self.stated_history_as_of(),
            newest,
        ]
        .into_iter()
        .flatten()
        .max();
        if let Some(as_of) = as_of {
            file["history_as_of"] = as_of.to_string().into();
        }
        file["history"] = history.into_values().collect();
        Self::from_json(&file.to_string())
            .map_err(|err| contradiction(format!("the history the facts make is not valid: {err}")))
    }
}
