//! Finding and opening journeys the way every subcommand does: the same
//! defaults, locks and error messages.

use std::path::{Path, PathBuf};

use super::check::locate;
use super::{USAGE, output};
use crate::store::{JourneyLock, Listing, Loaded, StoreError, journey_files, load};

/// The journey files of `paths` (default `journeys/`), with the folder
/// entries skipped, or the exit code after saying why they cannot be listed.
pub fn listed(paths: &[PathBuf]) -> Result<Listing, u8> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("journeys")]
    } else {
        paths.to_vec()
    };
    journey_files(&paths).map_err(|(path, e)| {
        output::error(&format!("{}: {e}", path.display()));
        USAGE
    })
}

/// Says on stderr which folder entries were skipped and why.
pub fn warn_skipped(listing: &Listing) {
    for skipped in &listing.skipped {
        output::error(&format!("warning: {}: {skipped}", skipped.path.display()));
    }
}

/// Takes the lock of the journey at `path` and loads it for a scripted
/// edit; on failure says why (with FILE:LINE:COL for a file with errors)
/// and gives the exit code (`invalid` for a file with errors).
pub fn open_for_edit(path: &Path, invalid: u8, verb: &str) -> Result<(JourneyLock, Loaded), u8> {
    let name = path.display().to_string();
    let target = std::fs::canonicalize(path).map_err(|e| {
        output::error(&format!("{name}: {e}"));
        USAGE
    })?;
    // A workbench's save holds the lock for milliseconds: wait that out.
    let patience = std::time::Duration::from_secs(2);
    let lock = JourneyLock::acquire_within(&target, patience).map_err(|e| {
        output::error(&e.to_string());
        USAGE
    })?;
    match load(path) {
        Ok(loaded) => Ok((lock, loaded)),
        Err(StoreError::Invalid(file)) => {
            for f in locate(&name, &file.text, &file.source_map, &file.findings) {
                eprintln!("{}", f.render());
            }
            output::error(&format!("{name}: fix the errors above before {verb}"));
            Err(invalid)
        }
        Err(e) => {
            output::error(&e.to_string());
            Err(USAGE)
        }
    }
}
