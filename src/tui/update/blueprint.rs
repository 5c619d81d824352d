//! The Blueprint view: moving between touchpoints (left/right) and the
//! steps behind the selected one (up/down), and adding, editing, moving and
//! deleting steps. Every change is one undoable edit of the journey.

use super::{Effect, form};
use crate::model::{Id, Kind, Lane, Target, create, ids};
use crate::tui::action::Action;
use crate::tui::state::{AppState, BlueprintCursor, View};

/// The steps behind the touchpoint at corridor position `position`, lane
/// by lane: the rows below the touchpoint's own row.
fn steps_at(state: &AppState, position: usize) -> Vec<usize> {
    state
        .opened()
        .and_then(|o| o.derived.lanes.get(position))
        .map_or_else(Vec::new, |lanes| lanes.iter().flatten().copied().collect())
}

/// The step under the cursor, by index into `journey.steps`.
pub fn selected_step(state: &AppState) -> Option<usize> {
    if state.view != View::Blueprint {
        return None;
    }
    let row = state.blueprint.row.checked_sub(1)?;
    steps_at(state, state.blueprint.position).get(row).copied()
}

/// Arrows: left/right the touchpoint (its first row), up/down its rows.
pub fn step(state: &mut AppState, action: &Action) -> Effect {
    let len = state.opened().map_or(0, |o| o.derived.corridor.len());
    if len == 0 {
        return Effect::None;
    }
    let mut c = state.blueprint;
    let rows = steps_at(state, c.position).len() + 1;
    match action {
        Action::Left => c.position = c.position.saturating_sub(1),
        Action::Right => c.position = (c.position + 1).min(len - 1),
        Action::Up => c.row = c.row.saturating_sub(1),
        Action::Down => c.row = (c.row + 1).min(rows - 1),
        Action::Home => c.position = 0,
        Action::End => c.position = len - 1,
        Action::PageUp => c.position = c.position.saturating_sub(5),
        Action::PageDown => c.position = (c.position + 5).min(len - 1),
        _ => return Effect::None,
    }
    if c.position != state.blueprint.position {
        c.row = 0;
    }
    state.blueprint = c;
    Effect::Redraw
}

/// Puts the cursor on step `id` (after an edit moved or renamed it).
pub fn focus_step(state: &mut AppState, id: &Id) {
    let Some(opened) = state.opened() else {
        return;
    };
    let Some(index) = opened.journey.steps.iter().position(|s| &s.id == id) else {
        return;
    };
    let found = opened
        .derived
        .lanes
        .iter()
        .enumerate()
        .find_map(|(p, lanes)| {
            let row = lanes.iter().flatten().position(|&i| i == index)?;
            Some((p, row + 1))
        });
    if let Some((position, row)) = found {
        state.blueprint = BlueprintCursor { position, row };
    }
}

/// Why the journey cannot change, said in the status line.
fn refused(state: &mut AppState) -> Option<Effect> {
    let why = state.read_only()?;
    state.status = Some(why);
    Some(Effect::Redraw)
}

/// `e`: the selected step's form, or the touchpoint's on its own row.
pub fn edit(state: &mut AppState) -> Effect {
    if let Some(effect) = refused(state) {
        return effect;
    }
    let Some(index) = selected_step(state) else {
        return super::edit::open_form(state);
    };
    let Some(id) = state.opened().map(|o| o.journey.steps[index].id.clone()) else {
        return Effect::None;
    };
    form::open(state, Target::Entry(Kind::Step, id), None);
    Effect::Redraw
}

/// `a`: a new step behind the selected touchpoint, after the selected step
/// and in its lane (backstage from the touchpoint's row), owned by the
/// touchpoint's owner; then its form typing the name.
pub fn add(state: &mut AppState) -> Effect {
    if let Some(effect) = refused(state) {
        return effect;
    }
    let Some(opened) = state.opened() else {
        return Effect::None;
    };
    let Some(&index) = opened.derived.corridor.get(state.blueprint.position) else {
        state.status = Some("add a touchpoint first (a in the Corridor)".into());
        return Effect::Redraw;
    };
    let j = &opened.journey;
    let t = &j.touchpoints[index];
    let after = selected_step(state);
    let lane = after.map_or(Lane::Backstage, |i| j.steps[i].lane);
    let at = after.map_or(j.steps.len(), |i| i + 1);
    let name = "New step";
    let touchpoint = t.id.to_string();
    let owner = t.owner.as_ref().filter(|o| j.department(o).is_some());
    let owner = owner.map(ToString::to_string);
    let mut given = vec![
        ("touchpoint", touchpoint.as_str()),
        ("lane", lane.name()),
        ("name", name),
    ];
    given.extend(owner.as_deref().map(|o| ("owner", o)));
    let id = Id::from_name(name, Kind::Step.noun(), ids(j, Kind::Step));
    let mut journey = j.clone();
    if let Err(why) = create(&mut journey, Kind::Step, &id, &given, at) {
        state.status = Some(why.to_string());
        return Effect::Redraw;
    }
    super::entries::replace(state, journey);
    focus_step(state, &id);
    form::open_new(state, Target::Entry(Kind::Step, id), None);
    Effect::Redraw
}

/// `d`: deletes the selected step (u undoes); on the touchpoint's row,
/// deleting the touchpoint asks first, as everywhere.
pub fn delete(state: &mut AppState) -> Effect {
    if let Some(effect) = refused(state) {
        return effect;
    }
    let Some(index) = selected_step(state) else {
        return super::edit::ask_delete(state);
    };
    let Some(mut journey) = state.opened().map(|o| o.journey.clone()) else {
        return Effect::None;
    };
    let step = journey.steps.remove(index);
    state.status = Some(format!(
        "deleted step {} (u undoes)",
        crate::text::inert(&step.name)
    ));
    super::entries::replace(state, journey);
    let rows = steps_at(state, state.blueprint.position).len();
    state.blueprint.row = state.blueprint.row.min(rows);
    Effect::Redraw
}

/// `J` / `K`: the selected step trades places with the next (previous)
/// step of its lane behind the same touchpoint; at the end of its lane it
/// moves to the next (previous) lane.
pub fn move_step(state: &mut AppState, later: bool) -> Effect {
    if let Some(effect) = refused(state) {
        return effect;
    }
    let Some(index) = selected_step(state) else {
        return super::moves::move_touchpoint(state, later);
    };
    let Some(mut journey) = state.opened().map(|o| o.journey.clone()) else {
        return Effect::None;
    };
    let step = journey.steps[index].clone();
    let same = |i: &usize| {
        let s = &journey.steps[*i];
        s.touchpoint == step.touchpoint && s.lane == step.lane
    };
    let lane: Vec<usize> = (0..journey.steps.len()).filter(same).collect();
    let at = lane.iter().position(|&i| i == index).unwrap_or(0);
    let neighbour = if later {
        lane.get(at + 1)
    } else {
        at.checked_sub(1).and_then(|a| lane.get(a))
    };
    if let Some(&other) = neighbour {
        journey.steps.swap(index, other);
    } else {
        let lanes = Lane::ALL;
        let here = lanes.iter().position(|l| *l == step.lane).unwrap_or(0);
        let next = if later {
            lanes.get(here + 1)
        } else {
            here.checked_sub(1).and_then(|h| lanes.get(h))
        };
        let Some(&next) = next else {
            return Effect::None;
        };
        journey.steps[index].lane = next;
    }
    super::entries::replace(state, journey);
    focus_step(state, &step.id);
    Effect::Redraw
}
