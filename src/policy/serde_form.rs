//! How the model's values are written with serde: as the text a policy
//! file holds them in, in a text format such as JSON; as plain numbers in
//! a binary one such as the embedded policy's (`embedded.rs`), which a
//! start decodes without parsing text. It imports nothing of the model.

/// Implements `Serialize` and `Deserialize` for types that users write as
/// text, through their `Display` and `FromStr`: a template is its text, as
/// in a policy file, and reading one back checks it as that text is checked.
macro_rules! serde_as_text {
    ($($type:ty),+) => {$(
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )+};
}
pub(crate) use serde_as_text;

/// The form of the model's dates in serde (`#[serde(with = ...)]`):
/// `YYYY-MM-DD` in a text format such as JSON, as a policy file writes
/// them; the day number in a binary one such as the embedded policy's
/// (`embedded.rs`), which a start decodes without parsing text.
pub(crate) mod date_form {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

    pub(crate) fn serialize<S: Serializer>(
        date: &NaiveDate,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        Form(*date).serialize(serializer)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NaiveDate, D::Error> {
        Form::deserialize(deserializer).map(|form| form.0)
    }

    /// The same form, for a date that may be absent.
    pub(crate) mod option {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        use super::Form;

        #[allow(clippy::ref_option)] // serde hands `with` a reference to the field
        pub(crate) fn serialize<S: Serializer>(
            date: &Option<NaiveDate>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            date.map(Form).serialize(serializer)
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            Option::<Form>::deserialize(deserializer).map(|form| form.map(|form| form.0))
        }
    }

    struct Form(NaiveDate);

    impl Serialize for Form {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            if serializer.is_human_readable() {
                serializer.collect_str(&self.0)
            } else {
                // The year and the day in it: chrono builds a date from
                // them with a table lookup, where a day number takes a
                // division into 400-year cycles.
                (self.0.year(), self.0.ordinal()).serialize(serializer)
            }
        }
    }

    impl<'de> Deserialize<'de> for Form {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let date = if deserializer.is_human_readable() {
                String::deserialize(deserializer)?.parse().ok()
            } else {
                let (year, ordinal) = <(i32, u32)>::deserialize(deserializer)?;
                NaiveDate::from_yo_opt(year, ordinal)
            };
            date.map(Self)
                .ok_or_else(|| de::Error::custom("not a date the model can hold"))
        }
    }
}
