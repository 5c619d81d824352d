//! Moving a touchpoint along the corridor: `J`/`K` trade places within its
//! stage and the selection goes with it; `H`/`L` take it into the previous
//! or next stage. A move never crosses a stage on its own: at the end of a
//! stage it stops and says which key does.

use super::{Effect, record};
use crate::text::inert;
use crate::tui::history::Edit;
use crate::tui::state::{AppState, View};

/// The touchpoint a move applies to: the one selected in the view.
fn selected(state: &mut AppState) -> Result<usize, Effect> {
    if let Some(why) = state.read_only() {
        state.status = Some(why);
        return Err(Effect::Redraw);
    }
    let index = match state.view {
        View::Corridor => state.corridor_selection(),
        _ => state.detail_touchpoint(),
    };
    index.ok_or_else(|| {
        state.status = Some("select a touchpoint in the Corridor or Gaps view first".into());
        Effect::Redraw
    })
}

/// Where touchpoint `index` stands: its stage and its place among the
/// stage's touchpoints (corridor order).
fn place(state: &AppState, index: usize) -> Option<(usize, usize)> {
    state
        .opened()?
        .derived
        .stage_members
        .iter()
        .enumerate()
        .find_map(|(s, members)| Some((s, members.iter().position(|&i| i == index)?)))
}

/// The names of touchpoint `index` and of stage `stage`, inert.
fn names(state: &AppState, index: usize, stage: usize) -> (String, String) {
    let Some(journey) = state.opened().map(|o| &o.journey) else {
        return Default::default();
    };
    let touchpoint = journey
        .touchpoints
        .get(index)
        .map_or(String::new(), |t| inert(&t.name));
    let stage = journey
        .stages
        .get(stage)
        .map_or(String::new(), |s| inert(&s.name));
    (touchpoint, stage)
}

/// After a move, the Curve's cursor follows the touchpoint too (the other
/// views follow through `select_touchpoint`).
fn follow(state: &mut AppState, index: usize) {
    if let Some(at) = state
        .opened()
        .and_then(|o| o.derived.corridor.iter().position(|&i| i == index))
    {
        state.curve = at;
    }
}

/// `J` / `K`: trade places with the next (previous) touchpoint of the same
/// stage; the selection moves with the touchpoint, so `K K` moves it two
/// places. At the end of its stage it stays and the status line says so.
pub fn move_touchpoint(state: &mut AppState, later: bool) -> Effect {
    let index = match selected(state) {
        Ok(index) => index,
        Err(effect) => return effect,
    };
    let Some((stage, at)) = place(state, index) else {
        return Effect::None;
    };
    let neighbour = state.opened().and_then(|o| {
        let members = o.derived.stage_members.get(stage)?;
        let other = if later { at + 1 } else { at.checked_sub(1)? };
        members.get(other).copied()
    });
    let Some(other) = neighbour else {
        let (name, stage_name) = names(state, index, stage);
        state.status = Some(if later {
            format!("{name} is the last of {stage_name}: L moves it to the next stage")
        } else {
            format!("{name} is the first of {stage_name}: H moves it to the previous stage")
        });
        return Effect::Redraw;
    };
    // The touchpoint lands where `other` was; `record` selects it there.
    let ids = state.opened().and_then(|o| {
        let id = |i: usize| o.journey.touchpoints.get(i).map(|t| t.id.clone());
        Some((id(index)?, id(other)?))
    });
    let Some((first, second)) = ids else {
        return Effect::None;
    };
    record(
        state,
        Edit::Swap {
            a: index,
            b: other,
            first,
            second,
        },
    );
    follow(state, other);
    state.status = None;
    Effect::Redraw
}

/// `H` / `L`: move the selected touchpoint into the previous stage (as its
/// last touchpoint) or the next one (as its first), so it goes on from
/// where it left.
pub fn move_to_stage(state: &mut AppState, later: bool) -> Effect {
    let index = match selected(state) {
        Ok(index) => index,
        Err(effect) => return effect,
    };
    let Some((stage, _)) = place(state, index) else {
        return Effect::None;
    };
    let Some(opened) = state.opened() else {
        return Effect::None;
    };
    let target = if later {
        stage + 1
    } else {
        match stage.checked_sub(1) {
            Some(s) => s,
            None => return refuse_edge(state, index, stage, later),
        }
    };
    let (Some(target_stage), Some(members)) = (
        opened.journey.stages.get(target),
        opened.derived.stage_members.get(target),
    ) else {
        return refuse_edge(state, index, stage, later);
    };
    let Some(before) = opened.journey.touchpoints.get(index).cloned() else {
        return Effect::None;
    };
    let mut after = before.clone();
    after.stage = target_stage.id.clone();
    // Indices of the list once the touchpoint is taken out.
    let without = |i: usize| if i > index { i - 1 } else { i };
    let to = if later {
        members.first().map_or(index, |&first| without(first))
    } else {
        members.last().map_or(index, |&last| without(last) + 1)
    };
    // The touchpoints it goes before, now and once moved.
    let tps = &opened.journey.touchpoints;
    let id_at = |i: usize| tps.get(i).map(|t| t.id.clone());
    let next_at = (
        id_at(index + 1),
        id_at(if to < index { to } else { to + 1 }),
    );
    let stage_name = inert(&target_stage.name);
    record(
        state,
        Edit::Move {
            from: index,
            to,
            next_at: Box::new(next_at),
            before: Box::new(before),
            after: Box::new(after),
        },
    );
    follow(state, to);
    state.status = Some(format!("moved to {stage_name} (u undoes)"));
    Effect::Redraw
}

/// The touchpoint is in the first (last) stage already.
fn refuse_edge(state: &mut AppState, index: usize, stage: usize, later: bool) -> Effect {
    let (name, stage_name) = names(state, index, stage);
    state.status = Some(format!(
        "{name} is in {stage_name}, the {} stage",
        if later { "last" } else { "first" }
    ));
    Effect::Redraw
}

#[cfg(test)]
#[path = "moves_tests.rs"]
mod tests;
