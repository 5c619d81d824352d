//! Every version of journey files from git history, read with two git
//! processes in all: one `git log` for the commits that changed the files
//! (renames followed) and one `git cat-file --batch` for every blob.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{GitError, git, stdout_line};

/// One commit that changed a journey file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The full commit id.
    pub id: String,
    /// The abbreviated commit id.
    pub short: String,
    /// The author date, `YYYY-MM-DD`: when the change was made (a rebase
    /// keeps it).
    pub date: String,
    pub subject: String,
}

/// One version of one journey file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Index into [`Log::commits`].
    pub commit: usize,
    /// The file's path at that commit, relative to the repository's top.
    pub path: String,
    /// The text, or why it could not be read (deleted, too large, not
    /// UTF-8).
    pub text: Result<String, String>,
}

/// The history of the journey files under one path, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Log {
    /// Commits that changed any of the files, oldest first.
    pub commits: Vec<Commit>,
    /// Each file, by its path today (relative to the top of the
    /// repository), with its versions, oldest first.
    pub files: Vec<(String, Vec<Version>)>,
}

fn run_git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    // The user's configuration must not change what is read: no colour,
    // no signatures, paths unquoted, no external diff or text conversion.
    command.arg("-C").arg(dir).args([
        "-c",
        "core.quotePath=false",
        "-c",
        "log.showSignature=false",
        "-c",
        "diff.external=",
    ]);
    command
}

/// The top of the repository `dir` lies in, and `dir`'s path from there.
fn top_and_prefix(dir: &Path, shown: &Path) -> Result<(PathBuf, String), GitError> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(GitError::NotARepository(shown.to_path_buf()));
    }
    let prefix = git(dir, &["rev-parse", "--show-prefix"])?;
    Ok((PathBuf::from(stdout_line(&top)), stdout_line(&prefix)))
}

/// One entry of `--name-status`: its status letter and paths (two for a
/// rename or copy).
struct Change {
    status: u8,
    paths: Vec<String>,
}

/// Parses `git log -z --name-status` output in our format.
fn parse_log(bytes: &[u8]) -> Vec<(Commit, Vec<Change>)> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    for chunk in text.split('\u{1e}').filter(|c| !c.is_empty()) {
        let (header, rest) = chunk.split_once('\0').unwrap_or((chunk, ""));
        let mut fields = header.split('\u{1f}');
        let (Some(id), Some(short), Some(date)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let commit = Commit {
            id: id.to_owned(),
            short: short.to_owned(),
            date: date.to_owned(),
            subject: fields.next().unwrap_or("").to_owned(),
        };
        let mut tokens = rest.trim_start_matches('\n').split('\0');
        let mut changes = Vec::new();
        while let Some(status) = tokens.next().filter(|s| !s.is_empty()) {
            let letter = status.as_bytes()[0];
            let count = if matches!(letter, b'R' | b'C') { 2 } else { 1 };
            let paths: Vec<String> = tokens.by_ref().take(count).map(str::to_owned).collect();
            changes.push(Change {
                status: letter,
                paths,
            });
        }
        out.push((commit, changes));
    }
    out
}

/// Reads the history of `files` (paths from the top of the repository at
/// `top`) with one `git log` over `pathspec`; `follow` for a single file.
fn log_files(
    top: &Path,
    pathspec: &str,
    files: &[String],
    follow: bool,
    since: Option<&str>,
) -> Result<Log, GitError> {
    let mut command = run_git(top);
    command.args([
        "log",
        "-z",
        "--no-color",
        "--no-decorate",
        "--name-status",
        "-M",
        "--format=%x1e%H%x1f%h%x1f%as%x1f%s",
    ]);
    if follow {
        command.arg("--follow");
    }
    command.arg("--").arg(format!(":/{pathspec}"));
    let output = command.output().map_err(GitError::Spawn)?;
    if !output.status.success() {
        return Err(GitError::Failed(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ));
    }
    let entries = parse_log(&output.stdout);
    // Walk from the newest commit back, following each file through its
    // renames: `alias` maps a path at this point of the walk to the file.
    let mut alias: HashMap<String, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.clone(), i))
        .collect();
    let mut found: Vec<Vec<(usize, String)>> = vec![Vec::new(); files.len()];
    let count = entries.len();
    let mut commits = Vec::with_capacity(count);
    for (n, (commit, changes)) in entries.into_iter().enumerate() {
        // Oldest first once reversed.
        let index = count - 1 - n;
        for change in changes {
            let (old, new) = match change.paths.as_slice() {
                [old, new] => (Some(old.clone()), new.clone()),
                [path] => (None, path.clone()),
                _ => continue,
            };
            let Some(&file) = alias.get(&new) else {
                continue;
            };
            match change.status {
                b'D' => {
                    alias.remove(&new);
                }
                b'A' => {
                    found[file].push((index, new.clone()));
                    alias.remove(&new);
                }
                b'R' => {
                    found[file].push((index, new.clone()));
                    alias.remove(&new);
                    if let Some(old) = old {
                        alias.insert(old, file);
                    }
                }
                _ => found[file].push((index, new)),
            }
        }
        commits.push(commit);
    }
    commits.reverse();
    // Commits before `since` (by author date) are walked for renames but
    // not read.
    let wanted = |commit: usize| since.is_none_or(|s| commits[commit].date.as_str() >= s);
    let mut versions: Vec<Vec<Version>> = found
        .into_iter()
        .map(|mut list| {
            list.reverse();
            list.into_iter()
                .filter(|(commit, _)| wanted(*commit))
                .map(|(commit, path)| Version {
                    commit,
                    path,
                    text: Err(String::new()),
                })
                .collect()
        })
        .collect();
    read_blobs(top, &commits, &mut versions)?;
    Ok(Log {
        commits,
        files: files.iter().cloned().zip(versions).collect(),
    })
}

/// Fills in the text of every version with one `git cat-file --batch`.
fn read_blobs(
    top: &Path,
    commits: &[Commit],
    versions: &mut [Vec<Version>],
) -> Result<(), GitError> {
    let wanted: Vec<String> = versions
        .iter()
        .flatten()
        .map(|v| format!("{}:{}\n", commits[v.commit].id, v.path))
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let limit = crate::store::max_file_size().unwrap_or(crate::store::DEFAULT_MAX_FILE_SIZE);
    let mut child = run_git(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(GitError::Spawn)?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| GitError::Failed("no stdin for git cat-file".into()))?;
    // Feed the requests from a thread while the answers are read: both
    // pipes would fill up otherwise.
    let feeder = std::thread::spawn(move || {
        for line in wanted {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| GitError::Failed("no stdout for git cat-file".into()))?;
    let mut reader = BufReader::new(stdout);
    let mut header = String::new();
    for version in versions.iter_mut().flatten() {
        header.clear();
        if reader.read_line(&mut header).map_err(GitError::Spawn)? == 0 {
            return Err(GitError::Failed("git cat-file ended early".into()));
        }
        let parts: Vec<&str> = header.trim_end().split(' ').collect();
        let size = match parts.as_slice() {
            [_, "blob", size] => size.parse::<u64>().ok(),
            _ => None,
        };
        let Some(size) = size else {
            version.text = Err("not in this commit".into());
            continue;
        };
        let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit)).unwrap_or(0));
        (&mut reader)
            .take(size)
            .read_to_end(&mut bytes)
            .map_err(GitError::Spawn)?;
        let mut newline = [0u8; 1];
        reader.read_exact(&mut newline).map_err(GitError::Spawn)?;
        version.text = if size > limit {
            Err(format!(
                "{}: over the size limit of {}",
                crate::store::size_text(size),
                crate::store::size_text(limit)
            ))
        } else {
            String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())
        };
    }
    let _ = feeder.join();
    let _ = child.wait();
    Ok(())
}

/// The history of one journey file, renames followed.
pub fn file_history(file: &Path, since: Option<&str>) -> Result<Log, GitError> {
    let (dir, path) = super::repository_path(file)?;
    let (top, _) = top_and_prefix(&dir, file)?;
    log_files(&top, &path, std::slice::from_ref(&path), true, since)
}

/// The history of the journey files `files` (as found in `folder` today),
/// renames inside the folder followed.
pub fn folder_history(
    folder: &Path,
    files: &[PathBuf],
    since: Option<&str>,
) -> Result<Log, GitError> {
    let (top, prefix) = top_and_prefix(folder, folder)?;
    let relative: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let inside = f.strip_prefix(folder).ok()?;
            Some(format!("{prefix}{}", inside.to_string_lossy()))
        })
        .collect();
    let pathspec = prefix.trim_end_matches('/');
    log_files(&top, pathspec, &relative, false, since)
}

/// Whether `path` lies in a git work tree.
pub fn in_work_tree(path: &Path) -> bool {
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    git(&dir, &["rev-parse", "--is-inside-work-tree"])
        .is_ok_and(|o| o.status.success() && stdout_line(&o) == "true")
}

/// Parses every version on all cores: its journey, or its first error as
/// `LINE:COL: message` (a file with errors, or one git could not give).
pub fn parse_versions(versions: &[Version]) -> Vec<Result<crate::model::Journey, String>> {
    use rayon::prelude::*;
    versions
        .par_iter()
        .map(|v| {
            let text = v.text.as_ref().map_err(Clone::clone)?;
            let parsed = crate::store::parse_journey(text);
            if let Some(journey) = parsed.journey {
                return Ok(journey);
            }
            let index = crate::store::LineIndex::new(text);
            let first = parsed
                .findings
                .iter()
                .find(|f| f.severity == crate::model::Severity::Error);
            Err(first.map_or_else(
                || "does not parse".to_owned(),
                |f| {
                    let (line, column) = parsed
                        .source_map
                        .span(&f.locus)
                        .map_or((1, 1), |s| index.line_col(s.start));
                    format!("{line}:{column}: {}", f.message)
                },
            ))
        })
        .collect()
}

/// Each file of `log` with its revisions parsed (on all cores), ready for
/// `analysis::history`.
pub fn revisions(log: &Log) -> Vec<(String, Vec<crate::analysis::history::Revision>)> {
    use crate::analysis::history::{Commit as Info, Revision};
    log.files
        .iter()
        .map(|(path, versions)| {
            let parsed = parse_versions(versions);
            let list = versions
                .iter()
                .zip(parsed)
                .map(|(v, journey)| {
                    let c = &log.commits[v.commit];
                    Revision {
                        info: Info {
                            id: c.short.clone(),
                            date: c.date.clone(),
                            subject: c.subject.clone(),
                            at: v.commit,
                        },
                        journey,
                    }
                })
                .collect();
            (path.clone(), list)
        })
        .collect()
}
