//! What each rule of a fitted policy is and rests on, in words, for
//! `policy --fit`.

use lts_policy::Policy;
use lts_policy::fit::{FitBasis, FitNote};

use super::rule_words::field_text;

/// A fitted rule in words, and what it rests on: `releases: every month,
/// on the 3rd Thursday (38 of 40 releases within 7 days)`.
pub fn note_line(policy: &Policy, note: &FitNote) -> String {
    let own = policy.own_rules();
    let kind = policy.line_kind();
    // The LTS rule's parts are in its sentence.
    let field = note.subject.field();
    match field.filter(|_| note.basis != FitBasis::Absent) {
        Some(field) => format!(
            "fit: {} ({})",
            field_text(field, kind, own),
            note.basis_text()
        ),
        None => format!("fit: {note}"),
    }
}
