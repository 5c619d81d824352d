//! `corridor import mermaid|csv IN -o OUT` (a new journey file from a
//! Mermaid diagram or a CSV table) and `corridor import metrics FILE.csv
//! JOURNEY` (refresh metrics and `actual` of existing touchpoints through
//! the same save path as `corridor set`).

mod responses;

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{FINDINGS, OK, USAGE, output};
use crate::analysis::validate;
use crate::model::Severity;
use crate::model::{Journey, Kind, Target, assign};
use crate::report::csv_import::{self, metric_name, read_table};
use crate::report::import_builder::ImportError;
use crate::report::mermaid_import::{self, MermaidOptions, Scale};
use crate::store::{create_new, max_file_size, read_capped, read_regular, render_new};
use crate::text::inert;

#[derive(Debug, Args)]
#[command(after_help = "\
Exit status: 0; 1 with --strict when there are warnings; 2 when the input \
cannot be read or has errors (each printed as FILE:LINE:COL), or OUT \
already exists. Nothing is written unless the whole input is valid.")]
pub struct ImportArgs {
    #[command(subcommand)]
    source: Source,
}

#[derive(Debug, Subcommand)]
enum Source {
    /// A Mermaid `journey` diagram: sections become stages, tasks
    /// touchpoints, scores `actual`, actors departments (the first owns)
    Mermaid(MermaidArgs),
    /// A CSV table, one row per touchpoint; the header names the fields
    /// (name, stage, id, channel, owner, partner, expected, actual,
    /// emotion, expectation, experience, notes, evidence, metrics.NAME...)
    Csv(NewFileArgs),
    /// Update `metrics` (and `actual`, from a column named actual) of
    /// existing touchpoints from a CSV with an `id` column
    Metrics(MetricsArgs),
    /// Aggregate survey responses (one row each: touchpoint, score) into a
    /// metric of each touchpoint: the mean, the top-2-box share, or the NPS
    /// of an nps metric, with `n`
    Responses(responses::ResponsesArgs),
}

#[derive(Debug, Args)]
struct NewFileArgs {
    /// The file to read (`-` for stdin)
    input: PathBuf,
    /// The journey file to create (never overwritten)
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: PathBuf,
    /// The journey's title (default: the diagram's title, else the file name)
    #[arg(long)]
    title: Option<String>,
    /// Treat warnings as errors: write nothing and exit 1
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Args)]
struct MermaidArgs {
    #[command(flatten)]
    file: NewFileArgs,
    /// The diagram's scores run 1..MAX, or MIN..MAX (`0-5`, `0-10`): map
    /// them onto 1..5, rounded half up
    #[arg(long, value_name = "[MIN-]MAX")]
    scale: Option<Scale>,
}

#[derive(Debug, Args)]
struct MetricsArgs {
    /// CSV with an `id` column and one column per metric (`csat` or
    /// `metrics.csat`), optionally `actual`
    csv: PathBuf,
    /// The journey file to update
    journey: PathBuf,
}

pub fn run(args: &ImportArgs) -> u8 {
    match &args.source {
        Source::Mermaid(a) => new_file("mermaid", &a.file, |text, title| {
            let options = MermaidOptions {
                scale: a.scale,
                fallback_title: title.to_owned(),
            };
            mermaid_import::import(text, &options)
        }),
        Source::Csv(a) => new_file("csv", a, csv_import::import),
        Source::Metrics(a) => metrics(a),
        Source::Responses(a) => responses::run(a),
    }
}

/// The input's text, held to the size limit of journey files; only a
/// regular file (or stdin, `-`) is read.
fn read_input(path: &Path) -> Result<String, String> {
    let read = max_file_size().and_then(|limit| {
        if path == Path::new("-") {
            read_capped(std::io::stdin().lock(), limit, 0)
        } else {
            read_regular(path, limit).map(|(bytes, _)| bytes)
        }
    });
    let bytes = read.map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))
}

fn report(file: &Path, problems: &[ImportError], severity: &str) {
    for p in problems {
        eprintln!(
            "{}",
            inert(&format!(
                "{}:{}:{}: {severity}: {}",
                file.display(),
                p.line,
                p.column,
                p.message
            ))
        );
    }
}

/// An importer: input text and a fallback title to a journey and warnings.
type Imported = Result<(Journey, Vec<ImportError>), Vec<ImportError>>;

fn new_file(kind: &str, args: &NewFileArgs, import: impl Fn(&str, &str) -> Imported) -> u8 {
    let text = match read_input(&args.input) {
        Ok(text) => text,
        Err(message) => {
            output::error(&message);
            return USAGE;
        }
    };
    let stem = args
        .output
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_else(|| "Imported journey".into());
    let (mut journey, warnings) = match import(&text, &stem) {
        Ok(imported) => imported,
        Err(errors) => {
            report(&args.input, &errors, "error");
            output::error(&format!("{}: nothing written", args.output.display()));
            return USAGE;
        }
    };
    if args.strict && !warnings.is_empty() {
        report(&args.input, &warnings, "error");
        output::error(&format!(
            "{}: nothing written (--strict)",
            args.output.display()
        ));
        return FINDINGS;
    }
    report(&args.input, &warnings, "warning");
    if let Some(title) = &args.title {
        journey.title = title.clone();
    }
    let errors: Vec<String> = validate(&journey)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message)
        .collect();
    let comment = format!(
        "Imported from {} by `corridor import {kind}`.",
        args.input.display()
    );
    let out = args.output.display();
    let written = match errors.first() {
        Some(first) => Err(format!("{out}: {first}")),
        None => render_new(&journey, Some(&comment))
            .map_err(|e| format!("{out}: {e}"))
            .and_then(|text| create_new(&args.output, text.as_bytes()).map_err(|e| e.to_string())),
    };
    match written {
        Ok(()) => output::finish(
            output::line(&format!(
                "{}: {} stages, {} touchpoints, {} departments, {} partners",
                inert(&args.output.display().to_string()),
                journey.stages.len(),
                journey.touchpoints.len(),
                journey.departments.len(),
                journey.partners.len()
            )),
            OK,
        ),
        Err(message) => {
            output::error(&message);
            USAGE
        }
    }
}

/// Which touchpoint field a metrics column sets, if any.
fn metrics_field(header: &str, raw: &str) -> Option<String> {
    match header {
        "id" => None,
        "actual" => Some("actual".into()),
        // Any other touchpoint field (or a stage's phase) is not a metric.
        h if h == "phase" || Kind::Touchpoint.field(h).is_some() => None,
        h => Some(format!(
            "metrics.{}",
            metric_name(h, raw).unwrap_or(raw.trim())
        )),
    }
}

fn metrics(args: &MetricsArgs) -> u8 {
    let name = args.journey.display().to_string();
    let text = match read_input(&args.csv) {
        Ok(text) => text,
        Err(message) => {
            output::error(&message);
            return USAGE;
        }
    };
    let table = match read_table(&text) {
        Ok(table) => table,
        Err(e) => {
            report(&args.csv, &[e], "error");
            return USAGE;
        }
    };
    let Some(id_col) = table.column("id") else {
        report(
            &args.csv,
            &[ImportError::new(
                1,
                1,
                "the header row must name an `id` column",
            )],
            "error",
        );
        return USAGE;
    };
    let fields: Vec<Option<String>> = table
        .headers
        .iter()
        .zip(&table.raw_headers)
        .map(|(h, raw)| metrics_field(h, raw))
        .collect();
    let ignored: Vec<ImportError> = table
        .headers
        .iter()
        .enumerate()
        .filter(|(i, h)| fields[*i].is_none() && h.as_str() != "id")
        .map(|(i, _)| {
            ImportError::new(
                1,
                i + 1,
                format!(
                    "column `{}` ignored: only metrics and actual are imported",
                    table.raw_headers[i].trim()
                ),
            )
        })
        .collect();
    report(&args.csv, &ignored, "warning");
    let (_lock, mut loaded) =
        match super::journeys::open_for_edit(&args.journey, USAGE, "importing") {
            Ok(opened) => opened,
            Err(code) => return code,
        };
    let mut journey = loaded.journey.clone();
    let mut errors = Vec::new();
    let mut values = 0;
    for (line, row) in &table.rows {
        let id = row.get(id_col).map_or("", String::as_str);
        let Some(tp) = journey.touchpoint(id).map(|t| t.id.clone()) else {
            errors.push(ImportError::new(
                *line,
                id_col + 1,
                format!("no touchpoint `{id}` in {name}"),
            ));
            continue;
        };
        let target = Target::Entry(Kind::Touchpoint, tp);
        for (i, field) in fields.iter().enumerate() {
            let (Some(field), Some(value)) = (field, row.get(i).filter(|v| !v.is_empty())) else {
                continue;
            };
            match assign(&mut journey, &target, field, value) {
                Ok(()) => values += 1,
                Err(e) => errors.push(ImportError::new(*line, i + 1, e.to_string())),
            }
        }
    }
    if !errors.is_empty() {
        report(&args.csv, &errors, "error");
        output::error(&format!("{name}: nothing written"));
        return USAGE;
    }
    let changed = journey
        .touchpoints
        .iter()
        .zip(&loaded.journey.touchpoints)
        .filter(|(a, b)| a != b)
        .count();
    if changed == 0 {
        return output::finish(output::line(&format!("{}: no change", inert(&name))), OK);
    }
    match loaded.file.save(&journey) {
        Ok(_) => output::finish(
            output::line(&format!(
                "{}: {changed} touchpoints updated ({values} values read)",
                inert(&name)
            )),
            OK,
        ),
        Err(e) => {
            output::error(&e.to_string());
            USAGE
        }
    }
}
