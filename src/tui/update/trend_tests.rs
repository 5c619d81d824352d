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
