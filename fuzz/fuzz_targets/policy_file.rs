//! Any bytes as a policy file: reading never panics, a file is valid
//! exactly when no problem is reported, and a valid policy answers every
//! query without panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;
use lts_policy::Policy;

#[path = "../../tests/model/queries.rs"]
mod queries;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut problems = 0_usize;
    let policy = Policy::check_json_with(text, &mut |_| problems += 1);
    assert_eq!(policy.is_some(), problems == 0);
    if let Some(policy) = policy {
        assert_eq!(Policy::from_json(&policy.to_json()).ok(), Some(policy.clone()));
        queries::ask_everything(&policy);
    }
});
