//! Two workbenches on one journey, one played by writes to the file.

use super::*;
use crate::model::Score;
use crate::tui::action::Action;
use crate::tui::update::test_support::courier;
use crate::tui::update::{Effect, update};

/// The workbench, and the path of its journey.
fn open() -> (tempfile::TempDir, AppState, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = courier(dir.path());
    let path = dir.path().join("journey.toml");
    (dir, state, path)
}

/// Sets the selected touchpoint's expected score as capture does.
fn capture_expected(state: &mut AppState, digit: char) {
    update(state, Action::Capture);
    update(state, Action::Input(digit));
    update(state, Action::Back);
}

fn reel(state: &AppState) -> &crate::model::Touchpoint {
    state
        .opened()
        .and_then(|o| o.journey.touchpoint("instagram-reel"))
        .expect("the reel")
}

fn score(s: Option<Score>) -> Option<u8> {
    s.map(Score::get)
}

/// Another corridor saves `from` -> `to` in the file.
fn other_save(path: &std::path::Path, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from}");
    let theirs = text.replacen(from, to, 1);
    std::fs::write(path, &theirs).expect("written");
    theirs
}

#[test]
fn a_save_merges_another_corridors_save_without_asking() {
    let (_dir, mut state, path) = open();
    capture_expected(&mut state, '5');
    let theirs = other_save(&path, "channel = \"social\"", "channel = \"tiktok\"");
    assert!(save(&mut state));
    assert_eq!(state.mode, Mode::Browse);
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        text,
        theirs.replacen(
            "expected = 2\nexperience = \"A styled reel",
            "expected = 5\nexperience = \"A styled reel",
            1
        )
    );
    assert!(!state.is_dirty());
    assert_eq!(reel(&state).channel.as_deref(), Some("tiktok"));
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("merged with another corridor's changes"))
    );
}

#[test]
fn the_same_field_asks_and_the_losing_value_is_one_undo_away() {
    for keep_mine in [true, false] {
        let (_dir, mut state, path) = open();
        capture_expected(&mut state, '5');
        other_save(&path, "expected = 2\n", "expected = 3\n");
        assert!(!save(&mut state));
        assert_eq!(state.mode, Mode::Clash);
        let lines = &state.clash.as_ref().expect("the question").lines;
        assert_eq!(
            lines,
            &["touchpoint instagram-reel: expected: mine 5, theirs 3"]
        );
        let (action, kept, lost) = if keep_mine {
            (Action::KeepMine, 5, 3)
        } else {
            (Action::TakeTheirs, 3, 5)
        };
        assert_eq!(update(&mut state, action), Effect::Save);
        assert!(save(&mut state), "{:?}", state.status);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(&format!("expected = {kept}\nexperience = \"A styled reel")));
        assert_eq!(score(reel(&state).expected), Some(kept));
        assert!(!state.is_dirty());
        update(&mut state, Action::Undo);
        assert_eq!(score(reel(&state).expected), Some(lost));
        assert!(state.is_dirty());
    }
}

#[test]
fn cancelling_the_question_saves_nothing() {
    let (_dir, mut state, path) = open();
    capture_expected(&mut state, '5');
    let theirs = other_save(&path, "expected = 2\n", "expected = 3\n");
    assert!(!save(&mut state));
    assert_eq!(update(&mut state, Action::Back), Effect::Redraw);
    assert_eq!(state.mode, Mode::Browse);
    assert!(state.clash.is_none());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    assert!(state.is_dirty());
}

#[test]
fn another_save_is_merged_under_unsaved_edits_and_undo_keeps_it() {
    let (_dir, mut state, path) = open();
    capture_expected(&mut state, '5');
    let theirs = other_save(&path, "channel = \"social\"", "channel = \"tiktok\"");
    assert!(disk_changed(&mut state));
    assert_eq!(
        reel(&state).channel.as_deref(),
        Some("tiktok"),
        "theirs at once"
    );
    assert_eq!(score(reel(&state).expected), Some(5), "mine kept");
    assert!(state.is_dirty());
    // Undo takes back only this workbench's edit.
    update(&mut state, Action::Undo);
    assert_eq!(score(reel(&state).expected), Some(2));
    assert_eq!(reel(&state).channel.as_deref(), Some("tiktok"));
    assert!(!state.is_dirty(), "back to what the file holds");
    update(&mut state, Action::Redo);
    assert!(save(&mut state));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs.replacen(
            "expected = 2\nexperience = \"A styled reel",
            "expected = 5\nexperience = \"A styled reel",
            1
        ),
        "a plain save onto their file"
    );
}

#[test]
fn a_clean_journey_follows_the_file_and_keeps_its_history() {
    let (_dir, mut state, path) = open();
    capture_expected(&mut state, '5');
    assert!(save(&mut state));
    other_save(&path, "channel = \"social\"", "channel = \"tiktok\"");
    assert!(disk_changed(&mut state));
    assert!(!state.is_dirty());
    assert_eq!(reel(&state).channel.as_deref(), Some("tiktok"));
    assert!(!disk_changed(&mut state), "nothing new");
    update(&mut state, Action::Undo);
    assert_eq!(score(reel(&state).expected), Some(2), "my own edit undone");
    assert_eq!(reel(&state).channel.as_deref(), Some("tiktok"));
}

#[test]
fn a_clash_under_unsaved_edits_waits_for_the_save_to_ask() {
    let (_dir, mut state, path) = open();
    capture_expected(&mut state, '5');
    other_save(&path, "expected = 2\n", "expected = 3\n");
    assert!(disk_changed(&mut state));
    assert_eq!(score(reel(&state).expected), Some(5), "mine still shown");
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("s asks what to keep"))
    );
    assert!(!disk_changed(&mut state), "said once");
    assert!(!save(&mut state));
    assert_eq!(state.mode, Mode::Clash);
}
