//! The recovery journal: the full text of a journey's unsaved edits, kept in
//! the user data folder (one private file per journey and workbench, with
//! the text the edits were made on) so that a crash, a panic or a dropped
//! SSH link loses nothing, even with several workbenches editing one
//! journey. Nothing here ever writes the journey itself: recovering means
//! merging this text into the journey as unsaved edits.

use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use atomic_write_file::unix::OpenOptionsExt as _;

use super::{LineIndex, ReadError, max_file_size, parse_journey, read_regular};
use crate::model::Journey;
use crate::model::Severity;

/// The first line of every recovery file, followed by the journey's path.
const MARKER: &str = "# corridor recovery for ";
const BOM: char = '\u{FEFF}';
const FILE_MODE: u32 = 0o600;
const DIR_MODE: u32 = 0o700;

/// Why the recovery journal could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("no user data folder for recovery files (is HOME set?)")]
    NoDataFolder,
    #[error("recovery file {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("recovery file {}: not UTF-8 text", .path.display())]
    NotText { path: PathBuf },
    #[error("recovery file {}: {source}", .path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: ReadError,
    },
    #[error("recovery file {}: not a valid journey: {message}", .path.display())]
    Corrupt { path: PathBuf, message: String },
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> RecoveryError + '_ {
    move |source| RecoveryError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A recovery file as found on disk.
#[derive(Debug, Clone)]
pub struct Recovered {
    /// The recovery file.
    pub path: PathBuf,
    /// The journey text exactly as given to [`RecoveryStore::save`].
    pub text: String,
    /// What that text parses to: the unsaved edits to offer.
    pub journey: Journey,
    /// The journey the edits were made on ([`RecoveryStore::save_base`]),
    /// when it was kept: recovering merges the edits into the journey as it
    /// is now instead of replacing it.
    pub base: Option<Journey>,
    /// When the recovery file was last written (its modification time).
    pub saved_at: SystemTime,
}

impl Recovered {
    /// Whether this recovery was written after the journey file was last
    /// modified. A journey whose time cannot be read (say it was deleted)
    /// counts as older: the recovery may be the only copy left.
    pub fn is_newer_than_journey(&self, journey_target: &Path) -> bool {
        match fs::metadata(journey_target).and_then(|m| m.modified()) {
            Ok(journey) => self.saved_at > journey,
            Err(_) => true,
        }
    }
}

/// The folder of recovery files.
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// The user's folder: `recovery` in corridor's data folder
    /// (`$XDG_DATA_HOME/corridor/recovery`, by default
    /// `~/.local/share/corridor/recovery` on Linux).
    pub fn new() -> Result<Self, RecoveryError> {
        let dirs = directories::ProjectDirs::from("", "", "corridor")
            .ok_or(RecoveryError::NoDataFolder)?;
        Ok(Self::at(dirs.data_dir().join("recovery")))
    }

    /// A store in `dir` (created on first save).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What every recovery file of a journey starts with: its file name
    /// for humans, then a hash of its canonical path, so equal names in
    /// different folders never share a file (`b2b-onboarding-0123456789abcdef`).
    fn stem_for(journey_target: &Path) -> String {
        let canonical = canonical(journey_target);
        let hash = xxhash_rust::xxh3::xxh3_64(canonical.as_os_str().as_bytes());
        let stem = journey_target
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default();
        let mut name: String = stem
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .take(48)
            .collect();
        name = name.trim_start_matches('.').to_owned();
        if name.is_empty() {
            name.push_str("journey");
        }
        format!("{name}-{hash:016x}")
    }

    /// The recovery file this workbench writes for a journey: the journey's
    /// stem, then this process's id, so that two workbenches editing one
    /// journey never write each other's edits
    /// (`b2b-onboarding-0123456789abcdef.4242.toml`).
    pub fn path_for(&self, journey_target: &Path) -> PathBuf {
        let stem = Self::stem_for(journey_target);
        self.dir.join(format!("{stem}.{}.toml", std::process::id()))
    }

    /// Journals the full text of the unsaved journey (what
    /// `JourneyFile::render` gives), replacing any earlier recovery of the
    /// same journey. Atomic; the folder is private (0700), the file too
    /// (0600). The text is not checked: this also runs while shutting down.
    pub fn save(&self, journey_target: &Path, text: &str) -> Result<PathBuf, RecoveryError> {
        self.create_dir()?;
        let path = self.path_for(journey_target);
        let (bom, body) = split_bom(text);
        let header = escape(&canonical(journey_target).to_string_lossy());
        let full = format!("{bom}{MARKER}{header}\n{body}");
        write_private(&path, &full)?;
        Ok(path)
    }

    /// Keeps the text the unsaved edits were made on (the journey as loaded
    /// or last saved), beside the journal.
    pub fn save_base(&self, journey_target: &Path, text: &str) -> Result<PathBuf, RecoveryError> {
        self.create_dir()?;
        let path = base_path(&self.path_for(journey_target));
        write_private(&path, text)?;
        Ok(path)
    }

    fn create_dir(&self) -> Result<(), RecoveryError> {
        let io = io_error(&self.dir);
        fs::DirBuilder::new()
            .recursive(true)
            .mode(DIR_MODE)
            .create(&self.dir)
            .map_err(&io)?;
        let mode = fs::metadata(&self.dir).map_err(&io)?.permissions().mode();
        if mode & 0o777 != DIR_MODE {
            fs::set_permissions(&self.dir, fs::Permissions::from_mode(DIR_MODE)).map_err(&io)?;
        }
        Ok(())
    }

    /// The journey's recovery, if there is one. A file that is unreadable or
    /// does not parse as a journey is an error naming it (discard it, or
    /// let the user look at it).
    pub fn load(&self, journey_target: &Path) -> Result<Option<Recovered>, RecoveryError> {
        let Some(path) = self.found(journey_target)? else {
            return Ok(None);
        };
        // The journey's size limit, plus the marker line naming it.
        let header = MARKER.len() + escape(&canonical(journey_target).to_string_lossy()).len();
        let limit = max_file_size()
            .map(|l| l.saturating_add(header as u64 + 1 + BOM.len_utf8() as u64))
            .map_err(|source| RecoveryError::Unreadable {
                path: path.clone(),
                source,
            })?;
        let (bytes, meta) = match read_regular(&path, limit) {
            Ok(read) => read,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(ReadError::Io(e)) => return Err(io_error(&path)(e)),
            Err(source) => return Err(RecoveryError::Unreadable { path, source }),
        };
        let saved_at = meta.modified().map_err(io_error(&path))?;
        let Ok(full) = String::from_utf8(bytes) else {
            return Err(RecoveryError::NotText { path });
        };
        let parsed = parse_journey(&full);
        let Some(journey) = parsed.journey else {
            let lines = LineIndex::new(&full);
            let message = parsed
                .findings
                .iter()
                .find(|f| f.severity == Severity::Error)
                .map_or_else(
                    || "unreadable".to_owned(),
                    |f| match parsed.source_map.span(&f.locus) {
                        Some(span) => {
                            let (line, col) = lines.line_col(span.start);
                            format!("{line}:{col}: {}", f.message)
                        }
                        None => f.message.clone(),
                    },
                );
            return Err(RecoveryError::Corrupt { path, message });
        };
        let (bom, body) = split_bom(&full);
        let body = match body.strip_prefix(MARKER) {
            Some(rest) => rest.split_once('\n').map_or("", |(_, after)| after),
            None => body,
        };
        let base = read_regular(&base_path(&path), limit)
            .ok()
            .and_then(|(bytes, _)| String::from_utf8(bytes).ok())
            .and_then(|text| parse_journey(&text).journey);
        Ok(Some(Recovered {
            text: format!("{bom}{body}"),
            path,
            journey,
            base,
            saved_at,
        }))
    }

    /// The newest recovery file of a journey that no running workbench is
    /// still writing (this one's own included).
    fn found(&self, journey_target: &Path) -> Result<Option<PathBuf>, RecoveryError> {
        let prefix = format!("{}.", Self::stem_for(journey_target));
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error(&self.dir)(e)),
        };
        let own = std::process::id();
        let mut newest: Option<(SystemTime, PathBuf)> = None;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(middle) = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix("toml"))
            else {
                continue;
            };
            // `NAME-HASH.toml` (older corridors) or `NAME-HASH.PID.toml`.
            let pid = if middle.is_empty() {
                None
            } else {
                match middle.strip_suffix('.').and_then(|p| p.parse::<u32>().ok()) {
                    Some(pid) => Some(pid),
                    None => continue,
                }
            };
            if pid.is_some_and(|p| p != own && running(p)) {
                continue;
            }
            let time = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            if newest.as_ref().is_none_or(|(t, _)| time > *t) {
                newest = Some((time, entry.path()));
            }
        }
        Ok(newest.map(|(_, path)| path))
    }

    /// Removes this workbench's recovery of the journey; none at all is
    /// fine.
    pub fn discard(&self, journey_target: &Path) -> Result<(), RecoveryError> {
        self.discard_file(&self.path_for(journey_target))
    }

    /// Removes a recovery file (one [`RecoveryStore::load`] found) and the
    /// text its edits were made on.
    pub fn discard_file(&self, path: &Path) -> Result<(), RecoveryError> {
        for path in [base_path(path), path.to_path_buf()] {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_error(&path)(e)),
            }
        }
        Ok(())
    }
}

/// Writes a private file atomically: 0600 whatever the umask or an older
/// file said.
fn write_private(path: &Path, content: &str) -> Result<(), RecoveryError> {
    let mut options = atomic_write_file::OpenOptions::new();
    options.preserve_mode(false).mode(FILE_MODE);
    let written = (|| {
        let mut file = options.open(path)?;
        file.as_file()
            .set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
        file.write_all(content.as_bytes())?;
        file.commit()
    })();
    written.map_err(|source| RecoveryError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Where the text a journal's edits were made on is kept: beside it, named
/// so that no scan for journals takes it for one.
fn base_path(journal: &Path) -> PathBuf {
    journal.with_extension("base")
}

/// Whether a process with this id is running (a workbench still editing).
fn running(pid: u32) -> bool {
    if Path::new("/proc/self").exists() {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    std::process::Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The path the journey is known by: resolved when it (or its folder)
/// exists, else made absolute.
fn canonical(journey_target: &Path) -> PathBuf {
    if let Ok(path) = fs::canonicalize(journey_target) {
        return path;
    }
    if let (Some(parent), Some(name)) = (journey_target.parent(), journey_target.file_name())
        && let Ok(parent) = fs::canonicalize(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        })
    {
        return parent.join(name);
    }
    std::path::absolute(journey_target).unwrap_or_else(|_| journey_target.to_path_buf())
}

fn split_bom(text: &str) -> (&str, &str) {
    match text.strip_prefix(BOM) {
        Some(rest) => ("\u{FEFF}", rest),
        None => ("", text),
    }
}

/// A path fit for a TOML comment: no control characters, one line.
fn escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || c == BOM => {
                out.push_str(&format!("\\u{{{:04x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}
