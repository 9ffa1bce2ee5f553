//! No policy file makes the model panic: Kestra's file with bytes changed,
//! dropped or inserted, and digits changed, queried on a few dates. Errors
//! are answers; panics are not. Run with `--nocapture` to see the counts.

use std::cell::Cell;
use std::panic::catch_unwind;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use lts_policy::Policy;

use super::queries::ask_everything;

/// Kestra's file with a few edits.
fn mutated_policy() -> impl Strategy<Value = Vec<u8>> {
    let original = Policy::kestra().unwrap().to_json().into_bytes();
    let edits = prop::collection::vec((any::<usize>(), 0..6u8, any::<u8>()), 1..6);
    edits.prop_map(move |edits| {
        let mut bytes = original.clone();
        for (at, kind, byte) in edits {
            let at = at % (bytes.len() + 1);
            match kind {
                0 if at < bytes.len() => bytes[at] = byte,
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, byte),
                3 => bytes.insert(at, b'0' + byte % 10),
                // Another digit in a number or date: often still valid JSON.
                _ => {
                    let digits: Vec<usize> = (0..bytes.len())
                        .filter(|&i| bytes[i].is_ascii_digit())
                        .collect();
                    if !digits.is_empty() {
                        bytes[digits[at % digits.len()]] = b'0' + byte % 10;
                    }
                }
            }
        }
        bytes
    })
}

#[test]
fn a_thousand_mutated_policy_files_never_panic() {
    let mut runner = TestRunner::new(Config {
        cases: 1_000,
        failure_persistence: None,
        ..Config::default()
    });
    let parsed = Cell::new(0);
    let result = runner.run(&mutated_policy(), |bytes| {
        let text = String::from_utf8_lossy(&bytes);
        let outcome = catch_unwind(|| {
            if let Ok(policy) = Policy::from_json(&text) {
                ask_everything(&policy);
                true
            } else {
                false
            }
        });
        match outcome {
            Ok(valid) => {
                parsed.set(parsed.get() + usize::from(valid));
                Ok(())
            }
            Err(_) => Err(TestCaseError::fail(format!("panic on {text}"))),
        }
    });
    assert!(result.is_ok(), "{result:?}");
    eprintln!(
        "fuzz: 1000 mutated policy files ({} still valid, all queried), 0 panics",
        parsed.get()
    );
}
