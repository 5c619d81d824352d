//! Reading journey files without trusting them: only regular files are
//! read (a FIFO or device named `x.toml` would block or never end), and
//! never more than the size limit, checked before a byte is read.

use std::fs::{Metadata, OpenOptions};
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The largest journey file read unless [`MAX_FILE_SIZE_VAR`] says
/// otherwise: 64 MiB, over ten times the largest journey measured (10k
/// touchpoints, 6 MB), and well under what parsing can hold in memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The environment variable that overrides the limit, in bytes.
pub const MAX_FILE_SIZE_VAR: &str = "CORRIDOR_MAX_FILE_SIZE";

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("not a regular file (a FIFO, device, socket or folder)")]
    NotRegular,
    #[error("symbolic link loop (the link leads back to itself)")]
    Loop,
    #[error("{} is over the {} limit for journey files (set {MAX_FILE_SIZE_VAR} in bytes to change it)", size_text(*.size), size_text(*.limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("{MAX_FILE_SIZE_VAR} must be a number of bytes, not `{0}`")]
    BadLimit(String),
}

impl ReadError {
    /// An I/O error, with a symlink loop named as such.
    pub fn from_io(e: std::io::Error) -> Self {
        if e.raw_os_error() == Some(libc::ELOOP) {
            Self::Loop
        } else {
            Self::Io(e)
        }
    }

    /// Whether the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

/// A size for people: `2.0 GiB`, `64 MiB`, `1000 bytes`.
pub fn size_text(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit {
            return if bytes.is_multiple_of(unit) {
                format!("{} {name}", bytes / unit)
            } else {
                let value = bytes as f64 / unit as f64;
                format!("{value:.1} {name}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// The size limit for journey files: [`MAX_FILE_SIZE_VAR`] when set, else
/// [`DEFAULT_MAX_FILE_SIZE`]. A value that is not a whole number of bytes
/// is an error rather than silently ignored.
pub fn max_file_size() -> Result<u64, ReadError> {
    match std::env::var_os(MAX_FILE_SIZE_VAR) {
        None => Ok(DEFAULT_MAX_FILE_SIZE),
        Some(value) => {
            let text = value.to_string_lossy();
            text.trim()
                .parse()
                .map_err(|_| ReadError::BadLimit(text.into_owned()))
        }
    }
}

/// Refuses what is not a regular file, or is larger than `limit`.
pub fn check_metadata(meta: &Metadata, limit: u64) -> Result<(), ReadError> {
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    Ok(())
}

/// The bytes of the regular file at `path` (symlinks followed), at most
/// `limit` of them, and its metadata. The type is checked before opening
/// (opening a FIFO for reading waits for a writer), and again on the open
/// file, which is opened non-blocking so that a FIFO swapped in between
/// cannot hang the read either.
pub fn read_regular(path: &Path, limit: u64) -> Result<(Vec<u8>, Metadata), ReadError> {
    let before = std::fs::metadata(path).map_err(ReadError::from_io)?;
    check_metadata(&before, limit)?;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(ReadError::from_io)?;
    let meta = file.metadata()?;
    check_metadata(&meta, limit)?;
    let bytes = read_capped(file, limit, meta.len())?;
    Ok((bytes, meta))
}

/// Reads `source` to its end, refusing more than `limit` bytes (a file can
/// grow after its size was checked; a pipe has no size to check).
pub fn read_capped(source: impl Read, limit: u64, expected: u64) -> Result<Vec<u8>, ReadError> {
    let capacity = usize::try_from(expected.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_for_people() {
        assert_eq!(size_text(64 * 1024 * 1024), "64 MiB");
        assert_eq!(size_text(3 << 29), "1.5 GiB");
        assert_eq!(size_text(1000), "1000 bytes");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_unread() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("big.toml");
        let file = std::fs::File::create(&path)?;
        file.set_len(2 << 30)?;
        match read_regular(&path, 1 << 20) {
            Err(ReadError::TooLarge { size, limit }) => {
                assert_eq!((size, limit), (2 << 30, 1 << 20));
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
        Ok(())
    }

    #[test]
    fn growth_after_the_check_is_caught() {
        let read = read_capped(&b"0123456789"[..], 4, 0);
        assert!(matches!(read, Err(ReadError::TooLarge { limit: 4, .. })));
        assert!(matches!(read_capped(&b"0123"[..], 4, 4), Ok(b) if b == b"0123"));
    }

    #[test]
    fn a_folder_is_not_a_regular_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        assert!(matches!(
            read_regular(dir.path(), 100),
            Err(ReadError::NotRegular)
        ));
        Ok(())
    }
}
