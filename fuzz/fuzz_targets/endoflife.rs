//! Any bytes as an endoflife.date answer, for a policy of minor lines
//! (Kestra's) and one of major lines (Node.js's): reading never panics, an
//! error is one line, and the facts a valid answer gives merge into the
//! history or are refused, never panicking; a merged policy answers every
//! query without panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;
use lts_policy::Policy;
use lts_policy::facts::Facts;

#[path = "../../tests/model/queries.rs"]
mod queries;

const NODEJS: &str = include_str!("../../examples/nodejs.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (Ok(kestra), Ok(nodejs)) = (Policy::kestra(), Policy::from_json(NODEJS)) else {
        return;
    };
    for policy in [kestra, nodejs] {
        let merged = Facts::from_endoflife(text, policy.line_kind())
            .and_then(|facts| policy.with_facts(&facts, None));
        match merged {
            Ok(merged) => queries::ask_everything(&merged),
            Err(err) => {
                let line = err.to_string();
                assert!(!line.contains(['\n', '\r']), "{line}");
                assert!(line.chars().count() < 2_000, "{line}");
            }
        }
    }
});
