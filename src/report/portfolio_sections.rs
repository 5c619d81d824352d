//! The sections of a portfolio report as tables of raw text: one row per
//! journey, department and partner scorecards across journeys, the worst
//! gaps, and the files that did not parse.

use super::cells::{
    GAP_CLASS_COLUMN, GAP_COLUMNS, WORST_COLUMN, cells, figures_cells, figures_columns, gap_cells,
    partner_cells, partner_columns, table,
};
use super::lookup::Lookup;
use super::scorecard::{department_cards, journey_rows, partner_cards, worst_gaps};
use super::sections::{GROUP_NOTE, SEVERITY_NOTE, Section};
use super::table::{Align, Table};
use super::{Context, PORTFOLIO_WORST, Portfolio};
use crate::analysis::figures;
use crate::model::{Date, GapClass};

const L: Align = Align::Left;
const R: Align = Align::Right;

/// The one-line summary under the portfolio's heading.
pub fn headline(portfolio: &Portfolio, today: Date) -> String {
    let rows = journey_rows(portfolio, today);
    let total: usize = rows.iter().map(|r| r.summary.figures.count).sum();
    let critical: usize = rows.iter().map(|r| r.summary.figures.critical).sum();
    let failed = portfolio.failures().count();
    format!(
        "{}, {}, {}, {} that did not parse.",
        plural(rows.len(), "journey"),
        plural(total, "touchpoint"),
        plural(critical, "critical gap"),
        plural(failed, "file"),
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Every section of the portfolio report, in order.
pub fn portfolio_sections(portfolio: &Portfolio, context: &Context) -> Vec<Section> {
    let mut sections = vec![
        Section {
            title: "Journeys",
            table: journeys(portfolio, context.today),
            empty: "No journey parsed.",
            note: None,
        },
        Section {
            title: "Departments across journeys",
            table: departments(portfolio),
            empty: "No touchpoints.",
            note: Some(GROUP_NOTE),
        },
        Section {
            title: "Partners across journeys",
            table: partners(portfolio),
            empty: "No partners.",
            note: Some("Partners are matched by id across journeys."),
        },
        Section {
            title: "Worst gaps across the portfolio",
            table: worst(portfolio),
            empty: "No gaps below expectation.",
            note: Some(SEVERITY_NOTE),
        },
    ];
    if portfolio.failures().next().is_some() {
        sections.push(Section {
            title: "Files that did not parse",
            table: failures(portfolio),
            empty: "",
            note: None,
        });
    }
    sections
}

fn journeys(portfolio: &Portfolio, today: Date) -> Table {
    let mut columns = vec![("File", L), ("Journey", L)];
    columns.extend(figures_columns());
    columns.extend([
        ("Most indebted department", L),
        (figures::OPEN_ACTIONS.name, R),
        (figures::OVERDUE.name, R),
    ]);
    let mut table = Table::new(&columns);
    for r in journey_rows(portfolio, today) {
        let mut row = cells(
            vec![r.file.to_owned(), r.journey.title.clone()],
            figures_cells(&r.summary.figures),
        );
        row.push(r.most_indebted.map_or_else(String::new, |d| d.name.clone()));
        row.push(r.summary.open_actions.to_string());
        row.push(r.summary.overdue.to_string());
        table.row(row);
        let class = r.summary.figures.class();
        if matches!(class, GapClass::Critical | GapClass::Shortfall) {
            table.tone(2, class);
        }
    }
    table
}

fn departments(portfolio: &Portfolio) -> Table {
    let mut table = table(
        &[("Department", L), ("Id", L), ("Journeys", R)],
        &figures_columns(),
        &[("Severity", R), (figures::OPEN_ACTIONS.name, R)],
    );
    for card in department_cards(portfolio) {
        let head = vec![
            card.name.to_owned(),
            card.id.map_or_else(String::new, |id| id.to_string()),
            card.journeys.to_string(),
        ];
        let mut row = cells(head, figures_cells(&card.figures));
        row.push(card.severity.to_string());
        row.push(card.open_actions.to_string());
        table.row(row);
        tone(&mut table, &card.figures);
    }
    table
}

/// A group that disappoints never reads as neutral: its name and debt carry
/// its class; the worst gap its own.
fn tone(table: &mut Table, f: &crate::analysis::Figures) {
    let class = f.class();
    if matches!(class, GapClass::Critical | GapClass::Shortfall) {
        table.tone(0, class);
        table.tone(3, class);
    }
    if let Some(gap) = f.worst_gap {
        table.tone(3 + WORST_COLUMN, gap.class());
    }
}

fn partners(portfolio: &Portfolio) -> Table {
    let mut table = table(
        &[("Partner", L), ("Id", L), ("Journeys", R)],
        &partner_columns(),
        &[],
    );
    for card in partner_cards(portfolio) {
        let head = vec![
            card.name.to_owned(),
            card.id.to_string(),
            card.journeys.to_string(),
        ];
        table.row(cells(
            head,
            partner_cells(&card.figures, card.rest_mean_gap),
        ));
        tone(&mut table, &card.figures);
    }
    table
}

fn worst(portfolio: &Portfolio) -> Table {
    let mut table = table(&[("Rank", R), ("Journey", L)], &GAP_COLUMNS, &[]);
    for (n, g) in worst_gaps(portfolio, PORTFOLIO_WORST).iter().enumerate() {
        let head = vec![(n + 1).to_string(), g.journey.title.clone()];
        let lookup = Lookup::new(g.journey);
        table.row(cells(head, gap_cells(&lookup, &g.ranked)));
        table.tone(2 + GAP_CLASS_COLUMN, g.ranked.class);
    }
    table
}

fn failures(portfolio: &Portfolio) -> Table {
    let mut table = Table::new(&[("File", L), ("Line", R), ("Column", R), ("Error", L)]);
    for (file, errors) in portfolio.failures() {
        for e in errors {
            table.row(vec![
                file.to_owned(),
                e.line.to_string(),
                e.column.to_string(),
                e.message.clone(),
            ]);
        }
    }
    table
}
