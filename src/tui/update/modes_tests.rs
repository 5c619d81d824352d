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
