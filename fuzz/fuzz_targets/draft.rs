//! Any bytes as a draft to fit: reading never panics, and a draft with a
//! history is fitted into a policy that reads back as it was written and
//! answers every query without panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;
use lts_policy::Policy;
use lts_policy::fit::Draft;

#[path = "../../tests/model/queries.rs"]
mod queries;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(draft) = Draft::from_json(text) else {
        return;
    };
    if draft.history().is_empty() {
        assert!(draft.fit().is_err());
        return;
    }
    let policy = draft.fit().unwrap().policy;
    assert_eq!(Policy::from_json(&policy.to_json()).ok(), Some(policy.clone()));
    queries::ask_everything(&policy);
});
