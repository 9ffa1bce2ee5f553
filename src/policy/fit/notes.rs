//! What each rule of a fitted policy rests on, and how close a step must
//! be to count as foreseen.

use super::track::Track;
use crate::policy::rules::fields::RuleField;

/// A step counts as foreseen when the rule's day is this close to the day
/// recorded: releases and ends of support.
pub const WITHIN_DAYS: u32 = 7;

/// The same for patches, which come days apart.
pub const PATCH_WITHIN_DAYS: u32 = 2;

/// The fewest steps a rule is fitted on; with fewer, the history is too
/// short to say and the simplest rule is taken.
pub(super) const FEWEST_STEPS: u32 = 3;

/// A rule a fit chose or kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FitSubject {
    /// `new_major`.
    NewMajor,
    /// `releases`.
    Releases,
    /// `patches`.
    Patches,
    /// `support`.
    Support,
    /// `support.last_of_major`.
    LastOfMajor,
    /// `active`.
    Active,
    /// Which lines are LTS (`lts.every`, `lts.every_months`).
    Lts,
    /// `lts.starts`.
    LtsStarts,
    /// `lts.support`.
    LtsSupport,
    /// `lts.active`.
    LtsActive,
}

impl FitSubject {
    /// The rule field it is, where it is one whole; `None` for the parts
    /// of one (`support.last_of_major`, `lts.starts`, ...).
    #[must_use]
    pub const fn field(self) -> Option<RuleField> {
        match self {
            Self::NewMajor => Some(RuleField::NewMajor),
            Self::Releases => Some(RuleField::Releases),
            Self::Patches => Some(RuleField::Patches),
            Self::Support => Some(RuleField::Support),
            Self::Active => Some(RuleField::Active),
            Self::Lts => Some(RuleField::Lts),
            Self::LastOfMajor | Self::LtsStarts | Self::LtsSupport | Self::LtsActive => None,
        }
    }

    /// Every rule a fit says something of.
    pub(crate) const ALL: [Self; 10] = [
        Self::NewMajor,
        Self::Releases,
        Self::Patches,
        Self::Support,
        Self::LastOfMajor,
        Self::Active,
        Self::Lts,
        Self::LtsStarts,
        Self::LtsSupport,
        Self::LtsActive,
    ];

    /// Its name in a policy file.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::NewMajor => "new_major",
            Self::Releases => "releases",
            Self::Patches => "patches",
            Self::Support => "support",
            Self::LastOfMajor => "support.last_of_major",
            Self::Active => "active",
            Self::Lts => "lts",
            Self::LtsStarts => "lts.starts",
            Self::LtsSupport => "lts.support",
            Self::LtsActive => "lts.active",
        }
    }

    /// What its steps are, as a count of them is written: `releases`,
    /// `recorded ends` (`release`, `recorded end` for one).
    #[must_use]
    pub fn steps(self, count: u32) -> &'static str {
        let (one, many) = match self {
            Self::NewMajor => ("new major", "new majors"),
            Self::Releases => ("release", "releases"),
            Self::Patches => ("patch", "patches"),
            Self::Support => ("recorded end", "recorded ends"),
            Self::LastOfMajor => (
                "recorded end of a major's last line",
                "recorded ends of majors' last lines",
            ),
            Self::Active => (
                "recorded end of active support",
                "recorded ends of active support",
            ),
            Self::Lts => ("LTS line", "LTS lines"),
            // Undated LTS lines count too, as LTS from their release.
            Self::LtsStarts => ("LTS line's start", "LTS lines' starts"),
            Self::LtsSupport => ("recorded end of an LTS line", "recorded ends of LTS lines"),
            Self::LtsActive => (
                "recorded end of an LTS line's active support",
                "recorded ends of LTS lines' active support",
            ),
        };
        if count == 1 { one } else { many }
    }
}

/// What a rule of a fitted policy rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FitBasis {
    /// The policy states it; it is kept as stated.
    Stated,
    /// Chosen for how well it foresaw the history: `hits` of `total` steps
    /// within `within_days`.
    Fitted {
        /// Steps foreseen.
        hits: u32,
        /// Steps.
        total: u32,
        /// How close a step had to be.
        within_days: u32,
    },
    /// Chosen as the rule the vendor changed to: it foresaw the newest
    /// `hits` steps in a row, which the rule that foresaw the steps before
    /// them missed.
    Changed {
        /// The newest steps, foreseen in a row.
        hits: u32,
        /// The steps before them.
        before: u32,
        /// How close a step had to be.
        within_days: u32,
    },
    /// No candidate foresaw even half of the steps: the rule the fit falls
    /// back on (for patches, `"recorded"`), with the best candidate's record.
    Irregular {
        /// Steps the best candidate foresaw.
        hits: u32,
        /// Steps.
        total: u32,
        /// How close a step had to be.
        within_days: u32,
    },
    /// The history has `steps` steps, too few to say: the simplest rule.
    TooShort {
        /// Steps the history has.
        steps: u32,
    },
    /// The history records no end to go by, and still supports `lines`
    /// lines: the fewest lines later that keeps them all supported.
    StillSupported {
        /// Lines the history still supports.
        lines: u32,
    },
    /// The history shows none of it (no LTS line, one phase of support,
    /// one major): the policy has no such rule.
    Absent,
}

impl FitBasis {
    /// The basis of a candidate chosen with `track`: changed when it was
    /// chosen for its newest steps, too short with fewer than three steps,
    /// irregular when it foresaw fewer than half of them, else fitted.
    pub(super) fn of(track: Track, within_days: u32) -> Self {
        let Track { hits, total, .. } = track;
        if let Some((run, before)) = track.followed_since() {
            Self::Changed {
                hits: run,
                before,
                within_days,
            }
        } else if total < FEWEST_STEPS {
            Self::TooShort { steps: total }
        } else if hits * 2 < total {
            Self::Irregular {
                hits,
                total,
                within_days,
            }
        } else {
            Self::Fitted {
                hits,
                total,
                within_days,
            }
        }
    }
}

/// One rule of a fit: what it is about, and what it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct FitNote {
    /// The rule.
    pub subject: FitSubject,
    /// What it rests on.
    pub basis: FitBasis,
}

/// Says what the rule rests on, after its name: `releases: 38 of 40
/// releases within 7 days`.
impl std::fmt::Display for FitNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.subject.name(), self.basis_text())
    }
}

impl FitNote {
    /// What the rule rests on, in words: `38 of 40 releases within 7 days`.
    #[must_use]
    pub fn basis_text(&self) -> String {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_basis(&mut text);
        text
    }

    fn write_basis(&self, f: &mut dyn std::fmt::Write) -> std::fmt::Result {
        let subject = self.subject;
        match self.basis {
            FitBasis::Stated => f.write_str("as the policy states it"),
            FitBasis::Fitted {
                hits,
                total,
                within_days,
            } => write!(
                f,
                "{hits} of {total} {} within {within_days} days",
                subject.steps(total)
            ),
            FitBasis::Changed {
                hits,
                before,
                within_days,
            } => write!(
                f,
                "a changed rule: the newest {hits} {} in a row within {within_days} days, which \
                 the rule of the {before} before missed",
                subject.steps(hits)
            ),
            FitBasis::Irregular {
                hits,
                total,
                within_days,
            } => {
                write!(
                    f,
                    "irregular: the best rule foresees {hits} of {total} {} within \
                     {within_days} days",
                    subject.steps(total)
                )?;
                match subject {
                    FitSubject::Patches => f.write_str(", so patches are the recorded ones alone"),
                    FitSubject::Releases if hits == 0 => {
                        f.write_str(", so lines come at the mean interval")
                    }
                    FitSubject::NewMajor => f.write_str(", so no new major is projected"),
                    _ => Ok(()),
                }
            }
            FitBasis::TooShort { steps: 0 } => write!(
                f,
                "the history has no {} to go by: the simplest rule",
                subject.steps(0)
            ),
            FitBasis::TooShort { steps: count } => write!(
                f,
                "the history has {count} {}, too few to say: the simplest rule",
                subject.steps(count)
            ),
            FitBasis::StillSupported { lines } => write!(
                f,
                "the history has no {} to go by and still supports {lines} {}: the fewest \
                 lines later that keeps them supported",
                subject.steps(0),
                if lines == 1 { "line" } else { "lines" }
            ),
            FitBasis::Absent => f.write_str(match subject {
                FitSubject::NewMajor => "the history has one major: no new major is projected",
                FitSubject::Active | FitSubject::LtsActive => {
                    "no line ends its active support before its support: one phase"
                }
                FitSubject::Lts => "no line is declared LTS: no LTS rule",
                FitSubject::LtsStarts => "LTS lines are LTS from their release",
                _ => "the history shows none",
            }),
        }
    }
}
