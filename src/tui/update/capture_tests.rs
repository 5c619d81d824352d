//! Score capture, undo and redo, and quitting with unsaved edits.

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

fn id(state: &AppState, index: usize) -> String {
    state.opened().expect("open").journey.touchpoints[index]
        .id
        .to_string()
}

#[test]
fn in_the_gaps_view_capture_follows_the_ranking_of_when_it_started() {
    let (_dir, mut state) = courier();
    update(&mut state, Action::Show(View::Gaps));
    let ranking = state.gap_rows.clone();
    update(&mut state, Action::Capture);
    assert_eq!(
        state.mode,
        Mode::Capture {
            index: ranking[0],
            actual: false
        }
    );
    // The worst gap scored as met would rank lower: it stays put.
    for (digit, row) in [('3', 0), ('3', 1), ('5', 1), ('1', 2)] {
        update(&mut state, Action::Input(digit));
        assert_eq!(state.gap_rows, ranking, "rows keep their order");
        assert_eq!(state.gaps.selected, row, "after {digit}");
        assert_eq!(state.detail_touchpoint(), Some(ranking[row]));
    }
    assert_eq!(scores(&state, ranking[0]), (Some(3), Some(3)));
    assert_eq!(scores(&state, ranking[1]), (Some(5), Some(1)));
    assert_eq!(
        state.mode,
        Mode::Capture {
            index: ranking[2],
            actual: false
        }
    );
    // Backspace goes back along the same rows.
    update(&mut state, Action::Erase);
    assert_eq!(state.gaps.selected, 1);
    // Esc ends capture: the rows re-sort, the selection stays on the
    // touchpoint that was being scored.
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);
    assert_ne!(state.gap_rows, ranking, "re-sorted by the new scores");
    assert_eq!(state.gap_rows[0], ranking[1], "5 -> 1 is now the worst");
    assert_eq!(
        state.detail_touchpoint().map(|i| id(&state, i)),
        Some(id(&state, ranking[1]))
    );
}

#[test]
fn s_during_capture_ends_it_and_saves() {
    let (dir, mut state) = courier();
    update(&mut state, Action::Show(View::Gaps));
    let first = state.gap_rows[0];
    update(&mut state, Action::Capture);
    update(&mut state, Action::Input('3'));
    update(&mut state, Action::Input('3'));
    let scored = state.gap_rows[1];
    let key = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('s'),
        crossterm::event::KeyModifiers::NONE,
    );
    let save = crate::tui::keymap::action_for(&state.mode, &key).expect("s is bound");
    assert_eq!(update(&mut state, save), Effect::Save);
    assert_eq!(state.mode, Mode::Browse);
    assert_eq!(state.detail_touchpoint(), Some(scored));
    assert!(crate::tui::effects::save(&mut state));
    let text = std::fs::read_to_string(dir.path().join("journey.toml")).expect("read");
    let saved = crate::store::parse_journey(&text).journey.expect("valid");
    let t = &saved.touchpoints[first];
    assert_eq!(
        (t.expected.map(Score::get), t.actual.map(Score::get)),
        (Some(3), Some(3))
    );
}

#[test]
fn discard_and_quit_asks_for_the_journal_to_go() {
    let (_dir, mut state) = courier();
    update(&mut state, Action::Capture);
    update(&mut state, Action::Input('5'));
    update(&mut state, Action::Back);
    update(&mut state, Action::Quit);
    assert_eq!(state.mode, Mode::ConfirmQuit);
    assert_eq!(
        update(&mut state, Action::Input('d')),
        Effect::DiscardAndQuit
    );
    assert!(state.quit);
    // Ctrl-c at the question quits too, keeping the journal for next time.
    let (_dir, mut state) = courier();
    update(&mut state, Action::Capture);
    update(&mut state, Action::Input('5'));
    update(&mut state, Action::Quit);
    assert_eq!(update(&mut state, Action::Quit), Effect::Quit);
}
