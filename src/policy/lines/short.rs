//! The numbers most lines have, kept without allocating.

use super::numbers::{MAX_NUMBERS, Version};

/// The numbers of most lines, one or two of 32 bits at most, kept in 12
/// bytes: a line of these allocates nothing ([`crate::Line`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ShortNumbers {
    numbers: [u32; 2],
    widths: [u8; 2],
    len: u8,
}

impl ShortNumbers {
    /// `version`'s numbers, when there are one or two of 32 bits at most.
    pub(crate) fn of(version: &Version) -> Option<Self> {
        if version.len() > 2 {
            return None;
        }
        let number = |at: usize| match at < version.len() {
            true => u32::try_from(version.numbers[at]).ok(),
            false => Some(0),
        };
        let width = |at: usize| {
            if at < version.len() {
                version.widths[at]
            } else {
                1
            }
        };
        Some(Self {
            numbers: [number(0)?, number(1)?],
            widths: [width(0), width(1)],
            len: version.len,
        })
    }

    /// The version they are.
    pub(crate) fn version(self) -> Version {
        let mut numbers = [0; MAX_NUMBERS];
        let mut widths = [1; MAX_NUMBERS];
        numbers[0] = u64::from(self.numbers[0]);
        numbers[1] = u64::from(self.numbers[1]);
        widths[0] = self.widths[0];
        widths[1] = self.widths[1];
        Version {
            numbers,
            widths,
            len: self.len,
        }
    }

    /// Their last number plus `count`, written as wide; `None` past 32
    /// bits.
    pub(crate) fn plus_last(self, count: u64) -> Option<Self> {
        let mut next = self;
        let last = usize::from(self.len) - 1;
        next.numbers[last] =
            u32::try_from(u64::from(self.numbers[last]).checked_add(count)?).ok()?;
        Some(next)
    }

    /// Their numbers, the second 0 where there is one only: compared with
    /// `len`, they order as the version does.
    pub(crate) fn key(self) -> ([u32; 2], u8) {
        (self.numbers, self.len)
    }
}
