//! Stages, departments, partners, metric definitions, actions and steps
//! that were added, removed or changed field by field; stages also report a
//! new place in the order.

use super::{FieldChange, Status, fields, longest_increasing, pair_by_id};
use crate::model::{Id, Journey, Kind};

/// A stage, department, partner, action or step that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryDiff {
    pub kind: Kind,
    pub status: Status,
    pub id: Id,
    /// Name (or an action's title) as it is now, or as it was when removed.
    pub name: String,
    pub fields: Vec<FieldChange>,
}

/// Diffs one kind of entry by id; stages also report a new place in order.
fn diff_kind<E>(
    kind: Kind,
    old: &[E],
    new: &[E],
    id: fn(&E) -> &Id,
    name: fn(&E) -> &str,
    changes: fn(&E, &E) -> Vec<FieldChange>,
    out: &mut Vec<EntryDiff>,
) {
    let entry = |status, e: &E, fields| EntryDiff {
        kind,
        status,
        id: id(e).clone(),
        name: name(e).to_owned(),
        fields,
    };
    let pairs = pair_by_id(old.iter().map(id), new.iter().map(id));
    let common: Vec<usize> = pairs.iter().flatten().copied().collect();
    let staying = longest_increasing(&common);
    let mut kept = 0;
    for (position, e) in new.iter().enumerate() {
        let Some(o) = pairs[position] else {
            out.push(entry(Status::Added, e, Vec::new()));
            continue;
        };
        let mut fields = changes(&old[o], e);
        if kind == Kind::Stage && !staying.get(kept).copied().unwrap_or(true) {
            fields.push(FieldChange {
                field: "position".into(),
                old: Some((o + 1).to_string()),
                new: Some((position + 1).to_string()),
            });
        }
        kept += 1;
        if !fields.is_empty() {
            out.push(entry(Status::Changed, e, fields));
        }
    }
    let mut paired = vec![false; old.len()];
    for &o in &common {
        paired[o] = true;
    }
    for (e, _) in old.iter().zip(paired).filter(|(_, paired)| !paired) {
        out.push(entry(Status::Removed, e, Vec::new()));
    }
}

pub(super) fn entry_diffs(old: &Journey, new: &Journey) -> Vec<EntryDiff> {
    let mut out = Vec::new();
    diff_kind(
        Kind::Stage,
        &old.stages,
        &new.stages,
        |e| &e.id,
        |e| &e.name,
        fields::entry_changes,
        &mut out,
    );
    diff_kind(
        Kind::Department,
        &old.departments,
        &new.departments,
        |e| &e.id,
        |e| &e.name,
        fields::entry_changes,
        &mut out,
    );
    diff_kind(
        Kind::Partner,
        &old.partners,
        &new.partners,
        |e| &e.id,
        |e| &e.name,
        fields::entry_changes,
        &mut out,
    );
    diff_kind(
        Kind::MetricDef,
        &old.metrics,
        &new.metrics,
        |e| &e.id,
        |e| &e.name,
        fields::entry_changes,
        &mut out,
    );
    diff_kind(
        Kind::Action,
        &old.actions,
        &new.actions,
        |e| &e.id,
        |e| &e.title,
        fields::entry_changes,
        &mut out,
    );
    diff_kind(
        Kind::Step,
        &old.steps,
        &new.steps,
        |e| &e.id,
        |e| &e.name,
        fields::entry_changes,
        &mut out,
    );
    out
}
