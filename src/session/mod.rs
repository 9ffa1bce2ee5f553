//! What one run of the program works with, below the commands and the
//! renderers that share it: the context the command line resolved, the
//! formats and their settings, the values of flags both read (a period),
//! the answer, the files read and written, and the output, with the
//! escaping of whatever a file controls.

mod answer;
mod context;
pub mod escape;
mod files;
mod format;
mod lookahead;
pub(crate) mod output;
mod replace;
#[cfg(all(target_os = "linux", target_env = "gnu", not(test)))]
pub mod start;

pub use answer::{Answer, joined_notes};
pub use context::Context;
pub use escape::{acts_on_a_terminal, for_terminal, json_for_terminal};
pub use files::{
    MAX_FILE_BYTES, beyond_policy_reads, read_policy_file, read_text, read_text_up_to,
};
pub use format::{Format, QUERY_FORMATS, Settings};
pub use lookahead::Lookahead;
pub use output::{Output, Tipped, error, message, usage};
pub use replace::replace_file;
