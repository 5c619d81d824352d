//! Editing one journey together with other workbenches. A save holds the
//! journey's write lock only while it reads, merges and writes. When another
//! corridor saved meanwhile, the save merges three-way (the journey as this
//! workbench last read it, the file as it is now, and these edits) and asks
//! only when both changed the same field. Another corridor's save, seen by
//! the folder watcher, is merged into the open journey at once: unsaved
//! edits stay unsaved, and undo still undoes only this workbench's edits.

use std::time::Duration;

use super::super::state::{AppState, Clash, Mode};
use super::super::update::clash::adopt;
use crate::analysis::merge::{Clash as What, Conflict, Merge, Options, Side, merge};
use crate::model::Journey;
use crate::store::{JourneyLock, Loaded, StoreError, load};
use crate::text::inert;

/// How long a save waits for another workbench's save to finish.
const PATIENCE: Duration = Duration::from_secs(3);

/// Merges the file on disk (`disk`, the layout kept) with these edits
/// (`mine`), both from `base`; conflicts settled toward `prefer`.
fn merged(base: &Journey, disk: &Journey, mine: &Journey, prefer: Side) -> Merge {
    merge(
        base,
        disk,
        mine,
        Options {
            prefer,
            keep_changed: false,
        },
    )
}

/// A clash as this workbench's user sees it: mine against theirs.
fn line(conflict: &Conflict) -> String {
    let subject = conflict.subject();
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
    inert(&match &conflict.clash {
        // The merge ran with the file on disk as OURS and these edits as
        // THEIRS.
        What::Field {
            field,
            ours,
            theirs,
            ..
        } => format!(
            "{subject}: {field}: mine {}, theirs {}",
            show(theirs),
            show(ours)
        ),
        What::Removed { by: Side::Ours, .. } => {
            format!("{subject}: they removed it, you changed it")
        }
        What::Removed { .. } => format!("{subject}: you removed it, they changed it"),
    })
}

/// Saves the open journey under the journey's write lock, merging another
/// corridor's save made meanwhile. True when the file now holds it.
pub fn save(state: &mut AppState) -> bool {
    let name = state.current_name().unwrap_or_default().to_owned();
    let Some(target) = state
        .opened()
        .and_then(|o| o.file.as_ref())
        .map(|f| f.target().to_path_buf())
    else {
        return false;
    };
    let lock = match JourneyLock::acquire_within(&target, PATIENCE) {
        Ok(lock) => lock,
        Err(e) => {
            state.status = Some(inert(&format!("not saved: {e}")));
            return false;
        }
    };
    let saved = save_locked(state, &name);
    drop(lock);
    saved
}

fn save_locked(state: &mut AppState, name: &str) -> bool {
    let Some(opened) = state.opened_mut() else {
        return false;
    };
    let Some(file) = opened.file.as_mut() else {
        return false;
    };
    let message = match file.check_unchanged() {
        Ok(()) => match file.save(&opened.journey) {
            Ok(saved) => {
                opened.journey = saved;
                opened.history.mark_saved();
                opened.stale = false;
                format!("saved {name}")
            }
            Err(e) => format!("not saved: {e}"),
        },
        Err(StoreError::Conflict { .. }) => return save_merged(state, name),
        Err(StoreError::Deleted { .. }) => {
            // Someone removed the file: never recreate it unasked.
            state.mode = Mode::Conflict;
            state.status = None;
            return false;
        }
        Err(e) => format!("not saved: {e}"),
    };
    let saved = message.starts_with("saved");
    state.status = Some(inert(&message));
    saved
}

/// The file changed since it was read: merge and write, or ask.
fn save_merged(state: &mut AppState, name: &str) -> bool {
    let Some((disk, base, mine)) = read_disk(state) else {
        // Not a journey any more (or unreadable): reload, copy or cancel.
        state.mode = Mode::Conflict;
        state.status = None;
        return false;
    };
    let Loaded {
        file: mut disk_file,
        journey: disk_journey,
        ..
    } = disk;
    let mine_wins = merged(&base, &disk_journey, &mine, Side::Theirs);
    if !mine_wins.conflicts.is_empty() {
        let theirs_wins = merged(&base, &disk_journey, &mine, Side::Ours);
        state.clash = Some(Box::new(Clash {
            file: disk_file,
            lines: mine_wins.conflicts.iter().map(line).collect(),
            mine: mine_wins.journey,
            theirs: theirs_wins.journey,
        }));
        state.mode = Mode::Clash;
        state.status = None;
        return false;
    }
    match disk_file.save(&mine_wins.journey) {
        Ok(saved) => {
            adopt(state, disk_file, saved);
            if let Some(opened) = state.opened_mut() {
                opened.history.mark_saved();
            }
            state.status = Some(inert(&format!(
                "saved {name}, merged with another corridor's changes"
            )));
            true
        }
        Err(e) => {
            state.status = Some(inert(&format!("not saved: {e}")));
            false
        }
    }
}

/// The file as it is on disk now, the journey as this workbench last read
/// it, and these edits.
fn read_disk(state: &AppState) -> Option<(Loaded, Journey, Journey)> {
    let opened = state.opened()?;
    let file = opened.file.as_ref()?;
    let disk = load(file.path()).ok()?;
    Some((disk, file.baseline().clone(), opened.journey.clone()))
}

/// Something in the folder changed. When it is the open journey's file,
/// its new content is merged in at once: unsaved edits are kept (and stay
/// unsaved), undo keeps working. When the edits clash with it, nothing is
/// merged and saving will ask. True when something changed on screen.
pub fn disk_changed(state: &mut AppState) -> bool {
    let changed = state
        .opened()
        .and_then(|o| o.file.as_ref())
        .is_some_and(|f| f.check_unchanged().is_err());
    if !changed {
        return false;
    }
    let name = state.current_name().unwrap_or_default().to_owned();
    let dirty = state.is_dirty();
    let Some((disk, base, mine)) = read_disk(state) else {
        // Removed, or not a journey any more: keep what is open.
        let Some(opened) = state.opened_mut() else {
            return false;
        };
        if std::mem::replace(&mut opened.stale, true) {
            return false;
        }
        state.status = Some(inert(&format!(
            "{name} changed on disk and cannot be read as a journey; what is open is kept"
        )));
        return true;
    };
    if !dirty {
        adopt(state, disk.file, disk.journey);
        if let Some(opened) = state.opened_mut() {
            opened.history.mark_saved();
        }
        state.status = Some(inert(&format!("{name} changed on disk: reloaded")));
        return true;
    }
    let rebased = merged(&base, &disk.journey, &mine, Side::Theirs);
    if rebased.conflicts.is_empty() {
        adopt(state, disk.file, rebased.journey);
        state.status = Some(inert(&format!(
            "{name} was saved elsewhere: merged in, your edits are still unsaved"
        )));
        return true;
    }
    let Some(opened) = state.opened_mut() else {
        return false;
    };
    if std::mem::replace(&mut opened.stale, true) {
        return false;
    }
    state.status = Some(inert(&format!(
        "{name} was saved elsewhere with changes to what you edited; s asks what to keep"
    )));
    true
}

#[cfg(test)]
#[path = "effects_coedit_tests.rs"]
mod tests;
