//! Editing the rest of a journey: its header, stages, departments, partners
//! and actions. `E` lists them; Enter opens a form whose values go through
//! `model::assign` and are refused when `check` would report a new error.

use super::Effect;
use crate::analysis::new_errors;
use crate::model::{
    Action as WorkItem, ActionStatus, Department, Id, Journey, Kind, Origin, Partner, Stage,
    Target, assign,
};
use crate::tui::action::Action;
use crate::tui::forms::{entry_fields, targets};
use crate::tui::history::Edit;
use crate::tui::state::{AppState, Mode};

/// `E`: the list of what can be edited.
pub fn open_picker(state: &mut AppState) -> Effect {
    if let Some(why) = state.read_only() {
        state.status = Some(why);
        return Effect::Redraw;
    }
    if state.opened().is_none() {
        return Effect::None;
    }
    state.mode = Mode::Pick { row: 0 };
    Effect::Redraw
}

pub fn picker(state: &mut AppState, row: usize, action: Action) -> Effect {
    let count = state.opened().map_or(0, |o| targets(&o.journey).len());
    match action {
        Action::Up => {
            state.mode = Mode::Pick {
                row: row.saturating_sub(1),
            }
        }
        Action::Down => {
            state.mode = Mode::Pick {
                row: (row + 1).min(count.saturating_sub(1)),
            }
        }
        Action::PageUp => {
            state.mode = Mode::Pick {
                row: row.saturating_sub(10),
            }
        }
        Action::PageDown => {
            state.mode = Mode::Pick {
                row: (row + 10).min(count.saturating_sub(1)),
            }
        }
        Action::Open => {
            let Some((target, _)) = state
                .opened()
                .and_then(|o| targets(&o.journey).into_iter().nth(row))
            else {
                return Effect::None;
            };
            state.mode = Mode::EntryForm {
                target,
                row: 0,
                input: None,
                error: None,
            };
        }
        Action::Back => state.mode = Mode::Browse,
        Action::MoveLater | Action::MoveEarlier | Action::Add | Action::Delete => {
            let Some((Target::Entry(kind, id), _)) = state
                .opened()
                .and_then(|o| targets(&o.journey).into_iter().nth(row))
            else {
                return Effect::None;
            };
            let result = state
                .opened()
                .map(|o| rearrange(&o.journey, kind, &id, &action));
            match result {
                Some(Ok((after, focus))) => {
                    replace(state, after);
                    let labels = state.opened().map_or(Vec::new(), |o| targets(&o.journey));
                    let row = labels
                        .iter()
                        .position(|(t, _)| *t == Target::Entry(kind, focus.clone()))
                        .unwrap_or(row);
                    state.mode = if action == Action::Add {
                        // The form opens typing the new entry's name.
                        Mode::EntryForm {
                            target: Target::Entry(kind, focus),
                            row: 1,
                            input: Some(String::new()),
                            error: None,
                        }
                    } else {
                        Mode::Pick { row }
                    };
                }
                Some(Err(why)) => state.status = Some(why),
                None => return Effect::None,
            }
        }
        _ => return Effect::None,
    }
    Effect::Redraw
}

/// Records a journey-wide change (ids, entry order) for undo.
fn replace(state: &mut AppState, after: Journey) {
    if let Some(before) = state.opened().map(|o| Box::new(o.journey.clone())) {
        let after = Box::new(after);
        super::record(state, Edit::Journey { before, after });
    }
}

/// What `J`, `K`, `a` and `d` do to a list of entries with ids.
trait Listed {
    fn id(&self) -> &Id;
}

macro_rules! listed {
    ($($t:ty),*) => {$(impl Listed for $t { fn id(&self) -> &Id { &self.id } })*};
}
listed!(Stage, Department, Partner, WorkItem);

/// Moves, adds (after, made by `make`) or deletes entry `id` of `list`;
/// returns the id to focus.
fn arrange<E: Listed>(
    list: &mut Vec<E>,
    id: &Id,
    action: &Action,
    used: bool,
    noun: &str,
    make: impl FnOnce(Id, &E) -> E,
) -> Result<Id, String> {
    let at = list
        .iter()
        .position(|e| e.id() == id)
        .ok_or("no such entry")?;
    match action {
        Action::MoveLater if at + 1 < list.len() => list.swap(at, at + 1),
        Action::MoveEarlier if at > 0 => list.swap(at, at - 1),
        Action::MoveLater | Action::MoveEarlier => return Err("already at the end".into()),
        Action::Delete if used => {
            return Err(format!(
                "{noun} `{id}` is still in use: change what refers to it first"
            ));
        }
        Action::Delete => {
            list.remove(at);
            return Ok(list
                .get(at.saturating_sub(1))
                .map_or(id.clone(), |e| e.id().clone()));
        }
        _ => {
            let fresh = (1..)
                .map(|n| {
                    if n == 1 {
                        format!("new-{noun}")
                    } else {
                        format!("new-{noun}-{n}")
                    }
                })
                .find(|c| !list.iter().any(|e| e.id().as_str() == c))
                .and_then(|c| Id::new(&c).ok())
                .ok_or("no free id")?;
            let entry = make(fresh.clone(), &list[at]);
            list.insert(at + 1, entry);
            return Ok(fresh);
        }
    }
    Ok(id.clone())
}

/// Moves, adds or deletes a stage, department, partner or action; the new
/// journey and the id to focus.
fn rearrange(
    journey: &Journey,
    kind: Kind,
    id: &Id,
    action: &Action,
) -> Result<(Journey, Id), String> {
    let mut j = journey.clone();
    let noun = kind.noun();
    let focus = match kind {
        Kind::Stage => {
            let used = j.touchpoints.iter().any(|t| &t.stage == id);
            arrange(&mut j.stages, id, action, used, noun, |id, s| Stage {
                origin: Origin::NEW,
                id,
                name: "New stage".into(),
                phase: s.phase,
            })
        }
        Kind::Department => {
            let used = j.touchpoints.iter().any(|t| t.owner.as_ref() == Some(id))
                || j.actions.iter().any(|a| a.owner.as_ref() == Some(id));
            arrange(&mut j.departments, id, action, used, noun, |id, _| {
                Department {
                    origin: Origin::NEW,
                    id,
                    name: "New department".into(),
                    lead: None,
                }
            })
        }
        Kind::Partner => {
            let used = j.touchpoints.iter().any(|t| t.partner.as_ref() == Some(id));
            arrange(&mut j.partners, id, action, used, noun, |id, _| Partner {
                origin: Origin::NEW,
                id,
                name: "New partner".into(),
                role: None,
            })
        }
        Kind::Action => arrange(&mut j.actions, id, action, false, noun, |id, a| WorkItem {
            origin: Origin::NEW,
            id,
            touchpoint: a.touchpoint.clone(),
            title: "New action".into(),
            owner: a.owner.clone(),
            status: ActionStatus::Open,
            due: None,
        }),
        Kind::Touchpoint => Err("touchpoints move in the corridor (J/K)".into()),
    }?;
    Ok((j, focus))
}

/// Keys in the form of a non-touchpoint entry.
pub fn form(
    state: &mut AppState,
    target: Target,
    row: usize,
    input: Option<String>,
    action: Action,
) -> Effect {
    let list = state
        .opened()
        .map_or(Vec::new(), |o| entry_fields(&o.journey, &target));
    let Some((field, value)) = list.get(row.min(list.len().saturating_sub(1))).cloned() else {
        state.mode = Mode::Browse;
        return Effect::Redraw;
    };
    let set = |state: &mut AppState, target, row, input, error| {
        state.mode = Mode::EntryForm {
            target,
            row,
            input,
            error,
        }
    };
    match (input, action) {
        (None, Action::Up) => set(state, target, row.saturating_sub(1), None, None),
        (None, Action::Down) => {
            set(state, target, (row + 1).min(list.len() - 1), None, None);
        }
        (None, Action::Open) => set(state, target, row, Some(value), None),
        (None, Action::Back) => state.mode = Mode::Pick { row: 0 },
        (Some(mut text), Action::Input(c)) => {
            text.push(c);
            set(state, target, row, Some(text), None);
        }
        (Some(mut text), Action::Erase) => {
            text.pop();
            set(state, target, row, Some(text), None);
        }
        (Some(text), Action::Open) => match apply(state, &target, field, &text) {
            Ok(target) => set(state, target, row, None, None),
            Err(why) => set(state, target, row, Some(text), Some(why)),
        },
        (Some(_), Action::Back) => set(state, target, row, None, None),
        _ => return Effect::None,
    }
    Effect::Redraw
}

/// Applies one value; returns the target as it is now called (an id may
/// have been renamed).
fn apply(state: &mut AppState, target: &Target, field: &str, text: &str) -> Result<Target, String> {
    let before = state.opened().ok_or("no journey is open")?.journey.clone();
    let mut after = before.clone();
    assign(&mut after, target, field, text).map_err(|e| e.to_string())?;
    if let Some(new) = new_errors(&before, &after).into_iter().next() {
        return Err(new);
    }
    let renamed = match (target, field) {
        (Target::Entry(kind, _), "id") => {
            let id = crate::model::Id::new(text).map_err(|e| e.to_string())?;
            Target::Entry(*kind, id)
        }
        _ => target.clone(),
    };
    if after != before {
        replace(state, after);
    }
    Ok(renamed)
}
