//! The JSON report of a folder: the full report of each journey, the files
//! that did not parse, and the scorecards across journeys.
//!
//! The journeys' reports are most of the document, so each is serialised on
//! its own, several at a time, and the document is assembled around them in
//! the layout `serde_json`'s pretty printer would give it.

use std::fmt::Write;

use serde::Serialize;

use super::json::{FiguresJson, JourneyReport, generator};
use super::json_text::{indent, nested, pretty};
use super::scorecard::{JourneyRow, department_cards, journey_rows, partner_cards, worst_gaps};
use super::{Context, JSON_SCHEMA, PORTFOLIO_WORST, Portfolio, ReportError};
use crate::analysis::{Figures, lags};
use crate::model::{Gap, Id};

/// Everything in the document but the journeys, in document order.
struct Head<'a> {
    summary: PortfolioSummary,
    failed: Vec<FailedFile<'a>>,
    departments: Vec<DepartmentCardJson<'a>>,
    partners: Vec<PartnerCardJson<'a>>,
    worst_gaps: Vec<WorstGapJson<'a>>,
}

/// The whole document, with a final newline.
pub fn render(portfolio: &Portfolio, context: &Context) -> Result<String, ReportError> {
    let rows = journey_rows(portfolio, context.today);
    let head = Head::of(portfolio, &rows);
    let journeys = entries(&rows, context)?;
    let size: usize = journeys.iter().map(|j| j.len() + 8).sum();
    let mut out = String::with_capacity(size + 64 * 1024);
    out.push_str("{\n");
    let field = |out: &mut String, key: &str, value: &str| {
        let _ = writeln!(out, "  \"{key}\": {},", indent(value, 2));
    };
    field(&mut out, "schema", &pretty(&JSON_SCHEMA)?);
    field(&mut out, "kind", &pretty(&"portfolio")?);
    field(&mut out, "generator", &pretty(&generator())?);
    field(&mut out, "made", &pretty(&context.today.to_string())?);
    field(&mut out, "summary", &pretty(&head.summary)?);
    if journeys.is_empty() {
        out.push_str("  \"journeys\": [],\n");
    } else {
        out.push_str("  \"journeys\": [\n    ");
        for (n, journey) in journeys.iter().enumerate() {
            if n > 0 {
                out.push_str(",\n    ");
            }
            out.push_str(journey);
        }
        out.push_str("\n  ],\n");
    }
    field(&mut out, "failed", &pretty(&head.failed)?);
    field(&mut out, "departments", &pretty(&head.departments)?);
    field(&mut out, "partners", &pretty(&head.partners)?);
    let worst = pretty(&head.worst_gaps)?;
    let _ = write!(out, "  \"worst_gaps\": {}\n}}\n", indent(&worst, 2));
    Ok(out)
}

/// Each journey's entry, pretty-printed and indented to its place in the
/// `journeys` array, in file order.
fn entries(rows: &[JourneyRow<'_>], context: &Context) -> Result<Vec<String>, ReportError> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = rows.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = rows
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|row| {
                            let entry = JourneyEntry {
                                file: row.file,
                                most_indebted: row.most_indebted.map(|d| d.id.as_str()),
                                report: JourneyReport::of(row.journey, context),
                            };
                            // About 1.9 kB of JSON per touchpoint.
                            let hint = 8192 + row.journey.touchpoints.len() * 1900;
                            nested(&entry, 4, hint)
                        })
                        .collect::<Result<Vec<String>, ReportError>>()
                })
            })
            .collect();
        let mut all = Vec::with_capacity(rows.len());
        for worker in workers {
            match worker.join() {
                Ok(part) => all.extend(part?),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok(all)
    })
}

#[derive(Serialize)]
struct PortfolioSummary {
    files: usize,
    journeys: usize,
    failed: usize,
    figures: FiguresJson,
    severity: u32,
    open_actions: usize,
    overdue: usize,
    unaddressed: usize,
}

#[derive(Serialize)]
struct JourneyEntry<'a> {
    file: &'a str,
    /// The department with the most experience debt, when any has debt.
    most_indebted: Option<&'a str>,
    report: JourneyReport<'a>,
}

#[derive(Serialize)]
struct FailedFile<'a> {
    file: &'a str,
    errors: Vec<FileErrorJson<'a>>,
}

#[derive(Serialize)]
struct FileErrorJson<'a> {
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct DepartmentCardJson<'a> {
    id: Option<&'a str>,
    name: &'a str,
    journeys: usize,
    figures: FiguresJson,
    severity: u32,
    open_actions: usize,
}

#[derive(Serialize)]
struct PartnerCardJson<'a> {
    id: &'a str,
    name: &'a str,
    journeys: usize,
    figures: FiguresJson,
    rest_mean_gap: Option<f64>,
    versus_rest: Option<f64>,
    lags: bool,
}

#[derive(Serialize)]
struct WorstGapJson<'a> {
    rank: usize,
    file: &'a str,
    journey: &'a str,
    touchpoint: &'a str,
    name: &'a str,
    stage: &'a str,
    owner: Option<&'a str>,
    gap: Option<i8>,
    class: &'static str,
    severity: u8,
}

impl<'a> Head<'a> {
    fn of(portfolio: &'a Portfolio, rows: &[JourneyRow<'a>]) -> Self {
        let all = Figures::of(portfolio.journeys().flat_map(|(_, j)| &j.touchpoints));
        let failed: Vec<FailedFile<'a>> = portfolio
            .failures()
            .map(|(file, errors)| FailedFile {
                file,
                errors: errors
                    .iter()
                    .map(|e| FileErrorJson {
                        line: e.line,
                        column: e.column,
                        message: &e.message,
                    })
                    .collect(),
            })
            .collect();
        Self {
            summary: PortfolioSummary {
                files: portfolio.entries.len(),
                journeys: rows.len(),
                failed: failed.len(),
                figures: FiguresJson::from(&all),
                severity: rows.iter().map(|r| r.summary.severity).sum(),
                open_actions: rows.iter().map(|r| r.summary.open_actions).sum(),
                overdue: rows.iter().map(|r| r.summary.overdue).sum(),
                unaddressed: rows.iter().map(|r| r.summary.unaddressed).sum(),
            },
            failed,
            departments: department_cards(portfolio)
                .into_iter()
                .map(|c| DepartmentCardJson {
                    id: c.id.map(Id::as_str),
                    name: c.name,
                    journeys: c.journeys,
                    figures: FiguresJson::from(&c.figures),
                    severity: c.severity,
                    open_actions: c.open_actions,
                })
                .collect(),
            partners: partner_cards(portfolio)
                .into_iter()
                .map(|c| PartnerCardJson {
                    id: c.id.as_str(),
                    name: c.name,
                    journeys: c.journeys,
                    versus_rest: c.versus_rest(),
                    lags: lags(c.figures.mean_gap, c.rest_mean_gap),
                    figures: FiguresJson::from(&c.figures),
                    rest_mean_gap: c.rest_mean_gap,
                })
                .collect(),
            worst_gaps: worst_gaps(portfolio, PORTFOLIO_WORST)
                .into_iter()
                .enumerate()
                .map(|(n, g)| {
                    let t = g.ranked.touchpoint;
                    WorstGapJson {
                        rank: n + 1,
                        file: g.file,
                        journey: &g.journey.title,
                        touchpoint: t.id.as_str(),
                        name: &t.name,
                        stage: t.stage.as_str(),
                        owner: t.owner.as_ref().map(Id::as_str),
                        gap: g.ranked.gap.map(Gap::get),
                        class: g.ranked.class.name(),
                        severity: g.ranked.severity,
                    }
                })
                .collect(),
        }
    }
}
