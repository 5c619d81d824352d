//! Help scrolling, and what the filter and search leave visible.

use super::*;
use crate::tui::update::{test_support, update};

fn courier(size: (u16, u16)) -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = test_support::courier(dir.path());
    update(&mut state, Action::Resize(size.0, size.1));
    (dir, state)
}

#[test]
fn help_scrolls_to_its_last_line_at_80x24() {
    let (_dir, mut state) = courier((80, 24));
    update(&mut state, Action::Help);
    let last = crate::tui::ui::help_last_scroll((80, 24), false);
    assert!(last > 30, "the help is longer than the screen: {last}");
    for _ in 0..200 {
        update(&mut state, Action::Down);
    }
    assert_eq!(state.help_scroll, last, "j stops at the end");
    assert_eq!(update(&mut state, Action::Down), Effect::None);
    // One step up from the end shows a difference at once.
    update(&mut state, Action::Up);
    assert_eq!(state.help_scroll, last - 1);
    update(&mut state, Action::Home);
    assert_eq!(state.help_scroll, 0);
    update(&mut state, Action::PageDown);
    assert_eq!(state.help_scroll, 21, "a page is the box less one line");
    update(&mut state, Action::End);
    assert_eq!(state.help_scroll, last);
    update(&mut state, Action::PageUp);
    assert_eq!(state.help_scroll, last - 21);
    // Wider terminals wrap less: the end comes sooner.
    update(&mut state, Action::Resize(200, 24));
    update(&mut state, Action::End);
    assert!(state.help_scroll < last);
}

/// The three sample journeys, copied into `dir`.
fn folder(dir: &std::path::Path) -> AppState {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    for entry in std::fs::read_dir(samples).expect("samples").flatten() {
        std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy");
    }
    let (folder, entries) = crate::tui::effects::read_entries(dir).expect("read");
    let options = crate::tui::state::Options {
        today: crate::model::Date {
            year: 2026,
            month: 1,
            day: 15,
        },
        color: false,
        ascii: false,
        read_only: false,
        mouse: false,
    };
    AppState::new(folder, entries, options)
}

#[test]
fn brackets_switch_journeys_round_the_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = folder(dir.path());
    assert_eq!(state.current_name(), Some("b2b-onboarding.toml"));
    update(&mut state, Action::Right);
    assert_eq!(update(&mut state, Action::NextJourney), Effect::Opened);
    assert_eq!(state.current_name(), Some("online-order-courier.toml"));
    assert_eq!(state.corridor.stage, 0, "opens at the start");
    assert_eq!(state.journeys.selected, 1, "the Journeys view follows");
    update(&mut state, Action::NextJourney);
    update(&mut state, Action::NextJourney);
    assert_eq!(state.current_name(), Some("b2b-onboarding.toml"), "round");
    update(&mut state, Action::PreviousJourney);
    assert_eq!(state.current_name(), Some("subscription-renewal.toml"));
    // Not away from unsaved edits: quitting would not ask about them.
    update(&mut state, Action::Capture);
    update(&mut state, Action::Input('5'));
    update(&mut state, Action::Back);
    assert_eq!(update(&mut state, Action::NextJourney), Effect::Redraw);
    assert_eq!(state.current_name(), Some("subscription-renewal.toml"));
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.starts_with("unsaved changes"))
    );
    update(&mut state, Action::Show(View::Journeys));
    update(&mut state, Action::Home);
    assert_ne!(update(&mut state, Action::Open), Effect::Opened);
    assert_eq!(state.current_name(), Some("subscription-renewal.toml"));
}

#[test]
fn one_journey_has_nowhere_to_switch_to() {
    let (_dir, mut state) = courier((100, 30));
    assert_eq!(update(&mut state, Action::NextJourney), Effect::Redraw);
    assert_eq!(state.current_name(), Some("journey.toml"));
    assert!(state.status.is_some());
}
