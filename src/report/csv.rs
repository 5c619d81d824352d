//! The CSV report: one row per touchpoint in corridor order, with its
//! computed gap, class, severity and experience debt. RFC 4180 quoting,
//! `\n` line ends, a header row naming every column. Field columns carry the
//! journey file's own key names so the file can be read back by name; each
//! metric gets a `metric.NAME` column.

use std::collections::{HashMap, HashSet};

use super::lookup::Lookup;
use super::{Portfolio, ReportError};
use crate::analysis::{experience_debt, severity};
use crate::model::{Journey, Score};
use crate::text::inert;

/// The fixed columns, before the metric columns.
pub const COLUMNS: [&str; 21] = [
    "position",
    "id",
    "stage",
    "stage_name",
    "name",
    "channel",
    "owner",
    "owner_name",
    "partner",
    "partner_name",
    "moment_of_truth",
    "expectation",
    "expected",
    "experience",
    "actual",
    "emotion",
    "gap",
    "class",
    "severity",
    "debt",
    "actions",
];

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<String, ReportError> {
    let bytes = writer
        .into_inner()
        .map_err(|e| ReportError::Csv(csv::Error::from(e.into_error())))?;
    // Every cell is inert UTF-8 text, so the bytes are too.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Metric names across `journeys`, in order of first appearance.
fn metric_names<'a>(journeys: impl IntoIterator<Item = &'a Journey>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for journey in journeys {
        for t in journey.corridor() {
            for m in &t.metrics {
                if seen.insert(&m.name) {
                    names.push(&m.name);
                }
            }
        }
    }
    names
}

fn header(prefix: &[&str], metrics: &[&str]) -> Vec<String> {
    prefix
        .iter()
        .chain(COLUMNS.iter())
        .map(|c| (*c).to_owned())
        .chain(metrics.iter().map(|m| format!("metric.{}", inert(m))))
        .collect()
}

fn rows(journey: &Journey, metrics: &[&str]) -> Vec<Vec<String>> {
    let text = |t: Option<&str>| t.map_or_else(String::new, inert);
    let score = |s: Option<Score>| s.map_or_else(String::new, |s| s.to_string());
    let lookup = Lookup::new(journey);
    let column: HashMap<&str, usize> = metrics.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    experience_debt(journey)
        .into_iter()
        .enumerate()
        .map(|(n, point)| {
            let t = point.touchpoint;
            let mut row = vec![
                (n + 1).to_string(),
                t.id.to_string(),
                t.stage.to_string(),
                inert(lookup.stage_name(&t.stage)),
                inert(&t.name),
                text(t.channel.as_deref()),
                t.owner.as_ref().map_or_else(String::new, |o| o.to_string()),
                text(lookup.owner_name(t.owner.as_ref())),
                t.partner
                    .as_ref()
                    .map_or_else(String::new, |p| p.to_string()),
                text(lookup.partner_name(t.partner.as_ref())),
                t.moment_of_truth.to_string(),
                text(t.expectation.as_deref()),
                score(t.expected),
                text(t.experience.as_deref()),
                score(t.actual),
                t.emotion.map_or_else(String::new, |e| e.get().to_string()),
                point.gap.map_or_else(String::new, |g| g.get().to_string()),
                t.gap_class().name().to_owned(),
                severity(t).to_string(),
                point.debt.to_string(),
                lookup.actions(&t.id).to_string(),
            ];
            // Each metric in its column; the first of a repeated name wins.
            let mut values = vec![String::new(); metrics.len()];
            for m in t.metrics.iter().rev() {
                if let Some(&i) = column.get(m.name.as_str()) {
                    values[i] = m.value.to_string();
                }
            }
            row.extend(values);
            row
        })
        .collect()
}

/// One journey's touchpoints.
pub fn journey(journey: &Journey) -> Result<String, ReportError> {
    let metrics = metric_names([journey]);
    let mut w = writer();
    w.write_record(header(&[], &metrics))?;
    for row in rows(journey, &metrics) {
        w.write_record(row)?;
    }
    finish(w)
}

/// Every touchpoint of every journey that parsed, each row led by its file
/// and journey title. Files that did not parse have no rows.
pub fn portfolio(portfolio: &Portfolio) -> Result<String, ReportError> {
    let metrics = metric_names(portfolio.journeys().map(|(_, j)| j));
    let mut w = writer();
    w.write_record(header(&["file", "journey"], &metrics))?;
    for (file, journey) in portfolio.journeys() {
        let lead = [inert(file), inert(&journey.title)];
        for row in rows(journey, &metrics) {
            w.write_record(lead.iter().chain(&row))?;
        }
    }
    finish(w)
}
