//! Answers about one version or tag: `status` and floating tags.

use chrono::NaiveDate;
use semver::Version;

use super::dates::days_between;
use super::definition::Policy;
use super::error::PolicyError;
use super::info::{LineInfo, Patch, Phase};
use super::model::{Line, LineKind, Place, Role};
use super::version::VersionInput;

/// Where a version stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SupportState {
    /// Its line is not released yet.
    Unreleased,
    /// Its line is supported.
    Supported,
    /// Its line's support has ended.
    Ended,
}

impl SupportState {
    /// The name JSON and `--format plain` give it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Unreleased => "unreleased",
            Self::Supported => "supported",
            Self::Ended => "ended",
        }
    }
}

/// The answer to `status VERSION`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Status {
    /// The version asked about.
    pub version: VersionInput,
    /// The date asked about.
    pub on: NaiveDate,
    /// Its line.
    pub info: LineInfo,
    /// Where it stands.
    pub state: SupportState,
    /// Its line's roles on the date; empty when it is not supported.
    pub roles: Vec<Role>,
    /// Its line's phase on the date, when it is supported.
    pub phase: Option<Phase>,
    /// Days from `on` to the eol; zero or negative once support has ended.
    pub days_left: i64,
    /// The newest patch of the line on `on`, once released.
    pub latest_patch: Option<Patch>,
    /// The smallest upgrade that is supported: the newest patch of the
    /// version's own line while it is supported, else of the oldest
    /// supported line newer than it. `None` when already there.
    pub upgrade_to: Option<Patch>,
}

impl Status {
    /// Whether the version is supported on the date but its support ends
    /// within `days` days of it: support is half-open, so the end, `days_left`
    /// days later, falls within them when `days_left <= days`.
    #[must_use]
    pub fn ends_within(&self, days: u32) -> bool {
        self.state == SupportState::Supported && self.days_left <= i64::from(days)
    }
}

/// A floating tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tag {
    /// The newest patch of the latest line.
    Latest,
    /// The newest patch of the newest LTS line released.
    LatestLts,
    /// The newest patch of the line a version names.
    Line(VersionInput),
}

impl Tag {
    /// The tags that are names, not lines.
    pub const NAMES: &'static [&'static str] = &["latest", "latest-lts"];

    /// The tag's name, as `tag` takes it: `latest`, `latest-lts`, or the
    /// line (`2.0`, `22`).
    #[must_use]
    pub fn name(self) -> String {
        match self {
            Self::Latest => "latest".to_owned(),
            Self::LatestLts => "latest-lts".to_owned(),
            Self::Line(version) => version.to_string(),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The named line is released later.
    LineNotYetReleased {
        /// The line.
        line: Line,
        /// Its release.
        released: NaiveDate,
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

    /// Whether `version` is supported on `date`, until when, and what to upgrade to.
    ///
    /// # Errors
    /// [`PolicyError::UnknownLine`] for a version of a line the policy never releases.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::{Policy, VersionInput, parse_date};
    /// use lts_policy::answers::SupportState;
    /// let kestra = Policy::kestra().unwrap();
    /// let version = VersionInput::parse("1.0.5").unwrap();
    /// let status = kestra.status(version, parse_date("2026-11-25").unwrap()).unwrap();
    /// // 1.0's LTS support ended on 2026-09-09, 77 days before.
    /// assert_eq!(status.state, SupportState::Ended);
    /// assert_eq!(status.days_left, -77);
    /// // The oldest line still supported is 1.3: its newest recorded patch is
    /// // 1.3.15 (2026-04-29), then 30 Tuesdays, 05-05 to 11-24.
    /// assert_eq!(status.upgrade_to.unwrap().version.to_string(), "1.3.45");
    /// ```
    pub fn status(&self, version: VersionInput, date: NaiveDate) -> Result<Status, PolicyError> {
        let info = self.line_info(self.place_of(version.line(self.line_kind())?)?)?;
        let supported = self.supported_on(date)?;
        let mine = supported.iter().find(|line| line.info.place == info.place);
        let state = match mine {
            Some(_) => SupportState::Supported,
            None if date < info.released => SupportState::Unreleased,
            None => SupportState::Ended,
        };
        let upgrade_to = match (state, mine) {
            (SupportState::Supported, Some(mine)) => version
                .exact(self.line_kind())
                .filter(|exact| *exact < mine.latest_patch.version)
                .map(|_| mine.latest_patch.clone()),
            (SupportState::Ended, _) => supported
                .iter()
                .rev()
                .find(|line| line.info.place > info.place)
                .map(|line| line.latest_patch.clone()),
            _ => None,
        };
        Ok(Status {
            version,
            on: date,
            days_left: days_between(date, info.eol),
            roles: mine.map(|line| line.roles.clone()).unwrap_or_default(),
            phase: mine.map(|line| line.phase),
            latest_patch: self.newest_patch(&info, date)?,
            info,
            state,
            upgrade_to,
        })
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
    /// is the latest, `latest-lts` when it is the newest LTS line, and its
    /// line's own tag, each only when `version` is the newest version of
    /// its line then. Empty for a version that must move none (an older
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
    /// let names: Vec<String> = tags.into_iter().map(Tag::name).collect();
    /// assert_eq!(names, ["latest", "latest-lts", "2.0"]);
    /// assert!(kestra.tags_for(&"2.0.6".parse().unwrap(), on).unwrap().is_empty());
    /// ```
    pub fn tags_for(&self, version: &Version, date: NaiveDate) -> Result<Vec<Tag>, PolicyError> {
        let (major, minor) = (version.major, version.minor);
        let line = match self.line_kind() {
            LineKind::Minor => VersionInput::new(major, Some(minor), None),
            LineKind::Major => VersionInput::new(major, None, None),
        };
        self.place_of(line.line(self.line_kind())?)?;
        let mut tags = Vec::new();
        for tag in [Tag::Latest, Tag::LatestLts, Tag::Line(line)] {
            let points_here = match self.tag(tag, date)? {
                TagTarget::Version { patch, .. } => patch.version == *version,
                TagTarget::Nowhere(_) => false,
            };
            if points_here {
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
        let named = match tag {
            Tag::Line(version) => Some(self.place_of(version.line(self.line_kind())?)?),
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
                    first: first.line,
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
        let newest = match basis {
            TagBasis::Rules => self.newest_patch(&info, date)?,
            TagBasis::History => self.newest_recorded_patch(&info, date),
        };
        Ok(match newest {
            Some(patch) => TagTarget::Version { info, patch },
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
