//! Lines by their name: the place of a line a user names, known or
//! projected, or the neighbours of one the rules skip.

use super::line::{Line, LineKind};
use super::release::Place;
use crate::policy::definition::Policy;
use crate::policy::error::{Beyond, LineHint, PolicyError};
use crate::policy::rules::line_rules::NewMajor;

fn beyond(what: Beyond) -> PolicyError {
    PolicyError::OutOfRange { what }
}

impl Policy {
    /// The place of a line, known or projected.
    pub(crate) fn place_of(&self, line: &Line) -> Result<Place, PolicyError> {
        let history = self.history();
        if let Some(place) = self.known_place_of(line) {
            return Ok(place);
        }
        if let Some(place) = self.projected_place_of(line)? {
            return Ok(place);
        }
        // The known lines in line order, around it.
        let mut known: Vec<&Line> = history
            .iter()
            .map(|release| &release.line)
            .filter(|known| known.numbers().is_some())
            .collect();
        known.sort_unstable();
        let hint = match known.iter().position(|known| *known > line) {
            _ if line.name().is_some() => LineHint::NotNamed,
            Some(0) => LineHint::BeforeFirst(known[0].clone()),
            Some(next) => LineHint::Between {
                before: known[next - 1].clone(),
                next: known[next].clone(),
            },
            None => match self.plan() {
                Some(plan)
                    if self.line_kind() == LineKind::Minor
                        && self.projected_new_major().is_none()
                        && line.major() > plan.origin.line.major() =>
                {
                    LineHint::NewMajor {
                        newest: plan.origin.line.clone(),
                    }
                }
                Some(_) if line.depth() == self.highest_line_depth() => {
                    self.projected_neighbours(line)?
                }
                // Not a line of the rules' numbering.
                _ => LineHint::NotProjected,
            },
        };
        Err(PolicyError::UnknownLine {
            line: line.clone(),
            policy: self.name().to_owned(),
            hint,
        })
    }

    /// The place of a line the history lists (the first, were one listed
    /// twice), by a binary search of its lines in line order.
    fn known_place_of(&self, line: &Line) -> Option<Place> {
        let line_at = |place: &Place| self.known(*place).map(|release| &release.line);
        let by_line = self.places_by_line();
        let at = by_line.partition_point(|place| line_at(place) < Some(line));
        by_line
            .get(at)
            .copied()
            .filter(|place| line_at(place) == Some(line))
    }

    /// How many numbers the projected lines have: the highest known line's.
    fn highest_line_depth(&self) -> usize {
        self.plan().map_or(0, |plan| plan.origin.line.depth())
    }

    /// The place of a line after the highest known one, if the rules
    /// project it.
    fn projected_place_of(&self, line: &Line) -> Result<Option<Place>, PolicyError> {
        let Some(plan) = self.plan() else {
            return Ok(None);
        };
        let origin = &plan.origin;
        if line.numbers().is_none() || line.prefix() != origin.line.prefix() {
            return Ok(None);
        }
        if *line <= origin.line {
            // Among the lines walked, in increasing order.
            let walked = &plan.walked;
            let at = walked.partition_point(|walked| walked.line < *line);
            return Ok(walked
                .get(at)
                .filter(|walked| walked.line == *line)
                .and_then(|_| self.place_at(at as u64 + 1)));
        }
        // How many places after the origin, where the line's last number
        // alone differs from the origin's.
        let after_last = || {
            let (Some(numbers), Some(from)) = (line.numbers(), origin.line.numbers()) else {
                return None;
            };
            let last = numbers.len().checked_sub(1)?;
            (numbers.len() == from.len() && numbers.numbers()[..last] == from.numbers()[..last])
                .then(|| numbers.numbers()[last].checked_sub(from.numbers()[last]))
                .flatten()
        };
        let steps = match (self.line_kind(), self.projected_new_major()) {
            (LineKind::Major | LineKind::Dotted, _) | (LineKind::Minor, None) => after_last(),
            (LineKind::Minor, Some(NewMajor::AfterMinor(last))) => {
                let (Some(major), Some(minor), Some(origin_major)) =
                    (line.major(), line.minor(), origin.line.major())
                else {
                    return Ok(None);
                };
                match (major - origin_major, self.after_minor(last)) {
                    (_, None) => None,
                    (0, Some(_)) => after_last(),
                    (majors, Some(rule)) => (majors - 1)
                        .checked_mul(rule.span)
                        .and_then(|lines| lines.checked_add(rule.first_start))
                        .and_then(|start| start.checked_add(minor)),
                }
            }
            (LineKind::Minor, Some(NewMajor::InMonth(_))) => {
                return self.searched_place_of(line);
            }
        };
        let Some(place) = steps
            .and_then(|steps| steps.checked_add(origin.position))
            .and_then(|position| self.place_at(position))
        else {
            return Ok(None);
        };
        // Dated, or too far to date: an error the caller reports.
        self.release_at(place)?;
        Ok((self.line_at(place)? == *line).then_some(place))
    }

    /// The place of a projected line found by its name, which grows with
    /// the position: doubling, then halving.
    fn searched_place_of(&self, line: &Line) -> Result<Option<Place>, PolicyError> {
        let (below, above) = self.bracket(line)?;
        let place = self
            .place_at(above)
            .ok_or_else(|| beyond(Beyond::ProjectedRelease(line.clone())))?;
        debug_assert!(below < above);
        Ok((self.line_at(place)? == *line).then_some(place))
    }

    /// The projected positions `(below, above)`, adjacent, with the line at
    /// `below` older than `line` (0: the newest known line) and the line at
    /// `above` the first one not older.
    fn bracket(&self, line: &Line) -> Result<(u64, u64), PolicyError> {
        let too_far = || beyond(Beyond::ProjectedRelease(line.clone()));
        let name = |position: u64| -> Result<Line, PolicyError> {
            self.line_at(self.place_at(position).ok_or_else(too_far)?)
        };
        let (mut below, mut above) = (0, 1);
        while name(above)? < *line {
            below = above;
            above = above.checked_mul(2).ok_or_else(too_far)?;
        }
        while above - below > 1 {
            let middle = below + (above - below) / 2;
            if name(middle)? < *line {
                below = middle;
            } else {
                above = middle;
            }
        }
        Ok((below, above))
    }

    /// The projected lines around a line the rules skip.
    fn projected_neighbours(&self, line: &Line) -> Result<LineHint, PolicyError> {
        let (below, above) = self.bracket(line)?;
        let line_at = |position: u64| {
            self.place_at(position)
                .ok_or_else(|| beyond(Beyond::ProjectedRelease(line.clone())))
                .and_then(|place| self.line_at(place))
        };
        // Position 0 is the newest known line; names count from the highest.
        let before = match self.plan() {
            Some(plan) if below == 0 => plan.origin.line.clone(),
            _ => line_at(below)?,
        };
        Ok(LineHint::Projected {
            before,
            next: line_at(above)?,
        })
    }
}
