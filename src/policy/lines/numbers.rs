//! Dotted numbers as their sources write them: one to eight numbers
//! separated by dots, each kept with the digits it was written with
//! (`24.04.1`, `1.4.8.0`). Versions are these; lines are one to four of
//! them. This module imports nothing of the model.

use std::cmp::Ordering;
use std::error::Error;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// The most numbers a version holds. Release records go as deep as five
/// (Amazon Linux's `2018.03.0.20231218.0`) and six; a line has at most
/// [`MAX_LINE_NUMBERS`].
pub const MAX_NUMBERS: usize = 8;

/// The most numbers a release line holds (`1.4.8.0`, Amazon Neptune).
pub const MAX_LINE_NUMBERS: usize = 4;

/// A version: one to [`MAX_NUMBERS`] numbers separated by dots, each kept
/// with the digits it was written with, so that Ubuntu's `24.04` stays
/// `24.04`. Two versions are equal, and ordered, by their numbers alone
/// (`24.04` is `24.4`), number by number; a version comes before the
/// longer ones it starts (`2` before `2.401`, `1.3` before `1.3.0`).
///
/// # Examples
/// ```
/// use lts_policy::Version;
/// let ubuntu: Version = "24.04.1".parse().unwrap();
/// assert_eq!(ubuntu.to_string(), "24.04.1");
/// assert_eq!(ubuntu.numbers(), [24, 4, 1]);
/// assert!("2.401".parse::<Version>().unwrap() > "2".parse().unwrap());
/// assert!("2.401".parse::<Version>().unwrap() < "2.500".parse().unwrap());
/// // The next number keeps the width it was written with.
/// let next = "26.04".parse::<Version>().unwrap().next().unwrap();
/// assert_eq!(next.to_string(), "26.05");
/// ```
#[derive(Clone, Copy)]
pub struct Version {
    pub(super) numbers: [u64; MAX_NUMBERS],
    /// How many digits each number was written with (at least its own).
    pub(super) widths: [u8; MAX_NUMBERS],
    pub(super) len: u8,
}

impl Version {
    /// The version `major.minor.patch`.
    #[must_use]
    pub fn new(major: u64, minor: u64, patch: u64) -> Self {
        Self::first([major, minor, patch], 3)
    }

    /// The version `major`, or `major.minor`.
    pub(crate) const fn first_two(major: u64, minor: Option<u64>) -> Self {
        match minor {
            Some(minor) => Self::first([major, minor, 0], 2),
            None => Self::first([major, 0, 0], 1),
        }
    }

    /// The version of the first `len` (1 to 3) of `numbers`.
    pub(crate) const fn first(numbers: [u64; 3], len: u8) -> Self {
        let mut all = [0; MAX_NUMBERS];
        all[0] = numbers[0];
        all[1] = numbers[1];
        all[2] = numbers[2];
        Self {
            numbers: all,
            widths: [1; MAX_NUMBERS],
            len,
        }
    }

    /// The version of `numbers`, each written without a leading zero;
    /// `None` for none, or more than [`MAX_NUMBERS`].
    #[must_use]
    pub fn from_numbers(numbers: &[u64]) -> Option<Self> {
        if numbers.is_empty() || numbers.len() > MAX_NUMBERS {
            return None;
        }
        let mut version = Self {
            numbers: [0; MAX_NUMBERS],
            widths: [1; MAX_NUMBERS],
            len: u8::try_from(numbers.len()).ok()?,
        };
        version.numbers[..numbers.len()].copy_from_slice(numbers);
        Some(version)
    }

    /// Parses dot-separated numbers, as written: digits only, leading
    /// zeros kept.
    ///
    /// # Errors
    /// [`NumbersError`] naming the first thing wrong.
    pub fn parse_numbers(text: &str) -> Result<Self, NumbersError> {
        let mut version = Self {
            numbers: [0; MAX_NUMBERS],
            widths: [1; MAX_NUMBERS],
            len: 0,
        };
        for (at, part) in text.split('.').enumerate() {
            if at == MAX_NUMBERS {
                return Err(NumbersError::TooMany);
            }
            if part.is_empty() {
                return Err(NumbersError::Empty { at });
            }
            if let Some(stray) = part.chars().find(|c| !c.is_ascii_digit()) {
                return Err(NumbersError::NotADigit { at, found: stray });
            }
            version.numbers[at] = part.parse().map_err(|_| NumbersError::TooLarge { at })?;
            // A u64 has at most 20 digits; zeros before them are kept too,
            // up to a width a byte holds: more is no one's numbering.
            version.widths[at] =
                u8::try_from(part.len()).map_err(|_| NumbersError::TooWide { at })?;
            version.len += 1;
        }
        Ok(version)
    }

    /// Its numbers.
    #[must_use]
    pub fn numbers(&self) -> &[u64] {
        &self.numbers[..usize::from(self.len)]
    }

    /// How many numbers it has.
    #[must_use]
    #[allow(clippy::len_without_is_empty)] // never empty
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Its `at`-th number (from 0), if it has one.
    #[must_use]
    pub fn number(&self, at: usize) -> Option<u64> {
        self.numbers().get(at).copied()
    }

    /// Its `at`-th number (from 0) with the digits it was written with,
    /// if it has one: `04` of `24.04`.
    #[must_use]
    pub fn written(&self, at: usize) -> Option<impl fmt::Display> {
        (at < self.len()).then(|| Written {
            number: self.numbers[at],
            width: self.widths[at],
        })
    }

    /// Whether its numbers begin with all of `start`'s.
    #[must_use]
    pub fn starts_with(&self, start: &Self) -> bool {
        self.numbers().starts_with(start.numbers())
    }

    /// Its first `len` numbers, as written; `None` when it has fewer.
    #[must_use]
    pub fn truncated(&self, len: usize) -> Option<Self> {
        if len == 0 || len > self.len() {
            return None;
        }
        let mut first = *self;
        first.len = u8::try_from(len).ok()?;
        first.numbers[len..].fill(0);
        first.widths[len..].fill(1);
        Some(first)
    }

    /// Itself, with zeros after its numbers up to `len` of them.
    #[must_use]
    pub fn padded(&self, len: usize) -> Self {
        let mut padded = *self;
        padded.len = u8::try_from(len.clamp(self.len(), MAX_NUMBERS)).unwrap_or(self.len);
        padded
    }

    /// Itself with `number` after its numbers, `None` past [`MAX_NUMBERS`].
    #[must_use]
    pub fn then(&self, number: u64) -> Option<Self> {
        if self.len() == MAX_NUMBERS {
            return None;
        }
        let mut longer = *self;
        longer.numbers[self.len()] = number;
        longer.widths[self.len()] = 1;
        longer.len += 1;
        Some(longer)
    }

    /// Itself with its `at`-th number (from 0) `number`, and the numbers
    /// after it zero; each of them keeps the width it was written with
    /// where that was zero-padded (Ubuntu's `24.04` restarts as `25.04`),
    /// and is written plainly where it was not (`3.14` restarts as `4.0`,
    /// not `4.00`); `None` when it has no such number.
    #[must_use]
    pub fn restarted(&self, at: usize, number: u64) -> Option<Self> {
        if at >= self.len() {
            return None;
        }
        let mut restarted = *self;
        restarted.numbers[at] = number;
        restarted.numbers[at + 1..].fill(0);
        for changed in at..self.len() {
            let padded = self.widths[changed] > digits(self.numbers[changed]);
            if !padded {
                restarted.widths[changed] = 1;
            }
        }
        Some(restarted)
    }

    /// The version after it: its last number plus one, written as wide;
    /// `None` past `u64::MAX`.
    #[must_use]
    pub fn next(&self) -> Option<Self> {
        self.plus_last(1)
    }

    /// Its last number plus `count`, written as wide; `None` past `u64::MAX`.
    #[must_use]
    pub fn plus_last(&self, count: u64) -> Option<Self> {
        let mut next = *self;
        let last = self.len() - 1;
        next.numbers[last] = self.numbers[last].checked_add(count)?;
        Some(next)
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.numbers() == other.numbers()
    }
}

impl Eq for Version {}

impl Hash for Version {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.numbers().hash(state);
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.numbers().cmp(other.numbers())
    }
}

/// How many decimal digits `number` takes.
fn digits(number: u64) -> u8 {
    // At most 20: u64::MAX has 20 digits.
    let digits = number.checked_ilog10().map_or(1, |log| log + 1);
    u8::try_from(digits).unwrap_or(u8::MAX)
}

/// A number with the digits it was written with.
struct Written {
    number: u64,
    width: u8,
}

impl fmt::Display for Written {
    /// The digits by hand, not by `{:0width$}`: every line a calendar
    /// writes is written with these, and the formatting machinery costs
    /// several times as much.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = [0; 20];
        let mut start = text.len();
        let mut rest = self.number;
        while rest > 0 || start == text.len() {
            start -= 1;
            text[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        for _ in text.len() - start..usize::from(self.width) {
            f.write_str("0")?;
        }
        f.write_str(std::str::from_utf8(&text[start..]).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for at in 0..self.len() {
            if at > 0 {
                f.write_str(".")?;
            }
            Written {
                number: self.numbers[at],
                width: self.widths[at],
            }
            .fmt(f)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Version({self})")
    }
}

impl std::str::FromStr for Version {
    type Err = NumbersError;

    /// As [`Version::parse_numbers`].
    fn from_str(input: &str) -> Result<Self, NumbersError> {
        Self::parse_numbers(input)
    }
}

/// A version is written as its text in a text format such as JSON; as its
/// numbers and their widths in a binary one (the embedded policy's), which
/// a start decodes without parsing text.
impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            // Each number with its width: read back without an allocation.
            let written = self.numbers().iter().zip(&self.widths);
            serializer.collect_seq(written)
        }
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            return String::deserialize(deserializer)?
                .parse()
                .map_err(de::Error::custom);
        }
        deserializer.deserialize_seq(WrittenNumbers)
    }
}

/// Reads a version's binary form: its numbers, each with its width.
struct WrittenNumbers;

impl<'de> de::Visitor<'de> for WrittenNumbers {
    type Value = Version;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one to {MAX_NUMBERS} numbers, each with its width")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Version, A::Error> {
        let mut version = Version {
            numbers: [0; MAX_NUMBERS],
            widths: [1; MAX_NUMBERS],
            len: 0,
        };
        while let Some((number, width)) = seq.next_element::<(u64, u8)>()? {
            let at = usize::from(version.len);
            if at == MAX_NUMBERS {
                return Err(de::Error::invalid_length(at + 1, &self));
            }
            version.numbers[at] = number;
            version.widths[at] = width;
            version.len += 1;
        }
        if version.len == 0 {
            return Err(de::Error::invalid_length(0, &self));
        }
        Ok(version)
    }
}

/// What is wrong with dot-separated numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumbersError {
    /// More than [`MAX_NUMBERS`] numbers.
    TooMany,
    /// No digits between two dots, or at an end.
    Empty {
        /// Which number (from 0).
        at: usize,
    },
    /// A character that is no ASCII digit.
    NotADigit {
        /// Which number (from 0).
        at: usize,
        /// The character.
        found: char,
    },
    /// A number past `u64::MAX`.
    TooLarge {
        /// Which number (from 0).
        at: usize,
    },
    /// A number written with more digits, zeros before it included, than
    /// a width is kept in (255).
    TooWide {
        /// Which number (from 0).
        at: usize,
    },
}

/// `first`, `second`, ... for the number at `at`.
fn ordinal(at: usize) -> &'static str {
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    ]
    .get(at)
    .copied()
    .unwrap_or("last")
}

impl fmt::Display for NumbersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::TooMany => write!(f, "more than {MAX_NUMBERS} numbers"),
            Self::Empty { at } => write!(f, "the {} number is empty", ordinal(at)),
            Self::NotADigit { at, found } => write!(
                f,
                "unexpected character {found:?} in the {} number",
                ordinal(at)
            ),
            Self::TooLarge { at } => {
                write!(f, "the {} number is past {}", ordinal(at), u64::MAX)
            }
            Self::TooWide { at } => write!(
                f,
                "the {} number is written with more than {} digits",
                ordinal(at),
                u8::MAX
            ),
        }
    }
}

impl Error for NumbersError {}
