//! `corridor diff OLD NEW` and `corridor diff FILE --rev REV`: the semantic
//! diff of two versions of a journey as text, Markdown for pull-request
//! comments, or JSON. Also runs as a git diff driver (`diff.corridor.command`
//! or `GIT_EXTERNAL_DIFF`), which passes seven arguments.

mod json;
mod markdown;
mod text;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::check::locate;
use super::{FINDINGS, OK, Paint, USAGE, output};
use crate::analysis::diff::{JourneyDiff, diff};
use crate::analysis::validate;
use crate::model::Journey;
use crate::model::Severity;
use crate::store::{parse_journey, read_at_revision, read_text};

#[derive(Debug, Args)]
#[command(after_help = "\
Exit status: 0, or 1 with --exit-code when the journeys differ, or with \
--fail-if-worse when an actual score fell; 2 on usage errors, unreadable or \
invalid files.

As a git diff driver, git passes seven arguments (PATH OLD-FILE OLD-HEX \
OLD-MODE NEW-FILE NEW-HEX NEW-MODE, and two more for a rename); /dev/null \
stands for a missing side.")]
pub struct DiffArgs {
    /// OLD NEW, or FILE with --rev
    #[arg(value_name = "FILE", required = true, num_args = 1..=9)]
    files: Vec<PathBuf>,
    /// Compare FILE with its content at git revision REV (HEAD, main~2, a tag...)
    #[arg(long, value_name = "REV")]
    rev: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 1 when the journeys differ
    #[arg(long)]
    exit_code: bool,
    /// Exit 1 when a customer's experience got worse: an actual score fell
    /// (a raised or lowered expectation alone never counts)
    #[arg(long)]
    fail_if_worse: bool,
    /// No colour (also when NO_COLOR is set or output is not a terminal)
    #[arg(long)]
    no_color: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Plain text for the terminal
    Text,
    /// Markdown for pull-request comments
    Md,
    /// JSON, schema corridor-diff/2
    Json,
}

/// One side of the comparison: what to call it and its journey.
struct Side {
    name: String,
    journey: Journey,
}

/// Where the two sides come from.
fn sources(args: &DiffArgs) -> Result<(Source, Source), String> {
    let file = |p: &PathBuf| Source::File(p.clone());
    match (args.files.as_slice(), &args.rev) {
        ([one], Some(rev)) => Ok((Source::Revision(one.clone(), rev.clone()), file(one))),
        ([_], None) => Err("one file needs --rev REV; or give OLD and NEW".into()),
        ([old, new], None) => Ok((file(old), file(new))),
        ([path, old, _, _, new, _, _, rest @ ..], None) if rest.is_empty() || rest.len() == 2 => {
            let shown = path.display();
            Ok((
                Source::Named(format!("{shown} (old)"), old.clone()),
                Source::Named(shown.to_string(), new.clone()),
            ))
        }
        (_, Some(_)) => Err("--rev takes one FILE".into()),
        _ => Err("give OLD NEW, or FILE --rev REV".into()),
    }
}

enum Source {
    File(PathBuf),
    /// A temporary file git made, shown under the journey's own path.
    Named(String, PathBuf),
    Revision(PathBuf, String),
}

/// Reads and parses one side; errors are printed, the exit code returned.
fn read(source: &Source) -> Result<Side, u8> {
    let (name, text) = match source {
        Source::File(path) => (path.display().to_string(), read_file(path)?),
        Source::Named(shown, path) if path == Path::new("/dev/null") => {
            return Ok(Side {
                name: format!("{shown} (none)"),
                journey: Journey::default(),
            });
        }
        Source::Named(shown, path) => (shown.clone(), read_file(path)?),
        Source::Revision(path, rev) => {
            let name = format!("{}@{rev}", path.display());
            match read_at_revision(path, rev) {
                Ok(text) => (name, text),
                Err(e) => {
                    output::error(&e.to_string());
                    return Err(USAGE);
                }
            }
        }
    };
    let parsed = parse_journey(&text);
    // A journey `check` rejects (a duplicated id, say, as a clean git merge
    // of two branches adding the same id produces) cannot be compared by
    // id: say where it is wrong instead of reporting nonsense.
    let mut findings = parsed.findings;
    if let Some(journey) = &parsed.journey {
        findings.extend(validate(journey));
    }
    let errors: Vec<_> = locate(&name, &text, &parsed.source_map, &findings)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    match parsed.journey {
        Some(journey) if errors.is_empty() => Ok(Side { name, journey }),
        _ => {
            for f in errors {
                eprintln!("{}", f.render());
            }
            output::error(&format!("{name}: not a valid journey"));
            Err(USAGE)
        }
    }
}

fn read_file(path: &Path) -> Result<String, u8> {
    read_text(path).map(|(text, _)| text).map_err(|e| {
        output::error(&e.to_string());
        USAGE
    })
}

/// Writes the diff `d` of two named journeys in `format` to `out`; touches
/// no file, so the command and anything checking the renderers share it.
pub fn write(
    d: &JourneyDiff,
    format: Format,
    (old_name, old): (&str, &Journey),
    (new_name, new): (&str, &Journey),
    paint: Paint,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let names = (old_name, new_name);
    match format {
        Format::Text => out.write_all(text::render(d, names, paint).as_bytes()),
        Format::Md => out.write_all(markdown::render(d, names, (old, new)).as_bytes()),
        // Written as it is serialised: a large diff is never whole in memory.
        Format::Json => json::write(d, names, out),
    }
}

pub fn run(args: &DiffArgs) -> u8 {
    let (old, new) = match sources(args) {
        Ok(pair) => pair,
        Err(message) => {
            output::error(&message);
            return USAGE;
        }
    };
    let (old, new) = match (read(&old), read(&new)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let d = diff(&old.journey, &new.journey);
    let mut out = std::io::BufWriter::new(output::stdout());
    let written = write(
        &d,
        args.format,
        (&old.name, &old.journey),
        (&new.name, &new.journey),
        Paint::detect(args.no_color),
        &mut out,
    )
    .and_then(|()| out.flush());
    if let Err(e) = written {
        output::error(&format!("writing the diff: {e}"));
        return USAGE;
    }
    let worse = args.fail_if_worse && d.summary().worsened > 0;
    if worse || args.exit_code && !d.is_empty() {
        FINDINGS
    } else {
        OK
    }
}
