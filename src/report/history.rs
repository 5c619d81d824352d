//! `corridor history` as text, Markdown, JSON or CSV: a journey's figures
//! at each commit, its gap, metric and action changes, and whether the
//! gaps closed after their actions were done; for a folder, the same per
//! journey and the departments across journeys.

use std::fmt::Write;

use super::table::{Align, Table, md_text};
use crate::analysis::figures;
use crate::analysis::history::{Across, History, Point};
use crate::analysis::metrics::verdict;
use crate::model::number;
use crate::text::{inert, width};

const L: Align = Align::Left;
const R: Align = Align::Right;

pub use super::history_data::{HISTORY_SCHEMA, JourneyHistoryJson, csv, journey_json};

fn gap_text(gap: Option<i8>) -> String {
    gap.map_or("-".to_owned(), |g| {
        if g > 0 {
            format!("+{g}")
        } else {
            g.to_string()
        }
    })
}

/// Every titled table of one journey's history.
pub fn sections(h: &History) -> Vec<(&'static str, Table)> {
    let commit = |p: &Point| {
        let c = &h.revisions[p.revision];
        vec![c.date.clone(), c.id.clone()]
    };
    let mut departments: Vec<String> = Vec::new();
    for p in &h.points {
        for (d, _) in &p.departments {
            if !departments.contains(d) {
                departments.push(d.clone());
            }
        }
    }
    let mut columns = vec![
        ("Date", L),
        ("Commit", L),
        ("Subject", L),
        (figures::DEBT.label, R),
        (figures::CRITICAL.label, R),
        (figures::BELOW.label, R),
    ];
    columns.extend(departments.iter().map(|d| (d.as_str(), R)));
    let mut commits = Table::new(&columns);
    for p in &h.points {
        let mut row = commit(p);
        row.push(h.revisions[p.revision].subject.clone());
        row.extend([
            p.debt.to_string(),
            p.critical.to_string(),
            p.below.to_string(),
        ]);
        row.extend(departments.iter().map(|d| {
            p.departments
                .iter()
                .find(|(id, _)| id == d)
                .map_or(String::new(), |(_, v)| v.to_string())
        }));
        commits.row(row);
    }
    let mut gaps = Table::new(&[("Date", L), ("Commit", L), ("Touchpoint", L), ("Gap", L)]);
    let mut metrics = Table::new(&[
        ("Date", L),
        ("Commit", L),
        ("Touchpoint", L),
        ("Metric", L),
        ("Value", R),
        ("Target", R),
        (figures::VS_TARGET.label, L),
    ]);
    for pair in h.points.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        for (t, gap) in &after.gaps {
            match before.gap(t) {
                Some(old) if old == *gap => {}
                old => {
                    let mut row = commit(after);
                    let from = old.map_or("new".to_owned(), gap_text);
                    row.extend([t.clone(), format!("{from} -> {}", gap_text(*gap))]);
                    gaps.row(row);
                }
            }
        }
        for m in &after.metrics {
            let old = before
                .metrics
                .iter()
                .find(|o| o.touchpoint == m.touchpoint && o.metric == m.metric);
            if old.is_some_and(|o| o.value == m.value) {
                continue;
            }
            let mut row = commit(after);
            let verdict = verdict(m.versus);
            row.extend([
                m.touchpoint.clone(),
                m.metric.clone(),
                format!(
                    "{}{}",
                    old.map_or(String::new(), |o| format!("{} -> ", number(o.value))),
                    number(m.value)
                ),
                m.target.map_or(String::new(), number),
                verdict,
            ]);
            metrics.row(row);
        }
    }
    let mut actions = Table::new(&[
        ("Date", L),
        ("Commit", L),
        ("Action", L),
        ("Touchpoint", L),
        ("Status", L),
    ]);
    for e in &h.events {
        let c = &h.revisions[e.revision];
        let status = match (e.from, e.to) {
            (None, Some(to)) => format!("new, {}", to.name()),
            (Some(from), Some(to)) => format!("{} -> {}", from.name(), to.name()),
            (Some(from), None) => format!("removed ({})", from.name()),
            (None, None) => String::new(),
        };
        actions.row(vec![
            c.date.clone(),
            c.id.clone(),
            e.action.clone(),
            e.touchpoint.clone(),
            status,
        ]);
    }
    let mut outcomes = Table::new(&[
        ("Action", L),
        ("Touchpoint", L),
        ("Done in", L),
        ("Gap then", R),
        ("Gap now", R),
        ("Outcome", L),
    ]);
    for o in &h.outcomes {
        let c = &h.revisions[o.done];
        outcomes.row(vec![
            o.action.clone(),
            o.touchpoint.clone(),
            format!("{} {}", c.date, c.id),
            gap_text(Some(o.then)),
            gap_text(o.now),
            o.verdict.name().to_owned(),
        ]);
    }
    let mut failed = Table::new(&[("Date", L), ("Commit", L), ("Error", L)]);
    for (r, error) in &h.failed {
        let c = &h.revisions[*r];
        failed.row(vec![c.date.clone(), c.id.clone(), error.clone()]);
    }
    vec![
        ("Commits", commits),
        ("Gap changes", gaps),
        ("Metric changes", metrics),
        ("Action status changes", actions),
        ("Did the gaps close after their actions?", outcomes),
        ("Revisions that do not parse", failed),
    ]
}

/// One line: commits read, the span of dates, debt first and last, gaps
/// closed and not moved.
pub fn headline(h: &History) -> String {
    let (closed, unmoved) = h.closed_and_unmoved();
    let span = match (h.revisions.first(), h.revisions.last()) {
        (Some(a), Some(b)) => format!(" from {} to {}", a.date, b.date),
        _ => String::new(),
    };
    let debt = match (h.points.first(), h.points.last()) {
        (Some(a), Some(b)) => format!(
            "; {} {} -> {}",
            figures::DEBT.name.to_lowercase(),
            a.debt,
            b.debt
        ),
        _ => String::new(),
    };
    format!(
        "{} commits{span}{debt}; {}: {closed}, {}: {unmoved}; {} that do not parse",
        h.revisions.len(),
        figures::CLOSED_AFTER_ACTION.name.to_lowercase(),
        figures::NOT_MOVED.name.to_lowercase(),
        h.failed.len()
    )
}

/// Department debt across journeys, as a table.
pub fn across_table(across: &[Across], commits: &[(String, String)]) -> Table {
    let mut departments: Vec<&str> = Vec::new();
    for a in across {
        for (d, _) in &a.departments {
            if !departments.contains(&d.as_str()) {
                departments.push(d);
            }
        }
    }
    let mut columns = vec![("Date", L), ("Commit", L), (figures::DEBT.label, R)];
    columns.extend(departments.iter().map(|d| (*d, R)));
    let mut table = Table::new(&columns);
    for a in across {
        let (date, id) = commits.get(a.at).cloned().unwrap_or_default();
        let mut row = vec![date, id, a.debt.to_string()];
        row.extend(departments.iter().map(|d| {
            a.departments
                .iter()
                .find(|(id, _)| id == d)
                .map_or(String::new(), |(_, v)| v.to_string())
        }));
        table.row(row);
    }
    table
}

/// A table as plain aligned text (no markup), made inert.
fn plain(table: &Table, out: &mut String) {
    let cells: Vec<Vec<String>> = std::iter::once(&table.header)
        .chain(&table.rows)
        .map(|r| r.iter().map(|c| inert(c)).collect())
        .collect();
    let widths: Vec<usize> = (0..table.header.len())
        .map(|i| cells.iter().map(|r| width(&r[i])).max().unwrap_or(0))
        .collect();
    for row in &cells {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i].saturating_sub(width(cell)));
            if i > 0 {
                line.push_str("  ");
            }
            match table.align[i] {
                Align::Left => {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
                Align::Right => {
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// Text or Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Text,
    Markdown,
}

/// Writes titled tables in `style`; empty tables are left out.
pub fn write_sections(out: &mut String, style: Style, level: usize, list: &[(String, Table)]) {
    for (title, table) in list.iter().filter(|(_, t)| !t.is_empty()) {
        match style {
            Style::Markdown => {
                let _ = write!(out, "\n{} {}\n\n", "#".repeat(level), md_text(title));
                table.to_markdown(out);
            }
            Style::Text => {
                let _ = write!(out, "\n{}\n", inert(title));
                plain(table, out);
            }
        }
    }
}

/// One journey's history as text or Markdown.
pub fn journey_text(file: &str, h: &History, style: Style) -> String {
    let mut out = String::new();
    let head = format!("History of {file}");
    match style {
        Style::Markdown => {
            let _ = writeln!(out, "# {}\n\n{}", md_text(&head), md_text(&headline(h)));
        }
        Style::Text => {
            let _ = writeln!(out, "{}\n{}", inert(&head), inert(&headline(h)));
        }
    }
    let list: Vec<(String, Table)> = sections(h)
        .into_iter()
        .map(|(t, table)| (t.to_owned(), table))
        .collect();
    write_sections(&mut out, style, 2, &list);
    out
}
