//! The only place the workbench touches the disk: reading the folder's
//! journeys and reloading them, saving (with other workbenches: see
//! `coedit`) and the recovery journal.

#[path = "effects_coedit.rs"]
mod coedit;

use std::path::{Path, PathBuf};

use super::state::{AppState, Entry, Opened};
use super::state::{Mode, View};
use super::trend::Trend;
use crate::analysis::merge::{Options, Side, merge};
use crate::model::Severity;
use crate::store::{
    JourneyLock, LineIndex, RecoveryStore, StoreError, differences, journey_files, load, rebase,
};
use crate::text::inert;

pub use coedit::disk_changed;

/// The journeys under `path` (a folder, or one file), each loaded or with
/// its first error as `FILE:LINE:COL: message`.
pub fn read_entries(path: &Path) -> Result<(PathBuf, Vec<Entry>), String> {
    let listing = journey_files(std::slice::from_ref(&path.to_path_buf()))
        .map_err(|(p, e)| format!("{}: {e}", p.display()))?;
    let folder = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let shown = |file: &Path| {
        file.strip_prefix(&folder)
            .map_or_else(|_| file.display().to_string(), |p| p.display().to_string())
    };
    let mut entries: Vec<Entry> = listing
        .files
        .iter()
        .map(|file| read_entry(file, shown(file)))
        .collect();
    // A FIFO, device or oversized file is listed with why it was not read.
    entries.extend(listing.skipped.iter().map(|skipped| {
        let name = shown(&skipped.path);
        Entry {
            path: skipped.path.clone(),
            content: Err(inert(&format!("{name}: {skipped}"))),
            name,
        }
    }));
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((folder, entries))
}

fn read_entry(file: &Path, name: String) -> Entry {
    let content = match load(file) {
        Ok(loaded) => Ok(Opened::new(loaded.journey, Some(loaded.file))),
        Err(StoreError::Invalid(invalid)) => {
            let index = LineIndex::new(&invalid.text);
            let first = invalid
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| {
                    let (line, col) = invalid
                        .source_map
                        .span(&f.locus)
                        .map_or((1, 1), |s| index.line_col(s.start));
                    (line, col, f.message.clone())
                })
                .min_by_key(|(line, col, _)| (*line, *col));
            Err(match first {
                Some((line, col, message)) => inert(&format!("{name}:{line}:{col}: {message}")),
                None => inert(&format!("{name}: not a valid journey")),
            })
        }
        Err(e) => Err(inert(&e.to_string())),
    };
    Entry {
        path: file.to_path_buf(),
        name,
        content,
    }
}

/// Saves the open journey through the store (only edited lines change),
/// merging what another corridor saved meanwhile. Says what happened in
/// the status line; true when the file now holds the journey.
pub fn save(state: &mut AppState) -> bool {
    if let Some(why) = state.read_only() {
        state.status = Some(why);
        return false;
    }
    let name = state.current_name().unwrap_or_default().to_owned();
    let Some(opened) = state.opened() else {
        return false;
    };
    if !opened.history.is_dirty() {
        state.status = Some(format!("{name}: no changes to save"));
        return true;
    }
    coedit::save(state)
}

/// Writes the open journey's edits as a new file beside the original
/// (`NAME.mine.toml`, numbered if taken), leaving the original alone.
pub fn save_copy(state: &mut AppState) {
    let Some(opened) = state.opened() else {
        return;
    };
    let Some(file) = opened.file.as_ref() else {
        return;
    };
    let target = file.target();
    let stem = target
        .file_stem()
        .map_or("journey".into(), |s| s.to_string_lossy().into_owned());
    let text = match file.render(&opened.journey) {
        Ok(text) => text,
        Err(e) => {
            state.status = Some(inert(&format!("copy not written: {e}")));
            return;
        }
    };
    let mut message = String::from("copy not written: every name is taken");
    for n in 1..100 {
        let name = if n == 1 {
            format!("{stem}.mine.toml")
        } else {
            format!("{stem}.mine-{n}.toml")
        };
        let path = target.with_file_name(&name);
        match crate::store::create_new(&path, text.as_bytes()) {
            Ok(()) => {
                message =
                    format!("your edits are saved as {name}; the journey on disk is unchanged");
                break;
            }
            Err(StoreError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                message = format!("copy not written: {e}");
                break;
            }
        }
    }
    state.status = Some(inert(&message));
}

/// Keeps the recovery journal in step with the open journey: the text a
/// save would write while there are unsaved edits, nothing once there are
/// none. Run after every edit, so a crash, a kill or a dropped link loses
/// nothing.
pub fn journal(state: &mut AppState) {
    let Some(opened) = state.opened() else {
        return;
    };
    let Some(file) = opened.file.as_ref() else {
        return;
    };
    let Ok(store) = RecoveryStore::new() else {
        return;
    };
    let base = xxhash_rust::xxh3::xxh3_64(file.text().as_bytes());
    let dirty = opened.history.is_dirty();
    let target = file.target().to_path_buf();
    let result = if dirty {
        // The text the edits were made on, kept beside them, so that
        // recovering merges them into whatever the file holds by then.
        let kept = if opened.journaled_base == Some(base) {
            Ok(())
        } else {
            store
                .save_base(&target, file.text())
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        kept.and_then(|()| file.render(&opened.journey).map_err(|e| e.to_string()))
            .and_then(|text| store.save(&target, &text).map_err(|e| e.to_string()))
            .map(|_| ())
    } else {
        store.discard(&target).map_err(|e| e.to_string())
    };
    if let Some(opened) = state.opened_mut() {
        opened.journaled_base = (dirty && result.is_ok()).then_some(base);
    }
    if let Err(why) = result {
        state.status = Some(inert(&format!("recovery journal not written: {why}")));
    }
}

/// When the open journey has a recovery journal that would change it (one
/// kept with the text its edits were made on, or else one newer than the
/// file), asks what to do with it.
pub fn offer_recovery(state: &mut AppState) {
    let Some(opened) = state.opened() else {
        return;
    };
    let (Some(file), Ok(store)) = (opened.file.as_ref(), RecoveryStore::new()) else {
        return;
    };
    match store.load(file.target()) {
        // Kept with the text it was made on, a journal merges into the file
        // whenever it was written; without, only a newer one is offered.
        Ok(Some(found)) if found.base.is_some() || found.is_newer_than_journey(file.target()) => {
            let disk = file.baseline();
            // Edits kept with the text they were made on merge into the
            // journey as it is now: whatever was saved since stays.
            let recovered = match &found.base {
                Some(base) => {
                    let options = Options {
                        prefer: Side::Theirs,
                        keep_changed: true,
                    };
                    merge(base, disk, &found.journey, options).journey
                }
                None => rebase(&found.journey, disk),
            };
            let lines = differences(&recovered, disk);
            if lines.is_empty() {
                let _ = store.discard_file(&found.path);
                return;
            }
            state.recovery = Some((Box::new(recovered), lines));
            state.recovery_file = Some(found.path);
            state.mode = Mode::Recover { show: false };
        }
        Ok(_) => {}
        Err(e) => state.status = Some(inert(&format!("{e} (d in a recovery prompt discards it)"))),
    }
}

/// Deletes the recovery journal that was offered (once recovered, its
/// edits are this workbench's own unsaved edits, journaled as such).
pub fn discard_recovery(state: &mut AppState) {
    let (Some(path), Ok(store)) = (state.recovery_file.take(), RecoveryStore::new()) else {
        return;
    };
    if let Err(e) = store.discard_file(&path) {
        state.status = Some(inert(&e.to_string()));
    }
}

/// Deletes this workbench's own journal of the open journey: its unsaved
/// edits were dropped on purpose (discard and quit), so the next open must
/// not offer them back.
pub fn discard_own_journal(state: &mut AppState) {
    let target = state
        .opened()
        .and_then(|o| o.file.as_ref())
        .map(|f| f.target().to_path_buf());
    let (Some(target), Ok(store)) = (target, RecoveryStore::new()) else {
        return;
    };
    if let Err(e) = store.discard(&target) {
        state.status = Some(inert(&e.to_string()));
    }
}

/// Once per opened journey: makes sure its lock file can be used (one that
/// cannot, say a planted symbolic link, makes it read-only, naming why) and
/// offers a recovery journal. No lock is held: other workbenches may edit
/// the same journey, and saves merge.
pub fn open_current(state: &mut AppState) {
    if state.options.read_only {
        return;
    }
    let Some(opened) = state.opened_mut() else {
        return;
    };
    if std::mem::replace(&mut opened.checked, true) {
        return;
    }
    let Some(target) = opened.file.as_ref().map(|f| f.target().to_path_buf()) else {
        return;
    };
    if let Err(e) = JourneyLock::check(&target) {
        let why = inert(&format!("read-only: {e}"));
        opened.locked_out = Some(why.clone());
        state.status = Some(why);
        return;
    }
    opened.locked_out = None;
    offer_recovery(state);
}

/// Reads every journey again, keeping the open one and the selections.
pub fn reload(state: &mut AppState) {
    let open_path = state
        .current
        .and_then(|i| state.entries.get(i))
        .map(|e| e.path.clone());
    match read_entries(&state.source.clone()) {
        Ok((_, entries)) => {
            state.entries = entries;
            state.current = open_path
                .and_then(|p| state.entries.iter().position(|e| e.path == p))
                .filter(|&i| state.entries[i].content.is_ok())
                .or_else(|| state.entries.iter().position(|e| e.content.is_ok()));
            state.journeys.step(0, state.entries.len());
            state.refresh_gap_rows();
            clamp_selections(state);
            state.status = Some(format!("reloaded {} journeys", state.entries.len()));
        }
        Err(e) => state.status = Some(e),
    }
    // Commits may have come with the reload (`git pull`).
    state.trend = Trend::Unread;
    if state.view == View::Trend {
        load_history(state);
    }
}

/// Reads the open journey's history for the Trend view: one `git log`
/// and one `git cat-file`, revisions parsed on all cores.
pub fn load_history(state: &mut AppState) {
    let Some(path) = state
        .current
        .and_then(|i| state.entries.get(i))
        .map(|e| e.path.clone())
    else {
        return;
    };
    state.trend = Trend::Reading { path: path.clone() };
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // The workbench may have moved on (or quit): nobody to tell then.
        let _ = sender.send(crate::tui::trend::read(path));
    });
    state.trend_pending = Some(receiver);
}

/// Takes the history read in the background, if it has arrived and is
/// still wanted (the view may have moved to another journey since). True
/// when the screen should be drawn again.
pub fn history_arrived(state: &mut AppState) -> bool {
    let Some(receiver) = &state.trend_pending else {
        return false;
    };
    let read = match receiver.try_recv() {
        Ok(read) => read,
        Err(std::sync::mpsc::TryRecvError::Empty) => return false,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => {
            state.trend_pending = None;
            return false;
        }
    };
    state.trend_pending = None;
    let wanted = match (&state.trend, &read) {
        (Trend::Reading { path }, read) => read.is_for(path),
        _ => false,
    };
    if wanted {
        state.trend = read;
    }
    wanted
}

fn clamp_selections(state: &mut AppState) {
    let Some(opened) = state.opened() else {
        return;
    };
    let stages = opened.derived.stage_members.len();
    let corridor = opened.derived.corridor.len();
    let owners = opened.derived.owners.len() + 1;
    let actions = opened.derived.action_rows.len();
    state.corridor.stage = state.corridor.stage.min(stages.saturating_sub(1));
    let cards = state
        .opened()
        .and_then(|o| o.derived.stage_members.get(state.corridor.stage))
        .map_or(0, Vec::len);
    state.corridor.card = state.corridor.card.min(cards.saturating_sub(1));
    state.curve = state.curve.min(corridor.saturating_sub(1));
    state.owners.step(0, owners);
    state.actions.step(0, actions);
}
