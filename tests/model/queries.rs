//! Every query of the model, on a few dates: what the no-panic fuzz runs on
//! each policy it makes (here, and in `fuzz/`, which includes this file).

use chrono::{Days, NaiveDate};

use lts_policy::answers::{Fix, Start, Tag};
use lts_policy::audit::AuditScope;
use lts_policy::{Policy, VersionInput};

/// Asks `policy` everything; errors are answers, panics are not.
pub fn ask_everything(policy: &Policy) {
    let first = policy.first_release().released;
    for on in [
        first,
        first + Days::new(400),
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or(first),
    ] {
        let _ = policy.supported_on(on);
        let _ = policy.backport_targets(on, None, Fix::Bug);
        let _ = policy.backport_targets(on, None, Fix::Security);
        if let Ok(calendar) = policy.releases(None, None, on) {
            calendar.lines().for_each(drop);
            calendar.patch_days().take(20).for_each(drop);
        }
        let _ = policy.audit(on, AuditScope::Projected { to: None });
        let _ = policy.explain_on(on, None);
        let _ = policy.next_patch(Start::After(on));
        let _ = policy.tag(Tag::LatestLts, on);
        let line = &policy.newest_release().line;
        let _ = policy.status(
            VersionInput::new(line.major().unwrap(), line.minor(), Some(3)),
            on,
        );
        if let Ok(timeline) = policy.timeline(on, None, None)
            && let Ok(rows) = timeline.rows()
        {
            rows.for_each(drop);
        }
    }
}
