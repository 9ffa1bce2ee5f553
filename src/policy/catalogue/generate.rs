//! One product's policy, made from its record as endoflife.date keeps it:
//! what `policy --from-endoflife` prints and the catalogue carries.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use super::product::{Product, Provenance, RuleFrom, StatedNote};
use super::stated::{StatedField, StatedLines, StatedRule};
use crate::policy::definition::Policy;
use crate::policy::error::PolicyError;
use crate::policy::facts::{Contradiction, Facts};
use crate::policy::fit::{Draft, Fit};
use crate::policy::lines::line::{Line, LineKind, Numbering};
use crate::policy::lines::release::Release;

/// How many of a product's newest recorded ends a stated rule is checked
/// against: a rule the vendor changed is judged by the ends since.
const RECENT_ENDS: usize = 4;

/// One product's record, as endoflife.date's product file gives it (its
/// front matter read by the caller: YAML is not the model's to parse).
#[derive(Debug, Clone, Default)]
pub struct ProductRecord {
    /// endoflife.date's name for it (`nodejs`), the policy's name.
    pub name: String,
    /// What describes it: title, category, aliases, identifiers, the
    /// vendor's page. Its `rules_from` and `stated` are the generator's to
    /// fill.
    pub product: Product,
    /// Its cycles, as a list-form answer (`[{"releaseCycle": "26",
    /// "releaseDate": "2026-05-05", "eol": "2029-04-30", ...}]`).
    pub cycles: String,
    /// The rules its comments state ([`StatedRule::all_in`]).
    pub stated: Vec<StatedRule>,
    /// Its dated versions (release-data), each a name and its day.
    pub versions: Vec<(String, NaiveDate)>,
    /// The day the record is complete up to, where the caller knows it
    /// (the day of its snapshot): a line due by then and not recorded is
    /// late. Without it, the newest release or version it records, which
    /// for a product that releases seldom can be months before.
    pub complete_up_to: Option<NaiveDate>,
}

impl ProductRecord {
    /// The product's policy: its history from the cycles (the versions as
    /// patches), and its rules: `vendor`'s where given (a policy encoded by
    /// hand from the vendor's page, which applies to the lines it was
    /// written for; the older lines are the record's, over dotted lines
    /// where their numbers are of another depth), else each rule the
    /// record states where its newest recorded ends bear it out (at least
    /// half of the last four compared within a week, or none to compare),
    /// and rules fitted to the history for the rest. The `product` section
    /// says where each rule comes from, and how each stated rule fared.
    ///
    /// # Errors
    /// A record whose cycles cannot be read ([`Facts::from_endoflife`]),
    /// or that no rule fits; a vendor policy whose history the record
    /// contradicts.
    pub fn policy(&self, vendor: Option<&Policy>) -> Result<Policy, PolicyError> {
        match vendor {
            Some(vendor) => self.with_vendor_rules(vendor),
            None => self.with_stated_and_fitted_rules(),
        }
    }

    /// What the record's cycles say against themselves, which its policy
    /// leaves out (see [`Facts::contradictions`]); none where the cycles
    /// cannot be read, which [`ProductRecord::policy`] reports.
    #[must_use]
    pub fn contradictions(&self) -> Vec<Contradiction> {
        Facts::from_endoflife(&self.cycles, None)
            .map(|facts| facts.contradictions().to_vec())
            .unwrap_or_default()
    }

    fn with_vendor_rules(&self, vendor: &Policy) -> Result<Policy, PolicyError> {
        let record_is_dotted = self.numbering_alone() == Some(LineKind::Dotted);
        let dotted = if record_is_dotted {
            as_dotted(vendor)?
        } else {
            None
        };
        // Where the vendor's rules cannot be carried over dotted lines, the
        // record's cycles numbered otherwise are left out, as the comment says.
        let left_out =
            record_is_dotted && dotted.is_none() && vendor.line_kind() != LineKind::Dotted;
        let vendor = dotted.as_ref().unwrap_or(vendor);
        // The lines the vendor's history gives patches of keep its own.
        let patched: BTreeSet<&Line> = vendor
            .history()
            .iter()
            .filter(|release| !release.patches.is_empty())
            .map(|release| &release.line)
            .collect();
        let facts = Facts::from_endoflife(&self.cycles, Some(&vendor.numbering()))?
            .with_versions(self.versions.iter().cloned())
            .without_patches_of(|line| patched.contains(line));
        // On the days the record covers, its days win over the example's.
        let merged = vendor
            .with_days_of(&facts)?
            .with_facts(&facts, self.complete_up_to)?;
        let mut product = self.product.clone();
        if vendor.name() != self.name && !product.aliases.iter().any(|alias| alias == vendor.name())
        {
            product.aliases.push(vendor.name().to_owned());
        }
        product.rules_from = rules_from(&merged, |_| Provenance::Vendor);
        product.stated = self.stated_notes(&by_line(merged.history()), &BTreeSet::new());
        let comment = format!(
            "{} Rules encoded by hand from the vendor's policy{}; history from endoflife.date's \
             record of {}{}.",
            vendor.comment().unwrap_or_default(),
            self.product
                .policy_link
                .as_ref()
                .map_or_else(String::new, |link| format!(" ({link})")),
            self.title(),
            if left_out {
                ", but for its cycles numbered otherwise than the vendor's lines, which the \
                 vendor's rules cannot be carried over"
            } else {
                ""
            },
        );
        Ok(merged.renamed(&self.name, comment.trim_start().to_owned(), product))
    }

    fn with_stated_and_fitted_rules(&self) -> Result<Policy, PolicyError> {
        let facts =
            Facts::from_endoflife(&self.cycles, None)?.with_versions(self.versions.iter().cloned());
        let numbering = facts
            .numbering()
            .cloned()
            .unwrap_or_else(|| Numbering::of(LineKind::Minor));
        let history =
            Draft::empty(&self.name, numbering.clone()).with_facts(&facts, self.complete_up_to)?;
        let by_line = by_line(history.history());
        let has_lts = by_line.iter().any(|release| release.lts == Some(true));
        let chosen = self.chosen(&by_line, has_lts);
        let used: BTreeSet<&str> = chosen.iter().map(|(slot, _)| *slot).collect();
        let mut product = self.product.clone();
        product.stated = self.stated_notes(&by_line, &used);
        let comment = self.comment(&chosen);
        let mut draft = json!({
            "name": self.name,
            "comment": comment,
            "lines": numbering.kind.name(),
            "line_prefix": numbering.prefix.as_deref(),
        });
        let stated_lts = chosen.iter().any(|(slot, _)| slot.starts_with("lts."));
        for (slot, rule) in &chosen {
            if !slot.contains('.') {
                draft[*slot] = rule.support_terms();
            }
        }
        let mut fit = fitted(&draft, &facts, self.complete_up_to)?;
        if stated_lts && let Some(mut lts) = fitted_lts(&fit.policy) {
            for (slot, rule) in &chosen {
                if let Some(part) = slot.strip_prefix("lts.") {
                    lts[part] = rule.support_terms();
                }
            }
            draft["lts"] = lts;
            fit = fitted(&draft, &facts, self.complete_up_to)?;
        }
        product.rules_from = rules_from(&fit.policy, |rule| {
            if used.contains(rule) {
                Provenance::Stated
            } else {
                Provenance::Fitted
            }
        });
        let comment = fit.policy.comment().unwrap_or_default().to_owned();
        Ok(fit.policy.renamed(&self.name, comment, product))
    }

    /// The stated rules the policy uses, each with the rule field it
    /// fills (`support`, `active`, `lts.support`, `lts.active`): the first
    /// for each field its recorded ends bear out.
    fn chosen(&self, by_line: &[&Release], has_lts: bool) -> Vec<(&'static str, &StatedRule)> {
        let mut chosen: Vec<(&'static str, &StatedRule)> = Vec::new();
        for rule in &self.stated {
            if !borne_out(rule, by_line) || rule.lines == StatedLines::Lts && !has_lts {
                continue;
            }
            for &field in &rule.fields {
                let slot = match (rule.lines, field) {
                    (StatedLines::Lts, StatedField::Support) => "lts.support",
                    (StatedLines::Lts, StatedField::Active) => "lts.active",
                    (_, field) => field.name(),
                };
                if !chosen.iter().any(|(taken, _)| *taken == slot) {
                    chosen.push((slot, rule));
                }
            }
        }
        chosen
    }

    /// Each stated rule, with how the recorded ends bear it out, and
    /// whether one of the `used` fields is its.
    fn stated_notes(&self, by_line: &[&Release], used: &BTreeSet<&str>) -> Vec<StatedNote> {
        let mut notes: Vec<StatedNote> = Vec::new();
        for rule in &self.stated {
            let compared = rule.against(by_line);
            let agree = compared.iter().filter(|end| end.agrees()).count();
            let is_used = !used.is_empty()
                && borne_out(rule, by_line)
                && rule.fields.iter().any(|field| used.contains(field.name()));
            notes.push(StatedNote {
                rule: rule.text.clone(),
                agree: u32::try_from(agree).unwrap_or(u32::MAX),
                of: u32::try_from(compared.len()).unwrap_or(u32::MAX),
                used: is_used,
            });
        }
        notes
    }

    /// The draft's comment: where the policy comes from, and each stated
    /// rule it uses.
    fn comment(&self, chosen: &[(&str, &StatedRule)]) -> String {
        let mut comment = format!("Generated from endoflife.date's record of {}", self.title());
        if let Some(link) = &self.product.policy_link {
            comment.push_str(&format!(" (vendor's policy: {link})"));
        }
        comment.push('.');
        for (slot, rule) in chosen {
            comment.push_str(&format!(
                " {slot}: stated in the record, \"{}\".",
                rule.text
            ));
        }
        comment
    }

    /// How the record's own cycles are numbered, read without a policy;
    /// `None` where they read only under the vendor's numbering.
    fn numbering_alone(&self) -> Option<LineKind> {
        let facts = Facts::from_endoflife(&self.cycles, None).ok()?;
        facts.numbering().map(|numbering| numbering.kind)
    }

    fn title(&self) -> &str {
        self.product.title.as_deref().unwrap_or(&self.name)
    }
}

/// The rule fields a policy may state, in the file's order.
const RULE_FIELDS: [&str; 6] = [
    "new_major",
    "releases",
    "patches",
    "support",
    "active",
    "lts",
];

/// Where each rule `policy` states comes from, as `from` says, rule by
/// rule in the file's order; a part of the LTS rule stated apart from the
/// rest (`lts.support`) after it.
fn rules_from(policy: &Policy, from: impl Fn(&str) -> Provenance) -> Vec<RuleFrom> {
    let written: Map<String, Value> = serde_json::from_str(&policy.to_json()).unwrap_or_default();
    RULE_FIELDS
        .iter()
        .filter(|field| written.contains_key(**field))
        .flat_map(|field| {
            let parts = (*field == "lts").then_some(["lts.support", "lts.active"]);
            std::iter::once(*field).chain(
                parts
                    .into_iter()
                    .flatten()
                    .filter(|part| from(part) != from(field)),
            )
        })
        .map(|rule| RuleFrom {
            rule: rule.to_owned(),
            from: from(rule),
        })
        .collect()
}

/// Whether the newest ends `by_line` records bear `rule` out: at least
/// half of the last [`RECENT_ENDS`] compared agree, or none compare.
fn borne_out(rule: &StatedRule, by_line: &[&Release]) -> bool {
    let compared = rule.against(by_line);
    let recent = &compared[compared.len().saturating_sub(RECENT_ENDS)..];
    let agree = recent.iter().filter(|end| end.agrees()).count();
    agree * 2 >= recent.len()
}

/// A history in line order.
fn by_line(history: &[Release]) -> Vec<&Release> {
    let mut lines: Vec<&Release> = history.iter().collect();
    lines.sort_by(|a, b| a.line.cmp(&b.line));
    lines
}

/// The fit of the draft `draft` (a policy file's rules, no history) with
/// `facts` for its history, complete up to `complete_up_to` where known.
fn fitted(
    draft: &Value,
    facts: &Facts,
    complete_up_to: Option<NaiveDate>,
) -> Result<Fit, PolicyError> {
    Draft::from_json(&draft.to_string())?
        .with_facts(facts, complete_up_to)?
        .fit()
}

/// The LTS rule of a fitted policy, as its file writes it.
fn fitted_lts(policy: &Policy) -> Option<Value> {
    let written: Map<String, Value> = serde_json::from_str(&policy.to_json()).ok()?;
    written.get("lts").cloned()
}

/// The vendor's policy with dotted lines, for a record whose older cycles
/// are numbered another way (.NET's `3.1` before its majors, Grafana's `8`
/// before its minors): the same rules, its templates naming each line by
/// `{line}` where they named it by `{major}.{minor}` (minor lines) or
/// `{major}` (major lines), so that every line the vendor's policy was
/// written for is named and answered as before (but for the 80% ranges,
/// whose track records count the older lines too). `None` when a template
/// names a line's numbers apart (`v{major}-{minor}`), which `{line}` cannot
/// say, or a rule projects new majors (`new_major`), which dotted lines do
/// not: the older lines are then left out.
fn as_dotted(vendor: &Policy) -> Result<Option<Policy>, PolicyError> {
    let whole = match vendor.line_kind() {
        LineKind::Minor => "{major}.{minor}",
        LineKind::Major => "{major}",
        LineKind::Dotted => return Ok(None),
    };
    let dotted = |template: &str| {
        let named = template.replace(whole, "{line}");
        (!named.contains("{major}") && !named.contains("{minor}")).then_some(named)
    };
    // The policy's own JSON reads back.
    let Ok(mut file) = serde_json::from_str::<Value>(&vendor.to_json()) else {
        return Ok(None);
    };
    let changes = file["changes"].as_array().map_or(&[][..], Vec::as_slice);
    if file.get("new_major").is_some()
        || changes
            .iter()
            .any(|change| change.get("new_major").is_some())
    {
        return Ok(None);
    }
    file["lines"] = "dotted".into();
    let Some(branch) = file["branch_template"].as_str().and_then(dotted) else {
        return Ok(None);
    };
    file["branch_template"] = branch.into();
    if let Some(tags) = file.get_mut("tags").and_then(Value::as_array_mut) {
        for tag in tags {
            let Some(name) = tag["name"].as_str().and_then(dotted) else {
                return Ok(None);
            };
            tag["name"] = name.into();
        }
    }
    Policy::from_json(&file.to_string()).map(Some)
}
