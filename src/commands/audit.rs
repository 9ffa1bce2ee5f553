//! `audit`: the history (and, on request, the projection) against the
//! policy's promises.

use anyhow::{Result, bail};
use chrono::NaiveDate;

use lts_policy::audit::AuditScope;

use super::{DATE_VALUE, ManText, Query, Run, last_day};
use crate::render::reports::AuditReport;
use crate::render::{Report, bound};
use crate::session::{Answer, Context, Output};

help!(
    "Check the history against the policy; exits 1 when anything is found",
    "Finds lines released more than two weeks off the cadence or on another \
     weekday, LTS lines maintained for less than the promised period, periods with more LTS lines \
     maintained than allowed or (for more than two weeks) fewer than the policy keeps, patches \
     off their weekday or after their line's end of support, and recorded ends more than a week \
     off a rule the policy's product section says the record states."
);

#[derive(Debug, clap::Args)]
#[group(skip)]
pub struct Args {
    #[command(flatten)]
    pub(super) query: Query,

    /// Also check the lines the rules project, up to --to, e.g. `audit --projected`
    #[arg(long)]
    projected: bool,

    /// With --projected, check up to DATE (YYYY-MM-DD), e.g. 2028-12-31
    /// [default: one LTS support period after --on]
    #[arg(long, value_name = "DATE", requires = "projected", value_parser = DATE_VALUE)]
    to: Option<NaiveDate>,
}

impl Run for Args {
    const MAN: ManText = ManText {
        exit: (
            "nothing to report",
            Some("something was found: each finding is listed"),
        ),
        examples: &[
            (
                "lts-policy audit",
                "Checks the history against the policy's rules.",
            ),
            (
                "lts-policy audit --projected --to 2028-12-31",
                "Checks the lines the rules project up to the end of 2028 as well.",
            ),
        ],
    };

    fn run(&self, context: &Context, out: &mut Output) -> Result<Answer> {
        let on = context.on;
        let policy = &context.policy;
        let (scope, ended) = if self.projected {
            // The projected lines end where their dates stop fitting, as a
            // calendar does.
            let (calendar, ended) =
                last_day::fitting(policy, policy.releases(None, self.to, on)?, on)?;
            let to = Some(calendar.to());
            (AuditScope::Projected { to }, ended)
        } else {
            (AuditScope::History, None)
        };
        let report = AuditReport {
            policy,
            audit: policy.audit(on, scope)?,
        };
        if bound::exceeds(|out| report.write(&context.settings, out))? {
            bail!(
                "the audit would be larger than {} MiB, the most it writes: audit a shorter range \
                 with --to",
                bound::MAX_BYTES / 1024 / 1024
            );
        }
        let answer = Answer::from_bool(report.audit.findings.is_empty()).with_note(ended);
        out.answer(answer, |out| report.write(&context.settings, out))
    }
}
