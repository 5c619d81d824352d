//! The order of merged entries: OURS's order, with what THEIRS added or
//! moved placed after its predecessor in THEIRS (after any entries OURS
//! added right there, so that two additions at the same place come OURS's
//! first, then THEIRS's).

use std::collections::{HashMap, HashSet};

use crate::analysis::diff::longest_increasing;
use crate::model::{EntryList, Id};

/// A merged entry and where it goes.
pub struct Placed<E> {
    pub entry: E,
    /// Placed after its predecessor in THEIRS (added or moved by THEIRS);
    /// otherwise it keeps its place in OURS.
    pub after_theirs: bool,
    /// Only OURS has it (added by OURS).
    pub ours_only: bool,
}

/// The ids of `list` that moved relative to `base`: not part of a longest
/// run of entries that kept their base order.
pub fn moved<'a, E: EntryList>(list: &'a [E], base: &HashMap<&Id, usize>) -> HashSet<&'a Id> {
    let kept: Vec<(&Id, usize)> = list
        .iter()
        .filter_map(|e| Some((e.id(), *base.get(e.id())?)))
        .collect();
    let positions: Vec<usize> = kept.iter().map(|(_, p)| *p).collect();
    let staying = longest_increasing(&positions);
    kept.iter()
        .zip(staying)
        .filter(|(_, stays)| !stays)
        .map(|((id, _), _)| *id)
        .collect()
}

/// Puts `placed` (OURS's kept entries in OURS's order, then THEIRS's in
/// THEIRS's order) in their final order.
pub fn arrange<E: EntryList>(placed: Vec<Placed<E>>, theirs: &[E]) -> Vec<E> {
    if placed.iter().all(|p| !p.after_theirs) {
        return placed.into_iter().map(|p| p.entry).collect();
    }
    let present: HashSet<Id> = placed.iter().map(|p| p.entry.id().clone()).collect();
    let pending: HashSet<Id> = placed
        .iter()
        .filter(|p| p.after_theirs)
        .map(|p| p.entry.id().clone())
        .collect();
    // Each pending entry's anchor: the nearest entry before it in THEIRS
    // that is in the result (`None`: the start).
    let mut anchors: HashMap<Id, Option<Id>> = HashMap::new();
    let mut last: Option<&Id> = None;
    for t in theirs {
        if pending.contains(t.id()) {
            anchors.insert(t.id().clone(), last.cloned());
        }
        if present.contains(t.id()) {
            last = Some(t.id());
        }
    }
    let mut groups: HashMap<Option<Id>, Vec<E>> = HashMap::new();
    let mut sequence: Vec<(E, bool)> = Vec::new();
    for p in placed {
        if p.after_theirs {
            let anchor = anchors.get(p.entry.id()).cloned().flatten();
            groups.entry(anchor).or_default().push(p.entry);
        } else {
            sequence.push((p.entry, p.ours_only));
        }
    }
    let mut out = Vec::with_capacity(present.len());
    let mut rest = sequence.into_iter().peekable();
    // OURS's additions at the very start stay first.
    while let Some((entry, _)) = rest.next_if(|(_, ours_only)| *ours_only) {
        out.push(entry);
    }
    emit(None, &mut groups, &mut out);
    while let Some((entry, _)) = rest.next() {
        let anchor = Some(entry.id().clone());
        out.push(entry);
        while let Some((follower, _)) = rest.next_if(|(_, ours_only)| *ours_only) {
            out.push(follower);
        }
        emit(anchor, &mut groups, &mut out);
    }
    // Anything left (an anchor that never came) goes at the end.
    let mut left: Vec<Option<Id>> = groups.keys().cloned().collect();
    left.sort();
    for anchor in left {
        emit(anchor, &mut groups, &mut out);
    }
    out
}

/// Pushes the entries anchored after `anchor`, each followed by those
/// anchored after it (no recursion: chains can be long).
fn emit<E: EntryList>(
    anchor: Option<Id>,
    groups: &mut HashMap<Option<Id>, Vec<E>>,
    out: &mut Vec<E>,
) {
    let Some(first) = groups.remove(&anchor) else {
        return;
    };
    let mut stack = vec![first.into_iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            Some(entry) => {
                let next = groups.remove(&Some(entry.id().clone()));
                out.push(entry);
                if let Some(group) = next {
                    stack.push(group.into_iter());
                }
            }
            None => {
                stack.pop();
            }
        }
    }
}
