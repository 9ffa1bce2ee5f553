//! The context every command runs in: what the flags and the environment
//! decided, once, before any command runs.

use chrono::NaiveDate;

use lts_policy::Policy;
use lts_policy::fit::FitNote;

use super::format::Settings;

/// Everything a command needs besides its own arguments.
pub struct Context {
    /// The current UTC date, the default of every date.
    pub today: NaiveDate,
    /// The day the command answers for: `--on`, or today.
    pub on: NaiveDate,
    /// The policy `--policy` names, or the embedded one, with the facts of
    /// `--git` or `--endoflife` merged in; for `policy --fit`, the policy
    /// fitted to that history.
    pub policy: Policy,
    /// For `policy --fit`, what each rule of `policy` rests on.
    pub fit_notes: Vec<FitNote>,
    /// That the policy's facts look old for the day asked about, for
    /// stderr once the command has answered.
    pub old_facts_note: Option<String>,
    /// What the renderers are handed.
    pub settings: Settings,
    /// The program's command line, for the commands that describe it (the
    /// man page, the completion scripts).
    pub program: fn() -> clap::Command,
}
