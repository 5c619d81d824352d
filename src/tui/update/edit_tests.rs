//! `update` tests of the touchpoint form, add, delete and move, their undo,
//! and saves of random edit sequences.

use super::*;
use crate::sample::Lcg;
use crate::store::parse_journey;
use crate::tui::effects::save;
use crate::tui::state::Typing;
use crate::tui::update::test_support::{courier, form, go_to, journey, row_of, set_field};
use crate::tui::update::update;

#[test]
fn the_form_edits_a_field_and_refuses_what_check_would_refuse() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let index = state.corridor_selection().expect("selection");
    update(&mut state, Action::Edit);
    assert_eq!(form(&state).row, 0);
    let old = journey(&state).touchpoints[index].name.clone();
    set_field(&mut state, "name", "Sees the reel");
    assert_eq!(journey(&state).touchpoints[index].name, "Sees the reel");
    assert_eq!(
        form(&state).row,
        row_of(&state, "name") + 1,
        "Enter goes on"
    );
    // owner: an unknown department is refused with the reason, in place.
    set_field(&mut state, "owner", "marketing-x");
    let f = form(&state);
    assert!(
        f.error
            .as_deref()
            .is_some_and(|e| e.contains("unknown department")),
        "{f:?}"
    );
    assert_eq!(
        f.typing,
        Some(Typing::Line),
        "the typed value stays for correction"
    );
    let owner = |state: &AppState| {
        journey(state).touchpoints[index]
            .owner
            .as_ref()
            .map(|o| o.to_string())
    };
    assert_eq!(owner(&state).as_deref(), Some("marketing"));
    // A second Esc drops the refused value and closes the form.
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);
    // Right picks the next department.
    update(&mut state, Action::Edit);
    go_to(&mut state, "owner");
    update(&mut state, Action::Right);
    assert_ne!(owner(&state).as_deref(), Some("marketing"));
    // expected: 7 is out of range.
    set_field(&mut state, "expected", "7");
    assert!(form(&state).error.is_some());
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);
    // Two edits, two undos.
    update(&mut state, Action::Undo);
    update(&mut state, Action::Undo);
    assert_eq!(journey(&state).touchpoints[index].name, old);
    assert!(!state.is_dirty());
}

#[test]
fn add_delete_and_move_are_undone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let original = journey(&state).clone();
    let count = original.touchpoints.len();
    update(&mut state, Action::Add);
    assert_eq!(journey(&state).touchpoints.len(), count + 1);
    assert!(matches!(state.mode, Mode::Form(_)));
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);
    // Move the selected (first) touchpoint later, then delete it.
    update(&mut state, Action::MoveLater);
    update(&mut state, Action::Delete);
    assert!(matches!(state.mode, Mode::ConfirmDelete { .. }));
    update(&mut state, Action::Input('n'));
    assert_eq!(journey(&state).touchpoints.len(), count + 1, "n keeps it");
    update(&mut state, Action::Delete);
    let linked_before = journey(&state).actions.len();
    update(&mut state, Action::Input('y'));
    assert_eq!(journey(&state).touchpoints.len(), count);
    assert!(journey(&state).actions.len() <= linked_before);
    for _ in 0..3 {
        update(&mut state, Action::Undo);
    }
    assert_eq!(*journey(&state), original, "every edit undone");
    for _ in 0..3 {
        update(&mut state, Action::Redo);
    }
    assert_eq!(journey(&state).touchpoints.len(), count);
}

#[test]
fn a_journey_saved_after_tui_edits_changes_only_the_edited_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let path = dir.path().join("journey.toml");
    let before = std::fs::read_to_string(&path).expect("read");
    let index = state.corridor_selection().expect("selection");
    let id = journey(&state).touchpoints[index].id.to_string();
    update(&mut state, Action::Capture);
    update(&mut state, Action::Input('5'));
    update(&mut state, Action::Input('1'));
    update(&mut state, Action::Back);
    assert!(save(&mut state));
    let after = std::fs::read_to_string(&path).expect("read");
    // The first touchpoint's scores are on the lines after its id.
    let block = before.find(&format!("id = \"{id}\"")).expect("block");
    let mut expected = before.clone();
    let e = block + before[block..].find("expected = ").expect("expected");
    let e_end = e + before[e..].find('\n').expect("eol");
    let a = block + before[block..].find("actual = ").expect("actual");
    let a_end = a + before[a..].find('\n').expect("eol");
    expected.replace_range(a..a_end, "actual = 1");
    expected.replace_range(e..e_end, "expected = 5");
    assert_eq!(after, expected);
    assert!(!state.is_dirty());
}

#[test]
fn random_edits_undos_and_saves_keep_file_and_memory_equal() {
    for seed in 1..=6u64 {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut state = courier(dir.path());
        let path = dir.path().join("journey.toml");
        let mut rng = Lcg(seed);
        for step in 0..60 {
            let action = match rng.below(10) {
                0 => Action::Undo,
                1 => Action::Redo,
                2 => Action::MoveLater,
                3 => Action::MoveEarlier,
                4 => Action::Add,
                5 => Action::Delete,
                6 => Action::Right,
                7 => Action::Down,
                8 => Action::Save,
                _ => Action::Capture,
            };
            let effect = update(&mut state, action);
            match state.mode.clone() {
                Mode::Capture { .. } => {
                    let digit = char::from(b'1' + rng.below(5) as u8);
                    update(&mut state, Action::Input(digit));
                    update(&mut state, Action::Back);
                }
                Mode::ConfirmDelete { .. } => {
                    update(&mut state, Action::Input('y'));
                }
                Mode::Form(_) => {
                    update(&mut state, Action::Back);
                    update(&mut state, Action::Back);
                }
                _ => {}
            }
            if effect == crate::tui::update::Effect::Save {
                assert!(
                    save(&mut state),
                    "seed {seed} step {step}: {:?}",
                    state.status
                );
                let text = std::fs::read_to_string(&path).expect("read");
                let parsed = parse_journey(&text);
                assert_eq!(
                    parsed.journey.as_ref(),
                    Some(journey(&state)),
                    "seed {seed} step {step}"
                );
                assert!(!state.is_dirty());
            }
        }
        let scored = journey(&state)
            .touchpoints
            .iter()
            .filter(|t| t.expected.is_some())
            .count();
        assert!(scored > 0);
    }
}

#[test]
fn notes_are_written_in_a_text_area_with_several_lines() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let index = state.corridor_selection().expect("selection");
    update(&mut state, Action::Edit);
    go_to(&mut state, "notes");
    update(&mut state, Action::Open);
    assert_eq!(form(&state).typing, Some(Typing::Lines));
    let key = |code| Action::Key(KeyEvent::new(code, KeyModifiers::NONE));
    update(&mut state, key(KeyCode::End));
    for _ in 0..200 {
        update(&mut state, key(KeyCode::Backspace));
    }
    for c in "First line".chars() {
        assert_eq!(
            update(&mut state, key(KeyCode::Char(c))),
            crate::tui::update::Effect::Redraw
        );
    }
    update(&mut state, key(KeyCode::Enter));
    for c in "second".chars() {
        update(&mut state, key(KeyCode::Char(c)));
    }
    // Esc keeps what was typed, as Ctrl-s does.
    update(&mut state, Action::Back);
    assert_eq!(form(&state).typing, None);
    assert_eq!(
        journey(&state).touchpoints[index].notes.as_deref(),
        Some("First line\nsecond")
    );
    assert!(save(&mut state));
    let text = std::fs::read_to_string(dir.path().join("journey.toml")).expect("read");
    assert!(
        parse_journey(&text).journey.is_some_and(|j| {
            j.touchpoints[index].notes.as_deref() == Some("First line\nsecond")
        })
    );
}

#[test]
fn owner_stage_and_channel_are_picked_by_type_ahead() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let index = state.corridor_selection().expect("selection");
    update(&mut state, Action::Edit);
    // "logist" is part of one department's name: it stands for its id.
    set_field(&mut state, "owner", "logist");
    assert_eq!(
        journey(&state).touchpoints[index]
            .owner
            .as_ref()
            .map(|o| o.as_str()),
        Some("logistics")
    );
    // A common channel the journey does not use yet is offered.
    set_field(&mut state, "channel", "lett");
    assert_eq!(
        journey(&state).touchpoints[index].channel.as_deref(),
        Some("letter")
    );
    // Text that matches several stages asks for more.
    set_field(&mut state, "stage", "re");
    assert!(
        form(&state)
            .error
            .as_deref()
            .is_some_and(|e| e.contains("type more")),
        "{:?}",
        state.mode
    );
}
