//! The Trend view in `update`: its history is asked for once per journey,
//! j/k pick its touchpoint, Enter shows that touchpoint in full.

use super::test_support::courier;
use super::*;
use crate::analysis::history::History;
use crate::tui::trend::Trend;

#[test]
fn the_trend_view_reads_history_once_per_journey() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut state = courier(dir.path());
    assert_eq!(
        update(&mut state, Action::Show(View::Trend)),
        Effect::LoadHistory
    );
    let path = state.entries[0].path.clone();
    state.trend = Trend::Read {
        path: path.clone(),
        history: Box::new(History::default()),
    };
    update(&mut state, Action::Show(View::Corridor));
    assert_eq!(
        update(&mut state, Action::Show(View::Trend)),
        Effect::Redraw,
        "already read for this journey"
    );
    state.trend = Trend::NotGit {
        path: path.with_file_name("other.toml"),
    };
    update(&mut state, Action::Show(View::Corridor));
    assert_eq!(
        update(&mut state, Action::Show(View::Trend)),
        Effect::LoadHistory,
        "read for another journey"
    );
}

#[test]
fn j_and_k_pick_the_touchpoint_and_enter_opens_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut state = courier(dir.path());
    update(&mut state, Action::Show(View::Trend));
    let corridor = state.opened().expect("open").derived.corridor.clone();
    assert_eq!(update(&mut state, Action::Down), Effect::Redraw);
    assert_eq!(update(&mut state, Action::Down), Effect::Redraw);
    assert_eq!(state.trend_cursor, 2);
    assert_eq!(state.detail_touchpoint(), Some(corridor[2]));
    update(&mut state, Action::End);
    assert_eq!(state.trend_cursor, corridor.len() - 1);
    assert_eq!(update(&mut state, Action::Down), Effect::None);
    update(&mut state, Action::Open);
    assert_eq!(state.mode, Mode::Detail);
}

/// Waits (up to ten seconds) for the history read in the background.
fn arrived(state: &mut AppState) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::time::Instant::now() < deadline {
        if crate::tui::effects::history_arrived(state) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    false
}

#[test]
fn the_history_is_read_off_the_event_loop_and_taken_when_it_arrives() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut state = courier(dir.path());
    let path = state.entries[0].path.clone();
    crate::tui::effects::load_history(&mut state);
    // At once, before anything is read: the view says it is reading.
    assert!(matches!(&state.trend, Trend::Reading { path: p } if *p == path));
    assert!(state.trend_pending.is_some());
    assert!(arrived(&mut state), "the history arrives");
    // A temporary folder is no git work tree.
    assert!(matches!(&state.trend, Trend::NotGit { path: p } if *p == path));
    assert!(state.trend_pending.is_none());
    assert!(!crate::tui::effects::history_arrived(&mut state));
}

#[test]
fn a_history_nobody_waits_for_any_more_is_dropped() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut state = courier(dir.path());
    crate::tui::effects::load_history(&mut state);
    // The workbench moved on to another journey meanwhile.
    let other = dir.path().join("other.toml");
    state.trend = Trend::Reading {
        path: other.clone(),
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while state.trend_pending.is_some() && std::time::Instant::now() < deadline {
        assert!(!crate::tui::effects::history_arrived(&mut state));
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(state.trend_pending.is_none(), "the read ended");
    assert!(matches!(&state.trend, Trend::Reading { path } if *path == other));
}

#[test]
fn opening_another_journey_leaves_the_trend_view() {
    // Opening a journey shows its Corridor, so a history read for the one
    // before is never drawn for it; the Trend view asks again when shown.
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut state = courier(dir.path());
    state.trend = Trend::Read {
        path: dir.path().join("other.toml"),
        history: Box::new(History::default()),
    };
    state.view = View::Trend;
    update(&mut state, Action::Show(View::Journeys));
    assert_eq!(update(&mut state, Action::Open), Effect::Opened);
    assert_eq!(state.view, View::Corridor);
    assert_eq!(
        update(&mut state, Action::Show(View::Trend)),
        Effect::LoadHistory
    );
}
