//! Near misses: how far apart two names are, and which known name a
//! mistyped one was meant to be, for the "a similar ... exists" of a
//! product, a tag, an option or a command.

/// The edit distance between two names, in characters: insertions,
/// deletions, substitutions, and transpositions of two neighbours (the
/// optimal string alignment distance), so that `lst` is one edit from
/// `lts`, as it is one slip of the fingers. O(a·b) time, three rows of
/// memory.
///
/// # Examples
/// ```
/// use lts_policy::similar::edit_distance;
/// assert_eq!(edit_distance("nodjs", "nodejs"), 1);
/// assert_eq!(edit_distance("lst", "lts"), 1);
/// assert_eq!(edit_distance("kitten", "sitting"), 3);
/// assert_eq!(edit_distance("", "go"), 2);
/// ```
#[must_use]
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let substituted = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substituted.min(previous[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            row[j] = best;
        }
        before = std::mem::replace(&mut previous, row);
    }
    previous[b.len()]
}

/// Whether `known` is near enough `wanted` to be suggested for it: within
/// a third of `wanted`'s length in edits (rounded up), and at least one.
#[must_use]
pub fn is_near(wanted: &str, known: &str) -> bool {
    edit_distance(wanted, known) <= wanted.chars().count().div_ceil(3).max(1)
}

/// The name of `known` nearest `wanted`, when one [`is_near`] it; the
/// first of those equally near.
///
/// # Examples
/// ```
/// use lts_policy::similar::nearest;
/// assert_eq!(nearest("lastest", ["latest", "latest-lts"]), Some("latest"));
/// assert_eq!(nearest("stable", ["latest", "latest-lts"]), None);
/// ```
pub fn nearest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .filter(|name| is_near(wanted, name))
        .min_by_key(|name| edit_distance(wanted, name))
}
