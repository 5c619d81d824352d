//! The sections of a portfolio report as tables of raw text: one row per
//! journey, department and partner scorecards across journeys, the worst
//! gaps, and the files that did not parse.

use super::cells::{
    FIGURES_COLUMNS, GAP_CLASS_COLUMN, GAP_COLUMNS, PARTNER_COLUMNS, cells, figures_cells,
    gap_cells, partner_cells, table,
};
use super::lookup::Lookup;
use super::scorecard::{department_cards, journey_rows, partner_cards, worst_gaps};
use super::sections::{SEVERITY_NOTE, Section};
use super::summary::mean_text;
use super::table::{Align, Table};
use super::{PORTFOLIO_WORST, Portfolio};

const L: Align = Align::Left;
const R: Align = Align::Right;

/// The one-line summary under the portfolio's heading.
pub fn headline(portfolio: &Portfolio) -> String {
    let rows = journey_rows(portfolio);
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
pub fn portfolio_sections(portfolio: &Portfolio) -> Vec<Section> {
    let mut sections = vec![
        Section {
            title: "Journeys",
            table: journeys(portfolio),
            empty: "No journey parsed.",
            note: None,
        },
        Section {
            title: "Departments across journeys",
            table: departments(portfolio),
            empty: "No touchpoints.",
            note: Some("Departments are matched by id across journeys."),
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

fn journeys(portfolio: &Portfolio) -> Table {
    let mut table = Table::new(&[
        ("File", L),
        ("Journey", L),
        ("Touchpoints", R),
        ("Scored", R),
        ("Critical", R),
        ("Shortfall", R),
        ("Mean gap", R),
        ("Debt", R),
        ("Worst department", L),
        ("Open actions", R),
    ]);
    for r in journey_rows(portfolio) {
        let f = &r.summary.figures;
        table.row(vec![
            r.file.to_owned(),
            r.journey.title.clone(),
            f.count.to_string(),
            f.scored.to_string(),
            f.critical.to_string(),
            f.shortfall.to_string(),
            mean_text(f.mean_gap),
            r.summary.debt.to_string(),
            r.worst_department
                .map_or_else(String::new, |d| d.name.clone()),
            r.summary.open_actions.to_string(),
        ]);
    }
    table
}

fn departments(portfolio: &Portfolio) -> Table {
    let mut table = table(
        &[("Department", L), ("Id", L), ("Journeys", R)],
        &FIGURES_COLUMNS,
        &[("Severity", R), ("Open actions", R)],
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
        if let Some(gap) = card.figures.worst_gap {
            table.tone(6, gap.class());
        }
    }
    table
}

fn partners(portfolio: &Portfolio) -> Table {
    let mut table = table(
        &[("Partner", L), ("Id", L), ("Journeys", R)],
        &PARTNER_COLUMNS,
        &[],
    );
    for card in partner_cards(portfolio) {
        let head = vec![
            card.name.to_owned(),
            card.id.to_string(),
            card.journeys.to_string(),
        ];
        let f = &card.figures;
        table.row(cells(
            head,
            partner_cells(f, card.rest_mean_gap, card.versus_rest()),
        ));
        if let Some(gap) = f.worst_gap {
            table.tone(7, gap.class());
        }
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
