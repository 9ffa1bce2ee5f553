//! The releases an endoflife.date answer records: each cycle it hands on
//! ([`super::answer`]), read into the facts of its line, with its dates
//! read as endoflife.date writes them: an end (`eol`, `support`,
//! `extendedSupport`, `discontinued`) is the last day of its phase, so the
//! first day without it, lts-policy's end, is the day after.

use std::collections::btree_map::Entry;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::de::DeserializeSeed;

use super::answer::{AnswerSeed, RawCycle, TakeCycle};
use super::cycle::{Dates, cycle_name, leave_out_contradictions};
use super::problem::{FactsProblem, Origin, Witness};
use super::record::{Contradiction, Facts, Ignored, LineFacts};
use super::scalar::Scalar;
use crate::policy::dates::parse_date;
use crate::policy::error::PolicyError;
use crate::policy::file::without_byte_order_mark;
use crate::policy::lines::line::{Line, LineKind, Numbering};
use crate::policy::lines::numbers::{MAX_LINE_NUMBERS, Version};
use crate::policy::lines::release::RecordedEnd;
use crate::policy::lines::version::read_line;

/// A cycle as the answer gives it, its dates read, before its name is
/// read as a line.
struct Cycle {
    name: String,
    facts: LineFacts,
    /// Its `latest` and the day of it, a patch if it is one of its line's.
    latest: Option<(String, NaiveDate)>,
}

/// The reading of an answer: the cycles so far, and the first problem of
/// meaning (which stops the parse; the syntax is serde_json's).
#[derive(Default)]
struct Reading {
    cycles: Vec<Cycle>,
    seen: usize,
    generated_at: Option<NaiveDate>,
    ignored: Vec<(String, Ignored)>,
    contradictions: Vec<Contradiction>,
    problem: Option<PolicyError>,
}

impl Reading {
    /// Reads what one cycle says, or the first thing wrong with it.
    fn cycle(&mut self, raw: RawCycle) -> Result<(), PolicyError> {
        let at = self.seen;
        self.seen += 1;
        let name = cycle_name(&raw, at)?;
        if raw.projected == Some(Scalar::Bool(true)) {
            self.ignored.push((name, Ignored::Projected));
            return Ok(());
        }
        let dates = Dates { cycle: &name };
        let released = match &raw.released {
            Some(Scalar::Null) | None => {
                return Err(FactsProblem::CycleWithoutRelease { cycle: name }.into());
            }
            Some(value) => dates.day(value, "releaseDate")?,
        };
        let mut facts = dates.facts(&raw, released)?;
        let mut against = Vec::new();
        leave_out_contradictions(&mut facts, released, &mut against);
        let latest = dates.latest(&raw, released, &mut against)?;
        self.contradictions
            .extend(against.into_iter().map(|what| Contradiction {
                cycle: name.clone(),
                what,
            }));
        self.cycles.push(Cycle {
            name,
            facts,
            latest,
        });
        Ok(())
    }

    /// The facts, once the cycles' names are read as lines of `given`'s
    /// numbering, or of the answer's own where no policy names one; the
    /// cycles numbered otherwise than a policy's lines are left out when
    /// they are older than every line (a product renumbered, as Quarkus 0
    /// and 1 or .NET Core 3.1, is still the product), or refused.
    fn finish(self, given: Option<&Numbering>) -> Result<Facts, PolicyError> {
        // An answer with no cycle to read says nothing of any product: it
        // must not leave the embedded policy to answer in its place.
        if self.cycles.is_empty() {
            return Err(FactsProblem::NoCycles {
                projected: self.ignored.len(),
            }
            .into());
        }
        let inferred = given
            .is_none()
            .then(|| infer_numbering(self.cycles.iter().map(|cycle| cycle.name.as_str())));
        let numbering = given
            .or(inferred.as_ref())
            .cloned()
            .unwrap_or_else(|| Numbering::of(LineKind::Minor));
        let mut facts = Facts {
            numbering: inferred,
            complete_up_to: self.generated_at,
            ignored: self.ignored,
            contradictions: self.contradictions,
            ..Facts::default()
        };
        let mut misfits = Vec::new();
        for cycle in self.cycles {
            let prefix = numbering.prefix.as_ref();
            match read_line(&cycle.name, numbering.kind, prefix) {
                Ok(line) => add_cycle(&mut facts, line, cycle, prefix)?,
                Err(_) => {
                    let released = cycle.facts.released.as_ref().map(|origin| origin.date);
                    misfits.push((cycle.name, released));
                }
            }
        }
        leave_out_older_numbering(&mut facts, misfits, numbering.kind)?;
        Ok(facts)
    }
}

/// Adds the cycle read as `line` to `facts`, with its latest version as a
/// patch where it is one of the line (after the lines' `prefix`).
fn add_cycle(
    facts: &mut Facts,
    line: Line,
    cycle: Cycle,
    prefix: Option<&Arc<str>>,
) -> Result<(), PolicyError> {
    let Cycle {
        name,
        facts: mut line_facts,
        latest,
    } = cycle;
    let released = line_facts.released.as_ref().map(|origin| origin.date);
    // No rule ends a line known by name: a record that gives no end says
    // it has not come.
    if line.name().is_some() && line_facts.eol.is_none() {
        line_facts.eol = Some(RecordedEnd::NotYet);
    }
    if let Some((latest, date)) = latest {
        let bare = prefix
            .and_then(|prefix| latest.strip_prefix(&**prefix))
            .unwrap_or(&latest);
        let patch = Version::parse_numbers(bare)
            .ok()
            .filter(|version| line.is_patch(version));
        if let Some(version) = patch {
            let origin = Origin {
                by: Witness::CycleLatest(name.clone()),
                date,
            };
            line_facts.patches.insert(version, origin);
        }
    }
    let newest = line_facts.patches.values().map(|patch| patch.date).max();
    match facts.lines.entry(line) {
        Entry::Occupied(known) if *known.get() == line_facts => return Ok(()),
        Entry::Occupied(_) => return Err(FactsProblem::CycleTwice { cycle: name }.into()),
        Entry::Vacant(vacant) => {
            vacant.insert(line_facts);
        }
    }
    facts.newest = facts.newest.max(released).max(newest);
    Ok(())
}

/// Leaves out the cycles numbered otherwise than lines of `kind` (`misfits`,
/// with their releases) that are older than every line; refuses the others.
fn leave_out_older_numbering(
    facts: &mut Facts,
    misfits: Vec<(String, Option<NaiveDate>)>,
    kind: LineKind,
) -> Result<(), PolicyError> {
    let first = facts
        .lines
        .values()
        .filter_map(|line| line.released.as_ref().map(|origin| origin.date))
        .min();
    for (name, released) in misfits {
        let older = first
            .zip(released)
            .is_some_and(|(first, released)| released < first);
        if !older {
            return Err(PolicyError::from(FactsProblem::CycleNotALine {
                cycle: name,
                kind,
            }));
        }
        facts.ignored.push((name, Ignored::OlderNumbering));
    }
    Ok(())
}

/// How an answer numbers its lines, from its cycles' names: after the
/// text all of them start with before a number (`cos-` of `cos-129`),
/// `major` where every name that is numbers is one number, `minor` where
/// every one is two, else `dotted`. Names that are no numbers (devices,
/// editions) are lines known by name only, whatever the kind.
fn infer_numbering<'a>(names: impl Iterator<Item = &'a str> + Clone) -> Numbering {
    let numbers = |text: &str| {
        Version::parse_numbers(text)
            .ok()
            .filter(|version| version.len() <= MAX_LINE_NUMBERS)
    };
    let prefix = names.clone().next().and_then(|first| {
        let digit = first.find(|c: char| c.is_ascii_digit())?;
        let prefix = &first[..digit];
        let shared = !prefix.is_empty()
            && !prefix.ends_with('.')
            && names.clone().all(|name| {
                name.strip_prefix(prefix)
                    .is_some_and(|rest| numbers(rest).is_some())
            });
        shared.then(|| Arc::<str>::from(prefix))
    });
    let depths = names.filter_map(|name| {
        let bare = prefix
            .as_deref()
            .and_then(|prefix| name.strip_prefix(prefix))
            .unwrap_or(name);
        numbers(bare).map(|version| version.len())
    });
    let mut kind = None;
    for depth in depths {
        let this = match depth {
            1 => LineKind::Major,
            2 => LineKind::Minor,
            _ => LineKind::Dotted,
        };
        kind = match kind {
            None => Some(this),
            Some(kind) if kind == this => Some(kind),
            Some(_) => Some(LineKind::Dotted),
        };
    }
    Numbering {
        kind: kind.unwrap_or_default(),
        prefix,
    }
}

impl Facts {
    /// The releases an endoflife.date answer for one product records: its
    /// list form (`[{"cycle", "releaseDate", "lts", "eol", "latest",
    /// "latestReleaseDate", ...}]`, or `releaseCycle` as a product file and
    /// lts-policy's export name it) or its v1 form (`{"generated_at",
    /// "result": {"releases": [{"name", "releaseDate", "isLts", "isEol",
    /// "eolFrom", "latest": {"name", "date"}}]}}`).
    ///
    /// Its lines are numbered as `numbering` says (a policy's), or, without
    /// one, as the answer's own cycles are ([`Facts::numbering`]). `lts`
    /// true or a date declares a line LTS (from that day), false not. An
    /// end (`eol`, `support`, `extendedSupport`, `discontinued`, and the v1
    /// form's `is...`/`...From` pairs) is read as endoflife.date writes it,
    /// the last day of the phase: its end is the day after; `true` says it
    /// has passed on a day not given, `false` that it has not by the day
    /// the answer is complete up to. `latest` is a patch when it is dotted
    /// numbers of its line other than its `.0`. A cycle the export marks
    /// `projected` is no fact and is left out. A fact a cycle contradicts
    /// (its latest release dated before its first) is left out, and named
    /// in [`Facts::contradictions`]. Other fields are skipped, and so are
    /// cycles numbered otherwise than a policy's lines that are older than
    /// all of them (Quarkus's `0` and `1`); any other such cycle is an
    /// error. A cycle given twice must say the same both times.
    ///
    /// # Errors
    /// [`PolicyError::NotJson`] for text that is not JSON;
    /// [`PolicyError::Facts`] for an HTML page (where a wrong address leads);
    /// [`PolicyError::Facts`] for an empty answer or one of another shape,
    /// a date that is none, a cycle given twice with different facts, or a
    /// cycle that is not a line of `numbering`'s kind, naming it.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{LineKind, parse_date};
    /// use lts_policy::facts::Facts;
    /// let answer = r#"[{"cycle": "3.20", "releaseDate": "2025-03-26", "lts": true,
    ///     "eol": "2026-03-26", "latest": "3.20.2", "latestReleaseDate": "2025-08-06"}]"#;
    /// let facts = Facts::from_endoflife(answer, None).unwrap();
    /// assert_eq!(facts.newest(), Some(parse_date("2025-08-06").unwrap()));
    /// assert_eq!(facts.numbering().unwrap().kind, LineKind::Minor);
    /// let err = Facts::from_endoflife(r#"[{"cycle": "3"}]"#, None).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "endoflife.date answer: cycle \"3\": no releaseDate",
    /// );
    /// ```
    pub fn from_endoflife(json: &str, numbering: Option<&Numbering>) -> Result<Self, PolicyError> {
        let json = without_byte_order_mark(json);
        let start = json.trim_start();
        if start.is_empty() {
            return Err(PolicyError::from(FactsProblem::EmptyAnswer));
        }
        // JSON never starts with `<`: an HTML page (`<!DOCTYPE html>`,
        // `<html>`) or other markup, which serde_json would call only an
        // "expected value at line 1 column 1".
        if start.starts_with('<') {
            return Err(PolicyError::from(FactsProblem::HtmlAnswer));
        }
        let mut reading = Reading::default();
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let parsed = AnswerSeed(&mut reading)
            .deserialize(&mut deserializer)
            .and_then(|()| deserializer.end());
        if let Some(problem) = reading.problem.take() {
            return Err(problem);
        }
        match parsed {
            Ok(()) => reading.finish(numbering),
            Err(err) if err.is_data() => Err(PolicyError::from(FactsProblem::AnswerShape(err))),
            Err(err) => Err(PolicyError::NotJson(err)),
        }
    }
}

impl TakeCycle for Reading {
    fn take(&mut self, cycle: RawCycle) -> bool {
        match self.cycle(cycle) {
            Ok(()) => true,
            Err(problem) => {
                self.problem = Some(problem);
                false
            }
        }
    }

    /// The day of the v1 form's `generated_at` (`2026-08-22T00:00:00+00:00`).
    fn generated_at(&mut self, at: Scalar) {
        let day = match &at {
            Scalar::Text(text) => text.get(..10).and_then(|day| parse_date(day).ok()),
            _ => None,
        };
        match day {
            Some(day) => self.generated_at = Some(day),
            None => {
                self.problem.get_or_insert_with(|| {
                    FactsProblem::GeneratedAt {
                        found: at.to_string(),
                    }
                    .into()
                });
            }
        }
    }
}
