//! Words shared by the formats: names of reasons and states, and the
//! phrases text and JSON both use.

use std::error::Error;

use chrono::NaiveDate;

use lts_policy::policy::{Dangling, EolReason, LineInfo, Role};

/// What ends a line's support, in words.
pub fn ended_by_text(info: &LineInfo) -> String {
    match info.eol_reason {
        EolReason::NextRelease(line) => format!("release of {line}"),
        EolReason::LtsSupportPeriod => "LTS support period".to_owned(),
        EolReason::LtsSuperseded(line) => format!("release of LTS {line}"),
        EolReason::Announced => "announced end of LTS".to_owned(),
        other => other.name().replace('_', " "),
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, ... `11th`, `21st`.
pub fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub fn yes_no(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

/// Roles by name, joined by `separator`.
pub fn roles_text(roles: &[Role], separator: &str) -> String {
    let names: Vec<&str> = roles.iter().map(|role| role.name()).collect();
    names.join(separator)
}

/// `98 days left`, `ends today`, `ended 77 days ago`.
pub fn days_text(days_left: i64) -> String {
    match days_left {
        1 => "1 day left".to_owned(),
        left if left > 0 => format!("{left} days left"),
        0 => "ends today".to_owned(),
        -1 => "ended 1 day ago".to_owned(),
        left => format!("ended {} days ago", -left),
    }
}

/// Why a tag points to no version, for stderr and JSON.
pub fn dangling_message(tag: &str, on: NaiveDate, dangling: Dangling) -> String {
    let why = match dangling {
        Dangling::BeforeFirstRelease { first, released } => {
            format!("the first line, {first}, is released on {released}")
        }
        Dangling::LineNotYetReleased { line, released } => {
            format!("{line} is released on {released}")
        }
        _ => "no LTS line is released by then".to_owned(),
    };
    format!("tag {tag} points to no version on {on}: {why}")
}

/// An error and its causes, `: `-separated, as anyhow's `{:#}` writes them.
pub fn with_causes(err: &dyn Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        text.push_str(": ");
        text.push_str(&next.to_string());
        cause = next.source();
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinals() {
        let ordinals: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
            .map(super::ordinal)
            .into();
        assert_eq!(
            ordinals,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th"
            ]
        );
    }
}
