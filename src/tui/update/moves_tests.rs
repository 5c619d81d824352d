//! `J`/`K` and `H`/`L` on the courier journey.

use super::*;
use crate::tui::action::Action;
use crate::tui::effects::{read_entries, save};
use crate::tui::state::Mode;
use crate::tui::update::{Effect, test_support, update};

fn courier() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = test_support::courier(dir.path());
    (dir, state)
}

/// The ids of stage `stage`'s touchpoints, in corridor order.
fn stage_ids(state: &AppState, stage: usize) -> Vec<String> {
    let opened = state.opened().expect("open");
    opened.derived.stage_members[stage]
        .iter()
        .map(|&i| opened.journey.touchpoints[i].id.to_string())
        .collect()
}

/// The id of the touchpoint the view has selected.
fn selected_id(state: &AppState) -> Option<String> {
    let index = state.detail_touchpoint()?;
    Some(state.opened()?.journey.touchpoints[index].id.to_string())
}

fn edits(state: &AppState) -> (usize, usize) {
    state.opened().expect("open").history.depth()
}

fn press(state: &mut AppState, actions: &[Action]) {
    for action in actions {
        update(state, action.clone());
    }
}

#[test]
fn k_k_moves_the_card_two_places_and_the_selection_goes_with_it() {
    let (_dir, mut state) = courier();
    // Choose: product-page, stock-badge, delivery-promise; select the last.
    press(&mut state, &[Action::Right, Action::Down, Action::Down]);
    assert_eq!(selected_id(&state).as_deref(), Some("delivery-promise"));
    press(&mut state, &[Action::MoveEarlier, Action::MoveEarlier]);
    assert_eq!(
        stage_ids(&state, 1),
        ["delivery-promise", "product-page", "stock-badge"]
    );
    assert_eq!(selected_id(&state).as_deref(), Some("delivery-promise"));
    assert_eq!(state.corridor.card, 0);
    // At the start of its stage it stays, and says which key crosses.
    assert_eq!(update(&mut state, Action::MoveEarlier), Effect::Redraw);
    assert_eq!(edits(&state), (2, 0), "nothing moved");
    assert_eq!(state.corridor.stage, 1, "still in Choose");
    let status = state.status.clone().unwrap_or_default();
    assert!(status.contains("first of Choose"), "{status}");
    assert!(status.contains("H moves it"), "{status}");
    press(&mut state, &[Action::MoveLater, Action::MoveLater]);
    assert_eq!(
        stage_ids(&state, 1),
        ["product-page", "stock-badge", "delivery-promise"]
    );
    assert_eq!(state.status, None, "a move clears the message");
    update(&mut state, Action::MoveLater);
    let status = state.status.clone().unwrap_or_default();
    assert!(status.contains("last of Choose"), "{status}");
    assert!(status.contains("L moves it"), "{status}");
    assert_eq!(stage_ids(&state, 2), ["guest-checkout", "pay-later"]);
}

#[test]
fn h_and_l_cross_a_stage_only_when_asked() {
    let (dir, mut state) = courier();
    let original = state.opened().expect("open").journey.clone();
    // The first touchpoint of Choose goes to the end of Discover...
    press(&mut state, &[Action::Right]);
    assert_eq!(selected_id(&state).as_deref(), Some("product-page"));
    update(&mut state, Action::MoveToPreviousStage);
    assert_eq!(stage_ids(&state, 0), ["instagram-reel", "product-page"]);
    assert_eq!((state.corridor.stage, state.corridor.card), (0, 1));
    assert_eq!(selected_id(&state).as_deref(), Some("product-page"));
    // ...and back, then on to the start of Check out.
    press(
        &mut state,
        &[Action::MoveToNextStage, Action::MoveToNextStage],
    );
    assert_eq!(
        stage_ids(&state, 2),
        ["product-page", "guest-checkout", "pay-later"]
    );
    assert_eq!(stage_ids(&state, 1), ["stock-badge", "delivery-promise"]);
    assert_eq!((state.corridor.stage, state.corridor.card), (2, 0));
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.starts_with("moved to Check out")),
        "{:?}",
        state.status
    );
    // What is saved reads back in the same order.
    assert!(save(&mut state));
    let (_, entries) = read_entries(&dir.path().join("journey.toml")).expect("read");
    let reread = entries[0].content.as_ref().expect("valid");
    assert_eq!(
        reread.derived.stage_members,
        state.opened().expect("open").derived.stage_members
    );
    // Every move is undone, with the selection following.
    press(&mut state, &[Action::Undo, Action::Undo, Action::Undo]);
    assert_eq!(state.opened().expect("open").journey, original);
    assert_eq!(selected_id(&state).as_deref(), Some("product-page"));
    assert_eq!(state.corridor.stage, 1);
}

#[test]
fn no_stage_before_the_first_or_after_the_last() {
    let (_dir, mut state) = courier();
    update(&mut state, Action::MoveToPreviousStage);
    assert_eq!(edits(&state), (0, 0));
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("the first stage")),
        "{:?}",
        state.status
    );
    update(&mut state, Action::End);
    let stages = state.opened().expect("open").journey.stages.len();
    for _ in 0..stages {
        update(&mut state, Action::Right);
    }
    update(&mut state, Action::MoveToNextStage);
    assert_eq!(edits(&state), (0, 0));
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("the last stage")),
        "{:?}",
        state.status
    );
}

#[test]
fn in_the_gaps_view_the_selected_row_moves() {
    let (_dir, mut state) = courier();
    update(&mut state, Action::Show(View::Gaps));
    // The worst gap: the doorstep delivery, first of Receive.
    assert_eq!(selected_id(&state).as_deref(), Some("doorstep-delivery"));
    update(&mut state, Action::MoveLater);
    assert_eq!(
        stage_ids(&state, 4),
        ["wismo-chat", "doorstep-delivery", "unboxing"]
    );
    assert_eq!(selected_id(&state).as_deref(), Some("doorstep-delivery"));
    assert_eq!(state.mode, Mode::Browse);
}

#[test]
fn read_only_moves_nothing() {
    let (_dir, mut state) = courier();
    state.options.read_only = true;
    press(&mut state, &[Action::MoveLater, Action::MoveToNextStage]);
    assert_eq!(edits(&state), (0, 0));
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.starts_with("read-only"))
    );
}

#[test]
fn random_moves_undos_and_saves_keep_file_and_memory_equal() {
    for seed in 1..=4u64 {
        let (dir, mut state) = courier();
        let path = dir.path().join("journey.toml");
        let mut rng = seed;
        for step in 0..80 {
            // A small linear congruential generator: the same walk every run.
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let action = match (rng >> 33) % 10 {
                0 => Action::MoveLater,
                1 => Action::MoveEarlier,
                2 => Action::MoveToNextStage,
                3 => Action::MoveToPreviousStage,
                4 => Action::Undo,
                5 => Action::Redo,
                6 => Action::Right,
                7 => Action::Left,
                8 => Action::Down,
                _ => Action::Save,
            };
            let before = selected_id(&state);
            let moved = matches!(
                action,
                Action::MoveLater
                    | Action::MoveEarlier
                    | Action::MoveToNextStage
                    | Action::MoveToPreviousStage
            );
            if update(&mut state, action) == Effect::Save {
                assert!(save(&mut state), "seed {seed} step {step}");
                let text = std::fs::read_to_string(&path).expect("read");
                let parsed = crate::store::parse_journey(&text);
                assert_eq!(
                    parsed.journey.as_ref(),
                    Some(&state.opened().expect("open").journey),
                    "seed {seed} step {step}"
                );
            }
            if moved {
                assert_eq!(selected_id(&state), before, "seed {seed} step {step}");
            }
        }
    }
}
