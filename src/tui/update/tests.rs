//! `update` applied to action sequences on the bundled journeys.

use std::path::{Path, PathBuf};

use super::*;
use crate::tui::effects::read_entries;
use crate::tui::state::{GapFilter, ListCursor, Options, matches_search};

fn journeys() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples")
}

fn load(path: &Path, size: (u16, u16)) -> AppState {
    let (folder, entries) = read_entries(path).expect("bundled journeys load");
    let options = Options {
        today: crate::model::Date {
            year: 2026,
            month: 1,
            day: 15,
        },
        color: true,
        ascii: false,
        read_only: false,
        mouse: false,
    };
    let mut state = AppState::new(folder, entries, options);
    assert_eq!(
        update(&mut state, Action::Resize(size.0, size.1)),
        Effect::Redraw
    );
    state
}

/// The courier journey alone, at 100x30.
fn courier() -> AppState {
    load(&journeys().join("online-order-courier.toml"), (100, 30))
}

fn apply(state: &mut AppState, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().map(|a| update(state, a)).collect()
}

fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        assert_eq!(
            update(state, Action::Input(c)),
            Effect::Redraw,
            "typing {c}"
        );
    }
}

fn touchpoint_id(state: &AppState, index: usize) -> String {
    let opened = state.opened().expect("a journey is open");
    opened.journey.touchpoints[index].id.to_string()
}

fn row_ids(state: &AppState) -> Vec<String> {
    state
        .gap_rows
        .iter()
        .map(|&i| touchpoint_id(state, i))
        .collect()
}

fn total_touchpoints(state: &AppState) -> usize {
    state
        .opened()
        .expect("a journey is open")
        .journey
        .touchpoints
        .len()
}

#[test]
fn starts_in_the_corridor_with_every_gap_listed() {
    let state = courier();
    assert_eq!(state.view, View::Corridor);
    assert_eq!(state.mode, Mode::Browse);
    assert_eq!(state.size, (100, 30));
    assert_eq!(state.gap_rows.len(), 19);
    assert_eq!(total_touchpoints(&state), 19);
    let opened = state.opened().expect("open");
    assert_eq!(state.gap_rows, opened.derived.ranked);
    assert_eq!(
        touchpoint_id(&state, state.gap_rows[0]),
        "doorstep-delivery"
    );
}

#[test]
fn views_switch_and_cycle_both_ways() {
    let mut state = courier();
    assert_eq!(
        update(&mut state, Action::Show(View::Owners)),
        Effect::Redraw
    );
    assert_eq!(state.view, View::Owners);
    assert_eq!(
        update(&mut state, Action::Show(View::Owners)),
        Effect::None,
        "showing the view already shown changes nothing"
    );
    for view in View::ALL {
        update(&mut state, Action::Show(view));
        assert_eq!(state.view, view);
    }

    update(&mut state, Action::Show(View::Corridor));
    let mut seen = Vec::new();
    for _ in 0..View::ALL.len() {
        let effect = update(&mut state, Action::NextView);
        // The Trend view asks for the journey's history first.
        let wanted = if state.view == View::Trend {
            Effect::LoadHistory
        } else {
            Effect::Redraw
        };
        assert_eq!(effect, wanted);
        seen.push(state.view);
    }
    assert_eq!(
        seen,
        [
            View::Gaps,
            View::Owners,
            View::Curve,
            View::Actions,
            View::Journeys,
            View::Trend,
            View::Blueprint,
            View::Corridor
        ],
        "Tab walks the views in key order and wraps to the first"
    );
    assert_eq!(update(&mut state, Action::PrevView), Effect::Redraw);
    assert_eq!(state.view, View::Blueprint, "Shift-Tab wraps to the last");
    assert_eq!(update(&mut state, Action::PrevView), Effect::LoadHistory);
    assert_eq!(state.view, View::Trend);
    assert_eq!(update(&mut state, Action::PrevView), Effect::Redraw);
    assert_eq!(state.view, View::Journeys);
    assert_eq!(state.mode, Mode::Browse);
}

#[test]
fn gaps_selection_moves_within_bounds() {
    // 12 rows tall: a page is 12 - CHROME_ROWS = 6 rows.
    let mut state = load(&journeys().join("online-order-courier.toml"), (100, 12));
    update(&mut state, Action::Show(View::Gaps));
    let last = state.gap_rows.len() - 1;
    let page = usize::from(12 - CHROME_ROWS);

    assert_eq!(state.gaps.selected, 0);
    assert_eq!(
        update(&mut state, Action::Up),
        Effect::None,
        "Up at the top"
    );
    assert_eq!(
        update(&mut state, Action::Home),
        Effect::None,
        "Home at the top"
    );
    assert_eq!(update(&mut state, Action::PageUp), Effect::None);

    assert_eq!(update(&mut state, Action::Down), Effect::Redraw);
    assert_eq!(state.gaps.selected, 1);
    assert_eq!(update(&mut state, Action::Up), Effect::Redraw);
    assert_eq!(state.gaps.selected, 0);

    assert_eq!(update(&mut state, Action::PageDown), Effect::Redraw);
    assert_eq!(state.gaps.selected, page);
    assert!(
        state.gaps.offset <= state.gaps.selected && state.gaps.selected < state.gaps.offset + page,
        "the selection stays on screen: {:?}",
        state.gaps
    );

    assert_eq!(update(&mut state, Action::End), Effect::Redraw);
    assert_eq!(state.gaps.selected, last);
    assert_eq!(state.gaps.offset, last + 1 - page);
    assert_eq!(
        update(&mut state, Action::Down),
        Effect::None,
        "Down at the end"
    );
    assert_eq!(update(&mut state, Action::End), Effect::None);
    assert_eq!(update(&mut state, Action::PageDown), Effect::None);
    assert_eq!(state.gaps.selected, last);

    assert_eq!(update(&mut state, Action::PageUp), Effect::Redraw);
    assert_eq!(state.gaps.selected, last - page);
    assert_eq!(update(&mut state, Action::Home), Effect::Redraw);
    assert_eq!(state.gaps, ListCursor::default(), "back at the top");
}

#[test]
fn corridor_moves_clamp_at_the_edges() {
    let mut state = courier();
    let stages = state.opened().expect("open").derived.stage_members.clone();
    assert_eq!(stages.len(), 8);

    assert_eq!(
        update(&mut state, Action::Left),
        Effect::None,
        "Left at the start"
    );
    assert_eq!(update(&mut state, Action::Up), Effect::None);
    assert_eq!(
        update(&mut state, Action::Down),
        Effect::None,
        "the first stage has one touchpoint"
    );

    // Choose has three touchpoints: Down stops at the last.
    assert_eq!(update(&mut state, Action::Right), Effect::Redraw);
    assert_eq!(state.corridor.stage, 1);
    assert_eq!(stages[1].len(), 3);
    assert_eq!(
        apply(&mut state, [Action::Down, Action::Down]),
        [Effect::Redraw; 2]
    );
    assert_eq!(state.corridor.card, 2);
    assert_eq!(update(&mut state, Action::Down), Effect::None);
    assert_eq!(update(&mut state, Action::End), Effect::None);
    assert_eq!(state.corridor_selection(), Some(stages[1][2]));

    // Check out has two: the card clamps when the stage changes.
    update(&mut state, Action::Right);
    assert_eq!((state.corridor.stage, state.corridor.card), (2, 1));
    assert_eq!(state.corridor_selection(), Some(stages[2][1]));
    update(&mut state, Action::Home);
    assert_eq!(state.corridor.card, 0);

    for _ in 0..20 {
        update(&mut state, Action::Right);
    }
    assert_eq!(state.corridor.stage, 7);
    assert_eq!(
        update(&mut state, Action::Right),
        Effect::None,
        "Right at the end"
    );
    assert_eq!(
        touchpoint_id(&state, state.corridor_selection().expect("selected")),
        "review-request"
    );
}

#[test]
fn corridor_selection_follows_corridor_order() {
    let mut state = courier();
    let corridor = state.opened().expect("open").derived.corridor.clone();
    let mut walked = Vec::new();
    loop {
        walked.push(state.corridor_selection().expect("every stage has cards"));
        if update(&mut state, Action::Down) == Effect::None {
            update(&mut state, Action::Home);
            if update(&mut state, Action::Right) == Effect::None {
                break;
            }
        }
    }
    assert_eq!(walked, corridor);
    let ids: Vec<String> = walked.iter().map(|&i| touchpoint_id(&state, i)).collect();
    assert_eq!(ids.first().map(String::as_str), Some("instagram-reel"));
    assert_eq!(ids.last().map(String::as_str), Some("social-reply"));
    assert_eq!(ids.len(), 19);
}

#[test]
fn search_narrows_the_gap_rows_and_back_clears_it() {
    let mut state = courier();
    update(&mut state, Action::Show(View::Gaps));
    assert_eq!(update(&mut state, Action::Search), Effect::Redraw);
    assert_eq!(state.mode, Mode::Search);

    type_text(&mut state, "parcel");
    assert_eq!(state.search, "parcel");
    assert_eq!(state.view, View::Gaps);
    let narrowed = state.gap_rows.clone();
    assert!(!narrowed.is_empty() && narrowed.len() < 19, "{narrowed:?}");
    let ids = row_ids(&state);
    assert!(ids.contains(&"doorstep-delivery".to_owned()), "{ids:?}");
    assert!(ids.contains(&"unboxing".to_owned()), "{ids:?}");
    assert!(!ids.contains(&"instagram-reel".to_owned()), "{ids:?}");
    let opened = state.opened().expect("open");
    assert!(
        narrowed
            .iter()
            .all(|&i| matches_search(opened, i, "parcel"))
    );
    let in_rank: Vec<usize> = opened
        .derived
        .ranked
        .iter()
        .copied()
        .filter(|i| narrowed.contains(i))
        .collect();
    assert_eq!(narrowed, in_rank, "matches keep their ranking");

    // Narrower still, then wider again one character at a time.
    type_text(&mut state, "s");
    let parcels = state.gap_rows.len();
    assert!(parcels < narrowed.len(), "'parcels' matches fewer rows");
    assert_eq!(update(&mut state, Action::Erase), Effect::Redraw);
    assert_eq!(state.gap_rows, narrowed);
    let mut previous = state.gap_rows.len();
    while !state.search.is_empty() {
        update(&mut state, Action::Erase);
        assert!(state.gap_rows.len() >= previous, "erasing widens");
        previous = state.gap_rows.len();
    }
    assert_eq!(state.gap_rows.len(), 19);

    type_text(&mut state, "zzz-no-such-text");
    assert!(state.gap_rows.is_empty());
    assert_eq!(state.gaps.selected, 0);
    assert_eq!(update(&mut state, Action::Back), Effect::Redraw);
    assert_eq!(state.mode, Mode::Browse);
    assert!(state.search.is_empty());
    assert_eq!(state.gap_rows.len(), 19);
}

#[test]
fn search_kept_with_enter_then_esc_in_browse_clears_it() {
    let mut state = courier();
    update(&mut state, Action::Show(View::Gaps));
    update(&mut state, Action::Search);
    type_text(&mut state, "till");
    assert_eq!(update(&mut state, Action::Open), Effect::Redraw);
    assert_eq!(state.mode, Mode::Browse);
    assert_eq!(state.search, "till", "Enter keeps the query");
    let kept = state.gap_rows.len();
    assert!(kept < 19);
    assert_eq!(update(&mut state, Action::Back), Effect::Redraw);
    assert!(state.search.is_empty());
    assert_eq!(state.gap_rows.len(), 19);
    assert_eq!(
        update(&mut state, Action::Back),
        Effect::None,
        "nothing left to clear"
    );
}

#[test]
fn search_in_the_corridor_jumps_to_the_first_match() {
    let mut state = courier();
    update(&mut state, Action::Search);
    type_text(&mut state, "recycling");
    assert_eq!(state.view, View::Corridor);
    let selected = state.corridor_selection().expect("a match is selected");
    assert_eq!(touchpoint_id(&state, selected), "doorstep-delivery");
    assert_eq!(state.corridor.stage, 4);
}

#[test]
fn filter_by_stage_narrows_and_erase_clears() {
    let mut state = courier();
    assert_eq!(update(&mut state, Action::Filter), Effect::Redraw);
    assert_eq!(
        state.view,
        View::Gaps,
        "the filter belongs to the Gaps view"
    );
    assert_eq!(state.mode, Mode::Filter { row: 0 });
    assert_eq!(
        update(&mut state, Action::Up),
        Effect::None,
        "row 0 is the top"
    );

    assert_eq!(update(&mut state, Action::Right), Effect::Redraw);
    assert_eq!(state.filter.stage.as_deref(), Some("discover"));
    assert_eq!(row_ids(&state), ["instagram-reel"]);

    update(&mut state, Action::Right);
    assert_eq!(state.filter.stage.as_deref(), Some("choose"));
    let mut ids = row_ids(&state);
    ids.sort();
    assert_eq!(ids, ["delivery-promise", "product-page", "stock-badge"]);

    assert_eq!(update(&mut state, Action::Erase), Effect::Redraw);
    assert_eq!(state.filter, GapFilter::default());
    assert_eq!(state.gap_rows.len(), 19);

    // Left from "all" wraps to the last stage, Right from there back to all.
    update(&mut state, Action::Left);
    assert_eq!(state.filter.stage.as_deref(), Some("recommend"));
    assert_eq!(state.gap_rows.len(), 2);
    update(&mut state, Action::Right);
    assert_eq!(state.filter.stage, None);
    assert_eq!(state.gap_rows.len(), 19);

    // The class row filters by gap class.
    apply(&mut state, vec![Action::Down; 4]);
    assert_eq!(state.mode, Mode::Filter { row: 4 });
    assert_eq!(
        update(&mut state, Action::Down),
        Effect::None,
        "row 4 is the last"
    );
    update(&mut state, Action::Right);
    let class = state.filter.class.expect("a class is chosen");
    let opened = state.opened().expect("open");
    assert!(!state.gap_rows.is_empty());
    assert!(
        state
            .gap_rows
            .iter()
            .all(|&i| opened.journey.touchpoints[i].gap_class() == class)
    );

    assert_eq!(update(&mut state, Action::Back), Effect::Redraw);
    assert_eq!(state.mode, Mode::Browse);
    assert!(!state.filter.is_empty(), "closing keeps the filter");
    update(&mut state, Action::Back);
    assert!(state.filter.is_empty(), "Esc in browse clears it");
    assert_eq!(state.gap_rows.len(), 19);
}

#[test]
fn help_toggles_and_scrolls() {
    let mut state = courier();
    assert_eq!(update(&mut state, Action::Help), Effect::Redraw);
    assert_eq!(state.mode, Mode::Help);
    assert_eq!(
        update(&mut state, Action::Up),
        Effect::None,
        "already at the top"
    );
    assert_eq!(update(&mut state, Action::Down), Effect::Redraw);
    assert_eq!(state.help_scroll, 1);
    assert_eq!(update(&mut state, Action::Right), Effect::None);
    assert_eq!(update(&mut state, Action::Help), Effect::Redraw);
    assert_eq!(state.mode, Mode::Browse);
    update(&mut state, Action::Help);
    assert_eq!(state.help_scroll, 0, "help opens at the top");
    assert_eq!(update(&mut state, Action::Back), Effect::Redraw);
    assert_eq!(state.mode, Mode::Browse);
    assert_eq!(state.view, View::Corridor);
}

#[test]
fn detail_walks_the_whole_corridor_across_stages() {
    let mut state = courier();
    let corridor = state.opened().expect("open").derived.corridor.clone();
    assert_eq!(update(&mut state, Action::Open), Effect::Redraw);
    assert_eq!(state.mode, Mode::Detail);
    assert_eq!(state.detail_touchpoint(), Some(corridor[0]));

    // The first stage holds one touchpoint: Down crosses into the next stage.
    assert_eq!(update(&mut state, Action::Down), Effect::Redraw);
    assert_eq!((state.corridor.stage, state.corridor.card), (1, 0));
    assert_eq!(state.detail_touchpoint(), Some(corridor[1]));

    let mut walked = vec![corridor[0], corridor[1]];
    while update(&mut state, Action::Down) == Effect::Redraw {
        walked.push(state.detail_touchpoint().expect("a touchpoint"));
    }
    assert_eq!(
        walked, corridor,
        "Down visits every touchpoint once, in order"
    );
    assert_eq!(state.corridor.stage, 7);

    let mut back = vec![state.detail_touchpoint().expect("last")];
    while update(&mut state, Action::Up) == Effect::Redraw {
        back.push(state.detail_touchpoint().expect("a touchpoint"));
    }
    back.reverse();
    assert_eq!(back, corridor, "Up walks back to the start");
    assert_eq!(update(&mut state, Action::Left), Effect::None);
    assert_eq!(state.mode, Mode::Detail);

    assert_eq!(update(&mut state, Action::Back), Effect::Redraw);
    assert_eq!(state.mode, Mode::Browse);
}

#[test]
fn open_in_gaps_shows_the_selected_gap() {
    let mut state = courier();
    update(&mut state, Action::Show(View::Gaps));
    update(&mut state, Action::Down);
    assert_eq!(update(&mut state, Action::Open), Effect::Redraw);
    assert_eq!(state.mode, Mode::Detail);
    assert_eq!(state.detail_touchpoint(), Some(state.gap_rows[1]));
}

#[test]
fn open_in_journeys_opens_another_journey() {
    let mut state = load(&journeys(), (100, 30));
    assert_eq!(state.entries.len(), 3);
    assert_eq!(state.current, Some(0));
    let first_title = state.opened().expect("open").journey.title.clone();
    update(&mut state, Action::Right);
    update(&mut state, Action::Show(View::Journeys));
    assert_eq!(update(&mut state, Action::Open), Effect::Opened);
    assert_eq!(state.current, Some(0), "the open journey again");
    assert_eq!(state.corridor.stage, 0, "opening resets the corridor");

    update(&mut state, Action::Show(View::Journeys));
    assert_eq!(update(&mut state, Action::Down), Effect::Redraw);
    assert_eq!(state.current_name(), Some("b2b-onboarding.toml"));
    assert_eq!(update(&mut state, Action::Open), Effect::Opened);
    assert_eq!(state.current, Some(1));
    assert_eq!(state.current_name(), Some("online-order-courier.toml"));
    assert_eq!(state.view, View::Corridor);
    assert_ne!(state.opened().expect("open").journey.title, first_title);
    assert_eq!(state.gap_rows.len(), 19, "the gap rows follow the journey");
    assert_eq!(update(&mut state, Action::End), Effect::None);
}

#[test]
fn open_a_journey_with_errors_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = std::fs::read_to_string(journeys().join("online-order-courier.toml"))
        .expect("bundled journey");
    std::fs::write(dir.path().join("a-good.toml"), good).expect("write");
    std::fs::write(dir.path().join("b-broken.toml"), "schema = 1\ntitle = \n").expect("write");
    let mut state = load(dir.path(), (100, 30));
    assert!(state.entries[1].content.is_err());
    update(&mut state, Action::Show(View::Journeys));
    update(&mut state, Action::Down);
    assert_eq!(update(&mut state, Action::Open), Effect::Redraw);
    assert_eq!(state.current, Some(0), "the good journey stays open");
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.contains("b-broken.toml:2:") && s.contains("press r")),
        "{:?}",
        state.status
    );
    assert_eq!(update(&mut state, Action::Back), Effect::Redraw);
    assert_eq!(state.status, None, "Esc clears the message");
}

#[test]
fn reload_and_quit_are_effects() {
    let mut state = courier();
    assert_eq!(update(&mut state, Action::Reload), Effect::Reload);
    assert!(!state.quit);
    assert_eq!(update(&mut state, Action::Quit), Effect::Quit);
    assert!(state.quit);

    // Quit works from any mode.
    let mut state = courier();
    update(&mut state, Action::Help);
    assert_eq!(update(&mut state, Action::Quit), Effect::Quit);
}

#[test]
fn keys_that_mean_nothing_here_change_nothing() {
    let mut state = courier();
    update(&mut state, Action::Show(View::Gaps));
    let before = state.fingerprint();
    assert_eq!(update(&mut state, Action::Left), Effect::None);
    assert_eq!(update(&mut state, Action::Right), Effect::None);
    assert_eq!(update(&mut state, Action::Input('x')), Effect::None);
    assert_eq!(update(&mut state, Action::Erase), Effect::None);
    assert_eq!(update(&mut state, Action::Back), Effect::None);
    assert_eq!(state.fingerprint(), before);

    update(&mut state, Action::Show(View::Journeys));
    assert_eq!(update(&mut state, Action::Left), Effect::None);
    assert_eq!(update(&mut state, Action::Erase), Effect::None);

    // Resize always asks for a frame, even at the same size.
    assert_eq!(update(&mut state, Action::Resize(100, 30)), Effect::Redraw);
}

#[test]
fn detail_from_actions_always_shows_a_touchpoint() {
    // The Actions view mixes headings with rows that point at touchpoints;
    // Up/Down in the full-screen detail must not land on a heading, or the
    // screen is left in detail mode with no detail drawn.
    let mut state = courier();
    update(&mut state, Action::Show(View::Actions));
    update(&mut state, Action::Down);
    assert_eq!(update(&mut state, Action::Open), Effect::Redraw);
    assert_eq!(state.mode, Mode::Detail);
    let rows = state.opened().expect("open").derived.action_rows.len();
    for step in 0..rows {
        update(&mut state, Action::Down);
        assert!(
            state.mode != Mode::Detail || state.detail_touchpoint().is_some(),
            "after {} Down(s) in detail the Actions row {} is a heading: detail mode shows nothing",
            step + 1,
            state.actions.selected
        );
    }
}
