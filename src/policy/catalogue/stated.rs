//! The rules endoflife.date's product files state in their comments, for
//! the people who keep them (`# eol(x) = releaseDate(x+1)`), read from the
//! raw text, and checked against the ends the same file records.
//!
//! endoflife.date writes an end as the last day of the phase, so a stated
//! `eol(x) = releaseDate(x+N)` says the line's last day is the day the
//! N-th line after it came out: support `{"until_next": N, "grace_days":
//! 1}`, whose first day without support is the day after. `releaseDate(x)
//! + N months` (or years, weeks) is `{"months": N, "grace_days": 1}`.

use std::fmt;

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

use crate::policy::dates::{add_months, days_between};
use crate::policy::file::numbers::{MAX_LINES, MAX_MONTHS, MAX_PERIOD_WEEKS};
use crate::policy::lines::line::Line;
use crate::policy::lines::release::{RecordedEnd, Release};

/// How far a recorded end may be from a stated rule's and still agree:
/// a week, as the back-test counts a forecast right.
pub const AGREE_DAYS: i64 = 7;

/// The phase a stated rule ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatedField {
    /// `eol(x)`: the end of support, the policy's `support`.
    Support,
    /// `eoas(x)`: the end of active support, the policy's `active`.
    Active,
}

impl StatedField {
    /// The rule field it states.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Support => "support",
            Self::Active => "active",
        }
    }

    /// The end of this phase a release records, as its last day.
    fn recorded_last_day(self, release: &Release) -> Option<NaiveDate> {
        let end = match self {
            Self::Support => release.eol.as_ref(),
            Self::Active => release.active_until.as_ref(),
        };
        match end {
            Some(RecordedEnd::On(first_day_after)) => first_day_after.pred_opt(),
            _ => None,
        }
    }
}

/// The lines a stated rule is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatedLines {
    /// Every line.
    All,
    /// The LTS lines (`LTS: eol(x) = ...`), the policy's `lts.support`.
    Lts,
    /// The other lines (`non-LTS: ...`), the policy's `support`.
    NonLts,
}

impl StatedLines {
    /// The lines as a heading names them: `LTS`, `non-LTS`; empty for all.
    fn label(self) -> &'static str {
        match self {
            Self::All => "",
            Self::Lts => "LTS",
            Self::NonLts => "non-LTS",
        }
    }
}

/// When a stated rule ends a line, as endoflife.date writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatedTerm {
    /// `releaseDate(x+N)`: the day the N-th line after it came out.
    UntilNext(u64),
    /// `releaseDate(x) + N months` (a year is 12).
    Months(u64),
    /// `releaseDate(x) + N weeks`.
    Weeks(u64),
}

/// One rule a product file states, as read from one of its comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedRule {
    /// The comment's text, as written.
    pub text: String,
    /// The phases it ends (`eoas(x) = eol(x) = ...` ends both).
    pub fields: Vec<StatedField>,
    /// The lines it is for.
    pub lines: StatedLines,
    /// When it ends them.
    pub term: StatedTerm,
}

impl StatedRule {
    /// The rule a comment states, where it is one of the common forms:
    /// `eol(x) = releaseDate(x+N)`, `eoas(x) = releaseDate(x+N)`,
    /// `releaseDate(x) + N months` (`m`, `years`, `y`, `weeks`), several
    /// phases at once (`eoas(x) = eol(x) = ...`, `eol(x)/eoas(x) = ...`),
    /// for LTS or non-LTS lines (`LTS: ...`, `For non-LTS, ...`, `... for
    /// LTS`). Any other
    /// shape (`max(...)`, `releaseDate(x+1) + 3 months`, a rule for some
    /// lines by name) is `None`: no rule is better than a misread one.
    ///
    /// # Examples
    /// ```
    /// use lts_policy::catalogue::{StatedLines, StatedRule, StatedTerm};
    /// let rule = StatedRule::read("# For non-LTS : eol(x) = releaseDate(x+1)").unwrap();
    /// assert_eq!((rule.lines, rule.term), (StatedLines::NonLts, StatedTerm::UntilNext(1)));
    /// let rule = StatedRule::read("# eol(x)  = releaseDate(x) + 1.5y").unwrap();
    /// assert_eq!(rule.term, StatedTerm::Months(18));
    /// assert!(StatedRule::read("# eol(x) = releaseDate(x+1) + 3 months").is_none());
    /// ```
    #[must_use]
    pub fn read(comment: &str) -> Option<Self> {
        let text = comment
            .trim()
            .strip_prefix('#')?
            .trim()
            .trim_start_matches("- ")
            .trim();
        let lower = text.to_ascii_lowercase();
        let first = ["eol(x)", "eoas(x)"]
            .iter()
            .filter_map(|field| lower.find(field))
            .min()?;
        let leading = qualifier(&lower[..first])?;
        let (fields, rest) = phases(&lower[first..])?;
        let (term, rest) = term(rest)?;
        let lines = match rest.trim() {
            trailing if trailing.starts_with("for ") => match qualifier(trailing)? {
                StatedLines::All => return None,
                qualified if leading == StatedLines::All => qualified,
                _ => return None,
            },
            _ => leading,
        };
        Some(Self {
            text: text.to_owned(),
            fields,
            lines,
            term,
        })
    }

    /// The rules a product file states: one per comment line that states
    /// one of the common forms, in the file's order. A comment that is a
    /// heading alone (`# For LTS:`, Symfony's) qualifies the rules of the
    /// comment lines under it, to the next heading or the comment's end.
    #[must_use]
    pub fn all_in(file: &str) -> Vec<Self> {
        let mut heading = StatedLines::All;
        let mut rules = Vec::new();
        for line in file.lines().map(str::trim_start) {
            let Some(comment) = line.strip_prefix('#') else {
                heading = StatedLines::All;
                continue;
            };
            if let Some(mut rule) = Self::read(line) {
                // The heading goes into the text too: a policy keeps a
                // rule as its text (`product.stated`), which the audit
                // reads again, without the lines around it.
                if rule.lines == StatedLines::All && heading != StatedLines::All {
                    rule.lines = heading;
                    rule.text = format!("For {}: {}", heading.label(), rule.text);
                }
                rules.push(rule);
            } else if let Some(lines) = heading_of(comment) {
                heading = lines;
            }
        }
        rules
    }

    /// The rule as a policy's support terms: the record's last day is the
    /// day the term names, its end the day after.
    #[must_use]
    pub fn support_terms(&self) -> Value {
        match self.term {
            StatedTerm::UntilNext(lines) => json!({"until_next": lines, "grace_days": 1}),
            StatedTerm::Months(months) => json!({"months": months, "grace_days": 1}),
            StatedTerm::Weeks(weeks) => json!({"weeks": weeks, "grace_days": 1}),
        }
    }

    /// The last day the rule gives the line at `index` of `by_line` (a
    /// history in line order), as the record would write it; `None` where
    /// the line it counts to has not come.
    fn last_day(&self, by_line: &[&Release], index: usize) -> Option<NaiveDate> {
        let released = by_line.get(index)?.released;
        match self.term {
            StatedTerm::UntilNext(lines) => {
                let later = usize::try_from(lines).ok()?.checked_add(index)?;
                by_line.get(later).map(|release| release.released)
            }
            StatedTerm::Months(months) => add_months(released, months),
            StatedTerm::Weeks(weeks) => released.checked_add_days(Days::new(weeks.checked_mul(7)?)),
        }
    }

    /// Whether the rule is for the line `release`.
    fn is_for(&self, release: &Release) -> bool {
        let lts = release.lts == Some(true);
        match self.lines {
            StatedLines::All => true,
            StatedLines::Lts => lts,
            StatedLines::NonLts => !lts,
        }
    }

    /// The rule against the ends `by_line` (a history in line order)
    /// records: each line it is for whose end of one of its phases is
    /// recorded as a day, with the day the rule gives it.
    #[must_use]
    pub fn against(&self, by_line: &[&Release]) -> Vec<EndAgainstRule> {
        let mut compared = Vec::new();
        for (index, release) in by_line.iter().enumerate() {
            if !self.is_for(release) {
                continue;
            }
            let Some(stated) = self.last_day(by_line, index) else {
                continue;
            };
            for &field in &self.fields {
                if let Some(recorded) = field.recorded_last_day(release) {
                    compared.push(EndAgainstRule {
                        line: release.line.clone(),
                        field,
                        recorded,
                        stated,
                    });
                }
            }
        }
        compared
    }
}

impl fmt::Display for StatedRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A recorded end beside the day a stated rule gives it (both last days).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndAgainstRule {
    /// The line.
    pub line: Line,
    /// The phase.
    pub field: StatedField,
    /// The last day the record gives.
    pub recorded: NaiveDate,
    /// The last day the rule gives.
    pub stated: NaiveDate,
}

impl EndAgainstRule {
    /// Days from the rule's last day to the record's (positive: later).
    #[must_use]
    pub fn days_off(&self) -> i64 {
        days_between(self.stated, self.recorded)
    }

    /// Whether the record agrees with the rule, within [`AGREE_DAYS`].
    #[must_use]
    pub fn agrees(&self) -> bool {
        self.days_off().abs() <= AGREE_DAYS
    }
}

/// The lines a rule's qualifier (the text before its first phase) names:
/// none, LTS, or non-LTS (`non-LTSC`, `non-LTA` and `Innovation` too);
/// `None` for any other (a rule for some lines by name).
fn qualifier(before: &str) -> Option<StatedLines> {
    let words: Vec<&str> = before
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .filter(|word| {
            !matches!(
                *word,
                "for" | "versions" | "version" | "releases" | "release"
            )
        })
        .collect();
    match words.as_slice() {
        [] => Some(StatedLines::All),
        ["lts"] => Some(StatedLines::Lts),
        ["non-lts" | "non-ltsc" | "non-lta"] | ["non-lts", "innovation"] => {
            Some(StatedLines::NonLts)
        }
        _ => None,
    }
}

/// The lines a comment that is a heading alone names (`For LTS:`,
/// `non-LTS:`); `None` for any other comment.
fn heading_of(comment: &str) -> Option<StatedLines> {
    let lower = comment.trim().to_ascii_lowercase();
    let words = lower.strip_suffix(':')?;
    qualifier(words).filter(|lines| *lines != StatedLines::All)
}

/// The phases at the start of `text` (`eol(x)`, `eoas(x)`, joined by `=`
/// or `/`), and what follows the last `=`.
fn phases(text: &str) -> Option<(Vec<StatedField>, &str)> {
    let mut fields = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("eol(x)") {
            fields.push(StatedField::Support);
            rest = after;
        } else if let Some(after) = rest.strip_prefix("eoas(x)") {
            fields.push(StatedField::Active);
            rest = after;
        } else {
            break;
        }
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('/') {
            rest = after;
        } else if let Some(after) = rest.strip_prefix('=') {
            rest = after;
        } else {
            return None;
        }
    }
    (!fields.is_empty()).then_some((fields, rest))
}

/// The term of a rule's right-hand side, where nothing after it changes
/// the day (`+ 3 months`, `- 1 day`, `, except ...`), and the text after.
fn term(text: &str) -> Option<(StatedTerm, &str)> {
    let text = text.trim_start();
    let call = text
        .strip_prefix("releasedate(")
        .or_else(|| text.strip_prefix("release("))?;
    let (inside, after) = call.split_once(')')?;
    let inside: String = inside.chars().filter(|c| !c.is_whitespace()).collect();
    let (term, rest) = if inside == "x" {
        months_after(after)?
    } else {
        let lines: u64 = inside.strip_prefix("x+")?.parse().ok()?;
        (StatedTerm::UntilNext(lines), after)
    };
    let rest = rest.trim_start();
    let changes_the_day = rest.starts_with(['+', '-', ',', '>', '['])
        || rest.starts_with(|c: char| c.is_ascii_digit())
        || rest.starts_with("rounded")
        || rest.starts_with("(rounded")
        || rest.starts_with("if ")
        || rest.contains(" or ");
    (!changes_the_day && within_policy_bounds(term)).then_some((term, rest))
}

/// `+ N unit` after `releaseDate(x)`: the term, and the text after it.
fn months_after(text: &str) -> Option<(StatedTerm, &str)> {
    let text = text.trim_start().strip_prefix('+')?.trim_start();
    let number_end = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let number: f64 = text[..number_end].parse().ok()?;
    let rest = text[number_end..].trim_start();
    let unit_end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let (unit, after) = rest.split_at(unit_end);
    let months_per = match unit {
        "m" | "month" | "months" => 1.0,
        "y" | "year" | "years" => 12.0,
        "w" | "week" | "weeks" => {
            return whole(number).map(|weeks| (StatedTerm::Weeks(weeks), after));
        }
        _ => return None,
    };
    whole(number * months_per).map(|months| (StatedTerm::Months(months), after))
}

/// `number` when it is a whole count, up to a million (the rule's own
/// bounds are [`within_policy_bounds`]').
fn whole(number: f64) -> Option<u64> {
    (number.fract() == 0.0 && (1.0..=1e6).contains(&number)).then(|| {
        // A whole number from 1 to a million: exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let count = number as u64;
        count
    })
}

/// Whether a policy file can say the term: from one line, month or week
/// to as many as its support rules accept (`releaseDate(x+101)` is no
/// rule to use).
fn within_policy_bounds(term: StatedTerm) -> bool {
    let (count, most) = match term {
        StatedTerm::UntilNext(count) => (count, MAX_LINES),
        StatedTerm::Months(count) => (count, MAX_MONTHS),
        StatedTerm::Weeks(count) => (count, MAX_PERIOD_WEEKS),
    };
    (1..=most).contains(&count)
}

#[cfg(test)]
mod tests;
