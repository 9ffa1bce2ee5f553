//! The direct writer against serde_json's, on every kind of value it
//! writes: the same bytes, compact and indented.

use chrono::NaiveDate;

use lts_policy::PolicyError;

use super::{Fields, IsoDate, Object, Shown, Stream, direct, json_object, key, write};

/// A value of each kind, and one object in another.
struct Sample {
    text: &'static str,
    shown: Shown<f64>,
    dates: [IsoDate; 3],
    nothing: Option<IsoDate>,
    left_out: Option<i64>,
    number: Option<i64>,
    count: u32,
    flag: bool,
    inner: Option<Inner>,
    empty: Empty,
    items: Stream<std::vec::IntoIter<Result<Inner, PolicyError>>>,
}

struct Inner {
    date: IsoDate,
}

/// An object whose fields are all left out.
struct Empty;

impl Object for Sample {
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error> {
        fields.field(key!("text"), self.text)?;
        fields.field(key!("shown"), &self.shown)?;
        let dates = self.dates.map(Ok::<_, PolicyError>).into_iter();
        fields.field(key!("dates"), &Stream::new(dates))?;
        fields.field(key!("nothing"), &self.nothing)?;
        fields.some(key!("left_out"), &self.left_out)?;
        fields.some(key!("number"), &self.number)?;
        fields.field(key!("count"), &self.count)?;
        fields.field(key!("flag"), &self.flag)?;
        fields.field(key!("inner"), &self.inner)?;
        fields.field(key!("empty"), &self.empty)?;
        fields.field(key!("items"), &self.items)
    }
}

impl Object for Inner {
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error> {
        fields.field(key!("date"), &self.date)
    }
}

impl Object for Empty {
    fn fields<F: Fields>(&self, fields: &mut F) -> Result<(), F::Error> {
        fields.skip(key!("none"))
    }
}

json_object!(Sample => "Sample", Inner => "Inner", Empty => "Empty");

fn sample() -> Sample {
    let day = |year, month, day| IsoDate(NaiveDate::from_ymd_opt(year, month, day).unwrap());
    Sample {
        // What serde_json escapes, and what the layout escapes besides.
        text: "a \"quote\", a \\, a tab\t, DEL \u{7f}, C1 \u{85}, bidi \u{202e}, é",
        shown: Shown(1.5),
        dates: [day(2026, 3, 9), day(10000, 1, 11), day(-1, 12, 31)],
        nothing: None,
        left_out: None,
        number: Some(-42),
        count: 7,
        flag: true,
        inner: Some(Inner {
            date: day(999, 1, 1),
        }),
        empty: Empty,
        items: Stream::new(
            vec![
                Ok(Inner {
                    date: day(2027, 12, 31),
                }),
                Ok(Inner { date: day(1, 2, 3) }),
            ]
            .into_iter(),
        ),
    }
}

fn written(document: &impl super::Document, pretty: bool) -> String {
    let mut out = Vec::new();
    write(document, pretty, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_direct_writer_writes_what_serde_writes() {
    for pretty in [false, true] {
        assert_eq!(
            written(&direct(sample()), pretty),
            written(&sample(), pretty),
            "pretty: {pretty}"
        );
    }
    assert_eq!(
        written(&direct(sample()), false),
        "{\"text\":\"a \\\"quote\\\", a \\\\, a tab\\t, DEL \\u007f, C1 \\u0085, bidi \\u202e, é\",\
         \"shown\":\"1.5\",\"dates\":[\"2026-03-09\",\"+10000-01-11\",\"-0001-12-31\"],\
         \"nothing\":null,\"number\":-42,\"count\":7,\"flag\":true,\
         \"inner\":{\"date\":\"0999-01-01\"},\"empty\":{},\
         \"items\":[{\"date\":\"2027-12-31\"},{\"date\":\"0001-02-03\"}]}\n"
    );
}

#[test]
fn a_date_in_text_is_chronos() {
    for (year, month, day) in [(2026, 3, 9), (10000, 1, 11), (-1, 12, 31), (0, 1, 1)] {
        let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
        assert_eq!(IsoDate(date).to_string(), date.to_string());
    }
}
