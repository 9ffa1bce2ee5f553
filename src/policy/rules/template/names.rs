//! Whether a template gives each line a name of its own, and whether two
//! templates, or a template and the names `tag` reads as a line's own tag,
//! can make one name, for any lines.
//!
//! Numbers are taken as any digits here, however long: a vendor's
//! numbering has no end, and this program's (`u64`) is no reason to accept
//! a template whose names would collide past it. A name is cut into runs
//! of digits and of other characters, the same way for every line
//! ([`super::runs`]).
//!
//! # One template
//!
//! A template gives two lines one name when
//! - it leaves out a number of the line: two lines that differ in that
//!   number alone (`release-{major}.x`: 1.3 and 1.4);
//! - one digit run holds two placeholders: with `s` the literal digits
//!   between them, `1` and `1s3`, or `1s1` and `3`, both write `1s1s3`
//!   (`t{major}{minor}`: 1.13 and 11.3 make `t113`; `{major}0{minor}`: 1.103
//!   and 101.3 make `10103`).
//!
//! Otherwise every digit run holds one placeholder at most, between literal
//! digits `p` and `q`. The runs are found by looking at the name, and each
//! number is its run with `p` and `q` taken off: the name gives back every
//! number, so it is one line's. A separator is safe exactly when it holds a
//! character that is not a digit (`.`, `-`, `x`, `0-`), whatever its digits.
//!
//! A template that shows a number twice is refused: the second place tells
//! no two lines apart, and comparing names would mean solving equations
//! between the two places (`1{major}` beside `{major}1`).
//!
//! # Two templates
//!
//! Two templates (or a template and one of the shapes `tag` reads, which
//! are templates of a version's numbers) make one name exactly when their
//! runs pair up, text with equal text, and each pair of digit runs can
//! write the same digits. Each number is in one run, so the pairs share no
//! unknown and are solved one at a time:
//! - two literal runs meet when they are equal; literal digits `c` and a
//!   run `p X q` when `c` is `p`, a number, `q`;
//! - for `p X q` and `p' Y q'`, let `P` be the longer of `p` and `p'`, and
//!   `Q` of `q` and `q'`. Any digits `w` both write start with `P` and end
//!   with `Q`. If neither `X` nor `Y` is `0` in `w`, both runs also write
//!   `P1Q` and `P2Q`: there each number starts with `w`'s digit after its
//!   `p` (inside `P`, so the same as in `w`, not `0`) or with the `1` or
//!   `2`. If `X` is `0`, `w` is `p0q`; if `Y` is, `p'0q'`. A number of a
//!   shape `tag` reads may start with `0` ([`super::runs`]): any digits
//!   are its, so `P1Q` and `P2Q` still hold it wherever `w` does.
//!
//! These four candidates find every pair that meets, and keep its freedom.
//! Where a pair meets with two values of a number, `P1Q` and `P2Q` give
//! two, or else the `0`s are every meeting it has. Where the runs differ,
//! `X` differs from `Y` in `P1Q` or `P2Q`: if their literal digits differ
//! in length, so do `X` and `Y`; if not, one `p` is longer, and its number
//! starts with the `1` or `2`, the other with a digit of `P` that is not
//! `0`, which one of them is not. So a meeting of two different lines,
//! which needs one number to differ between the sides, is among the
//! combinations of the pairs' candidates whenever there is one.
//!
//! # Dotted lines
//!
//! Where lines are dotted (`2`, `2.401`), a name shows a line by `{line}`
//! alone, once: its numbers, digits and dots, are a run of their own. A
//! branch template with one `{line}` gives each line a name of its own,
//! whatever its text. A tag template's names are compared with others, so
//! its text holds no digit or dot ([`Names::for_tags`]): the line's
//! numbers are then the name's one run of digits and dots, and two names
//! meet exactly when their texts are the same, for the same line.
//!
//! `latest` and `latest-lts` hold no digit, and every name a template makes
//! holds one (a tag template has `{major}`): no template makes them.

use std::fmt;

use super::runs::{Cutter, Number, Piece, Run, version_shapes};
use super::same_name::{LinesProblem, SameName};
use crate::policy::lines::line::LineKind;

/// The names a template makes for the lines of one kind, as runs: each
/// number of the line in a run of its own, so that each name is one line's.
#[derive(Debug, Clone)]
pub(crate) struct Names {
    runs: Vec<Run>,
    kind: LineKind,
}

impl Names {
    /// The names a template of `pieces` makes for the lines of `kind`, or
    /// why they cannot name each line once.
    pub(super) fn of(pieces: &[Piece], kind: LineKind) -> Result<Self, LinesProblem> {
        let mut shown: Vec<Number> = Vec::new();
        for piece in pieces {
            let Piece::Number(number) = *piece else {
                continue;
            };
            if !Number::of_lines(kind).contains(&number) {
                return Err(LinesProblem::NotOfLines {
                    placeholder: number.placeholder(),
                    lines: kind,
                });
            }
            if shown.contains(&number) {
                return Err(LinesProblem::Twice(number.placeholder()));
            }
            shown.push(number);
        }
        let mut cutter = Cutter::default();
        for piece in pieces {
            match *piece {
                Piece::Text(text) => text.chars().for_each(|c| cutter.char(c)),
                Piece::Number(Number::Line) => cutter.line(),
                Piece::Number(number) => {
                    if let Err((first, between)) = cutter.number(number) {
                        return Err(run_together(pieces, kind, first, &between, number));
                    }
                }
            }
        }
        if let Some(&missing) = Number::of_lines(kind)
            .iter()
            .find(|number| !shown.contains(number))
        {
            return Err(leaves_out(pieces, kind, missing));
        }
        Ok(Self {
            runs: cutter.runs(),
            kind,
        })
    }

    /// These names, if they can be compared with other names: where lines
    /// are dotted, a line's numbers run into any digit or dot beside them,
    /// so the names must hold none but theirs (`lts-{line}`, not
    /// `java21-{line}`).
    pub(crate) fn for_tags(self) -> Result<Self, LinesProblem> {
        let apart = |run: &Run| match run {
            Run::Text(text) => !text.contains('.'),
            Run::Digits(_) => false,
            Run::Line => true,
        };
        if self.kind == LineKind::Dotted && !self.runs.iter().all(apart) {
            return Err(LinesProblem::BesideLine);
        }
        Ok(self)
    }
}

/// `first`, digits `between`, then `second`: `1`, `1s3` and `1s1`, `3`
/// write the same digits, and each number is shown once.
fn run_together(
    pieces: &[Piece],
    kind: LineKind,
    first: Number,
    between: &str,
    second: Number,
) -> LinesProblem {
    let [one, two] = [
        [("1".to_owned(), first), (format!("1{between}3"), second)],
        [(format!("1{between}1"), first), ("3".to_owned(), second)],
    ]
    .map(|numbers| {
        Witness::new(kind, |wanted| {
            numbers
                .iter()
                .find(|(_, number)| *number == wanted)
                .map_or(String::new(), |(value, _)| value.clone())
        })
    });
    LinesProblem::RunTogether {
        first: first.placeholder(),
        second: second.placeholder(),
        same: Box::new(one.same_name(pieces, &two)),
    }
}

/// Lines that differ only in the number the template leaves out.
fn leaves_out(pieces: &[Piece], kind: LineKind, missing: Number) -> LinesProblem {
    let value = |number| match number {
        Number::Major | Number::Line => "1",
        Number::Minor | Number::More => "3",
    };
    let bumped = |number| match number {
        Number::Major => "2",
        Number::Minor | Number::More => "4",
        Number::Line => "1.3",
    };
    let one = Witness::new(kind, |number| value(number).to_owned());
    let two = Witness::new(kind, |number| {
        if number == missing {
            bumped(number)
        } else {
            value(number)
        }
        .to_owned()
    });
    LinesProblem::Missing {
        placeholder: missing.placeholder(),
        same: Box::new(one.same_name(pieces, &two)),
    }
}

/// A line given by its numbers' digits, which may be longer than a
/// [`crate::Line`] holds.
#[derive(PartialEq, Eq)]
struct Witness {
    /// Each number of a line of its kind, in order, and its digits.
    numbers: Vec<(Number, String)>,
}

impl Witness {
    /// The line of `kind` whose numbers `value` gives.
    fn new(kind: LineKind, value: impl Fn(Number) -> String) -> Self {
        let numbers = Number::of_lines(kind)
            .iter()
            .map(|&number| (number, value(number)))
            .collect();
        Self { numbers }
    }

    /// The digits of one of its numbers; a line has no patch.
    fn number(&self, wanted: Number) -> &str {
        self.numbers
            .iter()
            .find(|(number, _)| *number == wanted)
            .map_or("", |(_, value)| value)
    }

    /// The name a template of `pieces` makes for this line, which it also
    /// makes for `other`.
    fn same_name(&self, pieces: &[Piece], other: &Self) -> SameName {
        let name = pieces
            .iter()
            .map(|piece| match *piece {
                Piece::Text(text) => text,
                Piece::Number(number) => self.number(number),
            })
            .collect();
        SameName {
            name,
            line: self.to_string(),
            other: other.to_string(),
        }
    }
}

impl fmt::Display for Witness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (at, (_, value)) in self.numbers.iter().enumerate() {
            if at > 0 {
                f.write_str(".")?;
            }
            f.write_str(value)?;
        }
        Ok(())
    }
}

/// Runs in the same place of two names, and what both may write there:
/// the text, or the digits that find every way they meet.
struct Pair<'r> {
    written: Vec<String>,
    runs: [&'r Run; 2],
}

/// One name two sides make: its digit runs' digits, and each side's
/// numbers there.
struct Meeting {
    name: String,
    numbers: [[Option<String>; 4]; 2],
}

impl Meeting {
    /// The line of `kind` one side's numbers make.
    fn line(&self, side: usize, kind: LineKind) -> Witness {
        Witness::new(kind, |number| {
            self.numbers[side][number as usize]
                .clone()
                .unwrap_or_default()
        })
    }
}

impl Names {
    /// A name these names and `other`'s share: the line it is here, and
    /// there; two different lines where any are.
    pub(crate) fn shared_with(&self, other: &Self) -> Option<SameName> {
        let meeting = self.meet(&other.runs, |_| true)?;
        Some(SameName {
            line: meeting.line(0, self.kind).to_string(),
            other: meeting.line(1, other.kind).to_string(),
            name: meeting.name,
        })
    }

    /// A name `tag` reads as a line's own tag (`v1.3`, `1.3.0`): of another
    /// line, or, with `any_line`, of any line (the same line's included).
    pub(crate) fn read_as_line_tag(&self, any_line: bool) -> Option<SameName> {
        version_shapes(self.kind).find_map(|shape| {
            let meeting = self.meet(&shape, |meeting| {
                any_line || meeting.line(0, self.kind) != meeting.line(1, self.kind)
            })?;
            Some(SameName {
                line: meeting.line(0, self.kind).to_string(),
                other: meeting.line(1, self.kind).to_string(),
                name: meeting.name,
            })
        })
    }

    /// A name these runs and `other` both write, whose numbers satisfy
    /// `wanted`; of those, one with two different lines where there is
    /// one, and with as many different numbers as can be, to show plainly
    /// why they meet.
    fn meet(&self, other: &[Run], wanted: impl Fn(&Meeting) -> bool) -> Option<Meeting> {
        if self.runs.len() != other.len() {
            return None;
        }
        let pairs: Option<Vec<Pair>> = self
            .runs
            .iter()
            .zip(other)
            .map(|(one, two)| {
                let written = match (one, two) {
                    (Run::Text(text), Run::Text(other)) if text == other => vec![text.clone()],
                    (Run::Digits(digits), Run::Digits(other)) => digits
                        .candidates(other)
                        .into_iter()
                        .filter(|w| digits.read(w).is_some() && other.read(w).is_some())
                        .collect(),
                    // Any line meets itself, and a line's numbers hold
                    // nothing but a line's (`for_tags`).
                    (Run::Line, Run::Line) => vec!["1".to_owned()],
                    _ => Vec::new(),
                };
                (!written.is_empty()).then_some(Pair {
                    written,
                    runs: [one, two],
                })
            })
            .collect();
        let pairs = pairs?;
        let meeting_at = |at: &[usize]| {
            let mut meeting = Meeting {
                name: String::new(),
                numbers: Default::default(),
            };
            for (pair, &at) in pairs.iter().zip(at) {
                let w = &pair.written[at];
                meeting.name.push_str(w);
                for (side, run) in pair.runs.iter().enumerate() {
                    let read = match run {
                        // The number a padded run writes, as `tag` reads it.
                        Run::Digits(digits) if digits.padded => digits
                            .number
                            .zip(digits.read(w).flatten())
                            .map(|(number, value)| {
                                let unpadded = value.trim_start_matches('0');
                                (number, if unpadded.is_empty() { "0" } else { unpadded })
                            }),
                        Run::Digits(digits) => digits.number.zip(digits.read(w).flatten()),
                        Run::Line => Some((Number::Line, w.as_str())),
                        Run::Text(_) => None,
                    };
                    if let Some((number, value)) = read {
                        meeting.numbers[side][number as usize] = Some(value.to_owned());
                    }
                }
            }
            meeting
        };
        let mut best: Option<((bool, usize), Meeting)> = None;
        let mut at = vec![0; pairs.len()];
        loop {
            let meeting = meeting_at(&at);
            if wanted(&meeting) {
                let score = self.plainness(&meeting);
                if best.as_ref().is_none_or(|(best, _)| score > *best) {
                    best = Some((score, meeting));
                }
            }
            // The next combination of candidates, the last pair fastest.
            let Some(next) = (0..at.len())
                .rev()
                .find(|&i| at[i] + 1 < pairs[i].written.len())
            else {
                break;
            };
            at[next] += 1;
            at[next + 1..].fill(0);
        }
        best.map(|(_, meeting)| meeting)
    }

    /// How plainly a meeting shows two lines sharing a name: whether the
    /// lines differ, then how many different numbers they have.
    fn plainness(&self, meeting: &Meeting) -> (bool, usize) {
        let lines = [meeting.line(0, self.kind), meeting.line(1, self.kind)];
        let mut numbers: Vec<&str> = lines
            .iter()
            .flat_map(|line| line.numbers.iter().map(|(_, value)| value.as_str()))
            .filter(|number| !number.is_empty())
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        (lines[0] != lines[1], numbers.len())
    }
}
