//! `corridor report PATH`: one journey, or a folder as a portfolio, as
//! Markdown, CSV, JSON, HTML or a Mermaid diagram, to stdout or a file.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::check::{journey_files, locate};
use super::{FINDINGS, USAGE, output};
use crate::report::{Context, Format, Portfolio, Provenance, render_journey, render_portfolio};
use crate::store::{StoreError, last_commit, load};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A journey file, or a folder of journeys for a portfolio report
    path: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value = "md")]
    format: FormatArg,
    /// Write the report to OUT (atomically; a symbolic link is written
    /// through to its target) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Markdown tables for GitHub and pull requests
    Md,
    /// One row per touchpoint with gap, class and severity
    Csv,
    /// Model and every figure, schema corridor-report/2
    Json,
    /// One self-contained page with SVG charts
    Html,
    /// A Mermaid `journey` diagram (one journey file only)
    Mermaid,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Md => Format::Md,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Html => Format::Html,
            FormatArg::Mermaid => Format::Mermaid,
        }
    }
}

/// Exit 0 on success, 1 when a single journey file is not valid (its
/// findings on stderr), 2 on usage and I/O errors.
pub fn run(args: &ReportArgs) -> u8 {
    let format = Format::from(args.format);
    let today = match crate::clock::today() {
        Ok(today) => today,
        Err(e) => {
            output::error(&e);
            return USAGE;
        }
    };
    let rendered = if args.path.is_dir() {
        folder(&args.path, format, &Context::on(today))
    } else {
        let context = Context {
            today,
            source: Some(Provenance {
                file: args.path.display().to_string(),
                commit: last_commit(&args.path).map(|c| (c.date, c.hash)),
            }),
        };
        file(&args.path, format, &context)
    };
    let text = match rendered {
        Ok(text) => text,
        Err(code) => return code,
    };
    output::deliver(&text, args.output.as_deref(), "the report")
}

fn folder(path: &Path, format: Format, context: &Context) -> Result<String, u8> {
    let listing = journey_files(&[path.to_path_buf()]).map_err(|(p, e)| {
        output::error(&format!("{}: {e}", p.display()));
        USAGE
    })?;
    super::journeys::warn_skipped(&listing);
    let portfolio = Portfolio::read(&listing.files);
    for (file, errors) in portfolio.failures() {
        let first = errors.first().map_or("not a valid journey", |e| &e.message);
        output::error(&format!(
            "warning: {file} did not parse ({first}); reported as a failed file"
        ));
    }
    render_portfolio(&portfolio, format, context).map_err(|e| {
        output::error(&e.to_string());
        USAGE
    })
}

fn file(path: &Path, format: Format, context: &Context) -> Result<String, u8> {
    let loaded = match load(path) {
        Ok(loaded) => loaded,
        Err(StoreError::Invalid(invalid)) => {
            let name = path.display().to_string();
            for f in locate(&name, &invalid.text, &invalid.source_map, &invalid.findings) {
                eprintln!("{}", f.render());
            }
            return Err(FINDINGS);
        }
        Err(e) => {
            output::error(&e.to_string());
            return Err(USAGE);
        }
    };
    render_journey(&loaded.journey, format, context).map_err(|e| {
        output::error(&e.to_string());
        USAGE
    })
}
