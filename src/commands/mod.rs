//! One module per subcommand: its arguments, its call into the library, and
//! the report it hands to the renderers. A new command is a new module and
//! one line in the list at the end of this file.

use anyhow::Result;
use clap::Subcommand;

use crate::cli::{Context, OnDate, Output, Sources};
use crate::render::Format;

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

    /// The note for stderr, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// 0 for yes, 1 for no.
    pub fn exit_code(&self) -> u8 {
        if self.yes { 0 } else { 1 }
    }
}

/// A subcommand's arguments, and how it runs.
pub trait Run {
    /// The formats it writes; the first is its default.
    const FORMATS: &'static [Format];

    /// Whether it answers from the policy; completions and the man page
    /// describe the program instead.
    const READS_POLICY: bool = true;

    /// The columns it was asked to draw in, for a picture.
    fn width(&self) -> Option<u16> {
        None
    }

    /// The `--on` it answers for, if it takes one: `--git` reads the
    /// repository as the truth up to that day.
    fn on_date(&self) -> Option<&OnDate> {
        None
    }

    /// The sources of facts given after the command, if it takes them.
    fn sources(&self) -> Option<&Sources> {
        None
    }

    /// Decides the answer, then writes it through `out`.
    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer>;
}

/// Declares a command's `--help` texts, kept apart from its arguments so
/// that clap builds those only for the command that runs: `ABOUT`, its line
/// in the list of commands, and `LONG_ABOUT`, that line and the details.
macro_rules! help {
    ($about:literal $(, $details:literal)?) => {
        /// The command's line in the list of commands.
        pub const ABOUT: &str = $about;
        /// The command's `--help`.
        pub const LONG_ABOUT: &str = concat!($about $(, "\n\n", $details)?);
    };
}

/// Declares the command modules and the `Command` enum clap parses, and
/// dispatches to each module's [`Run`] implementation.
macro_rules! commands {
    ($($module:ident => $variant:ident,)+) => {
        $(mod $module;)+

        // Deferred: clap builds the arguments of the one command that runs.
        #[derive(Debug, Subcommand)]
        #[command(defer = true)]
        pub enum Command {
            $(
                #[command(about = $module::ABOUT, long_about = $module::LONG_ABOUT)]
                $variant($module::Args),
            )+
        }

        impl Command {
            /// The command's name, as typed.
            pub fn name(&self) -> String {
                match self {
                    $(Self::$variant(_) => stringify!($module).replace('_', "-"),)+
                }
            }

            /// The formats the command writes; the first is its default.
            pub fn formats(&self) -> &'static [Format] {
                match self {
                    $(Self::$variant(_) => <$module::Args as Run>::FORMATS,)+
                }
            }

            /// Whether the command answers from the policy.
            pub fn reads_policy(&self) -> bool {
                match self {
                    $(Self::$variant(_) => <$module::Args as Run>::READS_POLICY,)+
                }
            }

            /// The columns the command was asked to draw in.
            pub fn width(&self) -> Option<u16> {
                match self {
                    $(Self::$variant(args) => args.width(),)+
                }
            }

            /// The sources of facts given after the command.
            pub fn sources(&self) -> Option<&Sources> {
                match self {
                    $(Self::$variant(args) => args.sources(),)+
                }
            }

            /// The day the command answers for, when it takes `--on`.
            pub fn on_date(&self) -> Option<&OnDate> {
                match self {
                    $(Self::$variant(args) => args.on_date(),)+
                }
            }

            /// Runs the command.
            pub fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
                match self {
                    $(Self::$variant(args) => args.run(context, out),)+
                }
            }
        }
    };
}

commands! {
    supported => Supported,
    backport_targets => BackportTargets,
    status => Status,
    releases => Releases,
    tag => Tag,
    next_patch => NextPatch,
    audit => Audit,
    timeline => Timeline,
    completions => Completions,
    man => Man,
    policy => Policy,
}
