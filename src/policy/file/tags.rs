//! The policy's own floating tags (`tags`), checked: each a template that
//! names one tag per line, none making a name that another makes or that
//! `tag` reads as a line's own tag (`src/policy/template/names.rs` shows
//! that these checks find every such name, for any lines).

use super::format::TagFile;
use super::problem::Problem;
use super::problems::{Path, Problems};
use crate::policy::model::LineKind;
use crate::policy::template::{Names, TagTemplate};

/// Checks `tags`; `None` when one of them is wrong.
pub(super) fn tags(
    tags: Option<&[TagFile]>,
    lines: LineKind,
    has_lts: bool,
    problems: &mut Problems,
) -> Option<Vec<TagTemplate>> {
    let root = Path::Root;
    let list = root.field("tags");
    let mut all_valid = true;
    let mut valid: Vec<(usize, TagTemplate, Names)> = Vec::new();
    for (at, tag) in tags.unwrap_or_default().iter().enumerate() {
        match checked_tag(tag, &list.item(at), lines, has_lts, problems) {
            Some((template, names)) => valid.push((at, template, names)),
            None => all_valid = false,
        }
    }
    for (index, (at, _, names)) in valid.iter().enumerate() {
        let shared = valid[..index].iter().find_map(|(first, _, earlier)| {
            let same = Box::new(names.shared_with(earlier)?);
            Some(Problem::TagTwice {
                first: *first,
                same,
            })
        });
        if let Some(problem) = shared {
            problems.add(&list.item(*at).field("name"), problem);
            all_valid = false;
        }
    }
    all_valid.then(|| valid.into_iter().map(|(_, template, _)| template).collect())
}

fn checked_tag(
    tag: &TagFile,
    path: &Path,
    lines: LineKind,
    has_lts: bool,
    problems: &mut Problems,
) -> Option<(TagTemplate, Names)> {
    let name_path = path.field("name");
    let lts_only = problems
        .value(&tag.lts_only, &path.field("lts_only"))
        .copied()
        .unwrap_or(false);
    let text = problems.required(&tag.name, &name_path)?;
    let template = problems.check(&name_path, TagTemplate::parse(text, lts_only))?;
    let names = problems.check(&name_path, template.names(lines))?;
    // A name read as a line's own tag must be that line's, and a tag of
    // LTS lines alone must not hide the line's own tag.
    let problem = names
        .read_as_line_tag(lts_only)
        .map(|same| Problem::TagReadsAsOther {
            same: Box::new(same),
            lts_only,
        })
        .or_else(|| (lts_only && !has_lts).then_some(Problem::LtsTagWithoutRule));
    match problem {
        Some(problem) => {
            problems.add(&name_path, problem);
            None
        }
        None => Some((template, names)),
    }
}
