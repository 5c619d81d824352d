//! Columns and cells that the journey and the portfolio reports share:
//! figures, a partner against the rest of the network, and a ranked gap.

use super::lookup::Lookup;
use super::summary::{gap_text, mean_text};
use super::table::{Align, Table};
use crate::analysis::{Figures, RankedGap};
use crate::model::GapClass;

const L: Align = Align::Left;
const R: Align = Align::Right;

/// The columns [`figures_cells`] fills.
pub const FIGURES_COLUMNS: [(&str, Align); 6] = [
    ("Touchpoints", R),
    ("Scored", R),
    ("Mean gap", R),
    ("Worst", R),
    ("Critical", R),
    ("Shortfall", R),
];

/// The columns [`partner_cells`] fills.
pub const PARTNER_COLUMNS: [(&str, Align); 6] = [
    ("Touchpoints", R),
    ("Mean gap", R),
    ("Rest of network", R),
    ("Difference", R),
    ("Worst", R),
    ("Critical", R),
];

/// The columns [`gap_cells`] fills.
pub const GAP_COLUMNS: [(&str, Align); 6] = [
    ("Touchpoint", L),
    ("Stage", L),
    ("Owner", L),
    ("Gap", R),
    ("Class", L),
    ("Severity", R),
];

/// Where the class stands in [`GAP_COLUMNS`], for its tone.
pub const GAP_CLASS_COLUMN: usize = 4;

/// A table whose columns are `head`, then `shared`, then `tail`.
pub fn table(head: &[(&str, Align)], shared: &[(&str, Align)], tail: &[(&str, Align)]) -> Table {
    Table::new(&[head, shared, tail].concat())
}

pub fn class_text(class: GapClass) -> String {
    format!("{} {}", class.symbol(false), class.name())
}

pub fn opt(text: Option<&str>) -> String {
    text.unwrap_or_default().to_owned()
}

pub fn figures_cells(f: &Figures) -> Vec<String> {
    vec![
        f.count.to_string(),
        f.scored.to_string(),
        mean_text(f.mean_gap),
        worst_text(f),
        f.critical.to_string(),
        f.shortfall.to_string(),
    ]
}

pub fn worst_text(f: &Figures) -> String {
    f.worst_gap
        .map_or_else(|| "-".to_owned(), |g| g.to_string())
}

/// A partner's figures against the rest of the network; `versus_rest` is
/// the difference of the two mean gaps.
pub fn partner_cells(
    f: &Figures,
    rest_mean_gap: Option<f64>,
    versus_rest: Option<f64>,
) -> Vec<String> {
    vec![
        f.count.to_string(),
        mean_text(f.mean_gap),
        mean_text(rest_mean_gap),
        mean_text(versus_rest),
        worst_text(f),
        f.critical.to_string(),
    ]
}

/// A ranked gap of the journey `lookup` looks into: touchpoint, stage,
/// owner, gap, class and severity.
pub fn gap_cells(lookup: &Lookup<'_>, ranked: &RankedGap<'_>) -> Vec<String> {
    let t = ranked.touchpoint;
    vec![
        t.name.clone(),
        lookup.stage_name(&t.stage).to_owned(),
        opt(lookup.owner_name(t.owner.as_ref())),
        gap_text(t),
        class_text(ranked.class),
        ranked.severity.to_string(),
    ]
}

/// `head` then `rest`, as the cells of one row.
pub fn cells(head: Vec<String>, rest: Vec<String>) -> Vec<String> {
    let mut cells = head;
    cells.extend(rest);
    cells
}
