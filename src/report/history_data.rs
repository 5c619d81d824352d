//! `corridor history` as data: the JSON of a journey's history (schema
//! `corridor-history/1`) and the CSV of one row per commit and touchpoint.

use serde::Serialize;

use crate::analysis::figures;
use crate::analysis::history::History;
use crate::model::number;

/// The schema of the JSON output.
pub const HISTORY_SCHEMA: &str = "corridor-history/1";

#[derive(Serialize)]
struct PointJson<'a> {
    commit: &'a str,
    date: &'a str,
    subject: &'a str,
    experience_debt: i32,
    critical: usize,
    below_expectation: usize,
    departments: Vec<GroupDebt<'a>>,
    touchpoints: Vec<TouchpointJson<'a>>,
    metrics: Vec<MetricJson<'a>>,
}

#[derive(Serialize)]
struct GroupDebt<'a> {
    id: &'a str,
    experience_debt: i32,
}

#[derive(Serialize)]
struct TouchpointJson<'a> {
    id: &'a str,
    gap: Option<i8>,
}

#[derive(Serialize)]
struct MetricJson<'a> {
    touchpoint: &'a str,
    metric: &'a str,
    value: Option<f64>,
    target: Option<f64>,
    vs_target: Option<f64>,
}

#[derive(Serialize)]
struct EventJson<'a> {
    commit: &'a str,
    date: &'a str,
    action: &'a str,
    touchpoint: &'a str,
    from: Option<&'static str>,
    to: Option<&'static str>,
}

#[derive(Serialize)]
struct OutcomeJson<'a> {
    action: &'a str,
    touchpoint: &'a str,
    done_in: &'a str,
    gap_then: i8,
    gap_now: Option<i8>,
    outcome: &'static str,
}

#[derive(Serialize)]
struct FailedJson<'a> {
    commit: &'a str,
    date: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
pub struct JourneyHistoryJson<'a> {
    file: &'a str,
    commits: Vec<PointJson<'a>>,
    action_events: Vec<EventJson<'a>>,
    outcomes: Vec<OutcomeJson<'a>>,
    closed_after_action: usize,
    not_moved: usize,
    failed: Vec<FailedJson<'a>>,
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

pub fn journey_json<'a>(file: &'a str, h: &'a History) -> JourneyHistoryJson<'a> {
    let (closed, unmoved) = h.closed_and_unmoved();
    JourneyHistoryJson {
        file,
        commits: h
            .points
            .iter()
            .map(|p| {
                let c = &h.revisions[p.revision];
                PointJson {
                    commit: &c.id,
                    date: &c.date,
                    subject: &c.subject,
                    experience_debt: p.debt,
                    critical: p.critical,
                    below_expectation: p.below,
                    departments: p
                        .departments
                        .iter()
                        .map(|(id, d)| GroupDebt {
                            id,
                            experience_debt: *d,
                        })
                        .collect(),
                    touchpoints: p
                        .gaps
                        .iter()
                        .map(|(id, gap)| TouchpointJson { id, gap: *gap })
                        .collect(),
                    metrics: p
                        .metrics
                        .iter()
                        .map(|m| MetricJson {
                            touchpoint: &m.touchpoint,
                            metric: &m.metric,
                            value: finite(m.value),
                            target: m.target.and_then(finite),
                            vs_target: m.versus.and_then(finite),
                        })
                        .collect(),
                }
            })
            .collect(),
        action_events: h
            .events
            .iter()
            .map(|e| {
                let c = &h.revisions[e.revision];
                EventJson {
                    commit: &c.id,
                    date: &c.date,
                    action: &e.action,
                    touchpoint: &e.touchpoint,
                    from: e.from.map(|s| s.name()),
                    to: e.to.map(|s| s.name()),
                }
            })
            .collect(),
        outcomes: h
            .outcomes
            .iter()
            .map(|o| OutcomeJson {
                action: &o.action,
                touchpoint: &o.touchpoint,
                done_in: &h.revisions[o.done].id,
                gap_then: o.then,
                gap_now: o.now,
                outcome: o.verdict.name(),
            })
            .collect(),
        closed_after_action: closed,
        not_moved: unmoved,
        failed: h
            .failed
            .iter()
            .map(|(r, e)| {
                let c = &h.revisions[*r];
                FailedJson {
                    commit: &c.id,
                    date: &c.date,
                    error: e,
                }
            })
            .collect(),
    }
}

/// One row per commit and touchpoint: the journey's figures and the
/// touchpoint's gap and metric values (`metric.NAME`).
pub fn csv(journeys: &[(String, &History)]) -> Result<String, ::csv::Error> {
    let mut names: Vec<&str> = Vec::new();
    for (_, h) in journeys {
        for m in h.points.iter().flat_map(|p| &p.metrics) {
            if !names.contains(&m.metric.as_str()) {
                names.push(&m.metric);
            }
        }
    }
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "file",
        "commit",
        "date",
        "touchpoint",
        figures::GAP.key,
        figures::DEBT.key,
        figures::CRITICAL.key,
        figures::BELOW.key,
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(names.iter().map(|n| format!("metric.{n}")));
    w.write_record(&header)?;
    for (file, h) in journeys {
        for p in &h.points {
            let c = &h.revisions[p.revision];
            for (t, gap) in &p.gaps {
                let mut row = vec![
                    super::csv::cell(file),
                    c.id.clone(),
                    c.date.clone(),
                    super::csv::cell(t),
                    gap.map_or(String::new(), |g| g.to_string()),
                    p.debt.to_string(),
                    p.critical.to_string(),
                    p.below.to_string(),
                ];
                row.extend(names.iter().map(|n| {
                    p.metrics
                        .iter()
                        .find(|m| &m.touchpoint == t && m.metric == *n)
                        .map_or(String::new(), |m| number(m.value))
                }));
                w.write_record(&row)?;
            }
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
