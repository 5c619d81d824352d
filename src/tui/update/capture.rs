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

/// The touchpoint `step` places away from `index` in corridor order.
fn neighbour(state: &AppState, index: usize, step: isize) -> Option<usize> {
    let corridor = &state.opened()?.derived.corridor;
    let at = corridor.iter().position(|&i| i == index)? as isize + step;
    usize::try_from(at)
        .ok()
        .and_then(|at| corridor.get(at).copied())
}

/// A digit sets the score; Backspace steps back; Esc stops.
pub fn step(state: &mut AppState, index: usize, actual: bool, action: Action) -> Effect {
    match action {
        Action::Input(c) => {
            let Some(score) = c.to_digit(10).and_then(|d| Score::new(i64::from(d)).ok()) else {
                state.status = Some("type a score from 1 to 5 (Esc stops)".into());
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
                state.mode = Mode::Browse;
                state.status = Some("captured to the end of the corridor".into());
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
        Action::Back => state.mode = Mode::Browse,
        _ => return Effect::None,
    }
    Effect::Redraw
}

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
    record(
        state,
        Edit::Touchpoint {
            index,
            before: Box::new(before),
            after: Box::new(after),
        },
    );
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

/// Unsaved changes at quit: `s` saves and quits, `d` discards, Esc stays.
pub fn confirm_quit(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::Input('s') => Effect::SaveAndQuit,
        Action::Input('d') | Action::Quit => {
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
mod tests {
    use super::*;
    use crate::tui::update::{test_support, update};

    /// The courier journey in a temporary folder that lives as long as the test.
    fn courier() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = test_support::courier(dir.path());
        (dir, state)
    }

    fn scores(state: &AppState, index: usize) -> (Option<u8>, Option<u8>) {
        let t = &state.opened().expect("open").journey.touchpoints[index];
        (t.expected.map(Score::get), t.actual.map(Score::get))
    }

    #[test]
    fn two_digits_per_touchpoint_then_the_next_in_corridor_order() {
        let (_dir, mut state) = courier();
        let corridor = state.opened().expect("open").derived.corridor.clone();
        assert_eq!(state.corridor_selection(), Some(corridor[0]));
        update(&mut state, Action::Capture);
        for c in ['5', '1', '3', '4'] {
            assert_eq!(update(&mut state, Action::Input(c)), Effect::Redraw);
        }
        assert_eq!(scores(&state, corridor[0]), (Some(5), Some(1)));
        assert_eq!(scores(&state, corridor[1]), (Some(3), Some(4)));
        assert_eq!(state.corridor_selection(), Some(corridor[2]));
        assert_eq!(
            state.mode,
            Mode::Capture {
                index: corridor[2],
                actual: false
            }
        );
        assert!(state.is_dirty());
        // Backspace steps back to the previous touchpoint's actual score.
        update(&mut state, Action::Erase);
        assert_eq!(
            state.mode,
            Mode::Capture {
                index: corridor[1],
                actual: true
            }
        );
        assert_eq!(update(&mut state, Action::Input('9')), Effect::Redraw);
        assert_eq!(
            scores(&state, corridor[1]),
            (Some(3), Some(4)),
            "9 is refused"
        );
        update(&mut state, Action::Back);
        assert_eq!(state.mode, Mode::Browse);
    }

    #[test]
    fn undo_and_redo_every_capture() {
        let (_dir, mut state) = courier();
        let first = state.corridor_selection().expect("selection");
        let original = scores(&state, first);
        update(&mut state, Action::Capture);
        update(&mut state, Action::Input('5'));
        update(&mut state, Action::Input('1'));
        update(&mut state, Action::Back);
        assert_eq!(scores(&state, first), (Some(5), Some(1)));
        update(&mut state, Action::Undo);
        assert_eq!(scores(&state, first), (Some(5), original.1));
        update(&mut state, Action::Undo);
        assert_eq!(scores(&state, first), original);
        assert!(!state.is_dirty(), "back where the file is");
        update(&mut state, Action::Redo);
        update(&mut state, Action::Redo);
        assert_eq!(scores(&state, first), (Some(5), Some(1)));
        assert_eq!(update(&mut state, Action::Redo), Effect::Redraw);
        assert_eq!(state.status.as_deref(), Some("nothing to redo"));
    }

    #[test]
    fn quit_with_unsaved_edits_asks_and_read_only_refuses() {
        let (_dir, mut state) = courier();
        update(&mut state, Action::Capture);
        update(&mut state, Action::Input('5'));
        update(&mut state, Action::Back);
        assert_eq!(update(&mut state, Action::Quit), Effect::Redraw);
        assert_eq!(state.mode, Mode::ConfirmQuit);
        assert_eq!(update(&mut state, Action::Back), Effect::Redraw);
        assert_eq!(state.mode, Mode::Browse);
        update(&mut state, Action::Quit);
        assert_eq!(update(&mut state, Action::Input('s')), Effect::SaveAndQuit);
        update(&mut state, Action::Back);
        assert_eq!(
            update(&mut state, Action::Reload),
            Effect::Redraw,
            "no reload over edits"
        );
        let (_other, mut read_only) = courier();
        read_only.options.read_only = true;
        update(&mut read_only, Action::Capture);
        assert_eq!(read_only.mode, Mode::Browse);
        assert_ne!(update(&mut read_only, Action::Save), Effect::Save);
        assert!(
            read_only
                .status
                .as_deref()
                .is_some_and(|s| s.starts_with("read-only"))
        );
    }
}
