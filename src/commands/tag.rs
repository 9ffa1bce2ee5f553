//! `tag NAME`: the version a floating tag points to.

use std::ffi::OsStr;

use anyhow::{Context as _, Result};
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

use lts_policy::PolicyError;
use lts_policy::answers::{Tag, TagTarget};
use lts_policy::similar;

use super::{ManText, Query, Run};
use crate::render::Report;
use crate::render::reports::TagReport;
use crate::session::{Answer, Context, Output, Tipped};

help!(
    "The version a floating tag points to: latest, latest-lts or a line such as 1.3",
    "Exits 1, printing nothing, when the tag points to no version yet."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// latest, latest-lts, a line, e.g. 1.3, or one of the policy's own tags
    #[arg(value_parser = TagName, hide_possible_values = true)]
    name: String,

    /// Answer from the recorded history alone: the newest recorded version,
    /// never a projected one (exit 1 when none is recorded), e.g. `docker
    /// pull "kestra/kestra:$(lts-policy tag latest --recorded)"`
    #[arg(long)]
    recorded: bool,

    #[command(flatten)]
    pub(super) query: Query,
}

/// A tag's name: any text, read by [`Tag::parse`] with the policy at hand;
/// the names that are not lines are offered to completion.
#[derive(Clone)]
struct TagName;

impl TypedValueParser for TagName {
    type Value = String;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Tag::NAMES.iter().map(|name| PossibleValue::new(*name)),
        ))
    }
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "the tag points to a version, printed",
            Some(
                "it points to no version yet; nothing is printed, the reason goes to standard error",
            ),
        ),
        examples: &[
            (
                "lts-policy tag latest-lts",
                "The version the latest-lts tag points to today.",
            ),
            (
                "docker pull \"kestra/kestra:$(lts-policy tag latest-lts)\"",
                "Pulls the image of that version.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let tag = context.policy.parse_tag(&self.name).map_err(|err| {
            let near = matches!(err, PolicyError::InvalidTag { .. })
                .then(|| similar::nearest(&self.name, Tag::NAMES.iter().copied()))
                .flatten();
            let error = anyhow::Error::new(err).context("NAME");
            match near {
                Some(name) => anyhow::Error::new(Tipped {
                    error,
                    tip: format!("a similar tag exists: '{name}'"),
                }),
                None => error,
            }
        })?;
        if let Tag::Line(version) = &tag {
            context.policy.line_of_version(version).context("NAME")?;
        }
        let on = context.on;
        let policy = &context.policy;
        let target = if self.recorded {
            policy.recorded_tag(tag, on)?
        } else {
            policy.tag(tag, on)?
        };
        let report = TagReport {
            policy,
            name: &self.name,
            on,
            target,
        };
        let points = !matches!(report.target, TagTarget::Nowhere(_));
        let answer = Answer::from_bool(points)
            .with_note(report.aside(context.settings.format, context.today)?);
        out.answer(answer, |out| report.write(&context.settings, out))
    }
}
