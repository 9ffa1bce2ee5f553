//! The releases an endoflife.date answer records, read as the answer is
//! parsed: each cycle's few fields are taken as they come and everything
//! else is skipped unbuilt, so that memory stays within a small multiple of
//! the answer, whatever it holds.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use semver::Version;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::problem::{FactsProblem, Origin, Witness};
use super::record::{Facts, Ignored, LineFacts};
use crate::policy::dates::parse_date;
use crate::policy::error::PolicyError;
use crate::policy::model::LineKind;
use crate::policy::quote::Quoted;
use crate::policy::version::parse_history_line;

/// What the two forms of an answer are, for messages.
const ANSWER: &str = "a list of cycles, or {\"result\": {\"releases\": [...]}}";

/// What a cycle is, for messages.
const CYCLE: &str = "a cycle, an object";

/// What the v1 form's result is, for messages.
const RESULT: &str = "a result, {\"releases\": [...]}";

/// A value of a cycle's field: what the reader needs of it, and nothing
/// of an array or an object but that it is one.
#[derive(Debug, Clone, PartialEq)]
enum Scalar<'a> {
    Text(Cow<'a, str>),
    Bool(bool),
    Number(serde_json::Number),
    Null,
    Array,
    Object,
}

impl fmt::Display for Scalar<'_> {
    /// As JSON: a string quoted, an array or object by kind.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => write!(f, "{}", serde_json::Value::from(text.as_ref())),
            Self::Bool(flag) => write!(f, "{flag}"),
            Self::Number(number) => write!(f, "{number}"),
            Self::Null => f.write_str("null"),
            Self::Array => f.write_str("an array"),
            Self::Object => f.write_str("an object"),
        }
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(text.to_owned())))
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Bool(flag))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(number.into()))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(number.into()))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(number).map_or(Scalar::Null, Scalar::Number))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Array)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Object)
    }
}

impl<'de> de::Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// The error for a value of the wrong kind where `expected` is, quoting a
/// bounded part of it.
fn wrong<E: de::Error>(expected: &str, found: &Scalar) -> E {
    let found = match found {
        Scalar::Text(text) => format!("the string {}", Quoted(text)),
        other => other.to_string(),
    };
    E::custom(format!("expected {expected}, got {found}"))
}

/// What a visitor reads, for its messages.
trait Expects {
    fn expects(&self) -> &'static str;
}

/// Visits of the values a visitor does not take, refused with [`wrong`]
/// (serde's own message would quote a string whole).
macro_rules! refuse_scalars {
    () => {
        fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Bool(flag)))
        }

        fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Number(number.into())))
        }

        fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Number(number.into())))
        }

        fn visit_f64<E: de::Error>(self, number: f64) -> Result<Self::Value, E> {
            Err(wrong(
                self.expects(),
                &ScalarVisitor.visit_f64::<E>(number)?,
            ))
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Text(Cow::Borrowed(text))))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(wrong(self.expects(), &Scalar::Null))
        }
    };
}

/// The fields of one cycle the reader uses, in either form.
#[derive(Debug, Default, PartialEq)]
struct RawCycle<'a> {
    name: Option<Scalar<'a>>,
    released: Option<Scalar<'a>>,
    lts: Option<Scalar<'a>>,
    eol: Option<Scalar<'a>>,
    latest: Option<Scalar<'a>>,
    latest_released: Option<Scalar<'a>>,
}

/// The form of an answer: endoflife.date's list, or its v1 API's object.
#[derive(Clone, Copy)]
enum Form {
    List,
    V1,
}

/// One cycle, as an object of `form`.
struct CycleVisitor(Form);

impl Expects for CycleVisitor {
    fn expects(&self) -> &'static str {
        CYCLE
    }
}

impl<'de> Visitor<'de> for CycleVisitor {
    type Value = RawCycle<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expects())
    }

    refuse_scalars!();

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Err(wrong(self.expects(), &ScalarVisitor.visit_seq(seq)?))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut cycle = RawCycle::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let slot = match (self.0, key.as_ref()) {
                (Form::List, "cycle") | (Form::V1, "name") => &mut cycle.name,
                (_, "releaseDate") => &mut cycle.released,
                (Form::List, "lts") | (Form::V1, "isLts") => &mut cycle.lts,
                (Form::List, "eol") | (Form::V1, "eolFrom") => &mut cycle.eol,
                (Form::List, "latest") => &mut cycle.latest,
                (Form::List, "latestReleaseDate") => &mut cycle.latest_released,
                (Form::V1, "latest") => {
                    let (name, date) = map.next_value_seed(V1Latest)?;
                    (cycle.latest, cycle.latest_released) = (name, date);
                    continue;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(cycle)
    }
}

/// The v1 form's `latest`: `{"name", "date"}`, or anything else, which
/// says nothing.
struct V1Latest;

type Latest<'a> = (Option<Scalar<'a>>, Option<Scalar<'a>>);

impl<'de> DeserializeSeed<'de> for V1Latest {
    type Value = Latest<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for V1Latest {
    type Value = Latest<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("{\"name\", \"date\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut name, mut date) = (None, None);
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "name" => name = Some(map.next_value()?),
                "date" => date = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((name, date))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        ScalarVisitor.visit_seq(seq).map(|_| (None, None))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok((None, None))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok((None, None))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok((None, None))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok((None, None))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok((None, None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok((None, None))
    }
}

/// The reading of an answer: the facts so far, the cycles numbered
/// otherwise than the policy's lines, and the first problem of meaning
/// (which stops the parse; the syntax is serde_json's).
struct Reading {
    kind: LineKind,
    facts: Facts,
    /// Cycles that are no line of the policy's kind, with their release,
    /// in the answer's order.
    misfits: Vec<(String, NaiveDate)>,
    cycles: usize,
    problem: Option<PolicyError>,
}

/// The error that stops a parse once [`Reading::problem`] is set.
fn stop<E: de::Error>() -> E {
    E::custom("stopped")
}

/// A list of cycles, each read as it is parsed.
struct Cycles<'r>(&'r mut Reading, Form);

impl<'de> DeserializeSeed<'de> for Cycles<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Expects for Cycles<'_> {
    fn expects(&self) -> &'static str {
        "a list of cycles"
    }
}

impl<'de> Visitor<'de> for Cycles<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expects())
    }

    refuse_scalars!();

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        Err(wrong(self.expects(), &ScalarVisitor.visit_map(map)?))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Self(reading, form) = self;
        while let Some(cycle) = seq.next_element_seed(CycleSeed(form))? {
            if let Err(problem) = reading.cycle(cycle) {
                reading.problem = Some(problem);
                return Err(stop());
            }
        }
        Ok(())
    }
}

struct CycleSeed(Form);

impl<'de> DeserializeSeed<'de> for CycleSeed {
    type Value = RawCycle<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(CycleVisitor(self.0))
    }
}

/// The whole answer: a list of cycles, or an object whose `result` holds
/// `releases`.
struct AnswerSeed<'r>(&'r mut Reading);

impl<'de> DeserializeSeed<'de> for AnswerSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Expects for AnswerSeed<'_> {
    fn expects(&self) -> &'static str {
        ANSWER
    }
}

impl<'de> Visitor<'de> for AnswerSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expects())
    }

    refuse_scalars!();

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Cycles(self.0, Form::List).visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let releases = OneField {
            name: "releases",
            expected: RESULT,
            missing: "a result without \"releases\"",
            value: Cycles(self.0, Form::V1),
        };
        let result = OneField {
            name: "result",
            expected: ANSWER,
            missing: "no \"result\"",
            value: releases,
        };
        result.visit_map(map)
    }
}

/// An object of which one field is read, by `value`, and the others are
/// skipped: the v1 form's top object and its `result`.
struct OneField<S> {
    name: &'static str,
    /// What the object is, for messages.
    expected: &'static str,
    /// What an object without the field is, for messages.
    missing: &'static str,
    value: S,
}

impl<'de, S: DeserializeSeed<'de, Value = ()>> DeserializeSeed<'de> for OneField<S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<S> Expects for OneField<S> {
    fn expects(&self) -> &'static str {
        self.expected
    }
}

impl<'de, S: DeserializeSeed<'de, Value = ()>> Visitor<'de> for OneField<S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expects())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut value = Some(self.value);
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match value.take_if(|_| key == self.name) {
                Some(seed) => map.next_value_seed(seed)?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match value {
            None => Ok(()),
            Some(_) => Err(de::Error::custom(format!(
                "expected {}, got {}",
                self.expected, self.missing
            ))),
        }
    }

    // The scalars and arrays an object is not.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Err(wrong(self.expects(), &ScalarVisitor.visit_seq(seq)?))
    }

    refuse_scalars!();
}

impl Reading {
    /// Adds what one cycle says, or the first thing wrong with it.
    fn cycle(&mut self, raw: RawCycle) -> Result<(), PolicyError> {
        let at = self.cycles;
        self.cycles += 1;
        let name = match &raw.name {
            Some(Scalar::Text(name)) => name.to_string(),
            Some(Scalar::Number(number)) if number.is_u64() => number.to_string(),
            // A float would have lost its digits: `1.10` reads as 1.1.
            Some(other) => {
                let found = match other {
                    Scalar::Number(number) => {
                        format!("{number}, a number whose digits may be lost (1.10 reads 1.1)")
                    }
                    other => other.to_string(),
                };
                return Err(FactsProblem::CycleName { at, found }.into());
            }
            None => {
                let found = "no \"cycle\" (or, in the v1 form, \"name\")".to_owned();
                return Err(FactsProblem::CycleName { at, found }.into());
            }
        };
        let day = |value: &Scalar, field: &'static str| {
            match value {
                Scalar::Text(text) => parse_date(text).ok(),
                _ => None,
            }
            .ok_or_else(|| {
                PolicyError::from(FactsProblem::CycleField {
                    cycle: name.clone(),
                    field,
                    found: value.to_string(),
                })
            })
        };
        let released = match &raw.released {
            Some(Scalar::Null) | None => {
                return Err(FactsProblem::CycleWithoutRelease { cycle: name }.into());
            }
            Some(value) => day(value, "releaseDate")?,
        };
        let lts = match &raw.lts {
            None | Some(Scalar::Null) => None,
            Some(Scalar::Bool(flag)) => Some(*flag),
            Some(value) => day(value, "lts").map(|_| Some(true))?,
        };
        let eol = match &raw.eol {
            None | Some(Scalar::Null | Scalar::Bool(_)) => None,
            Some(value) => Some(day(value, "eol")?),
        };
        let Ok(line) = parse_history_line(&name, self.kind) else {
            self.misfits.push((name, released));
            return Ok(());
        };
        let mut facts = LineFacts {
            released: Some(Origin {
                by: Witness::Cycle(line),
                date: released,
            }),
            lts,
            eol,
            ..LineFacts::default()
        };
        let latest = match &raw.latest {
            Some(Scalar::Text(latest)) => Version::parse(latest).ok().filter(|version| {
                version.pre.is_empty()
                    && version.build.is_empty()
                    && line.holds(version)
                    && *version != line.first_version()
            }),
            _ => None,
        };
        if let (Some(version), Some(date)) = (latest, &raw.latest_released) {
            let date = day(date, "latestReleaseDate")?;
            let origin = Origin {
                by: Witness::CycleLatest(line),
                date,
            };
            facts.patches.insert(version, origin);
        }
        let newest = facts.patches.values().map(|patch| patch.date).max();
        match self.facts.lines.get(&line) {
            Some(known) if *known == facts => return Ok(()),
            Some(_) => return Err(FactsProblem::CycleTwice { cycle: name }.into()),
            None => {}
        }
        self.facts.newest = self.facts.newest.max(Some(released)).max(newest);
        self.facts.lines.insert(line, facts);
        Ok(())
    }

    /// The facts, once the cycles numbered otherwise are left out when they
    /// are older than every line (a product renumbered, as Quarkus 0 and 1
    /// or .NET Core 3.1, is still the product) or refused.
    fn finish(mut self) -> Result<Facts, PolicyError> {
        let first = self
            .facts
            .lines
            .values()
            .filter_map(|line| line.released.as_ref().map(|origin| origin.date))
            .min();
        for (name, released) in self.misfits {
            if first.is_some_and(|first| released < first) {
                self.facts.ignored.push((name, Ignored::OlderNumbering));
            } else {
                return Err(PolicyError::from(FactsProblem::CycleNotALine {
                    cycle: name,
                    kind: self.kind,
                }));
            }
        }
        self.facts.check_release_order()?;
        Ok(self.facts)
    }
}

impl Facts {
    /// The releases an endoflife.date answer for one product records: its
    /// list form (`[{"cycle", "releaseDate", "lts", "eol", "latest",
    /// "latestReleaseDate", ...}]`) or its v1 form (`{"result": {"releases":
    /// [{"name", "releaseDate", "isLts", "eolFrom", "latest": {"name",
    /// "date"}}]}}`). `lts` true or a date declares a line LTS, false not;
    /// an `eol` date is an announced end (a boolean announces nothing);
    /// `latest` is a patch when it is a plain `MAJOR.MINOR.PATCH` of its
    /// line other than its `.0`. Other fields are skipped, and so are
    /// cycles numbered otherwise than the policy's lines that are older than
    /// all of them (Quarkus's `0` and `1`); any other such cycle is an
    /// error. A cycle given twice must say the same both times.
    ///
    /// # Errors
    /// [`PolicyError::NotJson`] for text that is not JSON;
    /// [`PolicyError::Facts`] for an empty answer or one of another shape,
    /// a date that is none, a cycle given twice with different facts, or a
    /// cycle that is not a line of `kind`, naming it.
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
    ///     "endoflife.date answer: cycle \"3\": no releaseDate",
    /// );
    /// ```
    pub fn from_endoflife(json: &str, kind: LineKind) -> Result<Self, PolicyError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        if json.trim().is_empty() {
            return Err(PolicyError::from(FactsProblem::EmptyAnswer));
        }
        let mut reading = Reading {
            kind,
            facts: Self::default(),
            misfits: Vec::new(),
            cycles: 0,
            problem: None,
        };
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let parsed = AnswerSeed(&mut reading)
            .deserialize(&mut deserializer)
            .and_then(|()| deserializer.end());
        if let Some(problem) = reading.problem.take() {
            return Err(problem);
        }
        match parsed {
            Ok(()) => reading.finish(),
            Err(err) if err.is_data() => Err(PolicyError::from(FactsProblem::AnswerShape(err))),
            Err(err) => Err(PolicyError::NotJson(err)),
        }
    }
}
