//! The policy file format, declared once: these structs are what a file is
//! read into (straight from the text when every value has its type, field
//! by field through [`super::collect`] to report every problem otherwise)
//! and what a policy is written back from. Every field is optional here;
//! which ones a policy needs, and what their values may be, is the
//! validators' to say (`rules.rs`, `fields.rs`, `terms.rs`, `support.rs`,
//! `flat.rs`, `history.rs`).

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::forward_to_deserialize_any;
use serde::{Deserialize, Serialize, Serializer};

use crate::policy::catalogue::product::Product;

/// The rule fields of a file, the one list of them: each one's key, its
/// type (the `Rule` of `rules/fields.rs`, on which its checking and
/// writing are written) and its form in a file, in the file's order. Hands the list to the macro `$then`, after `$args`:
/// the file's structs are declared with it here, and what reads and
/// writes their rule fields is made from it (`super::fields`).
macro_rules! rule_fields_in_file {
    ($then:ident! { $($args:tt)* }) => {
        $then! {
            $($args)*;
            new_major: NewMajorField = NewMajorFile,
            #[serde(borrow)] releases: ReleasesField = ScheduleFile<'a>,
            #[serde(borrow)] patches: PatchesField = PatchesFile<'a>,
            #[serde(borrow)] support: SupportField = SupportFile<'a>,
            #[serde(borrow)] active: ActiveField = SupportFile<'a>,
            #[serde(borrow)] lts: LtsField = LtsFile<'a>,
        }
    };
}
pub(crate) use rule_fields_in_file;

/// Declares a struct of the file: the fields given first, the rule
/// fields, then the fields given after.
macro_rules! file_struct {
    (
        $(#[$attr:meta])*
        pub(crate) struct $name:ident<'a> { $($before:tt)* }
        then { $($after:tt)*};
        $($(#[$rule_attr:meta])* $rule:ident: $field:ty = $file:ty,)*
    ) => {
        $(#[$attr])*
        pub(crate) struct $name<'a> {
            $($before)*
            $($(#[$rule_attr])* pub $rule: Option<$file>,)*
            $($after)*
        }
    };
}

rule_fields_in_file!(file_struct! {
    /// A policy file: the general form's fields, then the first (flat) form's.
    #[derive(Debug, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(crate) struct PolicyFile<'a> {
        #[serde(borrow)]
        pub name: Option<Text<'a>>,
        #[serde(borrow)]
        pub comment: Option<Text<'a>>,
        pub product: Option<Product>,
        #[serde(borrow)]
        pub lines: Option<Text<'a>>,
        #[serde(borrow)]
        pub line_prefix: Option<Text<'a>>,
    }
    then {
        #[serde(borrow)]
        pub changes: Option<Vec<ChangeFile<'a>>>,
        #[serde(borrow)]
        pub branch_template: Option<Text<'a>>,
        #[serde(borrow)]
        pub tag_prefix: Option<Text<'a>>,
        #[serde(borrow)]
        pub tags: Option<Vec<TagFile<'a>>>,
        #[serde(borrow)]
        pub history_as_of: Option<Text<'a>>,
        #[serde(borrow)]
        pub patches_as_of: Option<Text<'a>>,
        #[serde(borrow)]
        pub history: Option<Vec<EntryFile<'a>>>,
        #[serde(borrow)]
        pub release_weekday: Option<Text<'a>>,
        pub minor_every_months: Option<u64>,
        pub lts_every_months: Option<u64>,
        pub lts_support_months: Option<u64>,
        pub lts_in_parallel: Option<u64>,
    }
});

/// `new_major`: where the rules start a major.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewMajorFile {
    pub after_minor: Option<u64>,
    pub in_month: Option<u64>,
}

/// A schedule: one cadence, and a day rule.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScheduleFile<'a> {
    pub every_months: Option<u64>,
    pub every_weeks: Option<u64>,
    pub in_months: Option<Vec<u64>>,
    #[serde(borrow)]
    pub on: Option<DayFile<'a>>,
}

/// A support rule's terms.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SupportFile<'a> {
    pub months: Option<u64>,
    pub weeks: Option<u64>,
    pub days: Option<u64>,
    pub until_next: Option<u64>,
    pub grace_months: Option<u64>,
    pub grace_weeks: Option<u64>,
    pub grace_days: Option<u64>,
    #[serde(borrow)]
    pub round: Option<Text<'a>>,
    #[serde(borrow)]
    pub from: Option<Text<'a>>,
    #[serde(borrow)]
    pub last_of_major: Option<Box<SupportFile<'a>>>,
}

/// The LTS rule.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LtsFile<'a> {
    pub every: Option<u64>,
    pub every_months: Option<u64>,
    pub starts: Option<LtsStartFile>,
    #[serde(borrow)]
    pub support: Option<SupportFile<'a>>,
    #[serde(borrow)]
    pub active: Option<SupportFile<'a>>,
}

/// `lts.starts`: when an LTS line becomes LTS, if not on its release.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LtsStartFile {
    pub at_next: Option<u64>,
    pub months: Option<u64>,
}

rule_fields_in_file!(file_struct! {
    /// One of `changes`: the line from which it applies, and the rule fields
    /// it replaces.
    #[derive(Debug, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(crate) struct ChangeFile<'a> {
        #[serde(borrow)]
        pub from: Option<Text<'a>>,
    }
    then {}
});

/// One of the policy's own floating tags.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TagFile<'a> {
    #[serde(borrow)]
    pub name: Option<Text<'a>>,
    pub lts_only: Option<bool>,
}

/// One line of the history.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntryFile<'a> {
    #[serde(borrow)]
    pub line: Option<Text<'a>>,
    #[serde(borrow)]
    pub released: Option<Text<'a>>,
    #[serde(borrow)]
    pub lts: Option<FlagOrDateFile<'a>>,
    #[serde(borrow)]
    pub eol: Option<FlagOrDateFile<'a>>,
    #[serde(borrow)]
    pub active_until: Option<FlagOrDateFile<'a>>,
    #[serde(borrow)]
    pub extended_until: Option<FlagOrDateFile<'a>>,
    #[serde(borrow)]
    pub discontinued: Option<FlagOrDateFile<'a>>,
    #[serde(borrow)]
    pub patches: Option<Vec<PatchFile<'a>>>,
}

/// One recorded patch of a line.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PatchFile<'a> {
    #[serde(borrow)]
    pub version: Option<Text<'a>>,
    #[serde(borrow)]
    pub released: Option<Text<'a>>,
}

/// A string of a file, borrowed from its text where it has no escape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub(crate) struct Text<'a>(#[serde(borrow)] pub Cow<'a, str>);

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Self {
        Self(Cow::Borrowed(text))
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Self(Cow::Owned(text))
    }
}

/// The name a value of one of two kinds is deserialized under, so that a
/// reader reporting problems knows what it takes.
pub(crate) const DAY: &str = "Day";
/// See [`DAY`].
pub(crate) const PATCHES: &str = "Patches";
/// See [`DAY`].
pub(crate) const FLAG_OR_DATE: &str = "FlagOrDate";

/// A schedule's `on`: a weekday or an nth weekday (`"Tuesday"`, `"3rd
/// Thursday"`), or a day of the month (`15`).
#[derive(Debug)]
pub(crate) enum DayFile<'a> {
    Text(Text<'a>),
    Number(u64),
}

/// `patches`: `"recorded"`, or a schedule.
#[derive(Debug)]
pub(crate) enum PatchesFile<'a> {
    Text(Text<'a>),
    Schedule(ScheduleFile<'a>),
}

/// A history entry's `lts` (a flag, or the day the line became LTS) or
/// one of its ends (`eol`, `active_until`, `extended_until`,
/// `discontinued`: the day, or whether it has passed by the history's
/// `history_as_of`).
#[derive(Debug)]
pub(crate) enum FlagOrDateFile<'a> {
    Flag(bool),
    Date(Text<'a>),
}

/// Deserializes `$file`, a value of one of two kinds, one of them text
/// (borrowed where it can be, as `$file::$text`), under the newtype name
/// `$name` that tells a reader reporting problems what it takes; the
/// visitor's other methods read the other kind.
macro_rules! text_or {
    ($file:ident, $name:expr, $expecting:literal, $text:ident, { $($other:tt)* }) => {
        impl<'de: 'a, 'a> Deserialize<'de> for $file<'a> {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct TextOrVisitor;
                impl<'de> Visitor<'de> for TextOrVisitor {
                    type Value = $file<'de>;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_newtype_struct<D: Deserializer<'de>>(
                        self,
                        deserializer: D,
                    ) -> Result<Self::Value, D::Error> {
                        deserializer.deserialize_any(self)
                    }
                    fn visit_borrowed_str<E: de::Error>(
                        self,
                        text: &'de str,
                    ) -> Result<Self::Value, E> {
                        Ok($file::$text(text.into()))
                    }
                    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                        Ok($file::$text(text.to_owned().into()))
                    }
                    $($other)*
                }
                deserializer.deserialize_newtype_struct($name, TextOrVisitor)
            }
        }
    };
}

text_or!(
    FlagOrDateFile,
    FLAG_OR_DATE,
    "true, false or a date",
    Date,
    {
        fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Self::Value, E> {
            Ok(FlagOrDateFile::Flag(flag))
        }
    }
);

text_or!(DayFile, DAY, "a string or a whole number", Text, {
    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
        Ok(DayFile::Number(number))
    }
});

text_or!(PatchesFile, PATCHES, "a string or an object", Text, {
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        ScheduleFile::deserialize(MapAccessDeserializer::new(map)).map(PatchesFile::Schedule)
    }
});

impl Serialize for FlagOrDateFile<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Flag(flag) => serializer.serialize_bool(*flag),
            Self::Date(date) => serializer.serialize_str(date),
        }
    }
}

impl Serialize for DayFile<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(text) => serializer.serialize_str(text),
            Self::Number(number) => serializer.serialize_u64(*number),
        }
    }
}

impl Serialize for PatchesFile<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(text) => serializer.serialize_str(text),
            Self::Schedule(schedule) => schedule.serialize(serializer),
        }
    }
}

/// The fields of the object a value of two kinds may be, by the name it is
/// deserialized under: `patches`' schedule.
pub(crate) fn two_kinds_object(name: &str) -> &'static [&'static str] {
    match name {
        PATCHES => fields_of::<ScheduleFile>(),
        _ => &[],
    }
}

/// The fields of a declared struct, as its derive names them to the
/// deserializer.
pub(super) fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let fields = Cell::new(&[][..]);
    let _ = T::deserialize(FieldsProbe(&fields));
    fields.get()
}

/// A deserializer that only learns the fields a struct asks for.
struct FieldsProbe<'c>(&'c Cell<&'static [&'static str]>);

impl<'de> Deserializer<'de> for FieldsProbe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only a struct's fields are asked for"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.set(fields);
        self.deserialize_any(visitor)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}
