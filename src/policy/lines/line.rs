//! Lines: how a policy numbers them, and a line, by its numbers or its
//! name.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::numbers::{MAX_LINE_NUMBERS, Version};
use super::short::ShortNumbers;

/// How a policy numbers its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum LineKind {
    /// A line is `MAJOR.MINOR`; version `MAJOR.MINOR.PATCH` belongs to it.
    #[default]
    Minor,
    /// A line is `MAJOR`; every version `MAJOR.x.y` belongs to it.
    Major,
    /// A line is one to four numbers (`2`, `2.401`, `1.9.3`, `1.4.8.0`),
    /// and a version belongs to the longest line it starts with: Jenkins's
    /// `2.401.3` to `2.401`, its `2.100` to `2`.
    Dotted,
}

impl LineKind {
    /// The name a policy file gives it: `minor`, `major` or `dotted`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Minor => "minor",
            Self::Major => "major",
            Self::Dotted => "dotted",
        }
    }

    /// Whether a line of `depth` numbers is of this kind.
    #[must_use]
    pub fn fits(self, depth: usize) -> bool {
        match self {
            Self::Minor => depth == 2,
            Self::Major => depth == 1,
            Self::Dotted => (1..=MAX_LINE_NUMBERS).contains(&depth),
        }
    }
}

/// How lines are numbered: their kind, and the text before their numbers
/// where all have one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Numbering {
    /// The kind of lines.
    pub kind: LineKind,
    /// The text before every line's numbers (`cos-` of `cos-129`).
    pub prefix: Option<Arc<str>>,
}

impl Numbering {
    /// Lines of `kind`, without a prefix.
    #[must_use]
    pub fn of(kind: LineKind) -> Self {
        Self { kind, prefix: None }
    }
}

/// A release line: numbers (`1.3`, `22`, Ubuntu's `24.04` as written,
/// Jenkins's `2.401`, `1.4.8.0`), after the policy's text prefix where it
/// has one (`cos-129`); or, for a line known by name only (a device, an
/// edition: `fold`, `17-pro`), its name. Numbered lines are ordered by
/// their numbers (a line before the longer ones it starts: `2` before
/// `2.401`), named lines after them, by name. Answers hold many lines and
/// copy them often: a line of one or two numbers is 16 bytes and
/// allocates nothing, any other is one pointer.
#[derive(Clone)]
pub struct Line(Repr);

/// A line as it is kept: every line that fits [`ShortNumbers`] without a
/// prefix is `Short`, so that equal lines are kept alike.
#[derive(Clone)]
enum Repr {
    Short(ShortNumbers),
    Other(Arc<LineName>),
}

enum LineName {
    Numbered {
        prefix: Option<Arc<str>>,
        numbers: Version,
    },
    Named(Box<str>),
}

impl Line {
    /// The line `major.minor`.
    #[must_use]
    pub fn new(major: u64, minor: u64) -> Self {
        Self::of_numbers(None, Version::first_two(major, Some(minor)))
    }

    /// The line that is the whole major `major`, as Node.js 22.
    #[must_use]
    pub fn whole_major(major: u64) -> Self {
        Self::of_numbers(None, Version::first_two(major, None))
    }

    /// The line of `numbers` (one to four of them); `None` for more.
    #[must_use]
    pub fn numbered(numbers: Version) -> Option<Self> {
        (numbers.len() <= MAX_LINE_NUMBERS).then(|| Self::of_numbers(None, numbers))
    }

    fn of_numbers(prefix: Option<Arc<str>>, numbers: Version) -> Self {
        match (&prefix, ShortNumbers::of(&numbers)) {
            (None, Some(short)) => Self(Repr::Short(short)),
            _ => Self(Repr::Other(Arc::new(LineName::Numbered {
                prefix,
                numbers,
            }))),
        }
    }

    /// A line known by its name only, such as a device's.
    #[must_use]
    pub fn named(name: &str) -> Self {
        Self(Repr::Other(Arc::new(LineName::Named(name.into()))))
    }

    /// The same line after the policy's text `prefix` (a named line is
    /// left as it is).
    #[must_use]
    pub fn with_prefix(self, prefix: Option<&Arc<str>>) -> Self {
        match self.numbers() {
            Some(numbers) => Self::of_numbers(prefix.cloned(), numbers),
            None => self,
        }
    }

    /// Its prefix and numbers, or, for a line known by name only, its
    /// name.
    fn parts(&self) -> Result<(Option<&str>, Version), &str> {
        match &self.0 {
            Repr::Short(short) => Ok((None, short.version())),
            Repr::Other(name) => match &**name {
                LineName::Numbered { prefix, numbers } => Ok((prefix.as_deref(), *numbers)),
                LineName::Named(name) => Err(name),
            },
        }
    }

    /// Its numbers; `None` for a line known by name only.
    #[must_use]
    pub fn numbers(&self) -> Option<Version> {
        self.parts().ok().map(|(_, numbers)| numbers)
    }

    /// Its first number; `None` for a line known by name only.
    #[must_use]
    pub fn major(&self) -> Option<u64> {
        self.numbers().and_then(|numbers| numbers.number(0))
    }

    /// Its second number, when it has one.
    #[must_use]
    pub fn minor(&self) -> Option<u64> {
        self.numbers().and_then(|numbers| numbers.number(1))
    }

    /// How many numbers it has: 0 for a line known by name only.
    #[must_use]
    pub fn depth(&self) -> usize {
        self.numbers().as_ref().map_or(0, Version::len)
    }

    /// The text before its numbers, the policy's `line_prefix`.
    #[must_use]
    pub fn prefix(&self) -> Option<&str> {
        self.parts().ok().and_then(|(prefix, _)| prefix)
    }

    /// Its name, for a line known by name only.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.parts().err()
    }

    /// The `.0` release that opens the line, where lines are `kind`: its
    /// numbers followed by a zero where lines are dotted, as their records
    /// write versions (Jenkins's `2.0`, `2.401.0`, `1.9.3.0`), else to
    /// three numbers (`1.3.0`, `22.0.0`); `None` for a line known by name
    /// only.
    #[must_use]
    pub fn opening(&self, kind: LineKind) -> Option<Version> {
        let numbers = self.numbers()?;
        let len = match kind {
            LineKind::Dotted => numbers.len().saturating_add(1),
            LineKind::Minor | LineKind::Major => 3,
        };
        Some(numbers.padded(len))
    }

    /// Whether `version` is of the line: it starts with the line's numbers.
    #[must_use]
    pub fn holds(&self, version: &Version) -> bool {
        self.numbers()
            .is_some_and(|numbers| version.starts_with(&numbers))
    }

    /// Whether `version` is a patch of the line: of it, with a number
    /// after the line's own that is not zero. The line's opening, however
    /// many zeros it is written with (`20.0`, `20.0.0`), is not one.
    #[must_use]
    pub fn is_patch(&self, version: &Version) -> bool {
        self.holds(version)
            && version.numbers()[self.depth()..]
                .iter()
                .any(|&number| number != 0)
    }

    /// The line after it at its depth (`2.401` -> `2.402`, `22` -> `23`),
    /// with its prefix; `None` for a named line, or past `u64::MAX`.
    #[must_use]
    pub fn next(&self) -> Option<Self> {
        self.renumbered(|numbers| numbers.next())
    }

    /// The first line of the next major (`1.13` -> `2.0`), with its prefix
    /// and its numbers as wide; `None` for a named line, or past `u64::MAX`.
    #[must_use]
    pub fn next_major(&self) -> Option<Self> {
        self.renumbered(|numbers| {
            let major = numbers.number(0)?.checked_add(1)?;
            numbers.restarted(0, major)
        })
    }

    /// The line `count` after it at its depth (`2.401` -> `2.403` for 2);
    /// `None` for a named line, or past `u64::MAX`.
    #[must_use]
    pub fn plus_last(&self, count: u64) -> Option<Self> {
        // Projection's every step: short lines stay short without the
        // detour through a whole version.
        if let Repr::Short(short) = &self.0
            && let Some(next) = short.plus_last(count)
        {
            return Some(Self(Repr::Short(next)));
        }
        self.renumbered(|numbers| numbers.plus_last(count))
    }

    /// The line `minor` of the major `majors` after its own (`1.13` with
    /// 2 and 3 -> `3.3`), with its prefix and its numbers as wide; `None`
    /// for a line without two numbers, or past `u64::MAX`.
    #[must_use]
    pub fn in_major_after(&self, majors: u64, minor: u64) -> Option<Self> {
        self.renumbered(|numbers| {
            let major = numbers.number(0)?.checked_add(majors)?;
            numbers.restarted(0, major)?.restarted(1, minor)
        })
    }

    /// The numbered line `renumber` makes of its numbers, with its prefix.
    fn renumbered(&self, renumber: impl FnOnce(&Version) -> Option<Version>) -> Option<Self> {
        let numbers = renumber(&self.numbers()?)?;
        let prefix = self.prefix().map(Arc::from);
        Some(Self::of_numbers(prefix, numbers))
    }

    /// What it is compared by: numbered before named, then the prefix,
    /// the numbers' values and the name.
    fn key(&self) -> (bool, Option<&str>, Option<Version>, Option<&str>) {
        match self.parts() {
            Ok((prefix, numbers)) => (false, prefix, Some(numbers), None),
            Err(name) => (true, None, None, Some(name)),
        }
    }
}

impl PartialEq for Line {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Repr::Short(one), Repr::Short(two)) => one.key() == two.key(),
            // A short line is never kept otherwise.
            (Repr::Short(_), Repr::Other(_)) | (Repr::Other(_), Repr::Short(_)) => false,
            (Repr::Other(_), Repr::Other(_)) => self.key() == other.key(),
        }
    }
}

impl Eq for Line {}

impl PartialOrd for Line {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Line {
    fn cmp(&self, other: &Self) -> Ordering {
        match (&self.0, &other.0) {
            (Repr::Short(one), Repr::Short(two)) => one.key().cmp(&two.key()),
            _ => self.key().cmp(&other.key()),
        }
    }
}

impl Hash for Line {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.parts() {
            Ok((prefix, numbers)) => {
                f.write_str(prefix.unwrap_or_default())?;
                numbers.fmt(f)
            }
            Err(name) => f.write_str(name),
        }
    }
}

impl fmt::Debug for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Line({self})")
    }
}

/// How a line is kept in a binary form (the embedded policy's).
#[derive(Serialize, Deserialize)]
enum LineForm {
    Numbered(Option<String>, Version),
    Named(String),
}

/// A line is written as its text in a text format such as JSON (read back
/// as a history writes it, of any kind); with its prefix apart in a binary
/// one.
impl Serialize for Line {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return serializer.collect_str(self);
        }
        match self.parts() {
            Ok((prefix, numbers)) => LineForm::Numbered(prefix.map(str::to_owned), numbers),
            Err(name) => LineForm::Named(name.to_owned()),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let text = String::deserialize(deserializer)?;
            return text.parse().map_err(serde::de::Error::custom);
        }
        Ok(match LineForm::deserialize(deserializer)? {
            LineForm::Numbered(prefix, numbers) => Self::of_numbers(prefix.map(Arc::from), numbers),
            LineForm::Named(name) => Self::named(&name),
        })
    }
}

impl fmt::Display for LineKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
