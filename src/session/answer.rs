//! How a command ended when it did not fail.

/// How a command ended when it did not fail: yes (exit 0) or no (exit 1),
/// with a note for stderr when the answer itself cannot carry it.
#[must_use]
pub struct Answer {
    yes: bool,
    note: Option<String>,
}

impl Answer {
    /// The answer is yes, or simply given.
    pub fn yes() -> Self {
        Self::from_bool(true)
    }

    /// Yes when `yes`, else no.
    pub fn from_bool(yes: bool) -> Self {
        Self { yes, note: None }
    }

    /// The same answer, with a note for stderr.
    pub fn with_note(self, note: Option<String>) -> Self {
        Self { note, ..self }
    }

    /// The same answer, with `more` after its note, on a line of its own.
    pub fn and_note(self, more: Option<String>) -> Self {
        Self {
            note: joined_notes(self.note, more),
            ..self
        }
    }

    /// The note for stderr, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// 0 for yes, 1 for no.
    pub fn exit_code(&self) -> u8 {
        if self.yes { 0 } else { 1 }
    }
}

/// `first` then `then`, each on lines of its own, for stderr; either may
/// be missing.
pub fn joined_notes(first: Option<String>, then: Option<String>) -> Option<String> {
    match (first, then) {
        (Some(first), Some(then)) => Some(format!("{first}\n{then}")),
        (first, then) => first.or(then),
    }
}
