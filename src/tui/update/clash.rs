//! The question asked when a save met another corridor's save that changed
//! the same fields: keep mine or take theirs. Either way nothing is lost:
//! the losing values are one undo away. Also how the open journey takes on
//! a version merged with other workbenches' changes (after a save or
//! another corridor's save), keeping the selection on the same touchpoint.

use super::{Effect, record};
use crate::model::{Id, Journey};
use crate::store::JourneyFile;
use crate::tui::action::Action;
use crate::tui::derived::Derived;
use crate::tui::history::Edit;
use crate::tui::state::{AppState, Mode};

/// `m` keeps mine, `t` takes theirs, then the journey is saved; Esc saves
/// nothing.
pub fn settle(state: &mut AppState, action: Action) -> Effect {
    let keep_mine = match action {
        Action::KeepMine => true,
        Action::TakeTheirs => false,
        Action::Back => {
            state.clash = None;
            state.mode = Mode::Browse;
            state.status = Some("not saved: s asks again".into());
            return Effect::Redraw;
        }
        _ => return Effect::None,
    };
    state.mode = Mode::Browse;
    let Some(clash) = state.clash.take() else {
        return Effect::Redraw;
    };
    let clash = *clash;
    let (chosen, losing) = if keep_mine {
        (clash.mine, clash.theirs)
    } else {
        (clash.theirs, clash.mine)
    };
    adopt(state, clash.file, losing.clone());
    record(
        state,
        Edit::Journey {
            before: Box::new(losing),
            after: Box::new(chosen),
        },
    );
    Effect::Save
}

/// Makes `journey`, whose entries belong to `file`'s tables, the open
/// journey (history kept): the selection, a capture or a delete question
/// stay on the same touchpoint wherever it now is.
pub fn adopt(state: &mut AppState, file: JourneyFile, journey: Journey) {
    let id_at = |state: &AppState, index: usize| -> Option<Id> {
        Some(state.opened()?.journey.touchpoints.get(index)?.id.clone())
    };
    let selected = state.corridor_selection().and_then(|i| id_at(state, i));
    let in_mode = match state.mode {
        Mode::Capture { index, .. } | Mode::ConfirmDelete { index } => id_at(state, index),
        _ => None,
    };
    let Some(opened) = state.opened_mut() else {
        return;
    };
    opened.derived = Derived::of(&journey);
    opened.journey = journey;
    opened.file = Some(file);
    opened.stale = false;
    let index_of = |state: &AppState, id: &Id| {
        state
            .opened()?
            .journey
            .touchpoints
            .iter()
            .position(|t| &t.id == id)
    };
    if let Some(id) = in_mode {
        match (index_of(state, &id), &mut state.mode) {
            (Some(at), Mode::Capture { index, .. } | Mode::ConfirmDelete { index }) => *index = at,
            _ => state.mode = Mode::Browse,
        }
    }
    state.refresh_gap_rows();
    if let Some(at) = selected.and_then(|id| index_of(state, &id)) {
        state.select_touchpoint(at);
    }
    state.clamp_selection();
}
