//! Editing from the keyboard: workshop score capture, undo and redo, and
//! the question asked when quitting with unsaved changes.

use super::{Effect, record};
use crate::model::Score;
use crate::tui::action::Action;
use crate::tui::history::Edit;
use crate::tui::state::{AppState, Mode, View};

/// `x`: start capture on the selected touchpoint.
pub fn start(state: &mut AppState) -> Effect {
    if let Some(why) = state.read_only() {
        state.status = Some(why);
        return Effect::Redraw;
    }
    let target = match state.view {
        View::Corridor | View::Gaps => state.detail_touchpoint(),
        _ => None,
    };
    match target {
        Some(index) => {
            state.mode = Mode::Capture {
                index,
                actual: false,
            };
            state.status = None;
        }
        None => {
            state.status = Some("select a touchpoint in the Corridor or Gaps view first".into());
        }
    }
    Effect::Redraw
}

/// The order capture walks: the Gaps rows as they were when `x` was
/// pressed (they are not re-sorted until capture ends), else the corridor.
fn order(state: &AppState) -> &[usize] {
    match (state.view, state.opened()) {
        (View::Gaps, _) => &state.gap_rows,
        (_, Some(opened)) => &opened.derived.corridor,
        (_, None) => &[],
    }
}

/// The touchpoint `step` places away from `index` in capture order.
fn neighbour(state: &AppState, index: usize, step: isize) -> Option<usize> {
    let order = order(state);
    let at = order.iter().position(|&i| i == index)? as isize + step;
    usize::try_from(at)
        .ok()
        .and_then(|at| order.get(at).copied())
}

/// Ends capture on touchpoint `index`: the Gaps rows take the new scores
/// into their ranking and the selection stays on that touchpoint.
pub fn finish(state: &mut AppState, index: usize) {
    state.mode = Mode::Browse;
    state.refresh_gap_rows();
    state.select_touchpoint(index);
    let page = super::navigate::page(state);
    state.gaps.scroll_into_view(page);
}

/// A digit sets the score; Backspace steps back; `s` saves; Esc stops.
pub fn step(state: &mut AppState, index: usize, actual: bool, action: Action) -> Effect {
    match action {
        Action::Input(c) => {
            let Some(score) = c.to_digit(10).and_then(|d| Score::new(i64::from(d)).ok()) else {
                state.status = Some("type a score from 1 to 5 (s saves, Esc stops)".into());
                return Effect::Redraw;
            };
            set_score(state, index, actual, score);
            state.status = None;
            if !actual {
                state.mode = Mode::Capture {
                    index,
                    actual: true,
                };
            } else if let Some(next) = neighbour(state, index, 1) {
                state.mode = Mode::Capture {
                    index: next,
                    actual: false,
                };
                state.select_touchpoint(next);
            } else {
                finish(state, index);
                state.status = Some(
                    if state.view == View::Gaps {
                        "captured to the end of the list"
                    } else {
                        "captured to the end of the corridor"
                    }
                    .into(),
                );
            }
        }
        Action::Erase => {
            if actual {
                state.mode = Mode::Capture {
                    index,
                    actual: false,
                };
            } else if let Some(previous) = neighbour(state, index, -1) {
                state.mode = Mode::Capture {
                    index: previous,
                    actual: true,
                };
                state.select_touchpoint(previous);
            }
        }
        Action::Save => {
            finish(state, index);
            return Effect::Save;
        }
        Action::Back => finish(state, index),
        _ => return Effect::None,
    }
    Effect::Redraw
}

/// Records a score. Unlike other edits it leaves the Gaps rows in the
/// order capture follows, so the row being scored never jumps away.
fn set_score(state: &mut AppState, index: usize, actual: bool, score: Score) {
    let Some(before) = state
        .opened()
        .and_then(|o| o.journey.touchpoints.get(index))
        .cloned()
    else {
        return;
    };
    let mut after = before.clone();
    if actual {
        after.actual = Some(score);
    } else {
        after.expected = Some(score);
    }
    if after == before {
        return;
    }
    let edit = Edit::Touchpoint {
        index,
        before: Box::new(before),
        after: Box::new(after),
    };
    if let Some(opened) = state.opened_mut() {
        opened.apply(&edit, false);
        opened.history.record(edit);
    }
}

/// `u` and `Ctrl-r`.
pub fn undo(state: &mut AppState, redo: bool) -> Effect {
    let Some(opened) = state.opened_mut() else {
        return Effect::None;
    };
    let edit = if redo {
        opened.history.redo().cloned()
    } else {
        opened.history.undo().cloned()
    };
    let Some(edit) = edit else {
        state.status = Some(
            if redo {
                "nothing to redo"
            } else {
                "nothing to undo"
            }
            .into(),
        );
        return Effect::Redraw;
    };
    opened.apply(&edit, !redo);
    state.refresh_gap_rows();
    if let Some(index) = edit.focus(!redo) {
        state.select_touchpoint(index);
    }
    state.clamp_selection();
    state.status = Some(if redo { "redone" } else { "undone" }.into());
    Effect::Redraw
}

/// A recovery journal was found: `r` takes its edits as unsaved changes
/// (the file is not written), `d` deletes it, `v` shows the differences,
/// Esc decides later.
pub fn recover(state: &mut AppState, show: bool, action: Action) -> Effect {
    match action {
        Action::Input('r') => {
            let Some((recovered, _)) = state.recovery.take() else {
                state.mode = Mode::Browse;
                return Effect::Redraw;
            };
            let Some(before) = state.opened().map(|o| Box::new(o.journey.clone())) else {
                return Effect::None;
            };
            record(
                state,
                Edit::Journey {
                    before,
                    after: recovered,
                },
            );
            state.mode = Mode::Browse;
            state.status = Some("recovered unsaved edits: s saves them, u undoes".into());
            // Now journaled as this workbench's own edits.
            Effect::DiscardRecovery
        }
        Action::Input('d') => {
            state.recovery = None;
            state.mode = Mode::Browse;
            state.status = Some("recovery discarded".into());
            Effect::DiscardRecovery
        }
        Action::Input('v') | Action::Open => {
            state.mode = Mode::Recover { show: !show };
            Effect::Redraw
        }
        Action::Back => {
            state.recovery = None;
            state.mode = Mode::Browse;
            state.status = Some("recovery kept for next time".into());
            Effect::Redraw
        }
        _ => Effect::None,
    }
}

/// Unsaved changes at quit: `s` saves and quits, `d` discards (and its
/// recovery journal), Esc stays. Ctrl-c again quits keeping the journal,
/// so the edits are offered back next time.
pub fn confirm_quit(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::Input('s') => Effect::SaveAndQuit,
        Action::Input('d') => {
            state.quit = true;
            Effect::DiscardAndQuit
        }
        Action::Quit => {
            state.quit = true;
            Effect::Quit
        }
        Action::Back => {
            state.mode = Mode::Browse;
            Effect::Redraw
        }
        _ => Effect::None,
    }
}

#[cfg(test)]
#[path = "capture_tests.rs"]
mod tests;
