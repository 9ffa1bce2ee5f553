//! The rules of a history: each one stated kept, each other fitted.

use super::notes::{FitBasis, FitNote, FitSubject};
use super::seen::Seen;
use super::{ends, lts, majors, schedules};
use crate::policy::lines::line::LineKind;
use crate::policy::lines::release::Release;
use crate::policy::rules::fields::Stated;
use crate::policy::rules::line_rules::LineRules;

/// The rules of `history`, for lines of `kind`: those `stated` as they are,
/// the others fitted; with a note on each.
pub(crate) fn fit_rules(
    history: &[Release],
    kind: LineKind,
    stated: &Stated,
) -> (LineRules, Vec<FitNote>) {
    let mut seen = Seen::new(history);
    let mut notes = Vec::new();
    let mut note = |subject, basis| notes.push(FitNote { subject, basis });
    let new_major = match (kind, stated.new_major) {
        (LineKind::Major | LineKind::Dotted, _) => None,
        (LineKind::Minor, Some(rule)) => {
            note(FitSubject::NewMajor, FitBasis::Stated);
            Some(rule)
        }
        (LineKind::Minor, None) => {
            let (rule, basis) = majors::new_major(&seen);
            note(FitSubject::NewMajor, basis);
            rule
        }
    };
    let releases = kept_or_fitted(&stated.releases, FitSubject::Releases, &mut note, || {
        schedules::releases(&seen)
    });
    seen.releases = Some(releases.clone());
    let patches = kept_or_fitted(&stated.patches, FitSubject::Patches, &mut note, || {
        schedules::patches(&seen)
    });
    let (support, last_of_major) = match stated.support {
        Some(rule) => {
            note(FitSubject::Support, FitBasis::Stated);
            rule
        }
        None => {
            let (rule, basis, last) = ends::support(&seen, kind == LineKind::Minor);
            note(FitSubject::Support, basis);
            if let Some((_, basis)) = last {
                note(FitSubject::LastOfMajor, basis);
            }
            (rule, last.map(|(rule, _)| rule))
        }
    };
    let active = match stated.active {
        Some(rule) => {
            note(FitSubject::Active, FitBasis::Stated);
            Some(rule)
        }
        None => {
            let (rule, basis) = ends::active(&seen);
            note(FitSubject::Active, basis);
            rule
        }
    };
    let lts = match stated.lts {
        Some(rule) => {
            note(FitSubject::Lts, FitBasis::Stated);
            Some(rule)
        }
        None if !seen.has_lts() => {
            note(FitSubject::Lts, FitBasis::Absent);
            None
        }
        None => Some(lts::lts(&seen, &support, &mut note)),
    };
    let rules = LineRules {
        new_major,
        releases,
        patches,
        support,
        last_of_major,
        active,
        lts,
    };
    (rules, notes)
}

/// The rule `stated`, noted as such, or the one `fit` gives, noted as it says.
fn kept_or_fitted<R: Clone>(
    stated: &Option<R>,
    subject: FitSubject,
    note: &mut impl FnMut(FitSubject, FitBasis),
    fit: impl FnOnce() -> (R, FitBasis),
) -> R {
    let (rule, basis) = match stated {
        Some(rule) => (rule.clone(), FitBasis::Stated),
        None => fit(),
    };
    note(subject, basis);
    rule
}
