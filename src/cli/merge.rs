//! `corridor merge BASE OURS THEIRS [-o OUT]`: a three-way merge of journey
//! files by meaning, fit to be git's merge driver
//! (`merge.corridor.driver "corridor merge %O %A %B -o %A"`).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::check::locate;
use super::{FINDINGS, OK, USAGE, output};
use crate::store::{Input, MergeError, read_text, write_through};

#[derive(Debug, Args)]
#[command(after_help = "\
Entries merge by id and field by field: changes to different fields or \
entries both apply, entries added on both sides are both kept (each after \
its predecessor on its side), a renamed id is followed. A field changed to \
two different values, or an entry removed on one side and changed on the \
other, is a conflict: it is left between git's markers (<<<<<<< ours, \
||||||| base, =======, >>>>>>> theirs) in a file that `corridor check` \
rejects at each of them, and printed.

The result keeps OURS's layout: its untouched lines stay byte for byte.

Exit status: 0 merged cleanly, 1 conflicts (the file is written with \
markers), 2 on usage errors or an unreadable or invalid input (nothing is \
written).

As git's merge driver, in .gitattributes: *.toml merge=corridor, and \
git config merge.corridor.driver \"corridor merge %O %A %B -o %A\".")]
pub struct MergeArgs {
    /// The common ancestor (git's %O; an empty file when both sides added it)
    base: PathBuf,
    /// Our version (git's %A), whose layout the result keeps
    ours: PathBuf,
    /// Their version (git's %B)
    theirs: PathBuf,
    /// Write the result here (atomically) instead of to stdout
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

fn read(path: &Path) -> Result<String, u8> {
    read_text(path).map(|(text, _)| text).map_err(|e| {
        output::error(&e.to_string());
        USAGE
    })
}

pub fn run(args: &MergeArgs) -> u8 {
    let texts = (read(&args.base), read(&args.ours), read(&args.theirs));
    let (Ok(base), Ok(ours), Ok(theirs)) = texts else {
        return USAGE;
    };
    let merged = match crate::store::merge_texts(&base, &ours, &theirs) {
        Ok(merged) => merged,
        Err(MergeError::Invalid {
            input,
            findings,
            source_map,
        }) => {
            let (path, text) = match input {
                Input::Base => (&args.base, &base),
                Input::Ours => (&args.ours, &ours),
                Input::Theirs => (&args.theirs, &theirs),
            };
            let name = path.display().to_string();
            let errors = findings
                .into_iter()
                .filter(|f| f.severity == crate::model::Severity::Error)
                .collect::<Vec<_>>();
            for f in locate(&name, text, &source_map, &errors) {
                eprintln!("{}", f.render());
            }
            output::error(&format!(
                "{name} ({}) is not a valid journey; nothing merged",
                input.name()
            ));
            return USAGE;
        }
        Err(e) => {
            output::error(&format!("{e}; nothing merged"));
            return USAGE;
        }
    };
    let written = match &args.output {
        Some(out) => write_through(out, merged.text.as_bytes())
            .map_err(|e| format!("{}: {e}", out.display())),
        None => {
            let mut stdout = output::stdout();
            stdout
                .write_all(merged.text.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|e| format!("writing the merge: {e}"))
        }
    };
    if let Err(message) = written {
        output::error(&message);
        return USAGE;
    }
    if merged.conflicts.is_empty() {
        return OK;
    }
    let shown = args
        .output
        .as_ref()
        .map_or_else(|| "<stdout>".to_owned(), |p| p.display().to_string());
    for conflict in &merged.conflicts {
        let line = crate::store::conflict_line(&merged.text, conflict).unwrap_or(1);
        eprintln!(
            "{}",
            crate::text::inert(&format!(
                "{shown}:{line}:1: conflict: {}",
                conflict.describe()
            ))
        );
    }
    output::error(&format!(
        "{}: {} left between conflict markers; keep one side of each and run `corridor check`",
        shown,
        crate::text::plural(merged.conflicts.len(), "conflict")
    ));
    FINDINGS
}
