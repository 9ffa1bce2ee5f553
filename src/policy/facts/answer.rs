//! The shape of an endoflife.date answer, in either of its forms, read as
//! it is parsed: each cycle's few fields are taken as they come and handed
//! on, and everything else is skipped unbuilt, so that memory stays within
//! a small multiple of the answer, whatever it holds.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::scalar::{Expects, Scalar, ScalarVisitor, refuse_scalars, wrong};

/// What takes the cycles of an answer one by one: `false` refuses one,
/// which stops the reading; and the v1 form's `generated_at`.
pub(super) trait TakeCycle {
    fn take(&mut self, cycle: RawCycle) -> bool;
    fn generated_at(&mut self, at: Scalar);
}

/// What the two forms of an answer are, for messages.
const ANSWER: &str = "a list of cycles, or {\"result\": {\"releases\": [...]}}";

/// What a cycle is, for messages.
const CYCLE: &str = "a cycle, an object";

/// What the v1 form's result is, for messages.
const RESULT: &str = "a result, {\"releases\": [...]}";

/// The fields of one cycle the reader uses, in either form.
#[derive(Debug, Default, PartialEq)]
pub(super) struct RawCycle<'a> {
    pub(super) name: Option<Scalar<'a>>,
    pub(super) released: Option<Scalar<'a>>,
    pub(super) lts: Option<Scalar<'a>>,
    /// The v1 form's `ltsFrom`; the list form dates it in `lts`.
    pub(super) lts_from: Option<Scalar<'a>>,
    pub(super) eol: RawEnd<'a>,
    /// The end of active support: `support` (a product file's `eoas`), or
    /// the v1 form's `isEoas` and `eoasFrom`.
    pub(super) support: RawEnd<'a>,
    /// The end of extended support: `extendedSupport` (`eoes`), or the v1
    /// form's `isEoes` and `eoesFrom`.
    pub(super) extended: RawEnd<'a>,
    /// The end of sales: `discontinued`, or the v1 form's
    /// `isDiscontinued` and `discontinuedFrom`.
    pub(super) discontinued: RawEnd<'a>,
    pub(super) latest: Option<Scalar<'a>>,
    pub(super) latest_released: Option<Scalar<'a>>,
    /// The export's mark of a cycle the rules project.
    pub(super) projected: Option<Scalar<'a>>,
}

/// An end as an answer gives it: the list form's one value (a date, or
/// whether it has passed), or the v1 form's flag and date apart.
#[derive(Debug, Default, PartialEq)]
pub(super) struct RawEnd<'a> {
    pub(super) value: Option<Scalar<'a>>,
    /// The v1 form's `isEol`, `isEoas`, ...: whether it has passed.
    pub(super) passed: Option<Scalar<'a>>,
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
                (Form::List, "cycle" | "releaseCycle") | (Form::V1, "name") => &mut cycle.name,
                (_, "releaseDate") => &mut cycle.released,
                (Form::List, "lts") | (Form::V1, "isLts") => &mut cycle.lts,
                (Form::V1, "ltsFrom") => &mut cycle.lts_from,
                (Form::List, "eol") | (Form::V1, "eolFrom") => &mut cycle.eol.value,
                (Form::V1, "isEol") => &mut cycle.eol.passed,
                (Form::List, "support" | "eoas") | (Form::V1, "eoasFrom") => {
                    &mut cycle.support.value
                }
                (Form::V1, "isEoas") => &mut cycle.support.passed,
                (Form::List, "extendedSupport" | "eoes") | (Form::V1, "eoesFrom") => {
                    &mut cycle.extended.value
                }
                (Form::V1, "isEoes") => &mut cycle.extended.passed,
                (Form::List, "discontinued") | (Form::V1, "discontinuedFrom") => {
                    &mut cycle.discontinued.value
                }
                (Form::V1, "isDiscontinued") => &mut cycle.discontinued.passed,
                (Form::List, "latest") => &mut cycle.latest,
                (Form::List, "latestReleaseDate") => &mut cycle.latest_released,
                (Form::List, "projected") => &mut cycle.projected,
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

/// A list of cycles, each read as it is parsed.
struct Cycles<'r>(&'r mut dyn TakeCycle, Form);

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
            if !reading.take(cycle) {
                return Err(de::Error::custom("a cycle of the answer is refused"));
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
pub(super) struct AnswerSeed<'r>(pub(super) &'r mut dyn TakeCycle);

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

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Self(reading) = self;
        let mut result = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match key.as_ref() {
                "result" if !result => {
                    result = true;
                    let releases = OneField {
                        name: "releases",
                        expected: RESULT,
                        missing: "a result without \"releases\"",
                        value: Cycles(&mut *reading, Form::V1),
                    };
                    map.next_value_seed(releases)?;
                }
                "generated_at" => reading.generated_at(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if result {
            Ok(())
        } else {
            Err(de::Error::custom(format!(
                "expected {ANSWER}, got no \"result\""
            )))
        }
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
