//! The policy's own floating tags (`tags`), checked: each a template that
//! names one tag per line, none making the names of another or of a tag
//! `tag` already reads.

use super::format::TagFile;
use super::problem::Problem;
use super::problems::{Path, Problems};
use crate::policy::model::{Line, LineKind};
use crate::policy::template::TagTemplate;
use crate::policy::version::VersionInput;

/// Checks `tags`; `None` when one of them is wrong.
pub(super) fn tags(
    tags: Option<&[TagFile]>,
    lines: LineKind,
    has_lts: bool,
    problems: &mut Problems,
) -> Option<Vec<TagTemplate>> {
    let root = Path::Root;
    let list = root.field("tags");
    let mut checked = Vec::new();
    let mut all_valid = true;
    for (at, tag) in tags.unwrap_or_default().iter().enumerate() {
        let path = list.item(at);
        let template = checked_tag(tag, &path, lines, has_lts, problems);
        all_valid &= template.is_some();
        checked.extend(template);
    }
    // The names for a line tell two templates' names apart for every line:
    // placeholders are the only parts that differ between lines.
    let sample = sample_line(lines);
    for (at, template) in checked.iter().enumerate() {
        let name = template.render(&sample);
        if let Some(first) = checked[..at]
            .iter()
            .position(|other| other.render(&sample) == name)
        {
            problems.add(&list.item(at).field("name"), Problem::TagTwice { first });
            all_valid = false;
        }
    }
    all_valid.then_some(checked)
}

fn checked_tag(
    tag: &TagFile,
    path: &Path,
    lines: LineKind,
    has_lts: bool,
    problems: &mut Problems,
) -> Option<TagTemplate> {
    let name_path = path.field("name");
    let lts_only = problems
        .value(&tag.lts_only, &path.field("lts_only"))
        .copied()
        .unwrap_or(false);
    let text = problems.required(&tag.name, &name_path)?;
    let template = problems.check(&name_path, TagTemplate::parse(text, lts_only))?;
    let problem = match lines {
        LineKind::Minor if !template.uses_minor() => Some(Problem::TagWithoutMinor),
        LineKind::Minor => None,
        _ if template.uses_minor() => Some(Problem::MinorInTemplate(lines)),
        _ => None,
    };
    let problem = problem.or_else(|| {
        let sample = sample_line(lines);
        let name = template.render(&sample);
        // A name read as a line's own tag must be that line's, and a tag of
        // LTS lines alone must not hide the line's own tag.
        let read = VersionInput::parse(&name)
            .ok()
            .and_then(|version| version.line(lines).ok());
        let other = read.is_some_and(|line| template.lts_only() || line != sample);
        other.then_some(Problem::TagReadsAsOther { name, line: sample })
    });
    let problem = problem.or_else(|| (lts_only && !has_lts).then_some(Problem::LtsTagWithoutRule));
    match problem {
        Some(problem) => {
            problems.add(&name_path, problem);
            None
        }
        None => Some(template),
    }
}

/// A line to render templates for: placeholders become its numbers.
fn sample_line(lines: LineKind) -> Line {
    match lines {
        LineKind::Minor => Line::new(1, 3),
        LineKind::Major | LineKind::Dotted => Line::whole_major(1),
    }
}
