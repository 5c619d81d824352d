//! `corridor fmt [PATH...] [--check]`: rewrite journeys in the canonical
//! layout (see `store::canonical_format`), or with `--check` list the files
//! that would change.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{FINDINGS, OK, USAGE, output};
use crate::store::{
    CanonicalError, JourneyLock, LineIndex, canonical_format, read_text, sweep_stale_temporaries,
    write_atomic,
};
use crate::text::inert;

#[derive(Debug, Args)]
#[command(after_help = "\
Canonical layout: header keys first (schema, title, persona, promise, \
description, state, baseline), then [persona], [[stages]], [[departments]], \
[[partners]], [[touchpoints]], [[actions]], [[steps]]; keys of each table in the order of the file \
format, unknown keys after them; one blank line between tables; strings \
double-quoted (\"\"\" when they hold line breaks); metrics as one inline table; \
every comment kept with the key or table it precedes.

Exit status: 0; 1 with --check when a file would change; 2 when a file \
cannot be read, is not TOML, or cannot be written.")]
pub struct FmtArgs {
    /// Journey files or folders of them (default: journeys/)
    paths: Vec<PathBuf>,
    /// Write nothing: list the files that would change, exit 1 if any
    #[arg(long)]
    check: bool,
}

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed,
    Failed,
}

pub fn run(args: &FmtArgs) -> u8 {
    let files = match super::journeys::listed(&args.paths) {
        Ok(listing) => {
            super::journeys::warn_skipped(&listing);
            listing.files
        }
        Err(code) => return code,
    };
    let (mut changed, mut failed) = (0, 0);
    for file in &files {
        match format_file(file, args.check) {
            Outcome::Unchanged => {}
            Outcome::Changed => changed += 1,
            Outcome::Failed => failed += 1,
        }
    }
    let verb = if args.check {
        "would be reformatted"
    } else {
        "reformatted"
    };
    eprintln!("{changed} of {} files {verb}", files.len());
    if failed > 0 {
        USAGE
    } else if args.check && changed > 0 {
        FINDINGS
    } else {
        OK
    }
}

fn format_file(file: &Path, check: bool) -> Outcome {
    let name = file.display().to_string();
    let text = match read_text(file) {
        Ok((text, _)) => text,
        Err(e) => {
            output::error(&e.to_string());
            return Outcome::Failed;
        }
    };
    let formatted = match canonical_format(&text) {
        Ok(formatted) => formatted,
        Err(CanonicalError::Syntax { message, span }) => {
            let (line, column) = LineIndex::new(&text).line_col(span.map_or(0, |s| s.start));
            eprintln!(
                "{}",
                inert(&format!(
                    "{name}:{line}:{column}: error: invalid TOML: {message}"
                ))
            );
            return Outcome::Failed;
        }
        Err(e) => {
            output::error(&format!("{name}: {e}"));
            return Outcome::Failed;
        }
    };
    if formatted == text {
        return Outcome::Unchanged;
    }
    if check {
        return listed(output::line(&inert(&name)));
    }
    match write(file, &text, &formatted) {
        Ok(()) => listed(output::line(&format!("formatted {}", inert(&name)))),
        Err(message) => {
            output::error(&format!("{name}: {message}"));
            Outcome::Failed
        }
    }
}

/// A changed file, once its line is printed.
fn listed(written: std::io::Result<()>) -> Outcome {
    match written {
        Ok(()) => Outcome::Changed,
        Err(e) => {
            output::error(&format!("writing to stdout: {e}"));
            Outcome::Failed
        }
    }
}

/// Writes `formatted` over the file (through symlinks), holding its lock
/// and only when the file still holds `original`.
fn write(file: &Path, original: &str, formatted: &str) -> Result<(), String> {
    let target = std::fs::canonicalize(file).map_err(|e| e.to_string())?;
    let _lock = JourneyLock::acquire(&target).map_err(|e| e.to_string())?;
    let (now, _) = read_text(&target).map_err(|e| e.to_string())?;
    if now != original {
        return Err("changed on disk while formatting; not overwriting it".into());
    }
    write_atomic(&target, formatted.as_bytes()).map_err(|e| e.to_string())?;
    sweep_stale_temporaries(&target);
    Ok(())
}
