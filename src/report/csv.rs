//! The CSV report: one row per touchpoint in corridor order, with its
//! computed gap, class, severity, experience debt and value at stake (with
//! `[economics]` and a volume). RFC 4180 quoting,
//! `\n` line ends, a header row naming every column. Field columns carry the
//! journey file's own key names so the file can be read back by name; each
//! metric gets a `metric.NAME` column.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a
//! formula (and tab or CR can lead one in), so a touchpoint named
//! `=HYPERLINK(...)` would run in whoever opens the report. Every text cell
//! starting with one of those gets a leading `'`, which spreadsheets show
//! as text (OWASP's advice); number cells stay numbers, so a gap of `-2`
//! stays `-2`.

use std::collections::{HashMap, HashSet};

use super::lookup::Lookup;
use super::{Portfolio, ReportError};
use crate::analysis::economics::at_stake;
use crate::analysis::figures;
use crate::analysis::metrics::short;
use crate::analysis::{experience_debt, severity};
use crate::model::{Field, Journey, Score, Touchpoint};
use crate::text::inert;

/// The fixed columns, before the metric columns: the journey file's keys
/// (`model::Field`) and the figure vocabulary's (`analysis::figures`).
pub const COLUMNS: [&str; 23] = [
    "position",
    Field::Id.key(),
    Field::Stage.key(),
    "stage_name",
    Field::Name.key(),
    Field::Channel.key(),
    Field::Owner.key(),
    "owner_name",
    Field::Partner.key(),
    "partner_name",
    Field::MomentOfTruth.key(),
    Field::Expectation.key(),
    Field::Expected.key(),
    Field::Experience.key(),
    Field::Actual.key(),
    Field::Emotion.key(),
    figures::GAP.key,
    figures::CLASS.key,
    figures::SEVERITY.key,
    figures::DEBT.key,
    "actions",
    Field::Volume.key(),
    figures::VALUE_AT_STAKE.key,
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
        .chain(metrics.iter().map(|m| cell(&format!("metric.{m}"))))
        .collect()
}

/// What a spreadsheet may take as the start of a formula.
const FORMULA_LEADS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Text from a file, safe for a spreadsheet: inert, and not a formula.
/// Leading spaces are looked through (some spreadsheets trim them), and
/// the text is judged both as written and as made inert (a tab becomes
/// spaces).
pub(super) fn cell(raw: &str) -> String {
    let text = inert(raw);
    let leads = |s: &str| s.trim_start_matches(' ').starts_with(FORMULA_LEADS);
    if leads(raw) || leads(&text) {
        format!("'{text}")
    } else {
        text
    }
}

fn rows(journey: &Journey, metrics: &[&str]) -> Vec<Vec<String>> {
    let text = |t: Option<&str>| t.map_or_else(String::new, cell);
    let score = |s: Option<Score>| s.map_or_else(String::new, |s| s.to_string());
    let lookup = Lookup::new(journey);
    let stake = |t: &Touchpoint| {
        let value = journey.economics.as_ref().and_then(|e| at_stake(e, t));
        value
            .filter(|v| v.is_finite())
            .map_or_else(String::new, short)
    };
    let column: HashMap<&str, usize> = metrics.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    experience_debt(journey)
        .into_iter()
        .enumerate()
        .map(|(n, point)| {
            let t = point.touchpoint;
            let mut row = vec![
                (n + 1).to_string(),
                cell(t.id.as_str()),
                cell(t.stage.as_str()),
                cell(lookup.stage_name(&t.stage)),
                cell(&t.name),
                text(t.channel.as_deref()),
                text(t.owner.as_ref().map(crate::model::Id::as_str)),
                text(lookup.owner_name(t.owner.as_ref())),
                text(t.partner.as_ref().map(crate::model::Id::as_str)),
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
                t.volume.map_or_else(String::new, |v| v.to_string()),
                stake(t),
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
        let lead = [cell(file), cell(&journey.title)];
        for row in rows(journey, &metrics) {
            w.write_record(lead.iter().chain(&row))?;
        }
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_journey;

    const HOSTILE: &str = r#"schema = 1
title = "@SUM(A1)"

[[stages]]
id = "-2"
name = "+HYPERLINK(\"http://x\")"

[[departments]]
id = "ops"
name = "-ops"

[[touchpoints]]
id = "tp"
stage = "-2"
name = "=cmd|' /C calc'!A0"
channel = "\tweb"
owner = "ops"
expectation = "\rfast"
expected = 4
experience = "plain"
actual = 2
emotion = -1
metrics = { "=m" = -0.5 }
"#;

    fn records(csv: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes())
            .records()
            .map(|r| r.map(|r| r.iter().map(str::to_owned).collect()))
            .collect::<Result<_, _>>()
            .unwrap_or_default()
    }

    fn column<'a>(rows: &'a [Vec<String>], name: &str) -> &'a str {
        let index = rows
            .first()
            .and_then(|h| h.iter().position(|c| c == name))
            .unwrap_or(usize::MAX);
        rows.get(1)
            .and_then(|r| r.get(index))
            .map_or("(missing)", String::as_str)
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        let Some(j) = parse_journey(HOSTILE).journey else {
            panic!("the fixture parses");
        };
        let Ok(text) = journey(&j) else {
            panic!("the report renders");
        };
        let rows = records(&text);
        assert_eq!(column(&rows, "name"), "'=cmd|' /C calc'!A0");
        assert_eq!(column(&rows, "stage"), "'-2");
        assert_eq!(column(&rows, "stage_name"), "'+HYPERLINK(\"http://x\")");
        assert_eq!(column(&rows, "owner_name"), "'-ops");
        assert_eq!(column(&rows, "channel"), "'    web");
        assert_eq!(column(&rows, "expectation"), "'fast");
        assert_eq!(column(&rows, "gap"), "-2");
        assert_eq!(column(&rows, "emotion"), "-1");
        assert_eq!(column(&rows, "experience_debt"), "-2");
        assert_eq!(column(&rows, "metric.=m"), "-0.5");
        assert_eq!(column(&rows, "experience"), "plain");

        let p = Portfolio::from_texts([("=evil.toml", HOSTILE)]);
        let Ok(text) = portfolio(&p) else {
            panic!("the portfolio renders");
        };
        let rows = records(&text);
        assert_eq!(column(&rows, "file"), "'=evil.toml");
        assert_eq!(column(&rows, "journey"), "'@SUM(A1)");
        assert_eq!(column(&rows, "gap"), "-2");
    }

    #[test]
    fn tab_and_carriage_return_lead_ins_are_neutralised() {
        assert_eq!(cell("@x"), "'@x");
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell(""), "");
        assert_eq!(cell("  =1+1"), "'  =1+1");
        assert_eq!(cell("\t=1+1"), "'    =1+1");
        assert_eq!(cell("\r=1+1"), "'=1+1");
        assert_eq!(cell("a-b"), "a-b");
    }
}
