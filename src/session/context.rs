//! The context every command runs in: what the flags and the environment
//! decided, once, before any command runs.

use chrono::NaiveDate;

use lts_policy::Policy;

use super::format::Settings;

/// Everything a command needs besides its own arguments.
pub struct Context {
    /// The current UTC date, the default of every date.
    pub today: NaiveDate,
    /// The policy `--policy` names, or the embedded one, with the facts of
    /// `--git` or `--endoflife` merged in.
    pub policy: Policy,
    /// What the renderers are handed.
    pub settings: Settings,
    /// The program's command line, for the commands that describe it (the
    /// man page, the completion scripts).
    pub program: fn() -> clap::Command,
}
