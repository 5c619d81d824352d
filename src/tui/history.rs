//! Undo and redo: every edit is recorded with the value it replaced, without
//! limit within a session. Edits apply by id and field, so that after
//! another corridor's changes were merged in, undo still reverses only this
//! workbench's own edits and keeps theirs.

use crate::analysis::merge::{Options, Side, merge};
use crate::model::{Action, EntryList, Id, Journey, Touchpoint};

/// One reversible change to the open journey.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A touchpoint's fields changed (scores, text, owner...).
    Touchpoint {
        index: usize,
        before: Box<Touchpoint>,
        after: Box<Touchpoint>,
    },
    /// An action's fields changed (status, title, due...).
    Action {
        index: usize,
        before: Box<Action>,
        after: Box<Action>,
    },
    /// A touchpoint inserted at `index`.
    Insert {
        index: usize,
        touchpoint: Box<Touchpoint>,
    },
    /// The touchpoint at `index` removed, with the actions linked to it
    /// (each with the index it had).
    Remove {
        index: usize,
        touchpoint: Box<Touchpoint>,
        actions: Vec<(usize, Action)>,
    },
    /// Two touchpoints traded places in the file: `first` was at `a`,
    /// `second` at `b`. Undone by id, so a touchpoint another workbench
    /// added or moved since does not take part.
    Swap {
        a: usize,
        b: usize,
        first: Id,
        second: Id,
    },
    /// A touchpoint taken out at `from` and put back, as `after`, at `to`
    /// (an index of the list it is put back into): a move into another
    /// stage, placed at that stage's near end.
    Move {
        from: usize,
        to: usize,
        /// The touchpoints it was put before at `from` and at `to` (`None`:
        /// the end of the file). Where they still are, the move and its undo
        /// go by them, so touchpoints another workbench added or moved
        /// since do not shift it.
        next_at: Box<(Option<Id>, Option<Id>)>,
        before: Box<Touchpoint>,
        after: Box<Touchpoint>,
    },
    /// A change reaching across the journey (an id renamed with every
    /// reference to it).
    Journey {
        before: Box<Journey>,
        after: Box<Journey>,
    },
}

/// Applies `edit` (or its reverse) to `journey`. The entry an edit changed
/// is found by id, and only the fields the edit
/// changed are set, so changes merged in since are kept; a change across
/// the journey is merged three-way for the same reason.
pub fn apply(journey: &mut Journey, edit: &Edit, reverse: bool) {
    match edit {
        Edit::Touchpoint { before, after, .. } => {
            let (from, to) = if reverse {
                (after, before)
            } else {
                (before, after)
            };
            replay(&mut journey.touchpoints, from, to);
        }
        Edit::Action { before, after, .. } => {
            let (from, to) = if reverse {
                (after, before)
            } else {
                (before, after)
            };
            replay(&mut journey.actions, from, to);
        }
        Edit::Insert { index, touchpoint }
        | Edit::Remove {
            index, touchpoint, ..
        } => {
            let inserting = matches!(edit, Edit::Insert { .. }) != reverse;
            let tps = &mut journey.touchpoints;
            let at = tps.iter().position(|t| t.id == touchpoint.id);
            match (inserting, at) {
                (true, None) => tps.insert((*index).min(tps.len()), (**touchpoint).clone()),
                (false, Some(at)) => {
                    tps.remove(at);
                }
                _ => {}
            }
            if let Edit::Remove { actions, .. } = edit {
                let list = &mut journey.actions;
                if inserting {
                    for (at, action) in actions {
                        if !list.iter().any(|a| a.id == action.id) {
                            list.insert((*at).min(list.len()), action.clone());
                        }
                    }
                } else {
                    for (_, action) in actions {
                        list.retain(|a| a.id != action.id);
                    }
                }
            }
        }
        Edit::Swap { first, second, .. } => {
            let tps = &mut journey.touchpoints;
            let at = |id: &Id| tps.iter().position(|t| t.id == *id);
            if let (Some(x), Some(y)) = (at(first), at(second)) {
                tps.swap(x, y);
            }
        }
        Edit::Move {
            from,
            to,
            next_at,
            before,
            after,
        } => {
            let (put, next, value) = if reverse {
                (*from, &next_at.0, before)
            } else {
                (*to, &next_at.1, after)
            };
            // The moved touchpoint is found by id, wherever merged changes
            // have put it since, and goes before the touchpoint it went
            // before (by position when that one is gone).
            let tps = &mut journey.touchpoints;
            if let Some(at) = tps.iter().position(|t| t.id == value.id) {
                tps.remove(at);
                let before_next = match next {
                    Some(next) => tps.iter().position(|t| t.id == *next),
                    None => Some(tps.len()),
                };
                let at = before_next.unwrap_or(put.min(tps.len()));
                tps.insert(at, (**value).clone());
            }
        }
        Edit::Journey { before, after } => {
            let (from, to) = if reverse {
                (after, before)
            } else {
                (before, after)
            };
            *journey = merge(
                from,
                journey,
                to,
                Options {
                    prefer: Side::Theirs,
                    keep_changed: false,
                },
            )
            .journey;
        }
    }
}

/// Moves the entry `from` describes to `to`: all of it when it is still as
/// the edit left it, else only the fields the edit changed.
fn replay<E: EntryList>(list: &mut [E], from: &E, to: &E) {
    let Some(slot) = list.iter_mut().find(|e| e.id() == from.id()) else {
        return;
    };
    let origin = slot.origin();
    if *slot == *from {
        *slot = to.clone();
    } else {
        for spec in E::KIND.fields() {
            let value = to.get(spec.field);
            if from.get(spec.field) != value {
                let _ = slot.set(spec.field, value);
            }
        }
    }
    slot.set_origin(origin);
}

impl Edit {
    /// The touchpoint to select after applying (or reversing) the edit.
    pub fn focus(&self, reverse: bool) -> Option<usize> {
        match self {
            Edit::Touchpoint { index, .. } => Some(*index),
            Edit::Insert { index, .. } => (!reverse).then_some(*index),
            Edit::Remove { index, .. } => reverse.then_some(*index),
            Edit::Swap { a, b, .. } => Some(if reverse { *a } else { *b }),
            Edit::Move { from, to, .. } => Some(if reverse { *from } else { *to }),
            Edit::Action { .. } | Edit::Journey { .. } => None,
        }
    }
}

/// The edits made since the journey was opened, and where the last save was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// Length of `undo` when the file last matched the journey; `None` once
    /// that state can no longer be reached by undo or redo.
    saved_at: Option<usize>,
}

impl History {
    pub fn new() -> Self {
        Self {
            saved_at: Some(0),
            ..Self::default()
        }
    }

    /// Records an edit already applied; it clears what could be redone.
    pub fn record(&mut self, edit: Edit) {
        if self.saved_at.is_some_and(|s| s > self.undo.len()) {
            self.saved_at = None;
        }
        self.redo.clear();
        self.undo.push(edit);
    }

    /// The edit to reverse, moved to the redo stack.
    pub fn undo(&mut self) -> Option<&Edit> {
        let edit = self.undo.pop()?;
        self.redo.push(edit);
        self.redo.last()
    }

    /// The edit to apply again, moved back to the undo stack.
    pub fn redo(&mut self) -> Option<&Edit> {
        let edit = self.redo.pop()?;
        self.undo.push(edit);
        self.undo.last()
    }

    /// The journey now matches the file.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.undo.len());
    }

    /// Whether the journey differs from the file.
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.undo.len())
    }

    /// How many edits can be undone and redone (tells a change apart).
    pub fn depth(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(n: usize) -> Edit {
        let t = Touchpoint::new(
            Id::new("t").expect("id"),
            Id::new("s").expect("id"),
            format!("{n}"),
        );
        Edit::Touchpoint {
            index: 0,
            before: Box::new(t.clone()),
            after: Box::new(t),
        }
    }

    #[test]
    fn dirty_follows_undo_and_redo_around_the_save() {
        let mut h = History::new();
        assert!(!h.is_dirty());
        h.record(edit(1));
        assert!(h.is_dirty());
        h.mark_saved();
        assert!(!h.is_dirty());
        assert!(h.undo().is_some());
        assert!(h.is_dirty());
        assert!(h.redo().is_some());
        assert!(!h.is_dirty());
        assert!(h.undo().is_some());
        h.record(edit(2));
        assert!(h.is_dirty(), "the saved state is no longer reachable");
        assert!(h.redo().is_none());
    }

    #[test]
    fn a_swap_is_undone_by_id_after_others_changed_the_order() {
        let tp =
            |id: &str| Touchpoint::new(Id::new(id).expect("id"), Id::new("s").expect("id"), id);
        let mut journey = Journey {
            touchpoints: vec![tp("a"), tp("b"), tp("c")],
            ..Journey::default()
        };
        let swap = Edit::Swap {
            a: 0,
            b: 1,
            first: Id::new("a").expect("id"),
            second: Id::new("b").expect("id"),
        };
        apply(&mut journey, &swap, false);
        // Another workbench's touchpoint merged in at the front.
        journey.touchpoints.insert(0, tp("new"));
        apply(&mut journey, &swap, true);
        let order: Vec<&str> = journey.touchpoints.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(order, ["new", "a", "b", "c"]);
    }

    #[test]
    fn a_move_is_undone_before_the_touchpoint_it_stood_before() {
        let tp = |id: &str, stage: &str| {
            Touchpoint::new(Id::new(id).expect("id"), Id::new(stage).expect("id"), id)
        };
        let id = |s: &str| Some(Id::new(s).expect("id"));
        let mut journey = Journey {
            touchpoints: vec![tp("a", "s"), tp("b", "s"), tp("c", "t")],
            ..Journey::default()
        };
        // b moves to stage t, before c.
        let moved = Edit::Move {
            from: 1,
            to: 1,
            next_at: Box::new((id("c"), id("c"))),
            before: Box::new(tp("b", "s")),
            after: Box::new(tp("b", "t")),
        };
        apply(&mut journey, &moved, false);
        // Another workbench's touchpoints merged in at the front.
        journey.touchpoints.insert(0, tp("x", "s"));
        journey.touchpoints.insert(0, tp("y", "s"));
        apply(&mut journey, &moved, true);
        let order: Vec<&str> = journey.touchpoints.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(order, ["y", "x", "a", "b", "c"]);
        assert_eq!(journey.touchpoints[3].stage.as_str(), "s");
        apply(&mut journey, &moved, false);
        let order: Vec<&str> = journey.touchpoints.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(order, ["y", "x", "a", "b", "c"]);
        assert_eq!(journey.touchpoints[3].stage.as_str(), "t");
    }
}
