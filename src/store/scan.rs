//! Finding journey files: the files named, and the `*.toml` files under the
//! folders named. Only regular files within the size limit are listed; the
//! rest of a folder's `*.toml` entries (FIFOs, devices, broken or looping
//! links, oversized files) are skipped and said, never opened.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::read::{ReadError, check_metadata, max_file_size};

/// The journey files of some paths, and the folder entries left out.
#[derive(Debug, Default)]
pub struct Listing {
    /// Sorted within each folder, in the order the paths were given.
    pub files: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

/// A `*.toml` entry of a folder that was not listed, and why.
#[derive(Debug)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: ReadError,
}

impl fmt::Display for Skipped {
    /// `why, skipped` (without the path).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            reason if reason.is_not_found() => f.write_str("broken symbolic link, skipped"),
            ReadError::NotRegular => f.write_str("not a regular file, skipped"),
            ReadError::Loop => f.write_str("symbolic link loop, skipped"),
            reason => write!(f, "{reason}; skipped"),
        }
    }
}

/// The `*.toml` journey files named by `paths`: files as given (a FIFO or
/// device given by name is an error, not a wait), folders searched
/// recursively (hidden entries skipped), sorted.
pub fn journey_files(paths: &[PathBuf]) -> Result<Listing, (PathBuf, ReadError)> {
    let limit = max_file_size().map_err(|e| (PathBuf::from(super::MAX_FILE_SIZE_VAR), e))?;
    let mut listing = Listing::default();
    let mut seen = HashSet::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| (path.clone(), top_level_error(e)))?;
        if meta.is_dir() {
            collect(path, limit, &mut listing, &mut seen)
                .map_err(|e| (path.clone(), ReadError::from_io(e)))?;
        } else if meta.is_file() {
            // Its size is checked when it is read, with the error naming it.
            listing.files.push(path.clone());
        } else {
            return Err((path.clone(), ReadError::NotRegular));
        }
    }
    Ok(listing)
}

fn top_level_error(e: std::io::Error) -> ReadError {
    if e.kind() == std::io::ErrorKind::NotFound {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no such file or folder",
        ))
    } else {
        ReadError::from_io(e)
    }
}

/// Walks a folder; `seen` holds the folders already walked (resolved), so a
/// symlink loop between folders is walked once.
fn collect(
    folder: &Path,
    limit: u64,
    listing: &mut Listing,
    seen: &mut HashSet<PathBuf>,
) -> std::io::Result<()> {
    if !seen.insert(fs::canonicalize(folder)?) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = fs::read_dir(folder)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for entry in entries {
        let is_toml = entry.extension().is_some_and(|e| e == "toml");
        // Follows links, as a folder of linked journeys should work.
        let checked = match fs::metadata(&entry) {
            Ok(meta) if meta.is_dir() => {
                collect(&entry, limit, listing, seen)?;
                continue;
            }
            Ok(meta) => check_metadata(&meta, limit),
            Err(e) => Err(ReadError::from_io(e)),
        };
        match checked {
            _ if !is_toml => {}
            Ok(()) => listing.files.push(entry),
            Err(reason) => listing.skipped.push(Skipped {
                path: entry,
                reason,
            }),
        }
    }
    Ok(())
}
