//! Files and the model: format-preserving load and save, atomic writes,
//! change detection and locks, canonical layout and git revisions.

mod canonical;
mod edit;
mod git;
mod lock;
mod merge;
mod numbers;
mod order;
mod parse;
mod parse_blueprint;
mod persona;
mod read;
mod recovered;
mod recovery;
mod scan;
mod source;
mod splice;
mod values;
mod write;

use std::fs;
use std::path::{Path, PathBuf};

pub use crate::model::{Entry, FieldValue, header_fields};
pub use canonical::{CanonicalError, format as canonical_format, render_new};
pub use edit::EditError;
pub use git::{
    Commit, GitError, LastCommit, Log, Version, file_history, folder_history, in_work_tree,
    last_commit, parse_versions, read_at_revision, revisions,
};
pub use lock::{JourneyLock, LockError, lock_path};
pub use merge::markers::line_of as conflict_line;
pub use merge::{Input, MergeError, Merged, merge_texts};
pub use parse::{Parsed, parse_journey};
pub use read::{
    DEFAULT_MAX_FILE_SIZE, MAX_FILE_SIZE_VAR, ReadError, max_file_size, read_capped, read_regular,
    size_text,
};
pub use recovered::{differences, rebase};
pub use recovery::{Recovered, RecoveryError, RecoveryStore};
pub use scan::{Listing, Skipped, journey_files};
pub use source::{EntrySpans, LineIndex, SourceMap};
pub use write::{create_new, sweep_stale_temporaries, write_atomic, write_through};

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
    /// Not a regular file, a symlink loop, over the size limit.
    #[error("{}: {source}", .path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: ReadError,
    },
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

/// Why a journey could not be written onto a text.
#[derive(Debug)]
enum Rendered {
    Edit(EditError),
    RoundTrip,
}

/// `journey` applied to `text` (which parses to `baseline`, its values at
/// `spans`): only what changed is rewritten. Returns the new text, the
/// journey it reads back as (which equals `journey`) and its spans.
fn render_onto(
    text: &str,
    spans: &SourceMap,
    baseline: &Journey,
    journey: &Journey,
) -> Result<(String, Journey, SourceMap), Rendered> {
    let reread = |text: &str| {
        let parsed = parse_journey(text);
        Some((parsed.journey.filter(|j| j == journey)?, parsed.source_map))
    };
    if let Some(text) = splice::apply(text, spans, baseline, journey)
        && let Some((journey, spans)) = reread(&text)
    {
        return Ok((text, journey, spans));
    }
    let text = edit::apply(text, baseline, journey).map_err(Rendered::Edit)?;
    match reread(&text) {
        Some((journey, spans)) => Ok((text, journey, spans)),
        None => Err(Rendered::RoundTrip),
    }
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

fn read_error(path: &Path) -> impl Fn(ReadError) -> StoreError + '_ {
    move |e| match e {
        ReadError::Io(source) => StoreError::Io {
            path: path.to_path_buf(),
            source,
        },
        source => StoreError::Unreadable {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// The bytes of a journey file: only a regular file (a FIFO named
/// `x.toml` would wait forever), within the size limit
/// ([`max_file_size`]), checked before reading. Errors name `shown`, the
/// path as the user gave it.
fn read_bytes(path: &Path, shown: &Path) -> Result<(Vec<u8>, fs::Metadata), StoreError> {
    let limit = max_file_size().map_err(read_error(shown))?;
    read_regular(path, limit).map_err(read_error(shown))
}

/// Reads a journey file's text: the one place journey files are read.
/// Refuses what is not a regular file, is over the size limit, or is not
/// UTF-8.
pub fn read_text(path: &Path) -> Result<(String, fs::Metadata), StoreError> {
    read_text_as(path, path)
}

/// [`read_text`] of `path`, with errors naming `shown`.
fn read_text_as(path: &Path, shown: &Path) -> Result<(String, fs::Metadata), StoreError> {
    let (bytes, meta) = read_bytes(path, shown)?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::NotText {
        path: shown.to_path_buf(),
    })?;
    Ok((text, meta))
}

/// Loads a journey for editing. A file with errors is refused with its
/// findings; warnings come back with the journey.
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    let target = fs::canonicalize(path).map_err(io_error(path))?;
    let (text, meta) = read_text_as(&target, path)?;
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
        let (bytes, _) = read_bytes(&self.target, &self.path)?;
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
        render_onto(&self.text, &self.spans, &self.baseline, journey).map_err(|e| match e {
            Rendered::Edit(source) => StoreError::Edit {
                path: self.path.clone(),
                source,
            },
            Rendered::RoundTrip => StoreError::RoundTrip {
                path: self.path.clone(),
            },
        })
    }

    /// Saves `journey` over the file: only what changed since load is
    /// rewritten, the write is atomic, and a file changed on disk by someone
    /// else is never overwritten. Returns the journey as re-read from the new
    /// text (entries renumbered to their new tables).
    pub fn save(&mut self, journey: &Journey) -> Result<Journey, StoreError> {
        self.check_unchanged()?;
        let (text, reread, spans) = self.render_checked(journey)?;
        write_atomic(&self.target, text.as_bytes()).map_err(io_error(&self.path))?;
        sweep_stale_temporaries(&self.target);
        let meta = fs::metadata(&self.target).map_err(io_error(&self.path))?;
        self.fingerprint = Fingerprint::of(text.as_bytes(), &meta);
        self.text = text;
        self.baseline = reread.clone();
        self.spans = spans;
        Ok(reread)
    }
}
