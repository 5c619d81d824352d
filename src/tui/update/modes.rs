//! Search, filter, help and detail modes.

use super::Effect;
use super::navigate;
use crate::model::GapClass;
use crate::tui::action::Action;
use crate::tui::state::{AppState, GapFilter, Mode, View};

pub fn search(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::Input(c) => {
            state.search.push(c);
            after_search(state)
        }
        Action::Erase => {
            state.search.pop();
            after_search(state)
        }
        Action::Open => {
            state.mode = Mode::Browse;
            Effect::Redraw
        }
        Action::Back => {
            state.search.clear();
            state.mode = Mode::Browse;
            after_search(state)
        }
        Action::Up | Action::Down => navigate::step(state, &action),
        _ => Effect::None,
    }
}

/// The Gaps list follows the query; the Corridor jumps to the first match.
fn after_search(state: &mut AppState) -> Effect {
    state.refresh_gap_rows();
    if state.view == View::Corridor {
        navigate::corridor_to_first_match(state);
    } else if state.view != View::Gaps && state.view != View::Actions {
        state.view = View::Gaps;
    }
    Effect::Redraw
}

/// The values a filter dimension can take in the open journey.
pub fn filter_values(state: &AppState, row: usize) -> Vec<String> {
    let Some(opened) = state.opened() else {
        return Vec::new();
    };
    let j = &opened.journey;
    match row {
        0 => j.stages.iter().map(|s| s.id.to_string()).collect(),
        1 => j.departments.iter().map(|d| d.id.to_string()).collect(),
        2 => j.partners.iter().map(|p| p.id.to_string()).collect(),
        3 => {
            let mut channels: Vec<String> = Vec::new();
            for t in &j.touchpoints {
                if let Some(c) = &t.channel
                    && !channels.contains(c)
                {
                    channels.push(c.clone());
                }
            }
            channels
        }
        _ => GapClass::ALL.iter().map(|c| c.name().to_owned()).collect(),
    }
}

fn current_value(filter: &GapFilter, row: usize) -> Option<String> {
    match row {
        0 => filter.stage.clone(),
        1 => filter.department.clone(),
        2 => filter.partner.clone(),
        3 => filter.channel.clone(),
        _ => filter.class.map(|c| c.name().to_owned()),
    }
}

fn set_value(filter: &mut GapFilter, row: usize, value: Option<String>) {
    match row {
        0 => filter.stage = value,
        1 => filter.department = value,
        2 => filter.partner = value,
        3 => filter.channel = value,
        _ => filter.class = value.and_then(|v| GapClass::ALL.into_iter().find(|c| c.name() == v)),
    }
}

pub fn filter(state: &mut AppState, row: usize, action: Action) -> Effect {
    let rows = GapFilter::DIMENSIONS.len();
    match action {
        Action::Up => {
            state.mode = Mode::Filter {
                row: row.saturating_sub(1),
            }
        }
        Action::Down => {
            state.mode = Mode::Filter {
                row: (row + 1).min(rows - 1),
            }
        }
        Action::Left | Action::Right => {
            let values = filter_values(state, row);
            // Position 0 is "all"; values follow.
            let at = current_value(&state.filter, row)
                .and_then(|v| values.iter().position(|x| *x == v))
                .map_or(0, |p| p + 1);
            let n = values.len() + 1;
            let next = if action == Action::Right {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            let value = next.checked_sub(1).and_then(|i| values.get(i).cloned());
            set_value(&mut state.filter, row, value);
            state.refresh_gap_rows();
        }
        Action::Erase => {
            state.filter = GapFilter::default();
            state.refresh_gap_rows();
        }
        Action::Back | Action::Filter | Action::Open => state.mode = Mode::Browse,
        _ => return Effect::None,
    }
    Effect::Redraw
}

/// Scrolling the help: it stops where its last line shows at the bottom,
/// wrapped lines counted, at the terminal's size.
pub fn help(state: &mut AppState, action: Action) -> Effect {
    let last = crate::tui::ui::help_last_scroll(state.size, state.options.ascii);
    // A page keeps one line of the last for context.
    let page = state.size.1.saturating_sub(3).max(1);
    let scroll = state.help_scroll.min(last);
    state.help_scroll = match action {
        Action::Back | Action::Help => {
            state.mode = Mode::Browse;
            return Effect::Redraw;
        }
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1).min(last),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => return Effect::None,
    };
    Effect::Redraw
}

pub fn detail(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::Back | Action::Open => {
            state.mode = Mode::Browse;
            Effect::Redraw
        }
        Action::Up | Action::Down => {
            // Walk past rows that are no touchpoint (Actions view headings).
            let before = state.fingerprint();
            let saved = (state.actions, state.gaps, state.corridor, state.curve);
            loop {
                let at = state.fingerprint();
                navigate::step(state, &action);
                if state.detail_touchpoint().is_some() {
                    break;
                }
                if state.fingerprint() == at {
                    (state.actions, state.gaps, state.corridor, state.curve) = saved;
                    break;
                }
            }
            if state.fingerprint() == before {
                Effect::None
            } else {
                Effect::Redraw
            }
        }
        _ => Effect::None,
    }
}

#[cfg(test)]
#[path = "modes_tests.rs"]
mod tests;
