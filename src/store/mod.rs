//! Files and the model: format-preserving load and save, atomic writes,
//! change detection and locks, canonical layout and git revisions.

mod canonical;
mod edit;
mod git;
mod lock;
mod order;
mod parse;
mod recovery;
mod source;
mod splice;
mod values;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use crate::model::{Entry, FieldValue, header_fields};
pub use canonical::{CanonicalError, format as canonical_format, render_new};
pub use edit::EditError;
pub use git::{GitError, read_at_revision};
pub use lock::{JourneyLock, LockError, lock_path};
pub use parse::{Parsed, parse_journey};
pub use recovery::{Recovered, RecoveryError, RecoveryStore, differences, rebase};
pub use source::{EntrySpans, LineIndex, SourceMap};

use crate::model::Journey;
use crate::model::{Finding, Severity};

/// Why loading or saving failed. The TUI and CLI branch on these.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: not UTF-8 text", .path.display())]
    NotText { path: PathBuf },
    #[error("{}: not a valid journey ({} errors)", .0.path.display(), .0.findings.iter().filter(|f| f.severity == Severity::Error).count())]
    Invalid(Box<InvalidFile>),
    #[error("{} changed on disk since it was loaded; not overwriting it", .path.display())]
    Conflict { path: PathBuf },
    #[error("{} was removed from disk since it was loaded; not recreating it", .path.display())]
    Deleted { path: PathBuf },
    #[error("{}: {source}", .path.display())]
    Edit {
        path: PathBuf,
        #[source]
        source: EditError,
    },
    #[error("{}: the edited file would not read back as the journey being saved; nothing written", .path.display())]
    RoundTrip { path: PathBuf },
}

/// A file that does not parse as a journey, with what is wrong and where.
#[derive(Debug)]
pub struct InvalidFile {
    pub path: PathBuf,
    pub text: String,
    pub findings: Vec<Finding>,
    pub source_map: SourceMap,
}

/// What identifies the bytes of a file as loaded: length, modification time
/// and a content hash. Time alone misfires after `git checkout` and on NFS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
    pub hash: u64,
}

impl Fingerprint {
    fn of(bytes: &[u8], meta: &fs::Metadata) -> Self {
        Self {
            len: bytes.len() as u64,
            modified: meta.modified().ok(),
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
        }
    }
}

/// A journey file as loaded: the text it held, the model that text parses
/// to, and the fingerprint that tells whether someone else changed it.
#[derive(Debug)]
pub struct JourneyFile {
    path: PathBuf,
    target: PathBuf,
    text: String,
    baseline: Journey,
    /// Where each value of `text` sits, for splicing value-only edits.
    spans: SourceMap,
    fingerprint: Fingerprint,
}

/// A loaded journey: the file handle for saving, the model to edit, and the
/// warnings of parsing.
#[derive(Debug)]
pub struct Loaded {
    pub file: JourneyFile,
    pub journey: Journey,
    pub warnings: Vec<Finding>,
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads a file's text, refusing anything that is not UTF-8.
pub fn read_text(path: &Path) -> Result<(String, fs::Metadata), StoreError> {
    let bytes = fs::read(path).map_err(io_error(path))?;
    let meta = fs::metadata(path).map_err(io_error(path))?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::NotText {
        path: path.to_path_buf(),
    })?;
    Ok((text, meta))
}

/// Loads a journey for editing. A file with errors is refused with its
/// findings; warnings come back with the journey.
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    let target = fs::canonicalize(path).map_err(io_error(path))?;
    let (text, meta) = read_text(&target)?;
    let parsed = parse_journey(&text);
    let fingerprint = Fingerprint::of(text.as_bytes(), &meta);
    let Some(journey) = parsed.journey else {
        return Err(StoreError::Invalid(Box::new(InvalidFile {
            path: path.to_path_buf(),
            text,
            findings: parsed.findings,
            source_map: parsed.source_map,
        })));
    };
    Ok(Loaded {
        file: JourneyFile {
            path: path.to_path_buf(),
            target,
            text,
            baseline: journey.clone(),
            spans: parsed.source_map,
            fingerprint,
        },
        journey,
        warnings: parsed.findings,
    })
}

impl JourneyFile {
    /// The path as the user named it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file actually written (symlinks resolved).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// The text as loaded or last saved.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The journey as loaded or last saved.
    pub fn baseline(&self) -> &Journey {
        &self.baseline
    }

    pub fn fingerprint(&self) -> &Fingerprint {
        &self.fingerprint
    }

    /// Whether the file on disk still holds what was loaded (or last saved).
    pub fn check_unchanged(&self) -> Result<(), StoreError> {
        let meta = match fs::metadata(&self.target) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::Deleted {
                    path: self.path.clone(),
                });
            }
            Err(e) => return Err(io_error(&self.path)(e)),
        };
        let conflict = || StoreError::Conflict {
            path: self.path.clone(),
        };
        if meta.len() != self.fingerprint.len {
            return Err(conflict());
        }
        // The content decides: an unchanged time does not prove unchanged
        // bytes (coarse timestamps, NFS), and a changed time alone (git
        // checkout of the same content) is no conflict.
        let bytes = fs::read(&self.target).map_err(io_error(&self.path))?;
        if xxhash_rust::xxh3::xxh3_64(&bytes) != self.fingerprint.hash {
            return Err(conflict());
        }
        Ok(())
    }

    /// The text `journey` would be saved as, without writing anything.
    pub fn render(&self, journey: &Journey) -> Result<String, StoreError> {
        self.render_checked(journey).map(|(text, _, _)| text)
    }

    /// The new text and the journey it reads back as, which must equal
    /// `journey`: what is written is re-parsed before it is written.
    fn render_checked(
        &self,
        journey: &Journey,
    ) -> Result<(String, Journey, SourceMap), StoreError> {
        let reread = |text: &str| {
            let parsed = parse_journey(text);
            Some((parsed.journey.filter(|j| j == journey)?, parsed.source_map))
        };
        if let Some(text) = splice::apply(&self.text, &self.spans, &self.baseline, journey)
            && let Some((journey, spans)) = reread(&text)
        {
            return Ok((text, journey, spans));
        }
        let text = edit::apply(&self.text, &self.baseline, journey).map_err(|source| {
            StoreError::Edit {
                path: self.path.clone(),
                source,
            }
        })?;
        match reread(&text) {
            Some((journey, spans)) => Ok((text, journey, spans)),
            None => Err(StoreError::RoundTrip {
                path: self.path.clone(),
            }),
        }
    }

    /// Saves `journey` over the file: only what changed since load is
    /// rewritten, the write is atomic, and a file changed on disk by someone
    /// else is never overwritten. Returns the journey as re-read from the new
    /// text (entries renumbered to their new tables).
    pub fn save(&mut self, journey: &Journey) -> Result<Journey, StoreError> {
        self.check_unchanged()?;
        let (text, reread, spans) = self.render_checked(journey)?;
        write_atomic(&self.target, text.as_bytes()).map_err(io_error(&self.path))?;
        let meta = fs::metadata(&self.target).map_err(io_error(&self.path))?;
        self.fingerprint = Fingerprint::of(text.as_bytes(), &meta);
        self.text = text;
        self.baseline = reread.clone();
        self.spans = spans;
        Ok(reread)
    }
}

/// Writes `bytes` to `target` through a temporary file in the same folder:
/// fsync, rename over the target, fsync the folder; the mode is kept.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = atomic_write_file::AtomicWriteFile::open(target)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Writes a new file, refusing to replace an existing one.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "file exists"),
        });
    }
    write_atomic(path, bytes).map_err(io_error(path))
}

/// The `*.toml` journey files named by `paths`: files as given, folders
/// searched recursively (hidden entries skipped), sorted.
pub fn journey_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    let mut files = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        if path.is_dir() {
            collect(path, &mut files, &mut seen).map_err(|e| (path.clone(), e))?;
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err((
                path.clone(),
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            ));
        }
    }
    Ok(files)
}

/// Walks a folder; `seen` holds the folders already walked (resolved), so a
/// symlink loop is walked once.
fn collect(
    folder: &Path,
    files: &mut Vec<PathBuf>,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> std::io::Result<()> {
    if !seen.insert(fs::canonicalize(folder)?) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, files, seen)?;
        } else if entry.extension().is_some_and(|e| e == "toml") {
            files.push(entry);
        }
    }
    Ok(())
}
