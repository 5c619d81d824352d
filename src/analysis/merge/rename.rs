//! Renamed ids. Entries merge by id, so an id renamed on one side would
//! look like an entry removed and another added, and the other side's new
//! references to the old id would dangle. Each side's renames are found
//! (an entry gone from the base whose referrers now all point at one new
//! entry, or whose fields all match one new entry), undone before merging
//! and applied again to the result, references and all.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::{Clash, Conflict, Options, Side, quoted};
use crate::model::{
    EntryList, Field, FieldType, FieldValue, Id, Journey, Kind, KindVisitor, exists, rename,
    visit_kind,
};

/// `(kind, id in the base, id on this side)`.
pub type Renames = Vec<(Kind, Id, Id)>;

/// An entry's fields as values, its id left out.
type Contents = Vec<Option<FieldValue>>;

/// Ids and contents of one kind's entries.
struct Entries<'a>(&'a Journey);

impl KindVisitor for Entries<'_> {
    type Output = Vec<(Id, Contents)>;

    fn visit<E: EntryList>(self) -> Self::Output {
        E::list(self.0)
            .iter()
            .map(|e| {
                let fields = E::KIND
                    .fields()
                    .iter()
                    .filter(|s| s.field != Field::Id)
                    .map(|s| e.get(s.field))
                    .collect();
                (e.id().clone(), fields)
            })
            .collect()
    }
}

/// Each entry's value of one field.
struct Values<'a>(&'a Journey, Field);

impl KindVisitor for Values<'_> {
    type Output = HashMap<Id, Option<FieldValue>>;

    fn visit<E: EntryList>(self) -> Self::Output {
        E::list(self.0)
            .iter()
            .map(|e| (e.id().clone(), e.get(self.1)))
            .collect()
    }
}

/// Only the ids of one kind.
struct Ids<'a>(&'a Journey);

impl KindVisitor for Ids<'_> {
    type Output = Vec<Id>;

    fn visit<E: EntryList>(self) -> Self::Output {
        E::list(self.0).iter().map(|e| e.id().clone()).collect()
    }
}

/// The fields of any kind that refer to entries of `kind`.
fn referring(kind: Kind) -> Vec<(Kind, Field)> {
    Kind::ALL
        .iter()
        .flat_map(|k| {
            k.fields()
                .iter()
                .filter(move |s| s.ty == FieldType::Ref(kind))
                .map(move |s| (*k, s.field))
        })
        .collect()
}

/// `side` with its renames undone, and the renames.
pub fn normalise<'a>(base: &Journey, side: &'a Journey) -> (Cow<'a, Journey>, Renames) {
    let mut renames = Renames::new();
    for kind in Kind::ALL {
        let base_ids: HashSet<Id> = visit_kind(kind, Ids(base)).into_iter().collect();
        let side_ids: Vec<Id> = visit_kind(kind, Ids(side));
        let side_set: HashSet<&Id> = side_ids.iter().collect();
        let gone: Vec<&Id> = base_ids.iter().filter(|i| !side_set.contains(i)).collect();
        let added: Vec<&Id> = side_ids.iter().filter(|i| !base_ids.contains(i)).collect();
        if gone.is_empty() || added.is_empty() {
            continue;
        }
        let mut matched: HashSet<Id> = HashSet::new();
        let mut found = Vec::new();
        // By references: everything that pointed at the old id now points
        // at one new id.
        let refs = referring(kind);
        let values: Vec<_> = refs
            .iter()
            .map(|(k, f)| {
                (
                    visit_kind(*k, Values(base, *f)),
                    visit_kind(*k, Values(side, *f)),
                )
            })
            .collect();
        for old in &gone {
            let target = FieldValue::Text(old.to_string());
            let mut now: Vec<&Option<FieldValue>> = Vec::new();
            for (before, after) in &values {
                for (id, value) in before {
                    if value.as_ref() == Some(&target)
                        && let Some(value) = after.get(id)
                        && !now.contains(&value)
                    {
                        now.push(value);
                    }
                }
            }
            let mut only = now.into_iter();
            let candidate = match (only.next(), only.next()) {
                (Some(Some(FieldValue::Text(new))), None) => Id::new(new).ok(),
                _ => None,
            };
            if let Some(new) = candidate.filter(|n| added.contains(&n) && !matched.contains(n)) {
                matched.insert(new.clone());
                found.push(((*old).clone(), new));
            }
        }
        // By contents: the same fields under a new id.
        let unmatched: Vec<&&Id> = gone
            .iter()
            .filter(|g| !found.iter().any(|(o, _)| o == **g))
            .collect();
        if !unmatched.is_empty() {
            let base_contents: HashMap<Id, Contents> =
                visit_kind(kind, Entries(base)).into_iter().collect();
            let side_contents: Vec<(Id, Contents)> = visit_kind(kind, Entries(side))
                .into_iter()
                .filter(|(id, _)| !base_ids.contains(id))
                .collect();
            for old in unmatched {
                let Some(contents) = base_contents.get(*old) else {
                    continue;
                };
                let mut same = side_contents
                    .iter()
                    .filter(|(id, c)| c == contents && !matched.contains(id));
                if let (Some((new, _)), None) = (same.next(), same.next()) {
                    matched.insert(new.clone());
                    found.push(((**old).clone(), new.clone()));
                }
            }
        }
        renames.extend(found.into_iter().map(|(old, new)| (kind, old, new)));
    }
    if renames.is_empty() {
        return (Cow::Borrowed(side), renames);
    }
    let mut journey = side.clone();
    renames.retain(|(kind, old, new)| rename(&mut journey, *kind, new, old.clone()).is_ok());
    (Cow::Owned(journey), renames)
}

/// Applies both sides' renames to the merged journey; a base id renamed
/// differently on each side is a conflict. Returns how many came from
/// THEIRS.
pub fn reapply(
    journey: &mut Journey,
    ours: &Renames,
    theirs: &Renames,
    options: Options,
    conflicts: &mut Vec<Conflict>,
) -> usize {
    let mut taken = 0;
    let mut plan: Vec<(Kind, Id, Id, Side)> = Vec::new();
    for (kind, old, new) in ours {
        let other = theirs.iter().find(|(k, o, _)| k == kind && o == old);
        match other {
            Some((_, _, theirs_new)) if theirs_new != new => {
                conflicts.push(Conflict {
                    entry: Some((*kind, old.clone())),
                    clash: Clash::Field {
                        field: Field::Id.key().into(),
                        base: Some(quoted(old.as_str())),
                        ours: Some(quoted(new.as_str())),
                        theirs: Some(quoted(theirs_new.as_str())),
                    },
                });
                let (chosen, side) = match options.prefer {
                    Side::Ours => (new, Side::Ours),
                    Side::Theirs => (theirs_new, Side::Theirs),
                };
                plan.push((*kind, old.clone(), chosen.clone(), side));
            }
            _ => plan.push((*kind, old.clone(), new.clone(), Side::Ours)),
        }
    }
    for (kind, old, new) in theirs {
        if !ours.iter().any(|(k, o, _)| k == kind && o == old) {
            plan.push((*kind, old.clone(), new.clone(), Side::Theirs));
        }
    }
    for (kind, old, new, side) in plan {
        if !exists(journey, kind, &old) {
            continue;
        }
        if exists(journey, kind, &new) {
            conflicts.push(Conflict {
                entry: Some((kind, old.clone())),
                clash: Clash::Field {
                    field: Field::Id.key().into(),
                    base: Some(quoted(old.as_str())),
                    ours: Some(quoted(new.as_str())),
                    theirs: Some(format!(
                        "{} (taken by another {})",
                        quoted(new.as_str()),
                        kind.noun()
                    )),
                },
            });
            continue;
        }
        if rename(journey, kind, &old, new).is_ok() && side == Side::Theirs {
            taken += 1;
        }
    }
    taken
}
