//! The history, checked release by release, each against the one before,
//! so that a history of any length is checked without holding its
//! problems. A file's entry is first read into a typed release (its
//! strings parsed); a release merged from facts arrives typed; both are
//! then checked by the same rules, with the same paths.

use super::history_problem::HistoryProblem;
use chrono::NaiveDate;

use std::sync::Arc;

use super::format::{EntryFile, FlagOrDateFile};
use super::found::{Expected, Found};
use super::problem::Problem;
use super::problems::{Path, Problems};
use crate::policy::dates::{DateProblem, parse_date};
use crate::policy::lines::known_patches::KnownPatch;
use crate::policy::lines::line::{Line, LineKind};
use crate::policy::lines::release::{RecordedEnd, Release};
use crate::policy::lines::version::{read_line, read_version};

/// The history, checked release by release.
pub(crate) struct History {
    releases: Vec<Release>,
    /// Releases seen, valid or not.
    seen: usize,
    lines: LineKind,
    /// The text before every line's numbers, when the policy has one.
    prefix: Option<Arc<str>>,
    has_lts: bool,
    history_as_of: Option<NaiveDate>,
}

impl History {
    /// An empty history of lines numbered as `lines` say (after `prefix`
    /// where the policy has one), in a policy with an LTS rule or not,
    /// complete up to `history_as_of` when that is stated.
    pub(crate) fn new(
        lines: LineKind,
        prefix: Option<Arc<str>>,
        has_lts: bool,
        history_as_of: Option<NaiveDate>,
    ) -> Self {
        Self {
            releases: Vec::new(),
            seen: 0,
            lines,
            prefix,
            has_lts,
            history_as_of,
        }
    }

    /// The fields an entry needs, reported missing as problems of the
    /// file's shape.
    pub(super) fn require(entry: &EntryFile, path: &Path, problems: &mut Problems) {
        // An entry of the wrong type is reported as such, not as empty.
        if problems.is_invalid(path) {
            return;
        }
        for (name, given) in [
            ("line", entry.line.is_some()),
            ("released", entry.released.is_some()),
        ] {
            if !given {
                problems.missing(&path.field(name));
            }
        }
        let patches = path.field("patches");
        for (at, patch) in entry.patches.iter().flatten().enumerate() {
            let item = patches.item(at);
            if problems.is_invalid(&item) {
                continue;
            }
            for (name, given) in [
                ("version", patch.version.is_some()),
                ("released", patch.released.is_some()),
            ] {
                if !given {
                    problems.missing(&item.field(name));
                }
            }
        }
    }

    /// Reads the next entry of a file, and checks it as a release.
    pub(super) fn entry(&mut self, entry: &EntryFile, problems: &mut Problems) {
        let path = Path::Root.field("history");
        let at = path.item(self.seen);
        let line_path = at.field("line");
        let line = problems.value(&entry.line, &line_path).and_then(|text| {
            problems.check(
                &line_path,
                read_line(text, self.lines, self.prefix.as_ref()),
            )
        });
        let released = date(problems, &entry.released, &at.field("released"));
        let eol = end(problems, &entry.eol, &at.field("eol"));
        let active_until = end(problems, &entry.active_until, &at.field("active_until"));
        let extended_until = end(problems, &entry.extended_until, &at.field("extended_until"));
        let discontinued = end(problems, &entry.discontinued, &at.field("discontinued"));
        let lts_path = at.field("lts");
        let (lts, lts_from) = match problems.value(&entry.lts, &lts_path) {
            None => (None, None),
            Some(FlagOrDateFile::Flag(flag)) => (Some(*flag), None),
            Some(FlagOrDateFile::Date(text)) => {
                let from = match parse_date(text) {
                    Ok(from) => Some(from),
                    // Text that is no date at all: neither kind of value.
                    Err(err) if err.problem == DateProblem::Shape => {
                        let problem = Problem::WrongType {
                            expected: Expected::FlagOrDate,
                            found: Found::Text(text.to_string()),
                        };
                        problems.add(&lts_path, problem);
                        None
                    }
                    Err(err) => problems.check(&lts_path, Err::<NaiveDate, _>(err)),
                };
                (from.map(|_| true), from)
            }
        };
        if lts == Some(true) && !self.has_lts {
            problems.add(&lts_path, HistoryProblem::LtsWithoutRule);
        }
        let patches = self.patches(entry, &at, line.is_some(), problems);
        let (Some(line), Some(released)) = (line, released) else {
            self.seen += 1;
            return;
        };
        let release = Release {
            lts,
            lts_from,
            eol,
            active_until,
            extended_until,
            discontinued,
            patches: patches.into(),
            ..Release::new(line, released)
        };
        self.release(release, problems);
    }

    /// The patches of an entry, their versions and dates parsed; those of
    /// an entry without a line are checked for their shape alone.
    fn patches(
        &self,
        entry: &EntryFile,
        at: &Path,
        line_read: bool,
        problems: &mut Problems,
    ) -> Vec<KnownPatch> {
        let path = at.field("patches");
        let Some(files) = problems.value(&entry.patches, &path) else {
            return Vec::new();
        };
        let mut patches = Vec::with_capacity(files.len());
        for (index, patch) in files.iter().enumerate() {
            let item = path.item(index);
            let version_path = item.field("version");
            let version = problems
                .value(&patch.version, &version_path)
                .and_then(|text| problems.check(&version_path, read_version(text)));
            let released = date(problems, &patch.released, &item.field("released"));
            if let (Some(version), Some(released), true) = (version, released, line_read) {
                patches.push(KnownPatch { version, released });
            }
        }
        patches
    }

    /// Checks a release against the one before it, and keeps it.
    pub(crate) fn release(&mut self, release: Release, problems: &mut Problems) {
        let path = Path::Root.field("history");
        let at = path.item(self.seen);
        self.seen += 1;
        if let Some(previous) = self.releases.last() {
            check_order(&at, previous, &release.line, problems);
        }
        let (line, released) = (&release.line, release.released);
        match release.eol {
            Some(RecordedEnd::On(eol)) if eol <= released => {
                let problem = HistoryProblem::EolNotAfterRelease {
                    line: line.clone(),
                    eol,
                    released,
                };
                problems.add(&at.field("eol"), problem);
            }
            None if line.name().is_some() => {
                let problem = HistoryProblem::NamedWithoutEol { line: line.clone() };
                problems.add(&at.field("eol"), problem);
            }
            _ => {}
        }
        check_phases(&at, &release, problems);
        self.check_as_of(&at, released, problems);
        let patches = at.field("patches");
        let mut previous: Option<&KnownPatch> = None;
        for (index, patch) in release.patches.iter().enumerate() {
            let item = patches.item(index);
            check_patch(&item, line, released, previous, patch, problems);
            self.check_as_of(&item, patch.released, problems);
            previous = Some(patch);
        }
        self.releases.push(release);
    }

    /// A date the history records must be on or before `history_as_of`.
    fn check_as_of(&self, at: &Path, date: NaiveDate, problems: &mut Problems) {
        if let Some(as_of) = self.history_as_of
            && date > as_of
        {
            let problem = HistoryProblem::AfterHistoryAsOf { date, as_of };
            problems.add(&at.field("released"), problem);
        }
    }

    /// The releases read, for a draft, whose history may be empty.
    pub(crate) fn into_releases(self) -> Vec<Release> {
        self.releases
    }

    /// The history once every release is checked; a problem when it has none.
    pub(crate) fn finish(self, problems: &mut Problems) -> Vec<Release> {
        if self.seen == 0 {
            problems.add(&Path::Root.field("history"), HistoryProblem::EmptyHistory);
        }
        self.releases
    }
}

/// A date field of an entry, parsed, or a problem at `path`.
fn date(
    problems: &mut Problems,
    text: &Option<super::format::Text>,
    path: &Path,
) -> Option<NaiveDate> {
    let text = problems.value(text, path)?;
    problems.check(path, parse_date(text))
}

/// A history entry's end (`eol`, `active_until`, ...): a date, or whether
/// it has passed by `history_as_of`; a problem at `path` otherwise.
fn end(
    problems: &mut Problems,
    value: &Option<FlagOrDateFile>,
    path: &Path,
) -> Option<RecordedEnd> {
    match problems.value(value, path)? {
        FlagOrDateFile::Flag(true) => Some(RecordedEnd::Passed),
        FlagOrDateFile::Flag(false) => Some(RecordedEnd::NotYet),
        FlagOrDateFile::Date(text) => problems.check(path, parse_date(text)).map(RecordedEnd::On),
    }
}

/// An LTS start on or after the release, and an end of active support
/// after the release and not after the eol.
fn check_phases(at: &Path, release: &Release, problems: &mut Problems) {
    let (line, released) = (&release.line, release.released);
    if let Some(lts_from) = release.lts_from
        && lts_from < released
    {
        let problem = HistoryProblem::LtsBeforeRelease {
            line: line.clone(),
            lts_from,
            released,
        };
        problems.add(&at.field("lts"), problem);
    }
    let Some(active_until) = release.announced_active_until() else {
        return;
    };
    let path = at.field("active_until");
    if active_until <= released {
        let problem = HistoryProblem::ActiveNotAfterRelease {
            line: line.clone(),
            active_until,
            released,
        };
        problems.add(&path, problem);
    } else if let Some(eol) = release.announced_eol()
        && active_until > eol
    {
        let problem = HistoryProblem::ActiveAfterEol {
            line: line.clone(),
            active_until,
            eol,
        };
        problems.add(&path, problem);
    }
}

/// Lines are listed in line order, each once. (Their release dates may go
/// back: a maintenance line of an older major can come out after a newer
/// major's first line, as Python 2.7 after 3.0.)
fn check_order(at: &Path, previous: &Release, line: &Line, problems: &mut Problems) {
    let line_path = at.field("line");
    if *line == previous.line {
        problems.add(&line_path, HistoryProblem::ListedTwice(line.clone()));
    } else if *line < previous.line {
        let problem = HistoryProblem::LineOrder {
            line: line.clone(),
            previous: previous.line.clone(),
        };
        problems.add(&line_path, problem);
    }
}

/// A patch belongs to its line (it starts with the line's numbers, and is
/// neither the line nor its `.0`), comes after the one before it, and not
/// before it in time.
fn check_patch(
    at: &Path,
    line: &Line,
    line_released: NaiveDate,
    previous: Option<&KnownPatch>,
    patch: &KnownPatch,
    problems: &mut Problems,
) {
    let version = &patch.version;
    if !line.is_patch(version) {
        let problem = HistoryProblem::NotAPatchOf {
            line: line.clone(),
            found: *version,
        };
        problems.add(&at.field("version"), problem);
    } else if let Some(previous) = previous
        && *version <= previous.version
    {
        let problem = HistoryProblem::PatchOrder {
            version: *version,
            previous: previous.version,
        };
        problems.add(&at.field("version"), problem);
    }
    let floor = previous.map_or(line_released, |previous| previous.released);
    if patch.released < floor {
        let problem = HistoryProblem::PatchDateOrder {
            version: *version,
            released: patch.released,
            floor,
            line: line.clone(),
        };
        problems.add(&at.field("released"), problem);
    }
}
