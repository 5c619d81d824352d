//! `corridor check`: validate journeys, one line per finding.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{FINDINGS, OK, USAGE, output};
use crate::analysis::{validate, validate_on};
use crate::model::{Date, Finding, Severity};
use crate::store::{LineIndex, SourceMap, StoreError, parse_journey, read_text};
use crate::text::{inert, plural};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Journey files or folders of them (default: journeys/)
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Count warnings as errors (exit 1 when there are any)
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// A finding placed in a file, ready to print.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl Located {
    /// `FILE:LINE:COL: error: message`, made inert.
    pub fn render(&self) -> String {
        inert(&format!(
            "{}:{}:{}: {}: {}",
            self.file,
            self.line,
            self.column,
            self.severity.name(),
            self.message
        ))
    }
}

/// Places findings in `text` by line and column, in file order.
pub fn locate(file: &str, text: &str, map: &SourceMap, findings: &[Finding]) -> Vec<Located> {
    let index = LineIndex::new(text);
    let mut located: Vec<Located> = findings
        .iter()
        .map(|f| {
            let (line, column) = map
                .span(&f.locus)
                .map_or((1, 1), |span| index.line_col(span.start));
            Located {
                file: inert(file),
                line,
                column,
                severity: f.severity,
                message: inert(&f.message),
            }
        })
        .collect();
    located.sort_by_key(|a| (a.line, a.column));
    located
}

/// Every finding of one journey's text: parse findings, then the checks of
/// the model when the structure is valid (overdue actions too when `today`
/// is given).
pub fn check_text(file: &str, text: &str, today: Option<Date>) -> Vec<Located> {
    check_text_in(file, text, today, None)
}

/// `check_text` of a file in folder `dir`, where its `baseline` must be.
fn check_text_in(file: &str, text: &str, today: Option<Date>, dir: Option<&Path>) -> Vec<Located> {
    let parsed = parse_journey(text);
    let mut findings = parsed.findings;
    if let Some(journey) = &parsed.journey {
        findings.extend(match today {
            Some(today) => validate_on(journey, today),
            None => validate(journey),
        });
        if let (Some(dir), Some(baseline)) = (dir, &journey.baseline)
            && !dir.join(baseline).is_file()
        {
            findings.push(Finding::warning(
                crate::model::Locus::Header("baseline"),
                format!("baseline `{baseline}` is not a file beside this journey"),
            ));
        }
    }
    locate(file, text, &parsed.source_map, &findings)
}

pub use crate::store::journey_files;

#[derive(Serialize)]
struct Report<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    findings: &'a [Located],
}

/// Checks one file: its findings, or why it could not be read.
fn check_file(file: &Path, today: Date) -> Result<Vec<Located>, StoreError> {
    let name = file.display().to_string();
    match read_text(file) {
        Ok((text, _)) => {
            let dir = file.parent().unwrap_or(Path::new("."));
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            Ok(check_text_in(&name, &text, Some(today), Some(dir)))
        }
        Err(StoreError::NotText { .. }) => Ok(vec![Located {
            file: inert(&name),
            line: 1,
            column: 1,
            severity: Severity::Error,
            message: "not UTF-8 text".into(),
        }]),
        Err(e) => Err(e),
    }
}

/// Checks every file, spread over the machine's cores; results in the order
/// of `files`.
pub fn check_files(files: &[PathBuf], today: Date) -> Vec<Result<Vec<Located>, StoreError>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 || files.len() < 2 {
        return files.iter().map(|f| check_file(f, today)).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|f| check_file(f, today))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join().unwrap_or_else(|_| {
                    vec![Err(StoreError::Io {
                        path: PathBuf::new(),
                        source: std::io::Error::other("a check thread failed"),
                    })]
                })
            })
            .collect()
    })
}

pub fn run(args: &CheckArgs) -> u8 {
    let (files, skipped) = match super::journeys::listed(&args.paths) {
        Ok(listing) => (listing.files, listing.skipped),
        Err(code) => return code,
    };
    let today = match crate::clock::today() {
        Ok(today) => today,
        Err(e) => {
            output::error(&e);
            return USAGE;
        }
    };
    // What a folder scan left out is a warning a reviewer should see.
    let mut all: Vec<Located> = skipped
        .iter()
        .map(|s| Located {
            file: inert(&s.path.display().to_string()),
            line: 1,
            column: 1,
            severity: Severity::Warning,
            message: s.to_string(),
        })
        .collect();
    let mut io_failed = false;
    for result in check_files(&files, today) {
        match result {
            Ok(found) => all.extend(found),
            Err(e) => {
                output::error(&e.to_string());
                io_failed = true;
            }
        }
    }
    let errors = all.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = all.len() - errors;
    let mut out = output::stdout();
    let written = match args.format {
        Format::Text => print_text(&mut out, &all, files.len(), errors, warnings),
        Format::Json => serde_json::to_writer_pretty(
            &mut out,
            &Report {
                files: files.len(),
                errors,
                warnings,
                findings: &all,
            },
        )
        .map_err(std::io::Error::other)
        .and_then(|()| writeln!(out)),
    };
    if written.is_err() || io_failed {
        USAGE
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        FINDINGS
    } else {
        OK
    }
}

fn print_text(
    out: &mut impl Write,
    all: &[Located],
    files: usize,
    errors: usize,
    warnings: usize,
) -> std::io::Result<()> {
    for finding in all {
        writeln!(out, "{}", finding.render())?;
    }
    writeln!(
        out,
        "checked {}: {}, {}",
        plural(files, "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}
