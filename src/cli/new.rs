//! `corridor new FILE [--template NAME]`: start a journey from `blank` or
//! from a template drawn from the bundled sample journeys. Never writes
//! over an existing file.

mod templates;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{OK, USAGE, output};
use crate::store::{create_new, parse_journey};
use crate::text::{inert, plural};
use templates::Template;

#[derive(Debug, Args)]
#[command(after_help = "\
The title is made from the file name (journeys/home-insurance-claim.toml: \
\"Home insurance claim\"). A template drawn from a sample journey keeps its \
stages, departments, partners and touchpoints with their expectations, and \
leaves experience, actual, emotion, evidence, metrics, notes and actions for \
the workshop to fill in.

Exit status: 0; 2 when FILE already exists (it is left untouched), its \
folder does not exist, or the template is unknown.")]
pub struct NewArgs {
    /// The journey file to create (never overwritten)
    file: Option<PathBuf>,
    /// The template to start from (`list` prints them)
    #[arg(
        long,
        short = 't',
        value_enum,
        value_name = "NAME",
        default_value = "blank"
    )]
    template: Template,
    /// Print the templates with a line on each, and create nothing
    #[arg(long)]
    list_templates: bool,
}

pub fn run(args: &NewArgs) -> u8 {
    if args.list_templates || args.template == Template::List {
        let mut out = output::stdout();
        return output::finish(
            out.write_all(listing().as_bytes())
                .and_then(|()| out.flush()),
            OK,
        );
    }
    let Some(file) = &args.file else {
        output::error("new needs a FILE: corridor new FILE [--template NAME], with NAME one of");
        eprint!("{}", listing());
        return USAGE;
    };
    let name = file.display().to_string();
    if std::fs::symlink_metadata(file).is_ok() {
        output::error(&format!("{name} already exists; not overwriting it"));
        return USAGE;
    }
    let text = match args.template.render(&title_from(file)) {
        Ok(text) => text,
        Err(message) => {
            output::error(&format!("{name}: {message}; nothing written"));
            return USAGE;
        }
    };
    if let Err(message) = prepare_folder(file) {
        output::error(&message);
        return USAGE;
    }
    if let Err(e) = create_new(file, text.as_bytes()) {
        output::error(&e.to_string());
        return USAGE;
    }
    if file.extension().is_none_or(|e| e != "toml") {
        output::error(&format!(
            "warning: {name} does not end in .toml, so `corridor check` and the \
             workbench will not find it in a folder"
        ));
    }
    let counts = parse_journey(&text).journey.map_or_else(String::new, |j| {
        format!(
            ": {}, {}, {}, {}",
            plural(j.stages.len(), "stage"),
            plural(j.touchpoints.len(), "touchpoint"),
            plural(j.departments.len(), "department"),
            plural(j.partners.len(), "partner")
        )
    });
    output::finish(
        output::line(&format!(
            "{}: new journey from template {}{counts}",
            inert(&name),
            args.template.name()
        )),
        OK,
    )
}

/// The templates, one per line with a description.
fn listing() -> String {
    let width = Template::ALL
        .iter()
        .map(|t| t.name().len())
        .max()
        .unwrap_or(0);
    Template::ALL
        .iter()
        .map(|t| format!("{:width$}  {}\n", t.name(), t.description()))
        .collect()
}

/// Makes sure the folder `file` goes into exists. A missing folder is
/// made when the folder it goes in exists (`corridor new journeys/x.toml`
/// in an empty repository); a deeper missing path is more likely a typo
/// and is refused, creating nothing.
fn prepare_folder(file: &Path) -> Result<(), String> {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let is_folder = |p: &Path| std::fs::metadata(p).map(|m| m.is_dir());
    match is_folder(folder) {
        Ok(true) => Ok(()),
        Ok(false) => Err(format!("{} is not a folder", folder.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let above = match folder.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            if !matches!(is_folder(above), Ok(true)) {
                return Err(format!(
                    "{}: no such folder; create it first (mkdir -p {0})",
                    folder.display()
                ));
            }
            std::fs::create_dir(folder).map_err(|e| format!("{}: {e}", folder.display()))
        }
        Err(e) => Err(format!("{}: {e}", folder.display())),
    }
}

/// A title from the file name: `home-insurance_claim.toml` is "Home
/// insurance claim".
fn title_from(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default();
    let words: Vec<&str> = stem.split_whitespace().collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "New journey".to_owned(),
    }
}
