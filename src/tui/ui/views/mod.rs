//! One file per view.

pub mod actions;
pub mod blueprint;
pub mod compare;
pub mod corridor;
pub mod curve;
pub mod gaps;
pub mod journeys;
pub mod owners;
pub mod trend;

use ratatui::layout::{Constraint, Flex, Layout, Rect};

/// The widths a `Table` gives its columns in `area` (same constraints,
/// spacing 1), so cells can be cut with an ellipsis rather than clipped.
pub fn column_widths(area: Rect, constraints: &[Constraint]) -> Vec<usize> {
    Layout::horizontal(constraints.iter().copied())
        .flex(Flex::Start)
        .spacing(1)
        .split(Rect { height: 1, ..area })
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}
