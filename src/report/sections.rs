//! The sections of a journey report as tables of raw text, shared by the
//! Markdown and HTML writers so both say the same thing.

use super::cells::{
    FIGURES_COLUMNS, GAP_CLASS_COLUMN, GAP_COLUMNS, PARTNER_COLUMNS, cells, class_text,
    figures_cells, gap_cells, opt, partner_cells, table,
};
use super::lookup::Lookup;
use super::summary::{
    Summary, actions_by_owner, gap_text, mean_text, score_text, summary, unactioned_gaps,
};
use super::table::{Align, Table};
use crate::analysis::matrix::ownership_matrix;
use crate::analysis::{
    Figures, department_figures, partner_figures, rank_gaps, severity, unowned_figures,
};
use crate::model::Journey;

const L: Align = Align::Left;
const R: Align = Align::Right;

pub const SEVERITY_NOTE: &str = "Severity = max(0, -gap) x 2 at a moment of truth, else x 1; \
ties go to the lower emotion, then to the earlier touchpoint.";

/// One titled table, with what to say when it is empty and a note after it.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: &'static str,
    pub table: Table,
    pub empty: &'static str,
    pub note: Option<&'static str>,
}

fn section(title: &'static str, table: Table, empty: &'static str) -> Section {
    Section {
        title,
        table,
        empty,
        note: None,
    }
}

/// Every section of a journey's report, in order.
pub fn journey_sections(journey: &Journey) -> Vec<Section> {
    let lookup = Lookup::new(journey);
    vec![
        section("Summary", summary_table(&summary(journey)), ""),
        Section {
            note: Some("★ marks a moment of truth."),
            ..section("Corridor", corridor(journey, &lookup), "No touchpoints.")
        },
        Section {
            note: Some(SEVERITY_NOTE),
            ..section(
                "Gaps by severity",
                gaps(journey, &lookup),
                "No gaps below expectation.",
            )
        },
        Section {
            note: Some("Each cell: touchpoints owned at that stage (worst gap)."),
            ..section("Departments x stages", matrix(journey), "No stages.")
        },
        section(
            "Departments",
            departments(journey, &lookup),
            "No departments.",
        ),
        section(
            "Partners",
            partners(journey, &lookup),
            "No partners deliver touchpoints in this journey.",
        ),
        section("Actions by owner", actions(journey), "No actions yet."),
        section(
            "Gaps without an action",
            unactioned(journey, &lookup),
            "Every gap below expectation has an action.",
        ),
    ]
}

fn summary_table(s: &Summary) -> Table {
    let f = &s.figures;
    let mut table = Table::new(&[("Figure", L), ("Value", R)]);
    let rows: [(&str, String); 12] = [
        ("Touchpoints", f.count.to_string()),
        ("Scored", f.scored.to_string()),
        ("Critical gaps", f.critical.to_string()),
        ("Shortfalls", f.shortfall.to_string()),
        ("Met", s.met.to_string()),
        ("Exceeded", s.exceeded.to_string()),
        ("Unscored", s.unscored.to_string()),
        ("Mean gap", mean_text(f.mean_gap)),
        ("Experience debt", s.debt.to_string()),
        ("Moments of truth", s.moments_of_truth.to_string()),
        (
            "Open actions",
            format!("{} of {}", s.open_actions, s.actions),
        ),
        ("Gaps without an action", s.unactioned_gaps.to_string()),
    ];
    for (label, value) in rows {
        table.row(vec![label.to_owned(), value]);
    }
    table
}

fn corridor(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = Table::new(&[
        ("No.", R),
        ("Stage", L),
        ("Touchpoint", L),
        ("Channel", L),
        ("Owner", L),
        ("Partner", L),
        ("Expected", R),
        ("Actual", R),
        ("Gap", R),
        ("Class", L),
    ]);
    for (n, t) in journey.corridor().into_iter().enumerate() {
        let star = if t.moment_of_truth { "★ " } else { "" };
        table.row(vec![
            (n + 1).to_string(),
            lookup.stage_name(&t.stage).to_owned(),
            format!("{star}{}", t.name),
            opt(t.channel.as_deref()),
            opt(lookup.owner_name(t.owner.as_ref())),
            opt(lookup.partner_name(t.partner.as_ref())),
            score_text(t.expected),
            score_text(t.actual),
            gap_text(t),
            class_text(t.gap_class()),
        ]);
        table.tone(9, t.gap_class());
    }
    table
}

fn gaps(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = table(
        &[("Rank", R)],
        &GAP_COLUMNS,
        &[("Emotion", R), ("Actions", R)],
    );
    let ranked = rank_gaps(journey).into_iter().filter(|r| r.severity > 0);
    for (n, r) in ranked.enumerate() {
        let t = r.touchpoint;
        let mut row = cells(vec![(n + 1).to_string()], gap_cells(lookup, &r));
        row.push(t.emotion.map_or_else(String::new, |e| e.to_string()));
        row.push(lookup.actions(&t.id).to_string());
        table.row(row);
        table.tone(1 + GAP_CLASS_COLUMN, r.class);
    }
    table
}

/// `2 (-3)`: count and worst gap; `-` for an empty cell.
fn cell_text(f: &Figures) -> String {
    match (f.count, f.worst_gap) {
        (0, _) => "-".to_owned(),
        (n, Some(g)) => format!("{n} ({g})"),
        (n, None) => format!("{n} (?)"),
    }
}

fn matrix(journey: &Journey) -> Table {
    let matrix = ownership_matrix(journey);
    let mut columns: Vec<(&str, Align)> = vec![("Department", L)];
    columns.extend(matrix.stages.iter().map(|s| (s.name.as_str(), R)));
    columns.push(("Total", R));
    let mut table = Table::new(&columns);
    for row in &matrix.rows {
        let name = row.department.map_or("(unowned)", |d| d.name.as_str());
        let mut cells = vec![name.to_owned()];
        cells.extend(row.cells.iter().map(cell_text));
        cells.push(cell_text(&row.total));
        table.row(cells);
        for (c, cell) in row.cells.iter().chain([&row.total]).enumerate() {
            if let Some(gap) = cell.worst_gap {
                table.tone(c + 1, gap.class());
            }
        }
    }
    table
}

fn departments(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = table(
        &[("Department", L), ("Lead", L)],
        &FIGURES_COLUMNS,
        &[("Open actions", R)],
    );
    for d in department_figures(journey) {
        let lead = lookup.department(d.id).and_then(|d| d.lead.as_deref());
        let mut row = cells(
            vec![d.name.to_owned(), opt(lead)],
            figures_cells(&d.figures),
        );
        row.push(d.open_actions.to_string());
        table.row(row);
    }
    let unowned = unowned_figures(journey);
    if unowned.count > 0 {
        table.row(cells(
            vec!["(unowned)".to_owned(), String::new()],
            figures_cells(&unowned),
        ));
    }
    table
}

fn partners(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = table(&[("Partner", L), ("Role", L)], &PARTNER_COLUMNS, &[]);
    for p in partner_figures(journey) {
        let role = lookup.partner(p.id).and_then(|p| p.role.as_deref());
        table.row(cells(
            vec![p.name.to_owned(), opt(role)],
            partner_cells(&p.figures, p.rest_mean_gap, p.versus_rest()),
        ));
    }
    table
}

fn actions(journey: &Journey) -> Table {
    let mut table = Table::new(&[
        ("Owner", L),
        ("Action", L),
        ("Status", L),
        ("Due", L),
        ("Closes gap at", L),
        ("Gap", R),
        ("Severity", R),
    ]);
    for group in actions_by_owner(journey) {
        for (action, touchpoint) in group.actions {
            let (name, gap, sev) = touchpoint.map_or_else(
                || (action.touchpoint.to_string(), String::new(), String::new()),
                |t| (t.name.clone(), gap_text(t), severity(t).to_string()),
            );
            table.row(vec![
                group.name.clone(),
                action.title.clone(),
                action.status.name().to_owned(),
                action.due.map_or_else(String::new, |d| d.to_string()),
                name,
                gap,
                sev,
            ]);
            if let Some(t) = touchpoint {
                table.tone(5, t.gap_class());
            }
        }
    }
    table
}

fn unactioned(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = Table::new(&[("Touchpoint", L), ("Owner", L), ("Gap", R), ("Severity", R)]);
    for r in unactioned_gaps(journey) {
        let t = r.touchpoint;
        table.row(vec![
            t.name.clone(),
            opt(lookup.owner_name(t.owner.as_ref())),
            gap_text(t),
            r.severity.to_string(),
        ]);
        table.tone(2, r.class);
    }
    table
}
