//! The history of a file with a problem, read entry by entry as it is
//! parsed: once for each entry's shape, then again for its meaning.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::collect::{Collect, ReadEntries, found};
use super::format::EntryFile;
use super::found::Expected;
use super::history::History;
use super::problem::Problem;
use super::problems::{Path, Problems};

/// What the reader does with the history's entries, met at the top.
pub(super) enum Entries<'h> {
    /// Reports each entry's shape and its missing fields; notes that the
    /// history is given.
    Shape(&'h mut bool),
    /// Checks each entry as a release.
    Check(&'h mut History),
}

impl ReadEntries for Entries<'_> {
    /// The history, an array of entries read one by one.
    fn read(&mut self, raw: &RawValue, path: &Path, problems: &mut Problems) {
        if let Self::Shape(given) = self {
            **given = true;
        }
        let mut json = serde_json::Deserializer::from_str(raw.get());
        let read = json.deserialize_any(EntriesVisitor {
            entries: self,
            path,
            problems: &mut *problems,
        });
        if !matches!(read, Ok(true)) && matches!(self, Self::Shape(_)) {
            let problem = Problem::WrongType {
                expected: Expected::Array,
                found: found(raw),
            };
            problems.wrong(path, problem);
        }
    }
}

/// The visitor of the history: `true` for an array, read entry by entry.
struct EntriesVisitor<'e, 'h, 'a, 'p, 'r> {
    entries: &'e mut Entries<'h>,
    path: &'a Path<'a>,
    problems: &'p mut Problems<'r>,
}

impl<'de> Visitor<'de> for EntriesVisitor<'_, '_, '_, '_, '_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of entries")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut at = 0;
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            let path = self.path.item(at);
            at += 1;
            let entry = EntryFile::deserialize(Collect::at(raw, path, &mut *self.problems))
                .unwrap_or_default();
            match self.entries {
                Entries::Shape(_) => History::require(&entry, &path, self.problems),
                Entries::Check(history) => history.entry(&entry, self.problems),
            }
            self.problems.next_entry();
            if self.problems.done() {
                // The rest is left unread, as valid as it may be.
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                break;
            }
        }
        Ok(true)
    }
}
