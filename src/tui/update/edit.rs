//! Adding, editing and deleting touchpoints, and adding actions and
//! stepping their status from the views (moves are in `moves`, forms in
//! `form`); every change is recorded for undo.

use super::{Effect, form, record};
use crate::model::{ActionStatus, Id, Kind, Target, Touchpoint, create, ids};
use crate::tui::action::Action;
use crate::tui::derived::ActionRow;
use crate::tui::history::Edit;
use crate::tui::state::{AppState, Mode, View};

fn refuse(state: &mut AppState, why: Option<String>) -> Effect {
    if let Some(why) = why {
        state.status = Some(why);
        return Effect::Redraw;
    }
    Effect::None
}

/// The action under the cursor of the Actions view, by index.
fn selected_action(state: &AppState) -> Option<usize> {
    if state.view != View::Actions {
        return None;
    }
    match state
        .opened()?
        .derived
        .action_rows
        .get(state.actions.selected)?
    {
        ActionRow::Action(index, _) => Some(*index),
        _ => None,
    }
}

/// `e`: the form of the selected touchpoint, or of the action under the
/// cursor in the Actions view.
pub fn open_form(state: &mut AppState) -> Effect {
    if state.read_only().is_some() {
        return refuse(state, state.read_only());
    }
    if let Some(index) = selected_action(state) {
        let id = state.opened().map(|o| o.journey.actions[index].id.clone());
        if let Some(id) = id {
            form::open(state, Target::Entry(Kind::Action, id), None);
            return Effect::Redraw;
        }
    }
    let id = state
        .detail_touchpoint()
        .and_then(|i| Some(state.opened()?.journey.touchpoints.get(i)?.id.clone()));
    match id {
        Some(id) => {
            form::open(state, Target::Entry(Kind::Touchpoint, id), None);
            Effect::Redraw
        }
        None => refuse(state, Some("select a touchpoint first".into())),
    }
}

/// `a`: in the Gaps and Actions views an action for the gap under the
/// cursor, elsewhere a touchpoint.
pub fn add(state: &mut AppState) -> Effect {
    match state.view {
        View::Gaps | View::Actions => add_action(state),
        _ => add_touchpoint(state),
    }
}

/// A new touchpoint after the selected one, in the same stage (or the
/// stage in focus when it has none), then its form typing the name.
pub fn add_touchpoint(state: &mut AppState) -> Effect {
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
            None => {
                return refuse(state, Some("add a stage first: E, then a on Stages".into()));
            }
        },
    };
    let name = "New touchpoint";
    let id = Id::from_name(name, Kind::Touchpoint.noun(), ids(j, Kind::Touchpoint));
    let index = selected.map_or(j.touchpoints.len(), |i| i + 1);
    let touchpoint = Touchpoint::new(id.clone(), stage, name);
    record(
        state,
        Edit::Insert {
            index,
            touchpoint: Box::new(touchpoint),
        },
    );
    form::open_new(state, Target::Entry(Kind::Touchpoint, id), None);
    Effect::Redraw
}

/// The touchpoint a new action is for: the one under the cursor (in the
/// Actions view, on a heading, the first below it), else the one selected
/// in the Corridor.
fn gap_in_focus(state: &AppState) -> Option<usize> {
    let opened = state.opened()?;
    let below = match state.view {
        View::Actions => opened
            .derived
            .action_rows
            .iter()
            .skip(state.actions.selected)
            .find_map(|row| match row {
                ActionRow::Unaddressed { index, .. } => Some(*index),
                ActionRow::Action(_, touchpoint) => *touchpoint,
                ActionRow::Heading(_) => None,
            }),
        _ => state.detail_touchpoint(),
    };
    below
        .or_else(|| state.corridor_selection())
        .or_else(|| opened.derived.corridor.first().copied())
}

/// `A` (and `a` in the Gaps and Actions views): a new action for the
/// selected touchpoint, then its form typing the title.
pub fn add_action(state: &mut AppState) -> Effect {
    if state.read_only().is_some() {
        return refuse(state, state.read_only());
    }
    let Some(index) = gap_in_focus(state) else {
        return refuse(
            state,
            Some("add a touchpoint first (a in the Corridor)".into()),
        );
    };
    match insert_action(state, index, usize::MAX) {
        Ok(target) => {
            form::focus(state, &target);
            form::open_new(state, target, None);
        }
        Err(why) => state.status = Some(why),
    }
    Effect::Redraw
}

/// Adds an action for touchpoint `index`, at `at` among the actions: owned
/// by the touchpoint's owner, open, titled "New action" until its form
/// names it. Returns what to open the form on.
pub fn insert_action(state: &mut AppState, index: usize, at: usize) -> Result<Target, String> {
    let j = &state.opened().ok_or("no journey is open")?.journey;
    let t = j.touchpoints.get(index).ok_or("no such touchpoint")?;
    let title = "New action";
    let touchpoint = t.id.to_string();
    let owner = t.owner.as_ref().filter(|o| j.department(o).is_some());
    let owner = owner.map(ToString::to_string);
    let mut given = vec![("touchpoint", touchpoint.as_str()), ("title", title)];
    given.extend(owner.as_deref().map(|o| ("owner", o)));
    let id = Id::from_name(title, Kind::Action.noun(), ids(j, Kind::Action));
    let mut after = j.clone();
    create(&mut after, Kind::Action, &id, &given, at).map_err(|e| e.to_string())?;
    super::entries::replace(state, after);
    Ok(Target::Entry(Kind::Action, id))
}

/// `Space` in the Actions view: the action's next status (open, doing,
/// done, open again).
pub fn cycle_status(state: &mut AppState) -> Effect {
    if state.read_only().is_some() {
        return refuse(state, state.read_only());
    }
    let Some(index) = selected_action(state) else {
        let why = if state.view == View::Actions {
            "select an action: Space steps its status"
        } else {
            "Space steps an action's status in the Actions view (5)"
        };
        return refuse(state, Some(why.into()));
    };
    let Some(before) = state.opened().map(|o| o.journey.actions[index].clone()) else {
        return Effect::None;
    };
    let at = ActionStatus::ALL.iter().position(|s| *s == before.status);
    let next = ActionStatus::ALL[at.map_or(0, |i| (i + 1) % ActionStatus::ALL.len())];
    let mut after = before.clone();
    after.status = next;
    let target = Target::Entry(Kind::Action, after.id.clone());
    state.status = Some(format!(
        "{}: {}",
        crate::text::inert(&after.title),
        next.name()
    ));
    record(
        state,
        Edit::Action {
            index,
            before: Box::new(before),
            after: Box::new(after),
        },
    );
    form::focus(state, &target);
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
    let with_steps = opened.journey.steps_for(&touchpoint.id).next().is_some();
    let mut after = with_steps.then(|| opened.journey.clone());
    state.status = Some(format!(
        "deleted {} (u undoes)",
        crate::text::inert(&touchpoint.name)
    ));
    if let Some(mut after) = after.take() {
        // Its blueprint steps go with it, in one undoable edit.
        after.touchpoints.remove(index);
        after.actions.retain(|a| a.touchpoint != touchpoint.id);
        after.steps.retain(|s| s.touchpoint != touchpoint.id);
        super::entries::replace(state, after);
        return Effect::Redraw;
    }
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
