//! Columns and cells that the journey and the portfolio reports share:
//! figures, a partner against the rest of the network, and a ranked gap.

use super::lookup::Lookup;
use super::summary::{gap_text, mean_text};
use super::table::{Align, Table};
use crate::analysis::{Figures, RankedGap, figures, lags, versus_rest};
use crate::model::GapClass;

const L: Align = Align::Left;
const R: Align = Align::Right;

/// The columns [`figures_cells`] fills: the group figures, pain first,
/// named as everywhere else.
pub fn figures_columns() -> Vec<(&'static str, Align)> {
    figures::GROUP.iter().map(|f| (f.name, R)).collect()
}

/// The columns [`partner_cells`] fills.
pub fn partner_columns() -> Vec<(&'static str, Align)> {
    let mut columns = figures_columns();
    columns.push(("Rest of network", R));
    columns.push((figures::VERSUS_REST.name, R));
    columns
}

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

/// A group's figures, as [`figures_columns`] names them.
pub fn figures_cells(f: &Figures) -> Vec<String> {
    figures::GROUP.iter().map(|figure| f.text(figure)).collect()
}

/// A partner's figures against the rest of the network (`lags` marked).
pub fn partner_cells(f: &Figures, rest_mean_gap: Option<f64>) -> Vec<String> {
    let mut cells = figures_cells(f);
    cells.push(mean_text(rest_mean_gap));
    let versus = mean_text(versus_rest(f.mean_gap, rest_mean_gap));
    cells.push(if lags(f.mean_gap, rest_mean_gap) {
        format!("{versus} lags")
    } else {
        versus
    });
    cells
}

/// Where the worst gap stands in [`figures_columns`], for its tone.
pub const WORST_COLUMN: usize = 6;

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
