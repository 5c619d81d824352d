//! `corridor history FILE|FOLDER`: a journey's figures at every commit that
//! changed it (renames followed), its gap, metric and action changes, and
//! which gaps closed after their actions were done; for a folder, the same
//! per journey and the departments across journeys.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{OK, USAGE, output};
use crate::analysis::history::{History, across, history};
use crate::model::Date;
use crate::report::history::{
    HISTORY_SCHEMA, JourneyHistoryJson, Style, across_table, csv, journey_json, journey_text,
    write_sections,
};
use crate::store::{GitError, file_history, folder_history, revisions};

#[derive(Debug, Args)]
#[command(after_help = "\
Reads the journey at every commit with one `git log` and one `git cat-file \
--batch`; a revision that does not parse is listed with its error. Exit \
status: 0; 2 outside a git work tree or on usage and I/O errors.")]
pub struct HistoryArgs {
    /// A journey file, or a folder of them
    path: PathBuf,
    /// Only commits on or after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Md,
    Json,
    Csv,
}

#[derive(Serialize)]
struct JourneyDoc<'a> {
    schema: &'static str,
    kind: &'static str,
    #[serde(flatten)]
    history: JourneyHistoryJson<'a>,
}

#[derive(Serialize)]
struct FolderDoc<'a> {
    schema: &'static str,
    kind: &'static str,
    journeys: Vec<JourneyHistoryJson<'a>>,
    departments: Vec<AcrossJson>,
}

#[derive(Serialize)]
struct AcrossJson {
    commit: String,
    date: String,
    experience_debt: i32,
    departments: Vec<DepartmentJson>,
}

#[derive(Serialize)]
struct DepartmentJson {
    id: String,
    experience_debt: i32,
}

/// Each journey file (its path from the top of the repository) with its
/// history, and every commit read as (date, id).
type Read = (Vec<(String, History)>, Vec<(String, String)>);

/// The journeys of `path` with their histories.
fn read(path: &Path, since: Option<&str>) -> Result<Read, String> {
    let log = if path.is_dir() {
        let listing = super::journeys::listed(&[path.to_path_buf()]).map_err(|_| String::new())?;
        folder_history(path, &listing.files, since)
    } else {
        file_history(path, since)
    }
    .map_err(|e| match e {
        GitError::NotARepository(_) => format!(
            "{}: not inside a git work tree: history is read from the commits of a git repository",
            path.display()
        ),
        e => e.to_string(),
    })?;
    let commits = log
        .commits
        .iter()
        .map(|c| (c.date.clone(), c.short.clone()))
        .collect();
    let journeys = revisions(&log)
        .into_iter()
        .map(|(file, list)| (file, history(&list)))
        .collect();
    Ok((journeys, commits))
}

fn render(
    format: Format,
    folder: bool,
    journeys: &[(String, History)],
    commits: &[(String, String)],
) -> Result<String, String> {
    let refs: Vec<&History> = journeys.iter().map(|(_, h)| h).collect();
    let departments = across(&refs);
    match format {
        Format::Text | Format::Md => {
            let style = if matches!(format, Format::Md) {
                Style::Markdown
            } else {
                Style::Text
            };
            let mut out = String::new();
            for (file, h) in journeys {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&journey_text(file, h, style));
            }
            if folder {
                let table = across_table(&departments, commits);
                write_sections(
                    &mut out,
                    style,
                    1,
                    &[("Departments across journeys".to_owned(), table)],
                );
            }
            Ok(out)
        }
        Format::Csv => {
            let list: Vec<(String, &History)> =
                journeys.iter().map(|(f, h)| (f.clone(), h)).collect();
            csv(&list).map_err(|e| e.to_string())
        }
        Format::Json => {
            let list: Vec<JourneyHistoryJson<'_>> =
                journeys.iter().map(|(f, h)| journey_json(f, h)).collect();
            let value = if folder {
                let departments = departments
                    .into_iter()
                    .map(|a| {
                        let (date, commit) = commits.get(a.at).cloned().unwrap_or_default();
                        AcrossJson {
                            commit,
                            date,
                            experience_debt: a.debt,
                            departments: a
                                .departments
                                .into_iter()
                                .map(|(id, experience_debt)| DepartmentJson {
                                    id,
                                    experience_debt,
                                })
                                .collect(),
                        }
                    })
                    .collect();
                serde_json::to_string_pretty(&FolderDoc {
                    schema: HISTORY_SCHEMA,
                    kind: "folder",
                    journeys: list,
                    departments,
                })
            } else {
                let Some(history) = list.into_iter().next() else {
                    return Err("no journey".into());
                };
                serde_json::to_string_pretty(&JourneyDoc {
                    schema: HISTORY_SCHEMA,
                    kind: "journey",
                    history,
                })
            };
            value
                .map(|text| crate::report::escape_invisible(text) + "\n")
                .map_err(|e| e.to_string())
        }
    }
}

pub fn run(args: &HistoryArgs) -> u8 {
    if let Some(since) = &args.since
        && Date::parse(since).is_none()
    {
        output::error(&format!("--since {since:?}: give a date like 2026-01-31"));
        return USAGE;
    }
    let (journeys, commits) = match read(&args.path, args.since.as_deref()) {
        Ok(read) => read,
        Err(message) => {
            if !message.is_empty() {
                output::error(&message);
            }
            return USAGE;
        }
    };
    match render(args.format, args.path.is_dir(), &journeys, &commits) {
        Ok(text) => {
            let mut out = output::stdout();
            let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
            output::finish(written, OK)
        }
        Err(message) => {
            output::error(&message);
            USAGE
        }
    }
}
