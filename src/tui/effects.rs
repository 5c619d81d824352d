//! The only place the workbench touches the disk: reading the folder's
//! journeys and reloading them.

use std::path::{Path, PathBuf};

use super::state::{AppState, Entry, Opened};
use super::state::{Mode, View};
use super::trend::Trend;
use crate::model::Severity;
use crate::store::{
    JourneyLock, LineIndex, LockError, RecoveryStore, StoreError, differences, journey_files, load,
    rebase,
};
use crate::text::inert;

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

/// Saves the open journey through the store (only edited lines change; a
/// file changed on disk since it was read is not overwritten). Says what
/// happened in the status line; true when the file now holds the journey.
pub fn save(state: &mut AppState) -> bool {
    if let Some(why) = state.read_only() {
        state.status = Some(why);
        return false;
    }
    let name = state.current_name().unwrap_or_default().to_owned();
    let Some(opened) = state.opened_mut() else {
        return false;
    };
    if !opened.history.is_dirty() {
        state.status = Some(format!("{name}: no changes to save"));
        return true;
    }
    let Some(file) = opened.file.as_mut() else {
        return false;
    };
    let message = match file.save(&opened.journey) {
        Ok(saved) => {
            opened.journey = saved;
            opened.history.mark_saved();
            format!("saved {name}")
        }
        Err(StoreError::Conflict { .. } | StoreError::Deleted { .. }) => {
            // Someone else changed the file: never overwrite, ask.
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

/// Something in the folder changed on disk. When the open journey's file
/// no longer holds what was loaded: reload it in place if nothing is
/// unsaved, else say so (saving will then offer the choices).
pub fn disk_changed(state: &mut AppState) -> bool {
    let changed = state
        .opened()
        .and_then(|o| o.file.as_ref())
        .is_some_and(|f| f.check_unchanged().is_err());
    if !changed {
        return false;
    }
    let name = state.current_name().unwrap_or_default().to_owned();
    if state.is_dirty() {
        let Some(opened) = state.opened_mut() else {
            return false;
        };
        if std::mem::replace(&mut opened.stale, true) {
            return false;
        }
        state.status = Some(inert(&format!(
            "{name} changed on disk; your unsaved edits are kept (s will ask what to do)"
        )));
    } else {
        reload(state);
        lock_current(state);
        state.status = Some(inert(&format!("{name} changed on disk: reloaded")));
    }
    true
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
    let result = if opened.history.is_dirty() {
        file.render(&opened.journey)
            .map_err(|e| e.to_string())
            .and_then(|text| store.save(file.target(), &text).map_err(|e| e.to_string()))
            .map(|_| ())
    } else {
        store.discard(file.target()).map_err(|e| e.to_string())
    };
    if let Err(why) = result {
        state.status = Some(inert(&format!("recovery journal not written: {why}")));
    }
}

/// When the open journey has a recovery journal newer than the file that
/// differs from it, asks what to do with it.
pub fn offer_recovery(state: &mut AppState) {
    let Some(opened) = state.opened() else {
        return;
    };
    let (Some(file), Ok(store)) = (opened.file.as_ref(), RecoveryStore::new()) else {
        return;
    };
    match store.load(file.target()) {
        Ok(Some(found)) if found.is_newer_than_journey(file.target()) => {
            let lines = differences(&found.journey, file.baseline());
            if lines.is_empty() {
                let _ = store.discard(file.target());
                return;
            }
            let rebased = rebase(&found.journey, file.baseline());
            state.recovery = Some((Box::new(rebased), lines));
            state.mode = Mode::Recover { show: false };
        }
        Ok(_) => {}
        Err(e) => state.status = Some(inert(&format!("{e} (d in a recovery prompt discards it)"))),
    }
}

/// Deletes the open journey's recovery journal.
pub fn discard_recovery(state: &mut AppState) {
    let target = state
        .opened()
        .and_then(|o| o.file.as_ref())
        .map(|f| f.target().to_path_buf());
    if let (Some(target), Ok(store)) = (target, RecoveryStore::new()) {
        state.status = Some(match store.discard(&target) {
            Ok(()) => "recovery discarded".into(),
            Err(e) => inert(&e.to_string()),
        });
    }
}

/// Takes the lock of the open journey and lets go of the others; a journey
/// another corridor holds opens read-only, naming the holder.
pub fn lock_current(state: &mut AppState) {
    if state.options.read_only {
        return;
    }
    let current = state.current;
    let mut offer = false;
    for (n, entry) in state.entries.iter_mut().enumerate() {
        let Ok(opened) = entry.content.as_mut() else {
            continue;
        };
        if Some(n) != current {
            opened.lock = None;
            continue;
        }
        if opened.lock.is_some() {
            continue;
        }
        let target = opened.file.as_ref().map(|f| f.target().to_path_buf());
        match target.map(|t| JourneyLock::acquire(&t)) {
            Some(Ok(lock)) => {
                opened.lock = Some(lock);
                opened.locked_out = None;
                offer = true;
            }
            Some(Err(e)) => {
                let why = match e {
                    LockError::Held { pid, .. } => format!(
                        "read-only: held by {} (another corridor has {} open)",
                        pid.map_or("an unknown process".to_owned(), |p| format!("pid {p}")),
                        entry.name
                    ),
                    other => format!("read-only: {other}"),
                };
                let why = inert(&why);
                opened.locked_out = Some(why.clone());
                state.status = Some(why);
            }
            None => {}
        }
    }
    if offer {
        offer_recovery(state);
    }
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
    if !crate::store::in_work_tree(&path) {
        state.trend = Trend::NotGit { path };
        return;
    }
    state.trend = match crate::store::file_history(&path, None) {
        Ok(log) => {
            let revisions = crate::store::revisions(&log);
            let history = revisions
                .first()
                .map(|(_, list)| crate::analysis::history::history(list))
                .unwrap_or_default();
            Trend::Read {
                path,
                history: Box::new(history),
            }
        }
        Err(e) => Trend::Failed {
            path,
            why: e.to_string(),
        },
    };
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
