//! One kind of entry, three-way: which entries stay, go or arrive, and each
//! kept entry's fields merged one by one. Generic over the kind, so a new
//! kind of entry merges as soon as it implements `EntryList`.

use std::collections::{HashMap, HashSet};

use super::order::{self, Placed};
use super::{Clash, Conflict, Options, Pick, Side, shown};
use crate::model::{
    EntryList, Field, FieldSpec, FieldType, FieldValue, Id, Journey, KindVisitor, Metric, Origin,
};

/// Merges the entries of one kind into `out`, which holds OURS's (they are
/// moved, not copied); its output is how many changes came from THEIRS.
pub struct MergeKind<'a> {
    pub base: &'a Journey,
    pub theirs: &'a Journey,
    pub options: Options,
    pub out: &'a mut Journey,
    pub conflicts: &'a mut Vec<Conflict>,
}

impl KindVisitor for MergeKind<'_> {
    type Output = usize;

    fn visit<E: EntryList>(self) -> usize {
        let (base, theirs) = (E::list(self.base), E::list(self.theirs));
        let ours = std::mem::take(E::list_mut(self.out));
        if ours == *theirs {
            *E::list_mut(self.out) = ours;
            return 0;
        }
        let mut merger = Merger {
            base: index(base),
            theirs_index: index(theirs),
            base_list: base,
            theirs_list: theirs,
            options: self.options,
            conflicts: self.conflicts,
            taken: 0,
        };
        let merged = merger.run(ours);
        let taken = merger.taken;
        *E::list_mut(self.out) = merged;
        taken
    }
}

fn index<E: EntryList>(list: &[E]) -> HashMap<&Id, usize> {
    list.iter().enumerate().map(|(i, e)| (e.id(), i)).collect()
}

struct Merger<'a, 'c, E> {
    base: HashMap<&'a Id, usize>,
    theirs_index: HashMap<&'a Id, usize>,
    base_list: &'a [E],
    theirs_list: &'a [E],
    options: Options,
    conflicts: &'c mut Vec<Conflict>,
    taken: usize,
}

impl<'a, E: EntryList> Merger<'a, '_, E> {
    fn run(&mut self, ours: Vec<E>) -> Vec<E> {
        let ours_ids: HashSet<Id> = ours.iter().map(|e| e.id().clone()).collect();
        let moved_ours: HashSet<Id> = order::moved(&ours, &self.base)
            .into_iter()
            .cloned()
            .collect();
        let moved_theirs = order::moved(self.theirs_list, &self.base);
        let mut placed: Vec<Placed<E>> = Vec::with_capacity(ours.len());
        for o in ours {
            let b = self.base.get(o.id()).map(|&i| &self.base_list[i]);
            let t = self.theirs_index.get(o.id()).map(|&i| &self.theirs_list[i]);
            let by_theirs = moved_theirs.contains(o.id()) && !moved_ours.contains(o.id());
            let entry = match (b, t) {
                (Some(b), Some(t)) => self.entry(Some(b), o, t),
                (Some(b), None) if o == *b => {
                    self.taken += 1;
                    continue;
                }
                (Some(b), None) => {
                    self.removed(Side::Theirs, b, &o);
                    if self.options.prefer == Side::Theirs && !self.options.keep_changed {
                        continue;
                    }
                    o
                }
                (None, Some(t)) => self.entry(None, o, t),
                (None, None) => o,
            };
            if by_theirs {
                self.taken += 1;
            }
            placed.push(Placed {
                entry,
                after_theirs: by_theirs,
                ours_only: b.is_none() && t.is_none(),
            });
        }
        for t in self.theirs_list {
            let id = t.id();
            if ours_ids.contains(id) {
                continue;
            }
            let keep = match self.base.get(id).map(|&i| &self.base_list[i]) {
                Some(b) if b == t => false,
                Some(b) => {
                    self.removed(Side::Ours, b, t);
                    self.options.prefer == Side::Theirs || self.options.keep_changed
                }
                None => {
                    self.taken += 1;
                    true
                }
            };
            if keep {
                let mut entry = t.clone();
                entry.set_origin(Origin::NEW);
                placed.push(Placed {
                    entry,
                    after_theirs: true,
                    ours_only: false,
                });
            }
        }
        order::arrange(placed, self.theirs_list)
    }

    /// An entry removed by `by` and changed by the other side (`changed`).
    fn removed(&mut self, by: Side, base: &E, changed: &E) {
        let fields = E::KIND
            .fields()
            .iter()
            .filter(|s| base.get(s.field) != changed.get(s.field))
            .map(|s| s.field.key().to_owned())
            .collect();
        self.conflicts.push(Conflict {
            entry: Some((E::KIND, changed.id().clone())),
            clash: Clash::Removed {
                by,
                changed: fields,
            },
        });
    }

    /// One entry both sides have, field by field, starting from OURS.
    fn entry(&mut self, base: Option<&E>, ours: E, theirs: &E) -> E {
        if ours == *theirs || base == Some(theirs) {
            return ours;
        }
        if base == Some(&ours) {
            self.taken += 1;
            let mut entry = theirs.clone();
            entry.set_origin(ours.origin());
            return entry;
        }
        let id = ours.id().clone();
        let mut entry = ours;
        for spec in E::KIND.fields() {
            let get = |e: &E| e.get(spec.field);
            let (b, o, t) = (base.and_then(&get), get(&entry), get(theirs));
            let value = match resolve(*spec, &b, &o, &t) {
                Resolved::Pick(Pick::Ours) => continue,
                Resolved::Pick(Pick::Theirs) => t,
                Resolved::Value(v) => v,
                Resolved::Clash => {
                    self.conflicts.push(Conflict {
                        entry: Some((E::KIND, id.clone())),
                        clash: field_clash(*spec, &b, &o, &t),
                    });
                    match self.options.prefer {
                        Side::Ours => continue,
                        Side::Theirs => t,
                    }
                }
            };
            if entry.set(spec.field, value.clone()).is_ok() {
                self.taken += 1;
            } else {
                self.conflicts.push(Conflict {
                    entry: Some((E::KIND, id.clone())),
                    clash: field_clash(*spec, &b, &o, &value),
                });
            }
        }
        entry
    }
}

/// How one field merges.
enum Resolved {
    Pick(Pick),
    /// Both changed it and the changes combine (lists, metrics).
    Value(Option<FieldValue>),
    Clash,
}

/// The plain three-way rule: equal sides, or the side that changed.
pub(super) fn three_way<T: PartialEq>(base: &T, ours: &T, theirs: &T) -> Option<Pick> {
    if ours == theirs || theirs == base {
        Some(Pick::Ours)
    } else if ours == base {
        Some(Pick::Theirs)
    } else {
        None
    }
}

fn resolve(
    spec: FieldSpec,
    base: &Option<FieldValue>,
    ours: &Option<FieldValue>,
    theirs: &Option<FieldValue>,
) -> Resolved {
    if let Some(pick) = three_way(base, ours, theirs) {
        return Resolved::Pick(pick);
    }
    match spec.ty {
        FieldType::Metrics => metrics(base, ours, theirs).map_or(Resolved::Clash, Resolved::Value),
        FieldType::TextList => Resolved::Value(text_list(base, ours, theirs)),
        _ if spec.field == Field::Id => Resolved::Pick(Pick::Ours),
        _ => Resolved::Clash,
    }
}

pub(super) fn field_clash(
    spec: FieldSpec,
    base: &Option<FieldValue>,
    ours: &Option<FieldValue>,
    theirs: &Option<FieldValue>,
) -> Clash {
    Clash::Field {
        field: spec.field.key().to_owned(),
        base: shown(base),
        ours: shown(ours),
        theirs: shown(theirs),
    }
}

fn metric_list(value: &Option<FieldValue>) -> &[Metric] {
    match value {
        Some(FieldValue::Metrics(m)) => m,
        _ => &[],
    }
}

/// Metrics merge by name: each metric three-way; `None` when one metric
/// was set to two different values.
fn metrics(
    base: &Option<FieldValue>,
    ours: &Option<FieldValue>,
    theirs: &Option<FieldValue>,
) -> Option<Option<FieldValue>> {
    let (b, o, t) = (metric_list(base), metric_list(ours), metric_list(theirs));
    // A metric merges whole: its value with its details (n, period, source).
    let value = |list: &[Metric], name: &str| list.iter().find(|m| m.name == name).cloned();
    let mut names: Vec<&str> = o.iter().map(|m| m.name.as_str()).collect();
    for m in t {
        if !names.contains(&m.name.as_str()) {
            names.push(&m.name);
        }
    }
    let mut merged = Vec::new();
    for name in names {
        let (bv, ov, tv) = (value(b, name), value(o, name), value(t, name));
        let pick = match three_way(&bv, &ov, &tv)? {
            Pick::Ours => ov,
            Pick::Theirs => tv,
        };
        if let Some(metric) = pick {
            merged.push(metric);
        }
    }
    Some((!merged.is_empty()).then_some(FieldValue::Metrics(merged)))
}

fn items(value: &Option<FieldValue>) -> &[String] {
    match value {
        Some(FieldValue::TextList(items)) => items,
        _ => &[],
    }
}

/// Lists of texts merge as sets: OURS's items in OURS's order, less those
/// THEIRS removed, then those THEIRS added.
fn text_list(
    base: &Option<FieldValue>,
    ours: &Option<FieldValue>,
    theirs: &Option<FieldValue>,
) -> Option<FieldValue> {
    let (b, o, t) = (items(base), items(ours), items(theirs));
    let removed: HashSet<&String> = b.iter().filter(|i| !t.contains(i)).collect();
    let mut merged: Vec<String> = o.iter().filter(|i| !removed.contains(i)).cloned().collect();
    for item in t {
        if !b.contains(item) && !merged.contains(item) {
            merged.push(item.clone());
        }
    }
    (!merged.is_empty()).then_some(FieldValue::TextList(merged))
}
