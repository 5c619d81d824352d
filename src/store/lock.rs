//! One editor per journey: an advisory lock on a lock file beside the
//! journey (never the journey itself, whose rename on save would swap the
//! file under the lock). The lock file holds the holder's pid.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Locking failed.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{} is being edited by another corridor ({})", .path.display(), holder(*.pid))]
    Held { path: PathBuf, pid: Option<u32> },
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

/// A held lock; released (and its file removed) on drop.
#[derive(Debug)]
pub struct JourneyLock {
    path: PathBuf,
    file: Option<File>,
}

impl JourneyLock {
    /// Takes the lock of `journey` (a resolved path), or says who holds it.
    pub fn acquire(journey: &Path) -> Result<Self, LockError> {
        let path = lock_path(journey);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io)?;
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
            let same = match (file.metadata(), fs::metadata(&path)) {
                (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
                _ => false,
            };
            if !same {
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
        let _ = fs::remove_file(&self.path);
        drop(self.file.take());
    }
}
