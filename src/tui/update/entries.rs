//! The `E` list: the journey header, then stages, departments, partners and
//! actions, each kind under a heading shown even when it has no entry yet.
//! Enter opens a form (`form`); `a` adds one of the kind under the cursor,
//! `J`/`K` move an entry and `d` deletes one nothing refers to.

use super::{Effect, form};
use crate::model::{Id, Journey, Kind, Target, create, ids};
use crate::tui::action::Action;
use crate::tui::forms::{PickRow, pick_row_of, pick_rows};
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
    let rows = state.opened().map_or(Vec::new(), |o| pick_rows(&o.journey));
    let last = rows.len().saturating_sub(1);
    let here = rows.get(row.min(last)).map(|(r, _)| r.clone());
    let to = |row| Mode::Pick { row };
    match action {
        Action::Up => state.mode = to(row.saturating_sub(1)),
        Action::Down => state.mode = to((row + 1).min(last)),
        Action::PageUp => state.mode = to(row.saturating_sub(10)),
        Action::PageDown => state.mode = to((row + 10).min(last)),
        Action::Home => state.mode = to(0),
        Action::End => state.mode = to(last),
        Action::Back => state.mode = Mode::Browse,
        Action::Open => match here.as_ref().and_then(PickRow::target) {
            Some(target) => form::open(state, target, Some(row)),
            None => {
                let noun = here.and_then(|r| r.kind()).map_or("entry", Kind::noun);
                state.status = Some(format!("a adds a {noun} here"));
            }
        },
        Action::Add => return add(state, here, row),
        Action::MoveLater | Action::MoveEarlier | Action::Delete => {
            let Some(PickRow::Entry(kind, id)) = here else {
                return Effect::None;
            };
            let result = state
                .opened()
                .map(|o| rearrange(&o.journey, kind, &id, &action));
            match result {
                Some(Ok((after, focus))) => {
                    replace(state, after);
                    let focus = PickRow::Entry(kind, focus);
                    let (found, count) = state.opened().map_or((None, 0), |o| {
                        (pick_row_of(&o.journey, &focus), pick_rows(&o.journey).len())
                    });
                    state.mode = to(found.unwrap_or(row).min(count.saturating_sub(1)));
                }
                Some(Err(why)) => state.status = Some(why),
                None => return Effect::None,
            }
        }
        _ => return Effect::None,
    }
    Effect::Redraw
}

/// Records a journey-wide change (entries added, moved or deleted) for undo.
pub(super) fn replace(state: &mut AppState, after: Journey) {
    if let Some(before) = state.opened().map(|o| Box::new(o.journey.clone())) {
        let after = Box::new(after);
        super::record(state, Edit::Journey { before, after });
    }
}

/// `a`: a new entry of the kind under the cursor, after the entry (at the
/// end of its list on a heading), then its form typing the name.
fn add(state: &mut AppState, here: Option<PickRow>, row: usize) -> Effect {
    let Some(kind) = here.as_ref().and_then(PickRow::kind) else {
        state.status =
            Some("a adds an entry under Stages, Departments, Partners, Metrics or Actions".into());
        return Effect::Redraw;
    };
    let Some(j) = state.opened().map(|o| &o.journey) else {
        return Effect::None;
    };
    let after_id = match &here {
        Some(PickRow::Entry(_, id)) => Some(id),
        _ => None,
    };
    let at = after_id
        .and_then(|id| ids(j, kind).position(|e| e == id))
        .map_or(usize::MAX, |i| i + 1);
    if kind == Kind::Action {
        // For the touchpoint in focus, else the first in the corridor.
        let selected = state.detail_touchpoint().or(state.corridor_selection());
        let Some(index) = selected.or_else(|| j.corridor_indices().first().copied()) else {
            state.status = Some(
                "an action closes a gap at a touchpoint: add a touchpoint first (a in the Corridor)"
                    .into(),
            );
            return Effect::Redraw;
        };
        match super::edit::insert_action(state, index, at) {
            Ok(target) => open_on(state, target, row),
            Err(why) => state.status = Some(why),
        }
        return Effect::Redraw;
    }
    // A placeholder name, and a stage after another in the same phase.
    let placeholder = format!("New {}", kind.noun());
    let mut given = vec![("name", placeholder.as_str())];
    let phase = after_id.and_then(|id| j.stage(id)?.phase);
    if let (Kind::Stage, Some(phase)) = (kind, phase) {
        given.push(("phase", phase.name()));
    }
    let id = Id::from_name(&placeholder, kind.noun(), ids(j, kind));
    let mut after = j.clone();
    if let Err(why) = create(&mut after, kind, &id, &given, at) {
        state.status = Some(why.to_string());
        return Effect::Redraw;
    }
    replace(state, after);
    open_on(state, Target::Entry(kind, id), row);
    Effect::Redraw
}

/// The form of a new entry, returning to its row of the list.
fn open_on(state: &mut AppState, target: Target, row: usize) {
    let here = PickRow::of(&target);
    let back = state.opened().and_then(|o| pick_row_of(&o.journey, &here));
    form::open_new(state, target, Some(back.unwrap_or(row)));
}

/// Whether something refers to entry `id` of `kind` (then it cannot go).
fn used(j: &Journey, kind: Kind, id: &Id) -> bool {
    match kind {
        Kind::Stage => j.touchpoints.iter().any(|t| &t.stage == id),
        Kind::Department => {
            j.touchpoints.iter().any(|t| t.owner.as_ref() == Some(id))
                || j.actions.iter().any(|a| a.owner.as_ref() == Some(id))
                || j.steps.iter().any(|s| s.owner.as_ref() == Some(id))
        }
        Kind::Partner => {
            j.touchpoints.iter().any(|t| t.partner.as_ref() == Some(id))
                || j.steps.iter().any(|s| s.partner.as_ref() == Some(id))
        }
        Kind::Touchpoint => {
            j.actions.iter().any(|a| &a.touchpoint == id)
                || j.steps.iter().any(|s| &s.touchpoint == id)
        }
        Kind::MetricDef => {
            j.touchpoints
                .iter()
                .any(|t| t.metrics.iter().any(|m| m.name == id.as_str()))
                || j.actions
                    .iter()
                    .any(|a| a.target.as_ref().is_some_and(|t| t.metric == id.as_str()))
        }
        Kind::Action | Kind::Step => false,
    }
}

/// Moves (`J`/`K`) or deletes entry `id` of `list`; returns the id to
/// focus.
fn arrange<E>(
    list: &mut Vec<E>,
    id: &Id,
    action: &Action,
    used: bool,
    noun: &str,
    id_of: impl Fn(&E) -> &Id,
) -> Result<Id, String> {
    let at = list
        .iter()
        .position(|e| id_of(e) == id)
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
        _ => {
            list.remove(at);
            return Ok(list
                .get(at.saturating_sub(1))
                .map_or(id.clone(), |e| id_of(e).clone()));
        }
    }
    Ok(id.clone())
}

/// Moves or deletes a stage, department, partner or action; the new
/// journey and the id to focus.
fn rearrange(
    journey: &Journey,
    kind: Kind,
    id: &Id,
    action: &Action,
) -> Result<(Journey, Id), String> {
    let mut j = journey.clone();
    let noun = kind.noun();
    let used = used(journey, kind, id);
    let focus = match kind {
        Kind::Stage => arrange(&mut j.stages, id, action, used, noun, |e| &e.id),
        Kind::Department => arrange(&mut j.departments, id, action, used, noun, |e| &e.id),
        Kind::Partner => arrange(&mut j.partners, id, action, used, noun, |e| &e.id),
        Kind::MetricDef => arrange(&mut j.metrics, id, action, used, noun, |e| &e.id),
        Kind::Action => arrange(&mut j.actions, id, action, used, noun, |e| &e.id),
        Kind::Step => arrange(&mut j.steps, id, action, used, noun, |e| &e.id),
        Kind::Touchpoint => Err("touchpoints move in the corridor (J/K)".into()),
    }?;
    Ok((j, focus))
}

#[cfg(test)]
#[path = "entries_tests.rs"]
mod tests;
