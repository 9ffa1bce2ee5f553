//! `next-patch`: the next patch day and the versions it ships.

use anyhow::Result;
use chrono::NaiveDate;

use lts_policy::answers::Start;

use super::{DATE_VALUE, ManText, Query, Run, alone_as_text, last_day};
use crate::render::Report;
use crate::render::reports::NextPatch;
use crate::session::{Answer, Context, Output};

help!("The next patch day and the versions it ships");

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    /// Look strictly after DATE (YYYY-MM-DD), e.g. 2026-11-25 [default: from
    /// --on on, that day included]
    #[arg(long, value_name = "DATE", conflicts_with = "on", value_parser = DATE_VALUE)]
    after: Option<NaiveDate>,

    /// Print the day alone (YYYY-MM-DD), for a script, e.g. `day=$(lts-policy
    /// next-patch --day)`
    #[arg(long)]
    day: bool,

    #[command(flatten)]
    pub(super) query: Query,
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "a patch day comes, and is printed",
            Some("no patch day comes: the reason goes to standard error"),
        ),
        examples: &[
            (
                "lts-policy next-patch",
                "The next patch day from today, and the versions it ships.",
            ),
            (
                "lts-policy next-patch --after 2026-11-25 --json",
                "The first patch day after 25 November 2026, as JSON.",
            ),
            (
                "lts-policy next-patch --on 2026-12-01 --day",
                "The next patch day from 1 December 2026 on, that day included, alone.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let start = match self.after {
            Some(after) => Start::After(after),
            None => Start::OnOrAfter(context.on),
        };
        let format = context.settings.format;
        if self.day {
            alone_as_text("--day", "the day", format)?;
        }
        let report = NextPatch {
            policy: &context.policy,
            start,
            day: context.policy.next_patch(start)?,
            day_alone: self.day,
        };
        if let Some(day) = &report.day {
            last_day::check_day(day.day, "the next patch day")?;
            last_day::check(day.patches.iter().map(|shipped| &shipped.info))?;
        }
        let answer =
            Answer::from_bool(report.day.is_some()).with_note(report.aside(format, context.today)?);
        out.answer(answer, |out| report.write(&context.settings, out))
    }
}
