//! How a line's recorded patches are written with serde: as a list of
//! patches in a text format such as JSON, as a policy file holds them; as
//! one run of bytes in a binary one (the embedded catalogue's), which a
//! start reads in one tight loop. Through serde's generic sequence, each
//! patch cost some 300 instructions to decode, and Node.js has 640 of
//! them: a third of a start. Each patch here is its year (as the change
//! from the patch before), its day of the year, and its numbers with
//! their widths, every integer a LEB128 varint.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::numbers::{MAX_NUMBERS, Version};
use super::release::KnownPatch;

pub(crate) fn serialize<S: Serializer>(
    patches: &[KnownPatch],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        return patches.serialize(serializer);
    }
    let mut bytes = Vec::with_capacity(patches.len() * 8);
    let mut year = 0;
    for patch in patches {
        put(&mut bytes, zigzag(patch.released.year() - year));
        year = patch.released.year();
        put(&mut bytes, u64::from(patch.released.ordinal()));
        bytes.push(patch.version.len);
        let len = usize::from(patch.version.len);
        for (&number, &width) in patch.version.numbers[..len]
            .iter()
            .zip(&patch.version.widths[..len])
        {
            put(&mut bytes, number);
            bytes.push(width);
        }
    }
    serializer.serialize_bytes(&bytes)
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<KnownPatch>, D::Error> {
    if deserializer.is_human_readable() {
        return Vec::<KnownPatch>::deserialize(deserializer);
    }
    deserializer.deserialize_bytes(PatchBytes)
}

/// Reads the bytes `serialize` wrote.
struct PatchBytes;

impl Visitor<'_> for PatchBytes {
    type Value = Vec<KnownPatch>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a line's patches as bytes")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<KnownPatch>, E> {
        read(bytes).ok_or_else(|| E::custom("patch bytes the build did not write"))
    }
}

fn read(mut bytes: &[u8]) -> Option<Vec<KnownPatch>> {
    // A patch takes at least 5 bytes: room for all at once, not doubling
    // and copying as they come.
    let mut patches = Vec::with_capacity(bytes.len() / 5);
    let mut year: i32 = 0;
    while !bytes.is_empty() {
        year = year.checked_add(unzigzag(take(&mut bytes)?)?)?;
        let ordinal = u32::try_from(take(&mut bytes)?).ok()?;
        let released = NaiveDate::from_yo_opt(year, ordinal)?;
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

    #[test]
    fn patches_read_back_as_written() {
        let patch = |version: &str, day: &str| KnownPatch {
            version: version.parse().unwrap(),
            released: day.parse().unwrap(),
        };
        // A year back (Node.js's records are in version order, not by
        // day), a leap day, a leading zero kept, a four-number version.
        let patches = vec![
            patch("16.20.2", "2023-08-09"),
            patch("16.0.0", "2021-04-20"),
            patch("24.04.1", "2024-02-29"),
            patch("1.4.8.0", "2024-12-31"),
        ];
        let mut buffer = [0; 64];
        let bytes = postcard::to_slice(&Wrapped(patches.clone()), &mut buffer).unwrap();
        let Wrapped(read) = postcard::from_bytes(bytes).unwrap();
        assert_eq!(read, patches);
        assert_eq!(read[2].version.to_string(), "24.04.1");
        for change in [0, 1, -1, 2026, -2026, i32::MAX, i32::MIN] {
            assert_eq!(unzigzag(zigzag(change)), Some(change));
        }
    }

    #[test]
    fn bytes_cut_short_are_refused_not_misread() {
        let mut buffer = [0; 64];
        let patch = KnownPatch {
            version: "2.0.12".parse().unwrap(),
            released: "2026-11-17".parse().unwrap(),
        };
        let bytes = postcard::to_slice(&Wrapped(vec![patch]), &mut buffer).unwrap();
        // Each prefix of the patch's bytes (after postcard's length byte),
        // with the length said again: none is a patch. (No bytes at all
        // are no patches, rightly.)
        for cut in 2..bytes.len() {
            let mut short = bytes[..cut].to_vec();
            short[0] = u8::try_from(cut - 1).unwrap();
            assert!(postcard::from_bytes::<Wrapped>(&short).is_err(), "{cut}");
        }
    }

    #[derive(Serialize, Deserialize)]
    struct Wrapped(#[serde(with = "super")] Vec<KnownPatch>);
}
