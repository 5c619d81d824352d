//! One writer at a time: an advisory lock on a lock file beside the journey
//! (never the journey itself, whose rename on save would swap the file
//! under the lock), held while a save reads, merges and writes. The lock
//! file holds the holder's pid.
//!
//! Anyone who can write to the journey's folder can plant something at the
//! lock path: a symbolic link or a hard link to another file (which taking
//! the lock would truncate and fill with a pid), a FIFO or a device. Only a
//! plain regular file with one name is ever opened as the lock, and it is
//! opened without following links.

use std::fs::{self, File, Metadata, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Locking failed.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{} is being edited by another corridor ({})", .path.display(), holder(*.pid))]
    Held { path: PathBuf, pid: Option<u32> },
    #[error("lock file {} {what}; not using it as a lock (remove it if no corridor is editing the journey)", .path.display())]
    NotPlainFile { path: PathBuf, what: &'static str },
    #[error("cannot lock {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn holder(pid: Option<u32>) -> String {
    pid.map_or_else(
        || "held by an unknown process".into(),
        |p| format!("held by pid {p}"),
    )
}

/// The lock file used for a journey: `.NAME.lock` in the same folder.
pub fn lock_path(journey: &Path) -> PathBuf {
    let name = journey
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    journey.with_file_name(format!(".{name}.lock"))
}

/// Refuses a lock file that is not a regular file with a single name.
fn plain_file(path: &Path, meta: &Metadata) -> Result<(), LockError> {
    let what = if meta.file_type().is_symlink() {
        "is a symbolic link"
    } else if !meta.is_file() {
        "is not a regular file"
    } else if meta.nlink() > 1 {
        "has other names (hard links)"
    } else {
        return Ok(());
    };
    Err(LockError::NotPlainFile {
        path: path.to_path_buf(),
        what,
    })
}

/// Whether `path` still names the file `meta` describes (no links followed).
fn names(path: &Path, meta: &Metadata) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.ino() == meta.ino() && m.dev() == meta.dev())
}

/// A held lock; released (and its file removed) on drop.
#[derive(Debug)]
pub struct JourneyLock {
    path: PathBuf,
    file: Option<File>,
}

impl JourneyLock {
    /// Takes the lock of `journey`, waiting up to `patience` while another
    /// writer holds it (a save holds it for milliseconds).
    pub fn acquire_within(
        journey: &Path,
        patience: std::time::Duration,
    ) -> Result<Self, LockError> {
        let deadline = std::time::Instant::now() + patience;
        loop {
            match Self::acquire(journey) {
                Err(LockError::Held { .. }) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    /// Whether the lock of `journey` could be taken at all: what is at the
    /// lock path is nothing or a plain file (a link or a FIFO planted there
    /// is refused, naming it). Takes nothing.
    pub fn check(journey: &Path) -> Result<(), LockError> {
        let path = lock_path(journey);
        match fs::symlink_metadata(&path) {
            Ok(meta) => plain_file(&path, &meta),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(LockError::Io { path, source }),
        }
    }

    /// Takes the lock of `journey` (a resolved path), or says who holds it.
    pub fn acquire(journey: &Path) -> Result<Self, LockError> {
        let path = lock_path(journey);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        loop {
            match fs::symlink_metadata(&path) {
                Ok(meta) => plain_file(&path, &meta)?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(e)),
            }
            // No following a link planted after the look above; non-blocking
            // so that a FIFO swapped in cannot hold the open.
            let opened = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
                .open(&path);
            let mut file = match opened {
                Ok(file) => file,
                Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
                    return Err(LockError::NotPlainFile {
                        path,
                        what: "is a symbolic link",
                    });
                }
                Err(e) => return Err(io(e)),
            };
            let meta = file.metadata().map_err(io)?;
            plain_file(&path, &meta)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    let mut text = String::new();
                    let _ = file.read_to_string(&mut text);
                    return Err(LockError::Held {
                        path: journey.to_path_buf(),
                        pid: text.trim().parse().ok(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
            // A holder that was releasing may have removed the file we
            // opened: only the file still at the path counts.
            if !names(&path, &meta) {
                continue;
            }
            file.set_len(0).map_err(io)?;
            file.seek(SeekFrom::Start(0)).map_err(io)?;
            writeln!(file, "{}", std::process::id()).map_err(io)?;
            return Ok(Self {
                path,
                file: Some(file),
            });
        }
    }
}

impl Drop for JourneyLock {
    fn drop(&mut self) {
        // Only our own file: whatever was put at the path since stays.
        let ours = self
            .file
            .as_ref()
            .and_then(|f| f.metadata().ok())
            .is_some_and(|meta| names(&self.path, &meta));
        if ours {
            let _ = fs::remove_file(&self.path);
        }
        drop(self.file.take());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn refused(journey: &Path) -> Option<&'static str> {
        match JourneyLock::acquire(journey) {
            Err(LockError::NotPlainFile { what, .. }) => Some(what),
            _ => None,
        }
    }

    #[test]
    fn a_symlinked_lock_file_is_refused_and_its_target_untouched() -> TestResult {
        let dir = tempfile::tempdir()?;
        let journey = dir.path().join("a.toml");
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "precious\n")?;
        std::os::unix::fs::symlink(&victim, lock_path(&journey))?;
        assert_eq!(refused(&journey), Some("is a symbolic link"));
        assert_eq!(fs::read_to_string(&victim)?, "precious\n");
        // A dangling link would be created through: refused as well.
        let journey = dir.path().join("b.toml");
        let absent = dir.path().join("absent.txt");
        std::os::unix::fs::symlink(&absent, lock_path(&journey))?;
        assert_eq!(refused(&journey), Some("is a symbolic link"));
        assert!(!absent.exists());
        Ok(())
    }

    #[test]
    fn a_hard_linked_lock_file_is_refused_and_left_alone() -> TestResult {
        let dir = tempfile::tempdir()?;
        let journey = dir.path().join("a.toml");
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "precious\n")?;
        fs::hard_link(&victim, lock_path(&journey))?;
        assert_eq!(refused(&journey), Some("has other names (hard links)"));
        assert_eq!(fs::read_to_string(&victim)?, "precious\n");
        Ok(())
    }

    #[test]
    fn a_fifo_or_folder_at_the_lock_path_is_refused() -> TestResult {
        let dir = tempfile::tempdir()?;
        let journey = dir.path().join("a.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(lock_path(&journey))
            .status()?;
        assert!(made.success());
        assert_eq!(refused(&journey), Some("is not a regular file"));
        let journey = dir.path().join("b.toml");
        fs::create_dir(lock_path(&journey))?;
        assert_eq!(refused(&journey), Some("is not a regular file"));
        Ok(())
    }

    #[test]
    fn a_held_lock_is_waited_for_then_taken() -> TestResult {
        let dir = tempfile::tempdir()?;
        let journey = dir.path().join("a.toml");
        let first = JourneyLock::acquire(&journey)?;
        let short = JourneyLock::acquire_within(&journey, std::time::Duration::from_millis(50));
        assert!(matches!(short, Err(LockError::Held { .. })));
        let waiter = {
            let journey = journey.clone();
            std::thread::spawn(move || {
                JourneyLock::acquire_within(&journey, std::time::Duration::from_secs(5)).is_ok()
            })
        };
        std::thread::sleep(std::time::Duration::from_millis(100));
        drop(first);
        assert!(waiter.join().is_ok_and(|taken| taken));
        assert!(JourneyLock::check(&journey).is_ok());
        std::os::unix::fs::symlink(dir.path().join("x"), lock_path(&journey))?;
        assert!(matches!(
            JourneyLock::check(&journey),
            Err(LockError::NotPlainFile { .. })
        ));
        Ok(())
    }

    #[test]
    fn a_plain_lock_file_is_taken_and_removed() -> TestResult {
        let dir = tempfile::tempdir()?;
        let journey = dir.path().join("a.toml");
        fs::write(lock_path(&journey), "12345\n")?;
        let lock = JourneyLock::acquire(&journey)?;
        assert_eq!(
            fs::read_to_string(lock_path(&journey))?.trim(),
            std::process::id().to_string()
        );
        drop(lock);
        assert!(!lock_path(&journey).exists());
        Ok(())
    }
}
