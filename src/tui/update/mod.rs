//! Applying actions to the state. No I/O and no drawing here: what needs the
//! outside world comes back as an `Effect` for `effects` to carry out.

pub mod blueprint;
mod capture;
pub mod clash;
mod compare;
pub mod edit;
pub mod entries;
pub mod form;
mod modes;
mod moves;
mod navigate;

use super::action::Action;
use super::history::Edit;
use super::state::{AppState, Mode, View};

/// What the loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed: do not redraw.
    None,
    /// The state changed: draw a frame.
    Redraw,
    /// Read the journeys from disk again.
    Reload,
    /// A journey was opened: check its lock file, offer recovery.
    Opened,
    /// Delete the recovery journal that was offered.
    DiscardRecovery,
    /// Read the journeys again, dropping unsaved edits.
    ForceReload,
    /// Write the open journey as a new file beside the original.
    SaveCopy,
    /// Save the open journey.
    Save,
    /// Save the open journey, then leave if that worked.
    SaveAndQuit,
    /// Leave the workbench.
    Quit,
    /// Leave the workbench dropping the unsaved edits: their recovery
    /// journal goes too, so the next open does not offer them back.
    DiscardAndQuit,
    /// Read the open journey's history from git (the Trend view).
    LoadHistory,
}

/// Rows of the terminal not available to lists: title, tab bar, table
/// header, status and hint bars.
pub const CHROME_ROWS: u16 = 5;

/// Applies one action.
pub fn update(state: &mut AppState, action: Action) -> Effect {
    if let Action::Resize(w, h) = action {
        state.size = (w, h);
        return Effect::Redraw;
    }
    if action == Action::Quit && state.mode != Mode::ConfirmQuit {
        if let Mode::Capture { index, .. } = state.mode {
            capture::finish(state, index);
        }
        if state.is_dirty() {
            state.mode = Mode::ConfirmQuit;
            return Effect::Redraw;
        }
        state.quit = true;
        return Effect::Quit;
    }
    let before = state.fingerprint();
    let effect = match state.mode.clone() {
        Mode::Browse => browse(state, action),
        Mode::Search => modes::search(state, action),
        Mode::Filter { row } => modes::filter(state, row, action),
        Mode::Help => modes::help(state, action),
        Mode::Detail => modes::detail(state, action),
        Mode::Capture { index, actual } => capture::step(state, index, actual, action),
        Mode::ConfirmQuit => capture::confirm_quit(state, action),
        Mode::Recover { show } => capture::recover(state, show, action),
        Mode::Conflict => match action {
            Action::Input('r') => {
                state.mode = Mode::Browse;
                Effect::ForceReload
            }
            Action::Input('c') => {
                state.mode = Mode::Browse;
                Effect::SaveCopy
            }
            Action::Back => {
                state.mode = Mode::Browse;
                Effect::Redraw
            }
            _ => Effect::None,
        },
        Mode::Clash => clash::settle(state, action),
        Mode::ConfirmDelete { index } => edit::confirm_delete(state, index, action),
        Mode::Pick { row } => entries::picker(state, row, action),
        Mode::Form(form) => form::step(state, form, action),
        Mode::Persona => match action {
            Action::Back => {
                state.mode = Mode::Browse;
                Effect::Redraw
            }
            _ => Effect::None,
        },
        Mode::Compare { first, second, row } => {
            compare::screen(state, (first, second, row), action)
        }
    };
    match effect {
        Effect::Redraw if state.fingerprint() == before => Effect::None,
        other => other,
    }
}

fn browse(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::Show(view) => show(state, view),
        Action::NextJourney => navigate::switch_journey(state, 1),
        Action::PreviousJourney => navigate::switch_journey(state, -1),
        Action::NextView => show(state, state.view.cycle(1)),
        Action::PrevView => show(state, state.view.cycle(-1)),
        Action::Help => {
            state.mode = Mode::Help;
            state.help_scroll = 0;
            Effect::Redraw
        }
        Action::Search => {
            state.mode = Mode::Search;
            state.status = None;
            Effect::Redraw
        }
        Action::Filter => {
            if state.view != View::Gaps {
                state.view = View::Gaps;
            }
            state.mode = Mode::Filter { row: 0 };
            Effect::Redraw
        }
        Action::Reload if state.is_dirty() => {
            state.status = Some("unsaved changes: save (s) or undo (u) before reloading".into());
            Effect::Redraw
        }
        Action::Reload => Effect::Reload,
        Action::Capture => capture::start(state),
        Action::Undo => capture::undo(state, false),
        Action::Redo => capture::undo(state, true),
        Action::Save if state.read_only().is_some() => {
            state.status = state.read_only();
            Effect::Redraw
        }
        Action::Save => Effect::Save,
        Action::Persona => compare::persona(state),
        Action::Mark => compare::mark(state),
        Action::Compare => compare::compare(state),
        Action::Edit | Action::Add | Action::Delete | Action::MoveLater | Action::MoveEarlier
            if state.view == View::Blueprint =>
        {
            match action {
                Action::Edit => blueprint::edit(state),
                Action::Add => blueprint::add(state),
                Action::Delete => blueprint::delete(state),
                _ => blueprint::move_step(state, action == Action::MoveLater),
            }
        }
        Action::Edit => edit::open_form(state),
        Action::EditOther => entries::open_picker(state),
        Action::Add => edit::add(state),
        Action::AddAction => edit::add_action(state),
        Action::CycleStatus => edit::cycle_status(state),
        Action::Delete => edit::ask_delete(state),
        Action::MoveLater => moves::move_touchpoint(state, true),
        Action::MoveEarlier => moves::move_touchpoint(state, false),
        Action::MoveToNextStage => moves::move_to_stage(state, true),
        Action::MoveToPreviousStage => moves::move_to_stage(state, false),
        Action::Back => {
            if !state.search.is_empty() || !state.filter.is_empty() {
                state.search.clear();
                state.filter = Default::default();
                state.refresh_gap_rows();
            }
            state.status = None;
            Effect::Redraw
        }
        Action::Open => navigate::open(state),
        other => navigate::step(state, &other),
    }
}

/// Applies an edit to the open journey and records it for undo, then keeps
/// the Gaps rows and the selection in step (on the touchpoint it changed).
fn record(state: &mut AppState, edit: Edit) {
    let focus = edit.focus(false);
    if let Some(opened) = state.opened_mut() {
        opened.apply(&edit, false);
        opened.history.record(edit);
    }
    state.refresh_gap_rows();
    if let Some(index) = focus {
        state.select_touchpoint(index);
    }
    state.clamp_selection();
}

fn show(state: &mut AppState, view: View) -> Effect {
    if view == View::Blueprint && state.view != View::Blueprint {
        // The Blueprint opens on the touchpoint selected elsewhere.
        let position = state.detail_touchpoint().and_then(|i| {
            let opened = state.opened()?;
            opened.derived.corridor.iter().position(|&c| c == i)
        });
        if let Some(position) = position {
            state.blueprint.position = position;
            state.blueprint.row = 0;
        }
    }
    state.view = view;
    let unread = state
        .current
        .and_then(|i| state.entries.get(i))
        .is_some_and(|e| !state.trend.is_for(&e.path));
    if view == View::Trend && unread {
        return Effect::LoadHistory;
    }
    Effect::Redraw
}

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod trend_tests;
