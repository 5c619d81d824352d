//! Two journeys side by side, lined up by touchpoint id: the current and
//! the future state of one corridor, or one corridor for two personas. Per
//! touchpoint both gaps and the change; touchpoints only in one of them;
//! each department's figures in both.

use super::{Figures, department_figures};
use crate::model::{Gap, Journey, Touchpoint};

/// One touchpoint of either journey.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row<'a> {
    /// The touchpoint as the second journey has it, else as the first.
    pub touchpoint: &'a Touchpoint,
    /// The touchpoint in the first journey (`None`: only in the second).
    pub first: Option<&'a Touchpoint>,
    /// The touchpoint in the second journey (`None`: only in the first).
    pub second: Option<&'a Touchpoint>,
}

impl<'a> Row<'a> {
    /// Second gap - first gap, when both sides are scored (`figures::CHANGE`).
    pub fn change(&self) -> Option<i8> {
        Some(self.second?.gap()?.get() - self.first?.gap()?.get())
    }

    pub fn gaps(&self) -> (Option<Gap>, Option<Gap>) {
        (
            self.first.and_then(Touchpoint::gap),
            self.second.and_then(Touchpoint::gap),
        )
    }

    /// In one of the journeys only.
    pub fn one_sided(&self) -> bool {
        self.first.is_none() || self.second.is_none()
    }
}

/// A department's figures in both journeys (matched by id; zero figures
/// where a journey does not have it).
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentPair {
    pub id: String,
    pub name: String,
    pub first: Figures,
    pub second: Figures,
}

/// Everything `compare` reports.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    /// Touchpoints in the second journey's corridor order, those only in
    /// the first inserted after the touchpoint they followed there.
    pub rows: Vec<Row<'a>>,
    /// Departments of the first journey (most indebted first), then those
    /// only in the second.
    pub departments: Vec<DepartmentPair>,
    pub first: Figures,
    pub second: Figures,
}

impl Comparison<'_> {
    /// Rows only in the first journey.
    pub fn only_first(&self) -> impl Iterator<Item = &Row<'_>> {
        self.rows.iter().filter(|r| r.second.is_none())
    }

    /// Rows only in the second journey.
    pub fn only_second(&self) -> impl Iterator<Item = &Row<'_>> {
        self.rows.iter().filter(|r| r.first.is_none())
    }
}

/// Lines `second` up against `first` by touchpoint id.
pub fn compare<'a>(first: &'a Journey, second: &'a Journey) -> Comparison<'a> {
    Comparison {
        rows: rows(first, second),
        departments: departments(first, second),
        first: Figures::of(&first.touchpoints),
        second: Figures::of(&second.touchpoints),
    }
}

fn rows<'a>(first: &'a Journey, second: &'a Journey) -> Vec<Row<'a>> {
    let a = first.corridor();
    let b = second.corridor();
    let in_second: std::collections::HashSet<&str> = b.iter().map(|t| t.id.as_str()).collect();
    let mut rows: Vec<Row<'a>> = b
        .iter()
        .map(|t| Row {
            touchpoint: t,
            first: first.touchpoint(t.id.as_str()),
            second: Some(t),
        })
        .collect();
    // A touchpoint only in the first journey goes after the row of the
    // touchpoint it followed there (or first, when none did).
    let mut after: Option<&str> = None;
    for t in a {
        if in_second.contains(t.id.as_str()) {
            after = Some(t.id.as_str());
            continue;
        }
        let at = after
            .and_then(|id| {
                rows.iter()
                    .position(|r| r.touchpoint.id.as_str() == id)
                    .map(|p| p + 1)
            })
            .unwrap_or(0);
        // Keep several in a row in their order.
        let at = rows[at..]
            .iter()
            .position(|r| r.second.is_some())
            .map_or(rows.len(), |p| at + p);
        rows.insert(
            at,
            Row {
                touchpoint: t,
                first: Some(t),
                second: None,
            },
        );
    }
    rows
}

fn departments(first: &Journey, second: &Journey) -> Vec<DepartmentPair> {
    let a = department_figures(first);
    let b = department_figures(second);
    let mut out: Vec<DepartmentPair> = a
        .iter()
        .map(|d| DepartmentPair {
            id: d.id.to_string(),
            name: d.name.to_owned(),
            first: d.figures.clone(),
            second: b
                .iter()
                .find(|e| e.id == d.id)
                .map_or_else(Figures::default, |e| e.figures.clone()),
        })
        .collect();
    for d in b.iter().filter(|d| !a.iter().any(|e| e.id == d.id)) {
        out.push(DepartmentPair {
            id: d.id.to_string(),
            name: d.name.to_owned(),
            first: Figures::default(),
            second: d.figures.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_journey;

    fn journey(touchpoints: &[(&str, i64, i64)]) -> Journey {
        let mut text = String::from(
            "schema = 1\ntitle = \"T\"\n[[stages]]\nid = \"s\"\nname = \"S\"\n[[departments]]\nid = \"d\"\nname = \"D\"\n",
        );
        for (id, expected, actual) in touchpoints {
            text.push_str(&format!(
                "[[touchpoints]]\nid = \"{id}\"\nstage = \"s\"\nname = \"{id}\"\nowner = \"d\"\nexpected = {expected}\nactual = {actual}\n"
            ));
        }
        parse_journey(&text).journey.expect("valid")
    }

    #[test]
    fn touchpoints_line_up_by_id_and_one_sided_ones_keep_their_place() {
        let now = journey(&[("a", 4, 2), ("gone", 3, 1), ("b", 3, 3)]);
        let next = journey(&[("new", 3, 3), ("a", 4, 4), ("b", 3, 2)]);
        let c = compare(&now, &next);
        let ids: Vec<&str> = c.rows.iter().map(|r| r.touchpoint.id.as_str()).collect();
        assert_eq!(ids, ["new", "a", "gone", "b"]);
        assert_eq!(c.rows[1].change(), Some(2));
        assert_eq!(c.rows[3].change(), Some(-1));
        assert_eq!(c.rows[2].change(), None);
        assert_eq!(c.only_first().count(), 1);
        assert_eq!(c.only_second().count(), 1);
        assert_eq!(c.departments[0].first.debt, -4);
        assert_eq!(c.departments[0].second.debt, -1);
    }
}
