//! The words `--explain` gives a projected date's 80% range: where it
//! comes from, or why there is none.

use lts_policy::answers::Explanation;
use lts_policy::forecast::FEWEST_SLIPS;
use lts_policy::lines::EolReason;

/// Where a projected release's 80% range comes from, or why it has none.
pub(super) fn range_text(explanation: &Explanation) -> String {
    let count = explanation.track_record;
    match explanation.info.released_range {
        Some(range) => format!(
            "80% between {} and {}, from how far the history's {count} releases after its first \
             fell from the days the rules had them due, recent years weighing more",
            range.from, range.to
        ),
        None if count < FEWEST_SLIPS => format!(
            "no 80% range: the history has {count} releases after its first to go by, \
             {FEWEST_SLIPS} are needed"
        ),
        None => "no 80% range: no release of the history came as late".to_owned(),
    }
}

/// Where a projected end's 80% range comes from.
pub(super) fn end_range_text(explanation: &Explanation) -> Option<String> {
    let range = explanation.info.eol_range?;
    let ends = explanation.end_track_record;
    let from = match explanation.info.eol_reason {
        EolReason::Overdue => "from the day after the history to the day the history's \
             recorded ends as late as it came by"
            .to_owned(),
        _ if ends >= FEWEST_SLIPS => format!(
            "from the release it counts from and how far the history's {ends} newest recorded \
             ends fell from the rules' ends"
        ),
        _ => format!(
            "from the release it counts from (the history's {ends} recorded ends are too few \
             to widen it, {FEWEST_SLIPS} are needed)"
        ),
    };
    Some(format!(
        "its end 80% between {} and {}, {from}",
        range.from, range.to
    ))
}
