//! The releases a repository's tags record: which tags are releases, and
//! the day each was made. Running git is the caller's part; this module
//! says what to ask it for ([`GitTag::LISTING_FORMAT`]) and reads what it
//! prints.

use std::collections::BTreeMap;

use crate::policy::lines::numbers::Version;
use chrono::{DateTime, Datelike, NaiveDate};

use super::problem::{FactsProblem, Origin, TagDate, Witness};
use super::record::{Facts, GitObject, Ignored, LineFacts};
use crate::policy::error::PolicyError;
use crate::policy::lines::line::{Line, LineKind};

/// A tag as the repository records it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GitTag {
    /// Its name, without `refs/tags/`.
    pub name: String,
    /// What it names; for an annotated tag, what its tag object names.
    pub object: GitObject,
    /// Whether it is an annotated tag (a tag object) rather than a
    /// lightweight one.
    pub annotated: bool,
    /// Its date in seconds since 1970-01-01 UTC: the tagger date of an
    /// annotated tag, else the committer date of the commit it names;
    /// `None` when git gives neither.
    pub seconds: Option<i64>,
}

impl GitTag {
    /// The `--format` of `git for-each-ref refs/tags` that
    /// [`Facts::from_tag_listing`] reads: the name, the object type, the
    /// type of the object an annotated tag names, the tagger date, the
    /// committer date, and the committer date of the commit an annotated
    /// tag names, NUL-separated.
    pub const LISTING_FORMAT: &'static str = "%(refname:strip=2)%00%(objecttype)%00%(*objecttype)\
         %00%(taggerdate:unix)%00%(committerdate:unix)%00%(*committerdate:unix)";

    /// A lightweight tag of a commit made on `date` (at midnight UTC).
    ///
    /// # Examples
    /// ```
    /// use lts_policy::parse_date;
    /// use lts_policy::facts::GitTag;
    /// let tag = GitTag::of_commit("v1.0.0", parse_date("2025-09-09").unwrap());
    /// assert_eq!(tag.seconds, Some(1_757_376_000));
    /// ```
    #[must_use]
    pub fn of_commit(name: &str, date: NaiveDate) -> Self {
        let seconds = date
            .and_hms_opt(0, 0, 0)
            .map(|time| time.and_utc().timestamp());
        Self {
            name: name.to_owned(),
            object: GitObject::Commit,
            annotated: false,
            seconds,
        }
    }

    /// One line of a listing in [`GitTag::LISTING_FORMAT`].
    fn parse_listing_line(line: &str) -> Option<Self> {
        let mut fields = line.split('\0');
        let mut next = || fields.next();
        let (name, kind, tagged_kind) = (next()?, next()?, next()?);
        let (tagger, committer, tagged_committer) = (next()?, next()?, next()?);
        if next().is_some() {
            return None;
        }
        let seconds = |field: &str| field.parse::<i64>().ok();
        let annotated = kind == "tag";
        let (object, seconds) = if annotated {
            let seconds = seconds(tagger).or_else(|| seconds(tagged_committer));
            (GitObject::parse(tagged_kind)?, seconds)
        } else {
            (GitObject::parse(kind)?, seconds(committer))
        };
        Some(Self {
            name: name.to_owned(),
            object,
            annotated,
            seconds,
        })
    }

    /// The day the tag was made, as a policy's history can hold it.
    fn day(&self) -> Result<Option<NaiveDate>, PolicyError> {
        let Some(seconds) = self.seconds else {
            return Ok(None);
        };
        let out_of_range = |date| {
            PolicyError::from(FactsProblem::TagDateOutOfRange {
                tag: self.name.clone(),
                date,
            })
        };
        let day = DateTime::from_timestamp(seconds, 0)
            .ok_or_else(|| out_of_range(TagDate::Seconds(seconds)))?
            .date_naive();
        if !(0..=9999).contains(&day.year()) {
            return Err(out_of_range(TagDate::Day(day)));
        }
        Ok(Some(day))
    }
}

/// The version a tag names, after the prefix and an optional `v`, if it is
/// a plain `MAJOR.MINOR.PATCH` (where lines are dotted, two numbers or
/// more, the last a patch's).
fn release_version(name: &str, prefix: Option<&str>, kind: LineKind) -> Result<Version, Ignored> {
    let rest = match prefix {
        Some(prefix) => name.strip_prefix(prefix).ok_or(Ignored::OtherPrefix)?,
        None => name,
    };
    let bare = rest.strip_prefix('v').unwrap_or(rest);
    let (numbers, label) = match bare.find(['-', '+']) {
        Some(at) => (&bare[..at], true),
        None => (bare, false),
    };
    let version = Version::parse_numbers(numbers).map_err(|_| Ignored::NotAVersion)?;
    let shaped = match kind {
        LineKind::Minor | LineKind::Major => version.len() == 3,
        LineKind::Dotted => version.len() >= 2,
    };
    match (shaped, label) {
        (false, _) => Err(Ignored::NotAVersion),
        (true, true) => Err(Ignored::PreRelease),
        (true, false) => Ok(version),
    }
}

/// The line a tag's version is of: its first two numbers where lines are
/// minors, its first where they are majors, all but its last where they
/// are dotted.
fn line_of_tag(version: &Version, kind: LineKind) -> Option<Line> {
    let depth = match kind {
        LineKind::Minor => 2,
        LineKind::Major => 1,
        LineKind::Dotted => version.len() - 1,
    };
    version.truncated(depth).and_then(Line::numbered)
}

impl Facts {
    /// The releases that `git for-each-ref --format=FORMAT refs/tags`
    /// prints, FORMAT being [`GitTag::LISTING_FORMAT`]; as
    /// [`Facts::from_tags`].
    ///
    /// # Errors
    /// As [`Facts::from_tags`], and [`FactsProblem::Listing`] for a line of
    /// another format.
    pub fn from_tag_listing(
        listing: &str,
        prefix: Option<&str>,
        kind: LineKind,
    ) -> Result<Self, PolicyError> {
        let tags = listing
            .lines()
            .filter(|line| !line.is_empty())
            .map(|line| {
                GitTag::parse_listing_line(line).ok_or_else(|| {
                    PolicyError::from(FactsProblem::Listing {
                        line: line.to_owned(),
                    })
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Self::from_tags(&tags, prefix, kind)
    }

    /// The releases a repository's tags record: tags of commits named
    /// `VERSION` or `vVERSION` (after `prefix`, when the policy has one)
    /// that are a plain `MAJOR.MINOR.PATCH`. A line's `.0` tag is its
    /// release; without one, its earliest tag, which is also a patch. Every
    /// other tag is left out, with why ([`Facts::ignored`]).
    ///
    /// # Errors
    /// [`PolicyError::Facts`] when no tag is a release, when one version is
    /// tagged on two days, or when a release tag's date is not one a policy
    /// can hold. (A line may come out after a later one: a maintenance
    /// line of an older major.)
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{LineKind, parse_date};
    /// use lts_policy::facts::{Facts, GitTag};
    /// let tag = |name: &str, day| GitTag::of_commit(name, parse_date(day).unwrap());
    /// let tags = [tag("v1.0.0", "2025-09-09"), tag("v1.0.1", "2025-09-16"), tag("v1.1.0-rc1", "2025-10-28")];
    /// let facts = Facts::from_tags(&tags, None, LineKind::Minor).unwrap();
    /// assert_eq!(facts.ignored().len(), 1);
    /// assert_eq!(facts.newest(), Some(parse_date("2025-09-16").unwrap()));
    /// ```
    pub fn from_tags(
        tags: &[GitTag],
        prefix: Option<&str>,
        kind: LineKind,
    ) -> Result<Self, PolicyError> {
        let mut facts = Self::default();
        let mut versions: BTreeMap<Version, Origin> = BTreeMap::new();
        for tag in tags {
            let release = release_version(&tag.name, prefix, kind).and_then(|version| {
                if tag.object == GitObject::Commit {
                    Ok(version)
                } else {
                    Err(Ignored::NotACommit {
                        object: tag.object,
                        annotated: tag.annotated,
                    })
                }
            });
            let (version, date) = match release.map(|version| (version, tag.day())) {
                Ok((version, Ok(Some(date)))) => (version, date),
                Ok((_, Ok(None))) => {
                    facts.ignored.push((tag.name.clone(), Ignored::Undated));
                    continue;
                }
                Ok((_, Err(err))) => return Err(err),
                Err(why) => {
                    facts.ignored.push((tag.name.clone(), why));
                    continue;
                }
            };
            let origin = Origin {
                by: Witness::Tag(tag.name.clone()),
                date,
            };
            if let Some(other) = versions.get(&version) {
                if other.date != date {
                    return Err(PolicyError::from(FactsProblem::VersionOnTwoDays {
                        version,
                        first: other.clone(),
                        second: origin,
                    }));
                }
                continue;
            }
            versions.insert(version, origin);
        }
        if versions.is_empty() {
            return Err(PolicyError::from(FactsProblem::NoReleaseTag {
                prefix: prefix.map(str::to_owned),
            }));
        }
        for (version, origin) in versions {
            let Some(line) = line_of_tag(&version, kind) else {
                continue;
            };
            facts.newest = facts.newest.max(Some(origin.date));
            let opening = !line.is_patch(&version);
            let line_facts = facts.lines.entry(line).or_insert_with(LineFacts::default);
            if opening {
                line_facts.released = Some(origin);
            } else {
                line_facts.patches.insert(version, origin);
            }
        }
        // A line without a `.0` tag comes out with its earliest tag.
        for line_facts in facts.lines.values_mut() {
            if line_facts.released.is_none() {
                line_facts.released = line_facts
                    .patches
                    .values()
                    .min_by_key(|patch| patch.date)
                    .cloned();
            }
        }
        Ok(facts)
    }
}
