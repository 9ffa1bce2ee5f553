//! The embedded default, Kestra's policy, checked when the crate is built.
//!
//! `build.rs` reads `examples/kestra.json` with the file reader, fails the
//! build on any problem, and keeps the checked rules and history as
//! postcard bytes. A start decodes those (a few thousand instructions)
//! instead of reading and checking the file again (about 130,000: a third
//! of a whole answer).

use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::lines::release::Release;
use crate::policy::rules::policy_rules::PolicyRules;

/// What `build.rs` keeps of a checked policy: its rules and its history,
/// from which [`Policy::new`] works out the rest.
#[cfg(not(embedded_policy))]
type Kept<'p> = (&'p PolicyRules, &'p [Release]);

/// The same, decoded.
type Decoded = (PolicyRules, Vec<Release>);

/// Kestra's policy, as `build.rs` kept it.
#[cfg(embedded_policy)]
const KESTRA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kestra.postcard"));

impl Policy {
    /// What `build.rs` keeps of the policy. (Only `build.rs`, compiled
    /// before the bytes exist, has no `embedded_policy`.)
    #[cfg(not(embedded_policy))]
    pub(crate) fn kept(&self) -> Kept<'_> {
        (self.rules(), self.history())
    }

    /// The policy `build.rs` kept as `bytes`; `None` for bytes it did not
    /// write.
    pub(crate) fn from_kept(bytes: &[u8]) -> Option<Self> {
        let (rules, history): Decoded = postcard::from_bytes(bytes).ok()?;
        // A kept history was checked, so it is never empty; bytes from
        // elsewhere are refused rather than trusted on that.
        (!history.is_empty()).then(|| Self::new(rules, history))
    }

    /// The embedded default: Kestra's policy and history.
    ///
    /// # Errors
    /// None in practice: the build checks the embedded file. (Should the
    /// kept bytes not decode, the file is read again.)
    ///
    /// # Examples
    /// ```
    /// use lts_policy::Policy;
    /// let kestra = Policy::kestra().unwrap();
    /// assert_eq!(kestra.name(), "kestra");
    /// assert_eq!(kestra.first_release().line.to_string(), "1.0");
    /// ```
    #[cfg(embedded_policy)]
    pub fn kestra() -> Result<Self, PolicyError> {
        Self::from_kept(KESTRA)
            .map_or_else(|| Self::from_json(crate::policy::file::KESTRA_JSON), Ok)
    }
}
