//! The recorded ends against the rules the product's record states: where
//! an end is more than a week off a rule its own file writes down, a
//! maintainer has typed a day wrong, or the rule changed or never held.

use chrono::NaiveDate;

use super::finding::Finding;
use crate::policy::catalogue::StatedRule;
use crate::policy::definition::Policy;
use crate::policy::lines::release::Release;

impl Policy {
    /// Each end recorded for a line released up to `on` that is more than
    /// [`AGREE_DAYS`](crate::catalogue::AGREE_DAYS) off a rule
    /// `product.stated` lists, used or not: a rule the generator declined
    /// because the ends contradict it is what a maintainer wants to see.
    /// Rule by rule, each in line order: linear in the lines per rule.
    pub(super) fn stated_rule_findings(&self, on: NaiveDate) -> Vec<Finding> {
        let Some(product) = self.product() else {
            return Vec::new();
        };
        // The notes keep a comment's text without its `#`; the reader
        // expects the comment as the file writes it. A text it cannot read
        // (a file written by hand) states nothing it could check.
        let rules: Vec<StatedRule> = product
            .stated
            .iter()
            .filter_map(|note| StatedRule::read(&format!("# {}", note.rule)))
            .collect();
        if rules.is_empty() {
            return Vec::new();
        }
        // The rule counts lines in the order of their numbers, as the
        // record lists them; lines not released by `on` are not yet facts.
        let mut by_line: Vec<&Release> = self
            .history()
            .iter()
            .filter(|release| release.released <= on)
            .collect();
        by_line.sort_by(|a, b| a.line.cmp(&b.line));
        let mut findings = Vec::new();
        for rule in &rules {
            findings.extend(
                rule.against(&by_line)
                    .into_iter()
                    .filter(|end| !end.agrees())
                    .map(|end| Finding::OffStatedRule {
                        days_off: end.days_off(),
                        line: end.line,
                        phase: end.field,
                        recorded: end.recorded,
                        stated: end.stated,
                        rule: rule.text.clone(),
                    }),
            );
        }
        findings
    }
}
