//! Floating tags: where `latest`, `latest-lts`, a line's tag and a
//! policy's own tags point on a date, and which of them a version takes.

use chrono::NaiveDate;

use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::lines::info::{LineInfo, Patch};
use crate::policy::lines::line::Line;
use crate::policy::lines::numbers::Version;
use crate::policy::lines::release::Place;
use crate::policy::lines::version::VersionInput;

/// A floating tag name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tag {
    /// The newest patch of the latest line.
    Latest,
    /// The newest patch of the newest LTS line released.
    LatestLts,
    /// The newest patch of the line a version names.
    Line(VersionInput),
    /// One of the policy's own tags ([`Policy::own_tags`]): the newest patch
    /// of the line it names, which for a tag of LTS lines alone must be LTS.
    Own {
        /// Its name, such as `lts-v1.0`.
        name: String,
        /// The line it names.
        line: Line,
        /// Whether it names LTS lines alone.
        lts_only: bool,
    },
}

impl Tag {
    /// The tags that are names, not lines.
    pub const NAMES: &'static [&'static str] = &["latest", "latest-lts"];

    /// The tag's name, as `tag` takes it: `latest`, `latest-lts`, or the
    /// line (`2.0`, `22`).
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Self::Latest => "latest".to_owned(),
            Self::LatestLts => "latest-lts".to_owned(),
            Self::Line(version) => version.to_string(),
            Self::Own { name, .. } => name.clone(),
        }
    }

    /// Parses `latest`, `latest-lts`, or a line in any spelling a version
    /// takes: `1.3`, `v1.3`, `1.3.0`, `v1.3.7` all name line 1.3's tag.
    ///
    /// # Errors
    /// [`PolicyError::InvalidTag`] for anything else.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::VersionInput;
    /// use lts_policy::answers::Tag;
    /// let version = VersionInput::new(1, Some(3), Some(7));
    /// assert_eq!(Tag::parse("v1.3.7").unwrap(), Tag::Line(version));
    /// assert_eq!(Tag::parse("latest-lts").unwrap(), Tag::LatestLts);
    /// assert!(Tag::parse("stable").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Self, PolicyError> {
        match input {
            "latest" => Ok(Self::Latest),
            "latest-lts" => Ok(Self::LatestLts),
            _ => VersionInput::parse(input)
                .map(Self::Line)
                .map_err(|_| PolicyError::InvalidTag {
                    input: input.to_owned(),
                }),
        }
    }
}

/// What a floating tag points to on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "one answer per query: boxing the line would buy nothing"
)]
pub enum TagTarget {
    /// A version of a line.
    Version {
        /// The line.
        info: LineInfo,
        /// Its newest version on the date.
        patch: Patch,
    },
    /// No version yet.
    Nowhere(Dangling),
}

/// Why a floating tag points to no version yet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Dangling {
    /// Nothing is released before the first line.
    BeforeFirstRelease {
        /// The first line.
        first: Line,
        /// Its release.
        released: NaiveDate,
    },
    /// No LTS line is released yet.
    NoLtsYet,
    /// The policy has no LTS lines at all.
    NoLtsRule,
    /// The named line is not in the recorded history (`recorded_tag`): only
    /// the rules project it.
    NotRecorded {
        /// The line.
        line: Line,
    },
    /// The line a tag of LTS lines alone names is not an LTS line.
    NotLts {
        /// The line.
        line: Line,
    },
    /// The line a tag of LTS lines alone names becomes LTS later.
    NotLtsYet {
        /// The line.
        line: Line,
        /// The day it becomes LTS.
        from: NaiveDate,
    },
    /// The named line is released later.
    LineNotYetReleased {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
    },
    /// The named line is known by name only: it has no versions to point to.
    NoVersions {
        /// The line.
        line: Line,
    },
}

impl Policy {
    /// The newest LTS line at or before `place` that is LTS by `date`: its
    /// LTS start has come.
    fn newest_lts_up_to(
        &self,
        place: Place,
        date: NaiveDate,
    ) -> Result<Option<Place>, PolicyError> {
        for candidate in place.up_to().rev() {
            if self.lts_at(candidate)?.lts && self.line_info(candidate)?.is_lts_by(date) {
                return Ok(Some(candidate));
            }
        }
        Ok(None)
    }

    /// Reads a tag's name as [`Tag::parse`] does, and also as one of the
    /// policy's own tags ([`Policy::own_tags`]), which come first.
    ///
    /// # Errors
    /// [`PolicyError::InvalidTag`] for a name that is none of these.
    pub fn parse_tag(&self, input: &str) -> Result<Tag, PolicyError> {
        let own = self.own_tags().iter().find_map(|template| {
            let prefix = self.rules().line_prefix.as_ref();
            let line = template.line_named(input)?.with_prefix(prefix);
            Some(Tag::Own {
                name: input.to_owned(),
                line,
                lts_only: template.lts_only(),
            })
        });
        match (Tag::NAMES.contains(&input), own) {
            (false, Some(own)) => Ok(own),
            _ => Tag::parse(input),
        }
    }

    /// The line and version a floating tag points to on `date`.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] for a line the policy never releases.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// use lts_policy::answers::{Dangling, Tag, TagTarget};
    /// let kestra = Policy::kestra().unwrap();
    /// let on = parse_date("2026-03-02").unwrap();
    /// // The eve of 1.3: latest-lts is still 1.0. Its newest recorded patch
    /// // is 1.0.9 (2025-11-03), then 17 Tuesdays, 11-04 to 2026-02-24.
    /// let TagTarget::Version { patch, .. } = kestra.tag(Tag::LatestLts, on).unwrap() else {
    ///     panic!("latest-lts points to a version");
    /// };
    /// assert_eq!(patch.version.to_string(), "1.0.26");
    /// let before = kestra.tag(Tag::Latest, parse_date("2025-01-01").unwrap()).unwrap();
    /// assert!(matches!(before, TagTarget::Nowhere(Dangling::BeforeFirstRelease { .. })));
    /// ```
    pub fn tag(&self, tag: Tag, date: NaiveDate) -> Result<TagTarget, PolicyError> {
        self.tag_from(tag, date, TagBasis::Rules)
    }

    /// The version `tag` points to on `date` by the recorded history alone,
    /// as a registry's real tags are: projected lines and patches are left
    /// out, so the tag points to the newest recorded version of the newest
    /// recorded line it may point to.
    ///
    /// # Errors
    /// As [`Policy::tag`].
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// use lts_policy::answers::{Dangling, Tag, TagTarget};
    /// let kestra = Policy::kestra().unwrap();
    /// let on = parse_date("2026-12-01").unwrap();
    /// // The rules have 2.1 out on 2026-11-10; the history, complete up to
    /// // 2026-09-18, ends with 2.0, of which it records no patch: 2.0.0.
    /// let TagTarget::Version { patch, .. } = kestra.recorded_tag(Tag::Latest, on).unwrap() else {
    ///     panic!("2.0 is recorded");
    /// };
    /// assert_eq!(patch.version.to_string(), "2.0.0");
    /// let projected = Tag::parse("2.1").unwrap();
    /// assert!(matches!(
    ///     kestra.recorded_tag(projected, on).unwrap(),
    ///     TagTarget::Nowhere(Dangling::NotRecorded { .. })
    /// ));
    /// ```
    pub fn recorded_tag(&self, tag: Tag, date: NaiveDate) -> Result<TagTarget, PolicyError> {
        self.tag_from(tag, date, TagBasis::History)
    }

    /// The floating tags that point to `version` on `date`, those a
    /// release manager moves to it on publishing it: `latest` when its line
    /// is the latest, `latest-lts` when it is the newest LTS line, its
    /// line's own tag, and the policy's own tags of its line (of an LTS
    /// line once LTS, for those of LTS lines alone), in that order, each
    /// only when `version` is the newest version of its line then. Empty for a version that must move none (an older
    /// patch than the newest, a patch of a line past its end). The reverse
    /// of [`Policy::tag`]: each tag given points to `version` on `date`.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] for a version of a line the policy
    /// never releases; as [`Policy::tag`].
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, parse_date};
    /// use lts_policy::answers::Tag;
    /// let kestra = Policy::kestra().unwrap();
    /// let on = parse_date("2026-11-01").unwrap();
    /// // 2.0 is the latest and the newest LTS line until 2.1 on 2026-11-10;
    /// // its weekly patches make 2.0.7 the newest on 2026-11-01.
    /// let tags = kestra.tags_for(&"2.0.7".parse().unwrap(), on).unwrap();
    /// let names: Vec<String> = tags.iter().map(Tag::name).collect();
    /// assert_eq!(names, ["latest", "latest-lts", "2.0"]);
    /// assert!(kestra.tags_for(&"2.0.6".parse().unwrap(), on).unwrap().is_empty());
    /// ```
    pub fn tags_for(&self, version: &Version, date: NaiveDate) -> Result<Vec<Tag>, PolicyError> {
        let named = self.line_of_version(&VersionInput::Numbers(*version))?;
        self.place_of(&named)?;
        // The line's own tag is its numbers, without the policy's prefix.
        let line = named.numbers().map_or_else(
            || VersionInput::Name(named.to_string()),
            VersionInput::Numbers,
        );
        let own = self.own_tags().iter().map(|template| Tag::Own {
            name: template.render(&named),
            line: named.clone(),
            lts_only: template.lts_only(),
        });
        let mut tags: Vec<Tag> = Vec::new();
        for tag in [Tag::Latest, Tag::LatestLts, Tag::Line(line)]
            .into_iter()
            .chain(own)
        {
            let points_here = match self.tag(tag.clone(), date)? {
                TagTarget::Version { patch, .. } => patch.version == *version,
                TagTarget::Nowhere(_) => false,
            };
            if points_here && !tags.iter().any(|given| given.name() == tag.name()) {
                tags.push(tag);
            }
        }
        Ok(tags)
    }

    fn tag_from(
        &self,
        tag: Tag,
        date: NaiveDate,
        basis: TagBasis,
    ) -> Result<TagTarget, PolicyError> {
        let named = match &tag {
            Tag::Line(version) => Some(self.place_of(&self.line_of_version(version)?)?),
            Tag::Own { line, .. } => Some(self.place_of(line)?),
            Tag::Latest | Tag::LatestLts => None,
        };
        if tag == Tag::LatestLts && !self.rules().has_lts() {
            return Ok(TagTarget::Nowhere(Dangling::NoLtsRule));
        }
        let latest = match basis {
            TagBasis::Rules => self.latest_place_on(date)?,
            TagBasis::History => {
                let released = self
                    .history()
                    .partition_point(|release| release.released <= date);
                released.checked_sub(1).map(Place::of)
            }
        };
        let place = match (named, latest) {
            (Some(place), _) if basis == TagBasis::History && self.known(place).is_none() => {
                return Ok(TagTarget::Nowhere(Dangling::NotRecorded {
                    line: self.line_at(place)?,
                }));
            }
            (Some(place), _) => place,
            (None, None) => {
                let first = self.first_release();
                return Ok(TagTarget::Nowhere(Dangling::BeforeFirstRelease {
                    first: first.line.clone(),
                    released: first.released,
                }));
            }
            (None, Some(latest)) if tag == Tag::Latest => latest,
            (None, Some(latest)) => match self.newest_lts_up_to(latest, date)? {
                Some(place) => place,
                None => return Ok(TagTarget::Nowhere(Dangling::NoLtsYet)),
            },
        };
        let info = self.line_info(place)?;
        if let Tag::Own { lts_only: true, .. } = tag {
            match info.lts_from {
                None => return Ok(TagTarget::Nowhere(Dangling::NotLts { line: info.line })),
                // Before its release, a line's reason is that it is not out.
                Some(from) if from > date && info.released <= date => {
                    return Ok(TagTarget::Nowhere(Dangling::NotLtsYet {
                        line: info.line,
                        from,
                    }));
                }
                Some(_) => {}
            }
        }
        let newest = match basis {
            TagBasis::Rules => self.newest_patch(&info, date)?,
            TagBasis::History => self.newest_recorded_version(&info, date),
        };
        Ok(match newest {
            Some(patch) => TagTarget::Version { info, patch },
            None if info.line.name().is_some() => {
                TagTarget::Nowhere(Dangling::NoVersions { line: info.line })
            }
            None => TagTarget::Nowhere(Dangling::LineNotYetReleased {
                line: info.line,
                released: info.released,
            }),
        })
    }
}

/// What a tag's answer rests on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TagBasis {
    /// The rules, with the history: projected lines and patches included.
    Rules,
    /// The recorded history alone.
    History,
}
