//! The policy's own floating tags (`tags`), checked: each a template that
//! names one tag per line, none making a name that another makes or that
//! `tag` reads as a line's own tag (`src/policy/rules/template/names.rs` shows
//! that these checks find every such name, for any lines).

use super::format::TagFile;
use super::found::Unit;
use super::problem::Problem;
use super::problems::{Path, Problems};
use crate::policy::lines::line::LineKind;
use crate::policy::rules::template::{Names, TagTemplate};

/// The most tags a policy may name: each is compared with every other,
/// and a policy names a handful (an LTS tag, a tag per base image).
const MOST_TAGS: usize = 100;

/// Checks `tags`; `None` when one of them is wrong.
pub(super) fn tags(
    tags: Option<&[TagFile]>,
    lines: LineKind,
    has_lts: bool,
    problems: &mut Problems,
) -> Option<Vec<TagTemplate>> {
    let root = Path::Root;
    let list = root.field("tags");
    let tags = tags.unwrap_or_default();
    // Past the most, each is still checked on its own, and none is kept.
    let too_many = tags.len() > MOST_TAGS;
    if too_many {
        let problem = Problem::OutOfBounds {
            found: u64::try_from(tags.len()).unwrap_or(u64::MAX),
            min: 0,
            max: MOST_TAGS as u64,
            unit: Unit::Tags,
        };
        problems.add(&list, problem);
    }
    let mut all_valid = !too_many;
    let mut valid: Vec<(usize, TagTemplate, Names)> = Vec::new();
    for (at, tag) in tags.iter().enumerate() {
        let checked = checked_tag(tag, &list.item(at), lines, has_lts, problems);
        all_valid &= checked.is_some();
        if !too_many {
            valid.extend(checked.map(|(template, names)| (at, template, names)));
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
