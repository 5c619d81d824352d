//! `corridor compare A B`: two journeys lined up by touchpoint id (the
//! current and future state of one corridor, or one corridor for two
//! personas) as text, Markdown, JSON or HTML.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::check::locate;
use super::show::{DisplayArgs, Layout};
use super::{FINDINGS, USAGE, output};
use crate::analysis::compare::{Comparison, compare};
use crate::analysis::figures;
use crate::model::{GapClass, Journey};
use crate::report::compare::{Side, change_text, json, markdown, page, presence};
use crate::store::{StoreError, load};
use crate::text::{fit, fit_right, inert};

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first journey (the current state, or the first persona)
    first: PathBuf,
    /// The second journey (the future state, or the other persona)
    second: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: Format,
    /// Write to OUT (atomically) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    #[command(flatten)]
    display: DisplayArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// Aligned text for the terminal
    Text,
    /// Markdown tables
    Md,
    /// Schema corridor-compare/1
    Json,
    /// One self-contained page with both curves in one chart
    Html,
}

/// A journey, or the exit code after saying why not.
fn read(path: &Path) -> Result<Journey, u8> {
    match load(path) {
        Ok(loaded) => Ok(loaded.journey),
        Err(StoreError::Invalid(invalid)) => {
            let name = path.display().to_string();
            for f in locate(&name, &invalid.text, &invalid.source_map, &invalid.findings) {
                eprintln!("{}", f.render());
            }
            Err(FINDINGS)
        }
        Err(e) => {
            output::error(&e.to_string());
            Err(USAGE)
        }
    }
}

/// Exit 0, 1 when a journey is not valid (its findings on stderr), 2 on
/// usage and I/O errors.
pub fn run(args: &CompareArgs) -> u8 {
    let today = match crate::clock::today() {
        Ok(today) => today,
        Err(e) => {
            output::error(&e);
            return USAGE;
        }
    };
    let (first, second) = match (read(&args.first), read(&args.second)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let (a_file, b_file) = (
        args.first.display().to_string(),
        args.second.display().to_string(),
    );
    let a = Side::new(&first, &a_file, "first");
    let b = Side::new(&second, &b_file, "second");
    // Two journeys of the same state are told apart by position.
    let (a, b) = if a.label == b.label {
        (
            Side {
                label: "first",
                ..a
            },
            Side {
                label: "second",
                ..b
            },
        )
    } else {
        (a, b)
    };
    let cmp = compare(&first, &second);
    let text = match args.format {
        Format::Text => {
            let mut out = Vec::new();
            let layout = Layout::from_args(&args.display, today);
            match write_text(&mut out, &cmp, (&a, &b), &layout) {
                Ok(()) => String::from_utf8_lossy(&out).into_owned(),
                Err(e) => {
                    output::error(&e.to_string());
                    return USAGE;
                }
            }
        }
        Format::Md => markdown(&cmp, &a, &b),
        Format::Html => page(&cmp, &a, &b),
        Format::Json => match json(&cmp, &a, &b) {
            Ok(text) => text,
            Err(e) => {
                output::error(&e.to_string());
                return USAGE;
            }
        },
    };
    output::deliver(&text, args.output.as_deref(), "the comparison")
}

/// `3 -> 2  -1`: a side's expected, actual and gap, or `-` when absent.
fn side_text(t: Option<&crate::model::Touchpoint>) -> String {
    let Some(t) = t else {
        return "-".into();
    };
    let s = |v: Option<crate::model::Score>| v.map_or("?".to_owned(), |s| s.to_string());
    let gap = t.gap().map_or("?".to_owned(), |g| g.to_string());
    format!("{} -> {} {gap:>2}", s(t.expected), s(t.actual))
}

/// The comparison as aligned text.
pub fn write_text(
    out: &mut impl Write,
    cmp: &Comparison<'_>,
    (a, b): (&Side<'_>, &Side<'_>),
    layout: &Layout,
) -> std::io::Result<()> {
    let Layout {
        width,
        ascii,
        paint,
        ..
    } = *layout;
    let title = format!(
        "{} ({}) and {} ({})",
        inert(&a.journey.title),
        a.label,
        inert(&b.journey.title),
        b.label
    );
    writeln!(
        out,
        "{}",
        paint.heading(fit(&title, width, ascii).trim_end())
    )?;
    for f in [&figures::DEBT, &figures::BELOW, &figures::CRITICAL] {
        let line = format!(
            "  {}: {} -> {}",
            f.name,
            cmp.first.text(f),
            cmp.second.text(f)
        );
        writeln!(out, "{}", fit(&line, width, ascii).trim_end())?;
    }
    let only = format!(
        "  {} only {}, {} only {}",
        cmp.only_first().count(),
        a.label,
        cmp.only_second().count(),
        b.label
    );
    writeln!(out, "{}", fit(&only, width, ascii).trim_end())?;
    writeln!(out)?;
    // "  name  A: 3 -> 2 -1  B: 3 -> 4 +1  Change  note"
    let side_w = 11;
    let note_w = 8 + a.label.len().max(b.label.len());
    let name_w = width
        .saturating_sub(2 + 2 * (side_w + 1) + 7 + note_w + 1)
        .max(8);
    let header = format!(
        "  {} {} {} {} {}",
        fit("Touchpoint", name_w, ascii),
        fit_right(a.label, side_w, ascii),
        fit_right(b.label, side_w, ascii),
        fit_right(figures::CHANGE.label, 6, ascii),
        ""
    );
    writeln!(out, "{}", paint.heading(header.trim_end()))?;
    for row in &cmp.rows {
        let change = row.change();
        let change_cell = fit_right(&change_text(change), 6, ascii);
        let change_cell = match change {
            Some(c) if c > 0 => paint.class(GapClass::Exceeded, &change_cell),
            Some(c) if c < 0 => paint.class(GapClass::Critical, &change_cell),
            _ => change_cell,
        };
        let line = format!(
            "  {} {} {} {} {}",
            fit(&inert(&row.touchpoint.name), name_w, ascii),
            fit_right(&side_text(row.first), side_w, ascii),
            fit_right(&side_text(row.second), side_w, ascii),
            change_cell,
            presence(row, a, b)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        paint.heading(&format!(
            "Departments ({}, {}, {}: {} -> {})",
            figures::DEBT.label,
            figures::BELOW.label,
            figures::CRITICAL.label,
            a.label,
            b.label
        ))
    )?;
    let name_w = width.saturating_sub(2 + 3 * 12).clamp(8, 40);
    for d in &cmp.departments {
        let mut line = format!("  {}", fit(&inert(&d.name), name_w, ascii));
        for f in [&figures::DEBT, &figures::BELOW, &figures::CRITICAL] {
            let pair = format!("{} -> {}", d.first.text(f), d.second.text(f));
            line.push(' ');
            line.push_str(&fit_right(&pair, 11, ascii));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
