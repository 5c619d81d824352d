//! `corridor import csv` and `corridor import metrics`: CSV with a header
//! row naming touchpoint fields. The delimiter (`,`, `;` or tab) is taken
//! from the header line; header names are matched without regard to case,
//! spaces count as `_`, and a UTF-8 byte-order mark is ignored.
//!
//! For a new journey, each row is one touchpoint: `name` and `stage` are
//! required; `id`, `channel`, `owner`, `partner`, `moment_of_truth`,
//! `expectation`, `expected`, `experience`, `actual`, `emotion`, `notes`,
//! `evidence` (one item per column, the column may repeat), `phase` (of the
//! row's stage) and `metrics.NAME` are optional. Stages, departments and
//! partners are created from the values, in order of first use. Values are
//! checked as `corridor set` checks them.

use super::import_builder::{Builder, ImportError};
use crate::model::{Field, Id, Journey, Kind, Phase, Target, assign};

/// Whether a touchpoint row may set `header` as a plain field: every
/// touchpoint field but `id`, `name`, `stage`, `owner`, `partner` (which
/// create entries) and `metrics` (set as `metrics.NAME`).
fn plain_field(header: &str) -> bool {
    Kind::Touchpoint.field(header).is_some_and(|s| {
        !matches!(
            s.field,
            Field::Id | Field::Name | Field::Stage | Field::Owner | Field::Partner | Field::Metrics
        )
    })
}

/// A CSV table: normalised header names and rows with their line numbers.
#[derive(Debug)]
pub struct Table {
    pub headers: Vec<String>,
    /// The headers as written (for metric names).
    pub raw_headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }
}

fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .max_by_key(|&(d, n)| (n, d == b','))
        .map_or(b',', |(d, _)| d)
}

/// Reads a CSV table; a malformed file is one error at its line.
pub fn read_table(text: &str) -> Result<Table, ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let error = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        ImportError::new(line, 1, format!("not valid CSV: {e}"))
    };
    let raw_headers: Vec<String> = reader
        .headers()
        .map_err(error)?
        .iter()
        .map(str::to_owned)
        .collect();
    let headers = raw_headers
        .iter()
        .map(|h| h.trim().to_lowercase().replace([' ', '-'], "_"))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(error)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(str::is_empty) {
            continue;
        }
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(Table {
        headers,
        raw_headers,
        rows,
    })
}

/// The metric a header names: `metrics.NAME` or `metric.NAME`.
pub fn metric_name<'a>(header: &str, raw: &'a str) -> Option<&'a str> {
    ["metrics.", "metric."]
        .iter()
        .find(|p| header.starts_with(*p))
        .map(|p| raw.trim()[p.len()..].trim())
        .filter(|name| !name.is_empty())
}

/// A new journey from a table of touchpoints, with warnings about columns
/// it ignored.
pub fn import(text: &str, title: &str) -> Result<(Journey, Vec<ImportError>), Vec<ImportError>> {
    let table = read_table(text).map_err(|e| vec![e])?;
    let (Some(name_col), Some(stage_col)) = (table.column("name"), table.column("stage")) else {
        return Err(vec![ImportError::new(
            1,
            1,
            "the header row must name a `name` and a `stage` column",
        )]);
    };
    let mut warnings = Vec::new();
    let known = ["id", "name", "stage", "owner", "partner", "phase"];
    for (i, h) in table.headers.iter().enumerate() {
        let used = known.contains(&h.as_str())
            || plain_field(h)
            || metric_name(h, &table.raw_headers[i]).is_some();
        if !used {
            warnings.push(ImportError::new(
                1,
                i + 1,
                format!(
                    "column `{}` is not a touchpoint field; ignored",
                    table.raw_headers[i].trim()
                ),
            ));
        }
    }
    let mut builder = Builder::new(title);
    let mut errors = Vec::new();
    for (line, row) in &table.rows {
        if let Err(e) = import_row(&mut builder, &table, row, (name_col, stage_col)) {
            errors.push(ImportError::new(*line, 1, e));
        }
    }
    if errors.is_empty() {
        Ok((builder.finish(), warnings))
    } else {
        Err(errors)
    }
}

fn import_row(
    builder: &mut Builder,
    table: &Table,
    row: &[String],
    (name_col, stage_col): (usize, usize),
) -> Result<(), String> {
    let cell = |col: Option<usize>| col.and_then(|c| row.get(c)).map_or("", String::as_str);
    let name = cell(Some(name_col));
    let stage_value = cell(Some(stage_col));
    if name.is_empty() {
        return Err("`name` is empty".into());
    }
    if stage_value.is_empty() {
        return Err("`stage` is empty".into());
    }
    let id = match cell(table.column("id")) {
        "" => None,
        text => {
            let id = Id::new(text).map_err(|e| format!("`id` {text:?} is not a valid id: {e}"))?;
            if !builder.is_free(Kind::Touchpoint, &id) {
                return Err(format!("touchpoint id `{id}` is used twice"));
            }
            Some(id)
        }
    };
    let stage = builder.stage(stage_value);
    let phase = cell(table.column("phase"));
    if !phase.is_empty() {
        let phase = Phase::parse(phase).ok_or("`phase` must be buy, own or advocate")?;
        builder.stage_phase(&stage, phase);
    }
    let owner = Some(cell(table.column("owner")))
        .filter(|v| !v.is_empty())
        .map(|v| builder.department(v));
    let partner = Some(cell(table.column("partner")))
        .filter(|v| !v.is_empty())
        .map(|v| builder.partner(v));
    let mut t = builder.new_touchpoint(id, stage, name);
    t.owner = owner;
    t.partner = partner;
    let target = Target::Entry(Kind::Touchpoint, t.id.clone());
    // Fields are set as `corridor set` sets them, on a journey holding this
    // touchpoint alone, so that finding it costs nothing however many
    // rows came before.
    let mut alone = Journey {
        touchpoints: vec![t],
        ..Journey::default()
    };
    for (i, header) in table.headers.iter().enumerate() {
        let value = cell(Some(i));
        if value.is_empty() {
            continue;
        }
        let field = match metric_name(header, &table.raw_headers[i]) {
            Some(metric) => format!("metrics.{metric}"),
            None if header == "evidence" => "evidence+".to_owned(),
            None if plain_field(header) => header.clone(),
            None => continue,
        };
        assign(&mut alone, &target, &field, value).map_err(|e| e.to_string())?;
    }
    alone
        .touchpoints
        .into_iter()
        .for_each(|t| builder.add_touchpoint(t));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_touchpoints() {
        let csv = "\u{FEFF}Name;Stage;Owner;Expected;Actual;Metrics.CSAT;Evidence;Evidence;Gap\n\
                   Reads prices;Discover;Marketing;4;2;3.5;Interview 1;Ticket 2;-2\n\
                   Calls sales;discover;sales;3;3;;;;0\n";
        let (j, warnings) = import(csv, "T").expect("imports");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(j.stages.len(), 1);
        assert_eq!(j.departments.len(), 2);
        let t = &j.touchpoints[0];
        assert_eq!(t.id.as_str(), "reads-prices");
        assert_eq!(t.gap().map(|g| g.get()), Some(-2));
        assert_eq!(t.evidence.len(), 2);
        assert_eq!(t.metrics[0].name, "CSAT");
    }

    #[test]
    fn bad_values_name_their_line() {
        let csv = "name,stage,actual\nA,s,3\nB,s,9\n,s,1\n";
        let errors = import(csv, "T").expect_err("refused");
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4]);
        assert!(
            errors[0].message.contains("actual"),
            "{}",
            errors[0].message
        );
    }
}
