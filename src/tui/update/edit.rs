//! Editing touchpoints: the form (every field, validated as `corridor set`
//! validates), adding after the selection and deleting with a confirmation.
//! Every change is recorded for undo.

use super::{Effect, record};
use crate::model::{Id, Kind, Target, Touchpoint, assign};
use crate::tui::action::Action;
use crate::tui::forms::{matches, touchpoint_fields, value_text};
use crate::tui::history::Edit;
use crate::tui::state::{AppState, Mode};

/// What typed text in a reference field stands for: itself when it is an
/// id (or empty), else the one choice it matches.
fn resolve(state: &AppState, field: &str, typed: &str) -> Result<String, String> {
    let Some(journey) = state.opened().map(|o| &o.journey) else {
        return Ok(typed.to_owned());
    };
    let found = matches(journey, field, typed);
    if typed.is_empty()
        || found.iter().any(|(id, _)| id == typed)
        || field == "channel" && found.len() != 1
    {
        return Ok(typed.to_owned());
    }
    match found.as_slice() {
        [(id, _)] => Ok(id.clone()),
        [] => Ok(typed.to_owned()),
        many => Err(format!(
            "`{typed}` matches {}: type more",
            many.iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Fields edited in the text area, where Enter starts a new line.
const MULTI_LINE: [&str; 3] = ["expectation", "experience", "notes"];

/// Keys in the text area: Ctrl-s applies, Esc goes back to the form.
pub fn text(
    state: &mut AppState,
    index: usize,
    row: usize,
    field: &'static str,
    action: Action,
) -> Effect {
    let back = |state: &mut AppState, error| {
        state.mode = Mode::Form {
            index,
            row,
            input: None,
            error,
        };
    };
    match action {
        Action::Key(key) => {
            if let Some(editor) = state.editor.as_mut() {
                editor.input(key);
            }
        }
        Action::Open => {
            let value = state
                .editor
                .as_ref()
                .map(|e| e.lines().join("\n"))
                .unwrap_or_default();
            let value = value.trim_end_matches('\n');
            match apply_field(state, index, field, value) {
                Ok(()) => {
                    state.editor = None;
                    back(state, None);
                }
                Err(why) => state.status = Some(why),
            }
        }
        Action::Back => {
            state.editor = None;
            back(state, None);
        }
        _ => return Effect::None,
    }
    Effect::Redraw
}

/// The choices Left/Right cycle through for reference fields.
fn choices(state: &AppState, field: &str) -> Option<Vec<String>> {
    let j = &state.opened()?.journey;
    let ids = |list: Vec<&Id>, optional: bool| {
        let mut out: Vec<String> = if optional {
            vec![String::new()]
        } else {
            Vec::new()
        };
        out.extend(list.into_iter().map(ToString::to_string));
        out
    };
    match field {
        "stage" => Some(ids(j.stages.iter().map(|s| &s.id).collect(), false)),
        "owner" => Some(ids(j.departments.iter().map(|d| &d.id).collect(), true)),
        "partner" => Some(ids(j.partners.iter().map(|p| &p.id).collect(), true)),
        "moment_of_truth" => Some(vec!["false".into(), "true".into()]),
        _ => None,
    }
}

fn refuse(state: &mut AppState, why: Option<String>) -> Effect {
    if let Some(why) = why {
        state.status = Some(why);
        return Effect::Redraw;
    }
    Effect::None
}

/// `e`: open the form on the selected touchpoint.
pub fn open_form(state: &mut AppState) -> Effect {
    if state.read_only().is_some() {
        return refuse(state, state.read_only());
    }
    match state.detail_touchpoint() {
        Some(index) => {
            state.mode = Mode::Form {
                index,
                row: 0,
                input: None,
                error: None,
            };
            Effect::Redraw
        }
        None => refuse(state, Some("select a touchpoint first".into())),
    }
}

/// Keys inside the form.
pub fn form(
    state: &mut AppState,
    index: usize,
    row: usize,
    input: Option<String>,
    action: Action,
) -> Effect {
    let names: Vec<&'static str> = state
        .opened()
        .and_then(|o| o.journey.touchpoints.get(index))
        .map(|t| touchpoint_fields(t).into_iter().map(|(k, _)| k).collect())
        .unwrap_or_default();
    let Some(&field) = names.get(row.min(names.len().saturating_sub(1))) else {
        state.mode = Mode::Browse;
        return Effect::Redraw;
    };
    let set = |state: &mut AppState, row, input, error| {
        state.mode = Mode::Form {
            index,
            row,
            input,
            error,
        }
    };
    let forward = action == Action::Right;
    match (input, action) {
        (None, Action::Up) => set(state, row.saturating_sub(1), None, None),
        (None, Action::Down) => set(state, (row + 1).min(names.len() - 1), None, None),
        (None, Action::Left | Action::Right) => {
            let Some(list) = choices(state, field) else {
                return Effect::None;
            };
            let current = state
                .opened()
                .and_then(|o| o.journey.touchpoints.get(index))
                .map(|t| value_text(t, field))
                .unwrap_or_default();
            let at = list.iter().position(|c| *c == current).unwrap_or(0);
            let step = if forward { 1 } else { list.len() - 1 };
            let next = list[(at + step) % list.len()].clone();
            let error = apply_field(state, index, field, &next).err();
            set(state, row, None, error);
        }
        // Text holding control characters stays in the one-line input,
        // which shows them as placeholders; the text area would draw them.
        (None, Action::Open)
            if MULTI_LINE.contains(&field)
                && state
                    .opened()
                    .and_then(|o| o.journey.touchpoints.get(index))
                    .is_some_and(|t| crate::text::is_inert(&value_text(t, field))) =>
        {
            let current = state
                .opened()
                .and_then(|o| o.journey.touchpoints.get(index))
                .map(|t| value_text(t, field))
                .unwrap_or_default();
            let lines = current.lines().map(str::to_owned).collect::<Vec<_>>();
            state.editor = Some(ratatui_textarea::TextArea::new(lines));
            state.mode = Mode::Text { index, row, field };
        }
        (None, Action::Open) => {
            let current = state
                .opened()
                .and_then(|o| o.journey.touchpoints.get(index))
                .map(|t| value_text(t, field))
                .unwrap_or_default();
            set(state, row, Some(current), None);
        }
        (None, Action::Back) => state.mode = Mode::Browse,
        (Some(mut text), Action::Input(c)) => {
            text.push(c);
            set(state, row, Some(text), None);
        }
        (Some(mut text), Action::Erase) => {
            text.pop();
            set(state, row, Some(text), None);
        }
        (Some(text), Action::Open) => match resolve(state, field, &text)
            .and_then(|value| apply_field(state, index, field, &value))
        {
            Ok(()) => set(state, row, None, None),
            Err(why) => set(state, row, Some(text), Some(why)),
        },
        (Some(_), Action::Back) => set(state, row, None, None),
        _ => return Effect::None,
    }
    Effect::Redraw
}

/// Sets one field through `model::assign`, refusing what `check` would
/// call an error; records the change for undo.
fn apply_field(state: &mut AppState, index: usize, field: &str, text: &str) -> Result<(), String> {
    let opened = state.opened_mut().ok_or("no journey is open")?;
    let before_tp = opened
        .journey
        .touchpoints
        .get(index)
        .cloned()
        .ok_or("no such touchpoint")?;
    let target = Target::Entry(Kind::Touchpoint, before_tp.id.clone());
    let before = opened.journey.clone();
    let mut journey = before.clone();
    if field == "evidence" {
        let items: Vec<String> = text
            .split(" | ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        if let Some(t) = journey.touchpoints.get_mut(index) {
            t.evidence = items;
        }
    } else {
        assign(&mut journey, &target, field, text).map_err(|e| e.to_string())?;
    }
    let after_tp = journey
        .touchpoints
        .get(index)
        .cloned()
        .ok_or("no such touchpoint")?;
    let known = |found: bool, what: &str, id: &Option<Id>| match id {
        Some(id) if !found => Err(format!("no {what} `{id}` in this journey")),
        _ => Ok(()),
    };
    known(
        journey.stage(&after_tp.stage).is_some(),
        "stage",
        &Some(after_tp.stage.clone()),
    )?;
    known(
        after_tp
            .owner
            .as_ref()
            .is_none_or(|o| journey.department(o).is_some()),
        "department",
        &after_tp.owner,
    )?;
    known(
        after_tp
            .partner
            .as_ref()
            .is_none_or(|p| journey.partner(p).is_some()),
        "partner",
        &after_tp.partner,
    )?;
    if after_tp == before_tp && journey == before {
        return Ok(());
    }
    let edit = if field == "id" {
        Edit::Journey {
            before: Box::new(before),
            after: Box::new(journey),
        }
    } else {
        Edit::Touchpoint {
            index,
            before: Box::new(before_tp),
            after: Box::new(after_tp),
        }
    };
    record(state, edit);
    state.select_touchpoint(index);
    Ok(())
}

/// `a`: a new touchpoint after the selected one, in the same stage (or the
/// stage in focus when it has none), then its form.
pub fn add(state: &mut AppState) -> Effect {
    if state.read_only().is_some() {
        return refuse(state, state.read_only());
    }
    let Some(opened) = state.opened() else {
        return Effect::None;
    };
    let j = &opened.journey;
    let selected = state.corridor_selection();
    let stage = match selected {
        Some(i) => j.touchpoints[i].stage.clone(),
        None => match j.stages.get(state.corridor.stage) {
            Some(s) => s.id.clone(),
            None => return refuse(state, Some("add a stage to the file first".into())),
        },
    };
    let id = (1..)
        .map(|n| {
            if n == 1 {
                "new-touchpoint".to_owned()
            } else {
                format!("new-touchpoint-{n}")
            }
        })
        .find(|candidate| j.touchpoint(candidate).is_none())
        .and_then(|text| Id::new(&text).ok());
    let Some(id) = id else {
        return Effect::None;
    };
    let index = selected.map_or(j.touchpoints.len(), |i| i + 1);
    let touchpoint = Touchpoint::new(id, stage, "New touchpoint");
    record(
        state,
        Edit::Insert {
            index,
            touchpoint: Box::new(touchpoint),
        },
    );
    // The form opens typing the name, the one thing a new touchpoint needs.
    let row = state
        .opened()
        .and_then(|o| o.journey.touchpoints.get(index))
        .and_then(|t| touchpoint_fields(t).iter().position(|(k, _)| *k == "name"))
        .unwrap_or(0);
    state.mode = Mode::Form {
        index,
        row,
        input: Some(String::new()),
        error: None,
    };
    Effect::Redraw
}

/// `d`: ask before deleting the selected touchpoint.
pub fn ask_delete(state: &mut AppState) -> Effect {
    if state.read_only().is_some() {
        return refuse(state, state.read_only());
    }
    match state.detail_touchpoint() {
        Some(index) => {
            state.mode = Mode::ConfirmDelete { index };
            Effect::Redraw
        }
        None => refuse(state, Some("select a touchpoint first".into())),
    }
}

/// `y` deletes (with the actions linked to it), anything else keeps it.
pub fn confirm_delete(state: &mut AppState, index: usize, action: Action) -> Effect {
    state.mode = Mode::Browse;
    if action != Action::Input('y') {
        state.status = Some("kept".into());
        return Effect::Redraw;
    }
    let Some(opened) = state.opened() else {
        return Effect::Redraw;
    };
    let Some(touchpoint) = opened.journey.touchpoints.get(index).cloned() else {
        return Effect::Redraw;
    };
    let actions = opened
        .journey
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.touchpoint == touchpoint.id)
        .map(|(i, a)| (i, a.clone()))
        .collect();
    state.status = Some(format!(
        "deleted {} (u undoes)",
        crate::text::inert(&touchpoint.name)
    ));
    record(
        state,
        Edit::Remove {
            index,
            touchpoint: Box::new(touchpoint),
            actions,
        },
    );
    Effect::Redraw
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
