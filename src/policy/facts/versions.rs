//! Dated versions, as a list of them records them (endoflife.date's
//! release-data: every version it has seen, with its day), added to the
//! lines of facts already read as patches.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::problem::{Origin, Witness};
use super::record::Facts;
use crate::policy::lines::line::Line;
use crate::policy::lines::numbers::Version;

impl Facts {
    /// The facts with `versions` (each a name and its day) added as
    /// patches of their lines: a version belongs to the longest line its
    /// name starts with (`9.4.18.v20190429` to `9.4`, after the lines'
    /// prefix), and is a patch where it is dotted numbers of that line
    /// other than its `.0`, dated on or after the line's release. Others
    /// (pre-releases, a line the facts do not know) are skipped; a patch
    /// the facts already have keeps its witness. A history's patches come
    /// out in the order of their numbers; where a list dates some out of
    /// that order (a build dated by its tag, a record's latest dated
    /// otherwise), the most of them that keep it are kept.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::facts::Facts;
    /// use lts_policy::parse_date;
    /// let answer = r#"[{"cycle": "3.20", "releaseDate": "2025-03-26", "eol": false}]"#;
    /// let day = parse_date("2025-04-02")?;
    /// let facts = Facts::from_endoflife(answer, None)?
    ///     .with_versions([("3.20.1".to_owned(), day), ("3.21.0-rc1".to_owned(), day)]);
    /// assert_eq!(facts.newest(), Some(day));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_versions(
        mut self,
        versions: impl IntoIterator<Item = (String, NaiveDate)>,
    ) -> Self {
        let prefix = self.numbering.as_ref().and_then(|n| n.prefix.clone());
        let by_name: HashMap<String, _> = self
            .lines
            .keys()
            .map(|line| (line.to_string(), line.clone()))
            .collect();
        for (name, date) in versions {
            let bare = prefix
                .as_deref()
                .and_then(|prefix| name.strip_prefix(prefix))
                .unwrap_or(&name);
            // The longest line the name starts with: each dot, last first.
            let line = name
                .rmatch_indices('.')
                .find_map(|(dot, _)| by_name.get(&name[..dot]));
            let (Some(line), Ok(version)) = (line, Version::parse_numbers(bare)) else {
                continue;
            };
            let Some(facts) = self.lines.get_mut(line) else {
                continue;
            };
            let released = facts.released.as_ref().map(|origin| origin.date);
            if !line.is_patch(&version) || released.is_some_and(|released| date < released) {
                continue;
            }
            facts.patches.entry(version).or_insert(Origin {
                by: Witness::Version(name.clone()),
                date,
            });
        }
        for facts in self.lines.values_mut() {
            keep_dated_in_order(&mut facts.patches);
            let newest = facts.patches.values().map(|origin| origin.date).max();
            self.newest = self.newest.max(newest);
        }
        self
    }
}

impl Facts {
    /// The facts without the patches of the lines `recorded` says a
    /// history records its own of: those are the history's to give.
    pub(crate) fn without_patches_of(mut self, recorded: impl Fn(&Line) -> bool) -> Self {
        for (line, facts) in &mut self.lines {
            if recorded(line) {
                facts.patches.clear();
            }
        }
        self
    }
}

/// Keeps the most patches whose days do not fall as their numbers rise
/// (a longest such run, found in O(n log n)), dropping the others.
fn keep_dated_in_order(patches: &mut BTreeMap<Version, Origin>) {
    let dates: Vec<NaiveDate> = patches.values().map(|origin| origin.date).collect();
    // tails[k]: the index ending the best run of k + 1 patches found yet.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; dates.len()];
    for (index, date) in dates.iter().enumerate() {
        let at = tails.partition_point(|&tail| dates[tail] <= *date);
        before[index] = at.checked_sub(1).map(|previous| tails[previous]);
        if at == tails.len() {
            tails.push(index);
        } else {
            tails[at] = index;
        }
    }
    if tails.len() == dates.len() {
        return;
    }
    let mut kept = vec![false; dates.len()];
    let mut next = tails.last().copied();
    while let Some(index) = next {
        kept[index] = true;
        next = before[index];
    }
    let mut flags = kept.into_iter();
    patches.retain(|_, _| flags.next().unwrap_or(false));
}
