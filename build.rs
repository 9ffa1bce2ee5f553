//! Checks the embedded default policy when the crate is built, and keeps
//! it decoded (`src/policy/embedded.rs`): the library's own file reader,
//! compiled into this script, reads `examples/kestra.json`; any problem
//! fails the build, listed with its JSON path.

use std::path::PathBuf;
use std::process::ExitCode;
use std::{env, fs};

// The whole model, of which this script calls the reader and the keeping.
#[allow(dead_code, unused_imports)]
#[path = "src/policy/mod.rs"]
mod policy;

use policy::definition::Policy;

const EMBEDDED: &str = "examples/kestra.json";

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed={EMBEDDED}");
    println!("cargo::rerun-if-changed=src/policy");
    match keep() {
        Ok(()) => {
            println!("cargo::rustc-cfg=embedded_policy");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in problems {
                eprintln!("error: {EMBEDDED}: {problem}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Reads and checks the embedded policy, and writes what the library
/// decodes at every start.
fn keep() -> Result<(), Vec<String>> {
    let json = fs::read_to_string(EMBEDDED).map_err(|err| vec![err.to_string()])?;
    let policy = Policy::check_json(&json)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let bytes = postcard::to_allocvec(&policy.kept()).map_err(|err| vec![err.to_string()])?;
    let out_dir = env::var_os("OUT_DIR").ok_or_else(|| vec!["OUT_DIR is not set".to_owned()])?;
    fs::write(PathBuf::from(out_dir).join("kestra.postcard"), bytes)
        .map_err(|err| vec![err.to_string()])
}
