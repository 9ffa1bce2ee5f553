//! One module per subcommand: its arguments, its call into the library, and
//! the report it hands to the renderers. A new command is a new module, its
//! `mod` line, and one line in the list at the end of this file, which says
//! where its arguments keep the options every query shares (`query`: `--on`
//! and the sources of facts; `on`: `--on` alone; `sources`: the sources alone).

mod args;
mod last_day;
mod run;

use anyhow::Result;
use clap::Subcommand;

use crate::session::{Answer, Context, Format, Output};

pub use args::{
    ColorChoice, CommonOptions, DATE_VALUE, DateRange, Explain, OnDate, PERIOD_VALUE, ProductFile,
    Query, Recorded, Source, Sources, WithCommon, alone_as_text, line_option,
};
pub use run::{ManText, PolicyUse, Run};

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

/// Where a command's arguments keep the shared options: the `--on` it
/// answers for, and the sources of facts given after the command.
macro_rules! shared {
    (query, $args:expr) => {
        (Some(&$args.query.on), Some(&$args.query.sources))
    };
    (on, $args:expr) => {
        (Some(&$args.on), None::<&Sources>)
    };
    (sources, $args:expr) => {
        (None::<&OnDate>, Some(&$args.sources))
    };
    (none, $args:expr) => {{
        let _ = $args;
        (None::<&OnDate>, None::<&Sources>)
    }};
}

/// Declares the command modules and the `Command` enum clap parses, and
/// dispatches to each module's [`Run`] implementation.
macro_rules! commands {
    ($($module:ident => $variant:ident ($shared:ident),)+) => {
        // Deferred: clap builds the arguments of the one command that runs.
        #[derive(Debug, Subcommand)]
        #[command(defer = true)]
        pub enum Command {
            $(
                #[command(about = $module::ABOUT, long_about = $module::LONG_ABOUT)]
                $variant(WithCommon<$module::Args>),
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

            /// What the command makes of `--policy` and the facts' sources.
            pub fn policy_use(&self) -> PolicyUse {
                match self {
                    $(Self::$variant(_) => <$module::Args as Run>::POLICY,)+
                }
            }

            /// The columns the command was asked to draw in.
            pub fn width(&self) -> Option<u16> {
                match self {
                    $(Self::$variant(given) => given.args.width(),)+
                }
            }

            /// The day the command answers for, when it takes `--on`: the
            /// day its facts may look old by.
            pub fn on_date(&self) -> Option<&OnDate> {
                match self {
                    $(Self::$variant(given) => shared!($shared, given.args).0,)+
                }
            }

            /// The common options given after the command.
            pub fn common(&self) -> &CommonOptions {
                match self {
                    $(Self::$variant(given) => &given.common,)+
                }
            }

            /// The sources of facts given after the command.
            pub fn sources(&self) -> Option<&Sources> {
                match self {
                    $(Self::$variant(given) => shared!($shared, given.args).1,)+
                }
            }

            /// What the man page of the command named `name` says beyond
            /// its options.
            pub fn man_text(name: &str) -> Option<&'static ManText> {
                $(if name == stringify!($module).replace('_', "-") {
                    return Some(&<$module::Args as Run>::MAN);
                })+
                None
            }

            /// Runs the command; once it has answered, whether its facts
            /// look old is said after what it notes itself.
            pub fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
                let answer = match self {
                    $(Self::$variant(given) => given.args.run(context, out),)+
                };
                answer.map(|answer| answer.and_note(context.old_facts_note.clone()))
            }
        }
    };
}

// Declared here rather than by `commands!`, so that rustfmt (which does not
// expand macros) and every other tool sees them; after the macros they use.
mod audit;
mod backport_targets;
mod completions;
mod man;
mod next_patch;
mod policy;
mod products;
mod releases;
mod scan;
mod status;
mod supported;
mod tag;
mod tags_for;
mod timeline;

commands! {
    supported => Supported(query),
    backport_targets => BackportTargets(query),
    status => Status(query),
    releases => Releases(query),
    tag => Tag(query),
    tags_for => TagsFor(query),
    next_patch => NextPatch(query),
    audit => Audit(query),
    timeline => Timeline(query),
    completions => Completions(none),
    man => Man(none),
    policy => Policy(sources),
    products => Products(none),
    scan => Scan(on),
}

impl Command {
    /// Whether it is `policy --fit`, which answers with a policy fitted to
    /// the history.
    pub fn fits(&self) -> bool {
        matches!(self, Self::Policy(given) if given.args.fits())
    }

    /// The product file (and release-data) of `policy --from-endoflife`.
    pub fn generates(&self) -> Option<ProductFile<'_>> {
        match self {
            Self::Policy(given) => given.args.generates(),
            _ => None,
        }
    }
}
