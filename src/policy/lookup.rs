//! Lines by their name: the place of a line a user names, known or
//! projected, or the neighbours of one the rules skip.

use super::definition::Policy;
use super::error::{Beyond, LineHint, PolicyError};
use super::model::{Line, LineKind, Place};
use super::rules::NewMajor;

fn beyond(what: Beyond) -> PolicyError {
    PolicyError::OutOfRange { what }
}

impl Policy {
    /// The place of a line, known or projected.
    pub(crate) fn place_of(&self, line: Line) -> Result<Place, PolicyError> {
        let history = self.history();
        if let Some(index) = history.iter().position(|release| release.line == line) {
            return Ok(Place::of(index));
        }
        let newest = self.newest_release().line;
        if line > newest
            && line.kind() == newest.kind()
            && let Some(place) = self.projected_place_of(line)?
        {
            return Ok(place);
        }
        let hint = match history.iter().position(|release| release.line > line) {
            Some(0) => LineHint::BeforeFirst(history[0].line),
            Some(next) => LineHint::Between {
                before: history[next - 1].line,
                next: history[next].line,
            },
            None if self.line_kind() == LineKind::Minor
                && self.last_rules().new_major.is_none()
                && self.plan().walked.is_empty() =>
            {
                LineHint::NewMajor { newest }
            }
            None => self.projected_neighbours(line)?,
        };
        Err(PolicyError::UnknownLine {
            line,
            policy: self.name().to_owned(),
            hint,
        })
    }

    /// The place of a line after the newest known one, if the rules project it.
    fn projected_place_of(&self, line: Line) -> Result<Option<Place>, PolicyError> {
        let origin = self.plan().origin;
        if line <= origin.line {
            // Among the lines walked, in increasing order.
            let walked = &self.plan().walked;
            let at = walked.partition_point(|walked| walked.line < line);
            return Ok(walked
                .get(at)
                .filter(|walked| walked.line == line)
                .and_then(|_| self.place_at(at as u64 + 1)));
        }
        let steps = match (line.minor, self.last_rules().new_major) {
            (None, _) => line.major.checked_sub(origin.line.major),
            (Some(minor), None) if line.major == origin.line.major => origin
                .line
                .minor
                .and_then(|origin| minor.checked_sub(origin)),
            (Some(_), None) => None,
            (Some(minor), Some(NewMajor::AfterMinor(last))) => {
                let rule = self.after_minor(last);
                match (line.major - origin.line.major, rule) {
                    (_, None) => None,
                    (0, Some(_)) => origin
                        .line
                        .minor
                        .and_then(|origin| minor.checked_sub(origin)),
                    (majors, Some(rule)) => (majors - 1)
                        .checked_mul(rule.span)
                        .and_then(|lines| lines.checked_add(rule.first_start))
                        .and_then(|start| start.checked_add(minor)),
                }
            }
            (Some(_), Some(NewMajor::InMonth(_))) => return self.searched_place_of(line),
        };
        let Some(place) = steps
            .and_then(|steps| steps.checked_add(origin.position))
            .and_then(|position| self.place_at(position))
        else {
            return Ok(None);
        };
        // Dated, or too far to date: an error the caller reports.
        self.release_at(place)?;
        Ok((self.line_at(place)? == line).then_some(place))
    }

    /// The place of a projected line found by its name, which grows with
    /// the position: doubling, then halving.
    fn searched_place_of(&self, line: Line) -> Result<Option<Place>, PolicyError> {
        let (below, above) = self.bracket(line)?;
        let place = self
            .place_at(above)
            .ok_or_else(|| beyond(Beyond::ProjectedRelease(line)))?;
        debug_assert!(below < above);
        Ok((self.line_at(place)? == line).then_some(place))
    }

    /// The projected positions `(below, above)`, adjacent, with the line at
    /// `below` older than `line` (0: the newest known line) and the line at
    /// `above` the first one not older.
    fn bracket(&self, line: Line) -> Result<(u64, u64), PolicyError> {
        let too_far = || beyond(Beyond::ProjectedRelease(line));
        let name = |position: u64| -> Result<Line, PolicyError> {
            self.line_at(self.place_at(position).ok_or_else(too_far)?)
        };
        let (mut below, mut above) = (0, 1);
        while name(above)? < line {
            below = above;
            above = above.checked_mul(2).ok_or_else(too_far)?;
        }
        while above - below > 1 {
            let middle = below + (above - below) / 2;
            if name(middle)? < line {
                below = middle;
            } else {
                above = middle;
            }
        }
        Ok((below, above))
    }

    /// The projected lines around a line the rules skip.
    fn projected_neighbours(&self, line: Line) -> Result<LineHint, PolicyError> {
        let (below, above) = self.bracket(line)?;
        let line_at = |position: u64| {
            self.place_at(position)
                .ok_or_else(|| beyond(Beyond::ProjectedRelease(line)))
                .and_then(|place| self.line_at(place))
        };
        Ok(LineHint::Projected {
            before: line_at(below)?,
            next: line_at(above)?,
        })
    }
}
