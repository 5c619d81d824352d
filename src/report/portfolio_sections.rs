//! The sections of a portfolio report as tables of raw text: one row per
//! journey, department and partner scorecards across journeys, the worst
//! gaps, and the files that did not parse.

use super::scorecard::{department_cards, journey_rows, partner_cards, worst_gaps};
use super::sections::{SEVERITY_NOTE, Section, class_text, figures_cells, worst_text};
use super::summary::{gap_text, mean_text, owner_name, stage_name};
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
    let mut table = Table::new(&[
        ("Department", L),
        ("Id", L),
        ("Journeys", R),
        ("Touchpoints", R),
        ("Scored", R),
        ("Mean gap", R),
        ("Worst", R),
        ("Critical", R),
        ("Shortfall", R),
        ("Severity", R),
        ("Open actions", R),
    ]);
    for card in department_cards(portfolio) {
        let mut cells = vec![
            card.name.to_owned(),
            card.id.map_or_else(String::new, |id| id.to_string()),
            card.journeys.to_string(),
        ];
        cells.extend(figures_cells(&card.figures));
        cells.push(card.severity.to_string());
        cells.push(card.open_actions.to_string());
        table.row(cells);
        if let Some(gap) = card.figures.worst_gap {
            table.tone(6, gap.class());
        }
    }
    table
}

fn partners(portfolio: &Portfolio) -> Table {
    let mut table = Table::new(&[
        ("Partner", L),
        ("Id", L),
        ("Journeys", R),
        ("Touchpoints", R),
        ("Mean gap", R),
        ("Rest of network", R),
        ("Difference", R),
        ("Worst", R),
        ("Critical", R),
    ]);
    for card in partner_cards(portfolio) {
        let f = &card.figures;
        table.row(vec![
            card.name.to_owned(),
            card.id.to_string(),
            card.journeys.to_string(),
            f.count.to_string(),
            mean_text(f.mean_gap),
            mean_text(card.rest_mean_gap),
            mean_text(card.versus_rest()),
            worst_text(f),
            f.critical.to_string(),
        ]);
        if let Some(gap) = f.worst_gap {
            table.tone(7, gap.class());
        }
    }
    table
}

fn worst(portfolio: &Portfolio) -> Table {
    let mut table = Table::new(&[
        ("Rank", R),
        ("Journey", L),
        ("Touchpoint", L),
        ("Stage", L),
        ("Owner", L),
        ("Gap", R),
        ("Class", L),
        ("Severity", R),
    ]);
    for (n, g) in worst_gaps(portfolio, PORTFOLIO_WORST).iter().enumerate() {
        let t = g.ranked.touchpoint;
        table.row(vec![
            (n + 1).to_string(),
            g.journey.title.clone(),
            t.name.clone(),
            stage_name(g.journey, &t.stage).to_owned(),
            owner_name(g.journey, t.owner.as_ref())
                .unwrap_or_default()
                .to_owned(),
            gap_text(t),
            class_text(g.ranked.class),
            g.ranked.severity.to_string(),
        ]);
        table.tone(6, g.ranked.class);
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
