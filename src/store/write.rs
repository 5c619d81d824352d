//! Writing files: atomic replacement (journeys, reports), through symbolic
//! links to their targets, new files that never replace anything, and the
//! removal of temporary files a killed save left behind.

use std::fs;
use std::io::{ErrorKind, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::{StoreError, io_error};

/// Writes `bytes` to `target` through a temporary file in the same folder:
/// fsync, rename over the target, fsync the folder; the mode is kept. The
/// temporary file is `.NAME.XXXXXX` (six letters or digits), the name
/// `atomic-write-file` gives it; [`sweep_stale_temporaries`] relies on that.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = atomic_write_file::AtomicWriteFile::open(target)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Writes `bytes` to `path` atomically, as journey saves do: a symbolic
/// link is written through to its target (the link stays, the target keeps
/// its mode and owner), and a new file gets the mode the umask allows
/// (0644 under umask 022). Without resolving, the rename would replace the
/// link with a file carrying the link's own mode, 0777. A dangling link,
/// and anything that is not a regular file (a folder, FIFO or device), is
/// refused rather than replaced.
pub fn write_through(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => path.to_path_buf(),
        Err(e) => return Err(e),
        Ok(meta) if meta.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(target) => target,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Err(std::io::Error::new(
                    ErrorKind::NotFound,
                    "a symbolic link to nothing; not writing through it",
                ));
            }
            Err(e) => return Err(e),
        },
        Ok(_) => path.to_path_buf(),
    };
    if fs::metadata(&target).is_ok_and(|meta| !meta.is_file()) {
        return Err(std::io::Error::new(
            ErrorKind::InvalidInput,
            "not a regular file; not replacing it",
        ));
    }
    write_atomic(&target, bytes)
}

/// Writes a new file, refusing to replace an existing one (a symbolic
/// link, even a dangling one, counts as existing: nothing is written
/// through it). The new file gets the mode the umask allows.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(ErrorKind::AlreadyExists, "file exists"),
        });
    }
    write_atomic(path, bytes).map_err(io_error(path))
}

/// How old a temporary file must be before a save removes it.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// Whether `name` is one of `journey`'s temporary names: `.` + the
/// journey's file name + `.` + six ASCII letters or digits.
fn is_temporary_name(name: &str, journey: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(journey))
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|suffix| {
            suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes the temporary files a killed save of `target` (a resolved
/// journey path) left beside it; returns the ones removed. Best effort:
/// whatever cannot be read or removed stays.
///
/// A file is removed only when all of these hold, so that nothing but a
/// dead save's leftover can go:
/// - its name is the journey's own temporary name (`.NAME.toml.XXXXXX`,
///   see [`write_atomic`]); other journeys' temporaries, the lock file and
///   anything else never match;
/// - it is a regular file with one name (not a link, which could point
///   anywhere), owned by this user where that can be told;
/// - it was last written more than [`STALE_AFTER`] ago: a live save writes
///   and renames within moments;
/// - no process has it open. Linux lets us see the open files of this
///   user's processes under `/proc`; where that cannot be read the age
///   alone decides. The callers also hold the journey's lock while saving,
///   so no other corridor can be midway through a save of this journey.
pub fn sweep_stale_temporaries(target: &Path) -> Vec<PathBuf> {
    let (Some(folder), Some(name)) = (target.parent(), target.file_name()) else {
        return Vec::new();
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let name = name.to_string_lossy();
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let now = SystemTime::now();
    let uid = current_uid();
    let candidates: Vec<(PathBuf, fs::Metadata)> = entries
        .filter_map(Result::ok)
        .filter(|e| is_temporary_name(&e.file_name().to_string_lossy(), &name))
        .filter_map(|e| Some((e.path(), fs::symlink_metadata(e.path()).ok()?)))
        .filter(|(_, meta)| {
            meta.file_type().is_file()
                && meta.nlink() == 1
                && uid.is_none_or(|uid| meta.uid() == uid)
                && meta
                    .modified()
                    .ok()
                    .and_then(|m| now.duration_since(m).ok())
                    .is_some_and(|age| age > STALE_AFTER)
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let open = open_files();
    candidates
        .into_iter()
        .filter(|(_, meta)| !open.contains(&(meta.dev(), meta.ino())))
        .filter(|(path, _)| fs::remove_file(path).is_ok())
        .map(|(path, _)| path)
        .collect()
}

/// This process's user id (the owner of `/proc/self`), as the owner of the
/// files it creates; unknown without `/proc`.
fn current_uid() -> Option<u32> {
    fs::metadata("/proc/self").map(|m| m.uid()).ok()
}

/// The (device, inode) of every file the processes we may look at have
/// open, from `/proc/PID/fd/*`; empty where there is no `/proc`.
fn open_files() -> std::collections::HashSet<(u64, u64)> {
    let mut open = std::collections::HashSet::new();
    let Ok(processes) = fs::read_dir("/proc") else {
        return open;
    };
    for process in processes.filter_map(Result::ok) {
        let is_pid = process
            .file_name()
            .to_str()
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        if !is_pid {
            continue;
        }
        let Ok(fds) = fs::read_dir(process.path().join("fd")) else {
            continue;
        };
        for fd in fds.filter_map(Result::ok) {
            if let Ok(meta) = fs::metadata(fd.path()) {
                open.insert((meta.dev(), meta.ino()));
            }
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_the_journeys_own() {
        assert!(is_temporary_name(".a.toml.Ab12Cd", "a.toml"));
        assert!(!is_temporary_name(".a.toml.lock", "a.toml"));
        assert!(!is_temporary_name(".a.toml.Ab12Cd7", "a.toml"));
        assert!(!is_temporary_name(".a.toml.Ab-2Cd", "a.toml"));
        assert!(!is_temporary_name(".b.toml.Ab12Cd", "a.toml"));
        assert!(!is_temporary_name("a.toml.Ab12Cd", "a.toml"));
        assert!(!is_temporary_name(".xa.toml.Ab12Cd", "a.toml"));
    }

    #[test]
    fn an_open_temporary_file_is_kept() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("a.toml");
        let temp = dir.path().join(".a.toml.Xy34Zw");
        let held = fs::File::create(&temp)?;
        held.set_modified(SystemTime::now() - Duration::from_secs(3600))?;
        assert!(sweep_stale_temporaries(&target).is_empty());
        assert!(temp.exists());
        drop(held);
        assert_eq!(sweep_stale_temporaries(&target), vec![temp.clone()]);
        assert!(!temp.exists());
        Ok(())
    }
}
