//! The persona card, and comparing two journeys: `m` marks a journey in the
//! Journeys view, `c` compares the selected journey with the marked one, or
//! with the journey its `baseline` names. No I/O: the baseline must be one
//! of the journeys already read.

use std::path::{Component, Path, PathBuf};

use super::Effect;
use crate::tui::action::Action;
use crate::tui::state::{AppState, Mode, View};

/// `p`: the open journey's persona card.
pub fn persona(state: &mut AppState) -> Effect {
    match state.opened().map(|o| o.journey.persona.is_some()) {
        Some(true) => state.mode = Mode::Persona,
        Some(false) => state.status = Some("this journey names no persona".into()),
        None => return Effect::None,
    }
    Effect::Redraw
}

/// `m` in the Journeys view: marks (or unmarks) the selected journey.
pub fn mark(state: &mut AppState) -> Effect {
    if state.view != View::Journeys {
        state.status = Some("m marks a journey in the Journeys view (6)".into());
        return Effect::Redraw;
    }
    let selected = state.journeys.selected;
    let Some(entry) = state.entries.get(selected) else {
        return Effect::None;
    };
    if state.marked == Some(selected) {
        state.marked = None;
        state.status = Some("unmarked".into());
    } else if entry.content.is_ok() {
        state.status = Some(format!(
            "marked {}: c on another journey compares the two",
            crate::text::inert(&entry.name)
        ));
        state.marked = Some(selected);
    } else {
        state.status = Some("only a journey that parses can be compared".into());
    }
    Effect::Redraw
}

/// `a/./b/../c` as `a/c`, without asking the file system.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The entry holding the journey that entry `index` names as its baseline.
fn baseline_of(state: &AppState, index: usize) -> Result<usize, String> {
    let entry = state.entries.get(index).ok_or("no such journey")?;
    let opened = entry.content.as_ref().map_err(Clone::clone)?;
    let Some(baseline) = &opened.journey.baseline else {
        return Err(format!(
            "{} names no baseline: m marks a journey to compare it with",
            crate::text::inert(&entry.name)
        ));
    };
    let dir = entry.path.parent().unwrap_or(Path::new(""));
    let wanted = normal(&dir.join(baseline));
    state
        .entries
        .iter()
        .position(|e| normal(&e.path) == wanted)
        .ok_or_else(|| {
            format!(
                "baseline {} is not among the journeys read",
                crate::text::inert(baseline)
            )
        })
}

/// `c`: in the Journeys view the selected journey against the marked one
/// (else its baseline); elsewhere the open journey against its baseline.
pub fn compare(state: &mut AppState) -> Effect {
    let second = if state.view == View::Journeys {
        state.journeys.selected
    } else {
        match state.current {
            Some(current) => current,
            None => return Effect::None,
        }
    };
    let first = match state
        .marked
        .filter(|&m| m != second && state.view == View::Journeys)
    {
        Some(marked) => Ok(marked),
        None => baseline_of(state, second),
    };
    match first {
        Ok(first) if state.entries.get(first).is_some_and(|e| e.content.is_ok()) => {
            state.mode = Mode::Compare {
                first,
                second,
                row: 0,
            };
            state.status = None;
        }
        Ok(_) => state.status = Some("the other journey does not parse".into()),
        Err(why) => state.status = Some(why),
    }
    Effect::Redraw
}

/// Keys on the compare screen: scroll the touchpoints, Esc closes.
pub fn screen(
    state: &mut AppState,
    (first, second, row): (usize, usize, usize),
    action: Action,
) -> Effect {
    let page = super::navigate::page(state);
    let rows = [first, second]
        .iter()
        .filter_map(|&i| state.entries.get(i)?.content.as_ref().ok())
        .map(|o| o.journey.touchpoints.len())
        .sum::<usize>();
    let last = rows.saturating_sub(1);
    let row = match action {
        Action::Back => {
            state.mode = Mode::Browse;
            return Effect::Redraw;
        }
        Action::Up => row.saturating_sub(1),
        Action::Down => (row + 1).min(last),
        Action::PageUp => row.saturating_sub(page),
        Action::PageDown => (row + page).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => return Effect::None,
    };
    state.mode = Mode::Compare { first, second, row };
    Effect::Redraw
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised_without_the_file_system() {
        assert_eq!(
            normal(Path::new("journeys/./x/../b.toml")),
            PathBuf::from("journeys/b.toml")
        );
        assert_eq!(normal(Path::new("../b.toml")), PathBuf::from("../b.toml"));
    }
}
