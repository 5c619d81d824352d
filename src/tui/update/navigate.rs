//! Moving selections in each view, and opening what is selected.

use super::{CHROME_ROWS, Effect};
use crate::tui::action::Action;
use crate::tui::state::{
    AppState, CorridorCursor, GapFilter, ListCursor, Mode, View, matches_search,
};

/// Rows a list shows at the current terminal size.
pub fn page(state: &AppState) -> usize {
    usize::from(state.size.1.saturating_sub(CHROME_ROWS)).max(1)
}

fn delta(action: &Action, page: usize) -> Option<isize> {
    let page = page as isize;
    match action {
        Action::Up => Some(-1),
        Action::Down => Some(1),
        Action::PageUp => Some(-page),
        Action::PageDown => Some(page),
        Action::Home => Some(isize::MIN / 2),
        Action::End => Some(isize::MAX / 2),
        _ => None,
    }
}

fn move_list(cursor: &mut ListCursor, action: &Action, len: usize, page: usize) -> Effect {
    match delta(action, page) {
        Some(d) => {
            cursor.step(d, len);
            cursor.scroll_into_view(page);
            Effect::Redraw
        }
        None => Effect::None,
    }
}

/// Moves the selection of the current view.
pub fn step(state: &mut AppState, action: &Action) -> Effect {
    let page = page(state);
    match state.view {
        View::Corridor => corridor(state, action),
        View::Gaps => move_list(&mut state.gaps, action, state.gap_rows.len(), page),
        View::Owners => {
            let (rows, stages) = state.opened().map_or((0, 0), |o| {
                (o.derived.owners.len() + 1, o.journey.stages.len())
            });
            // Left and right move the stage in focus, shared with the Corridor.
            match action {
                Action::Left => state.corridor.stage = state.corridor.stage.saturating_sub(1),
                Action::Right => {
                    state.corridor.stage = (state.corridor.stage + 1).min(stages.saturating_sub(1))
                }
                _ => return move_list(&mut state.owners, action, rows, page),
            }
            Effect::Redraw
        }
        View::Curve => {
            let len = state.opened().map_or(0, |o| o.derived.corridor.len());
            let d = match action {
                Action::Left | Action::Up => -1,
                Action::Right | Action::Down => 1,
                Action::PageUp => -10,
                Action::PageDown => 10,
                Action::Home => isize::MIN / 2,
                Action::End => isize::MAX / 2,
                _ => return Effect::None,
            };
            let mut cursor = ListCursor {
                selected: state.curve,
                offset: 0,
            };
            cursor.step(d, len);
            state.curve = cursor.selected;
            Effect::Redraw
        }
        View::Actions => {
            let len = state.opened().map_or(0, |o| o.derived.action_rows.len());
            move_list(&mut state.actions, action, len, page)
        }
        View::Journeys => move_list(&mut state.journeys, action, state.entries.len(), page),
        View::Trend => {
            let len = state.opened().map_or(0, |o| o.derived.corridor.len());
            let mut cursor = ListCursor {
                selected: state.trend_cursor,
                offset: 0,
            };
            let effect = move_list(&mut cursor, action, len, page);
            state.trend_cursor = cursor.selected;
            effect
        }
        View::Blueprint => super::blueprint::step(state, action),
    }
}

fn corridor(state: &mut AppState, action: &Action) -> Effect {
    let Some(opened) = state.opened() else {
        return Effect::None;
    };
    let members = &opened.derived.stage_members;
    let stages = members.len();
    if stages == 0 {
        return Effect::None;
    }
    let mut c: CorridorCursor = state.corridor;
    let in_detail = state.mode == Mode::Detail;
    match action {
        Action::Left => c.stage = c.stage.saturating_sub(1),
        Action::Right => c.stage = (c.stage + 1).min(stages - 1),
        // In the detail screen up/down walk the whole corridor.
        Action::Up | Action::Down if in_detail => {
            let forward = *action == Action::Down;
            let mut stage = c.stage;
            let mut card = c.card as isize + if forward { 1 } else { -1 };
            loop {
                let len = members.get(stage).map_or(0, Vec::len) as isize;
                if (0..len).contains(&card) {
                    c.stage = stage;
                    c.card = card as usize;
                    break;
                }
                if forward && stage + 1 < stages {
                    stage += 1;
                    card = 0;
                } else if !forward && stage > 0 {
                    stage -= 1;
                    card = members.get(stage).map_or(0, Vec::len) as isize - 1;
                } else {
                    break;
                }
            }
        }
        other => {
            let len = members.get(c.stage).map_or(0, Vec::len);
            let Some(d) = delta(other, 5) else {
                return Effect::None;
            };
            let mut cursor = ListCursor {
                selected: c.card,
                offset: 0,
            };
            cursor.step(d, len);
            c.card = cursor.selected;
        }
    }
    let len = members.get(c.stage).map_or(0, Vec::len);
    c.card = c.card.min(len.saturating_sub(1));
    state.corridor = c;
    Effect::Redraw
}

/// Selects the first touchpoint (in corridor order) matching the search.
pub fn corridor_to_first_match(state: &mut AppState) {
    let Some(opened) = state.opened() else {
        return;
    };
    let query = state.search.to_lowercase();
    let found = opened
        .derived
        .stage_members
        .iter()
        .enumerate()
        .find_map(|(s, members)| {
            members
                .iter()
                .position(|&i| matches_search(opened, i, &query))
                .map(|card| (s, card))
        });
    if let Some((stage, card)) = found {
        state.corridor.stage = stage;
        state.corridor.card = card;
    }
}

/// Opens entry `index` (a journey that parsed) in the Corridor. Not while
/// the open one has unsaved edits: quitting would not ask about them.
fn open_journey(state: &mut AppState, index: usize) -> Effect {
    if state.current != Some(index) && state.is_dirty() {
        state.status =
            Some("unsaved changes: save (s) or undo (u) before opening another journey".into());
        return Effect::Redraw;
    }
    state.current = Some(index);
    state.journeys.selected = index;
    state.corridor = CorridorCursor::default();
    state.gaps = ListCursor::default();
    state.owners = ListCursor::default();
    state.actions = ListCursor::default();
    state.curve = 0;
    state.filter = GapFilter::default();
    state.search.clear();
    state.refresh_gap_rows();
    state.view = View::Corridor;
    state.status = None;
    Effect::Opened
}

/// `]` / `[`: open the next (previous) journey of the folder that parsed,
/// round to the first (last).
pub fn switch_journey(state: &mut AppState, step: isize) -> Effect {
    let openable: Vec<usize> = state
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.content.is_ok())
        .map(|(i, _)| i)
        .collect();
    if openable.len() < 2 {
        state.status = Some("this is the only journey here".into());
        return Effect::Redraw;
    }
    let at = state
        .current
        .and_then(|c| openable.iter().position(|&i| i == c))
        .unwrap_or(0) as isize;
    let next = openable[(at + step).rem_euclid(openable.len() as isize) as usize];
    open_journey(state, next)
}

/// Enter: open a journey, or show the selected touchpoint in full.
pub fn open(state: &mut AppState) -> Effect {
    match state.view {
        View::Journeys => {
            let selected = state.journeys.selected;
            match state.entries.get(selected).map(|e| e.content.is_ok()) {
                Some(true) => return open_journey(state, selected),
                Some(false) => {
                    let error = state.entries[selected].content.as_ref().err().cloned();
                    state.status = Some(format!(
                        "{} (fix it, then press r)",
                        error.unwrap_or_default()
                    ));
                }
                None => return Effect::None,
            }
        }
        View::Owners => {
            let Some(opened) = state.opened() else {
                return Effect::None;
            };
            // Past the departments is the "(unowned)" row: the empty id.
            let department = Some(
                opened
                    .derived
                    .owners
                    .get(state.owners.selected)
                    .map_or(String::new(), |o| o.id.clone()),
            );
            state.filter = GapFilter {
                department,
                ..GapFilter::default()
            };
            state.refresh_gap_rows();
            state.view = View::Gaps;
        }
        _ => {
            if state.detail_touchpoint().is_none() {
                return Effect::None;
            }
            state.mode = Mode::Detail;
        }
    }
    Effect::Redraw
}
