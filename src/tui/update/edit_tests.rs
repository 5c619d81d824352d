//! `update` tests of the form, add, delete and move, their undo, and saves
//! of random edit sequences.

use super::*;
use crate::sample::Lcg;
use crate::store::parse_journey;
use crate::tui::effects::save;
use crate::tui::update::test_support::courier;
use crate::tui::update::update;

fn journey(state: &AppState) -> &crate::model::Journey {
    &state.opened().expect("open").journey
}

fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        update(state, Action::Input(c));
    }
}

#[test]
fn the_form_edits_a_field_and_refuses_what_check_would_refuse() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let index = state.corridor_selection().expect("selection");
    update(&mut state, Action::Edit);
    assert!(matches!(state.mode, Mode::Form { row: 0, .. }));
    let row_of = |field: &str| {
        crate::tui::forms::touchpoint_fields(&journey(&state).touchpoints[index])
            .iter()
            .position(|(k, _)| *k == field)
            .expect("field")
    };
    let (name_row, owner_row, expected_row) = (row_of("name"), row_of("owner"), row_of("expected"));
    // name: Enter, clear, type, Enter.
    for _ in 0..name_row {
        update(&mut state, Action::Down);
    }
    update(&mut state, Action::Open);
    let old = journey(&state).touchpoints[index].name.clone();
    for _ in old.chars() {
        update(&mut state, Action::Erase);
    }
    type_text(&mut state, "Sees the reel");
    update(&mut state, Action::Open);
    assert_eq!(journey(&state).touchpoints[index].name, "Sees the reel");
    // owner: an unknown department is refused with the reason, in place.
    for _ in name_row..owner_row {
        update(&mut state, Action::Down);
    }
    update(&mut state, Action::Open);
    type_text(&mut state, "-x");
    update(&mut state, Action::Open);
    match &state.mode {
        Mode::Form { error, input, .. } => {
            assert!(
                error
                    .as_deref()
                    .is_some_and(|e| e.contains("no department"))
            );
            assert!(input.is_some(), "the typed value stays for correction");
        }
        other => panic!("still in the form: {other:?}"),
    }
    assert_eq!(
        journey(&state).touchpoints[index]
            .owner
            .as_ref()
            .map(|o| o.as_str()),
        Some("marketing")
    );
    update(&mut state, Action::Back);
    // Right picks the next department.
    update(&mut state, Action::Right);
    assert_ne!(
        journey(&state).touchpoints[index]
            .owner
            .as_ref()
            .map(|o| o.as_str()),
        Some("marketing")
    );
    // expected: 7 is out of range.
    for _ in owner_row..expected_row {
        update(&mut state, Action::Down);
    }
    update(&mut state, Action::Open);
    update(&mut state, Action::Erase);
    type_text(&mut state, "7");
    update(&mut state, Action::Open);
    assert!(matches!(&state.mode, Mode::Form { error: Some(_), .. }));
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
    assert!(matches!(state.mode, Mode::Form { .. }));
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
                Mode::Form { .. } => {
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

/// Opens `E`, moves to the entry labelled with `prefix`, opens its form.
fn open_entry(state: &mut AppState, prefix: &str) {
    update(state, Action::EditOther);
    let labels = crate::tui::forms::targets(journey(state));
    let row = labels
        .iter()
        .position(|(_, label)| label.starts_with(prefix))
        .expect("entry listed");
    for _ in 0..row {
        update(state, Action::Down);
    }
    update(state, Action::Open);
    assert!(
        matches!(state.mode, Mode::EntryForm { .. }),
        "{:?}",
        state.mode
    );
}

/// Moves to `field` in the open form and replaces its value with `text`.
fn set_field(state: &mut AppState, field: &str, text: &str) {
    let Mode::EntryForm { target, .. } = state.mode.clone() else {
        panic!("not in an entry form");
    };
    let fields = crate::tui::forms::entry_fields(journey(state), &target);
    let row = fields.iter().position(|(f, _)| *f == field).expect("field");
    while !matches!(state.mode, Mode::EntryForm { row: r, .. } if r == 0) {
        update(state, Action::Up);
    }
    for _ in 0..row {
        update(state, Action::Down);
    }
    update(state, Action::Open);
    for _ in fields[row].1.chars() {
        update(state, Action::Erase);
    }
    type_text(state, text);
    update(state, Action::Open);
}

#[test]
fn the_header_and_every_kind_of_entry_can_be_edited_and_undone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let original = journey(&state).clone();
    open_entry(&mut state, "journey");
    set_field(&mut state, "title", "Courier corridor, revised");
    assert_eq!(journey(&state).title, "Courier corridor, revised");
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);

    // Renaming a department's id renames every reference to it.
    open_entry(&mut state, "department logistics");
    set_field(&mut state, "id", "delivery");
    let j = journey(&state);
    assert!(
        j.department(&crate::model::Id::new("delivery").expect("id"))
            .is_some()
    );
    assert!(
        j.touchpoints
            .iter()
            .all(|t| t.owner.as_ref().map(|o| o.as_str()) != Some("logistics"))
    );
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);

    // An action owned by a department that does not exist is refused.
    let action = journey(&state).actions[0].id.to_string();
    open_entry(&mut state, &format!("action     {action}"));
    set_field(&mut state, "owner", "nobody");
    assert!(matches!(&state.mode, Mode::EntryForm { error: Some(e), .. } if e.contains("nobody")));
    update(&mut state, Action::Back);
    set_field(&mut state, "status", "done");
    assert_eq!(
        journey(&state).actions[0].status,
        crate::model::ActionStatus::Done
    );
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);

    for _ in 0..3 {
        update(&mut state, Action::Undo);
    }
    assert_eq!(*journey(&state), original);
    assert!(save(&mut state), "nothing to save is still a save");
}

#[test]
fn notes_are_written_in_a_text_area_with_several_lines() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let index = state.corridor_selection().expect("selection");
    update(&mut state, Action::Edit);
    let notes_row = crate::tui::forms::touchpoint_fields(&journey(&state).touchpoints[index])
        .iter()
        .position(|(k, _)| *k == "notes")
        .expect("notes");
    for _ in 0..notes_row {
        update(&mut state, Action::Down);
    }
    update(&mut state, Action::Open);
    assert!(
        matches!(state.mode, Mode::Text { field: "notes", .. }),
        "{:?}",
        state.mode
    );
    let key = |code| Action::Key(KeyEvent::new(code, KeyModifiers::NONE));
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
    update(&mut state, Action::Open);
    assert!(matches!(state.mode, Mode::Form { .. }));
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
fn stages_and_departments_move_are_added_and_deleted_from_the_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let original = journey(&state).clone();
    let stage_ids = |state: &AppState| -> Vec<String> {
        journey(state)
            .stages
            .iter()
            .map(|s| s.id.to_string())
            .collect()
    };
    let first = stage_ids(&state)[0].clone();
    update(&mut state, Action::EditOther);
    update(&mut state, Action::Down); // the first stage
    update(&mut state, Action::MoveLater);
    assert_eq!(stage_ids(&state)[1], first, "moved one place later");
    // A stage that touchpoints use cannot go.
    update(&mut state, Action::Delete);
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("still in use"))
    );
    assert_eq!(stage_ids(&state).len(), original.stages.len());
    // a adds one of its kind after it and opens its form on the name.
    update(&mut state, Action::Add);
    assert!(matches!(
        state.mode,
        Mode::EntryForm {
            row: 1,
            input: Some(_),
            ..
        }
    ));
    type_text(&mut state, "Hear about us");
    update(&mut state, Action::Open);
    assert!(
        journey(&state)
            .stages
            .iter()
            .any(|s| s.name == "Hear about us")
    );
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);
    update(&mut state, Action::Back);
    assert_eq!(state.mode, Mode::Browse);
    for _ in 0..3 {
        update(&mut state, Action::Undo);
    }
    assert_eq!(*journey(&state), original);
}

#[test]
fn owner_and_stage_are_picked_by_type_ahead() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = courier(dir.path());
    let index = state.corridor_selection().expect("selection");
    let row_of = |state: &AppState, field: &str| {
        crate::tui::forms::touchpoint_fields(&journey(state).touchpoints[index])
            .iter()
            .position(|(k, _)| *k == field)
            .expect("field")
    };
    let (stage_row, owner_row) = (row_of(&state, "stage"), row_of(&state, "owner"));
    update(&mut state, Action::Edit);
    for _ in 0..owner_row {
        update(&mut state, Action::Down);
    }
    // "Logist" is part of one department's name: it stands for its id.
    update(&mut state, Action::Open);
    for _ in 0..20 {
        update(&mut state, Action::Erase);
    }
    type_text(&mut state, "logist");
    update(&mut state, Action::Open);
    assert_eq!(
        journey(&state).touchpoints[index]
            .owner
            .as_ref()
            .map(|o| o.as_str()),
        Some("logistics")
    );
    // Text that matches several stages asks for more.
    for _ in stage_row..owner_row {
        update(&mut state, Action::Up);
    }
    update(&mut state, Action::Open);
    for _ in 0..20 {
        update(&mut state, Action::Erase);
    }
    type_text(&mut state, "re");
    update(&mut state, Action::Open);
    assert!(
        matches!(&state.mode, Mode::Form { error: Some(e), .. } if e.contains("type more")),
        "{:?}",
        state.mode
    );
}
