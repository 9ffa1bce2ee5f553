//! `tags-for VERSION`: the floating tags a newly published version takes,
//! the reverse of `tag NAME`.

use anyhow::{Context as _, Result, bail};

use super::{ManText, Query, Run};
use crate::render::Report;
use crate::render::reports::TagsFor;
use crate::session::{Answer, Context, Output};

help!(
    "The floating tags a version takes when it is published: latest, latest-lts, its line's, \
     the policy's own",
    "One tag per line, none for a version that must move no tag (an older patch than its line's \
     newest, a patch of a line past its end). The reverse of `tag`: each tag printed points to \
     VERSION on the date."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// The version published, with its patch number, e.g. 2.0.12
    version: String,

    #[command(flatten)]
    pub(super) query: Query,
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "answered, however many tags the version takes (none too)",
            None,
        ),
        examples: &[
            (
                "lts-policy tags-for 2.0.12",
                "The tags to move to 2.0.12 on publishing it today: latest when 2.0 is the latest \
                 line, latest-lts when it is the newest LTS line, and 2.0.",
            ),
            (
                "for tag in $(lts-policy tags-for \"$VERSION\"); do docker tag \"app:$VERSION\" \
                 \"app:$tag\"; done",
                "Moves each floating tag of an image to the version just built.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let input = context
            .policy
            .read_version(&self.version)
            .context("VERSION")?;
        // A whole version names more than its line: its patch number too.
        let line = context.policy.line_of_version(&input).context("VERSION")?;
        let Some(version) = input
            .numbers()
            .and_then(|numbers| numbers.exact(&line, context.policy.line_kind()))
        else {
            bail!(
                "VERSION: tags-for takes a whole version, with its patch number, like 2.0.12, not \
                 {:?}",
                self.version
            );
        };
        let on = context.on;
        let report = TagsFor {
            policy: &context.policy,
            tags: context.policy.tags_for(&version, on)?,
            version,
            on,
        };
        out.answer(Answer::yes(), |out| report.write(&context.settings, out))
    }
}
