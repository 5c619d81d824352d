//! Keys in a form, the same for the journey header and every kind of
//! entry: moving between the fields of the field table, stepping fixed sets
//! of values with Left/Right, typing a field in a one-line input (the text
//! area for multi-line fields), and applying each value through
//! `model::assign`, refused when `check` would report a new error. Every
//! applied value is one undoable edit.

use ratatui_textarea::{CursorMove, TextArea};

use super::{Effect, record};
use crate::analysis::new_errors;
use crate::model::{Field, FieldSpec, FieldType, Id, Journey, Kind, Target, assign, rename};
use crate::tui::action::Action;
use crate::tui::derived::ActionRow;
use crate::tui::forms::{
    PickRow, choices, id_for_name, name_field, pick_row_of, resolve, row_of, values,
};
use crate::tui::history::Edit;
use crate::tui::state::{AppState, Form, Mode, Typing};

/// Opens the form of `target` on its first field.
pub fn open(state: &mut AppState, target: Target, back_to: Option<usize>) {
    state.editor = None;
    state.mode = Mode::Form(Form::new(target, back_to));
}

/// Opens the form of an entry just added, typing its name (or title) into
/// an empty input: the one thing it needs. Its id follows what is typed
/// until the id is edited by hand.
pub fn open_new(state: &mut AppState, target: Target, back_to: Option<usize>) {
    let mut form = Form::new(target, back_to);
    form.row = row_of(&form.target, name_field(&form.target)).unwrap_or(0);
    form.fresh = true;
    form.typing = Some(Typing::Line);
    state.editor = Some(line_editor(""));
    state.mode = Mode::Form(form);
}

fn line_editor(text: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(vec![text.to_owned()]);
    editor.move_cursor(CursorMove::End);
    editor
}

/// Keys inside a form.
pub fn step(state: &mut AppState, form: Form, action: Action) -> Effect {
    let rows = state
        .opened()
        .and_then(|o| values(&o.journey, &form.target))
        .unwrap_or_default();
    let Some(last) = rows.len().checked_sub(1) else {
        close(state, &form);
        return Effect::Redraw;
    };
    let row = form.row.min(last);
    let (spec, current) = rows[row].clone();
    let form = Form { row, ..form };
    let field = Focus {
        spec,
        current,
        last,
    };
    match form.typing {
        None => browse(state, form, &field, action),
        Some(Typing::Line) => type_line(state, form, &field, action),
        Some(Typing::Lines) => type_lines(state, form, &field, action),
    }
}

/// The field in focus: its row of the table, its value, the last row.
struct Focus {
    spec: FieldSpec,
    current: String,
    last: usize,
}

/// Moving between fields, stepping values, starting to type.
fn browse(state: &mut AppState, mut form: Form, field: &Focus, action: Action) -> Effect {
    form.error = None;
    match action {
        Action::Up => form.row = form.row.saturating_sub(1),
        Action::Down => form.row = (form.row + 1).min(field.last),
        Action::Home => form.row = 0,
        Action::End => form.row = field.last,
        Action::Left | Action::Right => {
            if let Err(why) = step_value(state, &mut form, field, action == Action::Right) {
                form.error = Some(why);
            }
        }
        // Text holding control characters stays in the one-line input,
        // which shows them as placeholders; the text area would draw them.
        Action::Open
            if field.spec.ty == FieldType::Lines && crate::text::is_inert(&field.current) =>
        {
            let lines = field.current.lines().map(str::to_owned).collect();
            state.editor = Some(TextArea::new(lines));
            form.typing = Some(Typing::Lines);
        }
        Action::Open => {
            state.editor = Some(line_editor(&field.current));
            form.typing = Some(Typing::Line);
        }
        // The form stays open: letters typed on after `s` land here, not
        // in the view where they would undo or delete.
        Action::Save => {
            state.mode = Mode::Form(form);
            return Effect::Save;
        }
        Action::Input(_) => {
            state.status = Some(format!("Enter types into {}", field.spec.field.key()));
        }
        Action::Back => {
            close(state, &form);
            return Effect::Redraw;
        }
        _ => return Effect::None,
    }
    state.mode = Mode::Form(form);
    Effect::Redraw
}

/// Left/Right: the previous or next of the field's values, applied.
fn step_value(
    state: &mut AppState,
    form: &mut Form,
    field: &Focus,
    forward: bool,
) -> Result<(), String> {
    let Some(list) = state.opened().and_then(|o| choices(&o.journey, field.spec)) else {
        return Ok(());
    };
    if let (FieldType::Ref(kind), true) = (field.spec.ty, list.iter().all(String::is_empty)) {
        return Err(format!(
            "no {} to pick yet: E adds one (a on {})",
            kind.key(),
            kind.key()
        ));
    }
    let n = list.len();
    let next = match list.iter().position(|c| *c == field.current) {
        Some(at) if forward => (at + 1) % n,
        Some(at) => (at + n - 1) % n,
        None if forward => 0,
        None => n.saturating_sub(1),
    };
    let Some(value) = list.get(next) else {
        return Ok(());
    };
    form.target = apply(state, form, field.spec, value)?;
    Ok(())
}

/// Typing in the one-line input: editing keys, and the keys that end the
/// field (Enter and Down go on, Up goes back, Esc closes the form) after
/// applying what was typed.
fn type_line(state: &mut AppState, mut form: Form, field: &Focus, action: Action) -> Effect {
    let Some(editor) = state.editor.as_mut() else {
        form.typing = None;
        state.mode = Mode::Form(form);
        return Effect::Redraw;
    };
    match action {
        Action::Input(c) if !c.is_control() => editor.insert_char(c),
        Action::Erase => _ = editor.delete_char(),
        Action::EraseNext => _ = editor.delete_next_char(),
        Action::EraseWord => _ = editor.delete_word(),
        Action::EraseToStart => _ = editor.delete_line_by_head(),
        Action::EraseToEnd => _ = editor.delete_line_by_end(),
        Action::Left => editor.move_cursor(CursorMove::Back),
        Action::Right => editor.move_cursor(CursorMove::Forward),
        Action::Home => editor.move_cursor(CursorMove::Head),
        Action::End => editor.move_cursor(CursorMove::End),
        Action::Open | Action::Down | Action::Up | Action::Back => {
            let text = editor.lines().first().cloned().unwrap_or_default();
            return finish(state, form, field, &text, action);
        }
        _ => return Effect::None,
    }
    state.mode = Mode::Form(form);
    Effect::Redraw
}

/// Typing in the text area: it takes every key; Ctrl-s (`Open`) and Esc
/// apply what was typed and go on to the next field of the form.
fn type_lines(state: &mut AppState, form: Form, field: &Focus, action: Action) -> Effect {
    let Some(editor) = state.editor.as_mut() else {
        return Effect::None;
    };
    match action {
        Action::Key(key) => {
            editor.input(key);
            Effect::Redraw
        }
        Action::Open | Action::Back => {
            let text = editor.lines().join("\n");
            let text = text.trim_end_matches('\n').to_owned();
            finish(state, form, field, &text, Action::Down)
        }
        _ => Effect::None,
    }
}

/// Applies the typed text and ends typing; on a refusal the text stays
/// with the reason, and a second Esc drops it.
fn finish(state: &mut AppState, mut form: Form, field: &Focus, text: &str, key: Action) -> Effect {
    match commit(state, &form, field, text) {
        Ok(target) => {
            form.target = target;
            // An id edited by hand no longer follows the name.
            form.fresh &= field.spec.field != Field::Id;
            form.typing = None;
            form.error = None;
            state.editor = None;
            match key {
                Action::Back => {
                    close(state, &form);
                    return Effect::Redraw;
                }
                Action::Up => form.row = form.row.saturating_sub(1),
                _ => form.row = (form.row + 1).min(field.last),
            }
        }
        Err(_) if key == Action::Back && form.error.is_some() => {
            state.editor = None;
            close(state, &form);
            return Effect::Redraw;
        }
        Err(why) => form.error = Some(why),
    }
    state.mode = Mode::Form(form);
    Effect::Redraw
}

/// What typed text becomes: nothing when unchanged (or an empty name of a
/// new entry, which keeps its placeholder), a reference resolved from
/// type-ahead, then the value applied.
fn commit(state: &mut AppState, form: &Form, field: &Focus, text: &str) -> Result<Target, String> {
    let naming = form.fresh && field.spec.field == name_field(&form.target);
    if text == field.current || naming && text.is_empty() {
        return Ok(form.target.clone());
    }
    let journey = &state.opened().ok_or("no journey is open")?.journey;
    let value = resolve(journey, field.spec, text)?;
    apply(state, form, field.spec, &value)
}

/// Sets one field of the form's target to `text`, refusing what `check`
/// would call a new error, and records the change for undo. Returns the
/// target as it is now called (its id may have changed).
fn apply(state: &mut AppState, form: &Form, spec: FieldSpec, text: &str) -> Result<Target, String> {
    let before = &state.opened().ok_or("no journey is open")?.journey;
    let mut after = before.clone();
    let target = changed(&mut after, form, spec, text).map_err(|e| e.to_string())?;
    if after == *before {
        return Ok(target);
    }
    if let Some(why) = new_errors(before, &after).into_iter().next() {
        return Err(why);
    }
    let edit = edit(before, after, &form.target);
    record(state, edit);
    focus(state, &target);
    Ok(target)
}

/// Applies the value to `journey`; the target's id afterwards.
fn changed(
    journey: &mut Journey,
    form: &Form,
    spec: FieldSpec,
    text: &str,
) -> Result<Target, crate::model::AssignError> {
    let key = spec.field.key();
    if spec.ty == FieldType::TextList {
        // The form shows a list joined with ` | `.
        assign(journey, &form.target, key, "")?;
        for item in text.split(" | ").map(str::trim).filter(|s| !s.is_empty()) {
            assign(journey, &form.target, &format!("{key}+"), item)?;
        }
    } else {
        assign(journey, &form.target, key, text)?;
    }
    let Target::Entry(kind, id) = &form.target else {
        return Ok(Target::Journey);
    };
    let new = if spec.field == Field::Id {
        Id::new(text).map_err(|e| crate::model::AssignError::BadValue {
            field: key.to_owned(),
            why: e.to_string(),
        })?
    } else if form.fresh
        && spec.field == name_field(&form.target)
        && let Some(new) = id_for_name(journey, &form.target, text)
    {
        rename(journey, *kind, id, new.clone())?;
        new
    } else {
        id.clone()
    };
    Ok(Target::Entry(*kind, new))
}

/// The smallest edit that records the change: one touchpoint or action
/// when only it changed (a touchpoint's new id included, while no action
/// or step refers to it), else the whole journey.
fn edit(before: &Journey, after: Journey, target: &Target) -> Edit {
    match target {
        Target::Entry(Kind::Touchpoint, id)
            if before.actions == after.actions && before.steps == after.steps =>
        {
            let at = before.touchpoints.iter().position(|t| &t.id == id);
            if let Some((index, a)) = at.and_then(|i| Some((i, after.touchpoints.get(i)?))) {
                return Edit::Touchpoint {
                    index,
                    before: Box::new(before.touchpoints[index].clone()),
                    after: Box::new(a.clone()),
                };
            }
        }
        // Nothing refers to an action.
        Target::Entry(Kind::Action, id) => {
            let at = before.actions.iter().position(|a| &a.id == id);
            if let Some((index, a)) = at.and_then(|i| Some((i, after.actions.get(i)?))) {
                return Edit::Action {
                    index,
                    before: Box::new(before.actions[index].clone()),
                    after: Box::new(a.clone()),
                };
            }
        }
        _ => {}
    }
    Edit::Journey {
        before: Box::new(before.clone()),
        after: Box::new(after),
    }
}

/// Keeps the views' selection on the entry a form edits.
pub fn focus(state: &mut AppState, target: &Target) {
    let Some(journey) = state.opened().map(|o| &o.journey) else {
        return;
    };
    match target {
        Target::Entry(Kind::Touchpoint, id) => {
            if let Some(index) = journey.touchpoints.iter().position(|t| &t.id == id) {
                state.select_touchpoint(index);
            }
        }
        Target::Entry(Kind::Action, id) => {
            let Some(index) = journey.actions.iter().position(|a| &a.id == id) else {
                return;
            };
            let rows = state.opened().map(|o| &o.derived.action_rows);
            let at = rows.and_then(|rows| {
                rows.iter()
                    .position(|r| matches!(r, ActionRow::Action(a, _) if *a == index))
            });
            if let Some(at) = at {
                state.actions.selected = at;
            }
        }
        Target::Entry(Kind::Step, id) => {
            let id = id.clone();
            super::blueprint::focus_step(state, &id);
        }
        _ => {}
    }
}

/// Leaves the form: back to the `E` list (on the entry, wherever its id
/// now puts it) or to the view.
fn close(state: &mut AppState, form: &Form) {
    state.editor = None;
    focus(state, &form.target);
    state.mode = match form.back_to {
        Some(row) => {
            let here = PickRow::of(&form.target);
            let found = state.opened().and_then(|o| pick_row_of(&o.journey, &here));
            Mode::Pick {
                row: found.unwrap_or(row),
            }
        }
        None => Mode::Browse,
    };
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
