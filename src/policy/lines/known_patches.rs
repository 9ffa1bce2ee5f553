//! A line's recorded patches, as the history holds them: a list, read from
//! a policy file; or, in the embedded catalogue, a run of bytes decoded the
//! first time the patches are read. A start decodes the one product asked
//! for, and most questions read the patches of a few of its lines: Node.js
//! has 640 patches over 26 lines, about 120 instructions each to decode,
//! where `supported` reads those of the four lines it lists. The newest
//! patch's day is kept beside the bytes, since every policy needs it (the
//! day its patch record is complete up to).

use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::numbers::{MAX_NUMBERS, Version};
use crate::policy::serde_form::date_form;

/// A patch release recorded in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KnownPatch {
    /// Its version, of the line it is recorded under.
    pub version: Version,
    /// The day it came out.
    #[serde(with = "date_form")]
    pub released: NaiveDate,
}

/// A line's recorded patches, in the order the history lists them; a
/// slice of [`KnownPatch`] to read.
#[derive(Clone, Default)]
pub struct KnownPatches {
    /// The patches, once decoded or as given.
    decoded: OnceLock<Vec<KnownPatch>>,
    /// The embedded catalogue's bytes for them, until they are read.
    encoded: Box<[u8]>,
    /// The day the newest of them came out.
    newest: Option<NaiveDate>,
}

impl KnownPatches {
    /// The day the newest patch came out, without reading the others.
    #[must_use]
    pub fn newest_day(&self) -> Option<NaiveDate> {
        self.newest
    }
}

impl Deref for KnownPatches {
    type Target = [KnownPatch];

    fn deref(&self) -> &[KnownPatch] {
        // Only the build writes the bytes, and a test decodes every
        // product's: a run that did not decode would read as no patches.
        self.decoded
            .get_or_init(|| read(&self.encoded).unwrap_or_default())
    }
}

impl From<Vec<KnownPatch>> for KnownPatches {
    fn from(patches: Vec<KnownPatch>) -> Self {
        Self {
            newest: patches.iter().map(|patch| patch.released).max(),
            decoded: OnceLock::from(patches),
            encoded: Box::default(),
        }
    }
}

impl FromIterator<KnownPatch> for KnownPatches {
    fn from_iter<I: IntoIterator<Item = KnownPatch>>(patches: I) -> Self {
        patches.into_iter().collect::<Vec<_>>().into()
    }
}

impl<'p> IntoIterator for &'p KnownPatches {
    type Item = &'p KnownPatch;
    type IntoIter = std::slice::Iter<'p, KnownPatch>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for KnownPatches {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for KnownPatches {}

impl fmt::Debug for KnownPatches {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// In a text format such as JSON, a list of patches, as a policy file
/// holds them; in a binary one (the embedded catalogue's), one run of
/// bytes: the newest patch's day, then the patches (nothing at all for
/// none).
impl Serialize for KnownPatches {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return (**self).serialize(serializer);
        }
        let mut bytes = Vec::new();
        if let Some(newest) = self.newest {
            put_day(&mut bytes, newest);
            write(self, &mut bytes);
        }
        serializer.serialize_bytes(&bytes)
    }
}

impl<'de> Deserialize<'de> for KnownPatches {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            return Vec::<KnownPatch>::deserialize(deserializer).map(Self::from);
        }
        deserializer.deserialize_bytes(PatchRun)
    }
}

/// Reads the run of bytes [`KnownPatches`] serializes to, all but its
/// first day left for the first read.
struct PatchRun;

impl Visitor<'_> for PatchRun {
    type Value = KnownPatches;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a line's patches as bytes")
    }

    fn visit_bytes<E: de::Error>(self, mut bytes: &[u8]) -> Result<KnownPatches, E> {
        if bytes.is_empty() {
            return Ok(KnownPatches::default());
        }
        let newest =
            take_day(&mut bytes).ok_or_else(|| E::custom("patch bytes the build did not write"))?;
        Ok(KnownPatches {
            decoded: OnceLock::new(),
            encoded: bytes.into(),
            newest: Some(newest),
        })
    }
}

// The run of bytes: each patch is its year (as the change from the patch
// before), its day of the year, and its numbers with their widths, every
// integer a LEB128 varint, read in one tight loop (through serde's
// generic sequence each patch cost some 300 instructions to decode).

/// Appends `patches` as bytes.
fn write(patches: &[KnownPatch], bytes: &mut Vec<u8>) {
    bytes.reserve(patches.len() * 8);
    let mut year = 0;
    for patch in patches {
        put(bytes, zigzag(patch.released.year() - year));
        year = patch.released.year();
        put(bytes, u64::from(patch.released.ordinal()));
        bytes.push(patch.version.len);
        let len = usize::from(patch.version.len);
        for (&number, &width) in patch.version.numbers[..len]
            .iter()
            .zip(&patch.version.widths[..len])
        {
            put(bytes, number);
            bytes.push(width);
        }
    }
}

/// Appends `day` as its year (zigzag) and its day of the year.
fn put_day(bytes: &mut Vec<u8>, day: NaiveDate) {
    put(bytes, zigzag(day.year()));
    put(bytes, u64::from(day.ordinal()));
}

/// Takes a day [`put_day`] wrote off the front of `bytes`.
fn take_day(bytes: &mut &[u8]) -> Option<NaiveDate> {
    let year = unzigzag(take(bytes)?)?;
    NaiveDate::from_yo_opt(year, u32::try_from(take(bytes)?).ok()?)
}

/// The patches [`write`] wrote; `None` for bytes it did not write.
fn read(mut bytes: &[u8]) -> Option<Vec<KnownPatch>> {
    // A patch takes at least 5 bytes: room for all at once, not doubling
    // and copying as they come.
    let mut patches = Vec::with_capacity(bytes.len() / 5);
    // The first day of the year of the patch before: most patches come in
    // the same year as the one before, whose leap-year flags chrono then
    // need not work out again.
    let mut year_start = NaiveDate::from_yo_opt(0, 1)?;
    while !bytes.is_empty() {
        let change = unzigzag(take(&mut bytes)?)?;
        if change != 0 {
            let year = year_start.year().checked_add(change)?;
            year_start = NaiveDate::from_yo_opt(year, 1)?;
        }
        let ordinal = u32::try_from(take(&mut bytes)?).ok()?;
        let released = year_start.with_ordinal(ordinal)?;
        let (&len, rest) = bytes.split_first()?;
        bytes = rest;
        if !(1..=MAX_NUMBERS).contains(&usize::from(len)) {
            return None;
        }
        let mut version = Version {
            numbers: [0; MAX_NUMBERS],
            widths: [1; MAX_NUMBERS],
            len,
        };
        for at in 0..usize::from(len) {
            version.numbers[at] = take(&mut bytes)?;
            let (&width, rest) = bytes.split_first()?;
            version.widths[at] = width;
            bytes = rest;
        }
        patches.push(KnownPatch { version, released });
    }
    Some(patches)
}

/// Appends `value` as a LEB128 varint: seven bits a byte, low first.
fn put(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Takes a LEB128 varint off the front of `bytes`.
fn take(bytes: &mut &[u8]) -> Option<u64> {
    // Most of a patch's numbers are under 128: one byte.
    let (&first, rest) = bytes.split_first()?;
    if first < 0x80 {
        *bytes = rest;
        return Some(u64::from(first));
    }
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// A signed change as an unsigned varint's value: 0, -1, 1, -2 ... as
/// 0, 1, 2, 3 ...
fn zigzag(change: i32) -> u64 {
    u64::from(((change << 1) ^ (change >> 31)) as u32)
}

fn unzigzag(value: u64) -> Option<i32> {
    let value = u32::try_from(value).ok()?;
    Some(((value >> 1) as i32) ^ -((value & 1) as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `patches` in the embedded catalogue's form.
    fn bytes(patches: &KnownPatches) -> Vec<u8> {
        let mut buffer = [0; 64];
        postcard::to_slice(patches, &mut buffer).unwrap().to_vec()
    }

    fn patch(version: &str, day: &str) -> KnownPatch {
        KnownPatch {
            version: version.parse().unwrap(),
            released: day.parse().unwrap(),
        }
    }

    #[test]
    fn patches_read_back_as_written_with_their_newest_day_before_any_is_read() {
        // A year back (Node.js's records are in version order, not by
        // day), a leap day, a leading zero kept, a four-number version.
        let patches: KnownPatches = vec![
            patch("16.20.2", "2023-08-09"),
            patch("16.0.0", "2021-04-20"),
            patch("24.04.1", "2024-02-29"),
            patch("1.4.8.0", "2024-12-31"),
        ]
        .into();
        let read: KnownPatches = postcard::from_bytes(&bytes(&patches)).unwrap();
        assert_eq!(read.decoded.get(), None, "nothing decoded yet");
        assert_eq!(read.newest_day(), "2024-12-31".parse().ok());
        assert_eq!(read, patches);
        assert_eq!(read[2].version.to_string(), "24.04.1");
        let none: KnownPatches = postcard::from_bytes(&bytes(&KnownPatches::default())).unwrap();
        assert!(none.is_empty());
        assert_eq!(none.newest_day(), None);
    }

    #[test]
    fn a_first_day_cut_short_is_refused() {
        let patches: KnownPatches = vec![patch("2.0.12", "2026-11-17")].into();
        let bytes = bytes(&patches);
        // postcard's length byte, then the day's year (two bytes: 2026
        // zigzagged is 4052) and day of the year (two: 321): cut inside it.
        for cut in 2..5 {
            let mut short = bytes[..cut].to_vec();
            short[0] = u8::try_from(cut - 1).unwrap();
            assert!(
                postcard::from_bytes::<KnownPatches>(&short).is_err(),
                "{cut}"
            );
        }
    }

    #[test]
    fn changes_of_year_keep_their_sign() {
        for change in [0, 1, -1, 2026, -2026, i32::MAX, i32::MIN] {
            assert_eq!(unzigzag(zigzag(change)), Some(change));
        }
    }

    #[test]
    fn bytes_cut_short_are_refused_not_misread() {
        let patch = KnownPatch {
            version: "2.0.12".parse().unwrap(),
            released: "2026-11-17".parse().unwrap(),
        };
        let mut bytes = Vec::new();
        write(std::slice::from_ref(&patch), &mut bytes);
        assert_eq!(read(&bytes), Some(vec![patch]));
        // No prefix of a patch's bytes is a patch. (No bytes at all are no
        // patches, rightly.)
        for cut in 1..bytes.len() {
            assert_eq!(read(&bytes[..cut]), None, "{cut}");
        }
    }
}
