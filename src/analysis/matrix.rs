//! The ownership matrix: departments x stages, with the count and worst gap
//! of the touchpoints in each cell, and an unowned row.

use super::Figures;
use crate::model::{Department, Journey, Stage, Touchpoint};

/// One row of the matrix: a department, or `None` for the touchpoints no
/// known department owns.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow<'a> {
    pub department: Option<&'a Department>,
    /// One cell per stage, in stage order ([`OwnershipMatrix::stages`]).
    pub cells: Vec<Figures>,
    /// The whole row: every touchpoint of the department, whatever its stage.
    pub total: Figures,
}

/// Departments x stages. Touchpoints whose stage is unknown count in their
/// row's total but in no cell.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnershipMatrix<'a> {
    pub stages: Vec<&'a Stage>,
    /// One row per department in file order, then the unowned row when any
    /// touchpoint has no owner or an unknown one.
    pub rows: Vec<MatrixRow<'a>>,
}

impl OwnershipMatrix<'_> {
    /// The row of touchpoints without a known owner, if there are any.
    pub fn unowned(&self) -> Option<&MatrixRow<'_>> {
        self.rows.iter().find(|r| r.department.is_none())
    }
}

/// Builds the matrix in one pass over the touchpoints per row.
pub fn ownership_matrix(journey: &Journey) -> OwnershipMatrix<'_> {
    let stages: Vec<&Stage> = journey.stages.iter().collect();
    let row = |department: Option<&Department>| {
        let members: Vec<&Touchpoint> = journey
            .touchpoints
            .iter()
            .filter(|t| match department {
                Some(d) => t.owner.as_ref() == Some(&d.id),
                None => t
                    .owner
                    .as_ref()
                    .is_none_or(|o| journey.department(o).is_none()),
            })
            .collect();
        let cells = stages
            .iter()
            .map(|s| Figures::of(members.iter().copied().filter(|t| t.stage == s.id)))
            .collect();
        (cells, Figures::of(members))
    };
    let mut rows: Vec<MatrixRow<'_>> = journey
        .departments
        .iter()
        .map(|d| {
            let (cells, total) = row(Some(d));
            MatrixRow {
                department: Some(d),
                cells,
                total,
            }
        })
        .collect();
    let (cells, total) = row(None);
    if total.count > 0 {
        rows.push(MatrixRow {
            department: None,
            cells,
            total,
        });
    }
    OwnershipMatrix { stages, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_journey;

    const JOURNEY: &str = r#"
schema = 1
title = "t"
[[stages]]
id = "a"
name = "A"
[[stages]]
id = "b"
name = "B"
[[departments]]
id = "web"
name = "Web"
[[departments]]
id = "ops"
name = "Ops"
[[touchpoints]]
id = "one"
stage = "a"
name = "One"
owner = "web"
expected = 4
actual = 1
[[touchpoints]]
id = "two"
stage = "a"
name = "Two"
owner = "web"
expected = 3
actual = 3
[[touchpoints]]
id = "three"
stage = "b"
name = "Three"
expected = 3
actual = 2
"#;

    #[test]
    fn counts_and_worst_gap_per_cell() {
        let journey = parse_journey(JOURNEY).journey.expect("valid journey");
        let matrix = ownership_matrix(&journey);
        assert_eq!(matrix.stages.len(), 2);
        assert_eq!(matrix.rows.len(), 3, "web, ops, unowned");
        let web = &matrix.rows[0];
        assert_eq!(web.cells[0].count, 2);
        assert_eq!(web.cells[0].worst_gap.map(|g| g.get()), Some(-3));
        assert_eq!(web.cells[1].count, 0);
        assert_eq!(web.total.count, 2);
        assert_eq!(matrix.rows[1].total.count, 0);
        let unowned = matrix.unowned().expect("unowned row");
        assert_eq!(unowned.cells[1].worst_gap.map(|g| g.get()), Some(-1));
    }
}
