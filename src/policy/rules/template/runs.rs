//! How the names a template makes cut into runs, where digits meet other
//! characters: each name a sequence of runs, each all digits or all other
//! characters.
//!
//! A placeholder shows a number of the line: digits, `0` or not starting
//! with `0`. It writes at least one digit, and only digits, so a template
//! cuts the same way whatever the line: its k-th run (literal digits and
//! placeholders with no other character between them, or literal text
//! without a digit) writes the k-th run of every name it makes. Two names
//! are one text exactly when they have as many runs, their text runs are
//! equal, and each pair of digit runs writes the same digits.
//!
//! `tag` also reads numbers written with leading zeros (`24.04`), as the
//! numbers they write: in the shapes it reads, a number may be any digits.

use crate::policy::lines::line::LineKind;
use crate::policy::lines::numbers::MAX_NUMBERS;

/// A piece of a template: literal text, or a placeholder for a number.
#[derive(Debug, Clone, Copy)]
pub(super) enum Piece<'t> {
    Text(&'t str),
    Number(Number),
}

/// A number of a version, as a name shows it: a line is its major, or its
/// major and minor, or, where lines are dotted, all its numbers together;
/// the names `tag` reads may add more (a patch and further numbers, which
/// are no line's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Number {
    Major,
    Minor,
    /// A number after a line's, one of a version's.
    More,
    /// A dotted line's numbers, `2` or `2.401`: digits and dots.
    Line,
}

impl Number {
    /// The numbers of a line of `kind`.
    pub(super) fn of_lines(kind: LineKind) -> &'static [Self] {
        match kind {
            LineKind::Minor => &[Self::Major, Self::Minor],
            LineKind::Major => &[Self::Major],
            LineKind::Dotted => &[Self::Line],
        }
    }

    pub(super) fn placeholder(self) -> &'static str {
        match self {
            Self::Major => "{major}",
            Self::Minor => "{minor}",
            Self::More => "{patch}",
            Self::Line => "{line}",
        }
    }
}

/// One run of the names a template makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Run {
    /// Text without digits, the same in every name.
    Text(String),
    /// Digits: a number, if any, between literal digits.
    Digits(Digits),
    /// A dotted line's numbers, which every other run is kept apart from
    /// by text that holds neither digit nor dot (checked where names are
    /// compared: [`super::names::Names::for_tags`]).
    Line,
}

/// A digit run: literal digits, and at most one number among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Digits {
    /// The literal digits before the number (all of them, without one).
    pub(super) before: String,
    pub(super) number: Option<Number>,
    /// The literal digits after the number.
    pub(super) after: String,
    /// Whether the number may be written with leading zeros, as `tag`
    /// reads numbers; a template's never are.
    pub(super) padded: bool,
}

impl Digits {
    /// The number the run holds where it writes `digits`: `Some(None)` for
    /// a run without one that is those digits, `None` where it cannot write
    /// them.
    pub(super) fn read<'w>(&self, digits: &'w str) -> Option<Option<&'w str>> {
        if self.number.is_none() {
            return (digits == self.before).then_some(None);
        }
        let number = digits
            .strip_prefix(self.before.as_str())?
            .strip_suffix(self.after.as_str())?;
        let written = match self.padded {
            true => !number.is_empty(),
            false => number == "0" || !(number.is_empty() || number.starts_with('0')),
        };
        written.then_some(Some(number))
    }

    /// Digits both runs write, if any do: enough of them to find every
    /// meeting and its freedom (see the module's documentation).
    pub(super) fn candidates(&self, other: &Self) -> Vec<String> {
        match (self.number, other.number) {
            (None, _) => vec![self.before.clone()],
            (_, None) => vec![other.before.clone()],
            (Some(_), Some(_)) => {
                fn longer<'a>(one: &'a str, other: &'a str) -> &'a str {
                    if one.len() < other.len() { other } else { one }
                }
                let before = longer(&self.before, &other.before);
                let after = longer(&self.after, &other.after);
                vec![
                    format!("{before}1{after}"),
                    format!("{before}2{after}"),
                    format!("{}0{}", self.before, self.after),
                    format!("{}0{}", other.before, other.after),
                ]
            }
        }
    }
}

/// The runs of a template cut so far.
#[derive(Default)]
pub(super) struct Cutter {
    runs: Vec<Run>,
    digits: Option<Digits>,
}

impl Cutter {
    pub(super) fn char(&mut self, c: char) {
        if c.is_ascii_digit() {
            let digits = self.digits.get_or_insert_with(Digits::default);
            match digits.number {
                Some(_) => digits.after.push(c),
                None => digits.before.push(c),
            }
            return;
        }
        self.runs.extend(self.digits.take().map(Run::Digits));
        match self.runs.last_mut() {
            Some(Run::Text(text)) => text.push(c),
            _ => self.runs.push(Run::Text(c.to_string())),
        }
    }

    /// Places a number; with one already in its run, that number and the
    /// digits between them.
    pub(super) fn number(&mut self, number: Number) -> Result<(), (Number, String)> {
        let digits = self.digits.get_or_insert_with(Digits::default);
        match digits.number {
            Some(first) => Err((first, digits.after.clone())),
            None => {
                digits.number = Some(number);
                Ok(())
            }
        }
    }

    /// Places a dotted line's numbers, a run of their own.
    pub(super) fn line(&mut self) {
        self.runs.extend(self.digits.take().map(Run::Digits));
        self.runs.push(Run::Line);
    }

    pub(super) fn runs(mut self) -> Vec<Run> {
        self.runs.extend(self.digits.take().map(Run::Digits));
        self.runs
    }
}

/// The names `tag` reads as a line's own tag, as runs: an optional `v`,
/// then the line's numbers and optionally more, eight numbers at most, split by
/// `.` (`VersionInput::parse`). Where lines are dotted, `tag` reads numbers
/// as the longest line they start with, so a line's numbers alone, as a
/// run of their own, are the names it reads as a line's.
pub(super) fn version_shapes(kind: LineKind) -> impl Iterator<Item = Vec<Run>> {
    let numbers: Vec<Vec<Run>> = match kind {
        LineKind::Dotted => vec![vec![Run::Line]],
        LineKind::Minor | LineKind::Major => {
            let least = Number::of_lines(kind).len();
            (least..=MAX_NUMBERS)
                .map(|count| {
                    let number = |number| {
                        Run::Digits(Digits {
                            number: Some(number),
                            padded: true,
                            ..Digits::default()
                        })
                    };
                    let mut runs = vec![number(Number::Major)];
                    for at in 1..count {
                        let more = if at == 1 { Number::Minor } else { Number::More };
                        runs.extend([Run::Text(".".to_owned()), number(more)]);
                    }
                    runs
                })
                .collect()
        }
    };
    ["", "v"].into_iter().flat_map(move |prefix| {
        numbers.clone().into_iter().map(move |mut runs| {
            if !prefix.is_empty() {
                runs.insert(0, Run::Text(prefix.to_owned()));
            }
            runs
        })
    })
}
