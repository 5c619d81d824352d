//! The recovery journal: the full text of a journey's unsaved edits, kept in
//! the user data folder (one private file per journey) so that a crash, a
//! panic or a dropped SSH link loses nothing. Nothing here ever writes the
//! journey itself: recovering means loading this text as unsaved edits.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use atomic_write_file::unix::OpenOptionsExt as _;

use super::{LineIndex, ReadError, max_file_size, parse_journey, read_regular};
use crate::analysis::diff::{FieldChange, GapChange, Status, diff};
use crate::model::Severity;
use crate::model::{Gap, Id, Journey, Origin};
use crate::text::inert;

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

    /// The recovery file of a journey: its file name for humans, then a
    /// hash of its canonical path, so equal names in different folders
    /// never share a file (`b2b-onboarding-0123456789abcdef.toml`).
    pub fn path_for(&self, journey_target: &Path) -> PathBuf {
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
        self.dir.join(format!("{name}-{hash:016x}.toml"))
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
        let mut options = atomic_write_file::OpenOptions::new();
        options.preserve_mode(false).mode(FILE_MODE);
        let written = (|| {
            let mut file = options.open(&path)?;
            // Whatever the umask or an older file said: private.
            file.as_file()
                .set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
            file.write_all(full.as_bytes())?;
            file.commit()
        })();
        match written {
            Ok(()) => Ok(path),
            Err(source) => Err(RecoveryError::Io { path, source }),
        }
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
        let path = self.path_for(journey_target);
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
        Ok(Some(Recovered {
            text: format!("{bom}{body}"),
            path,
            journey,
            saved_at,
        }))
    }

    /// Removes the journey's recovery; none at all is fine.
    pub fn discard(&self, journey_target: &Path) -> Result<(), RecoveryError> {
        let path = self.path_for(journey_target);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_error(&path)(e)),
        }
    }
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

/// The recovered journey made ready to edit against the journey on disk:
/// each entry's origin (which table of the loaded text it came from) is
/// pointed at the on-disk entry with the same id, or marked new. Without
/// this, a recovery that added, removed or reordered entries would save
/// them into the wrong tables of the file, carrying other entries' comments.
pub fn rebase(recovered: &Journey, on_disk: &Journey) -> Journey {
    let mut journey = recovered.clone();
    macro_rules! kind {
        ($($entries:ident),*) => {$(
            let mut origins: HashMap<&Id, Origin> = HashMap::new();
            for e in &on_disk.$entries {
                origins.entry(&e.id).or_insert(e.origin);
            }
            for e in &mut journey.$entries {
                e.origin = origins.remove(&e.id).unwrap_or(Origin::NEW);
            }
        )*};
    }
    kind!(
        stages,
        departments,
        partners,
        metrics,
        touchpoints,
        actions,
        steps
    );
    journey
}

/// What recovering would change, as lines for people: for each header
/// field, touchpoint and other entry that differs between the journey on
/// disk (before) and the recovered one (after), what changed, then a
/// one-line summary. Empty when both are the same journey. File text is
/// made inert.
pub fn differences(recovered: &Journey, on_disk: &Journey) -> Vec<String> {
    let d = diff(on_disk, recovered);
    if d.is_empty() {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for f in &d.header {
        lines.push(field_line("", f));
    }
    for t in &d.touchpoints {
        let Some(tp) = t.touchpoint() else {
            continue;
        };
        let name = inert(&tp.name);
        match t.status {
            Status::Added => {
                lines.push(format!(
                    "+ touchpoint {} {name}: added in stage {}, gap {}",
                    tp.id,
                    tp.stage,
                    gap(t.gap.new)
                ));
            }
            Status::Removed => {
                lines.push(format!(
                    "- touchpoint {} {name}: removed from stage {}",
                    tp.id, tp.stage
                ));
            }
            Status::Changed => {
                lines.push(format!("~ touchpoint {} {name}", tp.id));
                if let Some(m) = &t.moved {
                    let stage = if m.old_stage == m.new_stage {
                        format!("stage {}", m.new_stage)
                    } else {
                        format!("stage {} -> {}", m.old_stage, m.new_stage)
                    };
                    lines.push(format!(
                        "    moved: {stage}, position {} -> {}",
                        m.old_position, m.new_position
                    ));
                }
                lines.extend(t.fields.iter().map(|f| field_line("    ", f)));
                if t.gap.old != t.gap.new {
                    lines.push(format!("    {}", gap_line(&t.gap)));
                }
            }
        }
    }
    for e in &d.entries {
        let mark = match e.status {
            Status::Added => "+",
            Status::Removed => "-",
            Status::Changed => "~",
        };
        let what = e.status.name();
        lines.push(format!(
            "{mark} {} {} {}: {what}",
            e.kind.noun(),
            e.id,
            inert(&e.name)
        ));
        lines.extend(e.fields.iter().map(|f| field_line("    ", f)));
    }
    lines.push(d.summary_line());
    lines
}

fn value(v: &Option<String>) -> String {
    v.as_deref().map_or_else(|| "(none)".into(), inert)
}

fn field_line(indent: &str, f: &FieldChange) -> String {
    format!(
        "{indent}{}: {} -> {}",
        inert(&f.field),
        value(&f.old),
        value(&f.new)
    )
}

fn gap(g: Option<Gap>) -> String {
    g.map_or_else(|| "?".into(), |g| g.to_string())
}

fn gap_line(change: &GapChange) -> String {
    let (old, new) = (change.old_class(), change.new_class());
    let classes = if old == new {
        old.name().to_owned()
    } else {
        format!("{} -> {}", old.name(), new.name())
    };
    format!(
        "gap: {} -> {}, {} ({classes})",
        gap(change.old),
        gap(change.new),
        change.trend().name()
    )
}
