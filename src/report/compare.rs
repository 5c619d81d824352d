//! `corridor compare` as Markdown, JSON (schema `corridor-compare/1`, see
//! docs/compare-json.md) and HTML: two journeys lined up by touchpoint id,
//! both gaps and the change per touchpoint, touchpoints only in one, and
//! each department's figures in both.

use std::fmt::Write;

use serde::Serialize;

use super::figures_json::figures_value;
use super::json_text::to_text;
use super::svg::esc;
use super::table::{Align, Table, md_text};
use super::{ReportError, html};
use crate::analysis::compare::{Comparison, Row};
use crate::analysis::figures::{self, Figure};
use crate::model::{GapClass, Journey, Touchpoint};

/// The `schema` of the JSON comparison.
pub const COMPARE_SCHEMA: &str = "corridor-compare/1";

/// One side of a comparison: its journey, file and short label (its
/// `state` when it declares one, else `first`/`second`).
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub journey: &'a Journey,
    pub file: &'a str,
    pub label: &'a str,
}

impl<'a> Side<'a> {
    pub fn new(journey: &'a Journey, file: &'a str, fallback: &'a str) -> Self {
        let label = journey.state.map_or(fallback, |s| s.name());
        Self {
            journey,
            file,
            label,
        }
    }
}

const L: Align = Align::Left;
const R: Align = Align::Right;

/// A score or gap as a table shows it; `-` where the side lacks it.
fn scores(t: Option<&Touchpoint>) -> [String; 3] {
    let Some(t) = t else {
        return ["-".into(), "-".into(), "-".into()];
    };
    let s = |v: Option<crate::model::Score>| v.map_or("?".to_owned(), |s| s.to_string());
    let gap = t.gap().map_or("?".to_owned(), |g| g.to_string());
    [s(t.expected), s(t.actual), gap]
}

/// `+2`, `-1`, `0`, or empty when either gap is missing.
pub fn change_text(change: Option<i8>) -> String {
    match change {
        Some(c) if c > 0 => format!("+{c}"),
        Some(c) => c.to_string(),
        None => String::new(),
    }
}

/// Where a touchpoint is: in both, or only in one side.
pub fn presence<'s>(row: &Row<'_>, first: &Side<'s>, second: &Side<'s>) -> String {
    match (row.first, row.second) {
        (Some(_), None) => format!("only {}", first.label),
        (None, Some(_)) => format!("only {}", second.label),
        _ => String::new(),
    }
}

/// The touchpoint table: both sides' scores and gaps, and the change.
pub fn touchpoints(cmp: &Comparison<'_>, first: &Side<'_>, second: &Side<'_>) -> Table {
    let head = |f: &Figure, side: &Side<'_>| format!("{} ({})", f.label, side.label);
    let columns: Vec<(String, Align)> = vec![
        ("Touchpoint".into(), L),
        (format!("Exp ({})", first.label), R),
        (format!("Act ({})", first.label), R),
        (head(&figures::GAP, first), R),
        (format!("Exp ({})", second.label), R),
        (format!("Act ({})", second.label), R),
        (head(&figures::GAP, second), R),
        (figures::CHANGE.label.into(), R),
        ("".into(), L),
    ];
    let columns: Vec<(&str, Align)> = columns.iter().map(|(h, a)| (h.as_str(), *a)).collect();
    let mut table = Table::new(&columns);
    for row in &cmp.rows {
        let mut cells = vec![row.touchpoint.name.clone()];
        cells.extend(scores(row.first));
        cells.extend(scores(row.second));
        cells.push(change_text(row.change()));
        cells.push(presence(row, first, second));
        table.row(cells);
        let (a, b) = row.gaps();
        if let Some(a) = a {
            table.tone(3, a.class());
        }
        if let Some(b) = b {
            table.tone(6, b.class());
        }
        match row.change() {
            Some(c) if c > 0 => table.tone(7, GapClass::Exceeded),
            Some(c) if c < 0 => table.tone(7, GapClass::Critical),
            _ => {}
        }
    }
    table
}

/// The figures each side gives a department, pain first.
const DEPARTMENT: [&Figure; 3] = [&figures::DEBT, &figures::BELOW, &figures::CRITICAL];

/// Each department's figures in both journeys.
pub fn departments(cmp: &Comparison<'_>, first: &Side<'_>, second: &Side<'_>) -> Table {
    let mut columns: Vec<(String, Align)> = vec![("Department".into(), L)];
    for f in DEPARTMENT {
        columns.push((format!("{} ({})", f.label, first.label), R));
        columns.push((format!("{} ({})", f.label, second.label), R));
    }
    let columns: Vec<(&str, Align)> = columns.iter().map(|(h, a)| (h.as_str(), *a)).collect();
    let mut table = Table::new(&columns);
    for d in &cmp.departments {
        let mut cells = vec![d.name.clone()];
        for f in DEPARTMENT {
            cells.push(d.first.text(f));
            cells.push(d.second.text(f));
        }
        table.row(cells);
    }
    table
}

/// One line: each side's debt, below expectation and critical.
pub fn headline(cmp: &Comparison<'_>, first: &Side<'_>, second: &Side<'_>) -> String {
    let parts: Vec<String> = DEPARTMENT
        .iter()
        .map(|f| {
            format!(
                "{} {} ({}) -> {} ({})",
                f.name.to_lowercase(),
                cmp.first.text(f),
                first.label,
                cmp.second.text(f),
                second.label
            )
        })
        .collect();
    let only = |n: usize, side: &Side<'_>| format!("{n} only {}", side.label);
    format!(
        "{}; {}, {}",
        parts.join("; "),
        only(cmp.only_first().count(), first),
        only(cmp.only_second().count(), second)
    )
}

pub fn markdown(cmp: &Comparison<'_>, first: &Side<'_>, second: &Side<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} ({}) and {} ({})\n",
        md_text(&first.journey.title),
        md_text(first.label),
        md_text(&second.journey.title),
        md_text(second.label)
    );
    let _ = writeln!(
        out,
        "*{} ({}) against {} ({}), lined up by touchpoint id.*\n",
        md_text(first.file),
        md_text(first.label),
        md_text(second.file),
        md_text(second.label)
    );
    let _ = writeln!(out, "{}", md_text(&headline(cmp, first, second)));
    out.push_str("\n## Touchpoints\n\n");
    touchpoints(cmp, first, second).to_markdown(&mut out);
    let _ = write!(
        out,
        "\n{}: {}\n",
        figures::CHANGE.name,
        md_text(figures::CHANGE.formula)
    );
    out.push_str("\n## Departments\n\n");
    departments(cmp, first, second).to_markdown(&mut out);
    out
}

#[derive(Serialize)]
struct SideJson<'a> {
    file: &'a str,
    title: &'a str,
    state: Option<&'static str>,
    figures: serde_json::Value,
}

#[derive(Serialize)]
struct ScoresJson {
    expected: Option<u8>,
    actual: Option<u8>,
    gap: Option<i8>,
    class: &'static str,
}

#[derive(Serialize)]
struct RowJson<'a> {
    touchpoint: &'a str,
    name: &'a str,
    first: Option<ScoresJson>,
    second: Option<ScoresJson>,
    change: Option<i8>,
}

#[derive(Serialize)]
struct DepartmentJson<'a> {
    id: &'a str,
    name: &'a str,
    first: serde_json::Value,
    second: serde_json::Value,
}

#[derive(Serialize)]
struct CompareDoc<'a> {
    schema: &'static str,
    generator: String,
    first: SideJson<'a>,
    second: SideJson<'a>,
    touchpoints: Vec<RowJson<'a>>,
    only_first: Vec<&'a str>,
    only_second: Vec<&'a str>,
    departments: Vec<DepartmentJson<'a>>,
}

fn scores_json(t: Option<&Touchpoint>) -> Option<ScoresJson> {
    t.map(|t| ScoresJson {
        expected: t.expected.map(|s| s.get()),
        actual: t.actual.map(|s| s.get()),
        gap: t.gap().map(|g| g.get()),
        class: t.gap_class().name(),
    })
}

pub fn json(
    cmp: &Comparison<'_>,
    first: &Side<'_>,
    second: &Side<'_>,
) -> Result<String, ReportError> {
    fn side<'s>(s: &Side<'s>, f: &crate::analysis::Figures) -> SideJson<'s> {
        SideJson {
            file: s.file,
            title: &s.journey.title,
            state: s.journey.state.map(|s| s.name()),
            figures: figures_value(f),
        }
    }
    let ids = |rows: Vec<&Row<'_>>| -> Vec<String> {
        rows.iter().map(|r| r.touchpoint.id.to_string()).collect()
    };
    let (only_first, only_second) = (
        ids(cmp.only_first().collect()),
        ids(cmp.only_second().collect()),
    );
    let doc = CompareDoc {
        schema: COMPARE_SCHEMA,
        generator: super::json::generator(),
        first: side(first, &cmp.first),
        second: side(second, &cmp.second),
        touchpoints: cmp
            .rows
            .iter()
            .map(|r| RowJson {
                touchpoint: r.touchpoint.id.as_str(),
                name: &r.touchpoint.name,
                first: scores_json(r.first),
                second: scores_json(r.second),
                change: r.change(),
            })
            .collect(),
        only_first: only_first.iter().map(String::as_str).collect(),
        only_second: only_second.iter().map(String::as_str).collect(),
        departments: cmp
            .departments
            .iter()
            .map(|d| DepartmentJson {
                id: &d.id,
                name: &d.name,
                first: figures_value(&d.first),
                second: figures_value(&d.second),
            })
            .collect(),
    };
    to_text(&doc)
}

const STEP_X: usize = 46;
const TOP: usize = 20;
const ROW_H: usize = 36;

/// Both actual curves (and the expected levels, dashed) in one chart.
fn chart(cmp: &Comparison<'_>, first: &Side<'_>, second: &Side<'_>) -> String {
    let n = cmp.rows.len().max(1);
    let width = 60 + n * STEP_X;
    let height = TOP + 4 * ROW_H + 40;
    let y = |score: u8| TOP + (5 - usize::from(score.clamp(1, 5))) * ROW_H;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="compare" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="Both curves">"#
    );
    for score in 1..=5u8 {
        let _ = write!(
            out,
            r##"<line x1="40" y1="{0}" x2="{width}" y2="{0}" stroke="#e0e0e0"/><text x="20" y="{1}" class="small">{score}</text>"##,
            y(score),
            y(score) + 4
        );
    }
    let series = |second: bool, expected: bool| -> Vec<(usize, u8)> {
        cmp.rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let t = if second { r.second } else { r.first }?;
                let s = if expected { t.expected } else { t.actual }?;
                Some((60 + i * STEP_X, s.get()))
            })
            .collect()
    };
    for (pick, colour, dash) in [(false, "#7a869a", "6 4"), (true, "#1565c0", "")] {
        let points = |expected| {
            series(pick, expected)
                .iter()
                .map(|(x, s)| format!("{x},{}", y(*s)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let _ = write!(
            out,
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="1" stroke-dasharray="2 3"/><polyline points="{}" fill="none" stroke="{colour}" stroke-width="3" stroke-dasharray="{dash}"/>"#,
            points(true),
            points(false)
        );
        for (x, s) in series(pick, false) {
            let _ = write!(
                out,
                r#"<circle cx="{x}" cy="{}" r="4" fill="{colour}"/>"#,
                y(s)
            );
        }
    }
    let legend_y = height - 12;
    let _ = write!(
        out,
        r##"<text x="40" y="{legend_y}" class="small" fill="#7a869a">dashed: actual ({})</text><text x="260" y="{legend_y}" class="small" fill="#1565c0">solid: actual ({})</text><text x="480" y="{legend_y}" class="small">dotted: expected</text></svg>"##,
        esc(first.label),
        esc(second.label)
    );
    out
}

pub fn page(cmp: &Comparison<'_>, first: &Side<'_>, second: &Side<'_>) -> String {
    let title = format!(
        "{} ({}) and {} ({})",
        first.journey.title, first.label, second.journey.title, second.label
    );
    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}</h1>", esc(&title));
    let _ = writeln!(
        body,
        "<p class=\"meta\">{}</p>",
        esc(&headline(cmp, first, second))
    );
    let _ = writeln!(body, "<h2>Both curves</h2>");
    let _ = writeln!(
        body,
        "<div class=\"scroll\">{}</div>",
        chart(cmp, first, second)
    );
    let _ = writeln!(body, "<h2>Touchpoints</h2>");
    html::table(&mut body, &touchpoints(cmp, first, second));
    let _ = writeln!(
        body,
        "<p class=\"meta\">{}: {}</p>",
        figures::CHANGE.name,
        esc(figures::CHANGE.formula)
    );
    let _ = writeln!(body, "<h2>Departments</h2>");
    html::table(&mut body, &departments(cmp, first, second));
    html::document(&title, &body)
}
