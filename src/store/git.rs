//! Reading a journey as it was at a git revision, with `git show REV:PATH`
//! run as a subprocess, so any revision git understands works (`HEAD`,
//! `main~3`, a tag, a commit id).

mod history;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub use history::{
    Commit, Log, Version, file_history, folder_history, in_work_tree, parse_versions, revisions,
};

/// Why a file could not be read at a revision.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    Spawn(#[source] std::io::Error),
    #[error("{}: not inside a git repository", .0.display())]
    NotARepository(PathBuf),
    #[error("`{0}` is not a revision (it must not start with '-')")]
    BadRevision(String),
    #[error("unknown revision `{0}` in this repository")]
    UnknownRevision(String),
    #[error("{path} does not exist at revision `{rev}`")]
    Absent { path: String, rev: String },
    #[error("{path} at revision `{rev}` is not UTF-8 text")]
    NotText { path: String, rev: String },
    #[error("{path} at revision `{rev}`: {source}")]
    Unreadable {
        path: String,
        rev: String,
        #[source]
        source: super::ReadError,
    },
    #[error("git failed: {0}")]
    Failed(String),
}

fn git(dir: &Path, args: &[&str]) -> Result<Output, GitError> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(GitError::Spawn)
}

fn stdout_line(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout)
        .trim_end_matches(['\n', '\r'])
        .to_owned()
}

/// The path of `file` relative to the top of its repository, as git names
/// it in `REV:PATH`, and the folder to run git in.
pub fn repository_path(file: &Path) -> Result<(PathBuf, String), GitError> {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| GitError::NotARepository(file.to_path_buf()))?;
    let top = git(&dir, &["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(GitError::NotARepository(file.to_path_buf()));
    }
    let prefix = git(&dir, &["rev-parse", "--show-prefix"])?;
    if !prefix.status.success() {
        return Err(GitError::NotARepository(file.to_path_buf()));
    }
    Ok((dir, format!("{}{name}", stdout_line(&prefix))))
}

/// The last commit that changed a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastCommit {
    /// The committer date, `YYYY-MM-DD`.
    pub date: String,
    /// The abbreviated commit id.
    pub hash: String,
}

/// The last commit of `file`, when it lies in a git work tree and has been
/// committed; `None` otherwise (no git, not a repository, never committed).
pub fn last_commit(file: &Path) -> Option<LastCommit> {
    let (dir, path) = repository_path(file).ok()?;
    let out = git(
        &dir,
        &["log", "-1", "--format=%cs %h", "--", &format!(":/{path}")],
    )
    .ok()?;
    if !out.status.success() {
        return None;
    }
    let line = stdout_line(&out);
    let (date, hash) = line.split_once(' ')?;
    let plain = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (plain(date) && plain(hash) && !hash.is_empty()).then(|| LastCommit {
        date: date.to_owned(),
        hash: hash.to_owned(),
    })
}

/// The text of `file` at revision `rev`.
pub fn read_at_revision(file: &Path, rev: &str) -> Result<String, GitError> {
    if rev.is_empty() || rev.starts_with('-') {
        return Err(GitError::BadRevision(rev.to_owned()));
    }
    let (dir, path) = repository_path(file)?;
    let spec = format!("{rev}:{path}");
    // The size limit of journey files holds here too, asked of git before
    // the content is read into memory.
    let too_large = |source| GitError::Unreadable {
        path: path.clone(),
        rev: rev.to_owned(),
        source,
    };
    let limit = super::max_file_size().map_err(too_large)?;
    let size = git(&dir, &["cat-file", "-s", &spec])?;
    if size.status.success()
        && let Ok(size) = stdout_line(&size).parse::<u64>()
        && size > limit
    {
        return Err(too_large(super::ReadError::TooLarge { size, limit }));
    }
    // No textconv: a configured `diff=corridor` driver must not turn the
    // journey into its text rendering here.
    let shown = git(&dir, &["show", "--no-textconv", &spec, "--"])?;
    if shown.status.success() {
        let size = shown.stdout.len() as u64;
        if size > limit {
            return Err(too_large(super::ReadError::TooLarge { size, limit }));
        }
        return String::from_utf8(shown.stdout).map_err(|_| GitError::NotText {
            path,
            rev: rev.to_owned(),
        });
    }
    let commit = format!("{rev}^{{commit}}");
    let known = git(&dir, &["rev-parse", "--verify", "--quiet", &commit])?;
    if !known.status.success() {
        return Err(GitError::UnknownRevision(rev.to_owned()));
    }
    let exists = git(&dir, &["cat-file", "-e", &spec])?;
    if !exists.status.success() {
        return Err(GitError::Absent {
            path,
            rev: rev.to_owned(),
        });
    }
    Err(GitError::Failed(
        String::from_utf8_lossy(&shown.stderr).trim().to_owned(),
    ))
}
